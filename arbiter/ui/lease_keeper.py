"""Team mode in the workstation: a case open in a tab is checked out to this identity, its lease renewed while the
tab is open and given back when the tab closes or the window quits (``arbiter.store.leases``); the queue shows
who holds which case.

Leases are taken only on a shared PostgreSQL database: a single workstation's SQLite file has nobody to share
with (``arbiter cases take`` still works there, and the queue shows such leases on any database).
``install(window)`` is the one hook the main window calls; the keeper itself is made on the first case opened
with an identity (``MainWindow.identity`` is set after the window is built)."""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def refusal_text(refusal: Any) -> str:
    """Why a case was not checked out to us, in the interface language: the store's reason (``LeaseError.reason``
    and its facts), never the store's English line; an unexpected error keeps its own message."""
    reason = getattr(refusal, "reason", None)
    if reason == "own_appeal" and getattr(refusal, "conflict", None) is not None:
        c = refusal.conflict
        return (translate("LeaseKeeper", "%1 appeals your own verdict on %2 (version %3): another reviewer must "
                                         "decide it, so it is not checked out to you.")
                .replace("%1", c.case_id).replace("%2", c.appealed_case_id).replace("%3", str(c.version)))
    if reason == "checked_out" and getattr(refusal, "holder", None):
        from PySide6.QtCore import QLocale

        until = refusal.until.astimezone() if getattr(refusal, "until", None) else None
        when = (QLocale().toString(until.date(), QLocale.FormatType.ShortFormat) + until.strftime(" %H:%M")
                if until is not None else "—")
        return (translate("LeaseKeeper", "Someone else has this case: %1 is checked out to %2 until %3.")
                .replace("%1", str(refusal.case_id)).replace("%2", refusal.holder).replace("%3", when))
    if reason == "lost" and getattr(refusal, "holder", None):
        return (translate("LeaseKeeper", "%1: %2 has taken it over.")
                .replace("%1", str(refusal.case_id)).replace("%2", refusal.holder))
    return translate("LeaseKeeper", "This case could not be checked out to you: %1").replace("%1", str(refusal))


class LeaseKeeper(QObject):
    """``open(case_pk, case_id)`` -> None when the case is ours now, else why not (a ``LeaseError`` with its
    reason, or the unexpected error; :func:`refusal_text` words it);
    ``close(case_pk)`` gives it back; ``release_all()`` on quit. Renewals run every third of the lease's
    length; ``lost`` lists the cases whose lease could not be renewed (someone took them over).

    The window uses the ``*_later`` forms: every take, renewal and release is a round trip to the shared server,
    run on the task pool (``arbiter.ui.tasks``), never on the GUI thread; ``open``/``renew_all`` are the same
    work done in place (tests). Leases exist on PostgreSQL only, which takes concurrent writers, so they do not
    queue behind an import on the single writer (a long import would let them expire)."""

    def __init__(self, db: Any, holder: str, parent: QObject | None = None):
        super().__init__(parent)
        from arbiter.store.leases import Leases

        self.leases = Leases(db)
        self.holder = holder
        self.held: dict[int, str] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(max(1000, int(self.leases.ttl.total_seconds() * 1000 / 3)))
        self.timer.timeout.connect(self.renew_later)
        self.lost: list[str] = []
        self._taking: dict[int, str] = {}    # takes on their way; a tab closed meanwhile gives the case back
        self._closed_while_taking: set[int] = set()

    # ---------------------------------------------------------------- the store's side (any thread)
    def take(self, case_id: str) -> Exception | None:
        """Check the case out; None when it is ours, else why not (the ``LeaseError``, or the unexpected error)."""
        from arbiter.store.leases import LeaseError

        try:
            self.leases.take(case_id, self.holder)
        except LeaseError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - the server may be unreachable for a moment; the case still opens
            log.exception("taking the lease of %s failed", case_id)
            return exc
        return None

    def _renew(self, items: list[tuple[int, str]]) -> list[tuple[int, Exception]]:
        from arbiter.store.leases import LeaseError

        lost = []
        for case_pk, case_id in items:
            try:
                self.leases.renew(case_id, self.holder)
            except LeaseError as exc:
                lost.append((case_pk, exc))
            except Exception:  # noqa: BLE001 - the network may be down for a moment; retried next time
                log.exception("renewing the lease of %s failed", case_id)
        return lost

    def _release(self, case_id: str) -> None:
        try:
            self.leases.release(case_id, self.holder)
        except Exception:  # noqa: BLE001 - it expires by itself
            log.info("releasing %s failed; the lease will expire", case_id)

    # ---------------------------------------------------------------- the GUI's side
    def open(self, case_pk: int, case_id: str) -> Exception | None:
        refused = self.take(case_id)
        self._took(case_pk, case_id, refused)
        return refused

    def open_later(self, case_pk: int, case_id: str, done=None):
        """Take the case on the pool; ``done(refusal or None)`` on the GUI thread."""
        from arbiter.ui import tasks

        self._taking[case_pk] = case_id
        task = tasks.run(self.take, case_id, name=f"lease {case_id}", owner=self)
        task.finished.connect(lambda refused: (self._took(case_pk, case_id, refused),
                                               done(refused) if done is not None else None))
        return task

    def _took(self, case_pk: int, case_id: str, refused: Exception | None) -> None:
        self._taking.pop(case_pk, None)
        if refused is not None:
            return
        if case_pk in self._closed_while_taking:   # the tab closed before the lease came back: give it back
            self._closed_while_taking.discard(case_pk)
            self._release_later(case_id)
            return
        self.held[case_pk] = case_id
        if not self.timer.isActive():
            self.timer.start()

    def renew_all(self) -> list[str]:
        return self._renewed(self._renew(list(self.held.items())))

    def renew_later(self):
        from arbiter.ui import tasks

        task = tasks.run(self._renew, list(self.held.items()), name="renew leases", owner=self)
        task.finished.connect(self._renewed)
        return task

    def _renewed(self, lost: list[tuple[int, Exception]]) -> list[str]:
        texts = []
        for case_pk, exc in lost:
            self.held.pop(case_pk, None)
            texts.append(refusal_text(exc))
        self.lost.extend(texts)
        if texts:
            window = self.parent()
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(translate("LeaseKeeper", "A case is no longer checked out to you: %1")
                                  .replace("%1", "; ".join(texts)), 20000)
        return texts

    def _release_later(self, case_id: str):
        from arbiter.ui import tasks

        return tasks.run(self._release, case_id, name=f"release {case_id}")

    def close(self, case_pk: int):
        """Give the case back (on the pool); the task, or None when it was not held."""
        if case_pk in self._taking:
            self._closed_while_taking.add(case_pk)
        case_id = self.held.pop(case_pk, None)
        if not self.held:
            self.timer.stop()
        return self._release_later(case_id) if case_id is not None else None

    def release_all(self) -> None:
        """On quit: give every case back (the window waits for the task pool before it goes)."""
        for case_pk in list(self.held):
            self.close(case_pk)


