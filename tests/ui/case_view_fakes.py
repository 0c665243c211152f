"""A small stand-in for ReviewSession (docs/architecture.md contract) for the case view's widget tests."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from arbiter.domain.parse import case_from_dict
from arbiter.store.errors import EvidenceTampered
from tests.factories import case_dict, default_files


class FakeGate:
    def __init__(self, id, passed, computed, facts):
        self.id, self.passed, self.computed, self.facts = id, passed, computed, facts


class FakeAssessment:
    gates = (
        FakeGate("J1_platform_order", None, False, {"en": "to be confirmed by the reviewer", "zh": "待审核员确认"}),
        FakeGate("J2_in_time", True, True, {"en": "claim submitted 1 day after delivery; the limit is 7 days",
                                            "zh": "签收后1天申请;时限7天"}),
    )


class FakeRepo:
    def __init__(self, case, files, tampered=()):
        self._files = {item.id: files[item.file] for item in case.evidence}
        self._tampered = set(tampered)
        self.reads: list[str] = []
        self.case_id = case.case_id

    def evidence_bytes(self, case_pk, evidence_id):
        self.reads.append(evidence_id)
        if evidence_id in self._tampered:
            raise EvidenceTampered(self.case_id, evidence_id, "0" * 64, "1" * 64)
        return self._files[evidence_id]


class FakeSession(QObject):
    changed = Signal()
    evidenceOpened = Signal(str)
    chatRead = Signal(str)
    citationRequested = Signal(str)

    def __init__(self, data=None, files=None, tampered=(), parent=None):
        super().__init__(parent)
        self.case = case_from_dict(data if data is not None else case_dict())
        self.case_pk = 1
        self.repo = FakeRepo(self.case, files if files is not None else default_files(), tampered)
        self.tampered = frozenset()
        self.opened_evidence: set[str] = set()
        self.chats_read: set[str] = set()
        self.read_calls: list[str] = []

    def mark_evidence_opened(self, evidence_id):
        if evidence_id not in self.opened_evidence:
            self.opened_evidence.add(evidence_id)
            self.evidenceOpened.emit(evidence_id)

    def mark_chat_read(self, key):
        self.read_calls.append(key)
        if key not in self.chats_read:
            self.chats_read.add(key)
            self.chatRead.emit(key)

    def assessment(self):
        return FakeAssessment()


def read_back(qtbot, view, timeout: int = 10_000):
    """Wait until the evidence item being opened has been read off the GUI thread and is shown (``view``: a
    CaseView or its EvidencePanel)."""
    panel = getattr(view, "evidence", view)
    qtbot.waitUntil(lambda: not panel.loading, timeout=timeout)
    return panel
