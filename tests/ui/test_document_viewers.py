"""PDF and video evidence in the viewer, on a real session over a real SQLite file: a ReportLab PDF rendered to
pixels by pypdfium2 off the GUI thread, pages seen one by one; a generated MP4 played by Qt Multimedia to its end;
"opened" (what the signing gate reads) only when every page is seen / the video was played to its end."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices

from arbiter.ui.case_view import CaseView
from arbiter.ui.evidence_documents import DocumentViews
from arbiter.ui.session import ReviewSession
from tests.factories import case_dict, default_files, sha256, write_bundle
from tests.media_factories import PAGE_COLOURS, pdf_pages, video_mp4
from tests.ui.case_view_fakes import read_back

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_external_open(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("evidence must never be handed to another program")
    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)


def document_case(pdf: bytes, video: bytes) -> tuple[dict, dict]:
    data = case_dict()
    files = default_files()
    files["evidence/E4.pdf"] = pdf
    files["evidence/E5.mp4"] = video
    data["evidence"] += [
        {"id": "E4", "party": "buyer", "submission": 1, "submitted_at": "2025-02-25T09:10:00+00:00",
         "requested": False, "kind": "document", "file": "evidence/E4.pdf", "sha256": sha256(pdf),
         "media_type": "application/pdf", "description": "Courier report"},
        {"id": "E5", "party": "seller", "submission": 1, "submitted_at": "2025-02-26T09:10:00+00:00",
         "requested": False, "kind": "video", "file": "evidence/E5.mp4", "sha256": sha256(video),
         "media_type": "video/mp4", "description": "Packing video"},
    ]
    return data, files


@pytest.fixture
def doc_session(db, repo, tmp_path):
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle

    data, files = document_case(pdf_pages(3), video_mp4(2.0))
    result = import_bundle(db, read_bundle(write_bundle(tmp_path / "docs.arbcase", data, files)))
    session = ReviewSession(repo, result.case_pk, "r.chen")
    yield session
    session._timer.stop()


def _view(qtbot, session):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.setCurrentIndex(CaseView.EVIDENCE)
    qtbot.waitExposed(view)
    return view


def _dominant(image, fx: float, fy: float):
    """The colour at a fraction of the image's width and height (from the top left)."""
    c = image.pixelColor(int(image.width() * fx), int(image.height() * fy))
    return c.red(), c.green(), c.blue()


def _close(rgb, want, tol=40) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, want))


def test_pdf_pages_are_rendered_to_pixels_and_opened_only_when_all_are_seen(qtbot, doc_session):
    view = _view(qtbot, doc_session)
    panel = view.evidence
    docs: DocumentViews = panel.documents
    view.show_evidence("E4")
    read_back(qtbot, view)
    qtbot.waitUntil(lambda: "E4" in doc_session.evidence_progress, timeout=10_000)
    assert docs.pdf.isVisible() and panel.stack.currentWidget() is panel.viewer
    assert panel.viewer.has_image()
    pixmap = panel.viewer._item.pixmap().toImage()
    # the square of page 1 (100..300 pt of an A4 page, 595 x 842 pt; y from the top = 1 - 200/842)
    assert _close(_dominant(pixmap, 200 / 595, 1 - 200 / 842), PAGE_COLOURS[0])
    assert _close(_dominant(pixmap, 500 / 595, 0.5), (255, 255, 255))
    assert pixmap.width() >= 1400  # rendered sharp, not a thumbnail scaled up
    assert docs.pdf.page_label.text() == "Page 1 of 3"
    assert "E4" not in doc_session.opened_evidence
    assert any("E4 (buyer): 1 of 3 pages seen." in b for b in doc_session.sign_blockers())
    badges = [t for t, _ in panel.model.badges(next(e for e in doc_session.case.evidence if e.id == "E4"))]
    assert "1/3 pages seen" in badges

    docs.pdf.next_page()
    qtbot.waitUntil(lambda: doc_session.evidence_progress["E4"]["seen"] == [0, 1], timeout=10_000)
    assert _close(_dominant(panel.viewer._item.pixmap().toImage(), 200 / 595, 1 - 200 / 842), PAGE_COLOURS[1])
    assert "E4" not in doc_session.opened_evidence
    docs.pdf.next_page()
    qtbot.waitUntil(lambda: "E4" in doc_session.opened_evidence, timeout=10_000)
    assert docs.pdf.seen_label.text() == "✓ every page seen"
    assert not any("E4 (buyer)" in b for b in doc_session.sign_blockers())
    # zoom works on the page like on a photo
    panel.actions_by_name["zoom_in"].trigger()
    assert not panel.viewer.fit_mode
    # the progress is in the draft
    assert doc_session.flush()
    draft = doc_session.repo.load_draft(doc_session.case_pk)
    assert "E4" in draft.progress["opened_evidence"]
    assert draft.progress["evidence_progress"]["E4"] == {"kind": "pdf", "pages": 3, "seen": [0, 1, 2]}


