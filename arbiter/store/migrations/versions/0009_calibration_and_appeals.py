"""Calibration with gold cases, and appeals kept away from the original decider (issue 12, parts 6 and 7).

* ``gold_cases``: a case revision a supervisor marked as gold, with its expected answers; append-only (a
  replacement or a withdrawal supersedes). Reviewers' database role reads only which cases are gold
  (``arbiter.store.roles``).
* ``case_appeals``: the decision an imported case revision appeals (fingerprint, or order id and decision time),
  filled here for the cases stored before it from their newest revision's case.json; the importer fills it from now
  on (an import hook, ``arbiter.store.appeals``).
* ``ix_verdicts_fingerprint``: the original verdict is found by its fingerprint.

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

import json
import logging

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

log = logging.getLogger("arbiter.store.migrations")
BATCH = 2000


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "gold_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("case_sha256", sa.String(64), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        _ts("created_at"),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gold_cases"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_gold_cases_case_pk_cases", ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["supersedes_id"], ["gold_cases.id"], name="fk_gold_cases_supersedes_id_gold_cases",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("supersedes_id", name="uq_gold_cases_supersedes_id"),
    )
    op.create_index("ix_gold_cases_case_pk", "gold_cases", ["case_pk"])
    op.create_table(
        "case_appeals",
        sa.Column("case_pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("order_id", sa.String(128), nullable=False),
        sa.Column("filed_by", sa.String(16), nullable=False),
        _ts("filed_at", nullable=True),
        _ts("appealed_decided_at"),
        sa.Column("appealed_fingerprint", sa.String(64), nullable=True),
        sa.Column("appealed_case_revision", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("case_pk", "revision", name="pk_case_appeals"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_case_appeals_case_pk_cases", ondelete="RESTRICT"),
    )
    op.create_index("ix_case_appeals_fingerprint", "case_appeals", ["appealed_fingerprint"])
    op.create_index("ix_case_appeals_order_id", "case_appeals", ["order_id"])
    op.create_index("ix_verdicts_fingerprint", "verdicts", ["fingerprint"])

    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER gold_cases_no_{event.lower()} BEFORE {event} ON gold_cases "
                       f"BEGIN SELECT RAISE(ABORT, 'gold_cases is append-only: {event} refused'); END")
    elif dialect == "postgresql":  # arbiter_refuse_change() comes from 0001
        op.execute("CREATE TRIGGER gold_cases_no_change BEFORE UPDATE OR DELETE ON gold_cases "
                   "FOR EACH ROW EXECUTE FUNCTION arbiter_refuse_change()")
        op.execute("CREATE TRIGGER gold_cases_no_truncate BEFORE TRUNCATE ON gold_cases "
                   "FOR EACH STATEMENT EXECUTE FUNCTION arbiter_refuse_change()")
    _fill(op.get_bind())


def _fill(bind) -> None:
    from arbiter.store.appeals import appeal_values_from_json

    table = sa.table("case_appeals", *(sa.column(c) for c in (
        "case_pk", "revision", "order_id", "filed_by", "filed_at", "appealed_decided_at", "appealed_fingerprint",
        "appealed_case_revision")))
    latest = sa.text(
        "SELECT c.id, r.revision, r.case_json FROM cases c JOIN case_revisions r ON r.case_pk = c.id "
        "AND r.revision = c.latest_revision WHERE c.id > :after ORDER BY c.id LIMIT :n")
    after, found = 0, 0
    while True:
        rows = bind.execute(latest, {"after": after, "n": BATCH}).all()
        if not rows:
            break
        values = []
        for case_pk, rev, raw in rows:
            raw = bytes(raw)
            if b'"appeal"' not in raw and b'"previous_decision_at"' not in raw:
                continue  # not an appeal: no need to read it
            try:
                data = json.loads(raw.decode("utf-8-sig"))
            except ValueError:
                continue
            row = appeal_values_from_json(data)
            if row is not None:
                values.append(dict(row, case_pk=case_pk, revision=rev))
        if values:
            bind.execute(table.insert(), values)
            found += len(values)
        after = rows[-1][0]
    if found:
        log.info("appeals: %d stored appeal cases linked", found)


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS gold_cases_no_update")
        op.execute("DROP TRIGGER IF EXISTS gold_cases_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS gold_cases_no_change ON gold_cases")
        op.execute("DROP TRIGGER IF EXISTS gold_cases_no_truncate ON gold_cases")
    op.drop_index("ix_verdicts_fingerprint", table_name="verdicts")
    op.drop_index("ix_case_appeals_order_id", table_name="case_appeals")
    op.drop_index("ix_case_appeals_fingerprint", table_name="case_appeals")
    op.drop_table("case_appeals")
    op.drop_index("ix_gold_cases_case_pk", table_name="gold_cases")
    op.drop_table("gold_cases")
