"""Everything the GUI and the CLI need from the database. No SQL outside ``arbiter.store``.

Every method opens its own transaction; every write appends an audit event in that same transaction.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select, text, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import arbiter
from arbiter.domain.model import Case
from arbiter.bundle.reader import load_case_json
from arbiter.store import audit, supplements, trust
from arbiter.store.blobs import read_blob
from arbiter.store.canonical import canonical_json, sha256_hex
from arbiter.store.db import Database
from arbiter.store.errors import CaseNotFound, EvidenceTampered, NoVerdict, VerdictLocked, VerdictRefused
from arbiter.store.notes import NotesMixin
from arbiter.store.supplements import SupplementsMixin
from arbiter.store.models import (
    CASE_STATUSES,
    AuditEventModel,
    CaseModel,
    CaseRevisionModel,
    DraftModel,
    EvidenceModel,
    VerdictModel,
)
from arbiter.store.queue_search import SearchPlan, capped_count, membership, plan_search

#: a search's plan (store/queue_search.py) is reused this long for the same text
PLAN_SECONDS = 2.0

SORT_KEYS = ("case_id", "platform", "region", "claim_type", "amount", "opened_at", "next_deadline_at", "status")
#: statuses a reviewer may set by hand; signed, amended and flagged come only from verdicts
MANUAL_STATUSES = ("new", "in_review", "decided")

_FilterValue = str | tuple[str, ...] | None


def _as_tuple(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,) if value else None
    values = tuple(value)
    return values or None


@dataclass(frozen=True, slots=True)
class QueueQuery:
    """What the queue shows. ``text`` finds cases by case id, order id, buyer and seller id and name, phone number,
    SKU and tracking number (exact or prefix; words of names: :mod:`arbiter.store.search`). Each filter is
    one value or a tuple of accepted values (``None`` = any). ``sort`` is one of :data:`SORT_KEYS`; cases
    without a deadline sort last either way; ties are broken by pk, in the sort's direction (descending: the
    exact reverse of ascending, apart from the cases without a deadline)."""

    text: str = ""
    platform: _FilterValue = None
    region: _FilterValue = None
    status: _FilterValue = None
    claim_type: _FilterValue = None
    sort: str = "next_deadline_at"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise ValueError(f"sort must be one of {', '.join(SORT_KEYS)}; got {self.sort!r}")
        for name in ("platform", "region", "status", "claim_type"):
            object.__setattr__(self, name, _as_tuple(getattr(self, name)))
        object.__setattr__(self, "text", (self.text or "").strip())


@dataclass(frozen=True, slots=True)
class QueueRow:
    pk: int
    case_id: str
    platform: str
    region: str
    claim_type: str
    amount: Decimal
    currency: str
    opened_at: datetime
    next_deadline_at: datetime | None
    status: str
    order_id: str


@dataclass(frozen=True, slots=True)
class StoredCase:
    pk: int
    case: Case
    revision: int
    imported_at: datetime
    case_sha256: str
    status: str


@dataclass(frozen=True, slots=True)
class Draft:
    case_pk: int
    reviewer: str
    answers: dict[str, Any]
    progress: dict[str, Any]
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class VerdictRow:
    id: int
    case_pk: int
    revision: int
    kind: str                      # "original" | "amendment"
    supersedes_id: int | None
    reviewer: str
    signed_at: datetime
    policy_id: str
    policy_version: str
    record: dict[str, Any] = field(compare=False)
    record_json: str               # the canonical JSON exactly as stored
    fingerprint: str               # sha256 hex of record_json's UTF-8 bytes
    reason: str | None
    flagged_for_supervisor: bool
    # 0003 (docs/trust.md); None for verdicts signed before identities existed
    number: int | None = None                 # vN: 1 the original, 2 its first amendment, ...
    case_sha256: str | None = None            # the case revision signed
    signer_key: str | None = None             # fingerprint of the signing key
    signature: str | None = None              # Ed25519 over arbiter.signing.verdict_statement, base64
    chain_head: str | None = None             # "seq:hash" of the signer's audit chain before signing
    answers: dict[str, Any] | None = field(default=None, compare=False)
    progress: dict[str, Any] | None = field(default=None, compare=False)
    app_version: str | None = None
    origin: str | None = None                 # "local" or "package"
    rules_drift: bool = False                 # imported from another arbiter version whose rules differ
    conflicts_with_id: int | None = None      # an imported verdict disagreeing with the case's verdict

    @property
    def intact(self) -> bool:
        return sha256_hex(self.record_json.encode("utf-8")) == self.fingerprint


@dataclass(frozen=True, slots=True)
class AuditRow:
    seq: int
    at: datetime
    actor: str
    action: str
    case_pk: int | None
    payload: dict[str, Any] = field(compare=False)
    prev_hash: str
    hash: str


def _verdict_row(row: VerdictModel) -> VerdictRow:
    return VerdictRow(
        id=row.id, case_pk=row.case_pk, revision=row.revision, kind=row.kind, supersedes_id=row.supersedes_id,
        reviewer=row.reviewer, signed_at=row.signed_at, policy_id=row.policy_id, policy_version=row.policy_version,
        record=json.loads(row.record), record_json=row.record, fingerprint=row.fingerprint, reason=row.reason,
        flagged_for_supervisor=row.flagged_for_supervisor, number=row.number, case_sha256=row.case_sha256,
        signer_key=row.signer_key, signature=row.signature, chain_head=row.chain_head,
        answers=json.loads(row.answers) if row.answers else None,
        progress=json.loads(row.progress) if row.progress else None, app_version=row.app_version,
        origin=row.origin, rules_drift=bool(row.rules_drift), conflicts_with_id=row.conflicts_with_id,
    )


def _audit_row(row: AuditEventModel) -> AuditRow:
    return AuditRow(seq=row.seq, at=row.at, actor=row.actor, action=row.action, case_pk=row.case_pk,
                    payload=json.loads(row.payload), prev_hash=row.prev_hash, hash=row.hash)


def earliest_deadline(record: dict[str, Any]) -> datetime | None:
    """The earliest non-null ``due`` among the record's ``deadlines`` (aware datetimes), or None."""
    dues: list[datetime] = []
    for item in record.get("deadlines") or ():
        due = item.get("due") if isinstance(item, dict) else None
        if not due:
            continue
        moment = datetime.fromisoformat(due)
        if moment.tzinfo is None:
            raise ValueError(f"deadline {item.get('id')!r}: due {due!r} has no UTC offset")
        dues.append(moment)
    return min(dues) if dues else None


