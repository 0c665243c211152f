"""Requests for supplementary evidence (checklist.md step 2, r2; docs/supplement-requests.md).

A reviewer records a request (party, what, due date) while reviewing; the case then waits with status
``awaiting_evidence``. Each request is resolved in one of three ways:

* ``answered``: a new revision of the bundle brings an evidence item whose ``request_id`` names it
  (:func:`resolve_with_revision`, called by the importer in the import's transaction);
* ``expired``: its ``due_at`` passed first (:meth:`SupplementsMixin.resume_due_cases`, called when the queue is
  read by the GUI and by ``arbiter supplements``);
* ``withdrawn``: the reviewer took it back.

The case resumes (``in_review``) when none of its requests is open any more. Whether a late item counts is a
rule of the domain (excluded as ``late``), not of the store. The open requests go out to the platform as a JSON
file, :meth:`SupplementsMixin.export_supplement_requests` (format ``arbiter.supplement-requests/1``).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from arbiter.store import audit
from arbiter.store.errors import StoreError, VerdictLocked
from arbiter.store.models import CaseModel, SupplementRequestModel, VerdictModel

EXPORT_FORMAT = "arbiter.supplement-requests/1"
PARTIES = ("buyer", "seller")
#: statuses a request may be made from (a signed case is locked; a case already waiting may get more requests)
REQUESTABLE_STATUSES = ("new", "in_review", "decided", "awaiting_evidence")
MAX_WHAT = 2000
REQUEST_ID_PREFIX = "ARB-R"


class SupplementError(StoreError, ValueError):
    """A request that cannot be recorded (bad party, empty text, a due date in the past, ...)."""


@dataclass(frozen=True, slots=True)
class SupplementRequest:
    pk: int
    case_pk: int
    case_id: str
    request_id: str
    party: str
    what: str
    requested_at: datetime
    due_at: datetime
    requested_by: str
    revision: int
    state: str                      # open | answered | expired | withdrawn
    resolved_at: datetime | None
    resolved_revision: int | None
    exported_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    def as_bundle_entry(self) -> dict[str, Any]:
        """The request as an ``after_sale.supplement_requests[]`` element of case-bundle.md (Revision 2)."""
        return {"id": self.request_id, "party": self.party, "requested_at": _iso(self.requested_at),
                "due_at": _iso(self.due_at), "what": self.what}


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _row(model: SupplementRequestModel, case_id: str) -> SupplementRequest:
    return SupplementRequest(
        pk=model.id, case_pk=model.case_pk, case_id=case_id, request_id=model.request_id, party=model.party,
        what=model.what, requested_at=model.requested_at, due_at=model.due_at, requested_by=model.requested_by,
        revision=model.revision, state=model.state, resolved_at=model.resolved_at,
        resolved_revision=model.resolved_revision, exported_at=model.exported_at)


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(timezone.utc)
    if now.tzinfo is None or now.utcoffset() is None:
        raise SupplementError("now: a timezone-aware time is required")
    return now


def _answered_request_ids(case: Any, case_json: bytes | None) -> set[str]:
    """``evidence[].request_id`` values of a revision: from the domain model when it carries them (r2), else
    read from the stored case.json itself (the same validated bytes)."""
    ids = {rid for item in getattr(case, "evidence", ()) if (rid := getattr(item, "request_id", None))}
    if case_json:
        try:
            data = json.loads(case_json.decode("utf-8"))
            for item in data.get("evidence") or ():
                rid = item.get("request_id") if isinstance(item, dict) else None
                if isinstance(rid, str) and rid:
                    ids.add(rid)
        except (ValueError, AttributeError):
            pass
    return ids


def _open_requests(session: Session, case_pk: int) -> list[SupplementRequestModel]:
    return list(session.scalars(select(SupplementRequestModel).where(
        SupplementRequestModel.case_pk == case_pk, SupplementRequestModel.state == "open")
        .order_by(SupplementRequestModel.due_at, SupplementRequestModel.id)))


def _resume_if_done(session: Session, case: CaseModel, now: datetime, actor: str, why: str,
                    review_due: datetime | None = None) -> bool:
    """Back to ``in_review`` when the case waits and no request is open any more; else keep the earliest open
    due date as the case's next deadline. Returns True when the case resumed."""
    open_rows = _open_requests(session, case.id)
    if case.status != "awaiting_evidence":
        return False
    if open_rows:
        case.next_deadline_at = open_rows[0].due_at
        return False
    case.status = "in_review"
    case.next_deadline_at = review_due if review_due is not None else _review_due(case, session)
    case.updated_at = now
    session.flush()
    audit.append_event(session, actor, "case.resumed", {"case_id": case.case_id, "from": "awaiting_evidence",
                                                       "to": "in_review", "why": why}, case_pk=case.id, at=now)
    return True


