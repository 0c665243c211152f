"""Importing read bundles (:class:`arbiter.bundle.LoadedBundle`) into the database.

Two steps, so that the expensive one can run anywhere (in a worker process) and the cheap one in one writer:

1. :func:`prepare` re-checks what the bundle reader promised (``case_sha256``, every evidence file's hash) and
   turns the bundle into plain rows (:class:`PreparedBundle`): no database, picklable.
2. :func:`import_prepared` stores many prepared bundles in **one transaction**, each inside its own savepoint:
   a bundle that fails is rolled back to its savepoint (nothing of it stays) while the others are kept; a crash
   or an exception outside a savepoint rolls the whole transaction back (no case is ever half-imported). Rows
   are written with Core bulk inserts, and the audit chain head is read once per transaction.

:func:`import_bundle` is both steps for one bundle (one transaction), raising on any failure.

Concurrency (docs/storage.md, "Imports and revisions"): on PostgreSQL a transaction first takes an advisory lock
per case id of the batch (in sorted order, so two importers never deadlock), then ``SELECT ... FOR UPDATE`` on
the existing ``cases`` rows (ordered by id), then the audit lock: the same order as the repository's writers
(row lock, then audit lock). Two workstations importing the same case, or revisions of it, at the same moment
are serialised: one imports, the other sees its rows and says ``unchanged`` or stores the next revision. On
SQLite every write transaction is ``BEGIN IMMEDIATE``, which serialises them anyway.
"""
from __future__ import annotations

import getpass
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal

from sqlalchemy import Connection, bindparam, func, literal_column, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from arbiter.domain.model import Case
from arbiter.forensics.fingerprint import IMAGE_MEDIA_TYPES, fingerprints
from arbiter.store import audit, supplements
from arbiter.store.canonical import canonical_json, sha256_hex
from arbiter.store.db import Database
from arbiter.store.forensics import insert_fingerprints
from arbiter.store.models import (
    GENESIS_HASH,
    AuditEventModel,
    BlobModel,
    CaseModel,
    CaseRevisionModel,
    EvidenceModel,
    SupplementRequestModel,
)
from arbiter.store.party_history import party_values, store_parties
from arbiter.store.search import insert_entries, search_entries

log = logging.getLogger(__name__)

#: advisory-lock namespace (first int4 key) of the per-case import locks on PostgreSQL: "IMPC"
CASE_LOCK_NAMESPACE = 0x494D5043
#: a whole batch is retried this often when PostgreSQL reports a deadlock or a serialisation failure
PG_RETRIES = 3

ImportStatus = Literal["imported", "unchanged", "new_revision"]

_CASES = CaseModel.__table__
_REVISIONS = CaseRevisionModel.__table__
_EVIDENCE = EvidenceModel.__table__
_BLOBS = BlobModel.__table__
_AUDIT = AuditEventModel.__table__
_SUPPLEMENTS = SupplementRequestModel.__table__


@dataclass(frozen=True, slots=True)
class ImportResult:
    case_id: str
    revision: int
    status: ImportStatus
    case_pk: int


@dataclass(frozen=True, slots=True)
class PreparedBundle:
    """A checked bundle as plain rows: what the writer stores. Picklable (it crosses from a worker process)."""

    source: str
    source_name: str
    case_id: str
    case_sha256: str
    case_json: bytes
    columns: dict[str, Any]                      # the queue columns of ``cases``
    deadline: datetime                           # the review target
    evidence: tuple[dict[str, Any], ...]         # evidence rows without revision_pk
    blobs: dict[str, bytes] = field(repr=False)  # sha256 -> bytes of every evidence file
    ignored: tuple[str, ...] = ()
    search_keys: tuple[tuple[str, str], ...] = ()  # (kind, value) for case_search_keys (store/search.py)
    search_text: str = ""                          # the case's document for case_search_text
    #: the parsed case; None once the bundle crossed from a worker process (pickling it cost more than the
    #: writer's whole work per bundle): :meth:`parsed_case` parses it again when needed (rarely)
    case: Case | None = field(default=None, repr=False)
    #: sha256 -> perceptual fingerprints (issue 13) of the images that have none stored yet
    prints: dict[str, Any] = field(default_factory=dict, repr=False)
    parties: dict[str, Any] | None = None          # the case_parties row's values (party_history.party_values)
    extra: dict[str, Any] = field(default_factory=dict)  # what import hooks computed in prepare()

    @property
    def evidence_count(self) -> int:
        return len(self.evidence)

    def parsed_case(self) -> Case:
        if self.case is not None:
            return self.case
        from arbiter.bundle.reader import load_case_json

        return load_case_json(self.case_json)


