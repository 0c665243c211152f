"""One ordered timeline of a case."""
from __future__ import annotations

from arbiter.domain.parse import case_from_dict
from arbiter.domain.timeline import KINDS, build_timeline
from tests.factories import case_dict


def test_timeline_sorted_and_complete():
    case = case_from_dict(case_dict())
    events = build_timeline(case)
    assert [e.at for e in events] == sorted(e.at for e in events)
    kinds = {e.kind for e in events}
    assert kinds == set(KINDS)
    keys = [e.title_key for e in events]
    assert keys[0] == "order.placed"
    for key in ("order.paid", "order.shipped", "order.delivered", "logistics.delivered", "claim.submitted",
                "seller.responded", "intervention.requested", "dispute.opened", "evidence.submitted"):
        assert key in keys
    # the chat appears once per aligned row (M1, M2, M3), not once per copy
    chat = [e for e in events if e.kind == "chat"]
    assert [e.ref for e in chat] == ["M1", "M2", "M3"]
    assert [e.params["mark"] for e in chat] == ["same", "missing_in_seller", "edited"]
    evidence = [e.ref for e in events if e.kind == "evidence"]
    assert sorted(evidence) == ["E1", "E2", "E3"]


def test_ties_keep_kind_order():
    case = case_from_dict(case_dict())
    events = build_timeline(case)
    # delivered (order) and the logistics "delivered" event share a time: order comes first
    same_time = [e for e in events if e.at == case.order.delivered_at]
    assert [e.kind for e in same_time] == ["order", "logistics"]


def test_no_delivery_no_logistics():
    data = case_dict()
    del data["order"]["delivered_at"]
    del data["order"]["logistics"]
    data["chat_logs"] = []
    events = build_timeline(case_from_dict(data))
    assert "order.delivered" not in [e.title_key for e in events]
    assert not any(e.kind in ("logistics", "chat") for e in events)
