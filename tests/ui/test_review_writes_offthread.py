"""Saving the draft and signing the verdict run on the single database writer, never on the GUI thread (issue 10,
"database and file work off the GUI thread", in the spirit of Anki's CollectionOp): a real SQLite file, the real
checklist panel, the store's own methods wrapped to note the thread they ran on and, where the test needs it, held
back on a gate. Each test fails with the old panel and session, which wrote on the GUI thread."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QTimer

from arbiter.ui import tasks
from arbiter.ui.checklist import ChecklistPanel
from tests.threads import Gated
from tests.ui.checklist_support import Env, answer_supported_case, auto_confirm, choice, click, open_everything

pytestmark = pytest.mark.gui


@pytest.fixture
def env(tmp_path):
    environment = Env(tmp_path)
    yield environment
    tasks.runner().wait(10_000)
    environment.close()


def shown(qtbot, session, height=900) -> ChecklistPanel:
    panel = ChecklistPanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def event_loop_runs(qtbot) -> None:
    ticked = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked), timeout=5000)


def test_autosave_writes_on_the_writer_thread_and_the_banner_follows(env, qtbot, monkeypatch):
    s = env.session()
    save = Gated(s.repo, "save_draft", monkeypatch)
    save.gate = threading.Event()
    panel = shown(qtbot, s)
    click(qtbot, choice(panel, "finding", "supported"))
    assert s.has_unsaved_changes
    s.flush(wait=False)                                   # what the debounce timer does
    event_loop_runs(qtbot)                                # the GUI thread is free while the write waits
    assert s.saving and s.has_unsaved_changes
    save.gate.set()
    qtbot.waitUntil(lambda: not s.has_unsaved_changes, timeout=10_000)
    assert save.calls == [False], "the draft was written on the GUI thread"
    assert env.repo.load_draft(s.case_pk).answers["finding"] == "supported"
    assert "saved as you go" in panel.banner.text()


def test_a_failing_save_on_the_writer_shows_not_saved_in_the_banner(env, qtbot, monkeypatch):
    import sqlite3

    s = env.session()
    panel = shown(qtbot, s)
    save = Gated(s.repo, "save_draft", monkeypatch)
    save.error = sqlite3.OperationalError("attempt to write a readonly database")
    click(qtbot, choice(panel, "finding", "supported"))
    with qtbot.waitSignal(s.saved, timeout=10_000) as outcome:
        pass                                              # the debounce fires, the writer fails
    assert outcome.args == [False] and save.calls == [False]
    assert "Not saved" in panel.banner.text() and "readonly database" in panel.banner.text()
    assert "saved as you go" not in panel.banner.text() and s.has_unsaved_changes
    save.error = None                                     # the database is writable again
    click(qtbot, choice(panel, "finding", "contradicted"))
    qtbot.waitUntil(lambda: "Not saved" not in panel.banner.text(), timeout=10_000)
    assert env.repo.load_draft(s.case_pk).answers["finding"] == "contradicted"


def test_signing_runs_on_the_writer_and_nothing_changes_meanwhile(env, qtbot, monkeypatch):
    s = env.session()
    panel = shown(qtbot, s)
    answer_supported_case(qtbot, panel)
    open_everything(s)
    sign = Gated(s.repo, "sign_verdict", monkeypatch)
    sign.gate = threading.Event()
    asked = auto_confirm(monkeypatch)
    nexts = []
    panel.nextRequested.connect(lambda: nexts.append(True))
    assert panel.sign_and_next()
    event_loop_runs(qtbot)
    # the signature is on its way: no second one, no change, no next case yet
    assert s.signing and not s.is_locked and "being stored" in panel.banner.text()
    assert not panel.sign_button.isEnabled() and not panel.sign_next_button.isEnabled()
    assert not panel.form.isEnabled()
    assert not panel.sign_and_next() and not panel.sign()
    with pytest.raises(PermissionError):
        s.set_answer("finding", "contradicted")
    assert nexts == [] and len(asked) == 1
    sign.gate.set()
    qtbot.waitUntil(lambda: s.is_locked, timeout=10_000)
    qtbot.waitUntil(lambda: nexts == [True], timeout=5000)   # the next case only once the signature is stored
    assert sign.calls == [False], "the verdict was signed on the GUI thread"
    assert env.repo.current_verdict(s.case_pk).answers["finding"] == "supported"
    assert "Signed" in panel.banner.text() and panel.next_button.isVisible()


def test_a_refusal_of_the_store_is_shown_in_one_line_and_the_reviewer_stays(env, qtbot, monkeypatch):
    s = env.session()
    panel = shown(qtbot, s)
    answer_supported_case(qtbot, panel)
    open_everything(s)
    # someone (the CLI, another workstation) asked for supplementary evidence after the case was opened here
    env.repo.request_supplement(s.case_pk, "buyer", "Photo of the label", datetime.now(timezone.utc)
                                + timedelta(days=3), "someone.else")
    sign = Gated(s.repo, "sign_verdict", monkeypatch)
    auto_confirm(monkeypatch)
    nexts = []
    panel.nextRequested.connect(lambda: nexts.append(True))
    assert panel.sign_and_next()
    with qtbot.waitSignal(s.signFailed, timeout=10_000) as refused:
        pass
    line = refused.args[0]
    assert "\n" not in line and "ARB-R1 (buyer, due " in line and "waits for supplementary evidence" in line
    assert sign.calls == [False]
    assert panel.banner.text().startswith("Not signed: ") and line in panel.banner.text()
    assert not s.is_locked and not s.signing and panel.form.isEnabled()
    assert env.repo.current_verdict(s.case_pk) is None
    assert not panel.sign_button.isEnabled()              # the session now knows the case waits
    assert any("ARB-R1" in b for b in panel.blockers)
    qtbot.wait(50)
    assert nexts == [], "Sign and next went on although nothing was signed"
    click(qtbot, choice(panel, "problem", "minor_quality"))   # a change clears the refusal
    assert "Not signed" not in panel.banner.text()


def test_closing_the_tab_waits_for_the_draft(env, qtbot, monkeypatch):
    from arbiter.ui.case_tabs import CaseTabs
    from arbiter.ui.workspace import CaseWorkspace
    from PySide6.QtWidgets import QLabel, QTabWidget

    s = env.session()
    save = Gated(s.repo, "save_draft", monkeypatch)
    save.gate = threading.Event()
    tabs_widget = QTabWidget()
    qtbot.addWidget(tabs_widget)
    tabs_widget.addTab(QLabel("queue"), "queue")
    tabs = CaseTabs(tabs_widget, env.repo, lambda: "r.chen", "test-db")
    workspace = CaseWorkspace(s)
    s.setParent(workspace)
    workspace.setProperty("case_pk", s.case_pk)
    tabs_widget.addTab(workspace, "case")
    click(qtbot, choice(workspace.checklist, "finding", "insufficient"))
    threading.Timer(0.3, save.gate.set).start()           # the writer is slow: closing waits for it
    assert tabs.close_tab(1)
    assert save.calls == [False]
    assert env.repo.load_draft(s.case_pk).answers["finding"] == "insufficient"


def test_a_draft_that_cannot_be_saved_keeps_the_tab_unless_the_reviewer_discards_it(env, qtbot, monkeypatch):
    from arbiter.ui import case_tabs
    from arbiter.ui.case_tabs import CaseTabs
    from arbiter.ui.workspace import CaseWorkspace
    from PySide6.QtWidgets import QLabel, QTabWidget

    s = env.session()
    save = Gated(s.repo, "save_draft", monkeypatch)
    save.error = OSError("disk full")
    asked = []
    answer = [False]
    monkeypatch.setattr(case_tabs, "ask_close_unsaved", lambda parent, title, error: asked.append(error) or answer[0])
    tabs_widget = QTabWidget()
    qtbot.addWidget(tabs_widget)
    tabs_widget.addTab(QLabel("queue"), "queue")
    tabs = CaseTabs(tabs_widget, env.repo, lambda: "r.chen", "test-db")
    workspace = CaseWorkspace(s)
    s.setParent(workspace)
    tabs_widget.addTab(workspace, "case")
    click(qtbot, choice(workspace.checklist, "finding", "insufficient"))
    assert not tabs.close_tab(1)                          # kept: the reviewer did not discard it
    assert asked == ["disk full"] and tabs_widget.count() == 2
    assert "Not saved" in workspace.checklist.banner.text()
    answer[0] = True
    assert tabs.close_tab(1) and tabs_widget.count() == 1


def test_the_notice_hold_is_read_with_the_signature_not_on_each_refresh(env, qtbot, monkeypatch):
    """A signed verdict's notice hold (the supervisor's notice gate) was read from the store on the GUI thread at
    every refresh of the panel; now it comes with the signature (on the writer) and with the case's opening."""
    s = env.session()
    panel = shown(qtbot, s)
    answer_supported_case(qtbot, panel)
    open_everything(s)
    click(qtbot, panel.override_check)                    # an override: flagged, its notice waits for approval
    click(qtbot, choice(panel, "override.outcome", "seller_favoured"))
    qtbot.keyClicks(panel.justification_edit, "The crack is visible in the seller's packing photo E2 too.")
    hold = Gated(s.repo, "notice_hold", monkeypatch)
    auto_confirm(monkeypatch)
    assert panel.sign()
    qtbot.waitUntil(lambda: s.is_locked, timeout=10_000)
    assert hold.calls and not any(hold.calls), "the notice hold was read on the GUI thread"
    assert "Notice held" in panel.export_status.text() and not panel.export_button.isEnabled()
    before = len(hold.calls)
    for _ in range(3):
        panel.refresh()
    assert len(hold.calls) == before                      # refreshing the panel reads nothing
    panel.hide()
    panel.show()                                          # shown again: read again, on the pool
    qtbot.waitUntil(lambda: len(hold.calls) > before, timeout=5000)
    assert not any(hold.calls)