#: Hooks other parts of the app add (e.g. perceptual hashes of the evidence images):
#: ``prepare(loaded) -> value`` runs beside the reader (possibly in a worker process; it must be registered at
#: import time of a module the worker imports, and its value must be picklable), stored in
#: ``PreparedBundle.extra[name]``; ``store(conn, prepared, case_pk, revision_pk)`` runs in the writer inside the
#: bundle's savepoint (an exception refuses just that bundle, leaving nothing of it).
@dataclass(frozen=True)
class ImportHook:
    name: str
    prepare: Callable[[Any], Any] | None = None
    store: Callable[[Connection, PreparedBundle, int, int], None] | None = None


IMPORT_HOOKS: list[ImportHook] = []


def register_import_hook(hook: ImportHook) -> None:
    IMPORT_HOOKS[:] = [h for h in IMPORT_HOOKS if h.name != hook.name] + [hook]


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers, services)
        return os.environ.get("USERNAME") or "unknown"


def review_deadline(case: Case) -> datetime:
    """When the review should be done: the case's policy's ``review_within`` after ``opened_at``, as the domain
    counts it (:func:`arbiter.domain.review.review_target`). No default: a case whose policy cannot be loaded or
    gives no usable review time is refused by the import (one clear line), never given a made-up target."""
    from arbiter.domain.review import review_target
    from arbiter.policies import load_policy

    return review_target(case, load_policy(case.platform.value, case.region))


def _check_bundle(loaded: Any, *, hashed: bool = False) -> dict[str, bytes]:
    """Re-check what the bundle reader promised; returns sha256 -> bytes of every evidence file. ``hashed``:
    the caller read the bundle itself with ``read_bundle`` a moment ago (which hashed every file), so the
    files' sha256 are not computed a second time."""
    case: Case = loaded.case
    if sha256_hex(loaded.case_json) != loaded.case_sha256:
        raise ValueError(f"{case.case_id}: case_sha256 does not match case_json")
    contents: dict[str, bytes] = {}
    for item in case.evidence:
        data = loaded.files.get(item.file)
        if data is None:
            raise ValueError(f"{case.case_id}: evidence {item.id}: file {item.file!r} missing from the bundle")
        if item.sha256 not in contents and not hashed and sha256_hex(data) != item.sha256:
            raise ValueError(f"{case.case_id}: evidence {item.id}: file {item.file!r} does not match its sha256")
        contents[item.sha256] = data
    return contents


#: fingerprints already computed in this process, by sha256 (the same photo in many bundles of one import, or
#: the same bundle again, is hashed once); bounded, oldest first out
_PRINTS_CACHE: dict[str, tuple[Any, ...]] = {}
_PRINTS_CACHE_SIZE = 4096

#: ``known(digests) -> the digests whose fingerprints are already stored`` (the import service passes one that
#: asks the database): content-addressed, a photo already fingerprinted is never decoded again
KnownPrints = Callable[[Sequence[str]], set[str]]


def _stored(known: KnownPrints | None, digests: Any) -> set[str]:
    """The digests ``known`` reports as fingerprinted already (none if it cannot tell)."""
    if not digests or known is None:
        return set()
    try:
        return set(known(sorted(digests)))
    except Exception:  # noqa: BLE001 - the check only saves work: without it, everything is fingerprinted
        log.debug("known-fingerprints lookup failed", exc_info=True)
        return set()


def _video_fingerprints(loaded: Any, known: KnownPrints | None = None) -> dict[str, tuple[Any, ...]]:
    """The videos' key-frame fingerprints (``arbiter.forensics.video``), unless every video of the bundle has
    its fingerprints stored already (a re-import, a new revision: no video is decoded again)."""
    from arbiter.forensics.video import VIDEO_MEDIA_TYPES, bundle_video_fingerprints

    videos = {item.sha256 for item in loaded.case.evidence if item.media_type in VIDEO_MEDIA_TYPES}
    stored = _stored(known, videos)
    if not videos or stored >= videos:
        return {}
    return {digest: prints for digest, prints in bundle_video_fingerprints(loaded).items() if digest not in stored}