def _policy_of(record: dict[str, Any]) -> tuple[str, str]:
    policy = record.get("policy")
    if not isinstance(policy, dict) or not policy.get("id") or not policy.get("version"):
        raise ValueError("record.policy: id and version are required")
    return str(policy["id"]), str(policy["version"])


_QUEUE_COLUMNS = (
    CaseModel.id, CaseModel.case_id, CaseModel.platform, CaseModel.region, CaseModel.claim_type, CaseModel.amount,
    CaseModel.currency, CaseModel.opened_at, CaseModel.next_deadline_at, CaseModel.status, CaseModel.order_id,
)


@dataclass(frozen=True, slots=True)
class _Run:
    """Part of a queue order that one index serves: rows meeting ``where``, ordered by ``keys`` (columns of
    ``cases``, all in one direction) so that the database walks the index instead of sorting."""

    where: tuple[Any, ...]
    keys: tuple[Any, ...]
    descending: bool
    holds: Callable[[QueueRow], bool]

    def select(self, query: QueueQuery, after: QueueRow | None, *, sqlite: bool = False,
               plan: SearchPlan | None = None) -> Select:
        stmt = Repository._filtered(select(*_QUEUE_COLUMNS), query, sqlite=sqlite, plan=plan).where(*self.where)
        if after is not None:
            values = tuple(after.pk if key is CaseModel.id else getattr(after, key.key) for key in self.keys)
            left = self.keys[0] if len(self.keys) == 1 else tuple_(*self.keys)
            right = values[0] if len(self.keys) == 1 else values  # a plain tuple: bound with the columns' types
            stmt = stmt.where(left < right if self.descending else left > right)
        return stmt.order_by(*self.order())

    def order(self) -> tuple[Any, ...]:
        return tuple(key.desc() if self.descending else key.asc() for key in self.keys)


def _sort_runs(query: QueueQuery) -> list[_Run]:
    """The order of ``query`` as index-served runs. Ties are broken by pk in the sort's direction (case_id is
    unique: no tie-break); cases without a deadline come last, by pk, in either direction."""
    column = getattr(CaseModel, query.sort)
    desc = query.descending
    if query.sort == "case_id":
        return [_Run((), (column,), desc, lambda row: True)]
    if query.sort == "next_deadline_at":
        return [
            _Run((column.is_not(None),), (column, CaseModel.id), desc, lambda row: row.next_deadline_at is not None),
            _Run((column.is_(None),), (CaseModel.id,), desc, lambda row: row.next_deadline_at is None),
        ]
    return [_Run((), (column, CaseModel.id), desc, lambda row: True)]


