"""The chats tab: one side-by-side table per conversation, with the selected row's full text below it.

Both copies get the same column width and the same treatment. A conversation counts as read
(``session.mark_chat_read`` for each of its logs) once its table has been shown scrolled to the last row (or
shown whole, when it needs no scrolling).
"""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QSplitter, QTableView, QTabWidget,
    QToolButton, QVBoxLayout, QWidget,
)

from arbiter.domain.chatalign import (
    EDITED, MISSING_IN_BUYER, MISSING_IN_SELLER, SAME, LogPair, count_marks, pair_logs,
)
from arbiter.domain.model import ChatMessage
from arbiter.ui.chat_model import ChatDelegate, ChatTableModel
from arbiter.ui.widgets.common import Badge

SHORTCUTS = {"next_difference": "Alt+Down", "previous_difference": "Alt+Up"}


class _CopyPane(QWidget):
    """One copy's full text of the selected message, plain text, with its attachments as links."""

    attachmentActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.links = QLabel()
        self.links.setTextFormat(Qt.TextFormat.RichText)  # only our own markup around escaped ids
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.links.setOpenExternalLinks(False)
        self.links.linkActivated.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.links)

    def _link(self, href: str) -> None:
        if href.startswith("evidence:"):
            self.attachmentActivated.emit(href[len("evidence:"):])

    def show_message(self, caption: str, message: ChatMessage | None, placeholder: str, attach_label: str) -> None:
        self.caption.setText(caption)
        if message is None:
            self.text.setPlainText(placeholder)
            self.links.setText("")
            return
        self.text.setPlainText(message.text)
        if message.attachments:
            links = " ".join(f'<a href="evidence:{html.escape(a, quote=True)}">{html.escape(a)}</a>'
                             for a in message.attachments)
            self.links.setText(f"{html.escape(attach_label)} {links}")
        else:
            self.links.setText("")


