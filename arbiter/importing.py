"""The one import service: ``arbiter import`` and the workstation's import dialog both call :func:`import_bundles`.

Reading and checking a bundle (unzip, parse, hash, media checks: :func:`arbiter.bundle.read_bundle` and
:func:`arbiter.store.importer.prepare`) is the expensive part, so with many bundles it runs in worker processes
while this process writes: one writer, many bundles per transaction, a savepoint each
(:func:`arbiter.store.importer.import_prepared`). Outcomes are reported in the order the bundles were given, and
only once their transaction is committed: what the caller prints or shows is what the database holds, even if
the process dies a moment later.

No Qt, no printing: the caller passes callbacks (``on_outcome``, ``on_progress``) and a ``cancelled`` test.
"""
from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BUNDLE_SUFFIX = ".arbcase"

IMPORTED, UNCHANGED, NEW_REVISION, REFUSED, SKIPPED = "imported", "unchanged", "new_revision", "refused", "skipped"
#: stages at which a bundle can be refused: reading/checking it, or storing it
READ, STORE = "read", "store"

#: below this many bundles everything runs in this process (starting workers costs more than it saves): a
#: forked worker starts at once, a spawned one (the workstation, macOS, Windows) imports the app first, seconds
#: on a busy machine
MIN_BUNDLES_FOR_WORKERS = 24
MIN_BUNDLES_FOR_SPAWNED_WORKERS = 300
#: a transaction is committed after this many bundles, this many bytes of evidence, or this many seconds
BATCH_BUNDLES = 256
BATCH_BYTES = 64 * 1024 * 1024
BATCH_SECONDS = 1.0
#: bundles per task of a worker process (fewer when they are big), tasks in flight per worker, and the bundles'
#: size on disk in flight at most: memory stays bounded, and the workers keep reading while the writer commits
TASK_BUNDLES = 8
TASK_BYTES = 16 * 1024 * 1024
WINDOW_TASKS = 4
WINDOW_BYTES = 192 * 1024 * 1024


@dataclass(frozen=True)
class BundleOutcome:
    """What happened to one bundle."""

    source: str                  # the path as given
    status: str                  # imported / unchanged / new_revision / refused / skipped
    case_id: str | None = None
    revision: int | None = None
    case_pk: int | None = None
    reason: str = ""             # why it was refused: one line, in English (the bundle reader's message)
    ignored: tuple[str, ...] = ()
    evidence_count: int = 0
    stage: str = ""              # refused: READ (the bundle is malformed or unreadable) or STORE
    bundle_error: bool = False   # refused by the bundle reader's checks (BundleError), not by an accident

    @property
    def name(self) -> str:
        return Path(self.source).name or self.source


@dataclass
class ImportSummary:
    imported: int = 0
    unchanged: int = 0
    new_revisions: int = 0
    refused: int = 0
    skipped: int = 0
    outcomes: list[BundleOutcome] = field(default_factory=list, repr=False)

    def add(self, outcome: BundleOutcome) -> None:
        self.outcomes.append(outcome)
        attr = {IMPORTED: "imported", UNCHANGED: "unchanged", NEW_REVISION: "new_revisions", REFUSED: "refused",
                SKIPPED: "skipped"}[outcome.status]
        setattr(self, attr, getattr(self, attr) + 1)

    def line(self) -> str:
        """``summary: 3 imported, 1 unchanged, 0 new revisions, 1 refused`` (+ ``, 2 skipped`` if cancelled)."""
        text = (f"summary: {self.imported} imported, {self.unchanged} unchanged, {self.new_revisions} new "
                f"revision{'' if self.new_revisions == 1 else 's'}, {self.refused} refused")
        return text + (f", {self.skipped} skipped" if self.skipped else "")


def is_bundle_candidate(path: Path) -> bool:
    return path.suffix.lower() == BUNDLE_SUFFIX or path.is_dir()


