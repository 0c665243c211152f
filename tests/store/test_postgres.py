"""The import and verdict tests again, on PostgreSQL (``ARBITER_TEST_PG_URL``, e.g.
``postgresql+psycopg://postgres@127.0.0.1:5433/arbiter_test``); skipped when it is not set.

Each test runs in a fresh schema of that database (created and dropped here, ``search_path`` set through the
URL), so the database may hold other data; the role needs CREATE on the database.
"""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from arbiter.store import SORT_KEYS, QueueQuery, Repository, open_database
from arbiter.store.db import head_revision
from tests.store.test_import import *  # noqa: F401,F403 - the same tests, collected again with the PG fixtures
from tests.store.test_verdicts import *  # noqa: F401,F403
from tests.store.test_search import *  # noqa: F401,F403
from tests.store.test_search_plans import *  # noqa: F401,F403
from tests.store.test_verify import *  # noqa: F401,F403
from tests.store.test_packages import *  # noqa: F401,F403

PG_URL = os.environ.get("ARBITER_TEST_PG_URL")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ARBITER_TEST_PG_URL is not set"),
]


@pytest.fixture
def db_url():
    schema = f"arbiter_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def repo(db):
    return Repository(db)


def test_pg_schema_triggers_and_idempotent_open(db, db_url):
    assert db.backend == "postgresql"
    assert db.current_revision() == head_revision()
    with db.engine.connect() as conn:
        triggers = set(conn.execute(text(
            "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
            "AND NOT t.tgisinternal")).scalars())
        types = dict(conn.execute(text(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = 'cases'")).all())
    assert triggers == {f"{table}_no_{what}" for what in ("change", "truncate")
                        for table in ("verdicts", "audit_events", "supervisor_reviews", "qa_samples",
                                      "qa_sample_items", "case_notes", "gold_cases")}
    assert types["opened_at"] == "timestamp with time zone"
    assert types["amount"] == "numeric"
    again = open_database(db_url)
    try:
        assert again.current_revision() == head_revision()
        assert again.backup_path is None
    finally:
        again.close()


def test_pg_truncate_of_append_only_tables_is_refused(db):
    from sqlalchemy.exc import DBAPIError

    from tests.store.helpers import execute

    for table in ("verdicts", "audit_events"):
        with pytest.raises(DBAPIError, match="append-only"):
            execute(db, f"TRUNCATE {table} CASCADE")


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_pg_queue_pages_follow_one_order(db, sort, descending):
    """The queue on PostgreSQL (its collation, its NULL ordering): offset pages and keyset pages (``after=``)
    both give the order of one plain ORDER BY - no deadline last, ties by pk in the sort's direction."""
    from tests.store.test_queue import queue_rows

    with db.session() as session:
        session.add_all(queue_rows(300))
    direction = "DESC" if descending else "ASC"
    with db.engine.connect() as conn:
        expected = list(conn.execute(text(
            f"SELECT id FROM cases WHERE platform = 'douyin' OR :all ORDER BY ({sort} IS NULL), {sort} {direction}, "
            f"id {direction}"), {"all": True}).scalars())
        douyin = list(conn.execute(text(
            f"SELECT id FROM cases WHERE platform = 'douyin' ORDER BY ({sort} IS NULL), {sort} {direction}, "
            f"id {direction}")).scalars())
    repo = Repository(db)
    for query, want in ((QueueQuery(sort=sort, descending=descending), expected),
                        (QueueQuery(sort=sort, descending=descending, platform="douyin"), douyin)):
        by_offset = [r.pk for offset in range(0, 300, 41) for r in repo.list_cases(query, offset, 41)]
        by_key = repo.list_cases(query, 0, 29)
        while page := repo.list_cases(query, 0, 41, after=by_key[-1]):
            by_key.extend(page)
        assert by_offset == want
        assert [r.pk for r in by_key] == want


@pytest.fixture(autouse=True)
def _really_on_postgres(db):
    assert db.backend == "postgresql"
