"""The original decision beside an appeal (issue 12, part 7): a read-only tab of the case view, shown only when
the case appeals an earlier decision. It lists the original's outcome, remedy, rationale, reviewer and signing
time (``arbiter.store.appeals.Appeals.original_verdict``); nothing in it can be edited or answered. When the
reviewer at this workstation decided the original, it says that another reviewer must decide the appeal (the store
refuses their signature anyway).

Hook: one call, :func:`attach_to_case_view`, in ``CaseView.__init__``.
"""
from __future__ import annotations

import logging
from datetime import datetime, tzinfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from arbiter.ui import labels
from arbiter.ui.widgets.common import Badge

log = logging.getLogger(__name__)


def _original(session):
    """The original verdict of the session's case and the conflict sentence (None, None when it is no appeal or
    there is no database): read with the case, off the GUI thread (``arbiter.ui.opening.appeal_of``)."""
    appeal = getattr(session, "appeal", None)
    return appeal if isinstance(appeal, tuple) else (None, None)


class OriginalVerdictPanel(QWidget):
    """Read-only: the decision this appeal appeals."""

    def __init__(self, original, conflict: str | None, zone: tzinfo | None = None, parent=None, grounds: str = ""):
        super().__init__(parent)
        self.grounds = grounds
        self.setObjectName("originalVerdictPanel")
        self.original = original
        self.conflict = conflict
        self.zone = zone
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("originalHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.badge = Badge("", "neutral", self)
        self.warning = QLabel(self)
        self.warning.setObjectName("originalConflict")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { color: #8a3b00; background: #fff0e0; padding: 6px; }")
        self.warning.setVisible(bool(conflict))
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        for key in ("case", "outcome", "remedy", "reviewer", "signed", "fingerprint", "later", "appeal", "grounds"):
            name, value = QLabel(self), QLabel(self)
            value.setObjectName(f"original_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.names[key], self.values[key] = name, value
            self.form.addRow(name, value)
        self.rationale_label = QLabel(self)
        self.rationale = QPlainTextEdit(self)
        self.rationale.setObjectName("originalRationale")
        self.rationale.setReadOnly(True)
        self.rationale.setFrameShape(QFrame.Shape.StyledPanel)
        self.rationale.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.heading)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.warning)
        layout.addLayout(self.form)
        layout.addWidget(self.rationale_label)
        layout.addWidget(self.rationale)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Original decision")

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return "—"
        local = moment.astimezone(self.zone) if self.zone is not None else moment
        return local.strftime("%Y-%m-%d %H:%M %z")

    def retranslate(self) -> None:
        o = self.original
        self.heading.setText(self.tr("This case is an appeal. The decision it appeals is shown here, read-only."))
        self.warning.setText(self.tr("You decided the original: another reviewer must decide this appeal. Your "
                                     "signature will be refused.") if self.conflict else "")
        who = labels.party(o.filed_by)
        filed = self.tr("filed by %1 on %2").replace("%1", who).replace("%2", self._when(o.filed_at)) \
            if o.filed_at else self.tr("filed by %1").replace("%1", who)
        captions = {"case": self.tr("Case"), "outcome": self.tr("Outcome"), "remedy": self.tr("Remedy"),
                    "reviewer": self.tr("Decided by"), "signed": self.tr("Signed"),
                    "fingerprint": self.tr("Fingerprint"), "later": self.tr("Afterwards"),
                    "appeal": self.tr("This appeal"), "grounds": self.tr("Grounds of the appeal")}
        for key, caption in captions.items():
            self.names[key].setText(caption)
        self.rationale_label.setText(self.tr("Rationale"))
        self.note.setText(self.tr("Read-only: the original verdict cannot be changed from here. Decide the appeal "
                                  "on its own evidence in the checklist."))
        if not o.found:
            self.badge.setText(self.tr("Not in this database"))
            fp = (o.appealed_fingerprint or "")[:16]
            text = self.tr("The decision appealed (decided on %1) is not in this database.").replace(
                "%1", self._when(o.appealed_decided_at))
            values = {"case": text, "outcome": "—", "remedy": "—", "reviewer": "—",
                      "signed": self._when(o.appealed_decided_at), "fingerprint": fp + ("…" if fp else "—"),
                      "later": "—", "appeal": filed}
            self.rationale.setPlainText("")
        else:
            self.badge.setText(labels.outcome(o.outcome))
            remedy = o.remedy or {}
            remedy_text = labels.remedy(remedy.get("type"))
            if remedy.get("type") not in (None, "none") and remedy.get("amount") not in (None, ""):
                remedy_text += f" · {remedy.get('amount')} {remedy.get('currency') or ''}".rstrip()
            later = ", ".join(o.later) if o.later else self.tr("not amended")
            values = {"case": f"{o.case_id} v{o.number}", "outcome": labels.outcome(o.outcome),
                      "remedy": remedy_text, "reviewer": o.reviewer or "—", "signed": self._when(o.signed_at),
                      "fingerprint": (o.fingerprint or "")[:16] + "…", "later": later, "appeal": filed}
            self.rationale.setPlainText(o.rationale or "")
        values["grounds"] = self.grounds or "—"
        for key, value in values.items():
            self.values[key].setText(value)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            tabs = self.parent().parent() if self.parent() is not None else None
            if tabs is not None and hasattr(tabs, "indexOf") and tabs.indexOf(self) >= 0:
                tabs.setTabText(tabs.indexOf(self), self.title())
        super().changeEvent(event)


def attach_to_case_view(view) -> OriginalVerdictPanel | None:
    """Add the "Original decision" tab when the case is an appeal; returns the panel (None otherwise)."""
    session = view.session
    original, conflict = _original(session)
    if original is None:
        view.original_verdict = None
        return None
    from arbiter.ui.timeline_model import display_zone

    zone, _name = display_zone(session)
    info = session.case.after_sale.appeal_info
    panel = OriginalVerdictPanel(original, conflict, zone, grounds=getattr(info, "grounds", "") or "")
    view.original_verdict = panel
    view.addTab(panel, panel.title())
    return panel


__all__ = ["OriginalVerdictPanel", "attach_to_case_view"]
