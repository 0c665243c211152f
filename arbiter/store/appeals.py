"""Appeals and conflicts of interest (issue 12, part 7): an appeal goes to a reviewer other than the one who decided
the original, and the appeal's reviewer sees the original verdict read-only beside the case.

The importer records what each stored case revision says about the decision it appeals (``case_appeals``, an import
hook registered here). The decision appealed is found among the stored verdicts:

1. by ``after_sale.appeal.decision_appealed.fingerprint`` (the SHA-256 of the earlier decision record, which is a
   stored verdict's ``fingerprint``);
2. else (no fingerprint, or none stored with it) by the order: a verdict on a case with the same ``order.order_id``
   (or on an earlier revision of this very case) whose record's ``decided_at`` is the same instant as
   ``decision_appealed.decided_at`` (``previous_decision_at`` in a pre-revision-2 bundle).

The *original deciders* are everyone who signed a verdict on the original's case (the original, its amendments, a
disagreeing second verdict), but not the verdicts of the appeal itself when the appeal is a later revision of the
same case. :func:`check_not_original_decider` is the store's refusal (signing, amending, ``cases take``);
``cases take --next`` walks past such appeals. An appeal whose original is not in this database has no known
decider: anyone may take it (docs/decisions.md, "Calibration and appeals").
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from arbiter.store.calib_models import CaseAppealModel
from arbiter.store.errors import VerdictRefused
from arbiter.store.models import CaseModel, CaseRevisionModel, VerdictModel


class AppealConflict(VerdictRefused):
    """The original decider tried to decide (or take) the appeal of their own verdict."""


# -- what a case revision says ---------------------------------------------------------------------------------
def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def appeal_values_from_json(data: Any) -> dict[str, Any] | None:
    """The ``case_appeals`` columns (without ``case_pk`` and ``revision``) of a case.json dict, or None when the
    case is no appeal. Reads the same fields the bundle reader validated (case-bundle.md, revision 2)."""
    if not isinstance(data, dict):
        return None
    after_sale = data.get("after_sale") if isinstance(data.get("after_sale"), dict) else {}
    order = data.get("order") if isinstance(data.get("order"), dict) else {}
    appeal = after_sale.get("appeal") if isinstance(after_sale.get("appeal"), dict) else None
    if appeal is not None:
        ref = appeal.get("decision_appealed") if isinstance(appeal.get("decision_appealed"), dict) else {}
        decided = _when(ref.get("decided_at")) or _when(after_sale.get("previous_decision_at"))
        fingerprint = ref.get("fingerprint") if isinstance(ref.get("fingerprint"), str) else None
        revision = ref.get("case_revision") if isinstance(ref.get("case_revision"), int) else None
        filed_by = appeal.get("filed_by") if appeal.get("filed_by") in ("buyer", "seller") else "buyer"
        filed_at = _when(appeal.get("filed_at"))
    else:
        decided = _when(after_sale.get("previous_decision_at"))
        fingerprint, revision, filed_by, filed_at = None, None, "buyer", None
    if decided is None:
        return None
    return {"order_id": str(order.get("order_id") or ""), "filed_by": filed_by, "filed_at": filed_at,
            "appealed_decided_at": decided, "appealed_fingerprint": fingerprint.lower() if fingerprint else None,
            "appealed_case_revision": revision}


def appeal_values(case: Any) -> dict[str, Any] | None:
    """The same from a parsed :class:`arbiter.domain.model.Case`."""
    info = case.after_sale.appeal_info
    if info is None:
        return None
    ref = info.decision_appealed
    return {"order_id": case.order.order_id, "filed_by": getattr(info.filed_by, "value", str(info.filed_by)),
            "filed_at": info.filed_at, "appealed_decided_at": ref.decided_at,
            "appealed_fingerprint": ref.fingerprint.lower() if ref.fingerprint else None,
            "appealed_case_revision": ref.case_revision}


_SELECT_REVISION = select(CaseRevisionModel.revision).where(CaseRevisionModel.id == bindparam("pk"))
_INSERT_APPEAL = CaseAppealModel.__table__.insert()


def _values_of_json(case_json: bytes) -> dict[str, Any] | None:
    """:func:`appeal_values_from_json` of case.json's bytes; most cases are no appeal and are not even decoded."""
    raw = bytes(case_json)
    if b'"appeal"' not in raw and b'"previous_decision_at"' not in raw:
        return None
    return appeal_values_from_json(json.loads(raw.decode("utf-8-sig")))


