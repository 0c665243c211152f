"""The supervisor's desk in the store: the verdicts quality review looks at, recorded samples, the inbox,
supervisor actions (approve / return / overturn), team settings and the notice gate.

The statistics and the sampling rules are pure (:mod:`arbiter.domain.qa`); this module reads the rows they
need and writes what the supervisor decides, each write with its audit event in the same transaction.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from arbiter.domain.qa import QASettings, ReviewOutcome, Selection, VerdictFacts, select_for_review
from arbiter.store import audit
from arbiter.store.canonical import canonical_json, sha256_hex
from arbiter.store.db import Database
from arbiter.store.gold import gold_case_pks, gold_hold
from arbiter.store.errors import StoreError
from arbiter.store.models import (
    AuditEventModel,
    CaseModel,
    CaseRevisionModel,
    EvidenceModel,
    VerdictModel,
)
from arbiter.store.qa_models import (
    SUPERVISOR_ACTIONS,
    QASampleItemModel,
    QASampleModel,
    SupervisorReviewModel,
    TeamSettingModel,
)

#: team settings and their defaults (JSON values)
SETTING_DEFAULTS: dict[str, Any] = {
    "notice_gate": True,          # a flagged verdict or an amendment issues no notice until a supervisor approves
    "qa_rules": QASettings().as_dict(),
}
QA_RECORD_FORMAT = "arbiter.qa-review/2"
#: the first format named the verdict by this database's row ids (``verdict_id``, ``amendment_id``): still verified,
#: never exported in a QA package
QA_RECORD_FORMAT_V1 = "arbiter.qa-review/1"


class QAError(StoreError):
    """A supervisor action that is not allowed (own verdict, unknown verdict, missing note...)."""


@dataclass(frozen=True, slots=True)
class InboxItem:
    verdict_id: int
    case_pk: int
    case_id: str
    version: int
    reviewer: str
    reason: str
    platform: str
    claim_type: str
    outcome: str
    sample_id: int


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    verdict_id: int
    supervisor: str
    at: datetime
    action: str
    note: str
    amendment_id: int | None
    differences: list[dict[str, Any]]
    fingerprint: str
    signature: str | None


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def _number_of(row: VerdictModel, computed: dict[int, int]) -> int:
    number = getattr(row, "number", None)  # vN recorded by the signature (trust, migration 0003_trust)
    return int(number) if number else computed[row.id]


class QAStore:
    def __init__(self, db: Database):
        self._db = db

    # -- settings ---------------------------------------------------------------------------------------------
    def setting(self, key: str) -> Any:
        with self._db.session(readonly=True) as session:
            row = session.get(TeamSettingModel, key)
            return json.loads(row.value) if row is not None else SETTING_DEFAULTS.get(key)

    def set_setting(self, key: str, value: Any, actor: str) -> None:
        if key not in SETTING_DEFAULTS:
            raise QAError(f"unknown team setting {key!r}")
        text_value = canonical_json(value).decode("utf-8")
        now = datetime.now(timezone.utc)
        with self._db.session() as session:
            row = session.get(TeamSettingModel, key, with_for_update=True)
            if row is None:
                session.add(TeamSettingModel(key=key, value=text_value, updated_at=now, updated_by=actor))
            else:
                row.value, row.updated_at, row.updated_by = text_value, now, actor
            session.flush()
            audit.append_event(session, actor, "team.setting", {"key": key, "value": value}, at=now)

    def qa_settings(self) -> QASettings:
        return QASettings.from_dict(self.setting("qa_rules") or {})

    # -- the verdicts quality review looks at ----------------------------------------------------------------
    def verdict_facts(self) -> list[VerdictFacts]:
        """Every stored verdict as :class:`VerdictFacts`, in id order."""
        with self._db.session(readonly=True) as session:
            return self._facts(session)

    def _facts(self, session: Session) -> list[VerdictFacts]:
        rows = list(session.execute(
            select(VerdictModel, CaseModel.case_id, CaseModel.platform, CaseModel.claim_type, CaseModel.currency)
            .join(CaseModel, CaseModel.id == VerdictModel.case_pk).order_by(VerdictModel.id)))
        overturns = set(session.scalars(select(SupervisorReviewModel.amendment_id)
                                        .where(SupervisorReviewModel.amendment_id.is_not(None))))
        by_id = {v.id: v for v, *_ in rows}
        computed: dict[int, int] = {}
        for v, *_ in rows:  # vN when the row does not carry it: the original is 1, each amendment one more
            computed[v.id] = computed.get(v.supersedes_id, 0) + 1 if v.supersedes_id else 1
        conflicted: set[int] = set()
        for v, *_ in rows:
            other = getattr(v, "conflicts_with_id", None)
            if other:
                conflicted.update((v.id, other))
        parties = self._parties(session, {(v.case_pk, v.revision) for v, *_ in rows})
        started = self._first_drafts(session)
        gold = gold_case_pks(session)  # verdicts on gold cases count in calibration only (store/gold.py)
        facts: list[VerdictFacts] = []
        for v, case_id, platform, claim_type, case_currency in rows:
            if v.case_pk in gold:
                continue
            record = json.loads(v.record)
            remedy = record.get("remedy") or {}
            party = parties.get((v.case_pk, v.revision), {})
            excluded = [e.get("id") for e in record.get("evidence_excluded") or () if isinstance(e, dict)]
            seconds = self._review_seconds(v, started)
            facts.append(VerdictFacts(
                verdict_id=v.id, case_id=case_id, version=_number_of(v, computed), reviewer=v.reviewer,
                platform=platform, claim_type=claim_type, currency=str(remedy.get("currency") or case_currency),
                amount=_decimal(remedy.get("amount")), outcome=str(record.get("outcome")),
                derived_outcome=record.get("derived_outcome"),
                overridden=bool(record.get("override")) or (v.kind == "original" and v.flagged_for_supervisor),
                amendment=v.kind == "amendment", conflict=v.id in conflicted, signed_at=v.signed_at,
                review_seconds=seconds,
                excluded_buyer=sum(1 for e in excluded if party.get(e) == "buyer"),
                excluded_seller=sum(1 for e in excluded if party.get(e) == "seller"),
                supervisor_amendment=v.id in overturns,
            ))
        del by_id
        return facts

    @staticmethod
    def _parties(session: Session, revisions: set[tuple[int, int]]) -> dict[tuple[int, int], dict[str, str]]:
        out: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        if not revisions:
            return out
        case_pks = {pk for pk, _ in revisions}
        stmt = (select(CaseRevisionModel.case_pk, CaseRevisionModel.revision, EvidenceModel.evidence_id,
                       EvidenceModel.party)
                .join(EvidenceModel, EvidenceModel.revision_pk == CaseRevisionModel.id)
                .where(CaseRevisionModel.case_pk.in_(case_pks)))
        for case_pk, revision, evidence_id, party in session.execute(stmt):
            if (case_pk, revision) in revisions:
                out[(case_pk, revision)][evidence_id] = party
        return out

    @staticmethod
    def _first_drafts(session: Session) -> dict[tuple[int, str], datetime]:
        """When each reviewer first saved a draft of each case (the local audit trail): the start of a review."""
        stmt = (select(AuditEventModel.case_pk, AuditEventModel.actor, func.min(AuditEventModel.at))
                .where(AuditEventModel.action == "draft.saved").group_by(AuditEventModel.case_pk,
                                                                         AuditEventModel.actor))
        return {(pk, actor): at for pk, actor, at in session.execute(stmt)}

    @staticmethod
    def _review_seconds(v: VerdictModel, started: dict[tuple[int, str], datetime]) -> float | None:
        progress = getattr(v, "progress", None)
        if progress:
            try:
                data = json.loads(progress)
            except ValueError:
                data = {}
            seconds = data.get("review_seconds") if isinstance(data, dict) else None
            if isinstance(seconds, (int, float)) and seconds >= 0:
                return float(seconds)
        begun = started.get((v.case_pk, v.reviewer))
        if begun is not None and v.signed_at >= begun:
            return (v.signed_at - begun).total_seconds()
        return None

    # -- sampling ----------------------------------------------------------------------------------------------
    def sample(self, settings: QASettings, actor: str, *, record: bool = True) -> tuple[int | None,
                                                                                        list[Selection]]:
        """Select verdicts with ``settings`` and record the selection (rules, seed and what was chosen) with an
        audit event; returns the sample's id and the selection."""
        now = datetime.now(timezone.utc)
        with self._db.session(readonly=not record) as session:
            selection = select_for_review(self._facts(session), settings)
            if not record:
                return None, selection
            lines = "\n".join(s.line() for s in selection)
            row = QASampleModel(created_at=now, actor=actor, settings=canonical_json(settings.as_dict()).decode(),
                                size=len(selection), selection_sha256=sha256_hex(lines.encode("utf-8")))
            session.add(row)
            session.flush()
            session.add_all(QASampleItemModel(sample_id=row.id, verdict_id=s.verdict_id, reason=s.reason)
                            for s in selection)
            session.flush()
            audit.append_event(session, actor, "qa.sampled", {
                "sample_id": row.id, "settings": settings.as_dict(), "size": len(selection),
                "selection_sha256": row.selection_sha256}, at=now)
            return row.id, selection

    def inbox(self, supervisor: str | None = None) -> list[InboxItem]:
        """Sampled verdicts that no supervisor has acted on yet (the newest sample's reason for each), without
        the supervisor's own verdicts (nobody quality-reviews their own work)."""
        with self._db.session(readonly=True) as session:
            facts = {f.verdict_id: f for f in self._facts(session)}
            reviewed = set(session.scalars(select(SupervisorReviewModel.verdict_id)))
            latest: dict[int, tuple[int, str]] = {}
            for sample_id, verdict_id, reason in session.execute(
                    select(QASampleItemModel.sample_id, QASampleItemModel.verdict_id, QASampleItemModel.reason)
                    .order_by(QASampleItemModel.sample_id)):
                latest[verdict_id] = (sample_id, reason)
            case_pks = dict(session.execute(select(VerdictModel.id, VerdictModel.case_pk)
                                            .where(VerdictModel.id.in_(list(latest) or [-1]))).all())
        items = []
        for verdict_id, (sample_id, reason) in latest.items():
            f = facts.get(verdict_id)
            if f is None or verdict_id in reviewed or (supervisor and f.reviewer == supervisor):
                continue
            items.append(InboxItem(verdict_id, case_pks[verdict_id], f.case_id, f.version, f.reviewer, reason,
                                   f.platform, f.claim_type, f.outcome, sample_id))
        order = {r: i for i, r in enumerate(("override", "amendment", "conflict", "amount", "new_reviewer",
                                             "random"))}
        items.sort(key=lambda i: (order.get(i.reason, 9), i.case_id, i.version))
        return items

    # -- supervisor actions ------------------------------------------------------------------------------------
    def review(self, verdict_id: int, supervisor: str, action: str, *, note: str = "",
               answers: dict | None = None, differences: Iterable[dict] = (), amendment_id: int | None = None,
               sample_id: int | None = None, signer: Any = None) -> ReviewRow:
        """Record a supervisor's action on a verdict, signed by ``signer`` (the supervisor's Identity, role
        supervisor): ``return`` needs a note; ``overturn`` needs the supervisor's amendment (``amendment_id``, a
        verdict superseding this one). Refused on one's own verdict. The signed record (``arbiter.qa-review/2``)
        names the verdict by case, vN and fingerprint, never by this database's row ids, so it can travel in a QA
        package to the reviewer's workstation and verify there (docs/trust.md, "QA packages")."""
        if action not in SUPERVISOR_ACTIONS:
            raise QAError(f"action must be one of {', '.join(SUPERVISOR_ACTIONS)}")
        if not supervisor or not supervisor.strip():
            raise QAError("a supervisor action needs the supervisor's identity")
        if signer is None or not callable(getattr(signer, "sign", None)) or getattr(signer, "card", None) is None:
            raise QAError("a supervisor action is signed: this workstation needs its supervisor identity "
                          "(arbiter identity init --role supervisor)")
        if signer.id != supervisor:
            raise QAError(f"the identity {signer.id} is not the supervisor {supervisor}")
        if signer.role != "supervisor":
            raise QAError(f"{signer.id} is a {signer.role}: only a supervisor approves, returns or overturns")
        note = (note or "").strip()
        if action == "return" and not note:
            raise QAError("returning a verdict needs a note for the reviewer")
        if action == "overturn" and amendment_id is None:
            raise QAError("an overturn needs the supervisor's amendment")
        diffs = [dict(d) for d in differences]
        now = datetime.now(timezone.utc)
        with self._db.session() as session:
            verdict = session.get(VerdictModel, verdict_id)
            if verdict is None:
                raise QAError(f"no verdict {verdict_id}")
            case = session.get(CaseModel, verdict.case_pk, with_for_update=True)
            if verdict.reviewer == supervisor:
                raise QAError(f"{case.case_id}: nobody quality-reviews their own verdict")
            amendment = None
            if amendment_id is not None:
                amendment = session.get(VerdictModel, amendment_id)
                if amendment is None or amendment.supersedes_id != verdict.id:
                    raise QAError(f"{case.case_id}: verdict {amendment_id} does not amend verdict {verdict_id}")
            _register_signer(session, signer)
            record = {"format": QA_RECORD_FORMAT, "case_id": case.case_id,
                      "verdict": {"number": verdict.number, "fingerprint": verdict.fingerprint,
                                  "reviewer": verdict.reviewer},
                      "supervisor": supervisor, "key": signer.fingerprint, "action": action, "note": note,
                      "differences": diffs, "amendment": amendment.fingerprint if amendment is not None else None,
                      "answers": answers, "at": now.isoformat(timespec="microseconds")}
            canonical = canonical_json(record)
            row = insert_review(session, case, verdict, amendment, record, signer.sign(canonical),
                                sample_id=sample_id, event=f"qa.{action}", actor=supervisor)
            return _review_row(row)

    def reviews(self, verdict_id: int | None = None) -> list[ReviewRow]:
        stmt = select(SupervisorReviewModel).order_by(SupervisorReviewModel.id)
        if verdict_id is not None:
            stmt = stmt.where(SupervisorReviewModel.verdict_id == verdict_id)
        with self._db.session(readonly=True) as session:
            return [_review_row(r) for r in session.scalars(stmt)]

    def review_outcomes(self) -> list[ReviewOutcome]:
        with self._db.session(readonly=True) as session:
            return [ReviewOutcome(v, a) for v, a in session.execute(
                select(SupervisorReviewModel.verdict_id, SupervisorReviewModel.action)
                .order_by(SupervisorReviewModel.id))]

    def returned_to(self, reviewer: str) -> list[tuple[str, int, str]]:
        """(case_id, verdict_id, note) of the reviewer's verdicts returned by a supervisor and not since
        approved or overturned: what the reviewer's queue shows."""
        with self._db.session(readonly=True) as session:
            last: dict[int, SupervisorReviewModel] = {}
            for r in session.scalars(select(SupervisorReviewModel).join(
                    VerdictModel, VerdictModel.id == SupervisorReviewModel.verdict_id)
                    .where(VerdictModel.reviewer == reviewer).order_by(SupervisorReviewModel.id)):
                last[r.verdict_id] = r
            out = []
            for verdict_id, r in last.items():
                if r.action == "return":
                    case_id = session.scalar(select(CaseModel.case_id).join(
                        VerdictModel, VerdictModel.case_pk == CaseModel.id).where(VerdictModel.id == verdict_id))
                    out.append((case_id, verdict_id, r.note))
            return sorted(out)

    # -- one verdict, as the blind re-review needs it ----------------------------------------------------------
    def verdict(self, verdict_id: int) -> dict[str, Any]:
        """``record``, ``answers`` (when the verdict carries them), ``reviewer``, ``case_pk``, ``revision``."""
        with self._db.session(readonly=True) as session:
            v = session.get(VerdictModel, verdict_id)
            if v is None:
                raise QAError(f"no verdict {verdict_id}")
            answers = getattr(v, "answers", None)
            return {"id": v.id, "record": json.loads(v.record), "answers": json.loads(answers) if answers else None,
                    "reviewer": v.reviewer, "case_pk": v.case_pk, "revision": v.revision, "kind": v.kind}

    def case_for_verdict(self, verdict_id: int):
        """The case as the revision the verdict was signed on says (not the newest revision)."""
        from arbiter.bundle.reader import load_case_json

        with self._db.session(readonly=True) as session:
            v = session.get(VerdictModel, verdict_id)
            if v is None:
                raise QAError(f"no verdict {verdict_id}")
            rev = session.scalar(select(CaseRevisionModel).where(CaseRevisionModel.case_pk == v.case_pk,
                                                                 CaseRevisionModel.revision == v.revision))
            return load_case_json(bytes(rev.case_json))

    @staticmethod
    def overturn_amendment(repo, case_pk: int, supervisor: str, reason: str, record: dict, answers: dict,
                           progress: dict, signer=None):
        """The supervisor's amendment that an overturn links to, signed with the supervisor's identity and checked
        by the store like any verdict (the rules, the review progress)."""
        if signer is None:
            raise QAError("an overturn is a signed amendment: this workstation needs its supervisor identity")
        if signer.id != supervisor:
            raise QAError(f"the identity {signer.id} is not the supervisor {supervisor}")
        return repo.amend_verdict(case_pk, signer, reason, record, answers=answers, progress=progress)

    # -- the notice gate ---------------------------------------------------------------------------------------
    def notice_hold(self, case_pk: int) -> str | None:
        """Why the case's current verdict may not issue its notice yet, or None. With the team setting
        ``notice_gate`` on (the default), a verdict flagged for a supervisor (an override) or an amendment by its
        reviewer waits for a supervisor's approval; a supervisor's own overturn is that approval. Any verdict a
        supervisor returned is held too, and the reason carries the note: that is how a return reaches the reviewer
        on a shared database (the reviewer's checklist shows it where the export is)."""
        with self._db.session(readonly=True) as session:
            held = gold_hold(session, case_pk)  # a gold case never issues a notice (calibration; store/gold.py)
            if held:
                return held
            gate = session.get(TeamSettingModel, "notice_gate")
            if gate is not None and not json.loads(gate.value):
                return None
            current = current_verdict(session, case_pk)
            if current is None:
                return None
            if session.scalar(select(SupervisorReviewModel.id).where(
                    SupervisorReviewModel.amendment_id == current.id)) is not None:
                return None  # the supervisor's overturn
            last = session.scalar(select(SupervisorReviewModel).where(
                SupervisorReviewModel.verdict_id == current.id).order_by(SupervisorReviewModel.id.desc()).limit(1))
            if last is not None and last.action == "return":  # any verdict a supervisor sent back waits
                return (f"the verdict was returned by a supervisor ({last.supervisor}): \u201c{last.note}\u201d; "
                        "amend it, then it waits for approval")
            conflict = session.scalar(select(VerdictModel.reviewer).where(
                VerdictModel.case_pk == case_pk, VerdictModel.conflicts_with_id.is_not(None)).limit(1))
            if not (current.flagged_for_supervisor or current.kind == "amendment" or conflict):
                return None
            if last is not None and last.action == "approve":
                return None
            if conflict and not current.flagged_for_supervisor and current.kind != "amendment":
                return (f"another reviewer ({conflict}) signed a different verdict on this case: its notice is held "
                        "until a supervisor approves one of them")
            what = "an override of the derived outcome" if current.flagged_for_supervisor else "an amendment"
            return f"the verdict is {what}: its notice is held until a supervisor approves it"


