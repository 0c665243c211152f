"""One small API for background work: run a callable off the GUI thread, get its result or its error back on
the GUI thread through Qt signals.

    task = tasks.run(read_and_import, path, writes=True)
    task.finished.connect(on_result)     # on_result(result)          -- GUI thread
    task.failed.connect(on_error)        # on_error(exc: BaseException) -- GUI thread

Reads (hashing, rendering, loading) run on a shared pool. Anything that writes to the database passes
``writes=True`` and goes through a single writer thread, so writes run one after the other, in the order they
were submitted, and never race.

A callable that wants to report progress or honour a cancel request takes ``context=True``; it then receives a
:class:`TaskContext` as its first argument: ``ctx.progress(done, total, text)``, ``ctx.report(item)`` (a
partial result, delivered as ``Task.partial``)
and ``ctx.cancelled``.

A result for a widget or model passes ``owner=self``: when the owner has been deleted by the time the work
ends (a tab closed, a test torn down), the result is dropped instead of reaching a dead C++ object.

``task.wait(msecs)`` blocks until that one piece of work has run and ``task.outcome()`` then gives its result (or
raises its error) without the event loop: closing a tab or quitting waits for a pending draft save this way. The
GUI thread only waits; the work itself still runs on its worker (the writer for a write).
"""
from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal, Slot

log = logging.getLogger(__name__)


class TaskContext:
    """Handed to a callable that asked for it: report progress, notice a cancel request."""

    def __init__(self, bridge: _Bridge):
        self._bridge = bridge
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._bridge.progress.emit(int(done), int(total), str(text))

    def report(self, item: object) -> None:
        """Hand one partial result to the GUI thread now (``Task.partial``), e.g. one bundle's outcome."""
        self._bridge.partial.emit(item)


class _Outcome:
    """The work's result or error, set on the worker thread before the signals are sent, for :meth:`Task.wait`."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


class _Bridge(QObject):
    """Emitted from the worker thread; connected with a queued connection to the Task on the GUI thread."""

    done = Signal(object)
    error = Signal(object, str)
    progress = Signal(int, int, str)
    partial = Signal(object)


class Task(QObject):
    """A piece of work under way. Its signals are always delivered on the GUI thread."""

    finished = Signal(object)          # the callable's return value
    failed = Signal(object)            # the exception it raised (with .traceback_text attached)
    progress = Signal(int, int, str)   # done, total, text
    partial = Signal(object)           # whatever the work handed over with ctx.report(...)
    ended = Signal()                   # after finished or failed, whichever came

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.context: TaskContext | None = None
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.owner: QObject | None = None
        self._outcome = _Outcome()
        self._bridge = _Bridge()
        self._bridge.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._bridge.error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self._bridge.progress.connect(self.progress, Qt.ConnectionType.QueuedConnection)
        self._bridge.partial.connect(self.partial, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the work to stop; only a callable that takes a context and checks it will notice."""
        if self.context is not None:
            self.context._cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the work has run (``msecs`` < 0: however long it takes). True when it has. The signals
        still arrive through the event loop afterwards."""
        return self._outcome.event.wait(None if msecs < 0 else msecs / 1000)

    @property
    def has_run(self) -> bool:
        """The work has run (its signals may still be on their way)."""
        return self._outcome.event.is_set()

    def outcome(self) -> Any:
        """The work's result, or its error raised; only after :meth:`wait` returned True."""
        if not self._outcome.event.is_set():
            raise RuntimeError(f"task {self.name} has not run yet")
        if self._outcome.error is not None:
            raise self._outcome.error
        return self._outcome.result

    @property
    def orphaned(self) -> bool:
        """True when the task was given an owner and that owner's C++ object is gone."""
        return self.owner is not None and not shiboken6.isValid(self.owner)

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self.done = True
        self.result = result
        if not self.orphaned:
            self.finished.emit(result)
        self.ended.emit()

    @Slot(object, str)
    def _on_error(self, exc: BaseException, trace: str) -> None:
        self.done = True
        self.error = exc
        try:
            exc.traceback_text = trace  # type: ignore[attr-defined]
        except AttributeError:
            pass
        if not self.orphaned:
            self.failed.emit(exc)
        self.ended.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, bridge: _Bridge,
                 context: TaskContext | None, name: str, outcome: _Outcome):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._bridge, self._context, self._name = bridge, context, name
        self._outcome = outcome

    def run(self) -> None:  # worker thread
        try:
            if self._context is not None:
                result = self._fn(self._context, *self._args, **self._kwargs)
            else:
                result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI, none is lost
            trace = traceback.format_exc()
            log.warning("background task %s failed:\n%s", self._name, trace)
            self._outcome.error = exc
            self._outcome.event.set()
            self._bridge.error.emit(exc, trace)
        else:
            self._outcome.result = result
            self._outcome.event.set()
            self._bridge.done.emit(result)


class TaskRunner(QObject):
    """Owns the read pool and the single database-writer thread."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)   # one writer: database writes never race
        self._writer.setExpiryTimeout(-1)
        self._live: set[Task] = set()

    def run(self, fn: Callable[..., Any], *args: Any, writes: bool = False, context: bool = False,
            name: str | None = None, owner: QObject | None = None, **kwargs: Any) -> Task:
        task = Task(name or getattr(fn, "__name__", "task"), self)
        task.owner = owner
        if context:
            task.context = TaskContext(task._bridge)
        self._live.add(task)
        task.ended.connect(lambda t=task: self._forget(t))
        runnable = _Runnable(fn, args, kwargs, task._bridge, task.context, task.name, task._outcome)
        (self._writer if writes else self._pool).start(runnable)
        return task

    def _forget(self, task: Task) -> None:
        self._live.discard(task)
        task.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every submitted task has run (for shutdown and tests). Results still arrive through the
        event loop afterwards."""
        ok_w = self._writer.waitForDone(msecs)
        ok_p = self._pool.waitForDone(msecs)
        return ok_w and ok_p

    def cancel_all(self) -> None:
        for task in list(self._live):
            task.cancel()


_RUNNER_NAME = "arbiter_task_runner"


def runner() -> TaskRunner:
    """The application's runner (one per QCoreApplication)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("tasks.runner() needs a QApplication")
    existing = app.findChild(TaskRunner, _RUNNER_NAME)
    if existing is not None:
        return existing
    created = TaskRunner(app)
    created.setObjectName(_RUNNER_NAME)
    return created


def run(fn: Callable[..., Any], *args: Any, writes: bool = False, context: bool = False,
        name: str | None = None, owner: QObject | None = None, **kwargs: Any) -> Task:
    """Run ``fn(*args, **kwargs)`` in the background; see the module docstring."""
    return runner().run(fn, *args, writes=writes, context=context, name=name, owner=owner, **kwargs)