def _prepare_hook(loaded: Any) -> dict[str, Any] | None:
    """Beside the reader (in a worker process): the values, so the writer does not decode case.json again."""
    return _values_of_json(loaded.case_json)


def _store_hook(conn: Connection, prepared: Any, case_pk: int, revision_pk: int) -> None:
    """The importer's hook (in the bundle's savepoint): the values the prepare hook read from the case.json bytes
    (a bundle that crossed from a worker process carries no parsed case), else read here."""
    extra = getattr(prepared, "extra", None) or {}
    values = extra["appeals"] if "appeals" in extra else _values_of_json(prepared.case_json)
    if values is None:
        return
    revision = conn.execute(_SELECT_REVISION, {"pk": revision_pk}).scalar_one()
    conn.execute(_INSERT_APPEAL, dict(values, case_pk=case_pk, revision=revision))


def _register() -> None:
    from arbiter.store.importer import ImportHook, register_import_hook

    register_import_hook(ImportHook(name="appeals", prepare=_prepare_hook, store=_store_hook))


_register()


# -- the decision appealed -------------------------------------------------------------------------------------
def appeal_link(session: Session, case_pk: int) -> CaseAppealModel | None:
    """What the case's newest revision says about the decision it appeals, or None (not an appeal)."""
    return session.scalar(select(CaseAppealModel).join(CaseModel, CaseModel.id == CaseAppealModel.case_pk)
                          .where(CaseAppealModel.case_pk == case_pk,
                                 CaseAppealModel.revision == CaseModel.latest_revision))


def _same_instant(record_text: str, moment: datetime) -> bool:
    try:
        decided = _when(json.loads(record_text).get("decided_at"))
    except (ValueError, AttributeError):
        return False
    return decided is not None and decided == moment


def _not_the_appeal(link: CaseAppealModel):
    """Verdicts that are not the appeal's own (the appeal may be a later revision of the original's case)."""
    return (VerdictModel.case_pk != link.case_pk) | (VerdictModel.revision < link.revision)


def original_verdicts(session: Session, link: CaseAppealModel) -> list[VerdictModel]:
    """The stored verdicts the appeal names (usually one), oldest first."""
    if link.appealed_fingerprint:
        found = list(session.scalars(select(VerdictModel).where(
            VerdictModel.fingerprint == link.appealed_fingerprint, _not_the_appeal(link)).order_by(VerdictModel.id)))
        if found:
            return found
    if not link.order_id:
        return []
    candidates = session.scalars(
        select(VerdictModel).join(CaseModel, CaseModel.id == VerdictModel.case_pk)
        .where(CaseModel.order_id == link.order_id, _not_the_appeal(link)).order_by(VerdictModel.id))
    return [v for v in candidates if _same_instant(v.record, link.appealed_decided_at)]


def original_deciders(session: Session, case_pk: int) -> tuple[list[VerdictModel], set[str]]:
    """(the original verdicts, everyone who signed a verdict on their case) for an appeal; ([], set()) otherwise."""
    link = appeal_link(session, case_pk)
    if link is None:
        return [], set()
    originals = original_verdicts(session, link)
    people: set[str] = set()
    for case_of_original in {v.case_pk for v in originals}:
        stmt = select(VerdictModel.reviewer).where(VerdictModel.case_pk == case_of_original)
        if case_of_original == link.case_pk:
            stmt = stmt.where(VerdictModel.revision < link.revision)
        people.update(session.scalars(stmt))
    return originals, people


@dataclass(frozen=True, slots=True)
class Conflict:
    """``who`` decided (or amended) the verdict ``case_id`` appeals: ``appealed_case_id`` version ``version``."""
    case_id: str
    appealed_case_id: str
    version: int
    who: str

    def __str__(self) -> str:
        return (f"{self.case_id} appeals {self.appealed_case_id} v{self.version}, decided by {self.who}: "
                "another reviewer must decide the appeal")


def conflict_facts(session: Session, case_pk: int, who: str) -> Conflict | None:
    """The facts of why ``who`` may not decide this case (it appeals their own verdict), or None."""
    originals, people = original_deciders(session, case_pk)
    if who not in people:
        return None
    first = originals[0]
    original_case = session.get(CaseModel, first.case_pk)
    this_case = session.get(CaseModel, case_pk)
    return Conflict(this_case.case_id, original_case.case_id, first.number or 1, who)


