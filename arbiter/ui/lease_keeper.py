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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

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
    length; ``lost`` lists the cases whose lease could not be renewed (someone took them over)."""

    def __init__(self, db: Any, holder: str, parent: QObject | None = None):
        super().__init__(parent)
        from arbiter.store.leases import Leases

        self.leases = Leases(db)
        self.holder = holder
        self.held: dict[int, str] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(max(1000, int(self.leases.ttl.total_seconds() * 1000 / 3)))
        self.timer.timeout.connect(self.renew_all)
        self.lost: list[str] = []

    def open(self, case_pk: int, case_id: str) -> Exception | None:
        from arbiter.store.leases import LeaseError

        try:
            self.leases.take(case_id, self.holder)
        except LeaseError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - the server may be unreachable for a moment; the case still opens
            log.exception("taking the lease of %s failed", case_id)
            return exc
        self.held[case_pk] = case_id
        if not self.timer.isActive():
            self.timer.start()
        return None

    def renew_all(self) -> list[str]:
        from arbiter.store.leases import LeaseError

        lost = []
        for case_pk, case_id in list(self.held.items()):
            try:
                self.leases.renew(case_id, self.holder)
            except LeaseError as exc:
                lost.append(refusal_text(exc))
                self.held.pop(case_pk, None)
            except Exception:  # noqa: BLE001 - the network may be down for a moment; retried next time
                log.exception("renewing the lease of %s failed", case_id)
        self.lost.extend(lost)
        if lost:
            window = self.parent()
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(translate("LeaseKeeper", "A case is no longer checked out to you: %1")
                                  .replace("%1", "; ".join(lost)), 20000)
        return lost

    def close(self, case_pk: int) -> None:
        case_id = self.held.pop(case_pk, None)
        if case_id is None:
            return
        try:
            self.leases.release(case_id, self.holder)
        except Exception:  # noqa: BLE001 - it expires by itself
            log.info("releasing %s failed; the lease will expire", case_id)
        if not self.held:
            self.timer.stop()

    def release_all(self) -> None:
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


class _QuitWatcher(QObject):
    """Gives every held case back when the window closes (a lease would otherwise block colleagues until it
    expires)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Close:
            keeper = getattr(self.window, "_lease_keeper", None)
            if keeper is not None:
                keeper.release_all()
        return False


def _opened(window, case_pk: int) -> None:
    keeper = keeper_for(window)
    workspace = window.cases.widget_for(case_pk)
    session = getattr(workspace, "session", None)
    if keeper is None or session is None:
        return
    refused = keeper.open(case_pk, session.case.case_id)
    if refused is not None:
        window.statusBar().showMessage(refusal_text(refused), 20000)
    window.queue_model.refresh_holders()


def _closed(window, case_pk: int) -> None:
    keeper = getattr(window, "_lease_keeper", None)
    if keeper is not None:
        keeper.close(case_pk)
        window.queue_model.refresh_holders()


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
    window._lease_quit_watcher = _QuitWatcher(window)
    window.installEventFilter(window._lease_quit_watcher)
    db = getattr(window, "db", None)
    if db is not None and hasattr(window.queue_model, "set_holders"):
        window.queue_model.set_holders(holders_provider(db), lambda: getattr(window.identity, "id", None))
