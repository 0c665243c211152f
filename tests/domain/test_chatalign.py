"""Aligning the buyer's and the seller's copy of a conversation."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from arbiter.domain.chatalign import (
    EDITED, MISSING_IN_BUYER, MISSING_IN_SELLER, SAME, align, count_marks, log_key, pair_logs,
)
from arbiter.domain.model import Channel, ChatLog, ChatMessage, ChatOwner, Sender
from arbiter.domain.parse import case_from_dict
from tests.factories import case_dict

T0 = datetime(2025, 2, 25, 9, 0, tzinfo=timezone.utc)


def msg(mid, minutes, sender="buyer", text="hi", attachments=()):
    return ChatMessage(mid, T0 + timedelta(minutes=minutes), Sender(sender), text, tuple(attachments))


def test_factory_case_marks_missing_and_edited():
    case = case_from_dict(case_dict())
    pairs = pair_logs(case)
    assert len(pairs) == 1 and pairs[0].is_pair
    rows = align(pairs[0].buyer, pairs[0].seller)
    assert [(r.buyer and r.buyer.id, r.seller and r.seller.id, r.mark) for r in rows] == [
        ("M1", "M1", SAME),
        ("M2", None, MISSING_IN_SELLER),
        ("M3", "M3", EDITED),
    ]
    assert rows[2].differences == ("text",)


def test_missing_in_buyer_and_sorted_by_time():
    rows = align([msg("A", 5)], [msg("B", 1, "seller"), msg("A", 5)])
    assert [r.mark for r in rows] == [MISSING_IN_BUYER, SAME]
    assert rows[0].at < rows[1].at


def test_match_by_sender_and_time_when_ids_differ():
    buyer = [msg("b1", 0, "seller", "hello"), msg("b2", 10, "seller", "we refund")]
    seller = [msg("s1", 1, "seller", "hello"), msg("s2", 11, "seller", "we refund half")]
    rows = align(buyer, seller)
    assert [r.mark for r in rows] == [SAME, EDITED]
    # outside the tolerance or a different sender: not the same message
    rows = align([msg("b1", 0, "seller")], [msg("s1", 3, "seller")])
    assert sorted(r.mark for r in rows) == [MISSING_IN_BUYER, MISSING_IN_SELLER]
    rows = align([msg("b1", 0, "buyer")], [msg("s1", 0, "seller")])
    assert len(rows) == 2


def test_shared_ids_no_guessing_by_time():
    """Where the copies share ids, a message under another id is another message, even if close in time."""
    rows = align([msg("M1", 0), msg("M2", 1, text="x")], [msg("M1", 0), msg("M9", 1, text="y")])
    assert rows[0].mark == SAME and {r.mark for r in rows[1:]} == {MISSING_IN_SELLER, MISSING_IN_BUYER}


def test_identical_text_preferred_over_nearest_time():
    buyer = [msg("b1", 0, "seller", "first"), msg("b2", 1, "seller", "second")]
    seller = [msg("s2", 1, "seller", "second"), msg("s1", 0, "seller", "first")]
    rows = align(buyer, seller)
    assert all(r.mark == SAME for r in rows)


def test_attachment_difference_is_an_edit():
    rows = align([msg("M1", 0, attachments=["E1"])], [msg("M1", 0)])
    assert rows[0].mark == EDITED and rows[0].differences == ("attachments",)


def test_empty_copies():
    assert align(None, None) == []
    rows = align(ChatLog(ChatOwner.BUYER, Channel.BUYER_SELLER, (msg("M1", 0),)), None)
    assert rows[0].mark == MISSING_IN_SELLER


def test_pair_logs_solo_and_platform():
    data = case_dict()
    data["chat_logs"].append({"owner": "platform", "channel": "buyer_support", "messages": [
        {"id": "P1", "at": "2025-02-27T10:00:00+00:00", "sender": "platform", "text": "We are looking into it."}]})
    data["chat_logs"].append({"owner": "buyer", "channel": "buyer_support", "messages": [
        {"id": "S1", "at": "2025-02-27T09:30:00+00:00", "sender": "buyer", "text": "Help"}]})
    case = case_from_dict(data)
    pairs = pair_logs(case)
    assert [(p.channel.value, p.is_pair) for p in pairs] == [
        ("buyer_seller", True), ("buyer_support", False), ("buyer_support", False)]
    assert pairs[1].solo.owner is ChatOwner.BUYER and pairs[2].solo.owner is ChatOwner.PLATFORM
    assert log_key(pairs[0].buyer) == "buyer:buyer_seller"


def test_5000_messages_aligned_with_every_mark():
    buyer, seller = [], []
    for n in range(2600):
        sender = "buyer" if n % 2 else "seller"
        m = msg(f"M{n}", n, sender, f"text {n}")
        if n % 97 != 0:
            buyer.append(m)
        if n % 89 != 0:
            seller.append(m if n % 31 else msg(f"M{n}", n, sender, f"changed {n}"))
    rows = align(buyer, seller)   # its speed is a figure of bench/bench_case_open.py, not asserted here
    counts = count_marks(rows)
    assert len(rows) == 2599  # M0 is in neither copy
    assert counts[MISSING_IN_BUYER] > 0 and counts[MISSING_IN_SELLER] > 0 and counts[EDITED] > 0


messages = st.lists(
    st.tuples(st.integers(0, 300), st.sampled_from(["buyer", "seller"]), st.sampled_from(["a", "b", "c"]),
              st.booleans(), st.booleans()),
    max_size=40)


@settings(max_examples=150, deadline=None)
@given(messages)
def test_every_message_appears_exactly_once_in_time_order(spec):
    buyer, seller = [], []
    for n, (minute, sender, text, in_b, in_s) in enumerate(spec):
        if in_b:
            buyer.append(msg(f"b{n}", minute, sender, text))
        if in_s:
            seller.append(msg(f"s{n}" if n % 3 else f"b{n}", minute, sender, text))
    rows = align(buyer, seller)
    assert sorted(id(r.buyer) for r in rows if r.buyer) == sorted(id(m) for m in buyer)
    assert sorted(id(r.seller) for r in rows if r.seller) == sorted(id(m) for m in seller)
    assert [r.at for r in rows] == sorted(r.at for r in rows)
    for r in rows:
        if r.buyer and r.seller:
            assert r.mark in (SAME, EDITED)
            assert (r.mark == SAME) == (r.buyer.text == r.seller.text and r.buyer.sender == r.seller.sender)
        else:
            assert r.mark == (MISSING_IN_SELLER if r.buyer else MISSING_IN_BUYER)


def test_mirror_symmetry():
    """Swapping the copies swaps the columns and the missing marks: neither party is favoured."""
    case = case_from_dict(case_dict())
    b, s = case.chat_logs
    rows = align(b, s)
    mirrored = align(s, b)
    flip = {SAME: SAME, EDITED: EDITED, MISSING_IN_BUYER: MISSING_IN_SELLER, MISSING_IN_SELLER: MISSING_IN_BUYER}
    assert [(r.seller, r.buyer, flip[r.mark]) for r in rows] == [(r.buyer, r.seller, r.mark) for r in mirrored]
