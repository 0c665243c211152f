"""The main window's next case reads the identity's own appeals off the GUI thread (issue 10): the read runs on
the pool beside the queue's refresh, and the next case opens once both are back. Real SQLite file, real window;
fails with the old window, which asked the store on the GUI thread while choosing."""
from __future__ import annotations

import threading

import pytest

from arbiter.store.appeals import Appeals
from tests.threads import Gated
from tests.ui.test_appeal_view import ANA, appeal_db  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui


def test_the_next_case_reads_ones_own_appeals_off_the_gui_thread(qtbot, tmp_path, db, appeal_db, monkeypatch):  # noqa: F811
    from arbiter.ui import app as app_module
    from arbiter.ui.workspace import CaseWorkspace

    _, appeal_pk, other_pk = appeal_db
    recorded = Gated(Appeals, "conflicted_case_pks", monkeypatch)
    calls = recorded.calls          # True: on the GUI thread
    gate = recorded.gate = threading.Event()
    st = app_module.start(f"sqlite:///{tmp_path}/t.db", False)
    qtbot.addWidget(st.window)
    try:
        window = st.window
        window.identity = ANA
        window.next_case()
        qtbot.waitUntil(lambda: bool(calls), timeout=10_000)
        qtbot.wait(100)                                   # the queue is back meanwhile; the appeals read is not
        assert not isinstance(window.tabs.currentWidget(), CaseWorkspace), "opened before the appeals were read"
        gate.set()
        qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace), timeout=15_000)
        assert window.tabs.currentWidget().property("case_pk") == other_pk   # the appeal of ana's verdict skipped
        assert calls and not any(calls), "the appeals were read on the GUI thread"
    finally:
        gate.set()
        st.window.close()
        st.close()


def test_the_original_decision_of_an_appeal_is_read_with_the_case_off_the_gui_thread(qtbot, tmp_path, db, appeal_db,
                                                                                      monkeypatch):  # noqa: F811
    """The "Original decision" tab read the appeal's original verdict on the GUI thread while the case view was
    built; now it comes with the case's opening read (arbiter.ui.opening), on the pool."""
    from arbiter.ui import app as app_module
    from arbiter.ui.workspace import CaseWorkspace

    _, appeal_pk, _ = appeal_db
    calls = Gated(Appeals, "original_verdict", monkeypatch).calls
    st = app_module.start(f"sqlite:///{tmp_path}/t.db", False)
    qtbot.addWidget(st.window)
    try:
        window = st.window
        window.identity = ANA
        window.open_case(appeal_pk)
        qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace), timeout=15_000)
        view = window.tabs.currentWidget().case_view
        assert view.original_verdict is not None and view.original_verdict.warning.text()   # ana decided it
        assert calls and not any(calls), "the original verdict was read on the GUI thread"
    finally:
        st.window.close()
        st.close()


def test_signing_ones_own_appeal_is_refused_in_words(qtbot, repo, appeal_db):  # noqa: F811
    from arbiter.store.appeals import AppealConflict
    from arbiter.ui import i18n
    from arbiter.ui.review_writes import refusal_words
    from tests.store.helpers import sign

    _, appeal_pk, _ = appeal_db
    with pytest.raises(AppealConflict) as refused:
        sign(repo, appeal_pk, ANA)
    assert refusal_words(refused.value) == ("TTS-UK-APPL appeals your own verdict on TTS-UK-ORIG (version 1): "
                                            "another reviewer must decide it.")
    i18n.install(i18n.CHINESE)
    assert "申诉" in refusal_words(refused.value) and "TTS-UK-ORIG" in refusal_words(refused.value)