def _review_due(case: CaseModel, session: Session) -> datetime | None:
    """The review target of the case's latest revision (the importer's rule), or None if it cannot be read."""
    from arbiter.store.importer import review_deadline  # late: the importer imports this module
    from arbiter.store.models import CaseRevisionModel
    from arbiter.domain.parse import case_from_dict
    from decimal import Decimal

    rev = session.scalar(select(CaseRevisionModel).where(CaseRevisionModel.case_pk == case.id,
                                                         CaseRevisionModel.revision == case.latest_revision))
    if rev is None:
        return None
    try:
        return review_deadline(case_from_dict(json.loads(rev.case_json.decode("utf-8"), parse_float=Decimal)))
    except Exception:  # noqa: BLE001 - a stored revision always parses; never fail a resume over the target
        return None


def resolve_with_revision(session: Session, case: CaseModel, loaded_case: Any, case_json: bytes | None,
                          revision: int, now: datetime, actor: str, review_due: datetime | None = None) -> list[str]:
    """Called by the importer inside the import's transaction after a new revision was stored: every open
    request that an evidence item of the revision answers (``request_id``) becomes ``answered``; the case
    resumes when nothing is left open. Returns the request ids answered."""
    open_rows = _open_requests(session, case.id)
    if not open_rows:
        return []
    brought = _answered_request_ids(loaded_case, case_json)
    answered = []
    for row in open_rows:
        if row.request_id in brought:
            row.state, row.resolved_at, row.resolved_revision = "answered", now, revision
            answered.append(row.request_id)
    if answered:
        session.flush()
        audit.append_event(session, actor, "supplement.answered", {
            "case_id": case.case_id, "revision": revision, "request_ids": answered}, case_pk=case.id, at=now)
    _resume_if_done(session, case, now, actor, "new_revision", review_due)
    return answered


def signing_blockers(session: Session, case: CaseModel, now: datetime, actor: str) -> list[SupplementRequestModel]:
    """The open requests that keep ``case`` from being signed, inside the signing transaction. A request whose
    due date has passed no longer holds the case: it is expired here (as :meth:`SupplementsMixin.resume_due_cases`
    would), so a reviewer who signs before the queue noticed the date is not refused for it."""
    open_rows = _open_requests(session, case.id)
    due = [row for row in open_rows if row.due_at <= now]
    if due:
        _expire(session, case, due, now, actor)
        _resume_if_done(session, case, now, actor, "due_date_passed")
    return [row for row in open_rows if row.due_at > now]


def refusal_text(case_id: str, rows: list[SupplementRequestModel]) -> str:
    """One line: why a case waiting for evidence is not signed."""
    waiting = ", ".join(f"{r.request_id} ({r.party}, due {_iso(r.due_at)})" for r in rows)
    return (f"{case_id}: the case waits for supplementary evidence ({waiting}); withdraw the request "
            "(or wait for it to be answered or fall due) before signing")