class Repository(SupplementsMixin, NotesMixin):  # supplement requests, private notes: own modules
    def __init__(self, db: Database):
        self._db = db
        self._search_plans: dict[str, tuple[float, SearchPlan | None]] = {}

    @property
    def db(self) -> Database:
        return self._db

    # -- helpers -----------------------------------------------------------------------------------------
    @staticmethod
    def _case(session: Session, case_pk: int, *, for_update: bool = False) -> CaseModel:
        stmt = select(CaseModel).where(CaseModel.id == case_pk)
        if for_update:
            stmt = stmt.with_for_update()  # PostgreSQL: serialise writers of one case (no-op on SQLite)
        row = session.scalar(stmt)
        if row is None:
            raise CaseNotFound(case_pk)
        return row

    @staticmethod
    def _latest_revision(session: Session, case: CaseModel) -> CaseRevisionModel:
        return session.scalars(select(CaseRevisionModel).where(
            CaseRevisionModel.case_pk == case.id, CaseRevisionModel.revision == case.latest_revision)).one()

    @staticmethod
    def _current_verdict(session: Session, case_pk: int) -> VerdictModel | None:
        """The head of the case's verdict chain (imported verdicts kept as conflicts are not part of it)."""
        superseded = select(VerdictModel.supersedes_id).where(VerdictModel.supersedes_id.is_not(None),
                                                              VerdictModel.case_pk == case_pk)
        return session.scalar(
            select(VerdictModel)
            .where(VerdictModel.case_pk == case_pk, VerdictModel.conflicts_with_id.is_(None),
                   VerdictModel.id.not_in(superseded.scalar_subquery()))
            .order_by(VerdictModel.id.desc()).limit(1)
        )

    # -- the queue ---------------------------------------------------------------------------------------
    @staticmethod
    def _filters(query: QueueQuery) -> list[Any]:
        return [getattr(CaseModel, name).in_(getattr(query, name))
                for name in ("platform", "region", "status", "claim_type") if getattr(query, name)]

    @staticmethod
    def _filtered(stmt: Select, query: QueueQuery, *, sqlite: bool = False, plan: SearchPlan | None = None,
                  collect: bool = False) -> Select:
        """``stmt`` restricted to the query's filters and search. The search reads the search indexes
        (store/search.py) the way ``plan`` chose (store/queue_search.py): few matches are collected and
        sorted, many are probed case by case along the sort's index (``collect``: always collect)."""
        conditions = []
        if plan is not None:
            conditions.append(membership(plan, "sqlite" if sqlite else "postgresql", collect=collect))
        conditions.extend(Repository._filters(query))
        return stmt.where(and_(*conditions)) if conditions else stmt

    def _plan(self, session: Session, query: QueueQuery) -> SearchPlan | None:
        """How to read the query's search: whether the names' text index is needed (only when no exact or
        prefix value matches) and whether the matches are many (a few capped index counts). Kept for
        ``PLAN_SECONDS``: the queue counts, then reads a page, then more pages of the same search, and each
        statement costs a round trip (a plan a moment old at worst reads a page the slower way, or also
        searches the names' text index)."""
        if not query.text:
            return None
        plans = self._search_plans
        now = time.monotonic()
        cached = plans.get(query.text)
        if cached is not None and now - cached[0] < PLAN_SECONDS:
            return cached[1]
        plan = plan_search(session, query.text, self._db.backend)
        if len(plans) > 64:
            plans.clear()
        plans[query.text] = (now, plan)
        return plan

    def count_cases(self, query: QueueQuery, *, cap: int | None = None) -> int:
        """How many cases ``query`` holds. ``cap``: a search may stop counting past ``cap`` matching cases and
        return ``cap + 1`` ("more than cap": the queue shows "1,000+"); counting every match of a common name
        costs what reading them all costs. Without a search the count is always exact."""
        sqlite = self._db.backend == "sqlite"
        with self._db.session(readonly=True) as session:
            plan = self._plan(session, query)
            if plan is not None and cap is not None:
                capped = capped_count(session, plan, self._db.backend, self._filters(query), cap)
                if capped is not None:
                    return capped
            return session.scalar(self._filtered(select(func.count(CaseModel.id)), query, sqlite=sqlite,
                                                 plan=plan, collect=True)) or 0

    def list_cases(self, query: QueueQuery, offset: int = 0, limit: int = 200, *,
                   after: QueueRow | None = None) -> list[QueueRow]:
        """One page of the queue: ``limit`` rows in ``query``'s order, skipping ``offset`` rows.

        ``after`` (keyset paging, what the GUI uses): start right after that row, a row this method returned
        for the same query (``offset`` then counts from there, usually 0). A page then costs the same at any
        depth, and rows changed meanwhile are neither repeated nor skipped. Without ``after``, ``offset``
        counts from the top (the database still walks the skipped rows).

        Each sort is served by an index, in the index's order (migration 0002): the key, then the pk in the
        same direction. ``next_deadline_at`` is read in two runs, the cases with a deadline in order and then
        the ones without, by pk, so that those come last both ways.
        """
        if offset < 0 or limit < 0:
            raise ValueError("offset and limit must not be negative")
        runs = _sort_runs(query)
        sqlite = self._db.backend == "sqlite"
        start = 0
        if after is not None:
            start = next(i for i, run in enumerate(runs) if run.holds(after))
        rows: list[QueueRow] = []
        with self._db.session(readonly=True) as session:
            plan = self._plan(session, query)
            if plan is not None and plan.dense and not sqlite:
                # a walk along the sort's index: parallel workers overshoot the page and cost more to start
                session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
            for i in range(start, len(runs)):
                if len(rows) >= limit:
                    break
                stmt = runs[i].select(query, after if i == start else None, sqlite=sqlite, plan=plan)
                if offset and i < len(runs) - 1:  # skip this whole run when the offset lies beyond it
                    size = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
                    if offset >= size:
                        offset -= size
                        continue
                stmt = stmt.offset(offset or None).limit(limit - len(rows))
                if plan is not None and plan.dense:
                    # the walk along the sort's index reads only that index (and probes the search index) for
                    # every case it passes; the page's rows are read afterwards, 200 of them
                    walk = stmt.with_only_columns(CaseModel.id).scalar_subquery()
                    stmt = select(*_QUEUE_COLUMNS).where(CaseModel.id.in_(walk)).order_by(*runs[i].order())
                page = session.execute(stmt)
                offset = 0
                seen = {row.pk for row in rows}  # PostgreSQL reads each run at its own moment
                rows.extend(item for item in (QueueRow(*row) for row in page) if item.pk not in seen)
        return rows

    # -- one case ----------------------------------------------------------------------------------------
    def load_case(self, case_pk: int) -> StoredCase:
        """The latest revision, re-parsed from the stored case.json."""
        with self._db.session(readonly=True) as session:
            row = self._case(session, case_pk)
            rev = self._latest_revision(session, row)
            # The reader's own decoder (BOM, Decimal, validation): what was imported always opens again.
            return StoredCase(pk=row.id, case=load_case_json(bytes(rev.case_json)), revision=rev.revision,
                              imported_at=rev.imported_at, case_sha256=rev.case_sha256, status=row.status)

    def _evidence_rows(self, session: Session, case: CaseModel) -> list[EvidenceModel]:
        rev = self._latest_revision(session, case)
        return list(session.scalars(select(EvidenceModel).where(EvidenceModel.revision_pk == rev.id)
                                    .order_by(EvidenceModel.id)))

    def evidence_bytes(self, case_pk: int, evidence_id: str) -> bytes:
        """The evidence file's bytes, re-hashed: raises :class:`EvidenceTampered` if they no longer match."""
        with self._db.session(readonly=True) as session:
            case = self._case(session, case_pk)
            rev = self._latest_revision(session, case)
            item = session.scalar(select(EvidenceModel).where(EvidenceModel.revision_pk == rev.id,
                                                              EvidenceModel.evidence_id == evidence_id))
            if item is None:
                raise KeyError(f"{case.case_id}: no evidence {evidence_id!r}")
            data = read_blob(session, item.sha256)
            actual = None if data is None else sha256_hex(data)
            if actual != item.sha256:
                raise EvidenceTampered(case.case_id, evidence_id, item.sha256, actual)
            return data

    def tampered_evidence(self, case_pk: int) -> frozenset[str]:
        """Ids of the latest revision's evidence whose stored bytes no longer match their sha256."""
        bad: set[str] = set()
        with self._db.session(readonly=True) as session:
            case = self._case(session, case_pk)
            for item in self._evidence_rows(session, case):
                data = read_blob(session, item.sha256)
                if data is None or sha256_hex(data) != item.sha256:
                    bad.add(item.evidence_id)
        return frozenset(bad)

    # -- drafts ------------------------------------------------------------------------------------------
    def save_draft(self, case_pk: int, reviewer: str, answers: dict, progress: dict) -> Draft:
        """Store the reviewer's answers and progress (one draft per case, replaced on each save). A case still
        ``new`` or ``decided`` becomes ``in_review``; a signed case keeps its status."""
        now = datetime.now(timezone.utc)
        answers_json = json.loads(canonical_json(answers))
        progress_json = json.loads(canonical_json(progress))
        with self._db.session() as session:
            case = self._case(session, case_pk, for_update=True)
            draft = session.scalar(select(DraftModel).where(DraftModel.case_pk == case_pk))
            if draft is None:
                draft = DraftModel(case_pk=case_pk)
                session.add(draft)
            draft.reviewer, draft.answers, draft.progress, draft.updated_at = (
                reviewer, answers_json, progress_json, now)
            if case.status in ("new", "decided"):
                case.status = "in_review"
                case.updated_at = now
            session.flush()
            audit.append_event(session, reviewer, "draft.saved", {
                "case_id": case.case_id, "answers_sha256": sha256_hex(canonical_json(answers_json)),
                "progress_sha256": sha256_hex(canonical_json(progress_json)),
            }, case_pk=case_pk, at=now)
            return Draft(case_pk, reviewer, answers_json, progress_json, now)

    def load_draft(self, case_pk: int) -> Draft | None:
        with self._db.session(readonly=True) as session:
            draft = session.scalar(select(DraftModel).where(DraftModel.case_pk == case_pk))
            if draft is None:
                return None
            return Draft(draft.case_pk, draft.reviewer, draft.answers, draft.progress, draft.updated_at)

    def mark_status(self, case_pk: int, status: str, actor: str) -> None:
        """Set ``new``, ``in_review`` or ``decided`` by hand (refused once a verdict is signed)."""
        if status not in MANUAL_STATUSES:
            raise ValueError(f"status must be one of {', '.join(MANUAL_STATUSES)}; {status!r} comes from verdicts")
        with self._db.session() as session:
            case = self._case(session, case_pk, for_update=True)
            if self._current_verdict(session, case_pk) is not None:
                raise VerdictLocked(case.case_id, f"{case.case_id}: a verdict is signed; the status follows it")
            if case.status == status:
                return
            before, case.status = case.status, status
            case.updated_at = datetime.now(timezone.utc)
            session.flush()
            audit.append_event(session, actor, "case.status", {"case_id": case.case_id, "from": before,
                                                               "to": status}, case_pk=case_pk)

    # -- verdicts ----------------------------------------------------------------------------------------
    def _insert_verdict(self, session: Session, case: CaseModel, reviewer: str, record: dict, *, kind: str,
                        supersedes: VerdictModel | None, reason: str | None, signed: dict[str, Any],
                        conflicts_with: VerdictModel | None = None, action: str | None = None,
                        actor: str | None = None) -> VerdictModel:
        """Store a verdict whose checks are done: ``signed`` holds the signature columns (docs/trust.md)."""
        if not isinstance(record, dict):
            raise TypeError("record must be a dict (the arbiter.decision/1 record)")
        if record.get("case_id") != case.case_id:
            raise ValueError(f"record.case_id {record.get('case_id')!r} is not this case ({case.case_id})")
        if not reviewer or not reviewer.strip():
            raise ValueError("reviewer is required")
        policy_id, policy_version = _policy_of(record)
        deadline = earliest_deadline(record)
        canonical = canonical_json(record)
        now = datetime.now(timezone.utc)
        flagged = bool(record.get("flagged_for_supervisor"))
        row = VerdictModel(
            case_pk=case.id, revision=signed["revision"], kind=kind,
            supersedes_id=supersedes.id if supersedes else None, reviewer=reviewer,
            signed_at=signed.get("signed_at") or now,
            policy_id=policy_id, policy_version=policy_version, record=canonical.decode("utf-8"),
            fingerprint=sha256_hex(canonical), reason=reason, flagged_for_supervisor=flagged,
            number=signed["number"], case_sha256=signed["case_sha256"], signer_key=signed["signer_key"],
            signature=signed.get("signature"), chain_head=signed.get("chain_head"),
            answers=canonical_json(signed["answers"]).decode("utf-8"),
            progress=canonical_json(signed["progress"]).decode("utf-8"),
            app_version=signed["app_version"], origin=signed.get("origin", "local"),
            rules_drift=bool(signed.get("rules_drift")),
            conflicts_with_id=conflicts_with.id if conflicts_with is not None else None,
        )
        if signed.get("signature") is None:
            row.signature = self._sign_row(session, row, case.case_id, signed["signer"])
        session.add(row)
        if conflicts_with is not None:
            case.status = "flagged"
        else:
            case.status = "flagged" if flagged else ("signed" if kind == "original" else "amended")
            case.next_deadline_at = deadline
        case.updated_at = now
        session.flush()
        payload = {"case_id": case.case_id, "verdict_id": row.id, "kind": kind, "revision": row.revision,
                   "number": row.number, "case_sha256": row.case_sha256, "fingerprint": row.fingerprint,
                   "signer_key": row.signer_key, "signature": row.signature, "outcome": record.get("outcome"),
                   "flagged": flagged}
        if supersedes is not None:
            payload.update(supersedes_id=supersedes.id, reason=reason)
        if conflicts_with is not None:
            payload.update(conflicts_with_id=conflicts_with.id)
        if signed.get("rules_drift"):
            payload.update(rules_drift=True, app_version=row.app_version)
        action = action or ("verdict.signed" if kind == "original" else "verdict.amended")
        event = audit.append_event(session, actor or reviewer, action, payload, case_pk=case.id, at=now)
        trust.record_head(session, (event.seq, event.hash), action, f"{case.case_id} v{row.number}")
        return row

    @staticmethod
    def _sign_row(session: Session, row: VerdictModel, case_id: str, signer: Any) -> str:
        supersedes = session.get(VerdictModel, row.supersedes_id) if row.supersedes_id else None
        return signer.sign(trust.statement_of(session, row, case_id,
                                              supersedes.fingerprint if supersedes else None))

    def _local_signed(self, session: Session, case: CaseModel, signer: Any, record: dict, answers: dict,
                      progress: dict, supersedes: VerdictModel | None) -> dict[str, Any]:
        checked = trust.prepare_local_signature(session, case, signer, record, answers, progress)
        checked.update(number=trust.chain_number(session, case.id, supersedes), signer_key=signer.fingerprint,
                       chain_head=trust.head_text(trust.chain_head(session)), app_version=arbiter.__version__,
                       origin="local", signer=signer)
        checked["progress"] = dict(checked["progress"], tampered=checked.pop("tampered"))
        return checked

    def sign_verdict(self, case_pk: int, signer: Any, record: dict, *, answers: dict,
                     progress: dict) -> VerdictRow:
        """Sign the case's decision record with ``signer`` (an :class:`arbiter.signing.Identity`).

        Refused (:class:`VerdictRefused`, nothing stored) unless ``record`` is exactly what the rules derive from
        ``answers`` for the case's latest revision, the answers and the record name the signer as reviewer, and
        ``progress`` shows every evidence item opened and both chat logs read (``arbiter.domain.signoff``), and
        no supplementary-evidence request of the case is still open (the case waits for it; a request whose due
        date has passed is expired here). Once signed the case is locked: a second signature raises :class:`VerdictLocked`."""
        try:
            with self._db.session() as session:
                case = self._case(session, case_pk, for_update=True)
                if self._current_verdict(session, case_pk) is not None:
                    raise VerdictLocked(case.case_id)
                waiting = supplements.signing_blockers(session, case, datetime.now(timezone.utc),
                                                       getattr(signer, "id", None) or "arbiter")
                if waiting:
                    refused = VerdictRefused(supplements.refusal_text(case.case_id, waiting))
                    # the reason as data, for a front end to word it in its language (ui/review_writes.py)
                    refused.reason, refused.case_id = "awaiting_evidence", case.case_id
                    refused.requests = [(r.request_id, r.party, r.due_at) for r in waiting]
                    raise refused
                signed = self._local_signed(session, case, signer, record, answers, progress, None)
                return _verdict_row(self._insert_verdict(session, case, signer.id, record, kind="original",
                                                         supersedes=None, reason=None, signed=signed))
        except IntegrityError as exc:  # a concurrent signature won the race (unique index on the original)
            raise VerdictLocked(str(record.get("case_id")) if isinstance(record, dict) else "?") from exc

    def amend_verdict(self, case_pk: int, signer: Any, reason: str, record: dict, *, answers: dict,
                      progress: dict) -> VerdictRow:
        """A new verdict superseding the current one, checked and signed like :meth:`sign_verdict`; the earlier
        verdicts stay as they are."""
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError("reason: an amendment needs a reason")
        try:
            with self._db.session() as session:
                case = self._case(session, case_pk, for_update=True)
                current = self._current_verdict(session, case_pk)
                if current is None:
                    raise NoVerdict(case.case_id)
                signed = self._local_signed(session, case, signer, record, answers, progress, current)
                return _verdict_row(self._insert_verdict(session, case, signer.id, record, kind="amendment",
                                                         supersedes=current, reason=reason.strip(), signed=signed))
        except IntegrityError as exc:  # a concurrent amendment superseded the same verdict first
            raise VerdictLocked(str(record.get("case_id")),
                                "the verdict was amended by someone else meanwhile; reload and amend again") from exc

    def current_verdict(self, case_pk: int) -> VerdictRow | None:
        with self._db.session(readonly=True) as session:
            row = self._current_verdict(session, case_pk)
            return _verdict_row(row) if row is not None else None

    def verdict_history(self, case_pk: int) -> list[VerdictRow]:
        """All verdicts of the case, oldest first (the original, then each amendment)."""
        with self._db.session(readonly=True) as session:
            rows = session.scalars(select(VerdictModel).where(VerdictModel.case_pk == case_pk)
                                   .order_by(VerdictModel.id))
            return [_verdict_row(row) for row in rows]

    # -- the supervisor's returns, for the reviewer's queue (arbiter.store.returns) ------------------------------
    def returned_marks(self, case_pks: Iterable[int]) -> dict:
        """``{case_pk: ReturnedMark}`` of the cases whose current verdict a supervisor returned."""
        from arbiter.store.returns import returned_marks

        return returned_marks(self._db, case_pks)

    def returned_cases(self) -> list:
        """``(case_id, ReturnedMark)`` of every case whose current verdict a supervisor returned."""
        from arbiter.store.returns import returned_cases

        return returned_cases(self._db)

    # -- the supervisor's notice gate (arbiter.store.qa) -----------------------------------------------------
    def notice_hold(self, case_pk: int) -> str | None:
        """Why the current verdict's notice is held (a flagged verdict or an amendment awaiting a supervisor's
        approval, team setting ``notice_gate``), or None."""
        from arbiter.store.qa import QAStore

        return QAStore(self._db).notice_hold(case_pk)

    # -- audit -------------------------------------------------------------------------------------------
    def audit_trail(self, case_pk: int | None = None) -> list[AuditRow]:
        """Audit events in order: of one case, or all of them."""
        stmt = select(AuditEventModel).order_by(AuditEventModel.seq)
        if case_pk is not None:
            stmt = stmt.where(AuditEventModel.case_pk == case_pk)
        with self._db.session(readonly=True) as session:
            return [_audit_row(row) for row in session.scalars(stmt)]

    def verify_audit_chain(self) -> list[str]:
        """Problems with the audit chain and the verdicts' fingerprints; an empty list when all is intact."""
        with self._db.session(readonly=True) as session:
            problems = audit.verify_chain(session)
            problems += self.note_problems(session)
            for row in session.scalars(select(VerdictModel).order_by(VerdictModel.id)
                                       .execution_options(yield_per=200)):
                if sha256_hex(row.record.encode("utf-8")) != row.fingerprint:
                    problems.append(f"verdict {row.id}: record does not match its fingerprint")
            return problems

    # -- trust (docs/trust.md) ----------------------------------------------------------------------------
    def verify(self, progress: Callable[[int, int], None] | None = None):
        """``arbiter verify``: the whole database end to end -> :class:`arbiter.store.verify.Report`."""
        from arbiter.store.verify import verify_database

        with self._db.session(readonly=True) as session:
            return verify_database(session, progress)

    def verify_case(self, case_pk: int) -> list[str]:
        """What is wrong with one case (its revisions, evidence, verdicts, audit events); empty when intact."""
        from arbiter.store.verify import verify_one_case

        with self._db.session(readonly=True) as session:
            return verify_one_case(session, case_pk)

    def register_key_card(self, card, actor: str, *, replace: bool = False) -> str:
        """Register a person's public key card: ``added``, ``unchanged`` or ``replaced`` (raises KeyRefused)."""
        with self._db.session() as session:
            return trust.register_card(session, card, actor, replace=replace)

    def people(self) -> list[trust.Person]:
        """Everyone with a registered key, by id."""
        with self._db.session(readonly=True) as session:
            return trust.people(session)

    def chain_head(self) -> tuple[int, str]:
        """``(seq, hash)`` of the newest audit event."""
        with self._db.session(readonly=True) as session:
            return trust.chain_head(session)

    def case_at(self, case_pk: int, *, revision: int | None = None, case_sha256: str | None = None) -> Case:
        """The case as one of its revisions says (the newest when neither is given)."""
        with self._db.session(readonly=True) as session:
            rev = trust.revision_row(session, case_pk, revision=revision, sha256=case_sha256)
            if rev is None:
                raise CaseNotFound(case_pk)
            return trust.parse_revision(rev)

    def record_notice_export(self, case_pk: int, verdict_id: int, actor: str, files: dict[str, dict],
                             head: tuple[int, str]) -> None:
        """An export of a verdict's notices: an audit event (who, which fingerprint, each file's sha256) and a
        ``notice_exports`` row; ``head`` is the chain head printed in the notice (remembered for verify)."""
        from arbiter.store.models import NoticeExportModel

        now = datetime.now(timezone.utc)
        with self._db.session() as session:
            case = self._case(session, case_pk, for_update=True)
            verdict = session.get(VerdictModel, verdict_id)
            if verdict is None or verdict.case_pk != case_pk:
                raise NoVerdict(case.case_id)
            files_json = json.loads(canonical_json(files))
            session.add(NoticeExportModel(case_pk=case_pk, verdict_id=verdict_id, at=now, actor=actor,
                                          fingerprint=verdict.fingerprint, files=canonical_json(files_json).decode(),
                                          chain_head=trust.head_text(head)))
            trust.record_head(session, head, "notice", f"{case.case_id} v{verdict.number}")
            event = audit.append_event(session, actor, "notice.exported", {
                "case_id": case.case_id, "verdict_id": verdict_id, "number": verdict.number,
                "fingerprint": verdict.fingerprint, "files": files_json, "chain_head": trust.head_text(head),
            }, case_pk=case_pk, at=now)
            trust.record_head(session, (event.seq, event.hash), "notice.exported", f"{case.case_id} v{verdict.number}")

    def record_export(self, actor: str, action: str, head: tuple[int, str], payload: dict[str, Any]) -> None:
        """An export (verdict packages) as an audit event; ``head``, written into what was exported, is
        remembered for verify."""
        with self._db.session() as session:
            trust.record_head(session, head, action, f"{len(payload.get('files', []))} files")
            event = audit.append_event(session, actor, action, dict(payload, chain_head=trust.head_text(head)))
            trust.record_head(session, (event.seq, event.hash), action, "the export's own event")

    def import_verdict_package(self, package: Any, actor: str, accept: Callable[..., dict[str, Any]]):
        """Store a verdict package's verdict after ``accept(session, case, package)`` (arbiter.packages) checked
        it; returns an ``arbiter.packages.ImportOutcome``. Idempotent: the same signature again is ``unchanged``.
        A second, different original verdict on the case is kept beside the first (``conflicts_with_id``)."""
        from arbiter.packages import ImportOutcome
        from arbiter.store.errors import VerdictRefused

        try:
            with self._db.session() as session:
                return self.store_verdict_package(session, package, actor, accept)[0]
        except IntegrityError as exc:
            raise VerdictRefused(f"could not be stored ({str(exc.orig).splitlines()[0] if exc.orig else exc})") from None

    def store_verdict_package(self, session: Session, package: Any, actor: str,
                              accept: Callable[..., dict[str, Any]]) -> tuple[Any, VerdictModel]:
        """:meth:`import_verdict_package` in the caller's transaction (a QA package stores a supervisor's amendment
        and the overturn linking it in one): ``(ImportOutcome, the stored or already present verdict row)``."""
        from arbiter.packages import ImportOutcome
        from arbiter.store.errors import VerdictRefused

        data = package.data
        base = dict(source=package.source, case_id=package.case_id, number=package.number,
                    reviewer=package.reviewer_id)
        case = session.scalar(select(CaseModel).where(CaseModel.case_id == package.case_id).with_for_update())
        if case is None:
            raise VerdictRefused(f"case {package.case_id} is not in this database; import its bundle first")
        signed = accept(session, case, package)   # every check first: an altered copy is never "unchanged"
        from arbiter.store.appeals import check_not_original_decider  # no one decides an appeal of their own

        check_not_original_decider(session, case.id, package.reviewer_id)
        same = session.scalar(select(VerdictModel).where(VerdictModel.case_pk == case.id,
                                                         VerdictModel.signature == data["signature"]))
        if same is not None:
            return ImportOutcome(status="unchanged", drift=bool(same.rules_drift), **base), same
        supersedes = conflicts_with = None
        if data["kind"] == "amendment":
            supersedes = session.scalar(select(VerdictModel).where(
                VerdictModel.case_pk == case.id, VerdictModel.fingerprint == data["supersedes"])
                .order_by(VerdictModel.id).limit(1))
            if supersedes is None:
                raise VerdictRefused(f"the verdict it amends (v{data['number'] - 1}, fingerprint "
                                     f"{data['supersedes'][:16]}) is not in this database; import it first")
            taken = session.scalar(select(VerdictModel.number).where(VerdictModel.supersedes_id == supersedes.id))
            if taken is not None:
                raise VerdictRefused(f"another amendment (v{taken}) of v{supersedes.number} is stored already")
            if supersedes.conflicts_with_id is not None:
                conflicts_with = session.get(VerdictModel, supersedes.conflicts_with_id)
        else:
            conflicts_with = self._current_verdict(session, case.id)
        row = self._insert_verdict(session, case, package.reviewer_id, data["record"], kind=data["kind"],
                                   supersedes=supersedes, reason=data.get("reason"), signed=signed,
                                   conflicts_with=conflicts_with, action="verdict.imported", actor=actor)
        if data["kind"] == "original" and conflicts_with is not None:
            detail = (f"v{row.number} by {row.reviewer} differs from v{conflicts_with.number} by "
                      f"{conflicts_with.reviewer} on revision {row.revision} (both kept)")
            return ImportOutcome(status="conflict", detail=detail, drift=bool(row.rules_drift), **base), row
        return ImportOutcome(status="accepted", drift=bool(row.rules_drift), **base), row

    def notice_exports(self, case_pk: int) -> list[dict[str, Any]]:
        """Every notice export of the case, oldest first: ``verdict_id``, ``at``, ``actor``, ``fingerprint``,
        ``files``, ``superseded`` (its verdict is no longer the case's current one)."""
        from arbiter.store.models import NoticeExportModel

        with self._db.session(readonly=True) as session:
            current = self._current_verdict(session, case_pk)
            rows = session.scalars(select(NoticeExportModel).where(NoticeExportModel.case_pk == case_pk)
                                   .order_by(NoticeExportModel.id))
            return [{"verdict_id": r.verdict_id, "at": r.at, "actor": r.actor, "fingerprint": r.fingerprint,
                     "files": json.loads(r.files), "chain_head": r.chain_head,
                     "superseded": current is None or r.verdict_id != current.id} for r in rows]

    def confirm_verdict(self, case_pk: int, signer: Any) -> None:
        """The reviewer confirms that the current verdict stands for the case's newest revision (signed
        statement in the audit trail)."""
        from arbiter.store.canonical import canonical_json as _cj

        with self._db.session() as session:
            case = self._case(session, case_pk, for_update=True)
            current = self._current_verdict(session, case_pk)
            if current is None:
                raise NoVerdict(case.case_id)
            rev = trust.revision_row(session, case_pk, revision=case.latest_revision)
            statement = {"format": "arbiter.verdict-confirmation/1", "case_id": case.case_id,
                         "verdict": current.fingerprint, "case_sha256": rev.case_sha256, "signer": signer.id,
                         "key": signer.fingerprint}
            audit.append_event(session, signer.id, "verdict.confirmed", dict(
                statement, verdict_id=current.id, revision=rev.revision, signature=signer.sign(_cj(statement))),
                case_pk=case_pk)

    def revision_state(self, case_pk: int) -> dict[str, Any]:
        """Where the current verdict stands against the case's revisions: ``verdict_revision``,
        ``latest_revision``, ``confirmed`` (the reviewer confirmed it for the newest revision) and
        ``needs_review`` (a newer revision than the one signed, not confirmed)."""
        with self._db.session(readonly=True) as session:
            case = self._case(session, case_pk)
            current = self._current_verdict(session, case_pk)
            if current is None:
                return {"verdict_revision": None, "latest_revision": case.latest_revision, "confirmed": False,
                        "needs_review": False}
            rev = trust.revision_row(session, case_pk, revision=case.latest_revision)
            signed_rev = current.revision
            if current.case_sha256:
                match = trust.revision_row(session, case_pk, sha256=current.case_sha256)
                signed_rev = match.revision if match is not None else signed_rev
            confirmed = False
            if signed_rev != case.latest_revision:
                for event in session.scalars(select(AuditEventModel).where(
                        AuditEventModel.case_pk == case_pk, AuditEventModel.action == "verdict.confirmed")):
                    payload = json.loads(event.payload)
                    if payload.get("verdict_id") == current.id and payload.get("case_sha256") == rev.case_sha256:
                        confirmed = True
            return {"verdict_revision": signed_rev, "latest_revision": case.latest_revision, "confirmed": confirmed,
                    "needs_review": signed_rev != case.latest_revision and not confirmed}


__all__ = ["AuditRow", "Draft", "QueueQuery", "QueueRow", "Repository", "SORT_KEYS", "StoredCase", "VerdictRow",
           "CASE_STATUSES", "earliest_deadline"]
