"""SQLAlchemy 2 typed models of the arbiter database (see docs/storage.md).

The schema itself is created and changed only by the Alembic migrations in ``migrations/versions``; these models
must describe the same tables. ``tests/store/test_migrations.py`` compares the two.
"""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

CASE_STATUSES = ("new", "in_review", "decided", "signed", "amended", "flagged", "awaiting_evidence")
SUPPLEMENT_STATES = ("open", "answered", "expired", "withdrawn")
VERDICT_KINDS = ("original", "amendment")
USER_ROLES = ("reviewer", "supervisor")
SUPERVISOR_ACTIONS = ("approve", "return", "overturn")
GENESIS_HASH = "0" * 64

MONEY_QUANTUM = Decimal("0.0001")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class NaiveDatetimeError(TypeError):
    """A datetime without a UTC offset was about to be stored."""


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware timestamps on every backend.

    Binding a naive ``datetime`` raises :class:`NaiveDatetimeError`. Values are stored in UTC (``timestamptz``
    on PostgreSQL; on SQLite, where ``DATETIME`` is text, as a naive UTC string, which sorts correctly) and always
    come back as aware ``datetime`` objects in UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise NaiveDatetimeError(f"expected a timezone-aware datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise NaiveDatetimeError(f"naive datetime refused (no UTC offset): {value.isoformat()}")
        value = value.astimezone(timezone.utc)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Money(TypeDecorator[Decimal]):
    """``NUMERIC(19, 4)`` that round-trips ``Decimal`` exactly on PostgreSQL and, for up to 15 significant digits,
    on SQLite (where NUMERIC is stored as a REAL and converted back through its shortest repr). Values come back
    quantized to 4 places on every backend. Floats are refused."""

    impl = Numeric(19, 4)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Numeric(19, 4, asdecimal=False))
        return dialect.type_descriptor(Numeric(19, 4))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"money must be a Decimal, got {type(value).__name__}")
        value = Decimal(value).quantize(MONEY_QUANTUM)
        if dialect.name == "sqlite":
            return float(value)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, float):
            value = Decimal(repr(value))
        return Decimal(value).quantize(MONEY_QUANTUM)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CaseModel(Base):
    """One row per platform case_id: the queue. Columns are copied from the latest revision's case.json."""

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(
            "status IN ('new', 'in_review', 'decided', 'signed', 'amended', 'flagged', 'awaiting_evidence')",
            name="status",
        ),
        # filter and sort columns: (column, id) so the queue's ORDER BY <key>, id walks an index (0002)
        Index("ix_cases_status_id", "status", "id"),
        Index("ix_cases_platform_id", "platform", "id"),
        Index("ix_cases_region_id", "region", "id"),
        Index("ix_cases_claim_type_id", "claim_type", "id"),
        Index("ix_cases_opened_at_id", "opened_at", "id"),
        Index("ix_cases_next_deadline_at_id", "next_deadline_at", "id"),
        Index("ix_cases_amount_id", "amount", "id"),
        Index("ix_cases_order_id", "order_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(String(64), unique=True)
    latest_revision: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String(32))
    region: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(35))
    claim_type: Mapped[str] = mapped_column(String(32))
    amount: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3))
    order_id: Mapped[str] = mapped_column(String(128))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(32), default="new")
    next_deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CaseSearchKeyModel(Base):
    """Exact values a case is found by (ids, phone digits, SKUs, tracking numbers), normalised, for the newest
    revision; read by exact match and prefix ranges of ``(value, case_pk)`` (migration 0007, store/search.py).
    The names' full-text table ``case_search_text`` is engine-specific (FTS5 / pg_trgm) and has no model."""

    __tablename__ = "case_search_keys"
    __table_args__ = (
        Index("ix_case_search_keys_value_case_pk", "value", "case_pk"),
        # "has this case a value with this prefix?": one covering probe (migration 0008; a large search's page)
        Index("ix_case_search_keys_case_pk_value", "case_pk", "value"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(16))
    # byte order on PostgreSQL, so that a prefix is a range of the index whatever the database's locale
    value: Mapped[str] = mapped_column(String(255).with_variant(String(255, collation="C"), "postgresql"))


class CaseRevisionModel(Base):
    """Every distinct case.json ever imported for a case, byte for byte. Never changed after the import."""

    __tablename__ = "case_revisions"
    __table_args__ = (
        UniqueConstraint("case_pk", "revision", name="uq_case_revisions_case_pk_revision"),
        UniqueConstraint("case_pk", "case_sha256", name="uq_case_revisions_case_pk_case_sha256"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    revision: Mapped[int] = mapped_column(Integer)
    case_sha256: Mapped[str] = mapped_column(String(64))
    case_json: Mapped[bytes] = mapped_column(LargeBinary)
    source_name: Mapped[str] = mapped_column(String(255))
    ignored: Mapped[list[str]] = mapped_column(JSON)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_by: Mapped[str] = mapped_column(String(128))


class EvidenceModel(Base):
    """The evidence items of one revision; ``sha256`` points into ``blobs``."""

    __tablename__ = "evidence"
    __table_args__ = (
        UniqueConstraint("revision_pk", "evidence_id", name="uq_evidence_revision_pk_evidence_id"),
        Index("ix_evidence_sha256", "sha256"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision_pk: Mapped[int] = mapped_column(ForeignKey("case_revisions.id", ondelete="RESTRICT"))
    evidence_id: Mapped[str] = mapped_column(String(64))
    party: Mapped[str] = mapped_column(String(16))
    submission: Mapped[int] = mapped_column(Integer)
    requested: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(16))
    media_type: Mapped[str] = mapped_column(String(127))
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="RESTRICT"))
    file_path: Mapped[str] = mapped_column(String(1024))
    size: Mapped[int] = mapped_column(BigInteger)


class BlobModel(Base):
    """Content-addressed evidence bytes: primary key = sha256 hex of ``data``."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class UserModel(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('reviewer', 'supervisor')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(128), unique=True)
    display_name: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DraftModel(Base):
    """The reviewer's work in progress on a case: one per case, overwritten on every save."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), unique=True)
    reviewer: Mapped[str] = mapped_column(String(128))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    progress: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class VerdictModel(Base):
    """Signed decisions. Append-only: UPDATE and DELETE are refused by triggers (migration 0001)."""

    __tablename__ = "verdicts"
    __table_args__ = (
        CheckConstraint("kind IN ('original', 'amendment')", name="kind"),
        CheckConstraint(
            "(kind = 'original' AND supersedes_id IS NULL) OR (kind = 'amendment' AND supersedes_id IS NOT NULL)",
            name="supersedes",
        ),
        Index("ix_verdicts_case_pk", "case_pk"),
        Index("ix_verdicts_fingerprint", "fingerprint"),  # 0009: an appeal names the decision it appeals by it
        # one original per case; one successor per verdict: the history is a single chain
        Index(
            "uq_verdicts_one_original",
            "case_pk",
            unique=True,
            # 0004: an imported verdict that disagrees with the stored one (conflicts_with_id) is kept beside it
            sqlite_where=text("kind = 'original' AND conflicts_with_id IS NULL"),
            postgresql_where=text("kind = 'original' AND conflicts_with_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    revision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("verdicts.id", ondelete="RESTRICT"), unique=True, nullable=True
    )
    reviewer: Mapped[str] = mapped_column(String(128))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    policy_id: Mapped[str] = mapped_column(String(64))
    policy_version: Mapped[str] = mapped_column(String(64))
    record: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    flagged_for_supervisor: Mapped[bool] = mapped_column(Boolean)
    # 0004 (docs/trust.md): what the signature covers and what a verdict package carries; NULL before 0004
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signer_key: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    signature: Mapped[str | None] = mapped_column(Text, nullable=True)
    chain_head: Mapped[str | None] = mapped_column(String(80), nullable=True)
    answers: Mapped[str | None] = mapped_column(Text, nullable=True)
    progress: Mapped[str | None] = mapped_column(Text, nullable=True)
    app_version: Mapped[str | None] = mapped_column(String(32), nullable=True)
    origin: Mapped[str | None] = mapped_column(String(16), nullable=True)
    rules_drift: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    conflicts_with_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class AuditEventModel(Base):
    """Append-only hash chain of every write. UPDATE and DELETE are refused by triggers (migration 0001)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_case_pk", "case_pk"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    case_pk: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class SigningKeyModel(Base):
    """A public key of a person in ``users`` (0004): the current one and every one it replaced."""

    __tablename__ = "signing_keys"
    __table_args__ = (Index("ix_signing_keys_user_pk", "user_pk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_pk: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    card: Mapped[str] = mapped_column(Text)          # the key card's canonical JSON
    created: Mapped[str] = mapped_column(String(40))  # as the card says
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(128))
    replaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ChainHeadModel(Base):
    """An audit chain head recorded in something that left the database (a verdict package, a notice)."""

    __tablename__ = "chain_heads"
    __table_args__ = (Index("ix_chain_heads_seq", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)


class NoticeExportModel(Base):
    """A notice written for a verdict: its files' sha256 and the chain head it recorded (0004)."""

    __tablename__ = "notice_exports"
    __table_args__ = (Index("ix_notice_exports_case_pk", "case_pk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    verdict_id: Mapped[int] = mapped_column(ForeignKey("verdicts.id", ondelete="RESTRICT"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(128))
    fingerprint: Mapped[str] = mapped_column(String(64))
    files: Mapped[str] = mapped_column(Text)          # canonical JSON {"buyer": {"name", "sha256"}, ...}
    chain_head: Mapped[str] = mapped_column(String(80))


class SupplementRequestModel(Base):
    """A request for supplementary evidence the reviewer made (checklist.md step 2, r2; migration 0006)."""

    __tablename__ = "supplement_requests"
    __table_args__ = (
        UniqueConstraint("case_pk", "request_id", name="uq_supplement_requests_case_pk_request_id"),
        CheckConstraint("party IN ('buyer', 'seller')", name="party"),
        CheckConstraint("state IN ('open', 'answered', 'expired', 'withdrawn')", name="state"),
        Index("ix_supplement_requests_state_due_at", "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    request_id: Mapped[str] = mapped_column(String(64))
    party: Mapped[str] = mapped_column(String(16))
    what: Mapped[str] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    requested_by: Mapped[str] = mapped_column(String(128))
    revision: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="open")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CaseNoteModel(Base):
    """A reviewer's private note on a case. Append-only (triggers, migration 0006): an edit is a new row whose
    ``supersedes_id`` names the note it replaces; an empty ``body`` removes the note from view."""

    __tablename__ = "case_notes"
    __table_args__ = (Index("ix_case_notes_case_pk", "case_pk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    author: Mapped[str] = mapped_column(String(128))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_notes.id", ondelete="RESTRICT"), unique=True, nullable=True
    )


# The supervisor's desk (migration 0003; docs/storage.md, "Team mode and quality review")
from arbiter.store.qa_models import (  # noqa: E402 - registered on Base after the tables they refer to
    CaseLeaseModel,
    QASampleItemModel,
    QASampleModel,
    SupervisorReviewModel,
    TeamSettingModel,
)
# Calibration with gold cases, appeals (migration 0009; docs/storage.md, "Calibration and appeals")
from arbiter.store.calib_models import CaseAppealModel, GoldCaseModel  # noqa: E402,F401


# Evidence forensics (migration 0005; docs/storage.md, "Image fingerprints and party history")
class ImageFingerprintModel(Base):
    """Perceptual fingerprints of an image blob (migration 0005): one row per stored variant (the whole picture
    and its core, ``arbiter.forensics.fingerprint.VARIANTS``). The 64-bit hash is kept as four indexed
    16-bit bands for multi-index hashing; ``detail`` is the 256-bit hash in hex that confirms a candidate.
    Keyed by blob, so the same file in several cases is hashed once."""

    __tablename__ = "image_fingerprints"
    __table_args__ = (
        UniqueConstraint("sha256", "variant", name="uq_image_fingerprints_sha256_variant"),
        # one index per band, led by that band and covering the others and the id: a lookup reads only the
        # indexes (PostgreSQL: index-only scans; SQLite: covering index)
        Index("ix_image_fingerprints_b0", "b0", "b1", "b2", "b3", "id"),
        Index("ix_image_fingerprints_b1", "b1", "b0", "b2", "b3", "id"),
        Index("ix_image_fingerprints_b2", "b2", "b0", "b1", "b3", "id"),
        Index("ix_image_fingerprints_b3", "b3", "b0", "b1", "b2", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="RESTRICT"))
    variant: Mapped[int] = mapped_column(Integer)
    b0: Mapped[int] = mapped_column(Integer)
    b1: Mapped[int] = mapped_column(Integer)
    b2: Mapped[int] = mapped_column(Integer)
    b3: Mapped[int] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String(64))


class CasePartyModel(Base):
    """Who the parties of a case's newest revision are, for party history across cases (migration 0005):
    ids, names and normalised contact keys (digits of the phone, the address in lower case without
    punctuation), each indexed. Kept in step with the newest revision at import."""

    __tablename__ = "case_parties"
    __table_args__ = (
        Index("ix_case_parties_buyer_id", "buyer_id"),
        Index("ix_case_parties_seller_id", "seller_id"),
        Index("ix_case_parties_buyer_phone_key", "buyer_phone_key"),
        Index("ix_case_parties_buyer_address_key", "buyer_address_key"),
        Index("ix_case_parties_seller_phone_key", "seller_phone_key"),
    )

    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    buyer_id: Mapped[str] = mapped_column(String(128))
    buyer_name: Mapped[str] = mapped_column(String(255))
    buyer_phone_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    buyer_address_key: Mapped[str | None] = mapped_column(String(512), nullable=True)
    seller_id: Mapped[str] = mapped_column(String(128))
    seller_name: Mapped[str] = mapped_column(String(255))
    seller_phone_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
