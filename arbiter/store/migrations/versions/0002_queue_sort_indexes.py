"""Queue sort indexes: every sort of the queue is read from an index in its order, the pk breaking ties.

``Repository.list_cases`` orders by ``<key>, id`` (both ascending or both descending; ``case_id`` alone, it is
unique). The one-column indexes of 0001 become ``(<key>, id)``: the same filter lookups, and an index walk
(forwards or backwards) instead of a sort of the whole table for every page. ``next_deadline_at`` is read as
two runs (the cases with a deadline, then those without), each a range of ``(next_deadline_at, id)``.

Plain CREATE/DROP INDEX on both backends (no table copy on SQLite, so no trigger is lost). On SQLite a
one-column index already ends with the rowid; the pk in the index matters to PostgreSQL, whose B-tree does not.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SORT_COLUMNS = ("platform", "region", "claim_type", "amount", "opened_at", "next_deadline_at", "status")


def upgrade() -> None:
    for column in SORT_COLUMNS:
        op.drop_index(f"ix_cases_{column}", table_name="cases")
        op.create_index(f"ix_cases_{column}_id", "cases", [column, "id"])


def downgrade() -> None:
    for column in SORT_COLUMNS:
        op.drop_index(f"ix_cases_{column}_id", table_name="cases")
        op.create_index(f"ix_cases_{column}", "cases", [column])
