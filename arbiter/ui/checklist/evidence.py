"""Step 2, evidence admissibility: one row per item in review order (the buyer's first submission first), the same
choices for both parties, items excluded by rule shown with their reason instead of a choice, and an Open button
that shows the item in the case view."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton

from arbiter.domain.review import ReviewState
from arbiter.ui import labels
from arbiter.ui.checklist.common import MUTED, OK, WARN, Step, note


class EvidenceStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "evidence", parent)
        self.set_title(self.tr("Evidence admissibility"))
        self.body.addWidget(note(self.tr("The buyer's first submission is the primary evidence and comes first. A "
                                         "supplementary item counts only if the platform requested it.")))
        self.open_labels: dict[str, QLabel] = {}
        self.open_buttons: dict[str, QToolButton] = {}
        statuses = review.state.assessment.evidence
        if not statuses:
            self.body.addWidget(QLabel(self.tr("The case has no evidence items.")))
        for status in statuses:
            self.body.addWidget(self._row(status))

    def _forced_text(self, reason: str) -> str:
        if reason == "not_requested":
            return self.tr("Excluded by rule: a supplementary item the platform did not request.")
        if reason == "late":
            return self.tr("Excluded by rule: submitted after the date the platform set for it.")
        if reason == "not_authentic":
            return self.tr("Not authentic: the stored file no longer matches the hash recorded at import.")
        return self.tr("Excluded by rule: {reason}").format(reason=reason.replace("_", " "))

    def _row(self, status) -> QFrame:
        review = self.review
        item = review.case.evidence_by_id(status.id)
        frame = QFrame()
        frame.setObjectName(f"evidenceRow:{status.id}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QGridLayout(frame)
        title = f"<b>{html.escape(status.id)}</b> · {html.escape(labels.party(status.party))}"
        if item is not None:
            title += f" · {html.escape(labels.evidence_kind(item.kind.value))}"
            title += " · " + html.escape(self.tr("submission {n}").format(n=item.submission))
        if status.primary:
            title += " · <i>" + html.escape(self.tr("primary evidence")) + "</i>"
        head = QLabel(title)
        head.setWordWrap(True)
        lay.addWidget(head, 0, 0)
        opened = QLabel()
        opened.setObjectName(f"opened:{status.id}")
        self.open_labels[status.id] = opened
        lay.addWidget(opened, 0, 1)
        button = QToolButton()
        button.setObjectName(f"open:{status.id}")
        button.setText(self.tr("Open"))
        button.setToolTip(self.tr("Show {id} in the case view").format(id=status.id))
        button.clicked.connect(lambda _=False, i=status.id: review.citationRequested.emit(i))
        self.open_buttons[status.id] = button
        self.questions[f"open:{status.id}"] = button
        lay.addWidget(button, 0, 2)
        if item is not None and item.description:
            desc = QLabel(html.escape(item.description))
            desc.setWordWrap(True)
            desc.setStyleSheet(f"color: {MUTED};")
            lay.addWidget(desc, 1, 0, 1, 3)
        forced = status.forced_reason or ("not_authentic" if status.id in review.tampered else None)
        if forced:
            label = QLabel(self._forced_text(forced))
            label.setObjectName(f"forced:{status.id}")
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {WARN};")
            lay.addWidget(label, 2, 0, 1, 3)
        else:
            row = QHBoxLayout()
            key = f"evidence.{status.id}"
            made = self.choice(key, [(c, labels.evidence_answer(c)) for c in ("admissible", "not_authentic",
                                                                                "not_relevant")],
                               row, f"evidence_{status.id}")
            row.addStretch(1)
            self.questions[key] = made.buttons["admissible"]
            lay.addLayout(row, 2, 0, 1, 3)
        lay.setColumnStretch(0, 1)
        return frame

    def refresh(self, state: ReviewState, locked: bool) -> None:
        must_open = set(state.must_open)
        for eid, label in self.open_labels.items():
            if eid in self.review.opened_evidence:
                label.setText("✓ " + self.tr("opened"))
                label.setStyleSheet(f"color: {OK};")
            elif eid in must_open:
                label.setText(self.tr("not opened yet"))
                label.setStyleSheet(f"color: {WARN};")
            else:
                label.setText(self.tr("need not be opened"))
                label.setStyleSheet(f"color: {MUTED};")
        for key, made in self.choices.items():
            made.sync(self.review.answer(key))
            made.set_enabled(not locked)