def _expire(session: Session, case: CaseModel, rows: list[SupplementRequestModel], now: datetime,
            actor: str) -> None:
    for row in rows:
        row.state, row.resolved_at = "expired", now
    session.flush()
    audit.append_event(session, actor, "supplement.expired", {
        "case_id": case.case_id, "request_ids": [r.request_id for r in rows]}, case_pk=case.id, at=now)


class SupplementsMixin:
    """The repository's supplementary-evidence API (mixed into :class:`arbiter.store.Repository`)."""

    _db: Any

    def request_supplement(self, case_pk: int, party: str, what: str, due_at: datetime, requested_by: str, *,
                           now: datetime | None = None) -> SupplementRequest:
        """Record a request; the case waits (``awaiting_evidence``) until it is answered or due."""
        now = _now(now)
        if party not in PARTIES:
            raise SupplementError(f"party: must be buyer or seller, not {party!r}")
        what = (what or "").strip()
        if not what:
            raise SupplementError("what: say what the party should supply")
        if len(what) > MAX_WHAT:
            raise SupplementError(f"what: at most {MAX_WHAT} characters")
        if not isinstance(due_at, datetime) or due_at.tzinfo is None or due_at.utcoffset() is None:
            raise SupplementError("due_at: a timezone-aware date and time is required")
        if due_at <= now:
            raise SupplementError("due_at: the due date must be in the future")
        if due_at - now > timedelta(days=365):
            raise SupplementError("due_at: more than a year away")
        if not requested_by or not requested_by.strip():
            raise SupplementError("requested_by: the reviewer is required")
        with self._db.session() as session:
            case = self._case(session, case_pk, for_update=True)  # type: ignore[attr-defined]
            if session.scalar(select(VerdictModel.id).where(VerdictModel.case_pk == case_pk).limit(1)) is not None:
                raise VerdictLocked(case.case_id, f"{case.case_id}: a verdict is signed; no more evidence can be "
                                                  "requested")
            if case.status not in REQUESTABLE_STATUSES:
                raise SupplementError(f"{case.case_id}: a {case.status} case cannot wait for evidence")
            count = session.scalar(select(func.count(SupplementRequestModel.id))
                                   .where(SupplementRequestModel.case_pk == case_pk)) or 0
            row = SupplementRequestModel(
                case_pk=case_pk, request_id=f"{REQUEST_ID_PREFIX}{count + 1}", party=party, what=what,
                requested_at=now, due_at=due_at, requested_by=requested_by.strip(), revision=case.latest_revision,
                state="open")
            session.add(row)
            before = case.status
            case.status = "awaiting_evidence"
            case.updated_at = now
            session.flush()
            first_due = _open_requests(session, case_pk)[0].due_at
            case.next_deadline_at = first_due
            audit.append_event(session, row.requested_by, "supplement.requested", {
                "case_id": case.case_id, "request_id": row.request_id, "party": party, "what": what,
                "due_at": _iso(due_at), "revision": row.revision, "status_from": before}, case_pk=case_pk, at=now)
            return _row(row, case.case_id)

    def withdraw_supplement(self, case_pk: int, request_id: str, actor: str, *,
                            now: datetime | None = None) -> SupplementRequest:
        """Take back an open request; the case resumes if it was the last one open."""
        now = _now(now)
        with self._db.session() as session:
            case = self._case(session, case_pk, for_update=True)  # type: ignore[attr-defined]
            row = session.scalar(select(SupplementRequestModel).where(
                SupplementRequestModel.case_pk == case_pk, SupplementRequestModel.request_id == request_id))
            if row is None:
                raise SupplementError(f"{case.case_id}: no request {request_id!r}")
            if row.state != "open":
                raise SupplementError(f"{case.case_id}: request {request_id} is already {row.state}")
            row.state, row.resolved_at = "withdrawn", now
            session.flush()
            audit.append_event(session, actor, "supplement.withdrawn", {
                "case_id": case.case_id, "request_id": request_id}, case_pk=case_pk, at=now)
            _resume_if_done(session, case, now, actor, "withdrawn")
            return _row(row, case.case_id)

    def supplement_requests(self, case_pk: int | None = None, *,
                            states: Iterable[str] | None = None) -> list[SupplementRequest]:
        """Requests of one case (or all), oldest first; ``states`` filters (e.g. ``("open",)``)."""
        stmt = (select(SupplementRequestModel, CaseModel.case_id)
                .join(CaseModel, CaseModel.id == SupplementRequestModel.case_pk)
                .order_by(SupplementRequestModel.case_pk, SupplementRequestModel.id))
        if case_pk is not None:
            stmt = stmt.where(SupplementRequestModel.case_pk == case_pk)
        if states is not None:
            stmt = stmt.where(SupplementRequestModel.state.in_(tuple(states)))
        with self._db.session(readonly=True) as session:
            return [_row(model, case_id) for model, case_id in session.execute(stmt)]

    def resume_due_cases(self, now: datetime | None = None, actor: str = "arbiter") -> list[str]:
        """Expire every open request whose due date has passed; cases left with nothing open resume
        (``in_review``). Returns the case ids that resumed. Cheap when nothing is due (one indexed query)."""
        now = _now(now)
        with self._db.session(readonly=True) as session:
            due = session.scalar(select(func.count(SupplementRequestModel.id)).where(
                SupplementRequestModel.state == "open", SupplementRequestModel.due_at <= now)) or 0
        if not due:
            return []
        resumed: list[str] = []
        with self._db.session() as session:
            rows = list(session.scalars(select(SupplementRequestModel).where(
                SupplementRequestModel.state == "open", SupplementRequestModel.due_at <= now)
                .order_by(SupplementRequestModel.case_pk, SupplementRequestModel.id)))
            by_case: dict[int, list[SupplementRequestModel]] = {}
            for row in rows:
                by_case.setdefault(row.case_pk, []).append(row)
            for case_pk, expired in by_case.items():
                case = self._case(session, case_pk, for_update=True)  # type: ignore[attr-defined]
                _expire(session, case, expired, now, actor)
                if _resume_if_done(session, case, now, actor, "due_date_passed"):
                    resumed.append(case.case_id)
        return resumed

    def export_supplement_requests(self, *, case_pk: int | None = None, include_exported: bool = False,
                                   actor: str = "arbiter", now: datetime | None = None) -> dict[str, Any]:
        """The open requests as the ``arbiter.supplement-requests/1`` document for the platform (docs/
        supplement-requests.md), marking them exported. By default only requests not exported before."""
        now = _now(now)
        with self._db.session() as session:
            stmt = (select(SupplementRequestModel, CaseModel)
                    .join(CaseModel, CaseModel.id == SupplementRequestModel.case_pk)
                    .where(SupplementRequestModel.state == "open")
                    .order_by(CaseModel.case_id, SupplementRequestModel.id))
            if case_pk is not None:
                stmt = stmt.where(SupplementRequestModel.case_pk == case_pk)
            if not include_exported:
                stmt = stmt.where(SupplementRequestModel.exported_at.is_(None))
            entries = []
            ids: list[str] = []
            for row, case in session.execute(stmt):
                entry = {"case_id": case.case_id, "platform": case.platform, "order_id": case.order_id,
                         "case_revision": row.revision}
                entry.update(_row(row, case.case_id).as_bundle_entry())
                entries.append(entry)
                ids.append(f"{case.case_id}/{row.request_id}")
                if row.exported_at is None:
                    row.exported_at = now
            session.flush()
            if entries:
                audit.append_event(session, actor, "supplement.exported", {"requests": ids}, at=now)
            return {"format": EXPORT_FORMAT, "generated_at": _iso(now), "requests": entries}


__all__ = ["EXPORT_FORMAT", "SupplementError", "SupplementRequest", "SupplementsMixin", "refusal_text",
           "resolve_with_revision", "signing_blockers"]