def keeper_for(window) -> LeaseKeeper | None:
    """The window's lease keeper on a shared PostgreSQL database with an identity; None otherwise."""
    keeper = getattr(window, "_lease_keeper", None)
    if keeper is not None:
        return keeper
    db, identity = getattr(window, "db", None), getattr(window, "identity", None)
    if identity is None or getattr(db, "backend", None) != "postgresql":
        return None
    keeper = LeaseKeeper(db, identity.id, window)
    window._lease_keeper = keeper
    return keeper


def release_on_quit(window) -> None:
    """The main window's close, once it is sure to close (a draft the reviewer kept may cancel it): every held
    case goes back; the window then waits for the task pool."""
    keeper = getattr(window, "_lease_keeper", None)
    if keeper is not None:
        keeper.release_all()


def _opened(window, case_pk: int) -> None:
    keeper = keeper_for(window)
    workspace = window.cases.widget_for(case_pk)
    session = getattr(workspace, "session", None)
    if keeper is None or session is None:
        return

    def done(refused: Exception | None) -> None:
        if refused is not None:
            window.statusBar().showMessage(refusal_text(refused), 20000)
        window.queue_model.refresh_holders()

    keeper.open_later(case_pk, session.case.case_id, done)


def _closed(window, case_pk: int) -> None:
    keeper = getattr(window, "_lease_keeper", None)
    if keeper is not None:
        task = keeper.close(case_pk)
        if task is not None:
            task.finished.connect(lambda *_: window.queue_model.refresh_holders())


def holders_provider(db: Any):
    """``provider(case_pks) -> {case_pk: holder}``: the live leases of the cases on screen, for the queue."""
    from arbiter.store.leases import Leases

    leases = Leases(db)

    def provider(case_pks: list[int]) -> dict[int, str]:
        if not case_pks:
            return {}
        return {pk: lease.holder for pk, lease in leases.holders(case_pks).items()}

    return provider


def install(window) -> None:
    """Hook team mode into the main window: leases follow the case tabs, the queue shows who holds what."""
    window.cases.opened.connect(lambda pk: _opened(window, pk))
    window.cases.closed.connect(lambda pk: _closed(window, pk))
    db = getattr(window, "db", None)
    if db is not None and hasattr(window.queue_model, "set_holders"):
        window.queue_model.set_holders(holders_provider(db), lambda: getattr(window.identity, "id", None))
