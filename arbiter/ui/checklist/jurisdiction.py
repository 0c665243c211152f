"""Step 1, jurisdiction: does the platform intervene at all? The gates the bundle decides (J2, J3, J7, J8) are
shown as decided by the facts, with the figures behind them, and need no click (checklist.md, neutrality 2); the
gates the reviewer judges are Yes/No questions."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from arbiter.domain.review import ReviewState
from arbiter.ui import i18n, labels
from arbiter.ui.checklist.common import BAD, OK, WARN, Step, note


def facts_language() -> str:
    return "zh" if i18n.current_language().startswith("zh") else "en"


class JurisdictionStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "jurisdiction", parent)
        self.set_title(self.tr("Jurisdiction: does the platform intervene?"))
        self.body.addWidget(note(self.tr("Any gate answered No ends the checklist: the case is declined and the "
                                         "parties may pursue their rights through legal channels.")))
        #: computed gate id -> the label with its decision and figures
        self.gate_facts: dict[str, QLabel] = {}
        for gate in review.state.assessment.gates:
            row = QWidget()
            row.setObjectName(f"gateRow:{gate.id}")
            lay = QVBoxLayout(row)
            lay.setContentsMargins(0, 2, 0, 2)
            lay.setSpacing(2)
            title = QLabel(f"<b>{html.escape(labels.gate_short(gate.id))}</b> "
                           f"{html.escape(labels.gate_question(gate.id))}")
            title.setWordWrap(True)
            lay.addWidget(title)
            if gate.computed:
                facts = QLabel()
                facts.setObjectName(f"facts:{gate.id}")
                facts.setWordWrap(True)
                facts.setContentsMargins(16, 0, 0, 0)
                facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                lay.addWidget(facts)
                self.gate_facts[gate.id] = facts
            else:
                buttons = QHBoxLayout()
                buttons.setContentsMargins(16, 0, 0, 0)
                key = f"jurisdiction.{gate.id}"
                made = self.choice(key, [(True, self.tr("Yes")), (False, self.tr("No"))], buttons, gate.id)
                buttons.addStretch(1)
                lay.addLayout(buttons)
                self.questions[key] = made.buttons[True]
            self.body.addWidget(row)

    def refresh(self, state: ReviewState, locked: bool) -> None:
        lang = facts_language()
        for gate in state.assessment.gates:
            label = self.gate_facts.get(gate.id)
            if label is None:
                continue
            facts = gate.facts.get(lang) or gate.facts.get("en") or ""
            verdict = {True: self.tr("Decided by the facts: passes"), False: self.tr("Decided by the facts: fails"),
                       None: self.tr("The facts do not decide it")}[gate.passed]
            colour = {True: OK, False: BAD, None: WARN}[gate.passed]
            label.setText(f"<span style='color:{colour}'><b>{html.escape(verdict)}</b></span> — "
                          f"{html.escape(facts)}")
        for key, made in self.choices.items():
            made.sync(self.review.answer(key))
            made.set_enabled(not locked)