def collect_bundles(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The bundles named by ``paths``: a ``.arbcase`` file or a bundle folder (with ``case.json``) as it is; any
    other folder contributes the ``.arbcase`` files and bundle folders directly inside it. A folder with no
    bundle at all is kept, so that it is reported as refused rather than silently dropped."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not (path / "case.json").exists():
            inside = sorted(p for p in path.iterdir()
                            if (p.is_file() and p.suffix.lower() == BUNDLE_SUFFIX)
                            or (p.is_dir() and (p / "case.json").exists()))
            found.extend(inside if inside else [path])
        else:
            found.append(path)
    unique: list[Path] = []
    seen: set[str] = set()
    for path in found:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _one_line(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    lines = str(message).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


@dataclass(frozen=True)
class _Read:
    """A bundle read and checked (``prepared``), or why not. Crosses from a worker process."""

    source: str
    prepared: Any = None                 # arbiter.store.importer.PreparedBundle
    reason: str = ""
    stage: str = ""
    bundle_error: bool = False


def read_and_prepare(source: str, known: Callable[[Sequence[str]], set[str]] | None = None) -> _Read:
    """Read, check and prepare one bundle; never raises (runs in a worker process). ``known(digests)``: which
    images already have stored fingerprints (not decoded again); in a worker, the one its initializer opened."""
    from arbiter.bundle import BundleError, read_bundle
    from arbiter.store.importer import prepare

    if known is None:
        known = _WORKER_KNOWN

    try:
        loaded = read_bundle(source)
    except BundleError as exc:
        return _Read(source, reason=exc.message, stage=READ, bundle_error=True)
    except Exception as exc:  # noqa: BLE001 - an unreadable file is a refusal, not a crash
        log.warning("reading bundle %s failed", source, exc_info=True)
        return _Read(source, reason=_one_line(exc), stage=READ)
    try:
        prepared = prepare(loaded, known=known, hashed=True)
    except Exception as exc:  # noqa: BLE001
        return _Read(source, reason=_one_line(exc), stage=STORE)
    if _IN_WORKER:  # the parsed case is not sent back: pickling it costs more than the writer's work per bundle
        prepared = dataclasses.replace(prepared, case=None)
    return _Read(source, prepared=prepared)


def known_prints(engine: Any) -> Callable[[Sequence[str]], set[str]]:
    """``known(digests)`` over ``engine``: the digests whose fingerprints are stored (a short read-only
    transaction each time: on SQLite (WAL) it never waits for the writer, nor makes it wait)."""
    from arbiter.store.forensics import fingerprinted

    readonly = engine.execution_options(arbiter_readonly=True)

    def known(digests: Sequence[str]) -> set[str]:
        with readonly.connect() as conn:
            return fingerprinted(conn, digests)

    return known


_IN_WORKER = False
_WORKER_KNOWN: Callable[[Sequence[str]], set[str]] | None = None


def _worker_init(url: Any = None) -> None:
    """A worker process: no Ctrl+C of its own (the parent handles it, no tracebacks from workers), and its own
    connection to the database for :func:`known_prints` (never the parent's: a forked pool is not shareable)."""
    global _IN_WORKER, _WORKER_KNOWN
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _IN_WORKER = True
    if url is not None:
        try:
            from arbiter.store.db import _make_engine

            _WORKER_KNOWN = known_prints(_make_engine(url))
        except Exception:  # noqa: BLE001 - no lookup: every image is fingerprinted (the writer skips stored ones)
            log.debug("no database connection in the import worker", exc_info=True)


def _shareable_url(db: Any) -> Any:
    """The database's URL if another process can open it (not an in-memory SQLite database), else None."""
    url = getattr(db, "url", None)
    if url is None:
        return None
    if url.get_backend_name() == "sqlite":
        from arbiter.store.db import _sqlite_file

        return url if _sqlite_file(url) is not None else None
    return url


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _pool_context():
    # fork is quick (the modules are already imported) but safe only without other threads; the workstation
    # has Qt's threads, macOS and Windows have no safe fork: spawn there
    if sys.platform.startswith("linux") and threading.active_count() == 1 and not getattr(sys, "frozen", False):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _disk_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def read_and_prepare_many(sources: Sequence[str]) -> list[_Read]:
    """:func:`read_and_prepare` for a few bundles at once: one task of a worker process (each task costs the
    pool's machinery, two threads and two pipes, about as much as reading a small bundle)."""
    return [read_and_prepare(source) for source in sources]


class _Reader:
    """Reads bundles in order: in this process, or through a pool of worker processes (a bounded window of
    bundles in flight, so memory stays bounded when the writer is the slower side; a few bundles per task)."""

    def __init__(self, sources: Sequence[str], workers: int, db: Any = None):
        self._sources = deque(sources)
        self._known = known_prints(db.engine) if db is not None else None
        self._pool: ProcessPoolExecutor | None = None
        self._window: deque[tuple[list[str], int, Future]] = deque()
        self._in_flight = 0
        self._ready: deque[_Read] = deque()
        context = _pool_context()
        enough = MIN_BUNDLES_FOR_WORKERS if context.get_start_method() == "fork" else MIN_BUNDLES_FOR_SPAWNED_WORKERS
        if workers > 1 and len(sources) >= enough:
            try:
                self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init,
                                                 initargs=(_shareable_url(db),))
                # smaller tasks when there are few bundles (every worker gets some), else TASK_BUNDLES
                self._chunk = max(1, min(TASK_BUNDLES, len(sources) // (workers * 4)))
                self._limit = workers * WINDOW_TASKS
            except Exception:  # noqa: BLE001 - no processes here (sandbox, frozen oddities): read in-process
                log.warning("no worker processes; reading bundles in this process", exc_info=True)
                self._pool = None

    def _fill(self) -> None:
        while (self._pool is not None and self._sources and len(self._window) < self._limit
               and (not self._window or self._in_flight < WINDOW_BYTES)):
            task: list[str] = []
            size = 0
            while self._sources and len(task) < self._chunk and (not task or size < TASK_BYTES):
                task.append(self._sources.popleft())
                size += _disk_size(task[-1])
            self._in_flight += size
            self._window.append((task, size, self._pool.submit(read_and_prepare_many, task)))

    def next(self) -> _Read | None:
        if self._ready:
            return self._ready.popleft()
        if self._pool is not None:
            self._fill()
            if self._window:
                task, size, future = self._window[0]
                try:
                    results = future.result()
                except Exception:  # noqa: BLE001 - a broken pool (a worker killed, no way to start one)
                    log.warning("the import's worker processes failed; reading in this process", exc_info=True)
                    self._sources.extendleft(reversed([src for task, _, _ in self._window for src in task]))
                    self._window.clear()
                    self.close()
                else:
                    self._window.popleft()
                    self._in_flight -= size
                    self._fill()
                    self._ready.extend(results)
                    return self._ready.popleft()
        return read_and_prepare(self._sources.popleft(), self._known) if self._sources else None

    def stop(self) -> None:
        """Read nothing more: the bundles in flight are dropped (the caller reports them skipped)."""
        for _, _, future in self._window:
            future.cancel()
        self._window.clear()
        self._ready.clear()
        self._sources.clear()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def import_bundles(db: Any, sources: Sequence[str | os.PathLike], *, actor: str | None = None,
                   on_outcome: Callable[[BundleOutcome], None] | None = None,
                   on_progress: Callable[[int, int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   workers: int | None = None) -> ImportSummary:
    """Import ``sources`` (bundle paths, as given) in order into ``db``.

    ``on_outcome(outcome)`` is called once per bundle, in the order given, after its transaction committed;
    ``on_progress(done, total, name)`` after each bundle has been read and checked. When ``cancelled()`` turns
    true, the bundles read so far are stored and the rest are reported ``skipped``. Returns the summary.
    """
    from arbiter.store.importer import import_prepared

    names = [os.fspath(s) for s in sources]
    total = len(names)
    summary = ImportSummary()
    pending: list[_Read] = []          # read, in order, not written yet (refusals wait their turn too)
    pending_bytes = 0
    batch_started = 0.0
    done = 0

    def emit(outcome: BundleOutcome) -> None:
        summary.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    def flush() -> None:
        nonlocal pending, pending_bytes
        good = [r.prepared for r in pending if r.prepared is not None]
        results = iter(import_prepared(db, good, actor=actor)) if good else iter(())
        for read in pending:
            if read.prepared is None:
                emit(BundleOutcome(read.source, REFUSED, reason=read.reason, stage=read.stage,
                                   bundle_error=read.bundle_error))
                continue
            p = read.prepared
            result = next(results)
            if isinstance(result, Exception):
                emit(BundleOutcome(read.source, REFUSED, case_id=p.case_id, reason=_one_line(result), stage=STORE,
                                   evidence_count=p.evidence_count))
            else:
                emit(BundleOutcome(read.source, str(result.status), case_id=result.case_id,
                                   revision=result.revision, case_pk=result.case_pk, ignored=p.ignored,
                                   evidence_count=p.evidence_count))
        pending, pending_bytes = [], 0

    reader = _Reader(names, workers if workers is not None else default_workers(), db)
    try:
        while True:
            if cancelled is not None and cancelled():
                reader.stop()
                flush()
                for source in names[done:]:
                    emit(BundleOutcome(source, SKIPPED, reason="import cancelled before this bundle"))
                break
            read = reader.next()
            if read is None:
                break
            if not pending:
                batch_started = time.monotonic()
            pending.append(read)
            if read.prepared is not None:
                pending_bytes += sum(len(b) for b in read.prepared.blobs.values()) + len(read.prepared.case_json)
            done += 1
            if on_progress is not None:
                on_progress(done, total, Path(read.source).name)
            if (len(pending) >= BATCH_BUNDLES or pending_bytes >= BATCH_BYTES
                    or time.monotonic() - batch_started >= BATCH_SECONDS):
                flush()
        if pending:
            flush()
    finally:
        reader.close()
    return summary


__all__ = ["BUNDLE_SUFFIX", "IMPORTED", "NEW_REVISION", "REFUSED", "SKIPPED", "UNCHANGED", "BundleOutcome",
           "ImportSummary", "collect_bundles", "import_bundles", "is_bundle_candidate", "read_and_prepare"]
