"""The tabs of open cases: opening a case off the GUI thread, the next case of the queue, and the open tabs
remembered between runs.

Opening reads the stored case, its draft and verdict and re-hashes every evidence item; that runs through
``tasks.run`` (a read on the pool, like Anki's QueryOp) while the tab shows "Opening…", and the review is built on
the GUI thread when the read is back. The open cases are kept in QSettings per database, so a restart brings
them back.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from arbiter.ui import settings, tasks
from arbiter.ui.opening import Opening, load_opening
from arbiter.ui.session import ReviewSession
from arbiter.ui.widgets.common import plain_error
from arbiter.ui.workspace import CaseWorkspace, placeholder

log = logging.getLogger(__name__)

QUEUE_TAB = 0
DONE_STATUSES = frozenset({"signed", "amended"})


def ask_close_unsaved(parent: QWidget, title: str, error: str) -> bool:
    """The draft of a case being closed could not be written: close anyway? (Tests replace this function.)"""
    from PySide6.QtWidgets import QMessageBox

    text = QCoreApplication.translate(
        "CaseTabs", "The draft of %1 could not be saved: %2\n\nClose it anyway? The answers since the last save "
        "are lost.").replace("%1", title).replace("%2", error)
    answer = QMessageBox.warning(parent, QCoreApplication.translate("CaseTabs", "Draft not saved"), text,
                                 QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                 QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


class CaseTabs(QObject):
    """Owns the case tabs of the main window's tab widget (tab 0 is the queue)."""

    opened = Signal(int)          # case_pk, once its workspace is in place
    failed = Signal(int, str, bool)   # case_pk, the reason in words, quiet (a tab restored from the last run)
    reviewChanged = Signal()      # a draft saved or a verdict signed: the queue is stale
    closed = Signal(int)          # case_pk, its tab just closed (team mode gives the case back)
    #: a draft or a signature still on its way when its tab closed was refused meanwhile: (case id, the reason)
    lateFailure = Signal(str, str)

    def __init__(self, tabs: QTabWidget, repo: Any, reviewer: Callable[[], str], settings_key: str,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.tabs = tabs
        self.repo = repo
        self.reviewer = reviewer
        self.settings_key = settings_key
        self.restoring = False
        self._quiet: set[int] = set()
        tabs.tabBar().setTabButton(QUEUE_TAB, QTabBar.ButtonPosition.RightSide, None)
        tabs.tabBar().setTabButton(QUEUE_TAB, QTabBar.ButtonPosition.LeftSide, None)
        tabs.tabCloseRequested.connect(self.close_tab)

    # -- finding ---------------------------------------------------------------------------------------------
    def widget_for(self, case_pk: int) -> QWidget | None:
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if widget.property("case_pk") == case_pk:
                return widget
        return None

    def workspaces(self) -> list[CaseWorkspace]:
        return [w for w in (self.tabs.widget(i) for i in range(1, self.tabs.count())) if isinstance(w, CaseWorkspace)]

    # -- opening ---------------------------------------------------------------------------------------------
    def open(self, case_pk: int, *, focus: bool = True) -> QWidget:
        """Bring the case's tab forward, or add one that fills when the case has been read."""
        existing = self.widget_for(case_pk)
        if existing is not None:
            if focus:
                self.tabs.setCurrentWidget(existing)
            return existing
        pending = placeholder(self.tr("Opening the case…"))
        pending.setProperty("case_pk", case_pk)
        index = self.tabs.addTab(pending, self.tr("Opening…"))
        if focus:
            self.tabs.setCurrentIndex(index)
        who = self.reviewer()
        task = tasks.run(load_opening, self.repo, case_pk, getattr(who, "id", None) or str(who),
                         name=f"open case {case_pk}", owner=self)
        task.finished.connect(lambda opening, p=pending, pk=case_pk: self._opened(p, pk, opening))
        task.failed.connect(lambda exc, p=pending, pk=case_pk: self._failed(p, pk, exc))
        return pending

    def _opened(self, pending: QWidget, case_pk: int, opening: Opening) -> None:
        index = self.tabs.indexOf(pending)
        if index < 0:   # closed while it was being read
            return
        try:
            session = ReviewSession(self.repo, case_pk, self.reviewer(), opening=opening)
            workspace = CaseWorkspace(session)
        except Exception as exc:  # noqa: BLE001 - e.g. a stored case the rules cannot read
            log.exception("opening case %s failed", case_pk)
            self._failed(pending, case_pk, exc)
            return
        session.setParent(workspace)
        session.signed.connect(lambda *_: self.reviewChanged.emit())
        session.saved.connect(lambda *_: self.reviewChanged.emit())
        workspace.setProperty("case_pk", case_pk)
        current = self.tabs.currentIndex() == index
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, workspace, workspace.title)
        self.tabs.setTabToolTip(index, workspace.title)
        if current:
            self.tabs.setCurrentIndex(index)
        pending.deleteLater()
        self._quiet.discard(case_pk)
        self.save()
        self.opened.emit(case_pk)

    def _failed(self, pending: QWidget, case_pk: int, exc: BaseException) -> None:
        index = self.tabs.indexOf(pending)
        if index >= 0:
            self.tabs.removeTab(index)
            pending.deleteLater()
        self.failed.emit(case_pk, plain_error(exc), case_pk in self._quiet)
        self._quiet.discard(case_pk)
        self.save()

    # -- closing ---------------------------------------------------------------------------------------------
    def close_tab(self, index: int) -> bool:
        """Close a case's tab once its draft is stored; when it cannot be, the reviewer chooses (the tab stays
        by default). True when the tab was closed."""
        if index <= QUEUE_TAB:
            return False
        widget = self.tabs.widget(index)
        if isinstance(widget, CaseWorkspace) and not widget.close_session():
            session = widget.session
            error = getattr(session, "last_save_error", None)
            if error and not ask_close_unsaved(self.tabs, widget.title, error):
                return False
            if not error and (getattr(session, "saving", False) or getattr(session, "signing", False)):
                self._outlive(session, widget.title)
        self.tabs.removeTab(index)
        widget.deleteLater()
        self.save()
        if widget.property("case_pk") is not None:
            self.closed.emit(int(widget.property("case_pk")))
        return True

    def _outlive(self, session: ReviewSession, title: str) -> None:
        """A tab closed while its draft or signature is still on the writer (behind a long import): the session
        outlives the tab until the write is back, and a refusal then is told (``lateFailure``), not lost."""
        session.setParent(self)

        def settled(*_args) -> None:
            if not (session.saving or session.signing):
                session.deleteLater()

        session.saved.connect(lambda ok: (None if ok else self.lateFailure.emit(title, session.last_save_error or ""),
                                          settled()))
        session.signFailed.connect(lambda text: (self.lateFailure.emit(title, text), settled()))
        session.signed.connect(settled)

    # -- the next case ---------------------------------------------------------------------------------------
    @staticmethod
    def next_pk(rows: list, after_pk: int | None) -> int | None:
        """The next case still to decide after ``after_pk`` in the queue's order (wrapping round), or None."""
        pks = [r.pk for r in rows]
        start = pks.index(after_pk) + 1 if after_pk in pks else 0
        for row in rows[start:] + rows[:start]:
            if row.pk != after_pk and row.status not in DONE_STATUSES:
                return row.pk
        return None

    # -- remembered between runs -----------------------------------------------------------------------------
    def save(self) -> None:
        if self.restoring:
            return
        pks = [w.property("case_pk") for w in (self.tabs.widget(i) for i in range(1, self.tabs.count()))]
        current = self.tabs.currentWidget().property("case_pk") if self.tabs.currentIndex() > 0 else None
        settings.put_json(settings.OPEN_CASES, {**(settings.get_json(settings.OPEN_CASES) or {}),
                                                self.settings_key: {"open": [p for p in pks if p is not None],
                                                                    "current": current}})

    def restore(self) -> list[int]:
        """Reopen the cases that were open when this database was last used; returns their pks."""
        saved = (settings.get_json(settings.OPEN_CASES) or {}).get(self.settings_key) or {}
        pks = [int(p) for p in saved.get("open", []) if isinstance(p, int)]
        self._quiet.update(pks)
        current = saved.get("current")
        self.restoring = True
        try:
            for pk in pks:
                self.open(pk, focus=pk == current)
        finally:
            self.restoring = False
        return pks
