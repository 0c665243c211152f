"""Opening an evidence item reads, re-hashes and decodes it off the GUI thread (issue 10: "reading an image
item's bytes when it is opened" and PDF page counting ran on the GUI thread), through the one background API
(arbiter.ui.tasks); an item the reviewer has already left is dropped when its read comes back. Each test fails
when the panel reads on the GUI thread."""
from __future__ import annotations

import threading

import pytest

from arbiter import media, media_pdf
from arbiter.ui import tasks
from arbiter.ui.case_view import CaseView
from tests.ui.case_view_fakes import FakeSession, read_back

pytestmark = pytest.mark.gui


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@pytest.fixture
def recorded(monkeypatch):
    calls: list[tuple[str, bool]] = []
    for module, name in ((media, "decode_rgba"), (media, "image_info"), (media_pdf, "page_count")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _r=real, _n=name: calls.append((_n, _on_gui_thread())) or _r(*a))
    return calls


def _view(qtbot, session):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.setCurrentIndex(CaseView.EVIDENCE)
    qtbot.waitExposed(view)
    return view


class GatedRepo:
    """The fake repository, recording the thread of every read; a read of an id in ``gates`` waits for it."""

    def __init__(self, inner):
        self.inner = inner
        self.reads: list[tuple[str, bool]] = []
        self.gates: dict[str, threading.Event] = {}

    def evidence_bytes(self, case_pk, evidence_id):
        self.reads.append((evidence_id, _on_gui_thread()))
        gate = self.gates.get(evidence_id)
        if gate is not None:
            assert gate.wait(20), "the test never released the read"
        return self.inner.evidence_bytes(case_pk, evidence_id)


def test_image_and_pdf_are_read_decoded_and_counted_off_the_gui_thread(qtbot, recorded):
    session = FakeSession()
    session.repo = repo = GatedRepo(session.repo)
    view = _view(qtbot, session)
    panel = view.evidence
    assert view.show_evidence("E1")
    assert panel.loading and "E1" not in session.opened_evidence      # on its way, not shown yet
    read_back(qtbot, panel)
    assert panel.viewer.has_image() and "E1" in session.opened_evidence
    assert view.show_evidence("E3")                                   # the PDF (one PDFium cannot read)
    read_back(qtbot, panel)
    assert "This PDF cannot be shown" in panel.problem.text()
    assert {"E1", "E3"} <= {eid for eid, _ in repo.reads}      # (the thumbnails read too, off the thread as well)
    assert {name for name, _ in recorded} >= {"decode_rgba", "image_info", "page_count"}
    assert [r for r in repo.reads if r[1]] == [] and [c for c in recorded if c[1]] == [], "read on the GUI thread"


def test_an_item_left_before_its_read_came_back_is_dropped(qtbot):
    session = FakeSession()
    session.repo = repo = GatedRepo(session.repo)
    repo.gates["E1"] = gate = threading.Event()
    view = _view(qtbot, session)
    panel = view.evidence
    view.show_evidence("E1")          # slow
    view.show_evidence("E2")          # the reviewer moved on
    read_back(qtbot, panel)
    assert panel.current_id() == "E2" and panel.viewer.has_image()
    shown = panel.viewer.image_size()
    gate.set()
    tasks.runner().wait(10_000)
    qtbot.wait(50)
    assert panel.current_id() == "E2" and panel.title.text().startswith("E2")
    assert "E1" not in session.opened_evidence                         # never shown: not counted as opened
    assert "E2" in session.opened_evidence
    assert panel.viewer.image_size() == shown