def _bundle_fingerprints(loaded: Any, known: KnownPrints | None = None) -> dict[str, tuple[Any, ...]]:
    """sha256 -> fingerprints of the bundle's images that ``known`` does not report as stored already; a
    per-process cache by content hash in front (``arbiter.forensics.fingerprint.fingerprints`` computes)."""
    images: dict[str, bytes] = {}
    for item in loaded.case.evidence:
        if item.media_type in IMAGE_MEDIA_TYPES and item.sha256 not in images:
            data = loaded.files.get(item.file)
            if data is not None:
                images[item.sha256] = data
    out: dict[str, tuple[Any, ...]] = {}
    for digest in list(images):
        cached = _PRINTS_CACHE.get(digest)
        if cached is not None:
            out[digest] = cached
            del images[digest]
    for digest in _stored(known, images):
        images.pop(digest, None)
    for digest, data in images.items():
        prints = fingerprints(data)
        if len(_PRINTS_CACHE) >= _PRINTS_CACHE_SIZE:
            del _PRINTS_CACHE[next(iter(_PRINTS_CACHE))]
        _PRINTS_CACHE[digest] = prints
        out[digest] = prints
    return out


def case_columns(case: Case) -> dict[str, Any]:
    return {
        "platform": str(case.platform), "region": case.region, "language": case.language,
        "claim_type": str(case.claim.type), "amount": case.claim.amount, "currency": case.order.currency,
        "order_id": case.order.order_id, "opened_at": case.opened_at,
    }


def prepare(loaded: Any, *, known: KnownPrints | None = None, hashed: bool = False) -> PreparedBundle:
    """Check a read bundle and turn it into the rows to store (raises ValueError when it does not hold).
    ``known``: which image digests are fingerprinted already (those are not decoded); ``hashed``: the caller
    has just read the bundle with ``read_bundle`` (its files' sha256 are not computed twice)."""
    case: Case = loaded.case
    contents = _check_bundle(loaded, hashed=hashed)
    evidence = tuple({
        "evidence_id": item.id, "party": str(item.party), "submission": item.submission,
        "requested": item.requested, "kind": str(item.kind), "media_type": item.media_type, "sha256": item.sha256,
        "file_path": item.file, "size": len(contents[item.sha256]),
    } for item in case.evidence)
    extra = {hook.name: hook.prepare(loaded) for hook in IMPORT_HOOKS if hook.prepare is not None}
    data = getattr(loaded, "data", None)  # case.json as read_bundle decoded it, else decoded here
    search_keys, search_text = search_entries(data if data is not None else
                                              json.loads(bytes(loaded.case_json).decode("utf-8-sig")))
    prints = _bundle_fingerprints(loaded, known)  # perceptual hashes of the images (issue 13): in the worker
    prints.update(_video_fingerprints(loaded, known))   # key frames of videos (issue 13)
    return PreparedBundle(
        source=os.fspath(loaded.source),
        source_name=os.path.basename(os.fspath(loaded.source).rstrip("/\\"))[:255] or "bundle",
        case_id=case.case_id, case_sha256=loaded.case_sha256, case_json=bytes(loaded.case_json),
        columns=case_columns(case), deadline=review_deadline(case), evidence=evidence, blobs=contents,
        ignored=tuple(loaded.ignored), search_keys=search_keys, search_text=search_text, case=case,
        prints=prints, parties=party_values(case), extra=extra,
    )


_INSERT_AUDIT = _AUDIT.insert()


