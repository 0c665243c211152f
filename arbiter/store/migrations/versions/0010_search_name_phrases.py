"""Search keys: a whole name of two words or more is stored behind a mark (``\\x1fsophie bennett``), so that a
one-word query (``lucas``, a prefix range of the ``(value, case_pk)`` index) reads each matching case once, by the
word, rather than twice (``lucas`` and ``lucas garcia``): a first name shared by 3 % of a million cases was
30,000 index rows more to count and walk (issue 14). Queries of two words or more look behind the mark too
(arbiter/store/search.py, ``name_keys``; docs/storage.md, "Search").

The rows rewritten are the name keys holding whitespace (the characters ``str.split`` splits on) that are not
marked yet (0007 fills the search with the marks already when it runs in the same upgrade).

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

MARK = "\x1f"  # arbiter.store.search.PHRASE, as of this revision
NAME_KINDS = ("buyer_name", "seller_name")
MAX_VALUE = 255
#: every character str.split() splits on (a whole name has one when it has two words or more)
WHITESPACE = tuple(c for c in map(chr, range(0x3001)) if c.isspace())

keys = sa.table("case_search_keys", sa.column("kind", sa.String), sa.column("value", sa.String))


def upgrade() -> None:
    spaced = sa.or_(*(keys.c.value.like(f"%{c}%") for c in WHITESPACE))
    op.execute(keys.update()
               .where(keys.c.kind.in_(NAME_KINDS), sa.func.substr(keys.c.value, 1, 1) != MARK, spaced)
               .values(value=sa.func.substr(sa.literal(MARK) + keys.c.value, 1, MAX_VALUE)))
    if op.get_bind().dialect.name == "postgresql":
        # the planner's view of the values moved (whole names now sort before every other value); VACUUM,
        # which cannot run in a transaction, is autovacuum's (docs/storage.md, "Search")
        op.execute("ANALYZE case_search_keys")


def downgrade() -> None:
    op.execute(keys.update()
               .where(keys.c.kind.in_(NAME_KINDS), sa.func.substr(keys.c.value, 1, 1) == MARK)
               .values(value=sa.func.substr(keys.c.value, 2)))
