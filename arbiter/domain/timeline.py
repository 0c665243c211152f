"""One ordered timeline of a case: order, logistics, after-sale, evidence and chat events. Pure.

Each event carries a ``title_key`` (a fixed identifier the UI translates, with ``params`` to fill in) and, where
the parties wrote something, their ``text`` verbatim (shown as plain text, never translated). Chat messages
that appear in both parties' copies of a conversation appear once, with the alignment mark of
:mod:`arbiter.domain.chatalign` in ``params["mark"]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from arbiter.domain.chatalign import align, pair_logs
from arbiter.domain.model import Case

ORDER = "order"
LOGISTICS = "logistics"
AFTER_SALE = "after_sale"
EVIDENCE = "evidence"
CHAT = "chat"
KINDS = (ORDER, LOGISTICS, AFTER_SALE, EVIDENCE, CHAT)
_KIND_RANK = {k: n for n, k in enumerate(KINDS)}


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str                       # one of KINDS
    party: str | None               # buyer, seller, platform, system, carrier or None
    title_key: str                  # e.g. "order.placed", "logistics.delivered", "evidence.submitted"
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    text: str = ""                  # the parties' own words, verbatim
    ref: str | None = None          # an evidence or message id to jump to


def build_timeline(case: Case) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    add = events.append
    order = case.order
    add(TimelineEvent(order.placed_at, ORDER, "buyer", "order.placed", {"order_id": order.order_id}))
    add(TimelineEvent(order.paid_at, ORDER, "buyer", "order.paid",
                      {"amount": str(order.total_paid), "currency": order.currency,
                       "payment_method": order.payment_method}))
    if order.shipped_at is not None:
        add(TimelineEvent(order.shipped_at, ORDER, "seller", "order.shipped", {}))
    if order.delivered_at is not None:
        add(TimelineEvent(order.delivered_at, ORDER, None, "order.delivered", {}))
    if order.logistics is not None:
        for ev in order.logistics.events:
            add(TimelineEvent(ev.at, LOGISTICS, "carrier", f"logistics.{ev.status.value}",
                              {"status": ev.status.value, "carrier": order.logistics.carrier,
                               "tracking_no": order.logistics.tracking_no}, text=ev.detail))

    claim, after = case.claim, case.after_sale
    add(TimelineEvent(claim.submitted_at, AFTER_SALE, "buyer", "claim.submitted",
                      {"type": claim.type.value, "remedy": claim.requested_remedy.value,
                       "amount": str(claim.amount), "currency": order.currency}, text=claim.reason_text))
    if after.seller_responded_at is not None:
        add(TimelineEvent(after.seller_responded_at, AFTER_SALE, "seller", "seller.responded",
                          {"response": after.seller_response.value}))
    add(TimelineEvent(after.intervention_requested_at, AFTER_SALE, "buyer", "intervention.requested", {}))
    add(TimelineEvent(case.opened_at, AFTER_SALE, "platform", "dispute.opened", {"case_id": case.case_id}))
    if after.previous_decision_at is not None:
        add(TimelineEvent(after.previous_decision_at, AFTER_SALE, "platform", "previous.decision",
                          {"previous_appeals": after.previous_appeals}))

    for item in case.evidence:
        add(TimelineEvent(item.submitted_at, EVIDENCE, item.party.value, "evidence.submitted",
                          {"id": item.id, "kind": item.kind.value, "submission": item.submission,
                           "requested": item.requested, "primary": item.is_primary},
                          text=item.description, ref=item.id))

    for pair in pair_logs(case):
        if pair.is_pair:
            for row in align(pair.buyer, pair.seller):
                m = row.buyer if row.buyer is not None else row.seller
                add(TimelineEvent(row.at, CHAT, m.sender.value, "chat.message",
                                  {"channel": pair.channel.value, "mark": row.mark, "id": m.id,
                                   "attachments": list(m.attachments)}, text=m.text, ref=m.id))
        else:
            log = pair.solo
            for m in log.messages:
                add(TimelineEvent(m.at, CHAT, m.sender.value, "chat.message",
                                  {"channel": pair.channel.value, "mark": None, "id": m.id,
                                   "owner": log.owner.value, "attachments": list(m.attachments)},
                                  text=m.text, ref=m.id))

    # Stable: ties keep the order above (order, logistics, after-sale, evidence, chat; then bundle order).
    indexed = sorted(enumerate(events), key=lambda ie: (ie[1].at, _KIND_RANK[ie[1].kind], ie[0]))
    return [e for _, e in indexed]
