"""Which cases a supervisor returned to their reviewer: what the reviewer's queue marks "returned".

A case is returned when the latest supervisor review (table ``supervisor_reviews``, written by the supervisor's
desk through :class:`arbiter.store.qa.QAStore`, or brought to an offline workstation by a signed QA package that
writes the same rows) of the case's *current* verdict is a ``return``. An amendment supersedes the returned
verdict, so the mark goes away once the reviewer amends; a later approval or overturn of the same verdict clears
it too. Read only: this module never writes.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from arbiter.store.db import Database
from arbiter.store.models import VerdictModel
from arbiter.store.qa_models import SupervisorReviewModel

#: case pks per query (well under SQLite's and PostgreSQL's bound-parameter limits)
CHUNK = 900


@dataclass(frozen=True, slots=True)
class ReturnedMark:
    """The supervisor's return of a case's current verdict."""

    case_pk: int
    verdict_id: int
    verdict_number: int | None
    reviewer: str            # who signed the returned verdict
    supervisor: str
    at: datetime
    note: str


def returned_marks(db: Database, case_pks: Iterable[int]) -> dict[int, ReturnedMark]:
    """``{case_pk: ReturnedMark}`` for those of ``case_pks`` whose current verdict was returned (the others are
    absent). Two indexed queries per :data:`CHUNK` cases; a page of the queue costs milliseconds."""
    pks = sorted({int(pk) for pk in case_pks})
    marks: dict[int, ReturnedMark] = {}
    with db.session(readonly=True) as session:
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start:start + CHUNK]
            verdicts = session.execute(
                select(VerdictModel.id, VerdictModel.case_pk, VerdictModel.supersedes_id, VerdictModel.number,
                       VerdictModel.reviewer)
                .where(VerdictModel.case_pk.in_(chunk), VerdictModel.conflicts_with_id.is_(None))).all()
            superseded = {v.supersedes_id for v in verdicts if v.supersedes_id is not None}
            current: dict[int, tuple[int, int | None, str]] = {}
            for v in verdicts:   # the head of each case's chain (as Repository.current_verdict)
                if v.id not in superseded and v.id > current.get(v.case_pk, (-1, None, ""))[0]:
                    current[v.case_pk] = (v.id, v.number, v.reviewer)
            if not current:
                continue
            by_verdict = {vid: pk for pk, (vid, _n, _r) in current.items()}
            latest: dict[int, SupervisorReviewModel] = {}
            for review in session.scalars(select(SupervisorReviewModel)
                                          .where(SupervisorReviewModel.verdict_id.in_(list(by_verdict)))
                                          .order_by(SupervisorReviewModel.id)):
                latest[review.verdict_id] = review
            for verdict_id, review in latest.items():
                if review.action == "return":
                    pk = by_verdict[verdict_id]
                    marks[pk] = ReturnedMark(pk, verdict_id, current[pk][1], current[pk][2], review.supervisor,
                                             review.at, review.note or "")
    return marks


def returned_cases(db: Database) -> list[tuple[str, ReturnedMark]]:
    """``(case_id, ReturnedMark)`` of every case whose current verdict is returned, by case id: what the queue's
    strip names so that a returned case deep in a long queue is seen at once. Reads only the (few) cases some
    review returned."""
    from arbiter.store.models import CaseModel

    with db.session(readonly=True) as session:
        pks = set(session.scalars(select(VerdictModel.case_pk).join(
            SupervisorReviewModel, SupervisorReviewModel.verdict_id == VerdictModel.id)
            .where(SupervisorReviewModel.action == "return")))
        if not pks:
            return []
        ids = dict(session.execute(select(CaseModel.id, CaseModel.case_id).where(CaseModel.id.in_(sorted(pks)))).all())
    marks = returned_marks(db, pks)
    return sorted(((ids[pk], mark) for pk, mark in marks.items()), key=lambda item: item[0])


__all__ = ["ReturnedMark", "returned_cases", "returned_marks"]
