"""A whole review through the real application window: import a bundle, open the case, open every evidence item
(through the checklist's Open buttons, which the case view follows), scroll both chat logs to the end, answer the
checklist, sign with the keyboard, export the notices from the File menu: two PDFs on disk. Then the draft of a
second case survives closing the window and starting again."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from arbiter.ui import app as app_module
from arbiter.ui import checklist as cp
from arbiter.ui.checklist import dialogs
from arbiter.ui.workspace import CaseWorkspace
from tests import factories
from tests.ui.checklist_support import answer_supported_case, auto_confirm, choice, click, open_case

pytestmark = pytest.mark.gui


@pytest.fixture
def station(qtbot, tmp_path):
    created = []

    from arbiter.signing import create_identity, load_identity

    if load_identity() is None:   # a workstation whose reviewer created an identity on the first start
        create_identity("r.chen", "R. Chen")

    def make():
        st = app_module.start(f"sqlite:///{tmp_path}/review.db", False)
        qtbot.addWidget(st.window)
        st.window.resize(1366, 768)
        st.window.show()
        created.append(st)
        return st

    yield make
    for st in created:
        st.window.close()
        st.close()


def import_bundle_through_the_window(qtbot, window, path) -> int:
    dialog = window.import_paths([str(path)])
    qtbot.waitUntil(lambda: not dialog.running, timeout=15_000)
    assert [o.status for o in dialog.results.outcomes] == ["imported"]
    dialog.close()
    qtbot.waitUntil(lambda: window.queue_model.total == 1, timeout=5000)
    return window.queue_model.row_at(0).pk


def read_every_chat_to_the_end(qtbot, case_view) -> None:
    case_view.setCurrentIndex(case_view.CHATS)
    for n, panel in enumerate(case_view.chats.panels):
        case_view.chats.tabs.setCurrentIndex(n)
        bar = panel.table.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda p=panel: p.is_read, timeout=5000)


def test_whole_review_ends_in_the_notice_pdfs(qtbot, station, tmp_path, monkeypatch):
    st = station()
    window = st.window
    bundle = factories.write_bundle(tmp_path / "in" / "TTS-UK-TEST-0001.arbcase")
    pk = import_bundle_through_the_window(qtbot, window, bundle)

    workspace = open_case(qtbot, window, pk)
    assert isinstance(workspace, CaseWorkspace)
    panel = workspace.checklist
    assert isinstance(panel, cp.ChecklistPanel)
    session = panel.session

    # a fresh case: nothing answered, nothing opened, Sign disabled
    assert all(c.group.checkedButton() is None for c in panel.choices.values())
    assert not panel.sign_button.isEnabled()

    # open every evidence item the reviewer must see, from the checklist: the case view shows it
    for eid in ("E1", "E2"):
        open_button = panel.findChild(QToolButton, f"open:{eid}")
        click(qtbot, open_button)
        qtbot.waitUntil(lambda e=eid: e in session.opened_evidence, timeout=5000)
    assert session.opened_evidence >= {"E1", "E2"}

    answer_supported_case(qtbot, panel)
    assert not panel.sign_button.isEnabled()
    assert any("chat log" in b for b in panel.blockers)

    read_every_chat_to_the_end(qtbot, workspace.case_view)
    assert session.chats_read == session.required_chat_keys()
    assert panel.sign_button.isEnabled(), panel.blockers

    # clicking a cited message selects it in the chats
    with qtbot.waitSignal(workspace.case_view.jumped) as jumped:
        click(qtbot, panel.chip_buttons["M3"])
    assert jumped.args == ["M3", True]

    asked = auto_confirm(monkeypatch)
    window.activateWindow()   # shortcuts reach the active window only (the import dialog had the focus)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    panel.rationale_edit.setFocus()
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked, "Ctrl+Return did not ask to sign"
    qtbot.waitUntil(lambda: session.is_locked, timeout=10_000)   # stored by the writer thread
    verdict = session.repo.current_verdict(pk)
    assert verdict is not None and verdict.kind == "original"
    assert verdict.record["outcome"] == "buyer_favoured"
    assert verdict.record["remedy"]["amount"] == "19.99"

    out = tmp_path / "out" / "notice.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: str(out))
    window.export_notice()   # File > Export notice
    qtbot.waitUntil(lambda: panel.last_export is not None or panel.last_export_error is not None, timeout=30_000)
    assert panel.last_export_error is None
    assert out.read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "out" / "notice.seller.pdf").read_bytes()[:5] == b"%PDF-"
    assert "notice.seller.pdf" in panel.export_status.text()


def test_draft_survives_closing_the_window_and_starting_again(qtbot, station, tmp_path):
    st = station()
    bundle = factories.write_bundle(tmp_path / "in" / "case.arbcase")
    pk = import_bundle_through_the_window(qtbot, st.window, bundle)
    panel = open_case(qtbot, st.window, pk).checklist
    click(qtbot, choice(panel, "jurisdiction.J4_actual_consumer", False))
    click(qtbot, choice(panel, "evidence.E1", "not_authentic"))
    qtbot.keyClicks(panel.rationale_edit, "E1 is edited")
    st.window.close()   # no waiting for the autosave
    st.close()

    again = station()
    panel2 = open_case(qtbot, again.window, pk).checklist
    assert choice(panel2, "jurisdiction.J4_actual_consumer", False).isChecked()
    assert choice(panel2, "evidence.E1", "not_authentic").isChecked()
    assert panel2.rationale_edit.toPlainText() == "E1 is edited"
    assert "Declined" in panel2.derived_label.text()
