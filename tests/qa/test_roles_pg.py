"""Roles enforced by PostgreSQL itself: a reviewer's connection cannot write supervisor actions or the users
table; supervisor actions are append-only even for the owner (triggers)."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, ProgrammingError

from arbiter.store import Repository, open_database
from arbiter.store.leases import Leases
from arbiter.store.roles import REVIEWER_ROLE, SUPERVISOR_ROLE, connection_role
from tests.qa.conftest import seed_cases
from tests.store.helpers import sign

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
REVIEW_SQL = ("INSERT INTO supervisor_reviews (verdict_id, supervisor, at, action, note, differences, record, "
              "fingerprint) VALUES (:v, 'boss', :at, 'approve', '', '[]', '{}', :fp)")


@pytest.fixture
def people(pg_url):
    """A migrated schema with one signed verdict, and two login roles: a reviewer and a supervisor."""
    db = open_database(pg_url)
    (case_id,) = seed_cases(db, 1)
    repo = Repository(db)
    pk = repo.list_cases(__import__("arbiter.store", fromlist=["QueueQuery"]).QueueQuery())[0].pk
    verdict = sign(repo, pk)
    db.close()
    tag = uuid.uuid4().hex[:8]
    names = {"reviewer": f"rev_{tag}", "supervisor": f"sup_{tag}"}
    admin = create_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE ROLE {names['reviewer']} LOGIN IN ROLE {REVIEWER_ROLE}"))
        conn.execute(text(f"CREATE ROLE {names['supervisor']} LOGIN IN ROLE {SUPERVISOR_ROLE}"))
    urls = {k: make_url(pg_url).set(username=v).render_as_string(hide_password=False) for k, v in names.items()}
    try:
        yield urls, verdict, case_id, admin
    finally:
        with admin.begin() as conn:
            for name in names.values():
                conn.execute(text(f"DROP OWNED BY {name}"))
                conn.execute(text(f"DROP ROLE {name}"))
        admin.dispose()


def test_reviewer_cannot_write_supervisor_actions_or_users(people):
    urls, verdict, case_id, _ = people
    engine = create_engine(urls["reviewer"])
    try:
        with engine.connect() as conn:
            assert connection_role(conn) == "reviewer"
        for sql, params in ((REVIEW_SQL, {"v": verdict.id, "at": NOW, "fp": "0" * 64}),
                            ("INSERT INTO users (username, display_name, role, created_at) "
                             "VALUES ('me', 'Me', 'supervisor', :at)", {"at": NOW}),
                            ("INSERT INTO qa_samples (created_at, actor, settings, size, selection_sha256) "
                             "VALUES (:at, 'me', '{}', 0, '')", {"at": NOW}),
                            ("DELETE FROM verdicts", {})):
            with pytest.raises(ProgrammingError, match="permission denied"):
                with engine.begin() as conn:
                    conn.execute(text(sql), params)
    finally:
        engine.dispose()
    # ... and yet does its own work through the application: takes a case (a lease and an audit event)
    db = open_database(urls["reviewer"])
    try:
        assert Leases(db).take(case_id, "rev").holder == "rev"
    finally:
        db.close()


def test_supervisor_writes_reviews_which_nobody_can_change(people):
    urls, verdict, _, admin = people
    engine = create_engine(urls["supervisor"])
    try:
        with engine.begin() as conn:
            assert connection_role(conn) == "supervisor"
            conn.execute(text(REVIEW_SQL), {"v": verdict.id, "at": NOW, "fp": "0" * 64})
            conn.execute(text("INSERT INTO users (username, display_name, role, created_at) "
                              "VALUES ('rev', 'Rev', 'reviewer', :at)"), {"at": NOW})
        with pytest.raises(ProgrammingError, match="permission denied"):
            with engine.begin() as conn:
                conn.execute(text("UPDATE supervisor_reviews SET note = 'changed'"))
    finally:
        engine.dispose()
    for sql in ("UPDATE supervisor_reviews SET note = 'changed'", "DELETE FROM supervisor_reviews",
                "TRUNCATE supervisor_reviews CASCADE"):
        with pytest.raises(DBAPIError, match="append-only"):
            with admin.begin() as conn:  # the owner too: the triggers refuse
                conn.execute(text(sql))