class _Chain:
    """The audit chain head inside one write transaction: read once (under the lock), then kept in memory."""

    def __init__(self, conn: Connection):
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(audit.AUDIT_LOCK_KEY)))
        self.refresh(conn)

    def refresh(self, conn: Connection) -> None:
        """Read the head again (after code that appends through :func:`audit.append_event`)."""
        head = conn.execute(select(_AUDIT.c.seq, _AUDIT.c.hash).order_by(_AUDIT.c.seq.desc()).limit(1)).first()
        self.head = (head[0], head[1]) if head else (0, GENESIS_HASH)

    def row(self, actor: str, action: str, payload: dict[str, Any], case_pk: int | None,
            at: datetime) -> dict[str, Any]:
        """The next event's row (the head moves on; insert it in this transaction)."""
        seq, prev_hash = self.head[0] + 1, self.head[1]
        payload_text = canonical_json(payload).decode("utf-8")
        digest = audit.event_hash(prev_hash, seq, at, actor, action, case_pk, payload_text)
        self.head = (seq, digest)
        return {"seq": seq, "at": at, "actor": actor, "action": action, "case_pk": case_pk, "payload": payload_text,
                "prev_hash": prev_hash, "hash": digest}

    def append(self, conn: Connection, actor: str, action: str, payload: dict[str, Any], case_pk: int | None,
               at: datetime) -> None:
        conn.execute(_INSERT_AUDIT, self.row(actor, action, payload, case_pk, at))


def _lock_cases(conn: Connection, case_ids: Sequence[str]) -> None:
    """PostgreSQL: serialise importers of the same case ids, and lock their rows before the audit lock."""
    if conn.dialect.name != "postgresql" or not case_ids:
        return
    ids = sorted(set(case_ids))
    lock = select(func.pg_advisory_xact_lock(literal_column(str(CASE_LOCK_NAMESPACE)), func.hashtext(bindparam("cid"))))
    for cid in ids:
        conn.execute(lock, {"cid": cid})
    for start in range(0, len(ids), 500):
        conn.execute(select(_CASES.c.id).where(_CASES.c.case_id.in_(ids[start:start + 500]))
                     .order_by(_CASES.c.id).with_for_update()).all()


# Statements built once (SQLAlchemy then caches their compiled form): per call only the parameters change.
_SELECT_CASE = select(_CASES.c.id, _CASES.c.latest_revision, _CASES.c.status).where(
    _CASES.c.case_id == bindparam("case_id"))
_SELECT_KNOWN = select(_REVISIONS.c.revision).where(
    _REVISIONS.c.case_pk == bindparam("case_pk"), _REVISIONS.c.case_sha256 == bindparam("case_sha256"))
_UPDATE_CASE = update(_CASES).where(_CASES.c.id == bindparam("pk_"))
_INSERT_CASE = _CASES.insert().returning(_CASES.c.id)
_INSERT_REVISION = _REVISIONS.insert().returning(_REVISIONS.c.id)
_INSERT_EVIDENCE = _EVIDENCE.insert()
_SELECT_CASES_IN = select(_CASES.c.id, _CASES.c.case_id, _CASES.c.latest_revision, _CASES.c.status).where(
    _CASES.c.case_id.in_(bindparam("ids", expanding=True)))
_SELECT_REVISIONS_IN = select(_REVISIONS.c.case_pk, _REVISIONS.c.case_sha256, _REVISIONS.c.revision).where(
    _REVISIONS.c.case_pk.in_(bindparam("pks", expanding=True)))
_INSERT_CASES = _CASES.insert()
_INSERT_REVISIONS = _REVISIONS.insert()
_SELECT_CASE_PKS = select(_CASES.c.case_id, _CASES.c.id).where(_CASES.c.case_id.in_(bindparam("ids", expanding=True)))
_SELECT_REVISION_PKS = select(_REVISIONS.c.case_pk, _REVISIONS.c.revision, _REVISIONS.c.id).where(
    _REVISIONS.c.case_pk.in_(bindparam("pks", expanding=True)))
_SELECT_BLOBS = select(_BLOBS.c.sha256).where(_BLOBS.c.sha256.in_(bindparam("digests", expanding=True)))
_INSERT_BLOB = {
    "postgresql": postgresql.insert(_BLOBS).on_conflict_do_nothing(index_elements=["sha256"]),
    "sqlite": sqlite.insert(_BLOBS).on_conflict_do_nothing(index_elements=["sha256"]),
}


def _put_blobs(conn: Connection, blobs: dict[str, bytes], now: datetime) -> int:
    if not blobs:
        return 0
    digests = sorted(blobs)
    found = set(conn.execute(_SELECT_BLOBS, {"digests": digests}).scalars())
    missing = [d for d in digests if d not in found]
    if missing:
        conn.execute(_INSERT_BLOB[conn.dialect.name],
                     [{"sha256": d, "size": len(blobs[d]), "data": blobs[d], "created_at": now} for d in missing])
    return len(missing)


