"""Image fingerprints: perceptual hashes of evidence images for the near-duplicate index (issue 13).

One row per image blob and variant; the 64-bit hash as four indexed 16-bit bands (multi-index hashing), the
256-bit confirmation hash as hex. A new table only: no rebuild of any existing table, no trigger touched.
Images imported before this revision get their fingerprints on first use (``arbiter.store.forensics``).

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
    for band in ("b0", "b1", "b2", "b3"):
        op.create_index(f"ix_image_fingerprints_{band}", "image_fingerprints", [band])


def downgrade() -> None:
    for band in ("b0", "b1", "b2", "b3"):
        op.drop_index(f"ix_image_fingerprints_{band}", table_name="image_fingerprints")
    op.drop_table("image_fingerprints")