def test_a_draft_still_on_the_writer_when_its_tab_closes_is_not_lost_silently(env, qtbot, monkeypatch):
    """Behind a long import the writer may still hold the draft when the wait on close runs out: the tab goes, the
    session outlives it until the write is back, and a failure then is told (``lateFailure``)."""
    from PySide6.QtWidgets import QLabel, QTabWidget

    from arbiter.ui import workspace as workspace_module
    from arbiter.ui.case_tabs import CaseTabs
    from arbiter.ui.workspace import CaseWorkspace

    monkeypatch.setattr(workspace_module, "CLOSE_WAIT_MS", 100)
    s = env.session()
    save = Gated(s.repo, "save_draft", monkeypatch)
    save.gate = threading.Event()
    save.error = OSError("disk full")
    tabs_widget = QTabWidget()
    qtbot.addWidget(tabs_widget)
    tabs_widget.addTab(QLabel("queue"), "queue")
    tabs = CaseTabs(tabs_widget, env.repo, lambda: "r.chen", "test-db")
    told = []
    tabs.lateFailure.connect(lambda title, error: told.append((title, error)))
    workspace = CaseWorkspace(s)
    s.setParent(workspace)
    tabs_widget.addTab(workspace, "case")
    click(qtbot, choice(workspace.checklist, "finding", "insufficient"))
    assert tabs.close_tab(1) and tabs_widget.count() == 1   # the wait ran out: the tab goes
    qtbot.wait(50)                                        # the workspace and its panels are deleted meanwhile
    save.gate.set()                                       # now the writer gets to it, and fails
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == [(s.case.case_id, "disk full")]
    assert save.calls == [False]


def test_the_stores_refusals_are_worded_in_the_interface_language(env, qtbot):
    """The store gives its reason as data (arbiter.store: ``reason``, the requests, the appeal's facts); the banner
    words it in the reviewer's language, Chinese included."""
    from arbiter.store.errors import VerdictRefused
    from arbiter.ui import i18n
    from arbiter.ui.review_writes import refusal_words
    from tests.store.helpers import sign

    env.repo.request_supplement(env.case_pk, "seller", "Photo of the label", datetime.now(timezone.utc)
                                + timedelta(days=3), "someone.else")
    with pytest.raises(VerdictRefused) as refused:
        sign(env.repo, env.case_pk)
    exc = refused.value
    assert exc.reason == "awaiting_evidence" and [r[0] for r in exc.requests] == ["ARB-R1"]
    assert refusal_words(exc).startswith(f"{env.result.case_id}: the case waits for supplementary evidence "
                                         "(ARB-R1 (seller, due ")
    i18n.install(i18n.CHINESE)
    words = refusal_words(exc)
    assert "补充证据" in words and "ARB-R1" in words and "卖家" in words and "waits" not in words
