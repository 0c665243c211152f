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


def _combo(values: tuple[str, ...], name: str, parent: QWidget, words=None) -> QComboBox:
    """A choice of stored codes shown in words (``ui/labels.py``, the words the reviewer's checklist uses)."""
    box = QComboBox(parent)
    box.setObjectName(name)
    box.addItem(_UNSET, None)
    for value in values:
        box.addItem(words(value) if words else value.replace("_", " "), value)
    return box


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

        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        note = QLabel(self.tr("Answer the checklist yourself. The reviewer's answers stay hidden until you "
                              "compare."), inner)
        note.setWordWrap(True)
        layout.addWidget(note)

        base = assess(case, policy, {})
        gates = QGroupBox(self.tr("Jurisdiction"), inner)
        form = QFormLayout(gates)
        for gate in base.gates:
            if gate.computed or gate.id not in REVIEWER_GATES:
                decided = {True: self.tr("passes"), False: self.tr("fails"), None: self.tr("not decided")}
                fact = QLabel(self.tr("%1: %2 (from the case)").replace("%1", labels.gate(gate.id))
                              .replace("%2", decided[gate.passed]), gates)
                fact.setWordWrap(True)
                form.addRow(fact)
                continue
            box = QComboBox(gates)
            box.setObjectName(f"gate_{gate.id}")
            box.addItem(_UNSET, None)
            box.addItem(labels.yes_no(True), True)
            box.addItem(labels.yes_no(False), False)
            self.gates[gate.id] = box
            question = QLabel(labels.gate_question(gate.id), gates)
            question.setWordWrap(True)
            form.addRow(question, box)
        layout.addWidget(gates)

        evidence = QGroupBox(self.tr("Evidence"), inner)
        form = QFormLayout(evidence)
        for item in base.evidence:
            who = f"{item.id} ({labels.party(item.party)})"
            if item.forced_reason:
                form.addRow(QLabel(f"{who}: {labels.evidence_answer(item.forced_reason)}", evidence))
                continue
            box = _combo(EVIDENCE_ANSWERS, f"evidence_{item.id}", evidence, labels.evidence_answer)
            self.evidence[item.id] = box
            form.addRow(who, box)
        layout.addWidget(evidence)

        decision = QGroupBox(self.tr("Decision"), inner)
        form = QFormLayout(decision)
        self.finding = _combo(FINDINGS, "finding", decision, labels.finding)
        self.problem = _combo(PROBLEMS, "problem", decision, labels.problem)
        self.damage_extent = _combo(("complete", "partial"), "damage_extent", decision, labels.damage_extent)
        self.remedy = _combo(REMEDY_TYPES, "remedy", decision, labels.remedy)
        self.amount = QLineEdit(decision)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(f"{case.order.currency}")
        self.rationale = QPlainTextEdit(decision)
        self.rationale.setObjectName("rationale")
        self.rationale.setPlaceholderText(self.tr("Cite evidence and message ids, e.g. E1, M4"))
        self.rationale.setFixedHeight(80)
        for label, widget in ((self.tr("Finding"), self.finding), (self.tr("Problem"), self.problem),
                              (self.tr("Damage"), self.damage_extent), (self.tr("Remedy"), self.remedy),
                              (self.tr("Amount"), self.amount), (self.tr("Rationale"), self.rationale)):
            form.addRow(label, widget)
        layout.addWidget(decision)

        conduct = QGroupBox(self.tr("Seller's conduct (seller's notice only; optional)"), inner)
        form = QFormLayout(conduct)
        self.conduct: dict[str, QComboBox] = {}
        for key in SELLER_CONDUCT_KEYS:
            box = QComboBox(conduct)
            box.setObjectName(f"conduct_{key}")
            box.addItem(_UNSET, None)
            box.addItem(labels.yes_no(True), True)
            box.addItem(labels.yes_no(False), False)
            self.conduct[key] = box
            question = QLabel(labels.seller_conduct_question(key), conduct)
            question.setWordWrap(True)
            form.addRow(question, box)
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
        self._changed()

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
