"""Team mode and quality review: case leases, recorded QA samples, supervisor reviews (approve / return /
overturn, signed, append-only), team settings.

``supervisor_reviews`` was created by 0001 and never written by any code: it is recreated with its new shape.
``supervisor_reviews``, ``qa_samples`` and ``qa_sample_items`` get the append-only triggers ``verdicts`` has
(the trigger function ``arbiter_refuse_change`` of 0001 on PostgreSQL).

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

APPEND_ONLY_TABLES = ("supervisor_reviews", "qa_samples", "qa_sample_items")


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM supervisor_reviews")).scalar_one():
        raise RuntimeError("supervisor_reviews holds rows that no version of arbiter wrote; refusing to migrate")
    op.drop_index("ix_supervisor_reviews_verdict_id", table_name="supervisor_reviews")
    op.drop_table("supervisor_reviews")

    op.create_table(
        "case_leases",
        sa.Column("case_pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holder", sa.String(128), nullable=False),
        _ts("taken_at"),
        _ts("expires_at"),
        sa.PrimaryKeyConstraint("case_pk", name="pk_case_leases"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_case_leases_case_pk_cases", ondelete="RESTRICT"),
    )
    op.create_index("ix_case_leases_holder", "case_leases", ["holder"])

    op.create_table(
        "qa_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        _ts("created_at"),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("selection_sha256", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_qa_samples"),
    )
    op.create_table(
        "qa_sample_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("verdict_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_qa_sample_items"),
        sa.ForeignKeyConstraint(["sample_id"], ["qa_samples.id"], name="fk_qa_sample_items_sample_id_qa_samples",
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["verdict_id"], ["verdicts.id"], name="fk_qa_sample_items_verdict_id_verdicts",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("sample_id", "verdict_id", name="uq_qa_sample_items_sample_id"),
    )
    op.create_index("ix_qa_sample_items_verdict_id", "qa_sample_items", ["verdict_id"])

    op.create_table(
        "supervisor_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verdict_id", sa.Integer(), nullable=False),
        sa.Column("supervisor", sa.String(128), nullable=False),
        _ts("at"),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=True),
        sa.Column("amendment_id", sa.Integer(), nullable=True),
        sa.Column("answers", sa.Text(), nullable=True),
        sa.Column("differences", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_supervisor_reviews"),
        sa.ForeignKeyConstraint(["verdict_id"], ["verdicts.id"], name="fk_supervisor_reviews_verdict_id_verdicts",
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["sample_id"], ["qa_samples.id"], name="fk_supervisor_reviews_sample_id_qa_samples",
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["amendment_id"], ["verdicts.id"],
                                name="fk_supervisor_reviews_amendment_id_verdicts", ondelete="RESTRICT"),
        sa.CheckConstraint("action IN ('approve', 'return', 'overturn')", name=op.f("ck_supervisor_reviews_action")),
        sa.CheckConstraint("(action = 'overturn') = (amendment_id IS NOT NULL)",
                           name=op.f("ck_supervisor_reviews_overturn_amendment")),
    )
    op.create_index("ix_supervisor_reviews_verdict_id", "supervisor_reviews", ["verdict_id"])

    op.create_table(
        "team_settings",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        _ts("updated_at"),
        sa.Column("updated_by", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_team_settings"),
    )

    dialect = op.get_context().dialect.name
    for table in APPEND_ONLY_TABLES:
        if dialect == "sqlite":
            for event in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {event} refused'); END")
        elif dialect == "postgresql":
            op.execute(f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION arbiter_refuse_change()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION arbiter_refuse_change()")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    for table in APPEND_ONLY_TABLES:
        if dialect == "sqlite":
            for event in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    op.drop_table("team_settings")
    op.drop_index("ix_supervisor_reviews_verdict_id", table_name="supervisor_reviews")
    op.drop_table("supervisor_reviews")
    op.drop_index("ix_qa_sample_items_verdict_id", table_name="qa_sample_items")
    op.drop_table("qa_sample_items")
    op.drop_table("qa_samples")
    op.drop_index("ix_case_leases_holder", table_name="case_leases")
    op.drop_table("case_leases")
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
