"""One test per defect of issue 10 (a reviewer's day), each failing without its fix."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel

from arbiter.ui import app as app_module
from arbiter.ui import checklist as cp
from arbiter.ui import i18n

from arbiter.ui.workspace import CaseWorkspace
from tests import factories
from tests.ui.case_view_fakes import read_back
from tests.ui.checklist_support import (
    Env, answer_supported_case, auto_confirm, choice, click, open_case, open_everything,
)

pytestmark = pytest.mark.gui

INTERNAL_ID = re.compile(r"\bJ\d_[a-z_]+|\b[a-z]+_[a-z_]+\b")


@pytest.fixture
def station(qtbot, tmp_path):
    created = []

    def make(name="w.db", demo=False):
        st = app_module.start(None if demo else f"sqlite:///{tmp_path}/{name}", demo)
        qtbot.addWidget(st.window)
        st.window.resize(1366, 768)
        st.window.show()
        created.append(st)
        return st

    yield make
    for st in created:
        st.window.close()
        st.close()


@pytest.fixture
def env(tmp_path, qapp):
    e = Env(tmp_path)
    yield e
    e.close()


def panel_for(qtbot, session, width=600, height=900):
    panel = cp.ChecklistPanel(session)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    panel.activateWindow()   # window shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=5000)
    return panel


def window_with_case(qtbot, station, tmp_path, data=None):
    st = station()
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle

    result = import_bundle(st.db, read_bundle(factories.write_bundle(tmp_path / "c.arbcase", data)))
    st.window.refresh_queue()
    workspace = open_case(qtbot, st.window, result.case_pk)
    st.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is st.window, timeout=5000)
    return st, workspace


def active_bindings(root) -> Counter:
    """Keys bound by enabled actions and shortcuts whose widget is visible: what Qt would compete over."""
    keys: Counter = Counter()
    for action in root.findChildren(QAction):
        parent = action.parent()
        if action.isEnabled() and (not hasattr(parent, "isVisible") or parent.isVisible()):
            for key in action.shortcuts():
                keys[key.toString()] += 1
    for shortcut in root.findChildren(QShortcut):
        if shortcut.isEnabled() and shortcut.parent().isVisible():
            keys[shortcut.key().toString()] += 1
    return keys


# -- keyboard -------------------------------------------------------------------------------------------------
def test_ctrl_f_focuses_the_queue_search(qtbot, station, tmp_path):
    st, _workspace = window_with_case(qtbot, station, tmp_path)
    window = st.window
    window.show_queue()
    window.queue_view.table.setFocus()
    qtbot.waitUntil(window.queue_view.table.hasFocus, timeout=2000)
    qtbot.keyClick(window.queue_view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.queue_view.search.hasFocus()


def test_no_key_is_bound_twice_with_a_case_and_its_evidence_in_front(qtbot, station, tmp_path):
    st, workspace = window_with_case(qtbot, station, tmp_path)
    workspace.case_view.setCurrentIndex(workspace.case_view.EVIDENCE)
    assert workspace.case_view.evidence.open_evidence("E1")   # the viewer's tools are enabled with an item shown
    read_back(qtbot, workspace.case_view)
    qtbot.waitUntil(lambda: workspace.case_view.evidence.actions_by_name["actual"].isEnabled(), timeout=10_000)
    twice = {k: n for k, n in active_bindings(st.window).items() if n > 1}
    assert twice == {}
    assert "Ctrl+1" in active_bindings(st.window)


def test_ctrl_1_shows_the_queue_from_the_evidence_viewer(qtbot, station, tmp_path):
    st, workspace = window_with_case(qtbot, station, tmp_path)
    workspace.case_view.setCurrentIndex(workspace.case_view.EVIDENCE)
    assert workspace.case_view.evidence.open_evidence("E1")
    read_back(qtbot, workspace.case_view)
    qtbot.waitUntil(lambda: workspace.case_view.evidence.actions_by_name["actual"].isEnabled(), timeout=10_000)
    workspace.case_view.evidence.list.setFocus()
    qtbot.keyClick(workspace.case_view.evidence.list, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert st.window.tabs.currentIndex() == 0


XCB_SCRIPT = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
from arbiter.ui.shortcuts import install_key_guard

app = QApplication(sys.argv[:1])
window = QMainWindow()
field = QLineEdit()
window.setCentralWidget(field)
hits = []
export = QAction("Export", window)
export.setShortcut(QKeySequence("Ctrl+E"))
export.triggered.connect(lambda: hits.append(1))
window.addAction(export)
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window)
field.setFocus()
QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
before = len(hits)
install_key_guard(window)
QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
print(before, len(hits) - before)
"""


