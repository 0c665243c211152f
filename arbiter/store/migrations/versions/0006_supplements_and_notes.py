"""Supplementary-evidence requests, the ``awaiting_evidence`` case status, and the reviewer's private notes.

* ``supplement_requests``: what a reviewer asked a party to supply (checklist.md step 2, r2), with its due date
  and what became of it (``open`` -> ``answered`` when a new revision brings an item with its ``request_id``,
  ``expired`` when the due date passes first, ``withdrawn`` by the reviewer).
* ``cases.status`` may be ``awaiting_evidence`` while any request of the case is open (the column widens to 32).
* ``case_notes``: private notes, append-only like verdicts (an edit is a new row that supersedes the old one;
  UPDATE and DELETE are refused by triggers). Never printed in a notice nor exported in a package.

On SQLite the status CHECK is changed by a batch table copy of ``cases`` (no trigger lives on ``cases``).

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD_STATUSES = ("new", "in_review", "decided", "signed", "amended", "flagged")
NEW_STATUSES = OLD_STATUSES + ("awaiting_evidence",)


def _status_check(statuses: tuple[str, ...]) -> str:
    return "status IN (" + ", ".join(f"'{s}'" for s in statuses) + ")"


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint(op.f("ck_cases_status"), type_="check")
        # "awaiting_evidence" is 17 characters
        batch.alter_column("status", type_=sa.String(32), existing_type=sa.String(16), existing_nullable=False)
        batch.create_check_constraint("status", _status_check(NEW_STATUSES))

    op.create_table(
        "supplement_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column("party", sa.String(16), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        _ts("requested_at"),
        _ts("due_at"),
        sa.Column("requested_by", sa.String(128), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        _ts("resolved_at", nullable=True),
        sa.Column("resolved_revision", sa.Integer(), nullable=True),
        _ts("exported_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_supplement_requests"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_supplement_requests_case_pk_cases",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("case_pk", "request_id", name="uq_supplement_requests_case_pk_request_id"),
        sa.CheckConstraint("party IN ('buyer', 'seller')", name=op.f("ck_supplement_requests_party")),
        sa.CheckConstraint("state IN ('open', 'answered', 'expired', 'withdrawn')",
                           name=op.f("ck_supplement_requests_state")),
    )
    op.create_index("ix_supplement_requests_state_due_at", "supplement_requests", ["state", "due_at"])

    op.create_table(
        "case_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        _ts("created_at"),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_case_notes"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_case_notes_case_pk_cases", ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["supersedes_id"], ["case_notes.id"], name="fk_case_notes_supersedes_id_case_notes",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("supersedes_id", name="uq_case_notes_supersedes_id"),
    )
    op.create_index("ix_case_notes_case_pk", "case_notes", ["case_pk"])

    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER case_notes_no_{event.lower()} BEFORE {event} ON case_notes "
                f"BEGIN SELECT RAISE(ABORT, 'case_notes is append-only: {event} refused'); END"
            )
    elif dialect == "postgresql":  # arbiter_refuse_change() comes from 0001
        op.execute("CREATE TRIGGER case_notes_no_change BEFORE UPDATE OR DELETE ON case_notes "
                   "FOR EACH ROW EXECUTE FUNCTION arbiter_refuse_change()")
        op.execute("CREATE TRIGGER case_notes_no_truncate BEFORE TRUNCATE ON case_notes "
                   "FOR EACH STATEMENT EXECUTE FUNCTION arbiter_refuse_change()")
    else:  # pragma: no cover
        raise RuntimeError(f"unsupported database dialect {dialect!r}")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS case_notes_no_update")
        op.execute("DROP TRIGGER IF EXISTS case_notes_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_notes_no_change ON case_notes")
        op.execute("DROP TRIGGER IF EXISTS case_notes_no_truncate ON case_notes")
    op.drop_table("case_notes")
    op.drop_table("supplement_requests")
    op.execute("UPDATE cases SET status = 'in_review' WHERE status = 'awaiting_evidence'")
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint(op.f("ck_cases_status"), type_="check")
        batch.alter_column("status", type_=sa.String(16), existing_type=sa.String(32), existing_nullable=False)
        batch.create_check_constraint("status", _status_check(OLD_STATUSES))
