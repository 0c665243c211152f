"""Evidence forensics (issue 13): image fingerprints for the near-duplicate index, case parties for history.

One row per image blob and variant; the 64-bit hash as four indexed 16-bit bands (multi-index hashing), the
256-bit confirmation hash as hex. ``case_parties``: buyer and seller ids, names and normalised contact keys of
each case's newest revision, indexed, for party history. New tables only: no rebuild of any existing table, no trigger touched.
Cases and images imported before this revision get their rows on first use (``arbiter.store.forensics``).

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BANDS = ("b0", "b1", "b2", "b3")
PARTY_INDEXES = ("buyer_id", "seller_id", "buyer_phone_key", "buyer_address_key", "seller_phone_key")


def upgrade() -> None:
    op.create_table(
        "image_fingerprints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("variant", sa.Integer(), nullable=False),
        sa.Column("b0", sa.Integer(), nullable=False),
        sa.Column("b1", sa.Integer(), nullable=False),
        sa.Column("b2", sa.Integer(), nullable=False),
        sa.Column("b3", sa.Integer(), nullable=False),
        sa.Column("detail", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_image_fingerprints"),
        sa.ForeignKeyConstraint(["sha256"], ["blobs.sha256"], name="fk_image_fingerprints_sha256_blobs",
                                ondelete="RESTRICT"),
        sa.UniqueConstraint("sha256", "variant", name="uq_image_fingerprints_sha256_variant"),
    )
    # one index per band, led by that band and covering the other three and the id: a lookup reads only the
    # indexes (index-only scans on PostgreSQL, a covering index on SQLite)
    for band in BANDS:
        op.create_index(f"ix_image_fingerprints_{band}", "image_fingerprints",
                        [band] + [b for b in BANDS if b != band] + ["id"])
    op.create_table(
        "case_parties",
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("buyer_id", sa.String(128), nullable=False),
        sa.Column("buyer_name", sa.String(255), nullable=False),
        sa.Column("buyer_phone_key", sa.String(64), nullable=True),
        sa.Column("buyer_address_key", sa.String(512), nullable=True),
        sa.Column("seller_id", sa.String(128), nullable=False),
        sa.Column("seller_name", sa.String(255), nullable=False),
        sa.Column("seller_phone_key", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("case_pk", name="pk_case_parties"),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], name="fk_case_parties_case_pk_cases", ondelete="RESTRICT"),
    )
    for column in PARTY_INDEXES:
        op.create_index(f"ix_case_parties_{column}", "case_parties", [column])


def downgrade() -> None:
    for column in PARTY_INDEXES:
        op.drop_index(f"ix_case_parties_{column}", table_name="case_parties")
    op.drop_table("case_parties")
    for band in BANDS:
        op.drop_index(f"ix_image_fingerprints_{band}", table_name="image_fingerprints")
    op.drop_table("image_fingerprints")
