"""The evidence tab: review order and marks, the hash badge, EXIF, files that are never run, navigation."""
from __future__ import annotations

import io
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from arbiter.ui import evidence_reads
from arbiter.ui.case_view import CaseView
from arbiter.ui.evidence_model import BadgesRole, ItemRole, SectionRole
from tests.factories import case_dict, default_files, sha256
from tests.ui.case_view_fakes import FakeSession
from tests.ui.case_view_fakes import read_back

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_external_open(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("evidence must never be handed to another program")
    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)


def _view(qtbot, session):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.setCurrentIndex(CaseView.EVIDENCE)
    qtbot.waitExposed(view)
    return view


def test_review_order_sections_and_marks(qtbot, monkeypatch):
    session = FakeSession()
    view = _view(qtbot, session)
    model = view.evidence.model
    rows = [(model.index(r).data(SectionRole), (model.index(r).data(ItemRole) or None)) for r in
            range(model.rowCount())]
    assert [(s, i.id if i else None) for s, i in rows] == [
        ("primary", None), ("primary", "E1"), ("seller_first", None), ("seller_first", "E2"),
        ("supplementary", None), ("supplementary", "E3")]
    header = model.index(0)
    assert not (model.flags(header) & Qt.ItemFlag.ItemIsSelectable)
    badges = {i.id: [t for t, _ in model.index(r).data(BadgesRole)] for r, (_, i) in enumerate(rows) if i}
    assert "PRIMARY" in badges["E1"] and "PRIMARY" not in badges["E2"]
    assert "not requested · excluded by rule" in badges["E3"]
    assert all("not opened" in b for b in badges.values())
    # thumbnails for images, made lazily off the GUI thread; the PDF gets none
    import threading

    from arbiter.ui import evidence_model

    threads = []
    real = evidence_model.media.thumbnail
    monkeypatch.setattr(evidence_model.media, "thumbnail",
                        lambda *a: threads.append(threading.current_thread()) or real(*a))
    assert model.index(1).data(Qt.ItemDataRole.DecorationRole) is None   # asked for: being made
    qtbot.waitUntil(lambda: model.index(1).data(Qt.ItemDataRole.DecorationRole) is not None, timeout=10_000)
    assert threads and threading.main_thread() not in threads
    assert model.index(5).data(Qt.ItemDataRole.DecorationRole) is None
    assert session.opened_evidence == set()


def test_opening_verifies_the_hash_and_counts_as_opened(qtbot):
    session = FakeSession()
    view = _view(qtbot, session)
    panel = view.evidence
    with qtbot.waitSignal(session.evidenceOpened) as blocker:
        assert view.show_evidence("E1")
        read_back(qtbot, view)
    assert blocker.args == ["E1"]
    digest = sha256(default_files()["evidence/E1.jpg"])
    assert panel.hash_badge.text() == f"✓ sha256 verified {digest[:12]}"
    assert panel.hash_badge.tone == "success"
    assert panel.stack.currentWidget() is panel.viewer and panel.viewer.has_image()
    assert panel.role_badge.text() == "Primary evidence"
    assert "64 × 48 px" in panel.meta.text()
    assert "✓ opened" in [t for t, _ in panel.model.index(1).data(BadgesRole)]
    assert "Evidence (1/3 opened)" == view.tabText(CaseView.EVIDENCE)


def test_tampered_bytes_show_a_red_badge(qtbot):
    session = FakeSession(tampered={"E2"})
    view = _view(qtbot, session)
    view.show_evidence("E2")
    read_back(qtbot, view)
    panel = view.evidence
    assert panel.hash_badge.text() == "✗ hash mismatch" and panel.hash_badge.tone == "danger"
    assert panel.stack.currentWidget() is panel.problem_page
    assert "not authentic" in panel.problem.text()
    assert "hash mismatch" in [t for t, _ in panel.model.index(3).data(BadgesRole)]
    assert not panel.actions_by_name["save"].isEnabled()


