"""Initial schema: cases, revisions, evidence, blobs, users, drafts, verdicts, audit events, supervisor reviews.

Verdicts and audit events are append-only: triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL).

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY_TABLES = ("verdicts", "audit_events")


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("latest_revision", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("claim_type", sa.String(32), nullable=False),
        sa.Column("amount", sa.Numeric(19, 4), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("order_id", sa.String(128), nullable=False),
        _ts("opened_at"),
        sa.Column("status", sa.String(16), nullable=False),
        _ts("next_deadline_at", nullable=True),
        _ts("imported_at"),
        _ts("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.UniqueConstraint("case_id", name="uq_cases_case_id"),
        sa.CheckConstraint(
            "status IN ('new', 'in_review', 'decided', 'signed', 'amended', 'flagged')", name=op.f("ck_cases_status")
        ),
    )
    for column in ("status", "platform", "region", "claim_type", "opened_at", "next_deadline_at", "order_id",
                   "amount"):
        op.create_index(f"ix_cases_{column}", "cases", [column])

    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("sha256", name="pk_blobs"),
    )

    op.create_table(
        "case_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("case_sha256", sa.String(64), nullable=False),
        sa.Column("case_json", sa.LargeBinary(), nullable=False),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("ignored", sa.JSON(), nullable=False),
        _ts("imported_at"),
        sa.Column("imported_by", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_revisions"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_case_revisions_case_pk_cases",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("case_pk", "revision", name="uq_case_revisions_case_pk_revision"),
        sa.UniqueConstraint("case_pk", "case_sha256", name="uq_case_revisions_case_pk_case_sha256"),
    )

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision_pk", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.String(64), nullable=False),
        sa.Column("party", sa.String(16), nullable=False),
        sa.Column("submission", sa.Integer(), nullable=False),
        sa.Column("requested", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("media_type", sa.String(127), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_path", sa.String(1024), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
        sa.ForeignKeyConstraint(["revision_pk"], ["case_revisions.id"],
                                name="fk_evidence_revision_pk_case_revisions", ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["sha256"], ["blobs.sha256"], name="fk_evidence_sha256_blobs",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("revision_pk", "evidence_id", name="uq_evidence_revision_pk_evidence_id"),
    )
    op.create_index("ix_evidence_sha256", "evidence", ["sha256"])

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("display_name", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
        sa.CheckConstraint("role IN ('reviewer', 'supervisor')", name=op.f("ck_users_role")),
    )

    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(128), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("progress", sa.JSON(), nullable=False),
        _ts("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_drafts"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_drafts_case_pk_cases", ondelete="RESTRICT"),
        sa.UniqueConstraint("case_pk", name="uq_drafts_case_pk"),
    )

    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("reviewer", sa.String(128), nullable=False),
        _ts("signed_at"),
        sa.Column("policy_id", sa.String(64), nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("flagged_for_supervisor", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_verdicts"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_verdicts_case_pk_cases", ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["supersedes_id"], ["verdicts.id"], name="fk_verdicts_supersedes_id_verdicts",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("supersedes_id", name="uq_verdicts_supersedes_id"),
        sa.CheckConstraint("kind IN ('original', 'amendment')", name=op.f("ck_verdicts_kind")),
        sa.CheckConstraint(
            "(kind = 'original' AND supersedes_id IS NULL) OR (kind = 'amendment' AND supersedes_id IS NOT NULL)",
            name=op.f("ck_verdicts_supersedes"),
        ),
    )
    op.create_index("ix_verdicts_case_pk", "verdicts", ["case_pk"])
    op.create_index("uq_verdicts_one_original", "verdicts", ["case_pk"], unique=True,
                    sqlite_where=sa.text("kind = 'original'"), postgresql_where=sa.text("kind = 'original'"))

    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        _ts("at"),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_events"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_audit_events_case_pk_cases",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("prev_hash", name="uq_audit_events_prev_hash"),
        sa.UniqueConstraint("hash", name="uq_audit_events_hash"),
    )
    op.create_index("ix_audit_events_case_pk", "audit_events", ["case_pk"])

    op.create_table(
        "supervisor_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verdict_id", sa.Integer(), nullable=False),
        sa.Column("supervisor", sa.String(128), nullable=False),
        _ts("at"),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_supervisor_reviews"),
        sa.ForeignKeyConstraint(["verdict_id"], ["verdicts.id"], name="fk_supervisor_reviews_verdict_id_verdicts",
                                ondelete="RESTRICT"),
        sa.CheckConstraint("action IN ('approve', 'return')", name=op.f("ck_supervisor_reviews_action")),
    )
    op.create_index("ix_supervisor_reviews_verdict_id", "supervisor_reviews", ["verdict_id"])

    create_append_only_guards()


def create_append_only_guards() -> None:
    """Triggers that make ``verdicts`` and ``audit_events`` append-only. Inlined here on purpose: a migration
    is a frozen snapshot. A later migration that rebuilds one of these tables (SQLite batch mode copies the
    table, which drops its triggers) must create the triggers again."""
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for table in APPEND_ONLY_TABLES:
            for event in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {event} refused'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            """
            CREATE FUNCTION arbiter_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """
        )
        for table in APPEND_ONLY_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION arbiter_refuse_change()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION arbiter_refuse_change()"
            )
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database dialect {dialect!r}: append-only triggers cannot be created")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for table in APPEND_ONLY_TABLES:
            for event in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
    elif dialect == "postgresql":
        for table in APPEND_ONLY_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS arbiter_refuse_change()")
    for table in ("supervisor_reviews", "audit_events", "verdicts", "drafts", "users", "evidence",
                  "case_revisions", "blobs", "cases"):
        op.drop_table(table)
