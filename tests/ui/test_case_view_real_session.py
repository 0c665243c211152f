"""The case view on a real ReviewSession over a real temporary SQLite database."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from arbiter.bundle import read_bundle
from arbiter.store import import_bundle
from arbiter.ui.case_view import CaseView
from arbiter.ui.session import ReviewSession
from tests.factories import default_files, sha256, write_bundle
from tests.ui.case_view_fakes import read_back

pytestmark = pytest.mark.gui


@pytest.fixture
def session(review_session):
    return review_session


def _show(qtbot, session):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_opening_everything_satisfies_the_session(qtbot, session):
    view = _show(qtbot, session)
    for evidence_id in ("E1", "E2", "E3"):
        assert view.show_evidence(evidence_id)
        read_back(qtbot, view)
    assert session.opened_evidence == {"E1", "E2", "E3"}
    assert view.evidence.hash_badge.tone == "success"
    view.setCurrentIndex(CaseView.CHATS)
    qtbot.waitUntil(lambda: session.required_chat_keys() <= session.chats_read)
    blockers = " ".join(session.sign_blockers())
    assert "has not been read to the end" not in blockers
    assert "has not been opened" not in blockers
    # facts: the computed gate facts from the real assessment are on screen
    facts = view.facts.gate_rows["J2_in_time"][1].text()
    assert "7 days" in facts


def test_citation_from_the_session(qtbot, session):
    view = _show(qtbot, session)
    session.citationRequested.emit("M3")
    assert view.currentIndex() == CaseView.CHATS
    assert view.chats.panels[0].table.currentIndex().row() == 2
    session.citationRequested.emit("E1")
    read_back(qtbot, view)
    assert view.evidence.current_id() == "E1" and "E1" in session.opened_evidence


def test_tampered_blob_shows_hash_mismatch(qtbot, db, repo, tmp_path):
    result = import_bundle(db, read_bundle(write_bundle(tmp_path / "case.arbcase")))
    with db.session() as s:
        s.execute(text("UPDATE blobs SET data = :d WHERE sha256 = :h"),
                  {"d": b"edited photo", "h": sha256(default_files()["evidence/E1.jpg"])})
    session = ReviewSession(repo, result.case_pk, __import__("arbiter.signing", fromlist=["demo_identity"]).demo_identity("r.chen", "R. Chen"))
    try:
        view = _show(qtbot, session)
        view.show_evidence("E1")
        read_back(qtbot, view)
        assert view.evidence.hash_badge.text() == "✗ hash mismatch"
        assert view.evidence.hash_badge.tone == "danger"
        assert "hash mismatch" in [t for t, _ in view.evidence.model.badges(session.case.evidence[0])]
    finally:
        session._timer.stop()
