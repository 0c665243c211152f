"""Supplementary evidence while reviewing (checklist.md step 2, r2): the case's requests, a dialog to make a new
one (party, what, due date), withdrawing one, and the file for the platform.

Making a request sets the case to ``awaiting_evidence`` (the store does it); it resumes when a new revision of
the bundle brings the items or the due date passes (docs/supplement-requests.md). Database work runs through
:mod:`arbiter.ui.tasks` (writes on its single writer thread).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from arbiter.supplement_export import write_requests_file
from arbiter.ui import tasks
from arbiter.ui.widgets.common import plain_error

DEFAULT_DUE = timedelta(days=3)


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class SupplementRequestDialog(QDialog):
    """Party, what to supply, due date. ``values()`` -> (party, what, due_at aware)."""

    def __init__(self, parent=None, *, now: datetime | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request supplementary evidence"))
        now = (now or datetime.now().astimezone()).replace(second=0, microsecond=0)
        self.buyer = QRadioButton(self.tr("Buyer"))
        self.seller = QRadioButton(self.tr("Seller"))
        self.party_group = QButtonGroup(self)
        self.party_group.addButton(self.buyer)
        self.party_group.addButton(self.seller)   # no party pre-selected (neutrality)
        parties = QHBoxLayout()
        parties.addWidget(self.buyer)
        parties.addWidget(self.seller)
        parties.addStretch(1)
        self.what = QPlainTextEdit()
        self.what.setPlaceholderText(self.tr("What the party should supply, e.g. a photo of the outer box"))
        self.what.setTabChangesFocus(True)
        self.due = QDateTimeEdit(QDateTime(now + DEFAULT_DUE))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setMinimumDateTime(QDateTime(now + timedelta(hours=1)))
        note = QLabel(self.tr("While a request is open the case waits (Awaiting evidence). It resumes when a new "
                              "revision of the case brings the items or the due date passes. Items submitted after "
                              "the due date are excluded as late."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b73;")
        form = QFormLayout()
        form.addRow(self.tr("Party"), parties)
        form.addRow(self.tr("What"), self.what)
        form.addRow(self.tr("Due"), self.due)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Request"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        for signal in (self.buyer.toggled, self.seller.toggled, self.what.textChanged):
            signal.connect(self._validate)
        self._validate()
        self.resize(520, 320)

    def _validate(self) -> None:
        ok = (self.buyer.isChecked() or self.seller.isChecked()) and bool(self.what.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str, datetime]:
        party = "buyer" if self.buyer.isChecked() else "seller"
        due = self.due.dateTime().toPython()
        if due.tzinfo is None:
            due = due.astimezone()   # the reviewer's local zone
        return party, self.what.toPlainText().strip(), due


class SupplementPanel(QWidget):
    """The Requests tab of the case view."""

    changed = Signal()   # the requests (and so the case's status) changed

    COLUMNS = 5

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows: list = []
        repo = session.repo
        self.available = callable(getattr(repo, "supplement_requests", None))

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_request)
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())
        buttons = QHBoxLayout()
        for b in (self.new_button, self.withdraw_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self.reload()

    # ---------------------------------------------------------------- data
    def requests(self) -> list:
        return list(self._rows)

    def reload(self) -> None:
        if not self.available:
            return
        task = tasks.run(self._session.repo.supplement_requests, self._session.case_pk)
        task.finished.connect(self._loaded)
        task.failed.connect(lambda exc: self.status.setText(plain_error(exc)))

    def _loaded(self, rows) -> None:
        self._rows = list(rows)
        if hasattr(self._session, "open_supplements"):
            before = list(self._session.open_supplements)
            self._session.open_supplements = [r.request_id for r in self._rows if r.state == "open"]
            if before != self._session.open_supplements and hasattr(self._session, "changed"):
                self._session.changed.emit()   # the sign gate and the checklist re-read it
        self.table.setRowCount(len(self._rows))
        for r, req in enumerate(self._rows):
            values = (req.request_id, self._party(req.party), req.what, _local(req.due_at), self._state(req.state))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if c == 2 else "")
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(3)
        self._update_buttons()
        self.changed.emit()

    def open_count(self) -> int:
        return sum(1 for r in self._rows if r.state == "open")

    # ---------------------------------------------------------------- actions
    def new_request(self) -> None:
        dialog = SupplementRequestDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.submit(*dialog.values())

    def submit(self, party: str, what: str, due_at: datetime):
        task = tasks.run(self._session.repo.request_supplement, self._session.case_pk, party, what, due_at,
                         self._session.reviewer, writes=True)
        task.finished.connect(lambda req: (self.status.setText(
            self.tr("%1 requested; the case now waits for it (Awaiting evidence).").replace("%1", req.request_id)),
            self.reload()))
        task.failed.connect(lambda exc: self.status.setText(plain_error(exc)))
        return task

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def withdraw_selected(self):
        req = self.selected()
        if req is None or req.state != "open":
            return None
        task = tasks.run(self._session.repo.withdraw_supplement, self._session.case_pk, req.request_id,
                         self._session.reviewer, writes=True)
        task.finished.connect(lambda _r: (self.status.setText(self.tr("%1 withdrawn.").replace("%1", req.request_id)),
                                          self.reload()))
        task.failed.connect(lambda exc: self.status.setText(plain_error(exc)))
        return task

    def export(self, path: str | None = None):
        """Write this case's open requests to a JSON file for the platform."""
        if not path:
            name = f"{self._session.case.case_id}-supplement-requests.json"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the requests for the platform"), name,
                                                  self.tr("JSON files (*.json)"))
        if not path:
            return None
        repo, case_pk, actor = self._session.repo, self._session.case_pk, self._session.reviewer

        def work():
            doc = repo.export_supplement_requests(case_pk=case_pk, include_exported=True, actor=actor)
            write_requests_file(doc, path)
            return len(doc["requests"])

        task = tasks.run(work, writes=True)
        task.finished.connect(lambda n: (self.status.setText(
            self.tr("%1 open request(s) written to %2").replace("%1", str(n)).replace("%2", str(path))),
            self.reload()))
        task.failed.connect(lambda exc: self.status.setText(
            self.tr("The file could not be written: %1").replace("%1", plain_error(exc))))
        return task

    # ---------------------------------------------------------------- texts
    def _party(self, party: str) -> str:
        return self.tr("Buyer") if party == "buyer" else self.tr("Seller")

    def _state(self, state: str) -> str:
        return {"open": self.tr("open"), "answered": self.tr("answered"), "expired": self.tr("due date passed"),
                "withdrawn": self.tr("withdrawn")}.get(state, state)

    def _update_buttons(self) -> None:
        signed = bool(getattr(self._session, "is_signed", False))
        self.new_button.setEnabled(self.available and not signed)
        req = self.selected()
        self.withdraw_button.setEnabled(self.available and req is not None and req.state == "open")
        self.export_button.setEnabled(self.available and self.open_count() > 0)

    def tab_title(self) -> str:
        n = self.open_count()
        return self.tr("Requests (%1 open)").replace("%1", str(n)) if n else self.tr("Requests")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Supplementary evidence asked of a party while reviewing. The file for the "
                                   "platform lists the open requests (docs/supplement-requests.md)."))
        self.new_button.setText(self.tr("Request evidence…"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.export_button.setText(self.tr("Export for the platform…"))
        self.table.setHorizontalHeaderLabels([self.tr("Request"), self.tr("Party"), self.tr("What"), self.tr("Due"),
                                              self.tr("State")])
        if self._rows:
            self._loaded(self._rows)
        self._update_buttons()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "table"):
            self.retranslate()
        super().changeEvent(event)