def test_unreadable_pdf_shows_the_problem_and_is_saved_as_verified_bytes(qtbot, tmp_path, monkeypatch):
    """The factory's PDF is a bare skeleton PDFium cannot read, so the problem is shown and it counts as opened
    (there is nothing more to see); real PDFs are rendered: tests/ui/test_document_viewers.py."""
    session = FakeSession()
    view = _view(qtbot, session)
    panel = view.evidence
    view.show_evidence("E3")
    read_back(qtbot, view)
    assert "E3" in session.opened_evidence
    assert panel.stack.currentWidget() is panel.problem_page
    assert "This PDF cannot be shown: not a readable PDF" in panel.problem.text()
    assert not panel.documents.pdf.isVisible()
    assert panel.role_badge.text() == "Not requested · excluded by rule"
    assert not panel.actions_by_name["zoom_in"].isEnabled()
    assert panel.suggested_file_name() == "TTS-UK-TEST-0001-E3.pdf"
    target = tmp_path / "copy.pdf"
    calls = []   # True: written on the GUI thread (issue 10: file work off it)
    real = evidence_reads.write_copy
    monkeypatch.setattr(evidence_reads, "write_copy", lambda *a: calls.append(
        threading.current_thread() is threading.main_thread()) or real(*a))
    assert panel.save_copy(str(target)) == str(target)
    qtbot.waitUntil(lambda: panel.copy_task.done, timeout=5000)
    assert calls == [False]
    assert target.read_bytes() == default_files()["evidence/E3.pdf"]


def test_exif_capture_time_and_camera(qtbot):
    img = Image.new("RGB", (120, 90), (90, 90, 90))
    exif = Image.Exif()
    exif[271] = "Canon"
    exif[272] = "Canon EOS 200D"
    exif.get_ifd(0x8769)[36867] = "2025:02:25 08:59:12"
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    files = default_files()
    files["evidence/E1.jpg"] = buf.getvalue()
    data = case_dict()
    data["evidence"][0]["sha256"] = sha256(buf.getvalue())
    session = FakeSession(data, files)
    view = _view(qtbot, session)
    view.show_evidence("E1")
    read_back(qtbot, view)
    meta = view.evidence.meta.text()
    assert "captured 2025-02-25 08:59:12 (EXIF)" in meta and "camera Canon EOS 200D" in meta


def test_bad_image_bytes_do_not_crash(qtbot):
    files = default_files()
    files["evidence/E2.png"] = b"\x89PNG\r\n\x1a\n not really"
    data = case_dict()
    data["evidence"][1]["sha256"] = sha256(files["evidence/E2.png"])
    session = FakeSession(data, files)
    view = _view(qtbot, session)
    assert view.evidence.model.index(3).data(Qt.ItemDataRole.DecorationRole) is None
    view.show_evidence("E2")
    read_back(qtbot, view)
    assert view.evidence.stack.currentWidget() is view.evidence.problem_page
    assert "E2" in session.opened_evidence


def test_next_and_previous_by_keyboard(qtbot):
    session = FakeSession()
    view = _view(qtbot, session)
    panel = view.evidence
    view.activateWindow()
    qtbot.waitActive(view)
    panel.list.setFocus()
    qtbot.waitUntil(lambda: panel.list.hasFocus())
    qtbot.keyClick(panel.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    read_back(qtbot, panel)
    assert panel.current_id() == "E1"
    qtbot.keyClick(panel.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    read_back(qtbot, panel)
    assert panel.current_id() == "E2"       # the section header in between is skipped
    qtbot.keyClick(panel.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    read_back(qtbot, panel)
    assert panel.current_id() == "E3"
    qtbot.keyClick(panel.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    read_back(qtbot, panel)
    assert panel.current_id() == "E3"       # stays on the last
    qtbot.keyClick(panel.list, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    read_back(qtbot, panel)
    assert panel.current_id() == "E2"
    assert session.opened_evidence == {"E1", "E2", "E3"}


def test_clicking_a_row_opens_it(qtbot):
    session = FakeSession()
    view = _view(qtbot, session)
    panel = view.evidence
    rect = panel.list.visualRect(panel.model.index_of("E2"))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    read_back(qtbot, panel)
    assert panel.current_id() == "E2" and "E2" in session.opened_evidence
    # clicking a section header opens nothing
    rect = panel.list.visualRect(panel.model.index(4))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current_id() == "E2"


def test_both_parties_items_get_the_same_row_size(qtbot):
    session = FakeSession()
    view = _view(qtbot, session)
    lst = view.evidence.list
    m = view.evidence.model
    assert lst.visualRect(m.index_of("E1")).size() == lst.visualRect(m.index_of("E2")).size()
