"""Calibration with gold cases (issue 12, part 6): a supervisor marks a case revision as gold with its expected
answers; reviewers get the case like any other; their verdicts on it are compared with the gold answers, question by
question (:mod:`arbiter.domain.calibration`), and count nowhere else.

- **Looks like any case.** Nothing in the queue, the case view or the checklist says "gold"; the case is taken,
  reviewed and signed as usual.
- **Never a notice.** :func:`gold_hold` holds the notice of a gold case with the same kind of words as any notice
  held by the supervisor's gate, whatever the gate setting and whatever a supervisor approved; the export path
  (``arbiter.notice_export``) therefore writes no PDF.
- **Not in the scorecards.** Verdicts on a gold case are left out of quality review (sampling, the inbox, the
  scorecards' counts and rates): calibration measures them instead (docs/decisions.md).
- **Append-only.** A replacement or a withdrawal is a new row that supersedes the current one (triggers refuse
  UPDATE and DELETE); on PostgreSQL only the supervisor role may write it, and a reviewer's role may read only which
  cases are gold, never the expected answers (``arbiter.store.roles``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from arbiter.store import audit, trust
from arbiter.store.calib_models import GoldCaseModel
from arbiter.store.canonical import canonical_json, sha256_hex
from arbiter.store.db import Database
from arbiter.store.errors import StoreError
from arbiter.store.models import CaseModel, VerdictModel

#: what a reviewer reads when a gold case's notice is held: the words of any notice awaiting a supervisor
GOLD_HOLD = "the verdict awaits a supervisor's quality review: its notice is held until a supervisor approves it"
SOURCES = ("answers_file", "blind_review")
_BOOKKEEPING = ("reviewer", "decided_at")


class GoldError(StoreError):
    """A gold case that cannot be added, replaced or withdrawn (the message says why, with the case id)."""


@dataclass(frozen=True, slots=True)
class GoldRow:
    id: int
    case_pk: int
    case_id: str
    revision: int
    case_sha256: str
    answers: dict[str, Any]
    record: dict[str, Any]
    source: str
    note: str
    created_by: str
    created_at: datetime


# -- read by everyone (the public columns only: a reviewer's role may read no more) --------------------------
def _current_ids(session: Session, case_pk: int | None = None) -> dict[int, int]:
    """case_pk -> id of the current gold row (not superseded, not withdrawn)."""
    stmt = select(GoldCaseModel.id, GoldCaseModel.case_pk, GoldCaseModel.supersedes_id, GoldCaseModel.withdrawn)
    if case_pk is not None:
        stmt = stmt.where(GoldCaseModel.case_pk == case_pk)
    rows = session.execute(stmt.order_by(GoldCaseModel.id)).all()
    superseded = {r.supersedes_id for r in rows if r.supersedes_id is not None}
    return {r.case_pk: r.id for r in rows if r.id not in superseded and not r.withdrawn}


def is_gold(session: Session, case_pk: int) -> bool:
    return case_pk in _current_ids(session, case_pk)


def gold_case_pks(session: Session) -> set[int]:
    return set(_current_ids(session))


def gold_hold(session: Session, case_pk: int) -> str | None:
    """The notice gate's answer for a gold case: held, always (the reviewer reads the gate's usual words)."""
    return GOLD_HOLD if is_gold(session, case_pk) else None


# -- the supervisor's side ---------------------------------------------------------------------------------------
def _row(r: GoldCaseModel, case_id: str) -> GoldRow:
    return GoldRow(r.id, r.case_pk, case_id, r.revision, r.case_sha256, json.loads(r.answers), json.loads(r.record),
                   r.source, r.note, r.created_by, r.created_at)


def _essence(answers: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in answers.items() if k not in _BOOKKEEPING})


class GoldStore:
    def __init__(self, db: Database):
        self._db = db

    def add(self, case_id: str, answers: dict[str, Any], actor: str, *, source: str = "answers_file",
            note: str = "", replace: bool = False) -> tuple[str, GoldRow]:
        """Mark the case's newest revision as gold with ``answers`` (checklist.md's ANSWERS.json): ``added``,
        ``unchanged`` (the same answers on the same revision) or ``replaced`` (``replace=True``). The answers must
        decide the case under its policy (the rules run, as for a verdict); ``reviewer`` and ``decided_at`` are
        filled in when the file leaves them out."""
        if source not in SOURCES:
            raise GoldError(f"source must be one of {', '.join(SOURCES)}")
        if not actor or not actor.strip():
            raise GoldError("marking a gold case needs the supervisor's identity")
        if not isinstance(answers, dict):
            raise GoldError(f"{case_id}: the answers must be a JSON object")
        from arbiter.domain import checklist

        now = datetime.now(timezone.utc)
        with self._db.session() as session:
            case = session.scalar(select(CaseModel).where(CaseModel.case_id == case_id).with_for_update())
            if case is None:
                raise GoldError(f"no case {case_id} in this database")
            rev = trust.revision_row(session, case.id, revision=case.latest_revision)
            parsed = trust.parse_revision(rev)
            policy = trust.policy_for(parsed.platform.value, parsed.region)
            answers = trust.clean_json(dict(answers))
            answers.setdefault("reviewer", actor)
            answers.setdefault("decided_at", now.isoformat(timespec="seconds"))
            try:
                record = checklist.decide(parsed, policy, answers)
            except checklist.AnswerError as exc:
                raise GoldError(f"{case_id}: the answers do not decide the case: {exc}") from None
            current_id = _current_ids(session, case.id).get(case.id)
            current = session.get(GoldCaseModel, current_id) if current_id else None
            if current is not None:
                if current.case_sha256 == rev.case_sha256 and _essence(json.loads(current.answers)) == _essence(answers):
                    return "unchanged", _row(current, case.case_id)
                if not replace:
                    raise GoldError(f"{case_id} is gold already with other answers (or another revision); "
                                    "replace them with --replace")
            row = GoldCaseModel(case_pk=case.id, revision=rev.revision, case_sha256=rev.case_sha256,
                                answers=canonical_json(answers).decode("utf-8"),
                                record=canonical_json(trust.clean_json(record)).decode("utf-8"), source=source,
                                note=(note or "").strip(), created_by=actor, created_at=now,
                                supersedes_id=current.id if current is not None else None, withdrawn=False)
            session.add(row)
            session.flush()
            status = "replaced" if current is not None else "added"
            audit.append_event(session, actor, f"gold.{status}", {
                "case_id": case.case_id, "gold_id": row.id, "revision": row.revision, "case_sha256": row.case_sha256,
                "answers_sha256": sha256_hex(row.answers.encode("utf-8")), "source": source}, case_pk=case.id, at=now)
            return status, _row(row, case.case_id)

    def withdraw(self, case_id: str, actor: str) -> GoldRow:
        """The case is no longer gold (a withdrawal row supersedes the current one); its verdicts count as ordinary
        verdicts again from then on."""
        now = datetime.now(timezone.utc)
        with self._db.session() as session:
            case = session.scalar(select(CaseModel).where(CaseModel.case_id == case_id).with_for_update())
            if case is None:
                raise GoldError(f"no case {case_id} in this database")
            current_id = _current_ids(session, case.id).get(case.id)
            if current_id is None:
                raise GoldError(f"{case_id} is not a gold case")
            current = session.get(GoldCaseModel, current_id)
            row = GoldCaseModel(case_pk=case.id, revision=current.revision, case_sha256=current.case_sha256,
                                answers=current.answers, record=current.record, source=current.source, note="",
                                created_by=actor, created_at=now, supersedes_id=current.id, withdrawn=True)
            session.add(row)
            session.flush()
            audit.append_event(session, actor, "gold.withdrawn", {"case_id": case.case_id, "gold_id": row.id},
                               case_pk=case.id, at=now)
            return _row(row, case.case_id)

    def gold(self) -> list[GoldRow]:
        """The current gold cases, by case id."""
        with self._db.session(readonly=True) as session:
            return self._gold(session)

    @staticmethod
    def _gold(session: Session) -> list[GoldRow]:
        ids = list(_current_ids(session).values())
        if not ids:
            return []
        rows = session.execute(select(GoldCaseModel, CaseModel.case_id)
                               .join(CaseModel, CaseModel.id == GoldCaseModel.case_pk)
                               .where(GoldCaseModel.id.in_(ids)))
        return sorted((_row(r, case_id) for r, case_id in rows), key=lambda g: g.case_id)

    def is_gold(self, case_pk: int) -> bool:
        with self._db.session(readonly=True) as session:
            return is_gold(session, case_pk)

    def answered(self) -> list[tuple[GoldRow, dict[str, tuple[dict, dict]]]]:
        """Each gold case with the reviewers' answers on its revision: ``{reviewer: (answers, record)}``. A
        reviewer's first verdict on the gold revision counts (the judgement before any feedback; a later amendment
        does not replace it); the gold's author is not compared with their own answers."""
        with self._db.session(readonly=True) as session:
            out = []
            for gold in self._gold(session):
                answered: dict[str, tuple[dict, dict]] = {}
                for v in session.scalars(select(VerdictModel).where(
                        VerdictModel.case_pk == gold.case_pk, VerdictModel.kind == "original")
                        .order_by(VerdictModel.signed_at, VerdictModel.id)):
                    if v.reviewer == gold.created_by or v.reviewer in answered or not v.answers:
                        continue
                    same = v.case_sha256 == gold.case_sha256 if v.case_sha256 else v.revision == gold.revision
                    if not same:
                        continue
                    answered[v.reviewer] = (json.loads(v.answers), json.loads(v.record))
                out.append((gold, answered))
            return out


__all__ = ["GOLD_HOLD", "GoldError", "GoldRow", "GoldStore", "gold_case_pks", "gold_hold", "is_gold"]