def test_ctrl_e_is_not_swallowed_by_a_line_edit_on_x11(tmp_path):
    """On X11 a QLineEdit claims Ctrl+E ("end of line") through ShortcutOverride, so File > Export did nothing
    from a text field; the offscreen platform does not, so this runs a real xcb window under Xvfb."""
    import shutil
    import subprocess
    import sys

    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (./dev installs it)")
    script = tmp_path / "ctrl_e.py"
    script.write_text(XCB_SCRIPT)
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "xcb"}
    out = subprocess.run(["xvfb-run", "-a", sys.executable, str(script)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    without_guard, with_guard = out.stdout.split()[-2:]
    assert (without_guard, with_guard) == ("0", "1")


def test_ctrl_e_exports_from_inside_a_text_field(qtbot, station, tmp_path):
    st, workspace = window_with_case(qtbot, station, tmp_path)
    assert st.window.act_export.isEnabled()
    for field in (workspace.checklist.amount_edit, workspace.checklist.rationale_edit):
        field.setEnabled(True)
        field.setFocus()
        with qtbot.waitSignal(st.window.act_export.triggered, timeout=2000):
            qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


# -- the checklist ------------------------------------------------------------------------------------------------
def test_after_signing_there_is_a_way_on(env, qtbot, monkeypatch):
    panel = panel_for(qtbot, env.session())
    answer_supported_case(qtbot, panel)
    open_everything(panel.session)
    auto_confirm(monkeypatch)
    with qtbot.waitSignal(panel.nextRequested, timeout=2000):
        qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.session.is_locked
    assert panel.next_button.isVisible() and panel.next_button.hasFocus()
    with qtbot.waitSignal(panel.nextRequested, timeout=2000):
        click(qtbot, panel.next_button)


def test_no_internal_ids_on_screen(qtbot, station, tmp_path):
    data = factories.case_dict()
    data["after_sale"]["settled_between_parties"] = True   # a failed gate is named in the derived outcome
    st, workspace = window_with_case(qtbot, station, tmp_path, data)
    texts = []
    for widget in workspace.findChildren(QLabel) + workspace.findChildren(QAbstractButton):
        texts.append(re.sub(r"<[^>]+>", " ", widget.text()))
    texts += [box.title() for box in workspace.findChildren(QGroupBox)]
    texts += workspace.checklist.blockers
    shown = [t for t in texts if re.search(r"\bJ\d_[a-z_]+", t)]
    assert shown == []


def test_a_full_refund_is_prefilled(env, qtbot):
    panel = panel_for(qtbot, env.session())
    for gid in ("J1_platform_order", "J4_actual_consumer", "J5_valid_transaction", "J6_unresolved"):
        click(qtbot, choice(panel, f"jurisdiction.{gid}", True))
    click(qtbot, choice(panel, "finding", "supported"))
    click(qtbot, choice(panel, "remedy", "refund_only"))
    assert panel.amount_edit.text() == "19.99" and panel.session.answers["amount"] == "19.99"
    click(qtbot, choice(panel, "remedy", "partial_refund"))   # a partial refund must be less: not kept
    assert panel.amount_edit.text() == ""


def test_remedy_preview_never_says_return_and_no_return_together(tmp_path, qtbot, qapp):
    env = Env(tmp_path)
    s = env.session()
    s.answers = factories.answers_dict(problem="counterfeit", decided_at=None)   # counterfeit: exempt from return
    panel = panel_for(qtbot, s)
    text = panel.preview.text()
    assert "Refund without return" in text and "exempt from return: Counterfeit" in text
    assert "Return and refund" not in text
    env.close()


def test_deadlines_title_is_translated(env, qtbot):
    i18n.install(i18n.CHINESE)
    panel = panel_for(qtbot, env.session())
    assert panel.deadlines.title().startswith("6. 期限（Europe/London）")


def test_export_confirmation_is_in_view(env, qtbot, monkeypatch, tmp_path):
    panel = panel_for(qtbot, env.session(), height=600)
    answer_supported_case(qtbot, panel)
    open_everything(panel.session)
    auto_confirm(monkeypatch)
    assert panel.sign()
    qtbot.waitUntil(lambda: panel.session.is_locked, timeout=10_000)   # stored by the writer, off the GUI thread
    panel.scroll.verticalScrollBar().setValue(0)
    with qtbot.waitSignal(panel.exportFinished, timeout=20_000):
        panel.export_notice(str(tmp_path / "n.pdf"))
    assert "Notices written" in panel.banner.text() and "n.seller.pdf" in panel.banner.text()
    assert panel.banner.isVisible() and panel.banner.geometry().top() < 50


def test_a_failed_autosave_is_shown_not_saved(env, qtbot, monkeypatch):
    s = env.session()
    panel = panel_for(qtbot, s)
    assert "saved as you go" in panel.banner.text()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(s.repo, "save_draft", broken)
    click(qtbot, choice(panel, "finding", "supported"))
    assert not s.flush()
    assert "Not saved" in panel.banner.text() and "disk full" in panel.banner.text()
    assert "saved as you go" not in panel.banner.text()
    monkeypatch.undo()
    click(qtbot, choice(panel, "finding", "contradicted"))
    assert s.flush() and "Not saved" not in panel.banner.text()


def test_one_click_runs_the_rules_once(env, qtbot, monkeypatch):
    from arbiter.domain import checklist

    panel = panel_for(qtbot, env.session())
    calls = []
    real = checklist.assess
    monkeypatch.setattr(checklist, "assess", lambda *a, **k: calls.append(1) or real(*a, **k))
    click(qtbot, choice(panel, "evidence.E1", "admissible"))
    assert len(calls) == 1
    calls.clear()
    qtbot.keyClicks(panel.rationale_edit, "E")
    assert len(calls) == 1


# -- the evidence viewer at 1366 px ---------------------------------------------------------------------------
def test_evidence_badges_are_not_clipped_and_save_is_in_view(qtbot, station, tmp_path):
    st, workspace = window_with_case(qtbot, station, tmp_path)
    view = workspace.case_view
    view.setCurrentIndex(view.EVIDENCE)
    workspace.splitter.setSizes([560, 806])   # the case view as narrow as the reviewer may drag it
    assert view.evidence.open_evidence("E1")
    read_back(qtbot, view)
    qtbot.waitUntil(lambda: view.evidence.hash_badge.text().startswith("✓"), timeout=10_000)
    QApplication.processEvents()
    for badge in (view.evidence.hash_badge, view.evidence.role_badge):
        assert badge.width() >= badge.sizeHint().width(), badge.text()
    save = view.evidence.save_button
    assert save.isVisible() and save.isEnabled()
    assert save.mapTo(st.window, save.rect().topRight()).x() <= st.window.width()


# -- the day --------------------------------------------------------------------------------------------------
def test_open_tabs_come_back_after_a_restart(qtbot, station, tmp_path):
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle

    st = station("tabs.db")
    pks = []
    for n in range(2):
        data = factories.case_dict()
        data["case_id"] = f"TTS-UK-TABS-{n}"
        data["order"]["order_id"] = f"ORD-TABS-{n}"
        pks.append(import_bundle(st.db, read_bundle(factories.write_bundle(tmp_path / f"{n}.arbcase", data))).case_pk)
    for pk in pks:
        open_case(qtbot, st.window, pk)
    st.window.close()
    st.close()
    again = station("tabs.db")
    qtbot.waitUntil(lambda: all(isinstance(again.window.workspace_for(pk), CaseWorkspace) for pk in pks),
                    timeout=15_000)
    assert [again.window.tabs.tabText(i) for i in (1, 2)] == ["TTS-UK-TABS-0", "TTS-UK-TABS-1"]
    assert again.window.tabs.currentWidget() is again.window.workspace_for(pks[1])


def test_demo_cases_are_dated_relative_to_today(qtbot, station):
    st = station(demo=True)
    qtbot.waitUntil(lambda: st.demo_task.done, timeout=30_000)
    model = st.window.queue_model
    qtbot.waitUntil(lambda: model.total == len(app_module.sample_bundles()), timeout=5000)
    from arbiter.ui.queue_model import COL_TIME_LEFT

    times = [model.index(r, COL_TIME_LEFT).data() for r in range(model.rowCount())]
    assert not any(re.search(r"\d{3} d", t) for t in times), times
    assert any("overdue" not in t for t in times), times



def test_damage_extent_is_answerable_when_the_rules_ask(env, qtbot):
    """Rules revision 2 (r2): with "damaged" the engine asks damage_extent; the panel shows the question in the
    rules' own words and the answer reaches the engine."""
    panel = panel_for(qtbot, env.session())
    for gid in ("J1_platform_order", "J4_actual_consumer", "J5_valid_transaction", "J6_unresolved"):
        click(qtbot, choice(panel, f"jurisdiction.{gid}", True))
    click(qtbot, choice(panel, "finding", "supported"))
    assert not panel.finding.damage_box.isVisible()
    click(qtbot, choice(panel, "problem", "damaged"))
    assert panel.session.state.assessment.asks_damage_extent
    assert panel.finding.damage_box.isVisible()
    assert "damage_extent" in panel.session.state.missing
    click(qtbot, choice(panel, "damage_extent", "complete"))
    assert panel.session.answers["damage_extent"] == "complete"
    assert "damage_extent" not in panel.session.state.missing
    click(qtbot, choice(panel, "problem", "lost"))   # no longer damaged: the extent is withdrawn
    assert "damage_extent" not in panel.session.answers and not panel.finding.damage_box.isVisible()
