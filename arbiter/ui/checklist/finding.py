"""Step 3, findings: what the admissible evidence shows, the problem when it supports the claim (with the extent
of the damage for damaged goods), and the seller's conduct (printed only in the seller's notice). The problems
come from the policy's list (:data:`arbiter.domain.policy.PROBLEMS`), so a new one needs no widget code."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from arbiter.domain.policy import PROBLEMS
from arbiter.domain.review import ReviewState
from arbiter.domain.revision2 import DAMAGE_EXTENT_OPTIONS, DAMAGE_EXTENT_QUESTION
from arbiter.ui import i18n, labels
from arbiter.ui.checklist.common import BAD, OK, Step, bold

CONDUCT = ("replied_within_72h", "professional_language", "no_ads_or_links")


class FindingStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "findings", parent)
        self.set_title(self.tr("Findings"))
        self.body.addWidget(bold(self.tr("What does the admissible evidence show about the claim?")))
        row = QVBoxLayout()
        self.choice("finding", [(c, labels.finding(c)) for c in ("supported", "contradicted", "insufficient")],
                    row, "finding")
        self.body.addLayout(row)
        self.questions["finding"] = self.choices["finding"].buttons["supported"]

        self.problem_box = QWidget()
        grid = QGridLayout(self.problem_box)
        grid.setContentsMargins(16, 0, 0, 0)
        grid.addWidget(bold(self.tr("When it supports the claim: what is the problem?")), 0, 0)
        problem = self.choice("problem", [(c, labels.problem(c)) for c in PROBLEMS], None, "problem")
        for i, code in enumerate(PROBLEMS):
            grid.addWidget(problem.buttons[code], 1 + i, 0)
        self.questions["problem"] = problem.buttons[PROBLEMS[0]]
        self.body.addWidget(self.problem_box)

        self.damage_box = QWidget()
        self.damage_box.setObjectName("damageExtent")
        dl = QHBoxLayout(self.damage_box)
        dl.setContentsMargins(32, 0, 0, 0)
        lang = "zh" if i18n.current_language().startswith("zh") else "en"
        question = QLabel(DAMAGE_EXTENT_QUESTION[lang])   # worded by the rules (revision 2), in both languages
        question.setWordWrap(True)
        dl.addWidget(question)
        extent = self.choice("damage_extent", [(c, DAMAGE_EXTENT_OPTIONS[c][lang]) for c in DAMAGE_EXTENT_OPTIONS],
                             dl, "damage_extent")
        dl.addStretch(1)
        self.questions["damage_extent"] = extent.buttons["complete"]
        self.body.addWidget(self.damage_box)
        # rules revision 2: the 7-day no-reason return's conditions, computed from the bundle (shown, not asked)
        self.no_reason_facts = QLabel()
        self.no_reason_facts.setObjectName("facts:no_reason_return")
        self.no_reason_facts.setWordWrap(True)
        self.no_reason_facts.setContentsMargins(16, 0, 0, 0)
        self.body.addWidget(self.no_reason_facts)

        conduct = QGroupBox(self.tr("Seller conduct (optional; printed only in the seller's notice)"))
        conduct.setObjectName("sellerConduct")
        cl = QGridLayout(conduct)
        texts = {code: labels.seller_conduct_question(code) for code in CONDUCT}
        self.clear_buttons: list[QToolButton] = []
        for i, code in enumerate(CONDUCT):
            question = QLabel(texts[code])
            question.setWordWrap(True)
            cl.addWidget(question, i, 0)
            buttons = QHBoxLayout()
            key = f"seller_conduct.{code}"
            self.choice(key, [(True, self.tr("Yes")), (False, self.tr("No"))], buttons, code)
            clear = QToolButton()
            clear.setText(self.tr("Clear"))
            clear.setObjectName(f"clear:{code}")
            clear.clicked.connect(lambda _=False, k=key: self.answer(k, None))
            self.clear_buttons.append(clear)
            buttons.addWidget(clear)
            holder = QWidget()
            holder.setLayout(buttons)
            cl.addWidget(holder, i, 1)
        cl.setColumnStretch(0, 1)
        self.body.addWidget(conduct)

    def refresh(self, state: ReviewState, locked: bool) -> None:
        answers = self.review.answers
        for key, made in self.choices.items():
            made.sync(self.review.answer(key))
            made.set_enabled(not locked)
        supported = answers.get("finding") == "supported"
        self.problem_box.setEnabled(supported and not locked)
        self.choices["problem"].set_enabled(supported and not locked)
        asks = getattr(state.assessment, "asks_damage_extent", None)   # the engine says when it asks (r2)
        damaged = asks if asks is not None else (supported and answers.get("problem") == "damaged")
        self.damage_box.setVisible(bool(damaged))
        facts = getattr(state.assessment, "no_reason_return", None)
        shown = facts is not None and supported and answers.get("problem") == "no_reason_return"
        if shown:
            lang = "zh" if i18n.current_language().startswith("zh") else "en"
            verdict = (self.tr("Decided by the facts: a no-reason return is possible") if facts.accepted
                       else self.tr("Decided by the facts: a no-reason return is not possible"))
            self.no_reason_facts.setText(f"<b style='color:{OK if facts.accepted else BAD}'>{html.escape(verdict)}"
                                         f"</b> — {html.escape(facts.facts.get(lang) or facts.facts.get('en', ''))}")
        self.no_reason_facts.setVisible(shown)
        for clear in self.clear_buttons:
            clear.setEnabled(not locked)
