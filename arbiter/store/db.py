"""Opening the database: engine, SQLite pragmas, Alembic migrations to head on open, sessions.

``open_database(url)`` accepts any SQLAlchemy URL the store supports: ``sqlite:///path/to/file.db`` (the folder is
created), ``sqlite://`` (in memory, for experiments) and ``postgresql+psycopg://user@host/db``.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    # up to 64 MiB of pages kept per connection (the default, 2 MiB, holds little of a million-case queue's
    # indexes: each search and count re-read its pages from the OS, most of its time in system calls;
    # docs/storage.md, "Measured"). Allocated as pages are read: a small database uses little.
    "PRAGMA cache_size=-65536",
)
SUPPORTED_BACKENDS = ("sqlite", "postgresql")


class DatabaseError(Exception):
    """The database cannot be opened or migrated (the message says why)."""


def alembic_config() -> Config:
    """An Alembic config without alembic.ini: the package's migrations folder."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _sqlite_file(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().resolve()


def _install_sqlite_events(engine: Engine) -> None:
    # Python's sqlite3 opens transactions late and not before DDL: take transaction control ourselves (the
    # SQLAlchemy recipe), so that one session = one real transaction, migrations included.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        for pragma in SQLITE_PRAGMAS:
            dbapi_connection.execute(pragma).fetchall()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writers take the write lock up front: a deferred transaction that reads, then writes after another
        # process has committed fails with SQLITE_BUSY_SNAPSHOT, which busy_timeout does not retry.
        if conn.get_execution_options().get("arbiter_readonly"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def _make_engine(url: URL, *, for_migration: bool = False) -> Engine:
    if url.get_backend_name() == "sqlite":
        if _sqlite_file(url) is None:
            engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        elif for_migration:
            engine = create_engine(url, poolclass=NullPool)
        else:
            engine = create_engine(url, connect_args={"check_same_thread": False})
        _install_sqlite_events(engine)
        return engine
    if for_migration:
        return create_engine(url, poolclass=NullPool)
    return create_engine(url, pool_pre_ping=True)


def _backup_sqlite(path: Path, current: str | None, head: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{current or 'unversioned'}-to-{head}.{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("backed up %s to %s before migrating %s -> %s", path, target, current, head)
    return target


def _create_private(path: Path) -> None:
    """A new SQLite file and the folders made for it are owner-only (0600 / 0700): the database holds personal
    data (phone numbers, addresses). SQLite gives its -wal and -shm files the database file's mode. Existing
    files and folders are left as they are."""
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        try:
            os.chmod(folder, 0o700)  # mkdir's mode is reduced by the umask
        except OSError:  # pragma: no cover
            pass
    if not path.exists():
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            os.chmod(path, 0o600)
        except FileExistsError:  # created meanwhile by another process
            pass


class Database:
    """An open, migrated database. ``session()`` is the only way in; see :mod:`arbiter.store.repository`."""

    def __init__(self, url: URL, engine: Engine):
        self.url = url
        self.engine = engine
        self.backend: str = url.get_backend_name()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(arbiter_readonly=True), expire_on_commit=False)
        self.backup_path: Path | None = None

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends normally, rolled back on any exception.
        ``readonly=True`` never commits (and on SQLite does not take the write lock)."""
        factory = self._read_sessions if readonly else self._sessions
        session = factory()
        try:
            yield session
            if readonly:
                session.rollback()
            else:
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    dispose = close


def _upgrade(url: URL, main_engine: Engine) -> Path | None:
    cfg = alembic_config()
    head = head_revision()
    with main_engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        has_tables = bool(inspect(conn).get_table_names())
        conn.rollback()
    if current == head:
        return None
    backup = None
    sqlite_path = _sqlite_file(url) if url.get_backend_name() == "sqlite" else None
    if sqlite_path is not None and has_tables:
        backup = _backup_sqlite(sqlite_path, current, head)
    if sqlite_path is None and url.get_backend_name() == "sqlite":
        migration_engine = main_engine  # in memory: the StaticPool connection is the database
    else:
        migration_engine = _make_engine(url, for_migration=True)
    try:
        with migration_engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        if url.get_backend_name() == "postgresql":  # the team's roles cover every table, new ones too
            from arbiter.store.roles import apply_grants

            with migration_engine.begin() as conn:
                apply_grants(conn)
    finally:
        if migration_engine is not main_engine:
            migration_engine.dispose()
    log.info("migrated %s from %s to %s", url.render_as_string(hide_password=True), current, head)
    return backup


def open_database(url: str | URL) -> Database:
    """Open (creating if needed) the database at ``url`` and migrate it to the newest schema.

    An existing, non-empty SQLite file is copied beside itself (``<file>.<from>-to-<to>.<UTC stamp>.bak``, via
    sqlite3's backup API) before any migration touches it.
    """
    url = make_url(url)
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise DatabaseError(f"unsupported database {backend!r}: use sqlite:///FILE or postgresql+psycopg://...")
    if backend == "sqlite":
        path = _sqlite_file(url)
        if path is not None:
            _create_private(path)
    engine = _make_engine(url)
    try:
        db = Database(url, engine)
        db.backup_path = _upgrade(url, engine)
    except BaseException:
        engine.dispose()
        raise
    return db
