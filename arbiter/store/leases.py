"""Team mode: a case is checked out to one person at a time, by a lease that expires unless renewed.

``take_next`` picks the first free case in queue order (deadline first, cases without one last) with
``SELECT ... FOR UPDATE OF cases SKIP LOCKED`` on PostgreSQL, so concurrent takers walk past each other's
candidates instead of queueing on them; the lease itself is written with ``INSERT ... ON CONFLICT (case_pk)
DO UPDATE ... WHERE case_leases.expires_at <= now`` and only counts when that statement returns the row: two
takers can never both hold a case, even if one of them read the table before the other committed. On SQLite
every write transaction is ``BEGIN IMMEDIATE``, so takes are serialised by the file lock.

Time is the database server's clock on PostgreSQL (``now()``), so workstations with skewed clocks agree on
when a lease expires; the workstation's own clock on SQLite. See docs/storage.md, "Team mode".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, case as sql_case, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from arbiter.store import audit
from arbiter.store.appeals import conflict_facts, conflict_of
from arbiter.store.db import Database
from arbiter.store.errors import StoreError
from arbiter.store.models import CaseModel
from arbiter.store.qa_models import CaseLeaseModel

#: a lease not renewed for this long is free again; the GUI renews it every LEASE_TTL / 3 while the case is open
LEASE_TTL = timedelta(minutes=15)
#: statuses `take --next` hands out: cases nobody has signed yet
TAKEABLE_STATUSES = ("new", "in_review")


class LeaseError(StoreError):
    """A lease cannot be taken, renewed or released (the message says why, with the case id, in English). The
    reason as data, for a front end to word it: ``reason`` ("checked_out": ``holder`` has it until ``until``;
    "own_appeal": the case appeals the taker's own verdict, ``conflict`` (``appeals.Conflict``) says which;
    "lost": ``holder`` took it over; "not_held"; "unknown_case"), ``case_id``."""

    def __init__(self, message: str, *, reason: str = "other", case_id: str | None = None,
                 holder: str | None = None, until: datetime | None = None, conflict=None):
        super().__init__(message)
        self.reason, self.case_id, self.holder, self.until, self.conflict = reason, case_id, holder, until, conflict


class CaseUnknown(LeaseError, LookupError):
    pass


@dataclass(frozen=True, slots=True)
class Lease:
    case_pk: int
    case_id: str
    holder: str
    taken_at: datetime
    expires_at: datetime


def _db_now(session: Session) -> datetime:
    if session.get_bind().dialect.name == "postgresql":
        return session.scalar(select(func.now()))
    return datetime.now(timezone.utc)


def _insert(session: Session):
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


class Leases:
    def __init__(self, db: Database, ttl: timedelta = LEASE_TTL):
        if ttl <= timedelta(0):
            raise ValueError("a lease must last a positive time")
        self._db = db
        self.ttl = ttl

    def _claim(self, session: Session, target: CaseModel, holder: str, now: datetime) -> Lease | None:
        """Write the lease if the case is free, expired, or already ours; None when someone else holds it."""
        expires = now + self.ttl
        ins = _insert(session)(CaseLeaseModel).values(case_pk=target.id, holder=holder, taken_at=now,
                                                      expires_at=expires)
        table = CaseLeaseModel.__table__
        stmt = ins.on_conflict_do_update(
            index_elements=[table.c.case_pk],
            set_={"holder": holder, "expires_at": expires,
                  # a renewal keeps the time it was taken; a takeover starts a new lease
                  "taken_at": sql_case((and_(table.c.holder == holder, table.c.expires_at > now), table.c.taken_at),
                                   else_=now)},
            where=or_(table.c.expires_at <= now, table.c.holder == holder),
        ).returning(table.c.taken_at)
        taken_at = session.execute(stmt).scalar()
        if taken_at is None:
            return None
        if taken_at.tzinfo is None:
            taken_at = taken_at.replace(tzinfo=timezone.utc)
        return Lease(target.id, target.case_id, holder, taken_at, expires)

    @staticmethod
    def _check_holder(holder: str) -> str:
        if not holder or not holder.strip():
            raise ValueError("a lease needs the holder's identity")
        return holder.strip()

    def take_next(self, holder: str) -> Lease | None:
        """Check out the first free case in queue order; None when every open case is held."""
        holder = self._check_holder(holder)
        skipped: set[int] = set()
        with self._db.session() as session:
            now = _db_now(session)
            while True:
                stmt = (
                    select(CaseModel)
                    .outerjoin(CaseLeaseModel, CaseLeaseModel.case_pk == CaseModel.id)
                    .where(CaseModel.status.in_(TAKEABLE_STATUSES),
                           or_(CaseLeaseModel.case_pk.is_(None), CaseLeaseModel.expires_at <= now))
                    .order_by(CaseModel.next_deadline_at.is_(None), CaseModel.next_deadline_at, CaseModel.id)
                    .limit(1)
                    .with_for_update(of=CaseModel, skip_locked=True)
                )
                if skipped:
                    stmt = stmt.where(CaseModel.id.not_in(skipped))
                case = session.scalar(stmt)
                if case is None:
                    return None
                if conflict_of(session, case.id, holder):  # an appeal of the holder's own verdict: not for them
                    skipped.add(case.id)
                    continue
                lease = self._claim(session, case, holder, now)
                if lease is None:  # taken and committed by someone else after our snapshot: try the next one
                    skipped.add(case.id)
                    continue
                audit.append_event(session, holder, "case.taken", {
                    "case_id": case.case_id, "expires_at": lease.expires_at.isoformat()}, case_pk=case.id)
                return lease

    def _case_by_id(self, session: Session, case_id: str, *, lock: bool) -> CaseModel:
        stmt = select(CaseModel).where(CaseModel.case_id == case_id)
        if lock:
            stmt = stmt.with_for_update()
        case = session.scalar(stmt)
        if case is None:
            raise CaseUnknown(f"no case {case_id} in this database", reason="unknown_case", case_id=case_id)
        return case

    def take(self, case_id: str, holder: str) -> Lease:
        """Check out one case (any status: an amendment needs it too); renews the lease if it is already ours.
        Raises :class:`LeaseError` when someone else holds it."""
        holder = self._check_holder(holder)
        with self._db.session() as session:
            case = self._case_by_id(session, case_id, lock=True)
            conflict = conflict_facts(session, case.id, holder)
            if conflict is not None:
                raise LeaseError(str(conflict), reason="own_appeal", case_id=case_id, conflict=conflict)
            now = _db_now(session)
            lease = self._claim(session, case, holder, now)
            if lease is None:
                current = session.get(CaseLeaseModel, case.id)
                until = _utc(current.expires_at)
                raise LeaseError(f"{case_id} is checked out to {current.holder} until {until:%Y-%m-%d %H:%M} UTC",
                                 reason="checked_out", case_id=case_id, holder=current.holder, until=until)
            if lease.taken_at == now:
                audit.append_event(session, holder, "case.taken", {
                    "case_id": case.case_id, "expires_at": lease.expires_at.isoformat()}, case_pk=case.id)
            return lease

    def renew(self, case_id: str, holder: str) -> Lease:
        """Extend our lease (while the case is open). Raises :class:`LeaseError` if it was lost meanwhile
        (expired and taken by someone else); an expired lease nobody took is simply ours again."""
        holder = self._check_holder(holder)
        with self._db.session() as session:
            case = self._case_by_id(session, case_id, lock=False)
            lease = self._claim(session, case, holder, _db_now(session))
            if lease is None:
                current = session.get(CaseLeaseModel, case.id)
                raise LeaseError(f"{case_id}: the lease was lost; {current.holder} has the case now", reason="lost",
                                 case_id=case_id, holder=current.holder)
            return lease

    def release(self, case_id: str, holder: str) -> None:
        """Give a checked-out case back. Raises :class:`LeaseError` unless ``holder`` holds it."""
        holder = self._check_holder(holder)
        with self._db.session() as session:
            case = self._case_by_id(session, case_id, lock=True)
            now = _db_now(session)
            lease = session.get(CaseLeaseModel, case.id, with_for_update=True)
            if lease is None or _utc(lease.expires_at) <= now:
                raise LeaseError(f"{case_id} is not checked out", reason="not_held", case_id=case_id)
            if lease.holder != holder:
                raise LeaseError(f"{case_id} is checked out to {lease.holder}, not to {holder}", reason="not_held",
                                 case_id=case_id, holder=lease.holder)
            lease.expires_at = now  # free from now on; the row stays as the last holder's trace
            session.flush()
            audit.append_event(session, holder, "case.released", {"case_id": case.case_id}, case_pk=case.id)

    def holders(self, case_pks: list[int] | None = None) -> dict[int, Lease]:
        """The live leases (of the cases named, or all): who holds what, for the queue."""
        with self._db.session(readonly=True) as session:
            now = _db_now(session)
            stmt = (select(CaseLeaseModel, CaseModel.case_id)
                    .join(CaseModel, CaseModel.id == CaseLeaseModel.case_pk)
                    .where(CaseLeaseModel.expires_at > now))
            if case_pks is not None:
                stmt = stmt.where(CaseLeaseModel.case_pk.in_(case_pks))
            return {row.case_pk: Lease(row.case_pk, case_id, row.holder, _utc(row.taken_at), _utc(row.expires_at))
                    for row, case_id in session.execute(stmt)}


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


__all__ = ["LEASE_TTL", "Lease", "LeaseError", "Leases", "CaseUnknown", "TAKEABLE_STATUSES"]
