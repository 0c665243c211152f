"""Tables of team mode and quality review (migration 0003): case leases, recorded QA samples, supervisor
reviews, team settings. Imported at the end of :mod:`arbiter.store.models`, so they live on the same ``Base``.

``supervisor_reviews``, ``qa_samples`` and ``qa_sample_items`` are append-only (triggers, as for verdicts);
``case_leases`` and ``team_settings`` are working state and change in place.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from arbiter.store.models import Base, UTCDateTime

SUPERVISOR_ACTIONS = ("approve", "return", "overturn")


class CaseLeaseModel(Base):
    """Who has a case checked out, until when. One row per case that was ever taken; a lease whose
    ``expires_at`` has passed is free (``cases take`` takes it over)."""

    __tablename__ = "case_leases"
    __table_args__ = (Index("ix_case_leases_holder", "holder"),)

    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True,
                                         autoincrement=False)
    holder: Mapped[str] = mapped_column(String(128))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class QASampleModel(Base):
    """One recorded ``qa sample`` run: the rules and seed it used, and a hash of what it selected."""

    __tablename__ = "qa_samples"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(128))
    settings: Mapped[str] = mapped_column(Text)            # canonical JSON of QASettings.as_dict()
    size: Mapped[int] = mapped_column(Integer)
    selection_sha256: Mapped[str] = mapped_column(String(64))


class QASampleItemModel(Base):
    __tablename__ = "qa_sample_items"
    __table_args__ = (
        UniqueConstraint("sample_id", "verdict_id", name="uq_qa_sample_items_sample_id"),
        Index("ix_qa_sample_items_verdict_id", "verdict_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("qa_samples.id", ondelete="RESTRICT"))
    verdict_id: Mapped[int] = mapped_column(ForeignKey("verdicts.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(String(16))


class SupervisorReviewModel(Base):
    """A supervisor's quality review of one verdict: approve, return with a note, or overturn (with the
    supervisor's amendment). Append-only; ``record`` is the canonical JSON of the action and ``fingerprint`` its
    sha256; ``signature`` the supervisor's signature over it when an identity signs it."""

    __tablename__ = "supervisor_reviews"
    __table_args__ = (
        CheckConstraint("action IN ('approve', 'return', 'overturn')", name="action"),
        CheckConstraint("(action = 'overturn') = (amendment_id IS NOT NULL)", name="overturn_amendment"),
        Index("ix_supervisor_reviews_verdict_id", "verdict_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    verdict_id: Mapped[int] = mapped_column(ForeignKey("verdicts.id", ondelete="RESTRICT"))
    supervisor: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    action: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("qa_samples.id", ondelete="RESTRICT"), nullable=True)
    amendment_id: Mapped[int | None] = mapped_column(ForeignKey("verdicts.id", ondelete="RESTRICT"), nullable=True)
    answers: Mapped[str | None] = mapped_column(Text, nullable=True)       # the blind answers (canonical JSON)
    differences: Mapped[str] = mapped_column(Text)                         # canonical JSON list
    record: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str | None] = mapped_column(Text, nullable=True)


class TeamSettingModel(Base):
    """Team-wide settings a supervisor sets (the notice gate, lease length, sampling defaults): JSON values."""

    __tablename__ = "team_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(128))
