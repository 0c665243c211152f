from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from arbiter.store import open_database

PG_URL = os.environ.get("ARBITER_TEST_PG_URL")


@pytest.fixture
def sqlite_db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'data' / 'arbiter.db'}")
    yield database
    database.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request, tmp_path):
    """A fresh database on SQLite, and on PostgreSQL (a schema of ARBITER_TEST_PG_URL) when it is set."""
    if request.param == "sqlite":
        database = open_database(f"sqlite:///{tmp_path / 'data' / 'arbiter.db'}")
        yield database
        database.close()
        return
    if not PG_URL:
        pytest.skip("ARBITER_TEST_PG_URL is not set")
    schema = f"arbiter_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_database(url.render_as_string(hide_password=False))
    try:
        yield database
    finally:
        database.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
