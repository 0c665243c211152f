"""The dialog that starts an amendment of a signed verdict: a signed verdict is never edited, it is amended, and
every amendment carries its own written reason."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

#: a reason shorter than this (after trimming) is not a reason
MIN_REASON_CHARS = 10


class AmendDialog(QDialog):
    """Asks why the signed verdict is being amended. ``reason()`` after ``exec()`` returned Accepted."""

    def __init__(self, signed_summary: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("amendDialog")
        self.setWindowTitle(self.tr("Amend the signed verdict"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A signed verdict is never changed in place. An amendment is a new verdict that "
                               "replaces it, with its own reason; the original stays on record."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if signed_summary:
            summary = QLabel(signed_summary)
            summary.setWordWrap(True)
            summary.setObjectName("amendSignedSummary")
            layout.addWidget(summary)
        label = QLabel(self.tr("Reason for the amendment (required):"))
        layout.addWidget(label)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("amendReason")
        self.reason_edit.setPlaceholderText(self.tr("What changed, and why the verdict must change"))
        label.setBuddy(self.reason_edit)
        layout.addWidget(self.reason_edit)
        self.hint = QLabel()
        self.hint.setObjectName("amendHint")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start amendment"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self.resize(460, 300)
        self._update()

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update(self) -> None:
        short = len(self.reason()) < MIN_REASON_CHARS
        self.ok_button.setEnabled(not short)
        self.hint.setText(self.tr("Write at least {n} characters.").format(n=MIN_REASON_CHARS) if short else "")

    def accept(self) -> None:
        if len(self.reason()) < MIN_REASON_CHARS:
            return
        super().accept()
