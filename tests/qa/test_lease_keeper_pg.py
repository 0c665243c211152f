"""Team mode in the workstation on the real PostgreSQL server: opening a case checks it out to the identity, the
lease is renewed while the tab is open, closing the tab (or the window) gives it back; a case someone else holds
says so; the queue shows who holds what. Every take, renewal and release runs on the task pool, never on the GUI
thread (issue 10)."""
from __future__ import annotations

import pytest

from arbiter.store import QueueQuery, Repository, open_database
from arbiter.store.leases import Leases
from tests.qa.conftest import seed_cases

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


def _open(qtbot, window, pk):
    with qtbot.waitSignal(window.caseOpened, timeout=20000, check_params_cb=lambda opened: opened == pk):
        window.open_case(pk)  # the case is read off the GUI thread


def test_open_takes_renews_close_releases_and_the_queue_says_who(qtbot, pg_url, isolated_settings):
    from arbiter.signing import demo_identity
    from arbiter.ui import settings
    from arbiter.ui.main_window import MainWindow
    from arbiter.ui.queue_model import COL_STATUS

    db = open_database(pg_url)
    try:
        ids = seed_cases(db, 3)
        repo = Repository(db)
        pks = {row.case_id: row.pk for row in repo.list_cases(QueueQuery(), 0, 10)}
        # a tab left open last time under this database's key is restored, and checked out as well
        settings.put_json(settings.OPEN_CASES, {"pg": {"open": [pks[ids[2]]], "current": None}})
        Leases(db).take(ids[1], "someone.else")
        window = MainWindow(db, repo, "pg")
        qtbot.addWidget(window)
        window.identity = demo_identity("me.myself", "Me")
        _open(qtbot, window, pks[ids[0]])
        qtbot.waitUntil(lambda: pks[ids[0]] in Leases(db).holders(), timeout=20000)   # taken on the pool
        holders = Leases(db).holders()
        assert holders[pks[ids[0]]].holder == "me.myself"
        qtbot.waitUntil(lambda: pks[ids[2]] in Leases(db).holders(), timeout=20000)
        assert Leases(db).holders()[pks[ids[2]]].holder == "me.myself"

        _open(qtbot, window, pks[ids[1]])
        qtbot.waitUntil(lambda: "checked out to someone.else" in window.statusBar().currentMessage(), timeout=20000)
        keeper = window._lease_keeper
        assert set(keeper.held) == {pks[ids[0]], pks[ids[2]]}
        before = Leases(db).holders()[pks[ids[0]]].expires_at
        assert keeper.renew_all() == []
        assert Leases(db).holders()[pks[ids[0]]].expires_at >= before

        # the queue: who holds what
        window.refresh_queue()
        model = window.queue_model
        qtbot.waitUntil(lambda: not model.busy, timeout=20000)   # the queue (and who holds what) is read off the GUI thread
        status = {model.row_at(i).pk: model.data(model.index(i, COL_STATUS)) for i in range(model.rowCount())}
        assert status[pks[ids[0]]].endswith("checked out to you")
        assert status[pks[ids[1]]].endswith("checked out to someone.else")

        # closing the tab gives the case back; closing the window gives back the rest
        window.close_tab(window.tabs.indexOf(window.workspace_for(pks[ids[0]])))
        qtbot.waitUntil(lambda: pks[ids[0]] not in Leases(db).holders(), timeout=20000)   # given back on the pool
        qtbot.waitUntil(lambda: "checked out" not in model.data(model.index(model.row_for_case_pk(pks[ids[0]]),
                                                                             COL_STATUS)), timeout=20000)
        window.close()
        assert set(Leases(db).holders()) == {pks[ids[1]]}
    finally:
        db.close()


def test_a_lease_taken_over_is_reported(qtbot, pg_url, isolated_settings):
    from datetime import timedelta

    from arbiter.ui.lease_keeper import LeaseKeeper

    db = open_database(pg_url)
    try:
        ids = seed_cases(db, 1)
        pk = Repository(db).list_cases(QueueQuery(), 0, 1)[0].pk
        keeper = LeaseKeeper(db, "me.myself")
        keeper.leases = Leases(db, ttl=timedelta(milliseconds=1))
        assert keeper.open(pk, ids[0]) is None
        qtbot.wait(20)
        Leases(db).take(ids[0], "someone.else")  # it expired: a colleague took it
        assert keeper.renew_all() and pk not in keeper.held
    finally:
        db.close()


def test_takes_renewals_and_releases_never_run_on_the_gui_thread(qtbot, pg_url, isolated_settings, monkeypatch):
    import threading

    from arbiter.signing import demo_identity
    from arbiter.ui import tasks
    from arbiter.ui.main_window import MainWindow

    calls: list[tuple[str, bool]] = []   # (what, on the GUI thread)
    for name in ("take", "renew", "release"):
        real = getattr(Leases, name)
        monkeypatch.setattr(Leases, name, lambda self, *a, _n=name, _r=real, **k: (
            calls.append((_n, threading.current_thread() is threading.main_thread())), _r(self, *a, **k))[1])
    db = open_database(pg_url)
    try:
        ids = seed_cases(db, 1)
        repo = Repository(db)
        pk = repo.list_cases(QueueQuery(), 0, 1)[0].pk
        window = MainWindow(db, repo, "pg-thread")
        qtbot.addWidget(window)
        window.identity = demo_identity("me.myself", "Me")
        _open(qtbot, window, pk)
        qtbot.waitUntil(lambda: pk in window._lease_keeper.held, timeout=20000)
        window._lease_keeper.renew_later()
        qtbot.waitUntil(lambda: any(n == "renew" for n, _ in calls), timeout=20000)
        window.close_tab(window.tabs.indexOf(window.workspace_for(pk)))
        qtbot.waitUntil(lambda: any(n == "release" for n, _ in calls), timeout=20000)
        tasks.runner().wait(10_000)
        assert {n for n, _ in calls} == {"take", "renew", "release"}
        assert not any(gui for _, gui in calls), calls
        window.close()
    finally:
        db.close()
