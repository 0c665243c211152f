"""What the review must have covered before a verdict may be signed (checklist.md, neutrality property 3): every
evidence item the rules consider opened, both parties' chat logs read to the end. The GUI's Sign button
(``ReviewSession.sign_blockers``) and the store's ``sign_verdict`` ask the same questions here.

``progress`` is the shape drafts keep: ``{"opened_evidence": [ids], "chats_read": ["owner:channel", ...]}``.
Pure: no Qt, no SQL, no I/O.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

PARTY_OWNERS = ("buyer", "seller")


def _value(x: Any) -> str:
    return str(getattr(x, "value", x))


def chat_key(log: Any) -> str:
    return f"{_value(log.owner)}:{_value(log.channel)}"


def required_chats(case: Any) -> set[str]:
    """Every chat log owned by the buyer or the seller, as ``owner:channel``."""
    return {chat_key(log) for log in case.chat_logs if _value(log.owner) in PARTY_OWNERS}


def evidence_to_open(evidence_statuses: Iterable[Any], tampered: Iterable[str] = ()) -> list[str]:
    """Ids (review order) the reviewer must have opened: all but those excluded by rule as not requested and
    those whose stored bytes no longer match (they cannot be shown; the rules make them not authentic)."""
    bad = set(tampered)
    return [s.id for s in evidence_statuses if s.forced_reason != "not_requested" and s.id not in bad]


def progress_gaps(case: Any, evidence_statuses: Iterable[Any], progress: Mapping[str, Any] | None,
                  tampered: Iterable[str] = ()) -> list[str]:
    """What the review progress still lacks, one English phrase each; empty when complete."""
    progress = progress or {}
    opened = set(progress.get("opened_evidence") or ())
    read = set(progress.get("chats_read") or ())
    gaps = [f"evidence {eid} not opened" for eid in evidence_to_open(evidence_statuses, tampered)
            if eid not in opened]
    for key in sorted(required_chats(case) - read):
        owner, _, channel = key.partition(":")
        gaps.append(f"the {owner}'s chat log ({channel}) not read to the end")
    return gaps
