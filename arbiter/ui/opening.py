"""Opening a case for review, off the GUI thread: :func:`load_opening` reads everything the review screen needs
from the store (the stored case, its policy, the draft, the current verdict, open supplement requests, a
supervisor's return, the notice hold of a signed verdict, and the original decision when the case is an appeal) and
re-hashes every evidence item. It runs through ``tasks.run`` (a read on the pool, like Anki's QueryOp); the
:class:`~arbiter.ui.session.ReviewSession` is then built on the GUI thread from the :class:`Opening` it returns."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from arbiter.domain.policy import Policy
from arbiter.policies import load_policy
from arbiter.store.repository import Draft, StoredCase, VerdictRow
from arbiter.ui.seams import ReviewRepository

log = logging.getLogger(__name__)

#: ``Opening.appeal`` when the repository cannot tell (a stand-in without a database): the panel asks itself
UNKNOWN = object()


@dataclass(frozen=True)
class Opening:
    """Everything read from the store to open a case (built off the GUI thread by :func:`load_opening`)."""

    stored: StoredCase
    policy: Policy
    tampered: frozenset[str]
    draft: Draft | None
    verdict: VerdictRow | None
    #: request ids of the case's open supplement requests (the case waits for them)
    open_supplements: tuple[str, ...] = ()
    #: the supervisor's return of the current verdict (arbiter.store.returns.ReturnedMark), or None
    returned: Any = None
    #: why the signed verdict's notice is held (the supervisor's notice gate), or None
    notice_hold: str | None = None
    #: (original verdict, conflict sentence or None) when the case appeals a decision, (None, None) when it does
    #: not, UNKNOWN without a database (arbiter.store.appeals)
    appeal: Any = UNKNOWN


def load_opening(repo: ReviewRepository, case_pk: int, reviewer: str | None = None) -> Opening:
    """Read a case for review: the stored case, its policy, which items no longer match their hash (every item
    is re-hashed: slow for large videos, so call it through ``tasks.run``), the draft and the current verdict."""
    stored = repo.load_case(case_pk)
    case = stored.case
    policy = load_policy(case.platform.value, case.region)
    requests = getattr(repo, "supplement_requests", None)
    open_requests = tuple(r.request_id for r in requests(case_pk, states=("open",))) if callable(requests) else ()
    marks = getattr(repo, "returned_marks", None)
    returned = marks([case_pk]).get(case_pk) if callable(marks) else None
    verdict = repo.current_verdict(case_pk)
    hold = getattr(repo, "notice_hold", None)
    notice_hold = hold(case_pk) if callable(hold) and verdict is not None else None
    return Opening(stored, policy, frozenset(repo.tampered_evidence(case_pk)), repo.load_draft(case_pk),
                   verdict, open_requests, returned, notice_hold, appeal_of(repo, case_pk, reviewer))


def appeal_of(repo: Any, case_pk: int, reviewer: str | None) -> Any:
    """(the original verdict, the conflict sentence for ``reviewer`` or None) of an appeal; (None, None) for a
    case that appeals nothing; UNKNOWN when the repository has no database."""
    from arbiter.store import Database
    from arbiter.store.appeals import Appeals

    db = getattr(repo, "db", None)
    if not isinstance(db, Database):
        return UNKNOWN
    appeals = Appeals(db)
    try:
        shown = appeals.original_verdict(case_pk)
        conflict = appeals.conflict_of(case_pk, reviewer) if shown is not None and reviewer else None
    except Exception:  # noqa: BLE001 - a side panel: never keep the case from opening
        log.exception("the original verdict of an appeal could not be read")
        return None, None
    return shown, conflict


