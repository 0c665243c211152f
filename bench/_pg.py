"""PostgreSQL for the benchmarks: each run works in its own schema of the database it is given (``--pg URL`` or
ARBITER_BENCH_PG_URL, e.g. the throwaway server ``./dev bench`` starts), so that database may hold other data.

    url, done = schema_url(base)                      # a fresh schema, dropped by done()
    url, done = schema_url(base, name="bench_1m")     # a named schema, kept (done() only lets go): --keep/--reuse
    url, done = schema_url(base, name="bench_1m", fresh=True)   # the same, emptied first

The URL returned sets ``search_path`` to the schema (libpq ``options``), so ``open_database(url)`` migrates and
works there. The role needs CREATE on the database.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def schema_exists(base: str, name: str) -> bool:
    admin = create_engine(base)
    try:
        with admin.connect() as conn:
            return conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :n"), {"n": name}).first() is not None
    finally:
        admin.dispose()


def schema_url(base: str, name: str | None = None, *, fresh: bool = False) -> tuple[str, Callable[[], None]]:
    """``(url, done)``: a URL of the database ``base`` working in its own schema, and what to call afterwards.
    Without ``name``: a fresh schema ``arbiter_bench_XXXXXXXX``, dropped by ``done()``. With ``name``: that schema,
    created if missing and kept (``done()`` drops nothing), so a large database is generated once and timed
    again later; ``fresh`` drops what that schema held first."""
    keep = name is not None
    schema = name if keep else f"arbiter_bench_{uuid.uuid4().hex[:8]}"
    if not _NAME.fullmatch(schema):
        raise ValueError(f"not a plain schema name: {schema!r}")
    admin = create_engine(base)
    with admin.begin() as conn:
        if keep and fresh:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA {"IF NOT EXISTS " if keep else ""}"{schema}"'))

    def done() -> None:
        try:
            if not keep:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        finally:
            admin.dispose()

    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), done
