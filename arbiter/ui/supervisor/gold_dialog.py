"""Marking a gold case from the desk: a case id, and the expected answers either from an answers file (the shape
``arbiter decide`` takes) or from the supervisor's own blind answers on the case (the blind re-review's form,
empty, with the real rules' outcome under it). The store checks the answers with the rules
(``arbiter.store.gold.GoldStore.add``)."""
from __future__ import annotations

import json
from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class GoldDialog(QDialog):
    def __init__(self, db, repo, supervisor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("goldDialog")
        self.setWindowTitle(self.tr("Mark a gold case"))
        self.db, self.repo, self.supervisor = db, repo, supervisor
        self.form = None
        self.status_text = ""
        self.case_id = QLineEdit(self)
        self.case_id.setObjectName("goldCaseId")
        self.case_id.setPlaceholderText(self.tr("Case id, e.g. TTS-UK-250301-0001"))
        self.from_file = QRadioButton(self.tr("Expected answers from a file"), self)
        self.from_blind = QRadioButton(self.tr("Answer it myself, blind"), self)
        self.from_file.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.from_file)
        group.addButton(self.from_blind)
        self.path = QLineEdit(self)
        self.path.setObjectName("goldAnswersPath")
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.clicked.connect(self._browse)
        self.open_blind = QPushButton(self.tr("Open the case's questions"), self)
        self.open_blind.setObjectName("goldOpenBlind")
        self.open_blind.clicked.connect(self.show_blind_form)
        self.form_box = QVBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("goldMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a3b00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as gold"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The case stays as it is: reviewers get it like any other case. Its notice "
                                        "is never issued, and its verdicts count only in calibration."), self))
        layout.addWidget(self.case_id)
        layout.addWidget(self.from_file)
        layout.addLayout(file_row)
        layout.addWidget(self.from_blind)
        layout.addWidget(self.open_blind)
        layout.addLayout(self.form_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Expected answers"), "", "JSON (*.json)")
        if path:
            self.path.setText(path)
            self.from_file.setChecked(True)

    def _case_pk(self) -> int | None:
        from arbiter.store import QueueQuery

        wanted = self.case_id.text().strip()
        rows = self.repo.list_cases(QueueQuery(text=wanted), 0, 20) if wanted else []
        return next((r.pk for r in rows if r.case_id == wanted), None)

    def show_blind_form(self) -> bool:
        """Load the chosen case's questions into the blind form (empty)."""
        from arbiter.store import trust
        from arbiter.ui.supervisor.blind_form import BlindForm

        pk = self._case_pk()
        if pk is None:
            self.message.setText(self.tr("No case %1 in this database.").replace("%1", self.case_id.text().strip()))
            return False
        case = self.repo.load_case(pk).case
        policy = trust.policy_for(case.platform.value, case.region)
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
        self.form = BlindForm(case, policy, self.supervisor, self)
        self.form_box.addWidget(self.form)
        self.from_blind.setChecked(True)
        self.resize(max(self.width(), 900), max(self.height(), 760))
        return True

    def answers(self) -> tuple[dict | None, str]:
        """(answers, source) as chosen; None with the reason in ``message`` when there are none yet."""
        if self.from_blind.isChecked():
            if self.form is None and not self.show_blind_form():
                return None, "blind_review"
            if not self.form.complete():
                self.message.setText(self.tr("Answer every question first."))
                return None, "blind_review"
            return self.form.answers(), "blind_review"
        path = self.path.text().strip()
        try:
            with open(path, "rb") as fh:
                data = json.loads(fh.read().decode("utf-8-sig"), parse_float=Decimal)
        except (OSError, ValueError) as exc:
            self.message.setText(self.tr("The answers file cannot be read: %1").replace("%1", str(exc)))
            return None, "answers_file"
        if not isinstance(data, dict):
            self.message.setText(self.tr("The answers file must hold a JSON object."))
            return None, "answers_file"
        return data, "answers_file"

    def save(self) -> None:
        from arbiter.store.gold import GoldError, GoldStore

        case_id = self.case_id.text().strip()
        if not case_id:
            self.message.setText(self.tr("Give the case id."))
            return
        answers, source = self.answers()
        if answers is None:
            return
        try:
            status, row = GoldStore(self.db).add(case_id, answers, self.supervisor, source=source)
        except GoldError as exc:
            self.message.setText(str(exc))
            return
        self.status_text = f"{status}: {row.case_id}"
        self.accept()


__all__ = ["GoldDialog"]
