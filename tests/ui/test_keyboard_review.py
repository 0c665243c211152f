"""The reviewer's day by keyboard alone: three sample cases reviewed in a row through the real window, with F8
(next unanswered), arrow keys and Space for the choices, typing for the rationale, Ctrl+End for a chat log,
Ctrl+Shift+Return (sign and next) and Y in the confirmation. The test only decides which key to press from what
has the focus; it never clicks and never calls the checklist's methods."""
from __future__ import annotations

import json
import zipfile

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QRadioButton, \
    QTableView, QToolButton

from arbiter.bundle import read_bundle
from arbiter.resources import resource_path
from arbiter.store import import_bundle
from arbiter.ui import app as app_module
from arbiter.ui.workspace import CaseWorkspace

pytestmark = pytest.mark.gui

SAMPLES = ("tts-my-cable-wrong-item", "tts-uk-cushion-settled", "dy-cn-tshirt-minor")
MAX_KEYS = 400


def sample(name: str):
    bundle = resource_path("samples", f"{name}.arbcase")
    answers = json.loads(resource_path("sample-answers", f"{name}.answers.json").read_text(encoding="utf-8"))
    case_id = json.loads(zipfile.ZipFile(bundle).read("case.json"))["case_id"]
    return bundle, case_id, answers


def wanted(answers: dict, key: str):
    node = answers
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def type_text(qtbot, widget, text: str) -> None:
    """Type as a person does: ASCII on the keys, anything else (Chinese) committed by the input method."""
    for ch in text:
        if ord(ch) < 128:
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def choose_by_arrows(qtbot, panel, key: str, value) -> None:
    """Move the focus with the arrow keys, as a person looking at the screen would, then Space."""
    target = panel.choices[key].buttons[value]
    for _ in range(20):
        focus = QApplication.focusWidget()
        if focus is target:
            break
        here, there = focus.mapToGlobal(focus.rect().center()), target.mapToGlobal(target.rect().center())
        if there.y() > here.y() + 4:
            press(qtbot, Qt.Key.Key_Down)
        elif there.y() < here.y() - 4:
            press(qtbot, Qt.Key.Key_Up)
        elif there.x() > here.x():
            press(qtbot, Qt.Key.Key_Right)
        else:
            press(qtbot, Qt.Key.Key_Left)
    assert QApplication.focusWidget() is target, f"{key}: the arrows did not reach {value!r}"
    press(qtbot, Qt.Key.Key_Space)


def confirm_with_y(qtbot) -> None:
    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            qtbot.keyClick(box, Qt.Key.Key_Y)
        else:
            QTimer.singleShot(50, answer)
    QTimer.singleShot(50, answer)


def review_by_keyboard(qtbot, window, workspace, answers: dict) -> None:
    panel = workspace.checklist
    session = workspace.session
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    panel.rationale_edit.setFocus()   # the tab came up: start in the checklist (where F8 works from anywhere)
    for _ in range(MAX_KEYS):
        if not panel.blocker_items:
            break
        chats_before = len(session.chats_read)
        press(qtbot, Qt.Key.Key_F8)
        focus = QApplication.focusWidget()
        if isinstance(focus, QRadioButton):
            key = next(k for k, c in panel.choices.items() if focus in c.values)
            value = wanted(answers, key)
            assert value is not None, f"F8 asked for {key}, which the answers leave open"
            choose_by_arrows(qtbot, panel, key, value)
        elif isinstance(focus, QToolButton) and focus.objectName().startswith("open:"):
            eid = focus.objectName().split(":", 1)[1]
            press(qtbot, Qt.Key.Key_Space)
            qtbot.waitUntil(lambda e=eid: e in session.opened_evidence, timeout=10_000)
        elif focus is panel.rationale_edit:
            type_text(qtbot, focus, answers["rationale"])
        elif focus is panel.amount_edit:
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(focus, answers["amount"])
        elif isinstance(focus, QTableView):   # a chat log shown by F8: read it to the end
            press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: len(session.chats_read) > chats_before, timeout=5000)
        elif isinstance(focus, (QAbstractButton, QLineEdit, QPlainTextEdit)) and focus is panel.sign_button:
            break
        else:
            pytest.fail(f"F8 led to {type(focus).__name__} {focus.objectName()!r}; still missing: {panel.blockers}")
    assert panel.blocker_items == [], panel.blockers
    amount = answers.get("amount")
    if session.answers.get("remedy") in ("refund_only", "return_and_refund", "partial_refund"):
        if session.answers.get("amount") != amount:   # a full refund pre-filled with the cap: set as answered
            panel.amount_edit.setFocus()
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(panel.amount_edit, amount)
    confirm_with_y(qtbot)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: session.is_locked, timeout=10_000)


def test_three_sample_cases_in_a_row_by_keyboard_alone(qtbot, tmp_path):
    from arbiter.signing import create_identity, load_identity

    if load_identity() is None:
        create_identity("r.chen", "R. Chen")
    station = app_module.start(f"sqlite:///{tmp_path}/day.db", False)
    window = station.window
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        by_case = {}
        for name in SAMPLES:
            bundle, case_id, answers = sample(name)
            import_bundle(station.db, read_bundle(bundle))
            by_case[case_id] = answers
        window.refresh_queue()
        qtbot.waitUntil(lambda: window.queue_model.rowCount() == len(SAMPLES), timeout=10_000)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        window.queue_view.table.setFocus()
        press(qtbot, Qt.Key.Key_Down)   # the first row
        press(qtbot, Qt.Key.Key_Return)
        signed = []
        for _ in SAMPLES:
            qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace), timeout=15_000)
            workspace = window.tabs.currentWidget()
            case_id = workspace.session.case.case_id
            assert case_id not in signed
            review_by_keyboard(qtbot, window, workspace, by_case[case_id])
            verdict = workspace.session.verdict
            expected = by_case[case_id]
            assert verdict.record["finding"] == expected.get("finding")
            assert (verdict.record["remedy"]["type"], verdict.record["remedy"]["amount"]) == (
                expected.get("remedy") or "none", expected.get("amount") or verdict.record["remedy"]["amount"])
            signed.append(case_id)
            if len(signed) < len(SAMPLES):   # Sign and next opened the next case of the queue
                # (the queue is read again off the GUI thread first; the closed tab may be deleted already)
                qtbot.waitUntil(lambda w=workspace: not shiboken6.isValid(w) or window.tabs.indexOf(w) < 0,
                                timeout=10_000)
        assert sorted(signed) == sorted(by_case)
        qtbot.waitUntil(lambda: window.tabs.currentIndex() == 0, timeout=5000)   # none left: back to the queue
        assert "No case left" in window.statusBar().currentMessage()
    finally:
        window.close()
        station.close()