def _register_signer(session: Session, signer: Any) -> None:
    """The supervisor's key card is registered with the first signed action (as a reviewer's is with the first
    signature); an id registered with another key must be re-registered explicitly."""
    from arbiter.store import trust

    registered = trust.current_key_of(session, signer.id)
    if registered is None:
        trust.register_card(session, signer.card, signer.id)
    elif registered != signer.fingerprint:
        raise QAError(f"{signer.id} is registered here with another key ({registered[:16]}); register the new key "
                      "card first (arbiter reviewers add --replace)")


def insert_review(session: Session, case: CaseModel, verdict: VerdictModel, amendment: VerdictModel | None,
                  record: dict[str, Any], signature: str, *, sample_id: int | None, event: str, actor: str,
                  extra: dict[str, Any] | None = None) -> SupervisorReviewModel:
    """Store a checked, signed supervisor action (``record`` is ``arbiter.qa-review/2``) with its audit event, in
    the caller's transaction: the one place a ``supervisor_reviews`` row is written, locally or from a package."""
    canonical = canonical_json(record)
    answers = record.get("answers")
    row = SupervisorReviewModel(
        verdict_id=verdict.id, supervisor=record["supervisor"], at=datetime.fromisoformat(record["at"]),
        action=record["action"], note=record["note"], sample_id=sample_id,
        amendment_id=amendment.id if amendment is not None else None,
        answers=canonical_json(answers).decode("utf-8") if answers is not None else None,
        differences=canonical_json(record["differences"]).decode("utf-8"), record=canonical.decode("utf-8"),
        fingerprint=sha256_hex(canonical), signature=signature)
    session.add(row)
    session.flush()
    audit.append_event(session, actor, event, {
        "case_id": case.case_id, "verdict_id": verdict.id, "review_id": row.id, "action": row.action,
        "fingerprint": row.fingerprint, "amendment_id": row.amendment_id, "signature": signature,
        **(extra or {})}, case_pk=case.id)
    return row


def current_verdict(session: Session, case_pk: int) -> VerdictModel | None:
    """The case's current verdict: the head of its verdict chain, never a conflicting verdict kept beside it
    (an imported second original, or an amendment of one, carries ``conflicts_with_id``; docs/trust.md). The same
    rule as the repository's, which notices, revisions and exports follow."""
    from arbiter.store.repository import Repository

    return Repository._current_verdict(session, case_pk)


def _review_row(r: SupervisorReviewModel) -> ReviewRow:
    return ReviewRow(r.id, r.verdict_id, r.supervisor, r.at, r.action, r.note, r.amendment_id,
                     json.loads(r.differences), r.fingerprint, r.signature)


__all__ = ["InboxItem", "QAError", "QAStore", "ReviewRow", "SETTING_DEFAULTS"]