def _put_search(conn: Connection, items: Sequence[tuple[int, PreparedBundle]], *, replace: bool) -> None:
    """The search entries of the newest revision (store/search.py): a new revision's replace the old ones."""
    insert_entries(conn, [(case_pk, p.search_keys, p.search_text) for case_pk, p in items], replace=replace)


def _put_forensics(conn: Connection, items: Sequence[tuple[int, int, PreparedBundle]]) -> None:
    """The images' fingerprints (computed in the workers; blobs already fingerprinted are skipped) and the party
    rows (issue 13), in bulk."""
    prints: dict[str, Any] = {}
    for _, _, p in items:
        prints.update(p.prints)
    insert_fingerprints(conn, prints)
    store_parties(conn, [(case_pk, revision, p.parties if p.parties is not None else party_values(p.parsed_case()))
                         for case_pk, revision, p in items])


def _store_one(session: Session, chain: _Chain, p: PreparedBundle, actor: str, now: datetime) -> ImportResult:
    conn = session.connection()
    row = conn.execute(_SELECT_CASE, {"case_id": p.case_id}).first()
    if row is not None:
        case_pk = row.id
        known = conn.execute(_SELECT_KNOWN, {"case_pk": case_pk, "case_sha256": p.case_sha256}).scalar()
        if known is not None:
            return ImportResult(p.case_id, known, "unchanged", case_pk)
        revision, status = row.latest_revision + 1, "new_revision"
        values = dict(p.columns, latest_revision=revision, updated_at=now, pk_=case_pk)
        if row.status in ("new", "in_review", "decided"):
            values["next_deadline_at"] = p.deadline
        conn.execute(_UPDATE_CASE, values)
    else:
        revision, status = 1, "imported"
        case_pk = conn.execute(_INSERT_CASE, dict(
            p.columns, case_id=p.case_id, latest_revision=1, status="new", next_deadline_at=p.deadline,
            imported_at=now, updated_at=now)).scalar_one()
    new_blobs = _put_blobs(conn, p.blobs, now)
    revision_pk = conn.execute(_INSERT_REVISION, {
        "case_pk": case_pk, "revision": revision, "case_sha256": p.case_sha256, "case_json": p.case_json,
        "source_name": p.source_name, "ignored": list(p.ignored), "imported_at": now, "imported_by": actor,
    }).scalar_one()
    if p.evidence:
        conn.execute(_INSERT_EVIDENCE, [dict(item, revision_pk=revision_pk) for item in p.evidence])
    _put_search(conn, [(case_pk, p)], replace=status == "new_revision")
    if status == "new_revision":  # open supplement requests this revision answers; the case may resume
        case_row = session.get(CaseModel, case_pk, populate_existing=True)
        supplements.resolve_with_revision(session, case_row, p.parsed_case(), p.case_json, revision, now, actor,
                                          p.deadline)
        chain.refresh(conn)  # it may have appended audit events
    _put_forensics(conn, [(case_pk, revision, p)])   # fingerprints, party row (issue 13)
    for hook in IMPORT_HOOKS:
        if hook.store is not None:
            hook.store(conn, p, case_pk, revision_pk)
    chain.append(conn, actor, "case.imported", _payload(p, revision, status, new_blobs), case_pk, now)
    return ImportResult(p.case_id, revision, status, case_pk)


def _payload(p: PreparedBundle, revision: int, status: str, new_blobs: int) -> dict[str, Any]:
    return {
        "case_id": p.case_id, "revision": revision, "status": status, "case_sha256": p.case_sha256,
        "source": p.source_name, "evidence": {item["evidence_id"]: item["sha256"] for item in p.evidence},
        "new_blobs": new_blobs, "ignored": list(p.ignored),
    }


