"""The keyboard: the shortcut sheet (F1) and the guard that keeps the window's shortcuts working inside text
fields.

The sheet lists what is really bound, read from the window's actions and shortcuts at the moment it opens
(menus, the checklist's F8 / Ctrl+Return / Ctrl+Shift+Return, the evidence and chat tools of the case in front),
so it cannot drift from the code.

Text fields claim some keys for editing through Qt's ShortcutOverride (on Linux a line edit takes Ctrl+E as "end
of line"), which swallowed File > Export notice. The guard lets the window's own shortcuts win over a text field
for the keys in :data:`WINDOW_KEYS`; every other key stays the field's.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

#: keys the window's shortcuts keep even while a text field has the focus
WINDOW_KEYS = ("Ctrl+E", "Ctrl+Return", "Ctrl+Shift+Return", "F1", "F8")
_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def _combo(event) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class KeyGuard(QObject):
    """Application event filter: a ShortcutOverride for one of :data:`WINDOW_KEYS` aimed at a text field is
    filtered out unaccepted, so the shortcut map goes on to the window's shortcut."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.keys = {QKeySequence(k) for k in WINDOW_KEYS}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, _TEXT_FIELDS):
            if _combo(event) in self.keys:
                event.ignore()
                return True
        return False


def install_key_guard(window: QWidget) -> KeyGuard:
    guard = KeyGuard(window)
    QApplication.instance().installEventFilter(guard)
    window.destroyed.connect(lambda *_: _remove(guard))
    return guard


def _remove(guard: KeyGuard) -> None:
    app = QApplication.instance()
    if app is not None:
        try:
            app.removeEventFilter(guard)
        except RuntimeError:  # already gone with the window
            pass


def bound_keys(root: QWidget) -> list[tuple[str, str]]:
    """(what, key) of every enabled action and shortcut under ``root`` that has a key, visible ones only,
    without duplicates, in the order found."""
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for action in root.findChildren(QAction):
        for key in action.shortcuts():
            what = action.text().replace("&", "").rstrip("…").strip() or action.toolTip()
            row = (what, key.toString(QKeySequence.SequenceFormat.NativeText))
            if what and row not in seen:
                seen.add(row)
                out.append(row)
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or (isinstance(parent, QWidget) and not parent.isVisible()):
            continue
        what = shortcut.whatsThis()
        row = (what, shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        if what and row not in seen:
            seen.add(row)
            out.append(row)
    return out


class ShortcutSheet(QDialog):
    """Every keyboard shortcut of the window, with how to move through the checklist by keyboard."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rows = bound_keys(window) + [
            (self.tr("Next field / previous field"), "Tab / Shift+Tab"),
            (self.tr("Move between the options of a question"), self.tr("Arrow keys")),
            (self.tr("Choose the option or press the button in focus"), self.tr("Space")),
            (self.tr("Open the case selected in the queue"), self.tr("Enter")),
            (self.tr("Read a chat log to its end"), "Ctrl+End"),
        ]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, key) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(key))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.rows = rows
