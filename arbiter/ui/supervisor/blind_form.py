"""The supervisor's blind checklist: the reviewer's questions on the same case revision, starting empty.

It shows nothing of the reviewer's answers. The questions come from the domain (the gates a person answers,
the case's evidence in review order, findings, problems, remedies), so a question added to the rules appears
here without code; the answers come out in the ANSWERS.json shape, and the live outcome under the form is the
real rules' (``arbiter.domain.checklist.assess``).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from arbiter.domain.checklist import (
    EVIDENCE_ANSWERS,
    FINDINGS,
    PROBLEMS,
    REMEDY_TYPES,
    REVIEWER_GATES,
    SELLER_CONDUCT_KEYS,
    assess,
)
from arbiter.ui import labels

_UNSET = "—"


class BlindForm(QWidget):
    """``BlindForm(case, policy, supervisor_id)``; ``answers()`` gives the ANSWERS.json dict so far."""

    changed = Signal()

    def __init__(self, case, policy, supervisor_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blindForm")
        self.case = case
        self.policy = policy
        self.supervisor_id = supervisor_id
        self.gates: dict[str, QComboBox] = {}
        self.evidence: dict[str, QComboBox] = {}

        self._words: list = []   # every text of the form, re-read on a language switch (retranslate)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        note = self._label(inner, lambda: self.tr("Answer the checklist yourself. The reviewer's answers stay hidden "
                                                  "until you compare."))
        layout.addWidget(note)

        base = assess(case, policy, {})
        gates = self._group(inner, lambda: self.tr("Jurisdiction"))
        form = QFormLayout(gates)
        for gate in base.gates:
            if gate.computed or gate.id not in REVIEWER_GATES:
                form.addRow(self._label(gates, lambda g=gate: self.tr("%1: %2 (from the case)").replace(
                    "%1", labels.gate(g.id)).replace("%2", self._decided(g.passed))))
                continue
            box = self._yes_no(gates, f"gate_{gate.id}")
            self.gates[gate.id] = box
            form.addRow(self._label(gates, lambda g=gate: labels.gate_question(g.id)), box)
        layout.addWidget(gates)

        evidence = self._group(inner, lambda: self.tr("Evidence"))
        form = QFormLayout(evidence)
        for item in base.evidence:
            def who(item=item) -> str:
                return f"{item.id} ({labels.party(item.party)})"
            if item.forced_reason:
                form.addRow(self._label(evidence, lambda who=who, item=item:
                                        f"{who()}: {labels.evidence_answer(item.forced_reason)}", wrap=False))
                continue
            box = self._combo(EVIDENCE_ANSWERS, f"evidence_{item.id}", evidence, labels.evidence_answer)
            self.evidence[item.id] = box
            form.addRow(self._label(evidence, who, wrap=False), box)
        layout.addWidget(evidence)

        decision = self._group(inner, lambda: self.tr("Decision"))
        form = QFormLayout(decision)
        self.finding = self._combo(FINDINGS, "finding", decision, labels.finding)
        self.problem = self._combo(PROBLEMS, "problem", decision, labels.problem)
        self.damage_extent = self._combo(("complete", "partial"), "damage_extent", decision, labels.damage_extent)
        self.remedy = self._combo(REMEDY_TYPES, "remedy", decision, labels.remedy)
        self.amount = QLineEdit(decision)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(f"{case.order.currency}")
        self.rationale = QPlainTextEdit(decision)
        self.rationale.setObjectName("rationale")
        self._words.append(lambda: self.rationale.setPlaceholderText(
            self.tr("Cite evidence and message ids, e.g. E1, M4")))
        self.rationale.setFixedHeight(80)
        for label, widget in ((lambda: self.tr("Finding"), self.finding), (lambda: self.tr("Problem"), self.problem),
                              (lambda: self.tr("Damage"), self.damage_extent), (lambda: self.tr("Remedy"), self.remedy),
                              (lambda: self.tr("Amount"), self.amount), (lambda: self.tr("Rationale"), self.rationale)):
            form.addRow(self._label(decision, label, wrap=False), widget)
        layout.addWidget(decision)

        conduct = self._group(inner, lambda: self.tr("Seller's conduct (seller's notice only; optional)"))
        form = QFormLayout(conduct)
        self.conduct: dict[str, QComboBox] = {}
        for key in SELLER_CONDUCT_KEYS:
            box = self._yes_no(conduct, f"conduct_{key}")
            self.conduct[key] = box
            form.addRow(self._label(conduct, lambda k=key: labels.seller_conduct_question(k)), box)
        layout.addWidget(conduct)
        self.preview = QLabel(inner)
        self.preview.setObjectName("blindPreview")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        for box in (*self.gates.values(), *self.evidence.values(), *self.conduct.values(), self.finding,
                    self.problem, self.damage_extent, self.remedy):
            box.currentIndexChanged.connect(self._changed)
        self.amount.textChanged.connect(self._changed)
        self.rationale.textChanged.connect(self._changed)
        self.retranslate()

    # -- words ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the form in the interface language (the reviewer's supervisor may switch it while the
        form is open; the answers chosen stay)."""
        for apply in self._words:
            apply()
        self._changed()

    def _decided(self, passed) -> str:
        return {True: self.tr("passes"), False: self.tr("fails"), None: self.tr("not decided")}[passed]

    def _label(self, parent: QWidget, text, *, wrap: bool = True) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(wrap)
        self._words.append(lambda: label.setText(text()))
        return label

    def _group(self, parent: QWidget, title) -> QGroupBox:
        group = QGroupBox(parent)
        self._words.append(lambda: group.setTitle(title()))
        return group

    def _combo(self, values: tuple[str, ...], name: str, parent: QWidget, words) -> QComboBox:
        """A choice of stored codes shown in words (``ui/labels.py``, the words the reviewer's checklist uses)."""
        box = QComboBox(parent)
        box.setObjectName(name)
        box.addItem(_UNSET, None)
        for value in values:
            box.addItem("", value)

        def word() -> None:
            for i in range(1, box.count()):
                box.setItemText(i, words(box.itemData(i)))
        self._words.append(word)
        return box

    def _yes_no(self, parent: QWidget, name: str) -> QComboBox:
        box = QComboBox(parent)
        box.setObjectName(name)
        box.addItem(_UNSET, None)
        box.addItem("", True)
        box.addItem("", False)

        def word() -> None:
            box.setItemText(1, labels.yes_no(True))
            box.setItemText(2, labels.yes_no(False))
        self._words.append(word)
        return box

    # -- answers ----------------------------------------------------------------------------------------------
    def answers(self, decided_at: datetime | None = None) -> dict[str, Any]:
        zone = ZoneInfo(self.policy.time_zone_for(self.case.region)) if hasattr(self.policy, "time_zone_for") \
            else None
        moment = (decided_at or datetime.now(zone)).replace(microsecond=0)
        out: dict[str, Any] = {"reviewer": self.supervisor_id, "decided_at": moment.isoformat(), "override": None}
        gates = {k: b.currentData() for k, b in self.gates.items() if b.currentData() is not None}
        if gates:
            out["jurisdiction"] = gates
        evidence = {k: b.currentData() for k, b in self.evidence.items() if b.currentData() is not None}
        if evidence:
            out["evidence"] = evidence
        for key, box in (("finding", self.finding), ("problem", self.problem),
                         ("damage_extent", self.damage_extent), ("remedy", self.remedy)):
            if box.currentData() is not None:
                out[key] = box.currentData()
        conduct = {k: b.currentData() for k, b in self.conduct.items() if b.currentData() is not None}
        if conduct:
            out["seller_conduct"] = conduct
        if self.amount.text().strip():
            out["amount"] = self.amount.text().strip()
        if self.rationale.toPlainText().strip():
            out["rationale"] = self.rationale.toPlainText().strip()
        return out

    def set_answers(self, answers: dict[str, Any]) -> None:
        """Fill the form (tests, and 'start from my earlier answers')."""
        for key, box in self.gates.items():
            box.setCurrentIndex(max(0, box.findData((answers.get("jurisdiction") or {}).get(key))))
        for key, box in self.evidence.items():
            box.setCurrentIndex(max(0, box.findData((answers.get("evidence") or {}).get(key))))
        for key, box in (("finding", self.finding), ("problem", self.problem),
                         ("damage_extent", self.damage_extent), ("remedy", self.remedy)):
            box.setCurrentIndex(max(0, box.findData(answers.get(key))))
        for key, box in self.conduct.items():
            box.setCurrentIndex(max(0, box.findData((answers.get("seller_conduct") or {}).get(key))))
        self.amount.setText(str(answers.get("amount") or ""))
        self.rationale.setPlainText(str(answers.get("rationale") or ""))

    def asked_questions(self) -> set[str]:
        """The question ids this form asks (evidence the rules set aside by themselves is not asked)."""
        return ({f"jurisdiction.{k}" for k in self.gates} | {f"evidence.{k}" for k in self.evidence}
                | {f"seller_conduct.{k}" for k in self.conduct}
                | {"finding", "problem", "damage_extent", "remedy", "amount", "rationale", "override.outcome"})

    def assessment(self):
        return assess(self.case, self.policy, self.answers())

    def _changed(self, *_args) -> None:
        result = self.assessment()
        if result.record is not None:
            remedy = result.record.get("remedy") or {}
            text = self.tr("Your outcome: %1, %2 %3").replace("%1", labels.outcome(result.outcome)).replace(
                "%2", str(remedy.get("amount"))).replace("%3", str(remedy.get("currency")))
        elif result.errors:
            error = result.errors[0]
            text = self.tr("Not complete: %1").replace(
                "%1", f"{labels.question(error.field)}: {error.message}" if getattr(error, "field", None)
                else str(error))
        else:
            text = self.tr("Still to answer: %1").replace(
                "%1", "; ".join(labels.question(q) for q in result.missing[:4]))
        self.preview.setText(text)
        self.changed.emit()

    def complete(self) -> bool:
        return self.assessment().record is not None
