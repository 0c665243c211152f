"""Step 6, deadlines: counted from the decision, printed as absolute dates in the parties' time zone; a deadline
that counts from a later event states its rule instead."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from arbiter.domain.review import ReviewState
from arbiter.ui.checklist.common import Step
from arbiter.ui.checklist.preview import deadlines_html


class DeadlinesStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "deadlines", parent)
        self.zone_label = QLabel()
        self.zone_label.setObjectName("deadlinesZone")
        self.zone_label.setWordWrap(True)
        self.body.addWidget(self.zone_label)
        self.deadlines_label = QLabel()
        self.deadlines_label.setObjectName("deadlinesPreview")
        self.deadlines_label.setWordWrap(True)
        self.deadlines_label.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.deadlines_label)

    def refresh(self, state: ReviewState, locked: bool) -> None:
        record = self.review.verdict_record if locked else state.preview
        zone = (record or {}).get("time_zone") or state.assessment.time_zone
        title = self.tr("Deadlines ({zone})")
        self.set_title(title.format(zone=zone))
        text = self.tr("Counted from the decision, in the parties' time zone ({zone}):")
        self.zone_label.setText(text.format(zone=zone))
        self.deadlines_label.setText(deadlines_html(record))
