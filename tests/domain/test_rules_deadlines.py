"""Step 6 of checklist.md: deadlines as absolute dates in the parties' time zone (seeds 002, 003, 004)."""
from __future__ import annotations

from datetime import datetime

from arbiter.domain.checklist import decide
from tests.domain.conftest import answers, custom_policy, deadline, make_case, run


def test_tiktok_deadlines_from_a_plus_0800_decision_in_london_seed_002_003():
    """Deadlines (002, 003): a decision signed at 10:00 +08:00 on a UK case prints London times."""
    record = run(decided_at="2025-03-05T10:00:00+08:00")
    assert record["time_zone"] == "Europe/London"
    assert record["decided_at"] == "2025-03-05T10:00:00+08:00"
    assert [d["id"] for d in record["deadlines"]] == ["seller_execute", "buyer_return_ship",
                                                      "seller_confirm_receipt", "appeal_window"]
    assert deadline(record, "seller_execute") | {"rule": None} == {
        "id": "seller_execute", "party": "seller", "due": "2025-03-07T02:00:00+00:00",
        "on_miss": "auto_deduction", "rule": None, "after": "48h", "counts_from": "decision", "extension": None}
    assert deadline(record, "buyer_return_ship")["due"] == "2025-03-10T02:00:00+00:00"
    assert deadline(record, "buyer_return_ship")["party"] == "buyer"
    assert deadline(record, "buyer_return_ship")["on_miss"] == "return_closes"
    assert deadline(record, "appeal_window")["due"] == "2025-03-07T02:00:00+00:00"
    assert deadline(record, "appeal_window")["on_miss"] == "appeal_closed"


def test_seller_confirm_receipt_has_no_date_only_the_rule_seed_003():
    """seller_confirm_receipt (seed 003): counts from the buyer's tracking upload: due null, rule states
    8 days, deemed delivered, refund within 48 h, one 4-day extension."""
    item = deadline(run(), "seller_confirm_receipt")
    assert item["due"] is None and item["on_miss"] == "deemed_delivered" and item["party"] == "seller"
    assert (item["after"], item["extension"]) == ("8d", "4d") and item["counts_from"] != "decision"
    for figure in ("8 days", "48 h", "4 days", "once"):
        assert figure in item["rule"]


def test_douyin_deadlines_seed_004():
    """Deadlines (seed 004): 48 h for the merchant (else auto agree), 7 days to fill in the return tracking
    number, 7 days to confirm receipt (else auto confirm); Shanghai time."""
    record = run(douyin=True, decided_at="2025-03-05T10:00:00+08:00")
    assert record["time_zone"] == "Asia/Shanghai"
    assert deadline(record, "seller_execute")["due"] == "2025-03-07T10:00:00+08:00"
    assert deadline(record, "seller_execute")["on_miss"] == "auto_agree"
    assert deadline(record, "buyer_return_ship")["due"] == "2025-03-12T10:00:00+08:00"
    confirm = deadline(record, "seller_confirm_receipt")
    assert confirm["due"] is None and confirm["on_miss"] == "auto_confirm" and "7 days" in confirm["rule"]


def test_deadlines_in_us_eastern_time_seed_002():
    record = run({"region": "US", "order.currency": "USD"}, decided_at="2025-03-05T10:00:00+00:00")
    assert record["time_zone"] == "America/New_York"
    assert deadline(record, "seller_execute")["due"] == "2025-03-07T05:00:00-05:00"


def test_day_deadlines_keep_wall_clock_across_dst_seed_003():
    """buyer_return_ship (seed 003): 5 days later at the same London wall-clock time across the DST change;
    48 h stays 48 elapsed hours."""
    record = run(decided_at="2025-03-28T12:00:00+00:00")
    assert deadline(record, "buyer_return_ship")["due"] == "2025-04-02T12:00:00+01:00"
    assert deadline(record, "seller_execute")["due"] == "2025-03-30T13:00:00+01:00"


def test_unknown_region_uses_the_opened_at_offset():
    """Unknown region: the fixed UTC offset of case.opened_at."""
    record = run({"region": "IN", "order.currency": "INR", "opened_at": "2025-03-04T09:00:00+05:30"},
                 decided_at="2025-03-05T10:00:00+00:00")
    assert record["time_zone"] == "UTC+05:30"
    assert deadline(record, "seller_execute")["due"] == "2025-03-07T15:30:00+05:30"


def test_no_return_no_return_deadlines_seed_003():
    record = run(remedy="refund_only")
    assert [d["id"] for d in record["deadlines"]] == ["seller_execute", "appeal_window"]


def test_declined_has_no_deadlines_seed_002():
    assert run({"after_sale.legal_proceedings": True})["deadlines"] == []


def test_seller_favoured_only_appeal_window_seed_002():
    record = run(finding="contradicted", remedy="none", amount=None, problem=None)
    assert [d["id"] for d in record["deadlines"]] == ["appeal_window"]


def test_no_appeal_window_when_no_appeals_remain_seed_002():
    record = run({"after_sale.previous_appeals": 1,
                  "after_sale.previous_decision_at": "2025-02-26T10:00:00+00:00"})
    assert record["appeals"]["buyer_remaining"] == 0
    assert deadline(record, "appeal_window") is None


def test_deadline_lengths_come_from_policy_seed_002_003():
    case = make_case()
    policy = custom_policy("tiktok_shop", "UK", deadlines={"seller_execute": {"after": "24h"},
                                                           "buyer_return_ship": {"after": "3d"}})
    record = decide(case, policy, answers(decided_at="2025-03-05T10:00:00+00:00"))
    assert deadline(record, "seller_execute")["due"] == "2025-03-06T10:00:00+00:00"
    assert deadline(record, "buyer_return_ship")["due"] == "2025-03-08T10:00:00+00:00"
    assert "24 h" in deadline(record, "seller_execute")["rule"]


def test_due_timestamps_parse_with_offset_and_seconds():
    for item in run()["deadlines"]:
        if item["due"] is not None:
            parsed = datetime.fromisoformat(item["due"])
            assert parsed.utcoffset() is not None and len(item["due"]) == 25
