"""Opening a database: schema by Alembic, idempotent, backed up before an upgrade, SQLite pragmas, types."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import StatementError

from arbiter.store import NaiveDatetimeError, open_database
from arbiter.store.db import head_revision
from arbiter.store.models import Base, CaseModel
from tests.store.helpers import TABLES

EXPECTED_TRIGGERS = {"verdicts_no_update", "verdicts_no_delete", "audit_events_no_update", "audit_events_no_delete",
                     "case_notes_no_update", "case_notes_no_delete",
                     # 0003: the supervisor's actions and the recorded QA samples are append-only too
                     *(f"{t}_no_{e}" for t in ("supervisor_reviews", "qa_samples", "qa_sample_items")
                       for e in ("update", "delete")),
                     # 0008: gold cases (calibration) are append-only
                     "gold_cases_no_update", "gold_cases_no_delete"}


def _schema(path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(), key=repr)
    finally:
        con.close()


def test_open_creates_folder_schema_triggers_and_stamps_head(tmp_path):
    path = tmp_path / "nested" / "folder" / "arbiter.db"
    db = open_database(f"sqlite:///{path}")
    try:
        assert path.exists()
        assert db.current_revision() == head_revision()
        assert db.backup_path is None  # a new file has nothing to back up
        names = {name for kind, name, *_ in _schema(path) if kind == "table"}
        assert set(TABLES) <= names
        triggers = {name for kind, name, *_ in _schema(path) if kind == "trigger"}
        assert triggers == EXPECTED_TRIGGERS
    finally:
        db.close()


def _modelled(name, type_, parent_names) -> bool:
    """Everything but the search's full-text table, which is engine-specific (FTS5 with its shadow tables on
    SQLite, a table with a trigram index on PostgreSQL) and has no model (migration 0007, store/search.py)."""
    return not (type_ == "table" and name and name.startswith("case_search_text"))


def test_models_match_the_migrations(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": _modelled}), Base.metadata)
    assert diff == []


def test_reopening_is_idempotent(tmp_path, db_url):
    db = open_database(db_url)
    path = db.url.database
    db.close()
    before = _schema(path)
    again = open_database(db_url)
    try:
        assert again.backup_path is None
        assert again.current_revision() == head_revision()
    finally:
        again.close()
    assert _schema(path) == before
    assert not list(tmp_path.rglob("*.bak"))


def test_sqlite_pragmas_on_every_connection(db):
    with db.session() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -65536  # 64 MiB (issue 14: a million cases)


def test_existing_file_is_backed_up_before_it_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('keep me')")
    con.commit()
    con.close()
    db = open_database(f"sqlite:///{path}")
    try:
        assert db.backup_path is not None and db.backup_path.exists()
        assert db.backup_path.name.startswith(f"old.db.unversioned-to-{head_revision()}.")
        backup = sqlite3.connect(db.backup_path)
        assert backup.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
        assert backup.execute("SELECT name FROM sqlite_master WHERE name = 'cases'").fetchall() == []
        backup.close()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT body FROM notes")).scalar() == "keep me"
            assert "cases" in inspect(conn).get_table_names()
    finally:
        db.close()


def test_a_failing_migration_changes_nothing(tmp_path):
    """The whole upgrade is one transaction (DDL included): a clash halfway leaves the file as it was."""
    path = tmp_path / "clash.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE verdicts (id INTEGER PRIMARY KEY)")  # 0001 creates cases, blobs, ... then clashes
    con.commit()
    con.close()
    before = _schema(path)
    with pytest.raises(Exception, match="verdicts"):
        open_database(f"sqlite:///{path}")
    assert _schema(path) == before
    assert len(list(tmp_path.glob("clash.db.*.bak"))) == 1


def test_in_memory_database_works():
    db = open_database("sqlite://")
    try:
        assert db.current_revision() == head_revision()
    finally:
        db.close()


def test_unsupported_backend_is_refused():
    from arbiter.store import DatabaseError

    with pytest.raises(DatabaseError, match="unsupported"):
        open_database("mysql://localhost/x")


def _case_row(**overrides):
    now = datetime(2025, 3, 4, 9, 0, tzinfo=timezone.utc)
    values = dict(case_id="C-1", latest_revision=1, platform="tiktok_shop", region="UK", language="en",
                  claim_type="damaged", amount=Decimal("19.99"), currency="GBP", order_id="O-1", opened_at=now,
                  status="new", next_deadline_at=None, imported_at=now, updated_at=now)
    values.update(overrides)
    return CaseModel(**values)


def test_naive_datetimes_are_refused(db):
    with pytest.raises(StatementError) as info:
        with db.session() as session:
            session.add(_case_row(opened_at=datetime(2025, 3, 4, 9, 0)))
            session.flush()
    assert isinstance(info.value.orig, NaiveDatetimeError)
    with db.session(readonly=True) as session:
        assert session.scalar(select(CaseModel.id)) is None


def test_aware_datetimes_come_back_aware_in_utc_and_money_exact(db):
    plus8 = timezone(timedelta(hours=8))
    with db.session() as session:
        session.add(_case_row(opened_at=datetime(2025, 3, 4, 17, 0, 0, 123456, tzinfo=plus8),
                              amount=Decimal("123456789012.3456")))
    with db.session(readonly=True) as session:
        row = session.scalar(select(CaseModel))
        assert row.opened_at == datetime(2025, 3, 4, 9, 0, 0, 123456, tzinfo=timezone.utc)
        assert row.opened_at.utcoffset() == timedelta(0)
        assert row.amount == Decimal("123456789012.3456")
        assert isinstance(row.amount, Decimal)
        with pytest.raises(StatementError):
            session.execute(select(CaseModel).where(CaseModel.opened_at < datetime(2025, 1, 1)))



def _migrate(url: str, target: str, direction: str = "upgrade") -> None:
    from alembic import command

    from arbiter.store.db import alembic_config

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            getattr(command, direction)(cfg, target)
            conn.commit()
    finally:
        engine.dispose()


def _case_indexes(path) -> set[str]:
    return {name for kind, name, table, _ in _schema(path) if kind == "index" and table == "cases"}


def test_0002_upgrades_a_0001_database_in_place(tmp_path):
    """A database made by 0001 (one-column queue indexes) is backed up and moved to the (key, id) indexes; its
    cases stay; the downgrade gives the 0001 indexes back."""
    path = tmp_path / "v1.db"
    url = f"sqlite:///{path}"
    _migrate(url, "0001")
    v1_indexes = _case_indexes(path)
    assert "ix_cases_amount" in v1_indexes
    con = sqlite3.connect(path)
    con.execute("INSERT INTO cases (case_id, latest_revision, platform, region, language, claim_type, amount, "
                "currency, order_id, opened_at, status, imported_at, updated_at) VALUES ('C-1', 1, 'douyin', "
                "'CN', 'zh-CN', 'damaged', 19.99, 'CNY', 'O-1', '2025-03-04 09:00:00.000000', 'new', "
                "'2025-03-04 09:00:00.000000', '2025-03-04 09:00:00.000000')")
    con.commit()
    con.close()
    db = open_database(url)
    try:
        assert db.current_revision() == head_revision()
        assert db.backup_path is not None and f".0001-to-{head_revision()}." in db.backup_path.name
        with db.session(readonly=True) as session:
            assert session.scalar(select(CaseModel.case_id)) == "C-1"
    finally:
        db.close()
    indexes = _case_indexes(path)
    assert {"ix_cases_amount_id", "ix_cases_next_deadline_at_id", "ix_cases_status_id"} <= indexes
    assert "ix_cases_amount" not in indexes
    _migrate(url, "0001", "downgrade")
    assert _case_indexes(path) == v1_indexes


def test_0007_fills_the_search_for_cases_stored_before_it(tmp_path):
    """Cases imported before the search existed are found after the upgrade (the data migration of 0007)."""
    from arbiter.store import QueueQuery, Repository, import_bundle
    from tests.factories import case_dict
    from tests.store.helpers import make_loaded

    url = f"sqlite:///{tmp_path / 'old.db'}"
    db = open_database(url)
    data = case_dict(case_id="TTS-UK-OLD-0001")
    data["buyer"].update(display_name="Ruth Okafor", phone="+44 7700 900111")
    import_bundle(db, make_loaded(data))
    db.close()
    _migrate(url, "0006", "downgrade")
    con = sqlite3.connect(tmp_path / "old.db")
    assert not con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'case_search%'").fetchall()
    con.close()
    db = open_database(url)
    try:
        repo = Repository(db)
        for text in ("tts-uk-old", "okafor", "07700 900111", data["order"]["items"][0]["sku"]):
            assert [r.case_id for r in repo.list_cases(QueueQuery(text=text), 0, 5)] == ["TTS-UK-OLD-0001"], text
    finally:
        db.close()
