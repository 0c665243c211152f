"""The audit log: an append-only hash chain (see docs/storage.md, "Audit chain").

``hash = sha256(canonical_json([prev_hash, seq, at, actor, action, case_pk, payload]))`` where ``at`` is the UTC
ISO 8601 timestamp with microseconds and ``payload`` the stored canonical JSON text. The first event's
``prev_hash`` is 64 zeros. Appending reads the chain head and inserts ``seq + 1`` in the caller's transaction;
concurrent appenders cannot fork the chain (``seq`` is the primary key and ``prev_hash`` is unique), and on
PostgreSQL an advisory lock makes them wait instead of failing.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from arbiter.store.canonical import canonical_json, sha256_hex
from arbiter.store.models import GENESIS_HASH, AuditEventModel

AUDIT_LOCK_KEY = 0x41554454  # "AUDT"


def event_hash(prev_hash: str, seq: int, at: datetime, actor: str, action: str, case_pk: int | None,
               payload: str) -> str:
    at_text = at.astimezone(timezone.utc).isoformat(timespec="microseconds")
    return sha256_hex(canonical_json([prev_hash, seq, at_text, actor, action, case_pk, payload]))


def append_event(session: Session, actor: str, action: str, payload: dict[str, Any],
                 case_pk: int | None = None, at: datetime | None = None) -> AuditEventModel:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(AUDIT_LOCK_KEY)))
    head = session.execute(
        select(AuditEventModel.seq, AuditEventModel.hash).order_by(AuditEventModel.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (head[0] + 1, head[1]) if head else (1, GENESIS_HASH)
    at = at or datetime.now(timezone.utc)
    payload_text = canonical_json(payload).decode("utf-8")
    row = AuditEventModel(
        seq=seq, at=at, actor=actor, action=action, case_pk=case_pk, payload=payload_text, prev_hash=prev_hash,
        hash=event_hash(prev_hash, seq, at, actor, action, case_pk, payload_text),
    )
    session.add(row)
    session.flush()
    from arbiter.store import heads  # remembered outside the database after commit (docs/trust.md)

    heads.remember(session, (seq, row.hash), action, str(payload.get("case_id") or ""))
    return row


def verify_chain(session: Session) -> list[str]:
    """Problems found walking the whole chain in order; empty when intact."""
    problems: list[str] = []
    expected_seq, prev_hash = 1, GENESIS_HASH
    rows = session.execute(select(AuditEventModel).order_by(AuditEventModel.seq).execution_options(yield_per=500))
    for row in rows.scalars():
        if row.seq != expected_seq:
            problems.append(f"audit event {row.seq}: expected sequence number {expected_seq} (events missing)")
        if row.prev_hash != prev_hash:
            problems.append(f"audit event {row.seq}: prev_hash does not match the hash of the event before it")
        actual = event_hash(row.prev_hash, row.seq, row.at, row.actor, row.action, row.case_pk, row.payload)
        if actual != row.hash:
            problems.append(f"audit event {row.seq}: hash mismatch (the row was modified)")
        try:
            json.loads(row.payload)
        except ValueError:
            problems.append(f"audit event {row.seq}: payload is not valid JSON")
        expected_seq, prev_hash = row.seq + 1, row.hash
    return problems
