"""The state of one review as every panel of the workstation reads it, and the rules the checklist form follows
between the reviewer's clicks (which remedies the outcome allows, which answers a change makes inconsistent,
what a full refund pre-fills, which ids a rationale cites).

:func:`review_state` runs the checklist engine (:func:`arbiter.domain.checklist.assess`) exactly once per change
and derives everything the panels show from that one assessment. The GUI holds none of these rules; it only
words them. Pure: no Qt, no SQL, no file I/O.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from arbiter.domain import checklist
from arbiter.domain.checklist import REFUNDING_REMEDIES, AnswerError, Assessment
from arbiter.domain.model import Case
from arbiter.domain.money import format_amount
from arbiter.domain.policy import Policy

__all__ = [
    "ReviewState", "review_state", "effective_answers", "allowed_remedies", "effective_outcome", "follow_up",
    "citations", "refund_cap", "review_target", "FULL_REFUND_REMEDIES", "PREVIEW_RATIONALE_PREFIX",
]

#: remedies that refund the whole amount paid (or the claimed lines): the amount is pre-filled with the cap
FULL_REFUND_REMEDIES = frozenset({"refund_only", "return_and_refund"})
BUYER_REMEDIES = ("refund_only", "return_and_refund", "replacement", "reship", "partial_refund")
#: the stand-in rationale of a preview while the reviewer has not written one; never stored or signed
PREVIEW_RATIONALE_PREFIX = "(preview)"

# An id-shaped token: a few letters, an optional separator, digits (E1, M12, EV-3, msg_4).
_ID_SHAPE = re.compile(r"^([A-Za-z]{1,4}[-_]?)\d+$")
_WORD = re.compile(r"\S+")
_TRAILING = ".,;:!?)]}\"'，。；：！？）"


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Everything the panels show about one review, derived from one ``assess()`` run."""

    assessment: Assessment
    #: the decision record the answers lead to (with a stand-in rationale while it is blank), or None
    preview: dict[str, Any] | None
    #: the outcome after an override, else the derived one (None while still open)
    outcome: str | None
    #: remedies the outcome allows; empty while the outcome is still open
    allowed_remedies: frozenset[str]
    #: question ids still unanswered, in question order (the rationale included while it is blank)
    missing: tuple[str, ...]
    errors: tuple[AnswerError, ...]
    #: evidence ids the reviewer must have opened before signing, in review order
    must_open: tuple[str, ...]
    #: what a full refund may at most be, as a decimal string in the currency's minor unit
    refund_cap: str
    #: the ids the rationale cites, each with whether the case knows it
    citations: tuple[tuple[str, bool], ...]

    @property
    def complete(self) -> bool:
        """Every question answered and nothing refused (opened items and read chats are the session's)."""
        return not self.missing and not self.errors and self.preview is not None

    def error_for(self, field: str) -> str | None:
        return next((e.message for e in self.errors if e.field == field), None)


def effective_answers(answers: Mapping[str, Any], reviewer: str, now: datetime) -> dict[str, Any]:
    """The answers as the rules see them now: the reviewer is who signs (never free text, issue 11), and the
    decision time is now when blank."""
    out = dict(answers)
    out["reviewer"] = reviewer
    if not out.get("decided_at"):
        out["decided_at"] = now.isoformat()
    return out


def effective_outcome(answers: Mapping[str, Any], derived: str | None) -> str | None:
    """The override's outcome when the reviewer chose one, else what the rules derive."""
    override = answers.get("override")
    if isinstance(override, Mapping) and override.get("outcome"):
        return str(override["outcome"])
    return derived


def allowed_remedies(answers: Mapping[str, Any], derived: str | None) -> frozenset[str]:
    """The remedies the outcome allows (checklist.md step 5); empty while the outcome is still open.

    Declined or seller favoured: only ``none``. Overridden to partial: only a partial refund; overridden to buyer
    favoured: every remedy but a partial refund. Derived in the buyer's favour: every remedy (a partial refund makes
    the derived outcome partial)."""
    override = answers.get("override")
    overridden = override.get("outcome") if isinstance(override, Mapping) else None
    outcome = overridden or derived
    if outcome in ("declined", "seller_favoured"):
        return frozenset({"none"})
    if overridden == "partial":
        return frozenset({"partial_refund"})
    if overridden == "buyer_favoured":
        return frozenset(r for r in BUYER_REMEDIES if r != "partial_refund")
    if outcome in ("buyer_favoured", "partial"):
        return frozenset(BUYER_REMEDIES)
    return frozenset()


def refund_cap(case: Case, assessment: Assessment | None = None) -> Decimal:
    """The most a refund may be: what the rules say (``Assessment.refund_cap`` where the engine computes one,
    e.g. the claimed lines without postage), else ``order.total_paid``."""
    cap = getattr(assessment, "refund_cap", None) if assessment is not None else None
    if cap is not None:
        return Decimal(str(getattr(cap, "amount", cap)))   # rules revision 2: a RefundCap(amount, basis, ...)
    return case.order.total_paid