def _chunks(items: Sequence[Any], size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _BundleByBundle(Exception):
    """The batch needs what only the bundle-by-bundle path does (e.g. resolving supplement requests)."""


def _store_all(session: Session, chain: _Chain, batch: Sequence[PreparedBundle], actor: str,
               now: datetime) -> list[ImportResult]:
    """The whole batch with a handful of bulk statements (the fast path). Same rows, same order, same audit
    events as :func:`_store_one` bundle after bundle; the case ids must be distinct. Raises on any failure
    (the caller then rolls the batch back to its savepoint and stores bundle by bundle)."""
    conn = session.connection()
    existing: dict[str, Any] = {}
    for ids in _chunks([p.case_id for p in batch]):
        existing.update((r.case_id, r) for r in conn.execute(_SELECT_CASES_IN, {"ids": ids}))
    known: dict[tuple[int, str], int] = {}
    for pks in _chunks([r.id for r in existing.values()]):
        known.update(((r.case_pk, r.case_sha256), r.revision) for r in conn.execute(_SELECT_REVISIONS_IN,
                                                                                    {"pks": pks}))
    stored: set[str] = set()
    for digests in _chunks(sorted({d for p in batch for d in p.blobs})):
        stored.update(conn.execute(_SELECT_BLOBS, {"digests": digests}).scalars())

    results: list[ImportResult | None] = [None] * len(batch)
    todo: list[list[Any]] = []          # [index, prepared, case_pk, revision, status]
    fresh: list[list[Any]] = []
    updates: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for i, p in enumerate(batch):
        row = existing.get(p.case_id)
        if row is None:
            item = [i, p, None, 1, "imported"]
            fresh.append(item)
        else:
            revision = known.get((row.id, p.case_sha256))
            if revision is not None:
                results[i] = ImportResult(p.case_id, revision, "unchanged", row.id)
                continue
            item = [i, p, row.id, row.latest_revision + 1, "new_revision"]
            values = dict(p.columns, latest_revision=item[3], updated_at=now, pk_=row.id)
            review = row.status in ("new", "in_review", "decided")
            if review:
                values["next_deadline_at"] = p.deadline
            updates[review].append(values)
        todo.append(item)
    revised = [item[2] for item in todo if item[4] == "new_revision"]
    for pks in _chunks(revised):
        if conn.execute(select(_SUPPLEMENTS.c.id).where(_SUPPLEMENTS.c.case_pk.in_(pks),
                                                        _SUPPLEMENTS.c.state == "open").limit(1)).first():
            raise _BundleByBundle("a new revision may answer open supplement requests")
    if fresh:
        # one executemany, then the ids by the unique case_id: INSERT ... RETURNING with the rows' order kept runs
        # row by row on SQLite (a statement per case)
        conn.execute(_INSERT_CASES, [dict(
            item[1].columns, case_id=item[1].case_id, latest_revision=1, status="new",
            next_deadline_at=item[1].deadline, imported_at=now, updated_at=now) for item in fresh])
        pks: dict[str, int] = {}
        for ids in _chunks([item[1].case_id for item in fresh]):
            pks.update((r.case_id, r.id) for r in conn.execute(_SELECT_CASE_PKS, {"ids": ids}))
        for item in fresh:
            item[2] = pks[item[1].case_id]
    for rows in updates.values():
        if rows:
            conn.execute(_UPDATE_CASE, rows)
    blob_rows: list[dict[str, Any]] = []
    new_blobs: dict[int, int] = {}
    for i, p, *_ in todo:
        added = [d for d in sorted(p.blobs) if d not in stored]
        stored.update(added)
        new_blobs[i] = len(added)
        blob_rows.extend({"sha256": d, "size": len(p.blobs[d]), "data": p.blobs[d], "created_at": now}
                         for d in added)
    if blob_rows:
        conn.execute(_INSERT_BLOB[conn.dialect.name], blob_rows)
    if todo:
        conn.execute(_INSERT_REVISIONS, [{
            "case_pk": case_pk, "revision": revision, "case_sha256": p.case_sha256, "case_json": p.case_json,
            "source_name": p.source_name, "ignored": list(p.ignored), "imported_at": now, "imported_by": actor,
        } for _, p, case_pk, revision, _ in todo])
        by_revision: dict[tuple[int, int], int] = {}   # (case_pk, revision) is unique
        for case_pks in _chunks(sorted({item[2] for item in todo})):
            by_revision.update(((r.case_pk, r.revision), r.id)
                               for r in conn.execute(_SELECT_REVISION_PKS, {"pks": case_pks}))
        revision_pks = [by_revision[(case_pk, revision)] for _, _, case_pk, revision, _ in todo]
        evidence = [dict(e, revision_pk=rpk) for (_, p, *_), rpk in zip(todo, revision_pks, strict=True)
                    for e in p.evidence]
        if evidence:
            conn.execute(_INSERT_EVIDENCE, evidence)
        replaced = [(case_pk, p) for _, p, case_pk, _, status in todo if status == "new_revision"]
        _put_search(conn, replaced, replace=True)
        _put_search(conn, [(case_pk, p) for _, p, case_pk, _, status in todo if status == "imported"],
                    replace=False)
        _put_forensics(conn, [(case_pk, revision, p) for _, p, case_pk, revision, _ in todo])   # (issue 13)
        for (i, p, case_pk, revision, status), rpk in zip(todo, revision_pks, strict=True):
            for hook in IMPORT_HOOKS:
                if hook.store is not None:
                    hook.store(conn, p, case_pk, rpk)
        conn.execute(_INSERT_AUDIT, [chain.row(actor, "case.imported", _payload(p, revision, status, new_blobs[i]),
                                               case_pk, now) for i, p, case_pk, revision, status in todo])
        for i, p, case_pk, revision, status in todo:
            results[i] = ImportResult(p.case_id, revision, status, case_pk)
    return results  # type: ignore[return-value]


def _retryable(exc: BaseException) -> bool:
    """A PostgreSQL deadlock or serialisation failure: the whole transaction may simply be run again."""
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return isinstance(exc, DBAPIError) and code in ("40P01", "40001")


def _write_batch(db: Database, prepared: Sequence[PreparedBundle], actor: str) -> list[ImportResult | Exception]:
    results: list[ImportResult | Exception] = []
    with db.session() as session:
        conn = session.connection()
        _lock_cases(conn, [p.case_id for p in prepared])
        chain = _Chain(conn)
        now = datetime.now(timezone.utc)
        if len(prepared) > 1 and len({p.case_id for p in prepared}) == len(prepared):
            savepoint = session.begin_nested()
            head = chain.head
            try:
                fast = _store_all(session, chain, prepared, actor, now)
            except Exception as exc:  # noqa: BLE001 - some bundle fails: store them one by one to find it
                if _retryable(exc) or not savepoint.is_active:
                    raise
                savepoint.rollback()
                chain.head = head
                log.info("bulk import of %d bundles failed (%s); storing them one by one", len(prepared), exc)
            else:
                savepoint.commit()
                return list(fast)
        for p in prepared:
            savepoint = session.begin_nested()
            head = chain.head
            try:
                result: ImportResult | Exception = _store_one(session, chain, p, actor, now)
            except Exception as exc:  # noqa: BLE001 - this bundle is refused; the batch goes on without it
                if _retryable(exc) or not savepoint.is_active:
                    raise
                savepoint.rollback()
                chain.head = head
                log.info("import of %s refused: %s", p.source, exc)
                result = exc
            else:
                savepoint.commit()  # if even this fails, the whole transaction is rolled back
            results.append(result)
    return results


def import_prepared(db: Database, prepared: Sequence[PreparedBundle], *,
                    actor: str | None = None) -> list[ImportResult | Exception]:
    """Store ``prepared`` bundles in one transaction, in order; one result per bundle: an :class:`ImportResult`,
    or the exception that refused it (nothing of it is stored). The results are committed when this returns.

    Two bundles of the same case in one batch are numbered in their order (the second sees the first). A
    failure of the transaction itself (not of one bundle) raises, and nothing of the batch is stored; on
    PostgreSQL a deadlock or a serialisation failure is retried first."""
    if not prepared:
        return []
    actor = actor or default_actor()
    for attempt in range(PG_RETRIES + 1):
        try:
            return _write_batch(db, prepared, actor)
        except DBAPIError as exc:
            if not _retryable(exc) or attempt == PG_RETRIES:
                raise
            log.info("import batch retried after %s", exc.orig)
    raise AssertionError("unreachable")  # pragma: no cover


def import_bundle(db: Database, loaded: Any, *, actor: str | None = None) -> ImportResult:
    """Store a bundle returned by ``read_bundle``: a new case, a new revision of a known case (different
    case.json), or nothing at all when this exact case.json is already stored (status ``unchanged``).
    One transaction; raises (storing nothing) when the bundle does not hold or cannot be stored."""
    [result] = import_prepared(db, [prepare(loaded)], actor=actor)
    if isinstance(result, Exception):
        raise result
    return result


__all__ = ["ImportHook", "ImportResult", "PreparedBundle", "import_bundle", "import_prepared", "prepare",
           "register_import_hook", "review_deadline"]
