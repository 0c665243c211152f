from __future__ import annotations

import os
import uuid
from pathlib import Path

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


@pytest.fixture
def lamp_view(qtbot, sqlite_db):
    """The case view of the sample whose photo reuses another sample's (both imported), shown at 1366 x 768 with
    its forensic lookups done: the screen the forensics GUI tests look at."""
    from arbiter.bundle import read_bundle
    from arbiter.signing import demo_identity
    from arbiter.store import Repository, import_bundle
    from arbiter.ui.case_view import CaseView
    from arbiter.ui.forensics_view import forensics_of
    from arbiter.ui.session import ReviewSession
    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    import_bundle(sqlite_db, read_bundle(samples / "tts-uk-lamp-box-dented.arbcase"), actor="test")
    reused = import_bundle(sqlite_db, read_bundle(samples / "tts-uk-lamp-box-reused.arbcase"), actor="test")
    session = ReviewSession(Repository(sqlite_db), reused.case_pk, demo_identity("r.chen", "R. Chen"))
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitUntil(lambda: forensics_of(session).done, timeout=60_000)
    return view

