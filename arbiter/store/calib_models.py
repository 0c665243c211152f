"""Tables of calibration and appeals (migration 0009; docs/storage.md, "Calibration and appeals").

``gold_cases``: a case revision a supervisor marked as gold, with the expected answers (and the decision record the
rules derive from them). Append-only: a replacement or a withdrawal is a new row that supersedes the current one.
On PostgreSQL only the supervisor role may write it, and a reviewer's role may read only which cases are gold (the
columns the notice gate needs), never the expected answers.

``case_appeals``: what an imported case revision says about the decision it appeals (``after_sale.appeal``, or a
pre-revision-2 ``previous_decision_at``), written by the importer; it names the original verdict by fingerprint,
or by order id and decision time, so the store can keep the appeal away from whoever decided the original.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from arbiter.store.models import Base, UTCDateTime

#: the columns of ``gold_cases`` a reviewer's database role may read (what the notice gate needs)
GOLD_PUBLIC_COLUMNS = ("id", "case_pk", "supersedes_id", "withdrawn")


class GoldCaseModel(Base):
    __tablename__ = "gold_cases"
    __table_args__ = (Index("ix_gold_cases_case_pk", "case_pk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    revision: Mapped[int] = mapped_column(Integer)
    case_sha256: Mapped[str] = mapped_column(String(64))
    answers: Mapped[str] = mapped_column(Text)           # canonical JSON of the expected answers
    record: Mapped[str] = mapped_column(Text)            # canonical JSON of the decision the rules derive from them
    source: Mapped[str] = mapped_column(String(32))      # "answers_file" | "blind_review"
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("gold_cases.id", ondelete="RESTRICT"),
                                                      unique=True, nullable=True)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class CaseAppealModel(Base):
    __tablename__ = "case_appeals"
    __table_args__ = (Index("ix_case_appeals_fingerprint", "appealed_fingerprint"),
                      Index("ix_case_appeals_order_id", "order_id"))

    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True,
                                         autoincrement=False)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    order_id: Mapped[str] = mapped_column(String(128))
    filed_by: Mapped[str] = mapped_column(String(16))
    filed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    appealed_decided_at: Mapped[datetime] = mapped_column(UTCDateTime())
    appealed_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    appealed_case_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
