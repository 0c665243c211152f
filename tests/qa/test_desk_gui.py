"""The supervisor's desk driven as a newcomer would: sample the inbox, re-review blind, compare, return one
verdict, overturn another, read the scorecards (real widgets, offscreen, a real SQLite file)."""
from __future__ import annotations

import csv
import io

import pytest

from arbiter.store import Repository, open_database
from tests.qa.helpers import boss, build_decided

pytestmark = pytest.mark.gui

SUPERVISOR = "sam.sup"


@pytest.fixture
def desk_db(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'desk.db'}")
    decided = build_decided(db)
    yield db, decided
    db.close()


def _answer_blind(page, answers):
    page.form.set_answers(answers)
    assert page.form.complete(), page.form.preview.text()


def test_newcomer_flow_on_the_desk(qtbot, desk_db):
    from PySide6.QtCore import Qt

    from arbiter.ui.supervisor.desk import SupervisorDesk

    db, decided = desk_db
    repo = Repository(db)
    from arbiter.signing import demo_identity

    desk = SupervisorDesk(db, repo, SUPERVISOR, demo_identity(SUPERVISOR, "Sam Sup", "supervisor"))
    qtbot.addWidget(desk)
    desk.resize(1300, 800)
    desk.show()

    inbox = desk.inbox
    assert inbox.model.rowCount() == 0
    inbox.rate.setValue(0.3)
    inbox.seed.setValue(7)
    qtbot.mouseClick(inbox.sample_button, Qt.MouseButton.LeftButton)
    assert inbox.model.rowCount() > 2
    assert "Sampled" in inbox.status.text()

    # 1: blind re-review, the supervisor disagrees on the rationale only -> return with a note
    qtbot.mouseClick(inbox.open_button, Qt.MouseButton.LeftButton)
    page = desk.rereview
    assert desk.rooms.currentIndex() == desk.REREVIEW and page.form is not None
    first = page.item
    mine = dict(decided[first.case_id]["answers"], reviewer=SUPERVISOR)
    assert page.form.answers().get("finding") is None  # blind: nothing of the reviewer's is filled in
    _answer_blind(page, mine)
    assert page.compare_button.isEnabled()
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.comparison is not None and page.model.rowCount() > 3, page.last_error
    page.note.setText("Name the photo that shows the defect in the rationale.")
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    assert desk.rooms.currentIndex() == desk.INBOX
    assert first.verdict_id not in {i.verdict_id for i in inbox.model.items}

    # 2: the next one, overturned: the supervisor finds the claim not supported
    inbox.table.selectRow(0)
    qtbot.mouseClick(inbox.open_button, Qt.MouseButton.LeftButton)
    second = page.item
    theirs = decided[second.case_id]["answers"]
    mine = dict(theirs, reviewer=SUPERVISOR, finding="contradicted",
                rationale="E1 does not show the defect claimed; " + str(theirs.get("rationale", "")))
    mine.pop("remedy", None), mine.pop("amount", None)
    _answer_blind(page, mine)
    if not page.form.complete():
        pytest.skip("this sample's rules need more answers for a contradicted finding")
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    finding = next(d for d in page.comparison.differences if d.question == "finding")
    assert finding.type == "finding"
    # the store signs nothing unseen: open every evidence item and read both chats, as the case view records it
    for item in page.session.case.evidence:
        page.session.mark_evidence_opened(item.id)
    for key in page.session.required_chat_keys():
        page.session.mark_chat_read(key)
    page.note.setText("The photos do not support the claim.")
    qtbot.mouseClick(page.overturn_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.last_error
    reviews = {r.verdict_id: r for r in desk.qa.reviews()}
    assert reviews[first.verdict_id].action == "return"
    assert reviews[second.verdict_id].action == "overturn" and reviews[second.verdict_id].amendment_id
    current = repo.current_verdict(decided[second.case_id]["pk"])
    assert current.id == reviews[second.verdict_id].amendment_id and current.reviewer == SUPERVISOR

    # 3: scorecards
    desk.rooms.setCurrentIndex(desk.SCORECARDS)
    cards = {c.reviewer: c for c in desk.scorecards.model.cards}
    assert SUPERVISOR not in cards
    assert cards[second.reviewer].overturned == 1 and cards[first.reviewer].returned == 1
    rows = list(csv.DictReader(io.StringIO(desk.scorecards.csv_text())))
    assert sum(int(r["verdicts"]) for r in rows) == len(decided)
    if desk.scorecards.overturn_chart is not None:
        assert desk.scorecards.overturn_chart.series()


def test_the_reviewer_sees_why_the_notice_is_held_until_a_supervisor_approves(qtbot, desk_db):
    from arbiter.signing import demo_identity
    from arbiter.store.qa import QAStore
    from arbiter.ui import checklist as cp   # the checklist, one widget per step (issue 10)
    from arbiter.ui.session import ReviewSession
    from tests.qa.helpers import amend, record_for

    db, decided = desk_db
    repo = Repository(db)
    case_id, item = next((k, v) for k, v in decided.items() if v["record"]["outcome"] == "buyer_favoured")
    answers = dict(item["answers"], rationale=item["answers"]["rationale"] + " (amended)")
    amendment = amend(repo, item["pk"], item["reviewer"], "wording", record_for(item["case"], answers), answers)
    session = ReviewSession(repo, item["pk"], demo_identity(item["reviewer"], item["reviewer"].title()))
    panel = cp.ChecklistPanel(session)
    qtbot.addWidget(panel)
    panel.refresh()
    assert not panel.export_button.isEnabled()
    assert "held until a supervisor approves" in panel.export_status.text()
    assert panel.export_notice(path="/nonexistent/never.pdf") is False  # nothing is written
    QAStore(db).review(amendment.id, SUPERVISOR, "approve", signer=boss(SUPERVISOR))
    session.refresh_hold()   # what showing the panel again does; read on the pool (issue 10)
    qtbot.waitUntil(lambda: panel.export_button.isEnabled(), timeout=5000)
    assert "held" not in panel.export_status.text()
    session._timer.stop()
