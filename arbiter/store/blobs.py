"""Content-addressed evidence bytes in the ``blobs`` table (primary key = sha256 hex of the bytes)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from arbiter.store.canonical import sha256_hex
from arbiter.store.models import BlobModel


def existing_blobs(session: Session, digests: Iterable[str]) -> set[str]:
    digests = sorted(set(digests))
    found: set[str] = set()
    for start in range(0, len(digests), 500):
        chunk = digests[start:start + 500]
        found.update(session.scalars(select(BlobModel.sha256).where(BlobModel.sha256.in_(chunk))))
    return found


def put_blobs(session: Session, contents: Mapping[str, bytes]) -> list[str]:
    """Store every ``sha256 -> bytes`` not stored yet; returns the digests actually inserted. Each digest is
    checked against its bytes first (ValueError on a mismatch). Racing writers on PostgreSQL are harmless
    (ON CONFLICT DO NOTHING)."""
    for digest, data in contents.items():
        actual = sha256_hex(data)
        if actual != digest:
            raise ValueError(f"blob {digest}: bytes hash to {actual}")
    missing = sorted(set(contents) - existing_blobs(session, contents))
    now = datetime.now(timezone.utc)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for digest in missing:
        data = contents[digest]
        stmt = insert(BlobModel).values(sha256=digest, size=len(data), data=data, created_at=now)
        session.execute(stmt.on_conflict_do_nothing(index_elements=["sha256"]))
    return missing


def read_blob(session: Session, digest: str) -> bytes | None:
    return session.scalar(select(BlobModel.data).where(BlobModel.sha256 == digest))