def citations(text: str, known: frozenset[str] | set[str]) -> list[tuple[str, bool]]:
    """The ids ``text`` cites, in order of first mention, each with whether the case knows it.

    Known ids are found by the engine's own tokenizer (:func:`checklist.rationale_citations`), so the panel and
    the signed record never disagree. A word shaped like one of the case's ids (same letters, then digits:
    ``E9``, ``M12``) that names nothing in the case comes back with ``False``."""
    prefixes = {m.group(1) for i in known if (m := _ID_SHAPE.match(i))}
    out: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for match in _WORD.finditer(text or ""):
        word = match.group(0)
        cited = checklist.rationale_citations(word, frozenset(known))
        for cid in cited:
            if cid not in seen:
                seen.add(cid)
                out.append((cid, True))
        if cited:
            continue
        bare = word.strip(_TRAILING).rstrip(".:-_")
        shape = _ID_SHAPE.match(bare)
        if shape and shape.group(1) in prefixes and bare not in seen:
            seen.add(bare)
            out.append((bare, False))
    return out


def _must_open(assessment: Assessment, tampered: frozenset[str]) -> tuple[str, ...]:
    out = []
    for status in assessment.evidence:
        if status.forced_reason == "not_requested":
            continue  # excluded by rule: never considered, need not be opened
        if status.id in tampered:
            continue  # its bytes cannot be shown; it is not authentic by rule
        out.append(status.id)
    return tuple(out)


def review_state(case: Case, policy: Policy, answers: Mapping[str, Any], *, reviewer: str, now: datetime,
                 tampered: frozenset[str] = frozenset()) -> ReviewState:
    """One evaluation of the rules for the answers so far, and all the panels derive from it.

    While the rationale is still blank the engine runs with a stand-in rationale (``(preview) E1``), so the
    outcome, remedy, liability and deadlines can be previewed while the reviewer writes it; the rationale stays
    listed as missing and the stand-in never reaches a signed record (signing runs :func:`checklist.decide` on
    the real answers)."""
    eff = effective_answers(answers, reviewer, now)
    known = case.evidence_ids | case.message_ids
    raw_rationale = answers.get("rationale")
    blank = raw_rationale is None or (isinstance(raw_rationale, str) and not raw_rationale.strip())
    stand_in = next(iter(sorted(known)), None)
    if blank and stand_in is not None:
        eff["rationale"] = f"{PREVIEW_RATIONALE_PREFIX} {stand_in}"
    assessment = checklist.assess(case, policy, eff, tampered=frozenset(tampered), now=now)
    missing = tuple(q for q in assessment.missing if q != "decided_at")
    if blank and "rationale" not in missing:
        missing = missing + ("rationale",)
    outcome = effective_outcome(answers, assessment.derived_outcome)
    cap = refund_cap(case, assessment)
    text = raw_rationale if isinstance(raw_rationale, str) else ""
    return ReviewState(
        assessment=assessment,
        preview=assessment.record,
        outcome=outcome,
        allowed_remedies=allowed_remedies(answers, assessment.derived_outcome),
        missing=missing,
        errors=assessment.errors,
        must_open=_must_open(assessment, frozenset(tampered)),
        refund_cap=format_amount(cap, case.order.currency),
        citations=tuple(citations(text, known)),
    )


def follow_up(answers: Mapping[str, Any], changed: str, state: ReviewState) -> dict[str, Any]:
    """The answers that follow from the one just changed, as ``{dotted key: value}`` (``None`` removes it).

    - a finding other than ``supported`` withdraws the problem (and its damage extent);
    - a problem other than ``damaged`` withdraws the damage extent;
    - a remedy the outcome no longer allows is withdrawn, and so is an amount that refunds nothing;
    - a full-refund remedy pre-fills the amount with the refund cap; the reviewer may lower it. A partial refund
      never keeps the full cap (it must be less)."""
    changes: dict[str, Any] = {}
    view = dict(answers)

    def put(key: str, value: Any) -> None:
        if view.get(key) != value or (value is None and key in view):
            changes[key] = value
            if value is None:
                view.pop(key, None)
            else:
                view[key] = value

    if changed == "finding" and view.get("finding") != "supported":
        put("problem", None)
    if view.get("problem") != "damaged" and "damage_extent" in view:
        put("damage_extent", None)
    remedy = view.get("remedy")
    allowed = state.allowed_remedies
    if remedy is not None and allowed and remedy not in allowed:
        put("remedy", None)
        remedy = None
    amount = view.get("amount")
    if amount is not None and remedy not in REFUNDING_REMEDIES:
        put("amount", None)
    elif changed == "remedy" and remedy in FULL_REFUND_REMEDIES and amount in (None, ""):
        put("amount", state.refund_cap)
    elif changed == "remedy" and remedy == "partial_refund" and amount == state.refund_cap:
        put("amount", None)
    return changes


def review_target(case: Case, policy: Policy) -> datetime:
    """When the review should be done: ``opened_at`` plus the policy's ``review_within`` (seed 003), counted in
    the parties' time zone. No default: a policy without a usable review time is an error, not 5 days."""
    due = checklist.review_due(case, policy)
    if due.tzinfo is None or due <= case.opened_at:
        raise ValueError(f"policy {policy.id} {policy.version}: review_within gives {due.isoformat()}, "
                         f"not a time after the case opened")
    return due
