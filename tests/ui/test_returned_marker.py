"""The "returned" marker (issue 10 / 12): when the latest supervisor review of a case's current verdict is a
return, the reviewer's queue shows it (a "Returned" pill, the supervisor's note on hover) and the case opens with
the note on top; the amendment clears both. Real SQLite file, real widgets."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from arbiter.store.qa import QAStore
from arbiter.ui import i18n
from arbiter.ui.queue_model import COL_STATUS, RETURNED_ROLE, TONE_ROLE, QueueModel
from arbiter.ui.session import ReviewSession, load_opening
from arbiter.ui.workspace import CaseWorkspace
from tests.store.helpers import amend, sign, signer
from tests.ui.checklist_support import Env
from tests.ui.queue_support import settled

BOSS = signer("s.boss", "S. Boss", "supervisor")

pytestmark = pytest.mark.gui

NOTE = "E3 was never requested: say why it counts, or leave it out."


@pytest.fixture
def env(tmp_path, qapp):
    e = Env(tmp_path)
    yield e
    e.close()


def _returned(env):
    verdict = sign(env.repo, env.case_pk)
    QAStore(env.db).review(verdict.id, "s.boss", "return", note=NOTE, signer=BOSS)
    return verdict


def test_the_queue_shows_a_returned_pill_with_the_note(env, qtbot):
    model = settled(qtbot, QueueModel(env.repo))
    assert model.index(0, COL_STATUS).data() == "New"
    _returned(env)
    model.refresh()
    settled(qtbot, model)
    cell = model.index(0, COL_STATUS)
    assert cell.data() == "Returned"
    assert cell.data(TONE_ROLE) == "danger"
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Returned by s.boss on ") and tip.endswith(NOTE)
    assert cell.data(RETURNED_ROLE).note == NOTE
    i18n.install(i18n.CHINESE)
    assert cell.data() == "已退回"
    assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith("s.boss 于")


def test_approval_or_amendment_clears_it(env, qtbot):
    verdict = _returned(env)
    model = settled(qtbot, QueueModel(env.repo))
    assert model.index(0, COL_STATUS).data() == "Returned"
    amend(env.repo, env.case_pk, "the supervisor returned it")
    model.refresh()
    settled(qtbot, model)
    assert model.index(0, COL_STATUS).data() == "Amended"
    assert model.index(0, COL_STATUS).data(RETURNED_ROLE) is None
    assert verdict.id   # (the returned verdict stays in the history)


def test_the_case_opens_with_the_note_on_top_until_the_amendment_is_signed(env, qtbot):
    from tests.ui.checklist_support import open_everything

    _returned(env)
    opening = load_opening(env.repo, env.case_pk)
    session = ReviewSession(env.repo, env.case_pk, signer(), opening=opening)
    env.sessions.append(session)
    workspace = CaseWorkspace(session)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 700)
    workspace.show()
    banner = workspace.returned_banner
    assert banner is not None and banner.isVisible()
    assert NOTE in banner.text() and "s.boss" in banner.text()
    session.begin_amendment("answering the supervisor")
    open_everything(session)
    session.set_answer("amount", "10.00")
    session.sign()
    assert not banner.isVisible()


def test_the_queue_names_the_returned_cases_above_the_table(env, qtbot):
    """However deep in the queue's order the returned case sits, a strip above the table names it; the link
    opens it. Only the window's own reviewer's returns are named when the window knows who signs."""
    from arbiter.ui.queue_view import QueueView

    view = QueueView(QueueModel(env.repo))
    qtbot.addWidget(view)
    view.resize(1366, 600)
    view.show()
    settled(qtbot, view.model)
    assert not view.returned_strip.isVisible()
    _returned(env)
    view.model.refresh()
    settled(qtbot, view.model)
    strip = view.returned_strip
    assert strip.isVisible() and "TTS-UK-TEST-0001" in strip.text() and "Returned by a supervisor" in strip.text()
    assert NOTE in strip.toolTip()
    opened = []
    view.openCase.connect(opened.append)
    strip.linkActivated.emit(f"case:{env.case_pk}")
    assert opened == [env.case_pk]
    view.reviewer = lambda: "someone.else"
    view._update_returned()
    assert not strip.isVisible()
    view.reviewer = lambda: "r.chen"
    i18n.install(i18n.CHINESE)                                      # (the view retranslates on LanguageChange)
    qtbot.waitUntil(lambda: strip.isVisible() and "主管退回" in strip.text(), timeout=5000)
