"""CaseView(session): the case as the reviewer reads it, in tabs: facts, evidence, chats, timeline, and the
reviewer's own: supplementary evidence requests and private notes.

It reads the case from ``session.case``, re-verifies evidence through ``session.repo``, reports progress with
``session.mark_evidence_opened`` / ``session.mark_chat_read`` and follows ``session.citationRequested`` to an
evidence item or a chat message. It holds no rules (docs/architecture.md, "ui: how the pieces meet").
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTabWidget

from arbiter.ui.chat_panel import ChatsPanel
from arbiter.ui.evidence_panel import EvidencePanel
from arbiter.ui.facts_panel import FactsPanel
from arbiter.ui.notes_panel import NotesPanel
from arbiter.ui.supplement_dialog import SupplementPanel
from arbiter.ui.timeline_model import RefRole, TimelineModel, display_zone
from arbiter.ui.modelutil import index_data


class CaseView(QTabWidget):
    FACTS, EVIDENCE, CHATS, TIMELINE, REQUESTS, NOTES = range(6)

    #: an id was followed (a citation, an attachment link, a timeline row): the id, and whether it was found
    jumped = Signal(str, bool)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("caseView")
        self.session = session
        self.setDocumentMode(True)
        zone, zone_name = display_zone(session)

        self.facts = FactsPanel(session, zone, zone_name)
        self.evidence = EvidencePanel(session)
        self.chats = ChatsPanel(session, zone)
        self.timeline_model = TimelineModel(session.case, zone, self)
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setWordWrap(False)
        self.timeline.verticalHeader().hide()
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.timeline.verticalHeader().setDefaultSectionSize(self.timeline.fontMetrics().height() + 10)
        header = self.timeline.horizontalHeader()
        fm = self.timeline.fontMetrics()
        header.resizeSection(0, fm.horizontalAdvance("2025-02-25 09:05") + 24)
        header.resizeSection(1, fm.horizontalAdvance("After-sale") + 28)
        header.resizeSection(2, fm.horizontalAdvance("Platform") + 28)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.timeline.doubleClicked.connect(self._timeline_activated)
        self.timeline.activated.connect(self._timeline_activated)

        self.requests = SupplementPanel(session)   # supplementary evidence requests (own module)
        self.notes = NotesPanel(session)           # private notes (own module)
        for widget in (self.facts, self.evidence, self.chats, self.timeline, self.requests, self.notes):
            self.addTab(widget, "")
        self.requests.changed.connect(self.retranslate)
        self.notes.changed.connect(self.retranslate)
        self.retranslate()

        self.chats.attachmentActivated.connect(self.show_evidence)
        from arbiter.ui.forensics_view import attach_to_case_view  # forensic flags beside the evidence (issue 13)
        attach_to_case_view(self)
        from arbiter.ui.appeal_view import attach_to_case_view as attach_original  # an appeal's original (issue 12)
        attach_original(self)
        if hasattr(session, "citationRequested"):
            session.citationRequested.connect(self.jump_to)
        if hasattr(session, "chatRequested"):   # "still missing: the buyer's chat log" followed from the checklist
            session.chatRequested.connect(self.show_chat)
        if hasattr(session, "evidenceOpened"):
            session.evidenceOpened.connect(lambda _id: self.retranslate())

    # ---------------------------------------------------------------- texts
    def retranslate(self) -> None:
        ids = self.evidence.model.evidence_ids()
        opened = sum(1 for i in ids if i in self.session.opened_evidence)
        self.setTabText(self.FACTS, self.tr("Facts"))
        self.setTabText(self.EVIDENCE, self.tr("Evidence (%1/%2 opened)").replace("%1", str(opened))
                        .replace("%2", str(len(ids))))
        self.setTabText(self.CHATS, self.tr("Chats (%1)").replace("%1", str(len(self.chats.panels))))
        self.setTabText(self.TIMELINE, self.tr("Timeline"))
        self.setTabText(self.REQUESTS, self.requests.tab_title())
        self.setTabText(self.NOTES, self.notes.tab_title())
        self.timeline.setToolTip(self.tr("Double-click an evidence or message row to open it."))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.facts.rebuild()
            self.timeline_model.retranslate()  # a model gets no LanguageChange: its views must be told
        super().changeEvent(event)

    # ---------------------------------------------------------------- jumps
    def show_evidence(self, evidence_id: str) -> bool:
        self.setCurrentIndex(self.EVIDENCE)
        found = self.evidence.open_evidence(evidence_id)
        self.jumped.emit(evidence_id, found)
        return found

    def show_message(self, message_id: str) -> bool:
        self.setCurrentIndex(self.CHATS)
        found = self.chats.select_message(message_id)
        self.jumped.emit(message_id, found)
        return found

    def show_chat(self, log_key: str) -> bool:
        self.setCurrentIndex(self.CHATS)
        return self.chats.show_log(log_key)

    def jump_to(self, ref: str) -> bool:
        """Open an evidence item or select a chat message by id (a citation in the rationale)."""
        ref = ref.strip()
        if self.session.case.evidence_by_id(ref) is not None:
            return self.show_evidence(ref)
        if self.chats.has_message(ref):
            return self.show_message(ref)
        self.jumped.emit(ref, False)
        return False

    def _timeline_activated(self, index) -> None:
        ref = index_data(index, RefRole)
        if ref:
            self.jump_to(ref)
