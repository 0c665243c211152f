"""Audit chain heads remembered outside the database (docs/trust.md, "Deleting the newest events").

After every write this workstation commits, the new audit chain head is appended to
``<data folder>/chain-heads.json`` under the database's genesis hash (the hash of audit event 1, which every copy
of the database shares); heads that left the database (signatures, packages, notices) are kept there too. ``arbiter verify`` checks that each head remembered for the
database is still in its chain: whoever deletes the newest events (and the ``chain_heads`` rows) with the file
in hand still has to reach this file too. Written after the transaction commits, never for one rolled back.
"""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from arbiter.store.models import AuditEventModel

log = logging.getLogger(__name__)

FILE_NAME = "chain-heads.json"
KEEP = 200  # heads kept per database (the newest; one that is still there vouches for all before it)


def heads_file() -> Path:
    from arbiter.paths import data_dir

    return data_dir() / FILE_NAME


def genesis(session: Session) -> str | None:
    return session.scalar(select(AuditEventModel.hash).where(AuditEventModel.seq == 1))


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def remember(session: Session, head: tuple[int, str], reason: str, detail: str) -> None:
    key = genesis(session)
    if key is None:
        return
    pending = session.info.setdefault("arbiter_heads", [])
    if not pending:
        event.listen(session, "after_commit", _write_pending, once=True)
        event.listen(session, "after_rollback", lambda s: s.info.pop("arbiter_heads", None), once=True)
    pending.append((key, head[0], head[1], reason, detail))


def _write_pending(session: Session) -> None:
    pending = session.info.pop("arbiter_heads", None)
    if not pending:
        return
    try:
        path = heads_file()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = _load(path)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        for key, seq, digest, reason, detail in pending:
            entries = data.setdefault(key, [])
            entries.append({"seq": seq, "hash": digest, "at": now, "reason": reason, "detail": detail[:200]})
            del entries[:-KEEP]
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(data, indent=0, sort_keys=True), "utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:  # never fail a committed write for this; verify still has the chain_heads table
        log.warning("could not remember the audit chain head: %s", exc)


def remembered(session: Session) -> list[dict]:
    """The heads remembered outside the database for this database (by its genesis hash)."""
    key = genesis(session)
    if key is None:
        return []
    entries = _load(heads_file()).get(key, [])
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("seq"), int)]
