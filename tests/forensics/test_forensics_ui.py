"""The forensic flags on screen: beside the evidence item, in the facts panel, citable, the match side by side."""
from __future__ import annotations

from pathlib import Path

import pytest

from arbiter.bundle import read_bundle
from arbiter.store import Repository, import_bundle
from arbiter.ui.case_view import CaseView
from arbiter.ui.forensics_view import forensics_of
from arbiter.ui.session import ReviewSession
from tests.threads import Gated
from tests.ui.case_view_fakes import read_back

pytestmark = pytest.mark.gui
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def view(lamp_view):
    return lamp_view


def test_flags_beside_the_evidence_citable_and_the_match_side_by_side(qtbot, view):
    session = view.session
    assert forensics_of(session).error is None
    view.show_evidence("E1")
    read_back(qtbot, view)
    strip = view.forensics_strip
    assert strip.isVisible()
    assert [row.flag.code for row in strip.rows] == ["taken_before_delivery", "edited_with_software",
                                                     "exif_thumbnail_differs", "seen_in_other_case"]
    badges = [text for text, _ in view.evidence.model.badges(session.case.evidence[0])]
    assert "⚑ Seen in another case" in badges and "⚑ Edited with software" in badges
    match = strip.rows[-1]
    match.cite_button.click()
    assert session.answers["rationale"] == "E1: seen in case TTS-UK-250303-0012."
    dialog = match.compare()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.filled, timeout=20_000)   # read off the GUI thread
    assert [v.has_image() for v in dialog.viewers] == [True, True]
    assert "TTS-UK-250303-0012" in dialog.findChildren(type(match.detail))[2].text()


def test_compare_side_by_side_reads_both_files_off_the_gui_thread(qtbot, view, monkeypatch):
    """Issue 10: the matched file's bytes (and a video's frame) are read on the pool, never on the GUI thread; the
    dialog shows at once and fills when the read is back. Fails with the old dialog, which read in __init__."""
    import threading

    session = view.session
    repo = session.repo
    view.show_evidence("E1")
    strip = view.forensics_strip
    qtbot.waitUntil(lambda: bool(strip.rows), timeout=10_000)
    recorded = Gated(repo, "evidence_bytes", monkeypatch)
    calls = recorded.calls   # True: on the GUI thread
    gate = recorded.gate = threading.Event()
    dialog = strip.rows[-1].compare()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.filled        # shown at once: the read is on its way
    assert [v.has_image() for v in dialog.viewers] == [False, False]
    assert dialog.status.text() == "Reading both pictures…"
    gate.set()
    qtbot.waitUntil(lambda: dialog.filled, timeout=20_000)
    assert [v.has_image() for v in dialog.viewers] == [True, True]
    # both files were read, none on the GUI thread (the evidence panel's own read of E1, when it is still on its
    # way under load as the patch goes in, is counted too: at least two reads)
    assert len(calls) >= 2 and not any(calls), "evidence read on the GUI thread"


def test_facts_panel_lists_every_flag_and_both_parties_alike(qtbot, view):
    from arbiter.ui.forensics_view import ForensicsFactsBox

    box = view.facts.findChild(ForensicsFactsBox)
    qtbot.waitUntil(lambda: len(box.rows) == 4, timeout=10_000)
    names = [label.objectName() for label in box.history_labels[:2]]
    assert names == ["history_buyer", "history_seller"]
    assert "Lumen & Co" in box.history_labels[1].text()
    assert "Daniel Hughes" in box.history_labels[2].text()      # the same phone under another buyer name


def test_a_video_match_shows_its_key_frame_beside_the_photo(qtbot, sqlite_db, tmp_path):
    """A video whose key frame is the first case's photo: flagged beside the video, and Compare shows that frame
    (in colour, with its time) beside the photo (issue 13, video key frames)."""
    pytest.importorskip("av")
    from arbiter.signing import demo_identity
    from tests.forensics.helpers import video_case_bundle

    import_bundle(sqlite_db, read_bundle(SAMPLES / "tts-uk-lamp-box-dented.arbcase"), actor="test")
    video = import_bundle(sqlite_db, read_bundle(video_case_bundle(tmp_path)), actor="test")
    session = ReviewSession(Repository(sqlite_db), video.case_pk, demo_identity("r.chen", "R. Chen"))
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitUntil(lambda: forensics_of(session).done, timeout=60_000)
    view.show_evidence("E1")
    strip = view.forensics_strip
    qtbot.waitUntil(lambda: bool(strip.rows), timeout=10_000)
    assert [(row.flag.evidence_id, row.flag.code) for row in strip.rows] == [("E1", "seen_in_other_case")]
    assert strip.rows[0].flag.detail.startswith("seen in case TTS-UK-250303-0012 as E1 (distance ")
    dialog = strip.rows[0].compare()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.filled, timeout=30_000)   # the video's frames are decoded off the GUI thread
    assert [v.has_image() for v in dialog.viewers] == [True, True]
    assert dialog.captions[0].text().startswith("TTS-UK-250318-0071 / E1 · video, frame at 0:0")
    assert dialog.captions[1].text() == "TTS-UK-250303-0012 / E1"
