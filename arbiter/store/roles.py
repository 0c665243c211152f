"""Database roles of a team on PostgreSQL: what a reviewer's and a supervisor's connections may write.

Two group roles (NOLOGIN), ``arbiter_reviewer`` and ``arbiter_supervisor``; each person logs in as their own
role, a member of one of them (``CREATE ROLE alice LOGIN IN ROLE arbiter_reviewer``). The database itself then
refuses what the role may not do, whatever program is connected:

- a reviewer cannot write supervisor actions (``supervisor_reviews``), QA samples, team settings or the
  ``users`` table; it reads everything and writes its own work (cases, drafts, leases, verdicts, audit events);
- a reviewer reads only which cases are gold (``gold_cases``: id, case, supersedes, withdrawn), never their
  expected answers, and cannot mark or change gold cases;
- a supervisor may in addition write those; nobody but the owner may DELETE or TRUNCATE anything, and the
  append-only tables refuse UPDATE and DELETE by trigger even to the owner's ordinary statements.

:func:`apply_grants` runs after every migration on PostgreSQL (``arbiter.store.db``), as the schema owner:
it creates the two group roles if they are missing and the owner may create roles, then grants on every table
of the schema, so tables added by later migrations are covered. A table not named below gets
``SELECT, INSERT, UPDATE`` for both roles (the rights the documented ``arbiter_app`` role had).
"""
from __future__ import annotations

import logging

from sqlalchemy import Connection, text

log = logging.getLogger(__name__)

REVIEWER_ROLE = "arbiter_reviewer"
SUPERVISOR_ROLE = "arbiter_supervisor"

_READ = ("SELECT",)
_APPEND = ("SELECT", "INSERT")
_WRITE = ("SELECT", "INSERT", "UPDATE")

#: table -> (reviewer's privileges, supervisor's privileges)
PRIVILEGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "alembic_version": (_READ, _READ),
    "cases": (_WRITE, _WRITE),
    "case_revisions": (_APPEND, _APPEND),
    "evidence": (_APPEND, _APPEND),
    "blobs": (_APPEND, _APPEND),
    "drafts": (_WRITE, _WRITE),
    "verdicts": (_APPEND, _APPEND),
    "audit_events": (_APPEND, _APPEND),
    "case_leases": (_WRITE, _WRITE),
    "users": (_READ, _WRITE),
    "supervisor_reviews": (_READ, _APPEND),
    "qa_samples": (_READ, _APPEND),
    "qa_sample_items": (_READ, _APPEND),
    "team_settings": (_READ, _WRITE),
    # trust (issue 11): registering key cards is a supervisor's act; heads and notice exports are appended by all
    "signing_keys": (_READ, _WRITE),
    "chain_heads": (_APPEND, _APPEND),
    "notice_exports": (_APPEND, _APPEND),
    # calibration and appeals (issue 12, parts 6-7): gold cases are the supervisor's; a reviewer's role may read
    # which cases are gold (the notice gate holds their notices) but never the expected answers
    "gold_cases": (("SELECT (id, case_pk, supersedes_id, withdrawn)",), _APPEND),
    "case_appeals": (_APPEND, _APPEND),
}
DEFAULT_PRIVILEGES = (_WRITE, _WRITE)
GRANTS_LOCK_KEY = 0x524F4C45  # "ROLE"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def apply_grants(conn: Connection) -> bool:
    """Create the group roles if needed and grant them their rights on this schema's tables. Returns False
    (and changes nothing) when the roles do not exist and the connected role may not create them."""
    conn.execute(text(f"SELECT pg_advisory_xact_lock({GRANTS_LOCK_KEY})"))  # two workstations migrating at once
    can_create = conn.execute(text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
    existing = set(conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname IN (:a, :b)"),
                                {"a": REVIEWER_ROLE, "b": SUPERVISOR_ROLE}).scalars())
    for role in (REVIEWER_ROLE, SUPERVISOR_ROLE):
        if role in existing:
            continue
        if not can_create:
            log.warning("role %s does not exist and %s may not create roles: team roles not set up",
                        role, conn.execute(text("SELECT current_user")).scalar())
            return False
        # another workstation may create it at the same moment: tolerate that
        conn.execute(text(
            f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"))
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    tables = list(conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")).scalars())
    for role in (REVIEWER_ROLE, SUPERVISOR_ROLE):
        conn.execute(text(f"GRANT USAGE ON SCHEMA {_quote(schema)} TO {role}"))
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_quote(schema)} TO {role}"))
    for table in tables:
        reviewer, supervisor = PRIVILEGES.get(table, DEFAULT_PRIVILEGES)
        for role, privileges in ((REVIEWER_ROLE, reviewer), (SUPERVISOR_ROLE, supervisor)):
            conn.execute(text(f"REVOKE ALL ON {_quote(schema)}.{_quote(table)} FROM {role}"))
            conn.execute(text(f"GRANT {', '.join(privileges)} ON {_quote(schema)}.{_quote(table)} TO {role}"))
    return True


def connection_role(conn: Connection) -> str | None:
    """``reviewer``, ``supervisor`` or None (the owner, or a role in neither group) for this connection."""
    if conn.dialect.name != "postgresql":
        return None
    row = conn.execute(text(
        "SELECT pg_has_role(current_user, :s, 'MEMBER'), pg_has_role(current_user, :r, 'MEMBER') "
        "FROM pg_roles WHERE rolname = :s"), {"s": SUPERVISOR_ROLE, "r": REVIEWER_ROLE}).first()
    if row is None:
        return None
    if row[0]:
        return "supervisor"
    return "reviewer" if row[1] else None
