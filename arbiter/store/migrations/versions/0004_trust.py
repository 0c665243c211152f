"""Trust: signed verdicts, registered key cards, seen audit chain heads, notice exports (docs/trust.md).

- ``verdicts`` gains what a signature covers and what a verdict package carries: ``number`` (vN in the case's
  history), ``case_sha256`` (the revision signed), ``signer_key`` (key fingerprint), ``signature`` (Ed25519,
  base64), ``chain_head`` (``seq:hash`` of the signer's audit chain before signing), ``answers`` and
  ``progress`` (canonical JSON), ``app_version``, ``origin`` (``local`` or ``package``), ``rules_drift`` and
  ``conflicts_with_id`` (an imported verdict that disagrees with the one already stored for the case).
  Plain ``ALTER TABLE ... ADD COLUMN`` on both backends (nullable, no table copy on SQLite: the append-only
  triggers stay). Verdicts signed before 0004 keep NULLs and are reported by ``arbiter verify`` as unsigned.
- ``signing_keys``: every public key known for a person of ``users`` (their current one and the ones replaced).
- ``chain_heads``: audit chain heads recorded in verdict packages and notices; ``verify`` checks each is still
  in the chain (deleting the newest events is detectable).
- ``notice_exports``: every notice written, with its files' hashes and the chain head it recorded.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_UTC = sa.DateTime(timezone=True)
VERDICT_COLUMNS = (
    ("number", sa.Integer()),
    ("case_sha256", sa.String(64)),
    ("signer_key", sa.String(64)),
    ("signature", sa.Text()),
    ("chain_head", sa.String(80)),
    ("answers", sa.Text()),
    ("progress", sa.Text()),
    ("app_version", sa.String(32)),
    ("origin", sa.String(16)),
    ("rules_drift", sa.Boolean()),
    ("conflicts_with_id", sa.Integer()),
)


def upgrade() -> None:
    for name, type_ in VERDICT_COLUMNS:
        op.add_column("verdicts", sa.Column(name, type_, nullable=True))
    op.create_index("ix_verdicts_signer_key", "verdicts", ["signer_key"])
    # one original per case, apart from imported verdicts kept as conflicts
    op.drop_index("uq_verdicts_one_original", table_name="verdicts")
    op.create_index("uq_verdicts_one_original", "verdicts", ["case_pk"], unique=True,
                    sqlite_where=sa.text("kind = 'original' AND conflicts_with_id IS NULL"),
                    postgresql_where=sa.text("kind = 'original' AND conflicts_with_id IS NULL"))

    op.create_table(
        "signing_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_pk", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("added_at", _UTC, nullable=False),
        sa.Column("added_by", sa.String(128), nullable=False),
        sa.Column("replaced_at", _UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_signing_keys"),
        sa.ForeignKeyConstraint(["user_pk"], ["users.id"], name="fk_signing_keys_user_pk_users", ondelete="RESTRICT"),
        sa.UniqueConstraint("fingerprint", name="uq_signing_keys_fingerprint"),
    )
    op.create_index("ix_signing_keys_user_pk", "signing_keys", ["user_pk"])

    op.create_table(
        "chain_heads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("at", _UTC, nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_chain_heads"),
    )
    op.create_index("ix_chain_heads_seq", "chain_heads", ["seq"])

    op.create_table(
        "notice_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("verdict_id", sa.Integer(), nullable=False),
        sa.Column("at", _UTC, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("chain_head", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notice_exports"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_notice_exports_case_pk_cases",
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["verdict_id"], ["verdicts.id"], name="fk_notice_exports_verdict_id_verdicts",
                                ondelete="RESTRICT"),
    )
    op.create_index("ix_notice_exports_case_pk", "notice_exports", ["case_pk"])


def downgrade() -> None:
    op.drop_index("ix_notice_exports_case_pk", table_name="notice_exports")
    op.drop_table("notice_exports")
    op.drop_index("ix_chain_heads_seq", table_name="chain_heads")
    op.drop_table("chain_heads")
    op.drop_index("ix_signing_keys_user_pk", table_name="signing_keys")
    op.drop_table("signing_keys")
    op.drop_index("ix_verdicts_signer_key", table_name="verdicts")
    op.drop_index("uq_verdicts_one_original", table_name="verdicts")
    op.create_index("uq_verdicts_one_original", "verdicts", ["case_pk"], unique=True,
                    sqlite_where=sa.text("kind = 'original'"), postgresql_where=sa.text("kind = 'original'"))
    for name, _type in reversed(VERDICT_COLUMNS):
        op.drop_column("verdicts", name)   # SQLite >= 3.35