def test_pdf_progress_survives_reopening_the_case(qtbot, doc_session, repo):
    view = _view(qtbot, doc_session)
    view.show_evidence("E4")
    read_back(qtbot, view)
    qtbot.waitUntil(lambda: "E4" in doc_session.evidence_progress, timeout=10_000)
    assert doc_session.flush()
    again = ReviewSession(repo, doc_session.case_pk, "r.chen")
    try:
        assert again.evidence_progress["E4"]["seen"] == [0]
        view2 = _view(qtbot, again)
        view2.show_evidence("E4")
        read_back(qtbot, view2)
        # it continues on the first page not seen yet
        qtbot.waitUntil(lambda: again.evidence_progress["E4"]["seen"] == [0, 1], timeout=10_000)
        assert view2.evidence.documents.pdf.page_index == 1
    finally:
        again._timer.stop()


def test_video_plays_in_the_viewer_and_opens_only_at_its_end(qtbot, doc_session):
    view = _view(qtbot, doc_session)
    panel = view.evidence
    video = panel.documents.video
    view.show_evidence("E5")
    read_back(qtbot, view)
    assert panel.stack.currentWidget() is video
    assert "E5" not in doc_session.opened_evidence          # shown is not opened for a video
    assert any("E5 (seller) has not been opened." in b for b in doc_session.sign_blockers())
    video.play()
    qtbot.waitUntil(lambda: "E5" in doc_session.opened_evidence, timeout=15_000)
    assert video.frames_shown > 3
    assert not video.frame_view.image().isNull()
    info = doc_session.evidence_progress["E5"]
    assert info["ended"] and info["complete"] and info["duration_ms"] >= 1900
    assert video.watched_label.text() == "✓ played to the end"


def test_video_skipped_to_the_end_does_not_count(qtbot, doc_session):
    view = _view(qtbot, doc_session)
    video = view.evidence.documents.video
    view.show_evidence("E5")
    read_back(qtbot, view)
    qtbot.waitUntil(lambda: video.watch.duration_ms > 0, timeout=10_000)
    video.play()
    qtbot.waitUntil(lambda: video.watch.played_ms() > 0, timeout=10_000)
    video._seek(video.watch.duration_ms - 300)   # what dragging the slider does
    qtbot.waitUntil(lambda: video.watch.ended, timeout=10_000)
    assert "E5" not in doc_session.opened_evidence
    assert any("E5 (seller): the video has not been played to its end." in b for b in doc_session.sign_blockers())
    # playing it again from the start, to the end, does
    video.play()
    qtbot.waitUntil(lambda: "E5" in doc_session.opened_evidence, timeout=15_000)


def test_moving_to_another_item_stops_the_video_and_keeps_how_far_it_got(qtbot, doc_session):
    view = _view(qtbot, doc_session)
    video = view.evidence.documents.video
    reports = []
    video.progressed.connect(lambda eid, info: reports.append(info))
    view.show_evidence("E5")
    read_back(qtbot, view)
    video.play()
    qtbot.waitUntil(lambda: video.watch.played_ms() >= 500, timeout=10_000)
    view.show_evidence("E1")
    read_back(qtbot, view)
    assert not video.is_playing() and video.evidence_id is None
    assert doc_session.evidence_progress["E5"]["played"] and not doc_session.evidence_progress["E5"]["ended"]
    assert len(reports) <= 6   # a tenth of the video at a time, not every frame (each report is a draft save)


def test_pages_turn_by_keyboard(qtbot, doc_session):
    from PySide6.QtCore import Qt

    view = _view(qtbot, doc_session)
    panel = view.evidence
    view.show_evidence("E4")
    read_back(qtbot, view)
    qtbot.waitUntil(lambda: "E4" in doc_session.evidence_progress, timeout=10_000)
    view.activateWindow()
    panel.viewer.setFocus()
    qtbot.waitUntil(panel.viewer.hasFocus, timeout=5_000)
    qtbot.keyClick(panel.viewer, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: doc_session.evidence_progress["E4"]["seen"] == [0, 1], timeout=10_000)
    qtbot.keyClick(panel.viewer, Qt.Key.Key_PageUp)
    assert panel.documents.pdf.page_index == 0
