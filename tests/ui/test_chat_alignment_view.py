"""The side-by-side chat view: alignment marks, plain text, equal space, read-to-the-end tracking."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics

from arbiter.domain.chatalign import LogPair
from arbiter.domain.model import Channel, ChatLog, ChatMessage, ChatOwner, Sender
from arbiter.ui.case_view import CaseView
from arbiter.ui.chat_model import ChatDelegate, ChatTableModel, MarkRole, MarkerTextRole, MessageRole
from arbiter.ui.chat_panel import ChatPanel
from tests.factories import case_dict
from tests.ui.case_view_fakes import FakeSession, read_back

pytestmark = pytest.mark.gui


def _model(session):
    b, s = session.case.chat_logs
    return ChatTableModel(LogPair(Channel.BUYER_SELLER, buyer=b, seller=s))


def test_chat_alignment_marks_missing_and_edited_message(qtbot):
    session = FakeSession()
    model = _model(session)
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert [model.index(r, 0).data(MarkRole) for r in range(3)] == ["same", "missing_in_seller", "edited"]
    # M2: in the buyer's copy, missing from the seller's: the empty cell says so in words and in colour
    missing = model.index(1, 2)
    assert missing.data(MessageRole) is None
    assert "Not in the seller's copy" in missing.data(MarkerTextRole)
    assert missing.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 1).data(MessageRole).id == "M2"
    # M3: both copies, different text: both cells marked
    for column, text in ((1, "It was fine when packed."), (2, "It was intact when packed.")):
        cell = model.index(2, column)
        assert cell.data() == text
        assert "Differs: text" in cell.data(MarkerTextRole)
        assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    # M1 is the same in both: no mark, no colour
    assert model.index(0, 1).data(MarkerTextRole) == ""
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None


def test_marks_show_in_the_panel_summary_and_detail(qtbot):
    session = FakeSession()
    view = CaseView(session)
    qtbot.addWidget(view)
    panel = view.chats.panels[0]
    assert "missing from the seller's copy: 1" in panel.summary.text()
    assert "missing from the buyer's copy: 0" in panel.summary.text()
    assert "differ between the copies: 1" in panel.summary.text()
    panel.select_message("M2")
    assert panel.panes[0].text.toPlainText() == "Sorry, we will check."
    assert "Not in the seller's copy" in panel.panes[1].text.toPlainText()
    panel.go_to_difference(+1)
    assert panel.table.currentIndex().row() == 2


def test_message_text_is_plain_text_never_html(qtbot):
    data = case_dict()
    for log in data["chat_logs"]:
        log["messages"][0]["text"] = "<b>x</b> <img src=file:///etc/passwd>"
    session = FakeSession(data)
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    panel = view.chats.panels[0]
    view.setCurrentIndex(CaseView.CHATS)
    literal = "<b>x</b> <img src=file:///etc/passwd>"
    assert panel.model.index(0, 1).data() == literal
    assert panel.model.index(0, 2).data() == literal
    # what the delegate paints is the literal text (QPainter.drawText: no markup)
    fm = QFontMetrics(panel.table.font())
    assert ChatDelegate._elide_lines(literal, fm, 10_000, 2) == literal
    # the tool tip, which Qt would render as rich text, carries the text escaped
    tip = panel.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;x&lt;/b&gt;" in tip and "<img" not in tip
    # the detail pane is a QPlainTextEdit
    panel.select_row(0)
    assert panel.panes[0].text.toPlainText() == literal


def test_both_copies_get_the_same_width(qtbot):
    session = FakeSession()
    view = CaseView(session)
    qtbot.addWidget(view)
    for width in (1366, 1000, 1900):
        view.resize(width, 700)
        view.show()
        view.setCurrentIndex(CaseView.CHATS)
        qtbot.waitExposed(view)
        header = view.chats.panels[0].table.horizontalHeader()
        assert abs(header.sectionSize(1) - header.sectionSize(2)) <= 1
        panes = view.chats.panels[0].panes
        assert abs(panes[0].width() - panes[1].width()) <= 8


def _long_pair(n: int) -> tuple[ChatLog, ChatLog]:
    t0 = datetime(2025, 2, 25, 9, 0, tzinfo=timezone.utc)
    msgs = [ChatMessage(f"M{i}", t0 + timedelta(minutes=i), Sender.BUYER if i % 2 else Sender.SELLER, f"m {i}")
            for i in range(n)]
    return (ChatLog(ChatOwner.BUYER, Channel.BUYER_SELLER, tuple(msgs)),
            ChatLog(ChatOwner.SELLER, Channel.BUYER_SELLER, tuple(m for i, m in enumerate(msgs) if i % 50)))


def test_read_only_after_scrolling_to_the_last_row(qtbot):
    session = FakeSession()
    b, s = _long_pair(5000)
    panel = ChatPanel(session, LogPair(Channel.BUYER_SELLER, buyer=b, seller=s))
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(20)
    assert session.read_calls == [] and not panel.is_read
    sb = panel.table.verticalScrollBar()
    sb.setValue(sb.maximum() // 2)
    assert session.read_calls == []
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.is_read)
    assert sorted(session.read_calls) == ["buyer:buyer_seller", "seller:buyer_seller"]
    assert "read to the end" in panel.read_badge.text()


def test_short_conversation_counts_as_read_once_shown(qtbot):
    session = FakeSession()
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    assert session.chats_read == set()          # not shown yet: the facts tab is in front
    view.setCurrentIndex(CaseView.CHATS)
    qtbot.waitUntil(lambda: session.chats_read == {"buyer:buyer_seller", "seller:buyer_seller"})


def test_attachment_link_opens_the_evidence(qtbot):
    session = FakeSession()
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.setCurrentIndex(CaseView.CHATS)
    qtbot.waitExposed(view)
    panel = view.chats.panels[0]
    table = panel.table
    index = panel.model.index(0, 1)               # M1 in the buyer's copy has E1 attached
    rect = table.visualRect(index)
    from PySide6.QtWidgets import QStyleOptionViewItem
    option = QStyleOptionViewItem()
    option.rect = rect
    option.font = table.font()
    chips, *_ = panel.delegate._layout(option, index)
    assert [c[0] for c in chips] == ["E1"]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=chips[0][1].center())
    assert view.currentIndex() == CaseView.EVIDENCE
    assert view.evidence.current_id() == "E1"
    read_back(qtbot, view)
    assert "E1" in session.opened_evidence
    # the detail pane's link does the same
    view.setCurrentIndex(CaseView.CHATS)
    panel.select_message("M1")
    assert "evidence:E1" in panel.panes[1].links.text()
    panel.panes[1].links.linkActivated.emit("evidence:E1")
    assert view.currentIndex() == CaseView.EVIDENCE


def test_citation_jumps_to_a_message(qtbot):
    session = FakeSession()
    view = CaseView(session)
    qtbot.addWidget(view)
    view.show()
    session.citationRequested.emit("M3")
    assert view.currentIndex() == CaseView.CHATS
    panel = view.chats.panels[0]
    assert panel.table.currentIndex().row() == 2
    assert panel.table.selectionModel().isRowSelected(2)
    session.citationRequested.emit("E2")
    assert view.currentIndex() == CaseView.EVIDENCE and view.evidence.current_id() == "E2"
    with qtbot.waitSignal(view.jumped) as blocker:
        session.citationRequested.emit("M99")
    assert blocker.args == ["M99", False]


def test_solo_and_platform_logs_are_shown_alone(qtbot):
    data = case_dict()
    data["chat_logs"].append({"owner": "seller", "channel": "seller_support", "messages": [
        {"id": "S1", "at": "2025-02-27T09:30:00+00:00", "sender": "seller", "text": "Ticket"}]})
    data["chat_logs"].append({"owner": "platform", "channel": "buyer_support", "messages": [
        {"id": "P1", "at": "2025-02-27T10:00:00+00:00", "sender": "platform", "text": "Noted"}]})
    session = FakeSession(data)
    view = CaseView(session)
    qtbot.addWidget(view)
    assert len(view.chats.panels) == 3
    solo = [p for p in view.chats.panels if not p.model.is_pair]
    assert all(p.model.columnCount() == 2 for p in solo)
    assert all(p.model.index(0, 1).data(MarkerTextRole) == "" for p in solo)
    assert view.show_message("S1")
