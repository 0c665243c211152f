"""Import case bundles: a progress dialog with one result per bundle (imported, unchanged, new revision, or
refused with its reason). The work is the import service's (:mod:`arbiter.importing`, the same as ``arbiter
import``) and runs on the database-writer thread (:mod:`arbiter.ui.tasks`), off the GUI thread; Cancel stops it
after the bundles already read are stored (what was done is kept); a broken bundle is one refused line.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from arbiter.importing import (
    BUNDLE_SUFFIX,
    IMPORTED,
    NEW_REVISION,
    REFUSED,
    SKIPPED,
    STORE,
    UNCHANGED,
    BundleOutcome,
    collect_bundles,
    import_bundles,
    is_bundle_candidate,
)
from arbiter.ui import tasks
from arbiter.ui.widgets.common import plain_error, tone_colors

__all__ = ["BUNDLE_SUFFIX", "BundleOutcome", "ImportDialog", "collect_bundles", "import_paths",
           "is_bundle_candidate"]

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

log = logging.getLogger(__name__)

RESULT_TONES = {IMPORTED: "success", NEW_REVISION: "info", UNCHANGED: "neutral", REFUSED: "danger",
                SKIPPED: "neutral"}


def refusal_text(outcome: BundleOutcome) -> str:
    """Why a bundle was refused or skipped, in the interface's language around the reader's own words."""
    if outcome.status == SKIPPED:
        return translate("ImportDialog", "import cancelled before this bundle")
    if outcome.stage == STORE:
        return translate("ImportDialog", "the case could not be stored: %1").replace("%1", outcome.reason)
    if not outcome.bundle_error:
        return translate("ImportDialog", "the bundle could not be read: %1").replace("%1", outcome.reason)
    return outcome.reason


def import_paths(ctx: tasks.TaskContext | None, db: Any, paths: Iterable[str | os.PathLike]) -> list[BundleOutcome]:
    """Import every bundle named by ``paths`` through the import service (the same as ``arbiter import``); for
    the writer thread (``writes=True``). Progress, each outcome once committed, and cancel go through ``ctx``."""
    bundles = collect_bundles(paths)
    summary = import_bundles(
        db, [str(p) for p in bundles],
        on_outcome=ctx.report if ctx is not None else None,
        on_progress=ctx.progress if ctx is not None else None,
        cancelled=(lambda: ctx.cancelled) if ctx is not None else None,
    )
    if ctx is not None:
        ctx.progress(len(bundles), len(bundles), "")
    return summary.outcomes


def result_label(status: str) -> str:
    names = {IMPORTED: translate("ImportDialog", "Imported"),
             UNCHANGED: translate("ImportDialog", "Unchanged"),
             NEW_REVISION: translate("ImportDialog", "New revision"),
             REFUSED: translate("ImportDialog", "Refused"),
             SKIPPED: translate("ImportDialog", "Skipped")}
    return names.get(status, status)


def outcome_detail(outcome: BundleOutcome) -> str:
    if outcome.status in (REFUSED, SKIPPED):
        return refusal_text(outcome)
    parts = []
    if outcome.status == NEW_REVISION and outcome.revision is not None:
        parts.append(translate("ImportDialog", "stored as revision %1").replace("%1", str(outcome.revision)))
    elif outcome.status == UNCHANGED:
        parts.append(translate("ImportDialog", "already imported with the same content"))
    if outcome.ignored:
        count = len(outcome.ignored)
        parts.append(translate("ImportDialog", "1 extra file ignored") if count == 1
                     else translate("ImportDialog", "%1 extra files ignored").replace("%1", str(count)))
    return "; ".join(parts)


class ImportResultsModel(QAbstractTableModel):
    """One row per bundle: bundle, result, case, details."""

    OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcomes: list[BundleOutcome] = []

    def add(self, outcome: BundleOutcome) -> None:
        row = len(self.outcomes)
        self.beginInsertRows(QModelIndex(), row, row)
        self.outcomes.append(outcome)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.outcomes = []
        self.endResetModel()

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (translate("ImportDialog", "Bundle"), translate("ImportDialog", "Result"),
                    translate("ImportDialog", "Case"), translate("ImportDialog", "Details"))[section]
        return None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        outcome = self.outcomes[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (outcome.name, result_label(outcome.status), outcome.case_id or "", outcome_detail(outcome))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return outcome.source if col == 0 else outcome_detail(outcome) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return tone_colors(RESULT_TONES.get(outcome.status, "neutral"))[0]
        if role == self.OUTCOME_ROLE:
            return outcome
        return None


class ImportDialog(QDialog):
    """Runs an import of ``paths`` and shows the result of every bundle. ``imported`` is emitted once, at the end,
    with all the outcomes (so the queue can refresh)."""

    imported = Signal(list)

    def __init__(self, db: Any, paths: Iterable[str | os.PathLike], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self._db = db
        self._paths = [str(p) for p in paths]
        self.task: tasks.Task | None = None
        self.outcomes: list[BundleOutcome] = []

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.current = QLabel(self)
        self.current.setStyleSheet("color: palette(placeholder-text);")
        self.results = ImportResultsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importResults")
        self.table.setModel(self.results)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 170)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.retranslate()

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def start(self) -> tasks.Task:
        self.results.clear()
        self.outcomes = []
        self.task = tasks.run(import_paths, self._db, self._paths, writes=True, context=True, name="import")
        self.task.progress.connect(self._on_progress)
        self.task.partial.connect(self._on_outcome)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.cancel_button.setEnabled(True)
        self.close_button.setEnabled(False)
        self.retranslate()
        return self.task

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.current.setText(translate("ImportDialog", "Reading %1…").replace("%1", text) if text else "")

    def _on_outcome(self, outcome: BundleOutcome) -> None:
        self.results.add(outcome)
        self.table.scrollToBottom()
        self._update_summary()

    def _on_finished(self, outcomes: list) -> None:
        self.outcomes = list(outcomes)
        self._finish()

    def _on_failed(self, exc: BaseException) -> None:
        self.summary.setText(translate("ImportDialog", "The import stopped: %1").replace("%1", plain_error(exc)))
        self._finish(failed=True)

    def _finish(self, failed: bool = False) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.current.setText("")
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.retranslate()
        if not failed:
            self._update_summary()
        self.imported.emit(list(self.results.outcomes))

    def _cancel(self) -> None:
        if self.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.current.setText(translate("ImportDialog", "Stopping after the current bundle…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.running:  # Escape while running: ask the work to stop, keep the dialog until it has
            self._cancel()
            return
        super().reject()

    def _update_summary(self) -> None:
        m = self.results
        parts = []
        for status in (IMPORTED, NEW_REVISION, UNCHANGED, REFUSED, SKIPPED):
            n = m.count(status)
            if n:
                parts.append(f"{result_label(status)}: {n}")
        self.summary.setText("   ·   ".join(parts))

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ImportDialog", "Import case bundles"))
        n = len(self._paths)
        if self.running or self.task is None:
            self.heading.setText(translate("ImportDialog", "Importing 1 item…") if n == 1
                                 else translate("ImportDialog", "Importing %1 items…").replace("%1", str(n)))
        else:
            self.heading.setText(translate("ImportDialog", "Import finished."))
        self.cancel_button.setText(translate("ImportDialog", "Cancel"))
        self.close_button.setText(translate("ImportDialog", "Close"))
        self.results.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._update_summary()
        super().changeEvent(event)
