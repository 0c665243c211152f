"""The supervisor's desk speaks the reviewer's words, in English and Chinese (issue 12, desk polish): no internal
id (``J1_platform_order``, ``evidence.E9``, ``serious_quality``) in the inbox, the blind form or the side by side;
a language switch retranslates the desk that is on screen."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QComboBox, QLabel

from arbiter.signing import demo_identity
from arbiter.store import Repository, open_database
from arbiter.ui import i18n
from tests.qa.helpers import build_decided

pytestmark = pytest.mark.gui
SUPERVISOR = "sam.sup"
INTERNAL = re.compile(r"\b(J\d_[a-z_]+|evidence\.E\d+|jurisdiction\.|seller_conduct\.|deadline\.|[a-z]+_[a-z_]+)\b")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def desk(qtbot, tmp_path):
    from arbiter.ui.supervisor.desk import SupervisorDesk

    db = open_database(f"sqlite:///{tmp_path / 'desk.db'}")
    decided = build_decided(db)
    view = SupervisorDesk(db, Repository(db), SUPERVISOR, demo_identity(SUPERVISOR, "Sam Sup", "supervisor"))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    yield view, decided
    db.close()


def _compare(desk, decided):
    inbox = desk.inbox
    inbox.rate.setValue(1.0)
    inbox.sample()
    item = next(i for i in inbox.model.items if decided[i.case_id]["answers"].get("jurisdiction"))
    desk.open_rereview(item)
    page = desk.rereview
    theirs = decided[item.case_id]["answers"]
    mine = dict(theirs, reviewer=SUPERVISOR, rationale=str(theirs.get("rationale")) + " (checked)")
    gate = next(iter(theirs["jurisdiction"]))
    page.form.set_answers(mine)
    page.form.gates[gate].setCurrentIndex(page.form.gates[gate].findData(not theirs["jurisdiction"][gate]))
    page.compare()
    return page


def _cells(model) -> list[str]:
    return [str(model.data(model.index(r, c)) or "") for r in range(model.rowCount())
            for c in range(model.columnCount())]


def _visible_texts(widget) -> list[str]:
    texts = [label.text() for label in widget.findChildren(QLabel)]
    for box in widget.findChildren(QComboBox):
        texts += [box.itemText(i) for i in range(box.count())]
    return texts


def test_no_internal_id_on_the_desk_in_english(desk):
    view, decided = desk
    page = _compare(view, decided)
    cells = _cells(page.model)
    assert any(cell.startswith("Jurisdiction J") for cell in cells)       # "Jurisdiction J1 bought on this platform"
    assert "changes the outcome" in cells and "Evidence E1" in cells
    assert [c for c in cells[::5] if INTERNAL.search(c)] == []           # the question column
    words = [c for i, c in enumerate(cells) if i % 5 in (1, 2, 3, 4) and INTERNAL.search(c) and "E" not in c[:2]]
    assert words == []
    assert [t for t in _visible_texts(page.form) if INTERNAL.search(t)] == []
    assert [c for c in _cells(view.inbox.model) if INTERNAL.search(c)] == []


def test_the_desk_in_chinese_and_a_language_switch(desk, qtbot):
    view, decided = desk
    i18n.install(i18n.CHINESE)
    try:
        qtbot.waitUntil(lambda: view.rooms.tabText(0) == "质检收件箱")
        assert view.rooms.tabText(2) == "评分卡" and view.export_button.text() == "导出质检包…"
        assert CJK.search(view.inbox.sample_button.text()) and CJK.search(view.scorecards.explain.text())
        page = _compare(view, decided)
        cells = _cells(page.model)
        assert page.model.headerData(0, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal) \
            == "问题"
        assert "改变处理结果" in cells or "不改变处理结果" in cells
        assert any(c.startswith("受理条件") for c in cells[::5]), cells[::5]
        assert [c for c in cells[::5] if INTERNAL.search(c)] == []
        assert CJK.search(page.summary.text()) and CJK.search(page.title.text())
        headers = [view.inbox.model.headerData(i, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation
                                               .Horizontal) for i in range(view.inbox.model.columnCount())]
        assert all(CJK.search(h) for h in headers), headers
    finally:
        i18n.install(i18n.ENGLISH)
    qtbot.waitUntil(lambda: view.rooms.tabText(0) == "QA inbox")
    assert view.rereview.approve_button.text() == "Approve"