class ChatPanel(QWidget):
    """One conversation."""

    attachmentActivated = Signal(str)
    readToEnd = Signal()

    def __init__(self, session, pair: LogPair, zone=None, parent=None):
        super().__init__(parent)
        self._session = session
        self.pair = pair
        self.model = ChatTableModel(pair, zone, self)
        self._read = all(k in session.chats_read for k in self.model.log_keys())

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.read_badge = Badge("")
        self.read_badge.setTextFormat(Qt.TextFormat.PlainText)
        self.prev_diff = QToolButton()
        self.next_diff = QToolButton()
        self.prev_diff.setDefaultAction(self._action("previous_difference", self.tr("▲ Previous difference"),
                                                     lambda: self.go_to_difference(-1)))
        self.next_diff.setDefaultAction(self._action("next_difference", self.tr("▼ Next difference"),
                                                     lambda: self.go_to_difference(+1)))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        if self.model.is_pair:
            top.addWidget(self.prev_diff)
            top.addWidget(self.next_diff)
        top.addWidget(self.read_badge)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.delegate = ChatDelegate(self.table)
        self.delegate.attachmentActivated.connect(self.attachmentActivated)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setWordWrap(False)
        self.table.setShowGrid(True)
        self.table.setMouseTracking(False)
        self.table.verticalHeader().hide()
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ChatDelegate.row_height(self.table.font()))
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        hh.resizeSection(0, QFontMetrics(self.table.font()).horizontalAdvance("2025-02-25 ") + 16)
        for column in range(1, self.model.columnCount()):
            hh.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)  # equal widths for both copies
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setAccessibleName(self.tr("Conversation"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.panes: list[_CopyPane] = []
        detail = QSplitter(Qt.Orientation.Horizontal)
        detail.setChildrenCollapsible(False)
        for _ in range(self.model.columnCount() - 1):
            pane = _CopyPane()
            pane.attachmentActivated.connect(self.attachmentActivated)
            self.panes.append(pane)
            detail.addWidget(pane)
        detail.setSizes([1] * len(self.panes))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("chatSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 110])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        sb = self.table.verticalScrollBar()
        sb.valueChanged.connect(self._check_read)
        sb.rangeChanged.connect(lambda *_: self._check_read())
        self._update_summary()
        self._update_read_badge()
        self._row_changed(self.model.index(0, 0) if self.model.rowCount() else None, None)

    def _action(self, name: str, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(SHORTCUTS[name]))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ---------------------------------------------------------------- texts
    def retranslate(self) -> None:
        for button, text in ((self.prev_diff, self.tr("▲ Previous difference")),
                             (self.next_diff, self.tr("▼ Next difference"))):
            action = button.defaultAction()
            action.setText(text)
            action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.table.setAccessibleName(self.tr("Conversation"))
        self.model.retranslate()
        self._update_summary()
        self._update_read_badge()
        current = self.table.currentIndex()
        if not current.isValid():
            current = self.model.index(0, 0) if self.model.rowCount() else None
        self._row_changed(current, None)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "panes"):
            self.retranslate()
        super().changeEvent(event)

    def title(self) -> str:
        channel = {"buyer_seller": self.tr("Buyer ↔ seller"), "buyer_support": self.tr("Buyer ↔ support"),
                   "seller_support": self.tr("Seller ↔ support")}.get(self.pair.channel.value,
                                                                     self.pair.channel.value)
        if self.model.is_pair:
            return channel
        return f"{channel} ({self.model.owner_label(self.pair.solo.owner)})"

    def _update_summary(self) -> None:
        if self.model.is_pair:
            counts = count_marks(self.model.rows)
            parts = [self.tr("Rows aligned in time: %1").replace("%1", str(len(self.model.rows))),
                     self.tr("missing from the buyer's copy: %1").replace("%1", str(counts[MISSING_IN_BUYER])),
                     self.tr("missing from the seller's copy: %1").replace("%1", str(counts[MISSING_IN_SELLER])),
                     self.tr("differ between the copies: %1").replace("%1", str(counts[EDITED]))]
            self.summary.setText(" · ".join(parts))
        else:
            self.summary.setText(self.tr("Only one copy of this conversation was submitted: %1 (messages: %2)")
                                 .replace("%1", self.model.owner_label(self.pair.solo.owner))
                                 .replace("%2", str(self.model.rowCount())))

    def _update_read_badge(self) -> None:
        if self._read:
            self.read_badge.setText(self.tr("✓ read to the end"))
            self.read_badge.set_tone("success")
        else:
            self.read_badge.setText(self.tr("scroll to the end to mark as read"))
            self.read_badge.set_tone("progress")

    # ---------------------------------------------------------------- selection
    def _row_changed(self, current, _previous) -> None:
        row = current.row() if current is not None and current.isValid() else -1
        attach = self.tr("Attachments:")
        if self.model.is_pair:
            logs = (self.pair.buyer, self.pair.seller)
            aligned = self.model.rows[row] if row >= 0 else None
            messages = (aligned.buyer, aligned.seller) if aligned else (None, None)
            for column, (pane, log, message) in enumerate(zip(self.panes, logs, messages), start=1):
                marker = self.model.marker_text(self.model.index(row, column)) if row >= 0 else ""
                caption = self.model.owner_label(log.owner)
                if message is not None:
                    caption += f" · {message.id} · {self.model.sender_label(message.sender)}"
                if marker:
                    caption += f" · {marker}"
                pane.show_message(caption, message, marker, attach)
        else:
            message = self.model.message_at(self.model.index(row, 1)) if row >= 0 else None
            caption = self.model.owner_label(self.pair.solo.owner)
            if message is not None:
                caption += f" · {message.id} · {self.model.sender_label(message.sender)}"
            self.panes[0].show_message(caption, message, "", attach)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 1)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def select_message(self, message_id: str) -> bool:
        row = self.model.row_of_message(message_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def go_to_difference(self, step: int) -> None:
        if not self.model.is_pair:
            return
        rows = self.model.rows
        start = self.table.currentIndex().row()
        n = len(rows)
        r = start
        for _ in range(n):
            r = (r + step) % n if r >= 0 else (0 if step > 0 else n - 1)
            if rows[r].mark != SAME:
                self.select_row(r)
                return

    # ---------------------------------------------------------------- read to the end
    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, self._check_read)

    def _check_read(self, *_args) -> None:
        if self._read or not self.table.isVisible():
            return
        sb = self.table.verticalScrollBar()
        if sb.value() >= sb.maximum():
            self._read = True
            for key in self.model.log_keys():
                self._session.mark_chat_read(key)
            self._update_read_badge()
            self.readToEnd.emit()

    @property
    def is_read(self) -> bool:
        return self._read


class ChatsPanel(QWidget):
    """Every conversation of the case, one tab each."""

    attachmentActivated = Signal(str)

    def __init__(self, session, zone=None, parent=None):
        super().__init__(parent)
        self._session = session
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.panels: list[ChatPanel] = []
        for pair in pair_logs(session.case):
            panel = ChatPanel(session, pair, zone)
            panel.attachmentActivated.connect(self.attachmentActivated)
            panel.readToEnd.connect(self._update_tab_titles)
            self.panels.append(panel)
            self.tabs.addTab(panel, panel.title())
        self.empty = QLabel(self.tr("This case has no chat logs."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs if self.panels else self.empty)
        if not self.panels:
            self.tabs.hide()
        self._update_tab_titles()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "empty"):
            self.empty.setText(self.tr("This case has no chat logs."))
            self._update_tab_titles()
        super().changeEvent(event)

    def _update_tab_titles(self) -> None:
        for n, panel in enumerate(self.panels):
            self.tabs.setTabText(n, ("✓ " if panel.is_read else "") + panel.title())

    def select_message(self, message_id: str) -> bool:
        """Show the first conversation that has ``message_id`` and select its row."""
        for n, panel in enumerate(self.panels):
            if panel.model.row_of_message(message_id) is not None:
                self.tabs.setCurrentIndex(n)
                return panel.select_message(message_id)
        return False

    def show_log(self, log_key: str) -> bool:
        """Bring the conversation holding a log ("owner:channel") forward, its table focused (Ctrl+End reads it
        to the end); False when the case has no such log."""
        for n, panel in enumerate(self.panels):
            if log_key in panel.model.log_keys():
                self.tabs.setCurrentIndex(n)
                panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def has_message(self, message_id: str) -> bool:
        return any(p.model.row_of_message(message_id) is not None for p in self.panels)
