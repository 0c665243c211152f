"""Shared setup for the checklist, session and review-flow tests: a real temporary SQLite database with a case
imported from a real bundle, a ReviewSession on it, and helpers that answer the checklist through the widgets."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QRadioButton

from arbiter.bundle import read_bundle
from arbiter.store import Repository, import_bundle, open_database
from arbiter.ui import checklist as cp
from arbiter.ui.checklist import dialogs
from arbiter.ui.modelutil import pin_none_refcount
from tests import factories

pin_none_refcount()   # only acts on the PySide6 6.12 / Python 3.11 binding (see modelutil)


class Env:
    """A database with one imported case. ``session()`` opens a new ReviewSession on it."""

    def __init__(self, tmp_path: Path, data: dict | None = None, files: dict | None = None):
        self.tmp_path = tmp_path
        self.db_url = f"sqlite:///{tmp_path / 'data' / 'arbiter.db'}"
        self.db = open_database(self.db_url)
        self.repo = Repository(self.db)
        bundle = factories.write_bundle(tmp_path / "case.arbcase", data, files)
        self.result = import_bundle(self.db, read_bundle(bundle))
        self.case_pk = self.result.case_pk
        self.sessions: list = []

    def session(self, reviewer=None):
        from arbiter.signing import demo_identity
        from arbiter.ui.session import ReviewSession
        s = ReviewSession(self.repo, self.case_pk, reviewer or demo_identity("r.chen", "R. Chen"))
        self.sessions.append(s)
        return s

    def reopen_repo(self):
        """A fresh Database and Repository on the same file, as after restarting the app."""
        self.db = open_database(self.db_url)
        self.repo = Repository(self.db)
        return self.repo

    def close(self):
        import shiboken6

        for s in self.sessions:
            if shiboken6.isValid(s):   # a session whose tab was closed is gone with it
                s._timer.stop()
        self.db.close()


def click(qtbot, button: QAbstractButton) -> None:
    """A real mouse click. Radio buttons and check boxes only take clicks on their indicator and text, so the
    click lands on the indicator rather than the middle of a stretched widget."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    if isinstance(button, (QRadioButton, QCheckBox)):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choice(panel, key: str, value) -> QAbstractButton:
    return panel.choices[key].buttons[value]


def open_everything(session) -> None:
    """What the case view does when the reviewer opens every item and scrolls both chats to the end."""
    for item in session.case.evidence:
        session.mark_evidence_opened(item.id)
    for key in session.required_chat_keys():
        session.mark_chat_read(key)


def answer_supported_case(qtbot, panel, *, amount: str = "19.99", rationale: str | None = None) -> None:
    """Answer the default factory case (E1, E2 of both parties, E3 not requested) through the widgets."""
    s = panel.session
    for gid in ("J1_platform_order", "J4_actual_consumer", "J5_valid_transaction", "J6_unresolved"):
        click(qtbot, choice(panel, f"jurisdiction.{gid}", True))
    assert s is not None   # the computed gates (J2, J3, J7, J8) are decided by the facts: nothing to click
    click(qtbot, choice(panel, "evidence.E1", "admissible"))
    click(qtbot, choice(panel, "evidence.E2", "admissible"))
    click(qtbot, choice(panel, "finding", "supported"))
    click(qtbot, choice(panel, "problem", "serious_quality"))
    click(qtbot, choice(panel, "remedy", "return_and_refund"))
    assert panel.amount_edit.text() == panel.session.state.refund_cap   # a full refund is pre-filled
    panel.amount_edit.selectAll()
    qtbot.keyClicks(panel.amount_edit, amount)
    panel.rationale_edit.setFocus()
    qtbot.keyClicks(panel.rationale_edit, rationale or "E1 shows the crack; M3 does not address it.")


def auto_confirm(monkeypatch, answer: bool = True) -> list:
    asked: list = []

    def fake(parent, title, text):
        asked.append((title, text))
        return answer

    monkeypatch.setattr(dialogs, "ask_confirmation", fake)
    return asked


def open_case(qtbot, window, case_pk: int):
    """Open a case from the main window and wait until it has been read (off the GUI thread) and is in place."""
    from arbiter.ui.workspace import CaseWorkspace

    window.open_case(case_pk)
    qtbot.waitUntil(lambda: isinstance(window.workspace_for(case_pk), CaseWorkspace), timeout=15_000)
    return window.workspace_for(case_pk)
