"""The main window: menus, the case queue, a tab per open case, import (menu and drag & drop), About, and the
language switch. Geometry and splitter positions are remembered between runs."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

import arbiter
from arbiter.ui import i18n, settings, tasks
from arbiter.ui import case_tabs
from arbiter.ui.case_tabs import CaseTabs
from arbiter.ui.import_dialog import BUNDLE_SUFFIX, ImportDialog, collect_bundles
from arbiter.ui.queue_model import QueueModel
from arbiter.ui.queue_view import QueueView
from arbiter.ui.shortcuts import ShortcutSheet, install_key_guard
from arbiter.ui.widgets.common import plain_error, show_error
from arbiter.ui.workspace import CaseWorkspace

log = logging.getLogger(__name__)

QUEUE_TAB = 0


def dropped_paths(mime) -> list[str]:
    """Local .arbcase files and folders among dropped URLs."""
    paths = []
    for url in mime.urls() if mime is not None and mime.hasUrls() else []:
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or path.suffix.lower() == BUNDLE_SUFFIX:
            paths.append(str(path))
    return paths


class MainWindow(QMainWindow):
    """``MainWindow(db, repo, db_location)``: ``db`` for imports, ``repo`` for everything read and reviewed."""

    caseOpened = Signal(int)

    def __init__(self, db: Any, repo: Any, db_location: str, parent: QWidget | None = None, *, demo: bool = False):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db = db
        self.repo = repo
        self.db_location = db_location
        self.demo = demo
        # the signing identity (arbiter.signing.Identity) or None: set by app.start / identity_dialog
        self.identity = None
        self._queue_stale = False
        self.import_dialog: ImportDialog | None = None

        self.queue_model = QueueModel(repo, parent=self)
        self.queue_view = QueueView(self.queue_model, self)
        self.queue_view.openCase.connect(self.open_case)
        self.queue_view.reviewer = lambda: getattr(self.identity, "id", None)   # the returned strip names yours

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.addTab(self.queue_view, "")
        self.cases = CaseTabs(self.tabs, repo, lambda: self.identity or settings.reviewer_name(), db_location, self)
        self.cases.opened.connect(self._case_opened)
        self.cases.failed.connect(self._case_failed)
        self.cases.lateFailure.connect(lambda title, error: self.statusBar().showMessage(
            self.tr("%1 was closed before its answers were stored, and they could not be: %2")
            .replace("%1", title).replace("%2", error), 30000))
        self.cases.reviewChanged.connect(self._mark_queue_stale)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

        self.db_label = QLabel(self)
        self.db_label.setObjectName("dbLocation")
        self.db_label.setStyleSheet("color: palette(placeholder-text); padding: 0 6px;")
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().setSizeGripEnabled(True)

        self._build_actions()
        self._build_menus()
        from arbiter.ui import trust_actions  # File > Export/Import verdicts, Help > Verify database (issue 11)

        trust_actions.install(self)
        from arbiter.ui import lease_keeper  # team mode: an open case is checked out to the identity (issue 12)

        lease_keeper.install(self)
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        self.retranslate()
        self._restore_geometry()
        self.queue_view.restore_state()
        self.key_guard = install_key_guard(self)
        if not demo:
            self.cases.restore()

    # -- actions & menus -------------------------------------------------------------------------------------
    def _action(self, name: str, slot, shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_import = self._action("actImport", self.choose_bundles, "Ctrl+I")
        self.act_import_folder = self._action("actImportFolder", self.choose_folder, "Ctrl+Shift+I")
        self.act_export = self._action("actExportNotice", self.export_notice, "Ctrl+E")
        self.act_close_case = self._action("actCloseCase", self.close_current_case, QKeySequence.StandardKey.Close)
        self.act_shortcuts = self._action("actShortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self.act_reviewer = self._action("actReviewer", self.ask_reviewer)
        self.act_quit = self._action("actQuit", self.close, QKeySequence.StandardKey.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_queue = self._action("actQueue", self.show_queue, "Ctrl+1")
        self.act_find = self._action("actFind", self._find, QKeySequence.StandardKey.Find)
        self.act_refresh = self._action("actRefresh", self.refresh_queue, QKeySequence.StandardKey.Refresh)
        self.act_next_tab = self._action("actNextTab", lambda: self._step_tab(1), "Ctrl+PgDown")
        self.act_prev_tab = self._action("actPrevTab", lambda: self._step_tab(-1), "Ctrl+PgUp")
        self.act_fullscreen = self._action("actFullScreen", self._toggle_fullscreen,
                                           QKeySequence.StandardKey.FullScreen, checkable=True)
        self.act_about = self._action("actAbout", self.show_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about_qt = self._action("actAboutQt", lambda: QMessageBox.aboutQt(self))
        self.act_about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self.language_group)   # each language in its own words, never translated
            action.setObjectName(f"actLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_actions[code] = action
        self.act_export.setEnabled(False)
        self.act_close_case.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        for action in (self.act_import, self.act_import_folder, None, self.act_export, self.act_close_case, None,
                       self.act_reviewer, None, self.act_quit):
            self.menu_file.addSeparator() if action is None else self.menu_file.addAction(action)
        self.menu_view = bar.addMenu("")
        for action in (self.act_queue, self.act_find, self.act_refresh, None, self.act_next_tab, self.act_prev_tab,
                       None, self.act_fullscreen):
            self.menu_view.addSeparator() if action is None else self.menu_view.addAction(action)
        self.menu_language = bar.addMenu("")
        for action in self.language_actions.values():
            self.menu_language.addAction(action)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addSeparator()
        self.menu_help.addAction(self.act_about)
        self.menu_help.addAction(self.act_about_qt)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Arbiter — after-sale dispute review"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_import.setText(self.tr("&Import bundles…"))
        self.act_import.setStatusTip(self.tr("Import .arbcase case bundles into the queue"))
        self.act_import_folder.setText(self.tr("Import a &folder…"))
        self.act_import_folder.setStatusTip(self.tr("Import every bundle in a folder"))
        self.act_export.setText(self.tr("&Export notice…"))
        self.act_export.setStatusTip(self.tr("Write the decision notice of the signed verdict as PDF"))
        self.act_close_case.setText(self.tr("&Close case"))
        self.act_reviewer.setText(self.tr("&Identity…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_queue.setText(self.tr("Case &queue"))
        self.act_find.setText(self.tr("&Search the queue"))
        self.act_refresh.setText(self.tr("&Refresh the queue"))
        self.act_next_tab.setText(self.tr("&Next tab"))
        self.act_prev_tab.setText(self.tr("&Previous tab"))
        self.act_fullscreen.setText(self.tr("&Full screen"))
        self.act_shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.act_about.setText(self.tr("&About Arbiter"))
        self.act_about_qt.setText(self.tr("About &Qt"))
        self.tabs.setTabText(QUEUE_TAB, self.tr("Case queue"))
        location = self.db_label.fontMetrics().elidedText(self.db_location, Qt.TextElideMode.ElideMiddle, 420)
        if self.demo:
            self.db_label.setText(self.tr("Temporary demo database: %1").replace("%1", location))
        else:
            self.db_label.setText(self.tr("Database: %1").replace("%1", location))
        self.db_label.setToolTip(self.db_location)
        for code, action in self.language_actions.items():
            action.setChecked(code == i18n.current_language())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- language -----------------------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code != i18n.current_language():
            i18n.switch(code)   # Qt sends LanguageChange to every widget; each re-reads its texts
        self.retranslate()

    # -- queue ------------------------------------------------------------------------------------------------
    def show_queue(self) -> None:
        self.tabs.setCurrentIndex(QUEUE_TAB)

    def _find(self) -> None:
        self.show_queue()
        self.queue_view.focus_search()

    def refresh_queue(self) -> None:
        """Re-read the queue (off the GUI thread); the selected case stays selected when the rows are back."""
        current = self.queue_view.table.currentIndex()
        keep = self.queue_model.row_at(current.row()).pk if current.isValid() else None
        self.queue_model.refresh()
        self._queue_stale = False
        if keep is not None:
            self.queue_model.when_loaded(lambda pk=keep: self._select_case_in_queue(pk))

    def _select_case_in_queue(self, case_pk: int) -> None:
        row = self.queue_model.row_for_case_pk(case_pk)
        if row >= 0:
            self.queue_view.table.setCurrentIndex(self.queue_model.index(row, 0))

    def _mark_queue_stale(self, *_args) -> None:
        self._queue_stale = True
        if self.tabs.currentIndex() == QUEUE_TAB:
            self.refresh_queue()

    def _on_tab_changed(self, index: int) -> None:
        workspace = self.tabs.widget(index)
        is_case = index != QUEUE_TAB
        self.act_close_case.setEnabled(is_case)
        self.act_export.setEnabled(isinstance(workspace, CaseWorkspace) and workspace.can_export_notice())
        if index == QUEUE_TAB and self._queue_stale:
            self.refresh_queue()

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    # -- cases ------------------------------------------------------------------------------------------------
    def workspace_for(self, case_pk: int) -> QWidget | None:
        """The tab of an open case (a placeholder while it is still being read)."""
        return self.cases.widget_for(case_pk)

    def open_case(self, case_pk: int) -> QWidget:
        """Open (or bring forward) the tab of a case; the case is read off the GUI thread (``caseOpened`` when it
        is in place). A case that cannot be read is explained, and its tab goes away."""
        return self.cases.open(case_pk)

    def _case_opened(self, case_pk: int) -> None:
        workspace = self.cases.widget_for(case_pk)
        if isinstance(workspace, CaseWorkspace):
            workspace.nextRequested.connect(lambda pk=case_pk: self.next_case(pk))
            from arbiter.ui import trust_banner  # the case is verified as it opens (issue 11)

            trust_banner.attach(workspace, self.repo, case_pk, lambda: self.identity)
        self._on_tab_changed(self.tabs.currentIndex())
        self.caseOpened.emit(case_pk)

    def _case_failed(self, case_pk: int, reason: str, quiet: bool) -> None:
        log.info("case %s could not be opened: %s", case_pk, reason)
        if quiet:
            self.statusBar().showMessage(self.tr("A case open last time could not be opened again: %1")
                                         .replace("%1", reason), 10000)
            return
        show_error(self, self.tr("Cannot open the case"),
                   self.tr("This case could not be opened: %1").replace("%1", reason))

    def next_case(self, after_pk: int | None = None) -> None:
        """Close the case just decided and open the next one still to decide, in the queue's order, once the
        queue has been read again and the identity's own appeals are known (both off the GUI thread)."""
        from arbiter.ui.next_case import open_next

        open_next(self, after_pk)

    def close_tab(self, index: int) -> None:
        self.cases.close_tab(index)

    def close_current_case(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def show_shortcuts(self) -> None:
        """F1: every keyboard shortcut of the window, on one sheet."""
        ShortcutSheet(self).open()

    def export_notice(self) -> None:
        workspace = self.tabs.currentWidget()
        if isinstance(workspace, CaseWorkspace) and workspace.can_export_notice():
            workspace.export_notice()

    # -- import -----------------------------------------------------------------------------------------------
    def choose_bundles(self) -> None:
        start = settings.get(settings.LAST_IMPORT_DIR) or str(Path.home())
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import case bundles"), start,
                                                self.tr("Case bundles (*.arbcase);;All files (*)"))
        if files:
            settings.put(settings.LAST_IMPORT_DIR, str(Path(files[0]).parent))
            self.import_paths(files)

    def choose_folder(self) -> None:
        start = settings.get(settings.LAST_IMPORT_DIR) or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of case bundles"), start)
        if folder:
            settings.put(settings.LAST_IMPORT_DIR, folder)
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> ImportDialog | None:
        """Import bundles (files or folders) with the progress dialog; the queue refreshes when it is done."""
        if not paths:
            return None
        if self.import_dialog is not None and self.import_dialog.running:
            self.statusBar().showMessage(self.tr("An import is already running."), 5000)
            self.import_dialog.raise_()
            return self.import_dialog
        dialog = ImportDialog(self.db, paths, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._after_import)
        dialog.destroyed.connect(lambda *_: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.start()
        dialog.open()
        return dialog

    def _after_import(self, outcomes: list) -> None:
        self.refresh_queue()
        done = sum(1 for o in outcomes if o.status in ("imported", "new_revision"))
        refused = sum(1 for o in outcomes if o.status == "refused")
        self.statusBar().showMessage(self.tr("Import finished: %1 stored, %2 refused.")
                                     .replace("%1", str(done)).replace("%2", str(refused)), 10000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            self.statusBar().showMessage(self.tr("Only .arbcase files and bundle folders can be imported."), 5000)
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- reviewer, about --------------------------------------------------------------------------------------
    def ask_reviewer(self) -> None:
        """File > Identity: the signing identity (issue 11); never a free-text name."""
        from arbiter.ui.identity_dialog import show_identity

        show_identity(self, self.identity)

    def set_identity(self, identity) -> None:
        self.identity = identity
        self.queue_view._update_returned()
        if identity is not None:
            self.statusBar().showMessage(self.tr("Signing as %1 (%2)").replace("%1", identity.name)
                                         .replace("%2", identity.id), 8000)

    def about_text(self) -> str:
        return self.tr(
            "<h3>Arbiter %1</h3>"
            "<p>An offline workstation for deciding TikTok Shop and Douyin after-sale disputes.</p>"
            "<p><b>Licences of the parts it is built on</b><br>"
            "Qt for Python (PySide6 %2) and Qt: LGPL-3.0<br>"
            "SQLAlchemy, Alembic, platformdirs: MIT<br>"
            "ReportLab: BSD<br>"
            "Pillow: MIT-CMU (HPND)<br>"
            "tzdata: Apache-2.0<br>"
            "WenQuanYi Micro Hei font: Apache-2.0 or GPL-3.0 with font exception</p>"
        ).replace("%1", arbiter.__version__).replace("%2", pyside_version)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Arbiter"), self.about_text())

    def _toggle_fullscreen(self, checked: bool) -> None:
        self.showFullScreen() if checked else self.showNormal()

    # -- geometry ---------------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = settings.get_bytes(settings.MAIN_GEOMETRY)
        if geometry is not None and self.restoreGeometry(geometry):
            state = settings.get_bytes(settings.MAIN_STATE)
            if state is not None:
                self.restoreState(state)
            return
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is None:
            self.resize(1280, 760)
            return
        size = QSize(min(1360, available.width() - 40), min(860, available.height() - 40))
        self.resize(size)
        self.move(available.center() - self.rect().center())

    def save_state(self) -> None:
        settings.put(settings.MAIN_GEOMETRY, self.saveGeometry())
        settings.put(settings.MAIN_STATE, self.saveState())
        self.queue_view.save_state()
        current = self.tabs.currentWidget()
        if isinstance(current, CaseWorkspace):
            current.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_dialog is not None and self.import_dialog.running:
            answer = QMessageBox.question(self, self.tr("Import running"),
                                          self.tr("An import is still running. Stop it after the current bundle "
                                                  "and quit?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.import_dialog.task.cancel()
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, CaseWorkspace) and not widget.close_session():
                error = getattr(widget.session, "last_save_error", None)
                if error and not case_tabs.ask_close_unsaved(self, widget.title, error):
                    self.tabs.setCurrentWidget(widget)
                    event.ignore()
                    return
        self.cases.save()
        self.save_state()
        from arbiter.ui import lease_keeper

        lease_keeper.release_on_quit(self)   # team mode: the cases go back (on the pool; waited for below)
        tasks.runner().wait(10_000)
        super().closeEvent(event)


def app_icon() -> QIcon:
    from arbiter.resources import resource_path

    icon = QIcon()
    for name in ("arbiter.svg", "arbiter-256.png", "arbiter-64.png"):
        try:
            path = resource_path("icons", name)
        except FileNotFoundError:
            continue
        if path.exists():
            icon.addFile(str(path))
    return icon
