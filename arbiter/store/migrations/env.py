"""Alembic environment of the arbiter store. Run only through :func:`arbiter.store.db.open_database`
(``config.attributes["connection"]`` is required; there is no alembic.ini and no offline mode).

SQLite: ``PRAGMA foreign_keys=OFF`` is sent before the migration transaction begins (inside a transaction it
would do nothing), every change is rendered in batch mode (table copies), the whole upgrade is one transaction,
and ``PRAGMA foreign_key_check`` must come back empty before it commits.
PostgreSQL: an advisory lock serialises workstations that open the same database at the same moment.
"""
from __future__ import annotations

from alembic import context

from arbiter.store.models import Base

MIGRATION_LOCK_KEY = 0x41524249  # "ARBI": pg_advisory_xact_lock key for migrations

config = context.config
target_metadata = Base.metadata


def _driver_execute(connection, sql: str) -> None:
    """Run ``sql`` on the DBAPI connection directly, outside any SQLAlchemy transaction (autocommit)."""
    if connection.in_transaction():
        raise RuntimeError(f"{sql!r} must run outside a transaction")
    connection.connection.driver_connection.execute(sql)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("arbiter migrations run through arbiter.store.open_database(url), not the alembic CLI")
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _driver_execute(connection, "PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            transactional_ddl=True,
            compare_type=True,
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
            context.run_migrations()
            if sqlite:
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"foreign key check failed after migration: {problems[:10]!r}")
    finally:
        if sqlite and not connection.in_transaction():
            _driver_execute(connection, "PRAGMA foreign_keys=ON")


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported")
run_migrations_online()
