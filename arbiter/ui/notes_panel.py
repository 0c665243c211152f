"""The reviewer's private notes on a case: never printed in a notice nor exported in a package, kept in the audit
trail (append-only: an edit is a new version, a removal too; :mod:`arbiter.store.notes`).

The Notes tab of the case view: the current notes, oldest first, an editor, Add / Save changes / Remove.
Database work runs through :mod:`arbiter.ui.tasks` (writes on its single writer thread).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from arbiter.ui import tasks
from arbiter.ui.widgets.common import plain_error


class NotesPanel(QWidget):
    changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._notes: list = []
        self._editing: int | None = None
        self.available = callable(getattr(session.repo, "notes", None))

        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet("color: #5f6b73;")
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(140)
        self.editor.textChanged.connect(self._update_buttons)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.cancel_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.privacy)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()
        self.reload()

    # ---------------------------------------------------------------- data
    def notes(self) -> list:
        return list(self._notes)

    def reload(self) -> None:
        if not self.available:
            return
        task = tasks.run(self._session.repo.notes, self._session.case_pk)
        task.finished.connect(self._loaded)
        task.failed.connect(lambda exc: self.status.setText(plain_error(exc)))

    def _loaded(self, notes) -> None:
        self._notes = list(notes)
        self.list.clear()
        for note in self._notes:
            when = note.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{when} · {note.author}{self._edited(note)}\n{note.body}")
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.list.addItem(item)
        self._update_buttons()
        self.changed.emit()

    def _edited(self, note) -> str:
        return self.tr(" (edited)") if note.supersedes_id is not None else ""

    def selected(self):
        rows = self.list.selectionModel().selectedRows()
        return self._notes[rows[0].row()] if rows else None

    # ---------------------------------------------------------------- actions
    def save(self):
        body = self.editor.toPlainText().strip()
        if not body or not self.available:
            return None
        repo, pk, who = self._session.repo, self._session.case_pk, self._session.reviewer
        if self._editing is None:
            task = tasks.run(repo.add_note, pk, who, body, writes=True)
        else:
            task = tasks.run(repo.edit_note, pk, self._editing, who, body, writes=True)
        task.finished.connect(self._written)
        task.failed.connect(lambda exc: self.status.setText(plain_error(exc)))
        return task

    def _written(self, _row) -> None:
        self._editing = None
        self.editor.clear()
        self.status.setText(self.tr("Saved. Earlier versions stay in the audit trail."))
        self.reload()

    def edit_selected(self) -> None:
        note = self.selected()
        if note is None:
            return
        self._editing = note.id
        self.editor.setPlainText(note.body)
        self.editor.setFocus()
        self._update_buttons()

    def cancel_edit(self) -> None:
        self._editing = None
        self.editor.clear()
        self._update_buttons()

    def remove_selected(self):
        note = self.selected()
        if note is None:
            return None
        task = tasks.run(self._session.repo.remove_note, self._session.case_pk, note.id, self._session.reviewer,
                         writes=True)
        task.finished.connect(self._written)
        task.failed.connect(lambda exc: self.status.setText(plain_error(exc)))
        return task

    # ---------------------------------------------------------------- texts
    def _update_buttons(self) -> None:
        has_text = bool(self.editor.toPlainText().strip())
        self.save_button.setText(self.tr("Save changes") if self._editing is not None else self.tr("Add note"))
        self.save_button.setEnabled(self.available and has_text)
        self.cancel_button.setVisible(self._editing is not None)
        selected = self.selected() is not None
        self.edit_button.setEnabled(self.available and selected)
        self.remove_button.setEnabled(self.available and selected)

    def tab_title(self) -> str:
        n = len(self._notes)
        return self.tr("Notes (%1)").replace("%1", str(n)) if n else self.tr("Notes")

    def retranslate(self) -> None:
        self.privacy.setText(self.tr("Private notes: yours alone. They are never printed in a notice nor exported "
                                     "in a package; every version is kept in the audit trail."))
        self.editor.setPlaceholderText(self.tr("Write a private note about this case…"))
        self.edit_button.setText(self.tr("Edit"))
        self.remove_button.setText(self.tr("Remove"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self._notes:
            self._loaded(self._notes)
        self._update_buttons()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "list"):
            self.retranslate()
        super().changeEvent(event)
