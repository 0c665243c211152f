"""Case search: ``case_search_keys`` (exact and prefix values: ids, phone digits, SKUs, tracking numbers) and
``case_search_text`` (names: FTS5 on SQLite, a pg_trgm GIN index on PostgreSQL), filled here for the cases
already stored from their newest revision's case.json (the importer fills them from now on).

See arbiter/store/search.py and docs/storage.md, "Search".

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

import json
import logging

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

log = logging.getLogger("arbiter.store.migrations")
BATCH = 2000


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    value_type = sa.String(255, collation="C") if pg else sa.String(255)
    op.create_table(
        "case_search_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", value_type, nullable=False),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_case_search_keys_case_pk_cases",
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name="pk_case_search_keys"),
    )
    op.create_index("ix_case_search_keys_value_case_pk", "case_search_keys", ["value", "case_pk"])
    op.create_index("ix_case_search_keys_case_pk", "case_search_keys", ["case_pk"])
    if pg:
        op.execute("CREATE TABLE case_search_text (case_pk INTEGER PRIMARY KEY REFERENCES cases (id) "
                   "ON DELETE RESTRICT, body TEXT NOT NULL)")
        # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. Where it exists
        # already (in another schema), its operator class is named with that schema.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema = bind.exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'").scalar()
        op.execute(f'CREATE INDEX ix_case_search_text_trgm ON case_search_text USING gin (body "{schema}".gin_trgm_ops)')
    else:
        op.execute("CREATE VIRTUAL TABLE case_search_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    _fill(bind, pg)


def _fill(bind, pg: bool) -> None:
    from arbiter.store.search import TEXT_PG, search_entries

    keys = sa.table("case_search_keys", sa.column("case_pk"), sa.column("kind"), sa.column("value"))
    text_insert = TEXT_PG.insert() if pg else sa.text(
        "INSERT INTO case_search_text (rowid, body) VALUES (:case_pk, :body)")
    latest = sa.text(
        "SELECT c.id, r.case_json FROM cases c JOIN case_revisions r ON r.case_pk = c.id "
        "AND r.revision = c.latest_revision WHERE c.id > :after ORDER BY c.id LIMIT :n")
    after, done = 0, 0
    while True:
        rows = bind.execute(latest, {"after": after, "n": BATCH}).all()
        if not rows:
            break
        key_rows, text_rows = [], []
        for case_pk, raw in rows:
            try:
                data = json.loads(bytes(raw).decode("utf-8"))
            except ValueError:
                continue  # a stored case.json that no longer decodes: verify reports it; search skips it
            entries, body = search_entries(data)
            key_rows.extend({"case_pk": case_pk, "kind": kind, "value": value} for kind, value in entries)
            text_rows.append({"case_pk": case_pk, "body": body})
        if key_rows:
            bind.execute(keys.insert(), key_rows)
        if text_rows:
            bind.execute(text_insert, text_rows)
        after = rows[-1][0]
        done += len(rows)
    if done:
        log.info("case search: filled for %d stored cases", done)


def downgrade() -> None:
    op.execute("DROP TABLE case_search_text")
    op.drop_index("ix_case_search_keys_case_pk", table_name="case_search_keys")
    op.drop_index("ix_case_search_keys_value_case_pk", table_name="case_search_keys")
    op.drop_table("case_search_keys")
