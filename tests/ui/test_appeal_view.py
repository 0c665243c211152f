"""An appeal's reviewer sees the original verdict read-only beside the case (issue 12, part 7); the original
decider is told the appeal is someone else's, and the workstation's next case walks past it."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

from arbiter.bundle import read_bundle
from arbiter.signing import demo_identity
from arbiter.store import import_bundle
from arbiter.ui import i18n
from arbiter.ui.case_view import CaseView
from arbiter.ui.session import ReviewSession
from tests.factories import case_dict, write_bundle
from tests.qa.test_appeals import appeal_dict
from tests.store.helpers import sign

pytestmark = pytest.mark.gui

ANA = demo_identity("ana", "Ana")


@pytest.fixture
def appeal_db(db, repo, tmp_path):
    """TTS-UK-ORIG decided by ana; TTS-UK-APPL appeals it; TTS-UK-ZZZZ is an ordinary case."""
    original = case_dict(case_id="TTS-UK-ORIG")
    orig = import_bundle(db, read_bundle(write_bundle(tmp_path / "orig.arbcase", original)))
    verdict = sign(repo, orig.case_pk, ANA)
    appeal = import_bundle(db, read_bundle(write_bundle(tmp_path / "appl.arbcase", appeal_dict(
        "TTS-UK-APPL", original, decided_at=verdict.record["decided_at"], fingerprint=verdict.fingerprint))))
    other = import_bundle(db, read_bundle(write_bundle(tmp_path / "z.arbcase", case_dict(case_id="TTS-UK-ZZZZ"))))
    return verdict, appeal.case_pk, other.case_pk


def _view(qtbot, repo, case_pk, who):
    session = ReviewSession(repo, case_pk, who)
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return session, view


def test_the_original_verdict_is_shown_read_only_beside_the_appeal(qtbot, repo, appeal_db):
    verdict, appeal_pk, other_pk = appeal_db
    session, view = _view(qtbot, repo, appeal_pk, demo_identity("ben", "Ben"))
    panel = view.original_verdict
    assert panel is not None and view.tabText(view.indexOf(panel)) == "Original decision"
    view.setCurrentWidget(panel)
    values = {key: label.text() for key, label in panel.values.items()}
    assert values["case"] == "TTS-UK-ORIG v1" and values["reviewer"] == "ana"
    assert values["outcome"] == "In the buyer's favour"
    assert values["remedy"] == f"Return and refund · {verdict.record['remedy']['amount']} GBP"
    assert values["signed"].startswith(verdict.signed_at.astimezone(panel.zone).strftime("%Y-%m-%d %H:%M"))
    assert values["fingerprint"] == verdict.fingerprint[:16] + "…" and values["later"] == "not amended"
    assert panel.rationale.toPlainText() == verdict.record["rationale"] and panel.rationale.isReadOnly()
    assert not panel.warning.isVisible()
    # read-only: nothing in the panel can be typed into, chosen or pressed
    for kind in (QLineEdit, QComboBox, QAbstractButton, QTextEdit):
        assert panel.findChildren(kind) == []
    assert all(edit.isReadOnly() for edit in panel.findChildren(QPlainTextEdit))
    session._timer.stop()
    # an ordinary case has no such tab
    session, plain = _view(qtbot, repo, other_pk, demo_identity("ben", "Ben"))
    assert plain.original_verdict is None and plain.count() == view.count() - 1
    session._timer.stop()


def test_the_original_decider_is_told_and_chinese_is_shown(qtbot, repo, appeal_db):
    _, appeal_pk, _ = appeal_db
    session, view = _view(qtbot, repo, appeal_pk, ANA)
    panel = view.original_verdict
    view.setCurrentWidget(panel)
    assert panel.warning.isVisible() and "another reviewer must decide this appeal" in panel.warning.text()
    i18n.install(i18n.CHINESE)
    qtbot.waitUntil(lambda: view.tabText(view.indexOf(panel)) == "原判决")
    assert "只读" in panel.heading.text()
    session._timer.stop()


def test_the_next_case_walks_past_an_appeal_of_ones_own_verdict(qtbot, tmp_path, db, appeal_db):
    from arbiter.ui import app as app_module
    from arbiter.ui.workspace import CaseWorkspace

    _, appeal_pk, other_pk = appeal_db
    st = app_module.start(f"sqlite:///{tmp_path}/t.db", False)
    qtbot.addWidget(st.window)
    try:
        window = st.window
        window.identity = ANA
        window.next_case()
        qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace), timeout=15_000)
        assert window.tabs.currentWidget().property("case_pk") == other_pk
        window.identity = demo_identity("ben", "Ben")
        assert window.cases.next_pk([window.queue_model.row_at(i) for i in range(window.queue_model.rowCount())],
                                    None) == appeal_pk   # for anyone else the appeal comes first
    finally:
        st.window.close()
        st.close()


def test_the_workstations_lease_keeper_does_not_take_an_appeal_for_its_original_decider(qtbot, db, appeal_db):
    """Team mode's GUI check-out (arbiter.ui.lease_keeper) goes through the store's take: refused, nothing held."""
    from arbiter.ui.lease_keeper import LeaseKeeper

    _, appeal_pk, other_pk = appeal_db
    keeper = LeaseKeeper(db, "ana")
    refused = keeper.open(appeal_pk, "TTS-UK-APPL")
    assert refused.reason == "own_appeal"
    assert str(refused) == "TTS-UK-APPL appeals TTS-UK-ORIG v1, decided by ana: another reviewer must decide the appeal"
    assert keeper.held == {}
    assert keeper.open(other_pk, "TTS-UK-ZZZZ") is None and keeper.held == {other_pk: "TTS-UK-ZZZZ"}
    assert LeaseKeeper(db, "ben").open(appeal_pk, "TTS-UK-APPL") is None
    keeper.release_all()
