"""Step 8, sign-off: the reviewer, the preview of the decision, what is still missing (each entry a link that
jumps to the question, the evidence item or the chat log), and the buttons: Sign, Sign and next, Amend, Export,
Next case."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton

from arbiter.domain.review import ReviewState
from arbiter.ui.checklist.common import OK, WARN, Step
from arbiter.ui.checklist.preview import summary_html

SIGN_KEY = "Ctrl+Return"
SIGN_NEXT_KEY = "Ctrl+Shift+Return"


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class SignOffStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "signoff", parent)
        self.set_title(self.tr("Sign-off"))
        row = QHBoxLayout()
        label = QLabel(self.tr("Reviewer:"))
        row.addWidget(label)
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setObjectName("reviewerEdit")
        self.reviewer_edit.setReadOnly(True)   # the signing identity (File > Identity), never free text
        label.setBuddy(self.reviewer_edit)
        row.addWidget(self.reviewer_edit, 1)
        self.body.addLayout(row)

        self.preview = QLabel()
        self.preview.setObjectName("signPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(8)
        self.body.addWidget(self.preview)

        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingList")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        # links reachable with Tab and followed with Enter, like the buttons
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                   | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.missing_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.body.addWidget(self.missing_label)

        buttons = QHBoxLayout()
        self.sign_button = self._button("signButton", buttons)
        self.sign_next_button = self._button("signNextButton", buttons)
        self.cancel_amend_button = self._button("cancelAmendButton", buttons)
        self.amend_button = self._button("amendButton", buttons)
        self.export_button = self._button("exportButton", buttons)
        self.next_button = self._button("nextCaseButton", buttons)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.sign_button.setText(self.tr("Sign verdict"))
        self.sign_button.setToolTip(self.tr("Sign and lock the verdict ({key})").format(key=native(SIGN_KEY)))
        self.sign_next_button.setText(self.tr("Sign and next"))
        self.sign_next_button.setToolTip(self.tr("Sign, then open the next case of the queue ({key})").format(
            key=native(SIGN_NEXT_KEY)))
        self.cancel_amend_button.setText(self.tr("Discard amendment"))
        self.amend_button.setText(self.tr("Amend…"))
        self.export_button.setText(self.tr("Export notice…"))
        self.export_button.setToolTip(native("Ctrl+E"))
        self.next_button.setText(self.tr("Next case"))
        self.next_button.setToolTip(self.tr("Open the next case of the queue ({key})").format(
            key=native(SIGN_NEXT_KEY)))

        self.signed_label = QLabel()
        self.signed_label.setObjectName("signedSummary")
        self.signed_label.setWordWrap(True)
        self.signed_label.setTextFormat(Qt.TextFormat.RichText)
        self.signed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.signed_label)
        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.export_status)

    def _button(self, name: str, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        layout.addWidget(button)
        return button

    def refresh(self, state: ReviewState, locked: bool, blockers: list | None = None,
                exporting: bool = False) -> None:
        review = self.review
        reviewer = (review.answers.get("reviewer") if locked else None) or review.reviewer
        if self.reviewer_edit.text() != reviewer:
            self.reviewer_edit.setText(reviewer)
        record = review.verdict_record if locked else state.preview
        self.preview.setText(summary_html(record, state, review.policy, signed=locked))
        blockers = blockers or []
        esc = html.escape
        if locked:
            self.missing_label.setText("")
            self.missing_label.setVisible(False)
        elif blockers:
            items = "".join(
                f"<li><a href='goto:{esc(b.target)}'>{esc(b.text, quote=False)}</a></li>" if b.target
                else f"<li>{esc(b.text, quote=False)}</li>" for b in blockers)
            head = self.tr("Still missing before signing ({n}); click an entry to go there:").format(n=len(blockers))
            self.missing_label.setText(f"<b style='color:{WARN}'>{esc(head)}</b><ul style='margin-top:2px'>{items}</ul>")
            self.missing_label.setVisible(True)
        else:
            self.missing_label.setText(f"<b style='color:{OK}'>"
                                       + esc(self.tr("Nothing is missing: the verdict can be signed.")) + "</b>")
            self.missing_label.setVisible(True)
        ready = not locked and not blockers
        self.sign_button.setEnabled(ready)
        self.sign_button.setVisible(not locked)
        self.sign_button.setText(self.tr("Sign amendment") if review.is_amending else self.tr("Sign verdict"))
        self.sign_next_button.setEnabled(ready)
        self.sign_next_button.setVisible(not locked and not review.is_amending)
        self.cancel_amend_button.setVisible(review.is_amending)
        self.amend_button.setVisible(locked)
        self.export_button.setVisible(review.is_signed)
        self.export_button.setEnabled(review.is_signed and locked and not exporting)
        self.next_button.setVisible(locked)