def conflict_of(session: Session, case_pk: int, who: str) -> str | None:
    """Why ``who`` may not decide this case (it appeals their own verdict), in one English line, or None."""
    facts = conflict_facts(session, case_pk, who)
    return None if facts is None else str(facts)


def check_not_original_decider(session: Session, case_pk: int, who: str) -> None:
    """Raise :class:`AppealConflict` when ``who`` decided (or amended) the verdict this case appeals."""
    facts = conflict_facts(session, case_pk, who)
    if facts is not None:
        refused = AppealConflict(str(facts))
        refused.reason, refused.conflict = "own_appeal", facts   # as data, for a front end to word it
        raise refused


def conflicted_case_pks(session: Session, who: str) -> set[int]:
    """Every appeal case in this database that ``who`` may not decide (the GUI's next case walks past them)."""
    pks = session.scalars(select(CaseAppealModel.case_pk).join(CaseModel, CaseModel.id == CaseAppealModel.case_pk)
                          .where(CaseAppealModel.revision == CaseModel.latest_revision))
    return {pk for pk in pks if who in original_deciders(session, pk)[1]}


# -- what the appeal's reviewer sees ---------------------------------------------------------------------------
@dataclass(frozen=True)
class OriginalVerdict:
    """The decision an appeal appeals, for the read-only panel beside the case."""

    appealed_decided_at: datetime
    appealed_fingerprint: str | None
    filed_by: str
    filed_at: datetime | None
    found: bool                      # the verdict is stored in this database
    case_id: str | None = None
    number: int | None = None
    reviewer: str | None = None
    signed_at: datetime | None = None
    outcome: str | None = None
    remedy: dict[str, Any] | None = None
    rationale: str | None = None
    fingerprint: str | None = None
    later: tuple[str, ...] = ()       # "v2 amendment by ben" ... : what happened to it afterwards


def original_verdict(session: Session, case_pk: int) -> OriginalVerdict | None:
    """The original verdict of an appeal (``found`` False when this database does not hold it); None when the case
    is no appeal."""
    link = appeal_link(session, case_pk)
    if link is None:
        return None
    base = dict(appealed_decided_at=link.appealed_decided_at, appealed_fingerprint=link.appealed_fingerprint,
                filed_by=link.filed_by, filed_at=link.filed_at)
    originals = original_verdicts(session, link)
    if not originals:
        return OriginalVerdict(found=False, **base)
    v = originals[0]
    record = json.loads(v.record)
    case_id = session.scalar(select(CaseModel.case_id).where(CaseModel.id == v.case_pk))
    later = tuple(f"v{o.number or '?'} {o.kind} by {o.reviewer}" for o in session.scalars(
        select(VerdictModel).where(VerdictModel.case_pk == v.case_pk, VerdictModel.id > v.id, _not_the_appeal(link))
        .order_by(VerdictModel.id)))
    return OriginalVerdict(found=True, case_id=case_id, number=v.number or 1, reviewer=v.reviewer,
                           signed_at=v.signed_at, outcome=record.get("outcome"), remedy=record.get("remedy"),
                           rationale=record.get("rationale"), fingerprint=v.fingerprint, later=later, **base)


class Appeals:
    """The same for callers holding a :class:`arbiter.store.Database` (the CLI, the GUI)."""

    def __init__(self, db):
        self._db = db

    def original_verdict(self, case_pk: int) -> OriginalVerdict | None:
        with self._db.session(readonly=True) as session:
            return original_verdict(session, case_pk)

    def conflict_of(self, case_pk: int, who: str) -> str | None:
        with self._db.session(readonly=True) as session:
            return conflict_of(session, case_pk, who)

    def conflicted_case_pks(self, who: str) -> set[int]:
        with self._db.session(readonly=True) as session:
            return conflicted_case_pks(session, who)


__all__ = ["AppealConflict", "Appeals", "Conflict", "OriginalVerdict", "appeal_link", "appeal_values",
           "appeal_values_from_json", "conflict_facts",
           "check_not_original_decider", "conflict_of", "conflicted_case_pks", "original_deciders",
           "original_verdict", "original_verdicts"]
