"""Team mode in the workstation on the real PostgreSQL server: opening a case checks it out to the identity,
closing its tab gives it back; a case someone else holds says so."""
from __future__ import annotations

import pytest

from arbiter.store import Repository, open_database
from arbiter.store.leases import Leases
from tests.qa.conftest import seed_cases

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


def test_open_takes_close_releases_and_a_held_case_says_who(qtbot, pg_url):
    from arbiter.signing import demo_identity
    from arbiter.ui.main_window import MainWindow

    db = open_database(pg_url)
    try:
        ids = seed_cases(db, 2)
        repo = Repository(db)
        pks = {row.case_id: row.pk for row in repo.list_cases(__import__("arbiter.store", fromlist=["QueueQuery"])
                                                              .QueueQuery())}
        Leases(db).take(ids[1], "someone.else")
        window = MainWindow(db, repo, "pg")
        qtbot.addWidget(window)
        window.identity = demo_identity("me.myself", "Me")
        with qtbot.waitSignal(window.caseOpened, timeout=20000):  # the case is read off the GUI thread
            window.open_case(pks[ids[0]])
        assert Leases(db).holders()[pks[ids[0]]].holder == "me.myself"
        with qtbot.waitSignal(window.caseOpened, timeout=20000):
            window.open_case(pks[ids[1]])
        assert "checked out to someone.else" in window.statusBar().currentMessage()
        assert window._lease_keeper.renew_all() == []
        window.close_tab(window.tabs.indexOf(window.workspace_for(pks[ids[0]])))
        assert pks[ids[0]] not in Leases(db).holders()
        window.close()
    finally:
        db.close()
