"""Fixtures of the team-mode and QA tests: an SQLite file, or a fresh schema on the PostgreSQL server named by
``ARBITER_TEST_PG_URL`` (the one ``./dev test`` starts); the PostgreSQL variants are skipped without it."""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from arbiter.store import import_bundle, open_database
from tests.factories import case_dict
from tests.store.helpers import make_loaded

PG_URL = os.environ.get("ARBITER_TEST_PG_URL")


@pytest.fixture
def pg_url():
    if not PG_URL:
        pytest.skip("ARBITER_TEST_PG_URL is not set")
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


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'team.db'}"
    return request.getfixturevalue("pg_url")


def seed_cases(db, n: int, prefix: str = "TTS-UK-T") -> list[str]:
    ids = []
    for i in range(n):
        case_id = f"{prefix}{i:04d}"
        import_bundle(db, make_loaded(case_dict(case_id=case_id)), actor="importer")
        ids.append(case_id)
    return ids


@pytest.fixture
def team_db(any_url):
    db = open_database(any_url)
    yield db
    db.close()


@pytest.fixture
def isolated_settings(qapp, tmp_path, monkeypatch):
    """A GUI test's own QSettings file (no tabs restored from another test's run) and data folder."""
    from PySide6.QtCore import QSettings

    from arbiter.ui import i18n, tasks

    monkeypatch.setenv("ARBITER_DATA_DIR", str(tmp_path / "userdata"))
    qapp.setOrganizationName("arbiter-tests")
    qapp.setApplicationName("arbiter-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    i18n.install(i18n.ENGLISH)
    yield
    tasks.runner().wait(10_000)
    qapp.processEvents()
