"""Step 5, remedy and liability: the remedies the outcome allows (from the domain), the refund amount (a full
refund pre-filled with the cap by the domain's follow-up rules; the reviewer may lower it), and the engine's own
objection to the amount shown under it."""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit

from arbiter.domain.checklist import REFUNDING_REMEDIES, REMEDY_TYPES
from arbiter.domain.money import minor_unit
from arbiter.domain.review import ReviewState
from arbiter.ui import i18n, labels
from arbiter.ui.checklist.common import BAD, MUTED, Step


class RemedyStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "remedy", parent)
        self.set_title(self.tr("Remedy and liability"))
        self.hint = QLabel()
        self.hint.setObjectName("remedyHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED};")
        self.body.addWidget(self.hint)
        grid = QGridLayout()
        made = self.choice("remedy", [(c, labels.remedy(c)) for c in REMEDY_TYPES], None, "remedy")
        for i, code in enumerate(REMEDY_TYPES):
            grid.addWidget(made.buttons[code], i // 2, i % 2)
        self.body.addLayout(grid)
        self.questions["remedy"] = made.buttons[REMEDY_TYPES[0]]

        row = QHBoxLayout()
        label = QLabel(self.tr("Amount:"))
        row.addWidget(label)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setMaximumWidth(140)
        order = review.case.order
        places = minor_unit(order.currency)
        pattern = r"^[0-9]{0,12}$" if places == 0 else rf"^[0-9]{{0,12}}(\.[0-9]{{0,{places}}})?$"
        self.amount_edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.amount_edit))
        self.placeholder = "0." + "0" * places if places else "0"
        self.amount_edit.textEdited.connect(lambda t: self.answer("amount", t.strip() or None))
        label.setBuddy(self.amount_edit)
        row.addWidget(self.amount_edit)
        self.paid_label = QLabel(self.tr("of {paid} {currency} paid").format(paid=order.total_paid,
                                                                              currency=order.currency))
        self.paid_label.setObjectName("paidLabel")
        row.addWidget(self.paid_label)
        row.addStretch(1)
        self.body.addLayout(row)
        self.amount_error = QLabel()
        self.amount_error.setObjectName("amountError")
        self.amount_error.setWordWrap(True)
        self.amount_error.setStyleSheet(f"color: {BAD};")
        self.body.addWidget(self.amount_error)
        self.questions["amount"] = self.amount_edit

    def refresh(self, state: ReviewState, locked: bool) -> None:
        answers = self.review.answers
        made = self.choices["remedy"]
        made.sync(answers.get("remedy"))
        allowed = state.allowed_remedies
        for code, button in made.buttons.items():
            button.setEnabled(not locked and code in allowed)
        if not allowed:
            self.hint.setText(self.tr("Answer the jurisdiction gates and the findings first: the remedy depends on "
                                      "the outcome."))
        elif allowed == {"none"}:
            self.hint.setText(self.tr("The outcome is {outcome}: no remedy.").format(
                outcome=labels.outcome(state.outcome)))
        else:
            currency = self.review.case.order.currency
            basis = getattr(getattr(state.assessment, "refund_cap", None), "basis", None)   # rules revision 2
            if basis:   # what the cap is made of, inside the sentence (it used to trail it as a fragment)
                lang = "zh" if i18n.current_language().startswith("zh") else "en"
                text = self.tr("Choose the remedy. A full refund is filled in with the most that can be refunded, "
                               "{cap} {currency} ({basis}); lower it if needed.").format(
                    cap=state.refund_cap, currency=currency, basis=basis.get(lang) or basis.get("en", ""))
            else:
                text = self.tr("Choose the remedy. A full refund is filled in with the most that can be refunded "
                               "({cap} {currency}); lower it if needed.").format(cap=state.refund_cap,
                                                                                  currency=currency)
            self.hint.setText(text)
        remedy = answers.get("remedy")
        text = str(answers.get("amount") or "")
        if self.amount_edit.text() != text:
            self.amount_edit.setText(text)
        refunds = remedy in REFUNDING_REMEDIES
        self.amount_edit.setEnabled(not locked and refunds)
        self.amount_edit.setPlaceholderText(self.placeholder if refunds else self.tr("no refund for this remedy"))
        problem = state.error_for("amount")
        self.amount_error.setText(problem or "")
        self.amount_error.setVisible(bool(problem))
        self.amount_edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {BAD}; }}" if problem else "")
