"""Align the buyer's and the seller's copy of one conversation, row by row, in time.

Each party submits its own record of a conversation; the two may disagree (a message one side deleted, edited
or never had). :func:`align` pairs the messages of both copies and marks every row:

- ``same``: the message is in both copies and reads the same;
- ``edited``: it is in both copies but the text (or the sender or the attachments) differ;
- ``missing_in_buyer`` / ``missing_in_seller``: only the other party's copy has it.

Matching, in this order, each pass only over what the previous passes left unmatched:

1. by message id (the platform's id, the same in both copies);
2. by sender and identical text, at most :data:`DEFAULT_TOLERANCE` apart (ids rewritten by one side);
3. by sender alone, at most the tolerance apart - only when the two copies share no message id at all (each
   side numbered its messages its own way), since where the ids are shared a different id means a different
   message.

Passes 2 and 3 pair greedily in time order per sender, so the whole is O(n log n). Pure: no Qt, no I/O.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from arbiter.domain.model import Case, Channel, ChatLog, ChatMessage, ChatOwner

DEFAULT_TOLERANCE = timedelta(minutes=2)

SAME = "same"
EDITED = "edited"
MISSING_IN_BUYER = "missing_in_buyer"
MISSING_IN_SELLER = "missing_in_seller"
MARKS = (SAME, EDITED, MISSING_IN_BUYER, MISSING_IN_SELLER)


@dataclass(frozen=True, slots=True)
class AlignedRow:
    """One row of the side-by-side view. ``at`` is the earlier of the two copies' times.

    ``differences`` names what differs for an ``edited`` row: any of ``text``, ``sender``, ``attachments``,
    ``time`` (the copies disagree on the time by more than the tolerance)."""

    at: datetime
    buyer: ChatMessage | None
    seller: ChatMessage | None
    mark: str
    differences: tuple[str, ...] = ()

    @property
    def message_ids(self) -> tuple[str, ...]:
        ids = []
        for message in (self.buyer, self.seller):
            if message is not None and message.id not in ids:
                ids.append(message.id)
        return tuple(ids)


@dataclass(frozen=True, slots=True)
class LogPair:
    """One conversation as shown: the buyer's and the seller's copy side by side, or a single log alone
    (a support conversation only one party has, or a log the platform owns) in ``solo``."""

    channel: Channel
    buyer: ChatLog | None = None
    seller: ChatLog | None = None
    solo: ChatLog | None = None

    @property
    def is_pair(self) -> bool:
        return self.buyer is not None and self.seller is not None

    @property
    def logs(self) -> tuple[ChatLog, ...]:
        return tuple(log for log in (self.buyer, self.seller, self.solo) if log is not None)


def log_key(log: ChatLog) -> str:
    """The key the review session tracks a log by: ``"owner:channel"``."""
    return f"{log.owner.value}:{log.channel.value}"


def _differences(b: ChatMessage, s: ChatMessage, tolerance: timedelta) -> tuple[str, ...]:
    diffs = []
    if b.text != s.text:
        diffs.append("text")
    if b.sender != s.sender:
        diffs.append("sender")
    if tuple(b.attachments) != tuple(s.attachments):
        diffs.append("attachments")
    if abs(b.at - s.at) > tolerance:
        diffs.append("time")
    return tuple(diffs)


def _greedy_pass(buyer_left: dict[int, ChatMessage], seller_left: dict[int, ChatMessage],
                 key: Callable[[ChatMessage], Hashable], tolerance: timedelta,
                 pairs: list[tuple[int, int]]) -> None:
    """Pair unmatched messages with equal ``key`` at most ``tolerance`` apart, greedily in time order."""
    groups_b: dict[Hashable, list[tuple[datetime, int]]] = defaultdict(list)
    groups_s: dict[Hashable, list[tuple[datetime, int]]] = defaultdict(list)
    for i, m in buyer_left.items():
        groups_b[key(m)].append((m.at, i))
    for j, m in seller_left.items():
        groups_s[key(m)].append((m.at, j))
    for k, bs in groups_b.items():
        ss = groups_s.get(k)
        if not ss:
            continue
        bs.sort()
        ss.sort()
        p = 0
        for at, i in bs:
            while p < len(ss) and ss[p][0] < at - tolerance:
                p += 1
            if p < len(ss) and ss[p][0] <= at + tolerance:
                j = ss[p][1]
                pairs.append((i, j))
                del buyer_left[i]
                del seller_left[j]
                p += 1


def align(buyer_log: ChatLog | Sequence[ChatMessage] | None, seller_log: ChatLog | Sequence[ChatMessage] | None,
          *, tolerance: timedelta = DEFAULT_TOLERANCE) -> list[AlignedRow]:
    """Rows of the two copies side by side, in time order (ties keep the copies' own order)."""
    buyer = _messages(buyer_log)
    seller = _messages(seller_log)
    pairs: list[tuple[int, int]] = []

    seller_by_id: dict[str, int] = {}
    for j, m in enumerate(seller):
        seller_by_id.setdefault(m.id, j)
    buyer_left: dict[int, ChatMessage] = {}
    seller_left: dict[int, ChatMessage] = dict(enumerate(seller))
    for i, m in enumerate(buyer):
        j = seller_by_id.get(m.id)
        if j is not None and j in seller_left:
            pairs.append((i, j))
            del seller_left[j]
        else:
            buyer_left[i] = m
    ids_shared = bool(pairs)

    if buyer_left and seller_left:
        _greedy_pass(buyer_left, seller_left, lambda m: (m.sender, m.text), tolerance, pairs)
    if buyer_left and seller_left and not ids_shared:
        _greedy_pass(buyer_left, seller_left, lambda m: m.sender, tolerance, pairs)

    keyed: list[tuple[tuple, AlignedRow]] = []
    for i, j in pairs:
        b, s = buyer[i], seller[j]
        diffs = _differences(b, s, tolerance)
        row = AlignedRow(min(b.at, s.at), b, s, EDITED if diffs else SAME, diffs)
        keyed.append(((row.at, min(i, j), i, j), row))
    for i, b in buyer_left.items():
        keyed.append(((b.at, i, i, -1), AlignedRow(b.at, b, None, MISSING_IN_SELLER)))
    for j, s in seller_left.items():
        keyed.append(((s.at, j, -1, j), AlignedRow(s.at, None, s, MISSING_IN_BUYER)))
    keyed.sort(key=lambda kr: kr[0])
    return [row for _, row in keyed]


def _messages(log: ChatLog | Sequence[ChatMessage] | None) -> list[ChatMessage]:
    if log is None:
        return []
    if isinstance(log, ChatLog):
        return list(log.messages)
    return list(log)


def pair_logs(case: Case) -> list[LogPair]:
    """The conversations of a case as the case view shows them.

    For each channel, the first log the buyer owns and the first the seller owns are paired; a channel only one
    of them submitted is shown alone (``solo``), as is every log the platform owns and any further log of the
    same owner and channel. Order: ``buyer_seller``, ``buyer_support``, ``seller_support``, then by bundle order.
    """
    channel_order = {c: n for n, c in enumerate(Channel)}
    first: dict[tuple[Channel, ChatOwner], ChatLog] = {}
    extras: list[tuple[int, ChatLog]] = []
    for index, log in enumerate(case.chat_logs):
        k = (log.channel, log.owner)
        if log.owner is ChatOwner.PLATFORM or k in first:
            extras.append((index, log))
        else:
            first[k] = log
    result: list[tuple[tuple, LogPair]] = []
    channels = sorted({c for c, _ in first}, key=lambda c: channel_order[c])
    for channel in channels:
        b = first.get((channel, ChatOwner.BUYER))
        s = first.get((channel, ChatOwner.SELLER))
        if b is not None and s is not None:
            pair = LogPair(channel, buyer=b, seller=s)
        else:
            pair = LogPair(channel, solo=b or s)
        result.append(((channel_order[channel], 0, 0), pair))
    for index, log in extras:
        result.append(((channel_order[log.channel], 1, index), LogPair(log.channel, solo=log)))
    result.sort(key=lambda kp: kp[0])
    return [pair for _, pair in result]


def count_marks(rows: Iterable[AlignedRow]) -> dict[str, int]:
    counts = dict.fromkeys(MARKS, 0)
    for row in rows:
        counts[row.mark] += 1
    return counts
