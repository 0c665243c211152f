"""The lease keeper says why a case was not checked out to you (issue 10): an appeal of your own verdict is not
"someone else has this case"; the store gives the reason as data and the interface words it, in Chinese too."""
from __future__ import annotations

import re

import pytest

from arbiter.store.leases import Leases
from arbiter.ui import i18n
from arbiter.ui.lease_keeper import LeaseKeeper, refusal_text
from tests.ui.test_appeal_view import ANA, appeal_db  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_an_appeal_of_ones_own_verdict_is_named_as_such(qtbot, db, appeal_db):  # noqa: F811
    _, appeal_pk, _ = appeal_db
    refused = LeaseKeeper(db, "ana").open(appeal_pk, "TTS-UK-APPL")
    assert refused.reason == "own_appeal"
    assert refusal_text(refused) == ("TTS-UK-APPL appeals your own verdict on TTS-UK-ORIG (version 1): another "
                                     "reviewer must decide it, so it is not checked out to you.")
    i18n.install(i18n.CHINESE)
    text = refusal_text(refused)
    assert CJK.search(text) and "TTS-UK-APPL" in text and "TTS-UK-ORIG" in text and "someone" not in text.lower()


def test_a_case_someone_else_holds_names_them_and_until_when(qtbot, db, appeal_db):  # noqa: F811
    Leases(db).take("TTS-UK-ZZZZ", "ben")
    _, _, other_pk = appeal_db
    refused = LeaseKeeper(db, "ana").open(other_pk, "TTS-UK-ZZZZ")
    assert refused.reason == "checked_out" and refused.holder == "ben"
    text = refusal_text(refused)
    assert text.startswith("Someone else has this case: TTS-UK-ZZZZ is checked out to ben until ")
    assert "UTC" not in text      # the time in the workstation's zone and locale, not the store's English line


def test_opening_ones_own_appeal_tells_the_true_reason_in_the_status_bar(qtbot, tmp_path, db, appeal_db):  # noqa: F811
    """Through the main window's hook (``lease_keeper._opened``), as a reviewer opening the tab sees it."""
    from arbiter.ui import app as app_module

    _, appeal_pk, _ = appeal_db
    st = app_module.start(f"sqlite:///{tmp_path}/t.db", False)
    qtbot.addWidget(st.window)
    try:
        window = st.window
        window.identity = ANA
        window._lease_keeper = LeaseKeeper(window.db, "ana", window)   # team mode (PostgreSQL) made it so
        with qtbot.waitSignal(window.caseOpened, timeout=20_000):
            window.open_case(appeal_pk)
        qtbot.waitUntil(lambda: "appeals your own verdict" in window.statusBar().currentMessage(), timeout=10_000)
        message = window.statusBar().currentMessage()
        assert "Someone else" not in message and "TTS-UK-ORIG (version 1)" in message
        assert window._lease_keeper.held == {}
    finally:
        st.window.close()
        st.close()
