"""Search keys: the index ``(case_pk, value)`` replaces ``(case_pk)``, so that "does this case have a value with
this prefix?" is answered from one index entry range (a covering probe) instead of reading the case's ~14 rows.

A search that matches a large part of the queue (a common surname, a case-id prefix typed one key at a time)
reads its first page by walking the sort's index and probing each case this way, rather than collecting and
sorting every match (docs/storage.md, "Search"). Deleting a case's entries (a new revision) uses it too.

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_search_keys_case_pk_value", "case_search_keys", ["case_pk", "value"])
    op.drop_index("ix_case_search_keys_case_pk", table_name="case_search_keys")


def downgrade() -> None:
    op.create_index("ix_case_search_keys_case_pk", "case_search_keys", ["case_pk"])
    op.drop_index("ix_case_search_keys_case_pk_value", table_name="case_search_keys")
