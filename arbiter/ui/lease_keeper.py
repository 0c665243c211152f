"""Team mode in the workstation: an open case is checked out to this identity, its lease renewed while the tab
is open, given back when it closes (``arbiter.store.leases``). Only on a shared PostgreSQL database; a single
workstation's SQLite file needs no leases (``arbiter cases take`` still works there)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class LeaseKeeper(QObject):
    """``open(case_pk, case_id)`` -> None when the case is ours now, else a sentence saying who holds it;
    ``close(case_pk)`` gives it back. Renewals run every third of the lease's length."""

    def __init__(self, db, holder: str, parent: QObject | None = None):
        super().__init__(parent)
        from arbiter.store.leases import Leases

        self.leases = Leases(db)
        self.holder = holder
        self.held: dict[int, str] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(max(1000, int(self.leases.ttl.total_seconds() * 1000 / 3)))
        self.timer.timeout.connect(self.renew_all)

    def open(self, case_pk: int, case_id: str) -> str | None:
        from arbiter.store.leases import LeaseError

        try:
            self.leases.take(case_id, self.holder)
        except LeaseError as exc:
            return str(exc)
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
                lost.append(str(exc))
                self.held.pop(case_pk, None)
            except Exception:  # noqa: BLE001 - the network may be down for a moment; retried next time
                log.exception("renewing the lease of %s failed", case_id)
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
