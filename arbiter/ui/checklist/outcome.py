"""Step 4, outcome: what the rules derive, and the override (a written justification, flagged for a supervisor).
Which override outcomes make sense comes from the domain's allowed remedies and derived outcome."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from arbiter.domain.checklist import OUTCOMES
from arbiter.domain.review import ReviewState
from arbiter.ui import labels
from arbiter.ui.checklist.common import WARN, Step


class OutcomeStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "outcome", parent)
        self.set_title(self.tr("Outcome"))
        self.derived_label = QLabel()
        self.derived_label.setObjectName("derivedOutcome")
        self.derived_label.setWordWrap(True)
        self.body.addWidget(self.derived_label)
        self.override_check = QCheckBox(self.tr("Override the derived outcome"))
        self.override_check.setObjectName("overrideCheck")
        self.override_check.toggled.connect(self._toggled)
        self.body.addWidget(self.override_check)
        self.override_box = QWidget()
        self.override_box.setObjectName("overrideBox")
        ol = QVBoxLayout(self.override_box)
        ol.setContentsMargins(16, 0, 0, 0)
        self.override_warning = QLabel(self.tr("An override needs a written justification and flags this "
                                               "verdict for supervisor review."))
        self.override_warning.setObjectName("overrideWarning")
        self.override_warning.setWordWrap(True)
        self.override_warning.setStyleSheet(f"color: {WARN}; font-weight: 600;")
        ol.addWidget(self.override_warning)
        row = QVBoxLayout()
        self.choice("override.outcome", [(c, labels.outcome(c)) for c in OUTCOMES], row, "override_outcome")
        ol.addLayout(row)
        ol.addWidget(QLabel(self.tr("Justification (required):")))
        self.justification_edit = QPlainTextEdit()
        self.justification_edit.setObjectName("overrideJustification")
        self.justification_edit.setTabChangesFocus(True)
        self.justification_edit.setFixedHeight(70)
        self.justification_edit.textChanged.connect(
            lambda: self.answer("override.justification", self.justification_edit.toPlainText() or "", text=True))
        ol.addWidget(self.justification_edit)
        self.questions["override.outcome"] = self.choices["override.outcome"].buttons["declined"]
        self.questions["override.justification"] = self.justification_edit
        self.body.addWidget(self.override_box)
        self._syncing = False

    def _toggled(self, on: bool) -> None:
        if self._syncing:
            return
        current = self.review.answers.get("override")
        if on and not isinstance(current, dict):
            self.answer("override", {"outcome": None, "justification": ""})
        elif not on:
            self.answer("override", None)

    def refresh(self, state: ReviewState, locked: bool) -> None:
        assessment = state.assessment
        derived = assessment.derived_outcome
        text = self.tr("Derived outcome: {outcome}").format(outcome=labels.outcome(derived))
        if derived == "declined":
            failed = [labels.gate(g.id) for g in assessment.gates if g.passed is False]
            if failed:
                text += " — " + self.tr("failed gates: {gates}").format(gates=", ".join(failed))
        self.derived_label.setText(f"<b>{html.escape(text)}</b>")
        override = self.review.answers.get("override")
        overriding = isinstance(override, dict)
        self._syncing = True
        try:
            if self.override_check.isChecked() != overriding:
                self.override_check.setChecked(overriding)
        finally:
            self._syncing = False
        self.override_check.setEnabled(not locked)
        self.override_box.setVisible(overriding)
        made = self.choices["override.outcome"]
        made.sync(self.review.answer("override.outcome"))
        # a supported finding derives buyer_favoured or partial (by the remedy): overriding to either is no override
        same_side = {"buyer_favoured", "partial"} if derived in ("buyer_favoured", "partial") else {derived}
        for value, button in made.buttons.items():
            same = value in same_side
            button.setEnabled(not locked and not same)
            button.setToolTip(self.tr("The rules already derive this; choose the remedy instead of overriding.")
                              if same else "")
        just = (override or {}).get("justification") or "" if overriding else ""
        if self.justification_edit.toPlainText() != just:
            self.justification_edit.blockSignals(True)
            self.justification_edit.setPlainText(just)
            self.justification_edit.blockSignals(False)
        self.justification_edit.setReadOnly(locked)
