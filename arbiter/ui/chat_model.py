"""One conversation as a table: rows are :class:`~arbiter.domain.chatalign.AlignedRow`, columns time | the
buyer's copy | the seller's copy (or time | the one copy, for a log shown alone).

Message text is untrusted and is only ever handed out as plain strings (DisplayRole) and painted with
``QPainter.drawText`` by :class:`ChatDelegate`: never interpreted as HTML. Tool tips, which Qt would render as
rich text, are built from escaped text. Rows have one fixed height, so 5,000 rows scroll without layout work.
"""
from __future__ import annotations

import html
from datetime import tzinfo

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from arbiter.domain.chatalign import (
    EDITED, MISSING_IN_BUYER, MISSING_IN_SELLER, SAME, AlignedRow, LogPair, align, log_key,
)
from arbiter.domain.model import ChatMessage, ChatOwner
from arbiter.ui.modelutil import index_data

RowRole = Qt.ItemDataRole.UserRole + 1       # the AlignedRow (pair) / None (solo)
MessageRole = Qt.ItemDataRole.UserRole + 2   # the ChatMessage in this cell, or None
MarkRole = Qt.ItemDataRole.UserRole + 3      # "same" / "edited" / "missing_in_buyer" / "missing_in_seller" / ""
MarkerTextRole = Qt.ItemDataRole.UserRole + 4  # the words that say what the mark means, for this cell

EDITED_BG = QColor("#fff4d6")
EDITED_BAR = QColor("#b7791f")
MISSING_BG = QColor("#fdecea")
MISSING_FG = QColor("#b71c1c")


class ChatTableModel(QAbstractTableModel):
    def __init__(self, pair: LogPair, zone: tzinfo | None = None, parent=None):
        super().__init__(parent)
        self.pair = pair
        self._zone = zone
        if pair.is_pair:
            self.rows: list[AlignedRow] = align(pair.buyer, pair.seller)
            self._messages: list[ChatMessage] = []
        else:
            self.rows = []
            self._messages = list(pair.solo.messages)
        self._by_id: dict[str, int] = {}
        if pair.is_pair:
            for n, row in enumerate(self.rows):
                for mid in row.message_ids:
                    self._by_id.setdefault(mid, n)
        else:
            for n, m in enumerate(self._messages):
                self._by_id.setdefault(m.id, n)

    # ---------------------------------------------------------------- structure
    @property
    def is_pair(self) -> bool:
        return self.pair.is_pair

    def log_keys(self) -> list[str]:
        return [log_key(log) for log in self.pair.logs]

    def row_of_message(self, message_id: str) -> int | None:
        return self._by_id.get(message_id)

    def copy_column(self, owner: str) -> int | None:
        if not self.is_pair:
            return 1
        return {"buyer": 1, "seller": 2}.get(owner)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid():
            return 0
        return len(self.rows) if self.is_pair else len(self._messages)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else (3 if self.is_pair else 2)

    def owner_label(self, owner: ChatOwner) -> str:
        return {ChatOwner.BUYER: self.tr("Buyer's copy"), ChatOwner.SELLER: self.tr("Seller's copy"),
                ChatOwner.PLATFORM: self.tr("Platform's log")}[owner]

    def retranslate(self) -> None:
        """The language changed: headers and markers are translated when asked for, so tell the views to ask."""
        columns = self.columnCount()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, columns - 1))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Time")
        if self.is_pair:
            log = self.pair.buyer if section == 1 else self.pair.seller
        else:
            log = self.pair.solo
        return self.tr("%1 (messages: %2)").replace("%1", self.owner_label(log.owner)).replace(
            "%2", str(len(log.messages)))

    # ---------------------------------------------------------------- cells
    def sender_label(self, sender) -> str:
        value = getattr(sender, "value", sender)
        return {"buyer": self.tr("Buyer"), "seller": self.tr("Seller"), "platform": self.tr("Platform"),
                "system": self.tr("System")}.get(value, value)

    def message_at(self, index: QModelIndex) -> ChatMessage | None:
        if not index.isValid() or index.column() == 0:
            return None
        if not self.is_pair:
            return self._messages[index.row()]
        row = self.rows[index.row()]
        return row.buyer if index.column() == 1 else row.seller

    def mark_of(self, row: int) -> str:
        return self.rows[row].mark if self.is_pair else ""

    def marker_text(self, index: QModelIndex) -> str:
        """What the mark of this cell means, in words (never colour alone)."""
        if not self.is_pair or index.column() == 0:
            return ""
        row = self.rows[index.row()]
        column = index.column()
        if row.mark == MISSING_IN_BUYER and column == 1:
            return self.tr("⊘ Not in the buyer's copy")
        if row.mark == MISSING_IN_SELLER and column == 2:
            return self.tr("⊘ Not in the seller's copy")
        if row.mark == EDITED:
            what = {"text": self.tr("text"), "sender": self.tr("sender"), "attachments": self.tr("attachments"),
                    "time": self.tr("time")}
            return self.tr("≠ Differs: %1").replace("%1", ", ".join(what.get(d, d) for d in row.differences))
        if row.mark in (MISSING_IN_BUYER, MISSING_IN_SELLER):
            return self.tr("only in this copy")
        return ""

    def time_text(self, index: QModelIndex) -> str:
        if self.is_pair:
            at = self.rows[index.row()].at
        else:
            at = self._messages[index.row()].at
        if self._zone is not None:
            at = at.astimezone(self._zone)
        return at.strftime("%Y-%m-%d\n%H:%M:%S")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        if role == RowRole:
            return self.rows[index.row()] if self.is_pair else None
        if role == MarkRole:
            return self.mark_of(index.row())
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.time_text(index)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return None
        message = self.message_at(index)
        if role == MessageRole:
            return message
        if role == MarkerTextRole:
            return self.marker_text(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return message.text if message is not None else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            marker = self.marker_text(index)
            body = "" if message is None else f"{message.id} {self.sender_label(message.sender)}: {message.text}"
            return f"{marker} {body}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            marker = self.marker_text(index)
            if message is None:
                return html.escape(marker) if marker else None
            # Qt renders tool tips that look like HTML: escape everything the parties wrote.
            head = html.escape(f"{message.id} · {self.sender_label(message.sender)}")
            body = html.escape(message.text).replace("\n", "<br>")
            extra = f"<br><i>{html.escape(marker)}</i>" if marker else ""
            return f"<qt><b>{head}</b>{extra}<br>{body}</qt>"
        if role == Qt.ItemDataRole.BackgroundRole:
            mark = self.mark_of(index.row())
            if mark == EDITED:
                return QBrush(EDITED_BG)
            if (mark == MISSING_IN_BUYER and column == 1) or (mark == MISSING_IN_SELLER and column == 2):
                return QBrush(MISSING_BG)
            return None
        return None


class ChatDelegate(QStyledItemDelegate):
    """Paints a message cell: a meta line (id, sender, attachment links, the difference marker) over the text,
    elided to the fixed row height. Plain text only. Clicking an attachment id emits ``attachmentActivated``."""

    attachmentActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._wrapped: dict[tuple, str] = {}   # (text, width, lines, font) -> wrapped text; cleared when large

    def _wrap(self, text: str, fm: QFontMetrics, width: int, lines: int, font: QFont) -> str:
        key = (text, width, lines, font.key())
        cached = self._wrapped.get(key)
        if cached is None:
            if len(self._wrapped) > 4000:
                self._wrapped.clear()
            cached = self._wrapped[key] = self._elide_lines(text, fm, width, lines)
        return cached

    @staticmethod
    def row_height(font: QFont) -> int:
        fm = QFontMetrics(font)
        return fm.height() * 3 + 20

    def sizeHint(self, option, index):
        return QSize(120, self.row_height(option.font))

    def _layout(self, option, index) -> tuple[list[tuple[str, QRect]], QRect, QRect, QRect]:
        """Attachment chips, the meta rect, the marker rect and the text rect of a cell."""
        rect = option.rect.adjusted(8, 6, -6, -6)
        fm = QFontMetrics(option.font)
        meta = QRect(rect.left(), rect.top(), rect.width(), fm.height())
        text = QRect(rect.left(), meta.bottom() + 3, rect.width(), rect.bottom() - meta.bottom() - 3)
        message: ChatMessage | None = index_data(index, MessageRole)
        chips: list[tuple[str, QRect]] = []
        x = meta.left()
        if message is not None:
            head = f"{message.id} · {index.model().sender_label(message.sender)}"
            x += fm.horizontalAdvance(head) + 10
            for att in message.attachments:
                w = fm.horizontalAdvance(att) + 14
                if x + w > meta.right():
                    break
                chips.append((att, QRect(x, meta.top(), w, meta.height())))
                x += w + 4
        marker = QRect(x + 4, meta.top(), max(0, meta.right() - x - 4), meta.height())
        return chips, meta, marker, text

    def paint(self, painter: QPainter, option, index) -> None:
        if index.column() == 0:
            return super().paint(painter, option, index)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = index_data(index, Qt.ItemDataRole.BackgroundRole)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        elif background is not None:
            painter.fillRect(option.rect, background)
        mark = index_data(index, MarkRole)
        model = index.model()
        message: ChatMessage | None = index_data(index, MessageRole)
        marker = index_data(index, MarkerTextRole) or ""
        if mark == EDITED:
            painter.fillRect(option.rect.left(), option.rect.top(), 4, option.rect.height(), EDITED_BAR)
        text_color = option.palette.highlightedText().color() if selected else option.palette.text().color()
        muted = option.palette.highlightedText().color() if selected else QColor("#5f6b73")
        chips, meta, marker_rect, text_rect = self._layout(option, index)
        fm = QFontMetrics(option.font)
        painter.setFont(option.font)
        if message is None:
            if marker:
                painter.fillRect(option.rect.left(), option.rect.top(), 4, option.rect.height(), MISSING_FG)
                italic = QFont(option.font)
                italic.setItalic(True)
                painter.setFont(italic)
                painter.setPen(text_color if selected else MISSING_FG)
                painter.drawText(option.rect.adjusted(12, 0, -6, 0),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 QFontMetrics(italic).elidedText(marker, Qt.TextElideMode.ElideRight,
                                                                 option.rect.width() - 18))
            painter.restore()
            return
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(muted)
        head = f"{message.id} · {model.sender_label(message.sender)}"
        painter.drawText(meta, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head)
        painter.setFont(option.font)
        for att, chip in chips:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e3f2fd") if not selected else QColor("#ffffff"))
            painter.drawRoundedRect(chip, 6, 6)
            painter.setPen(QColor("#0d47a1"))
            link_font = QFont(option.font)
            link_font.setUnderline(True)
            painter.setFont(link_font)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, att)
            painter.setFont(option.font)
        if marker and marker_rect.width() > 20:
            painter.setPen(text_color if selected else (EDITED_BAR if mark == EDITED else muted))
            painter.drawText(marker_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(marker, Qt.TextElideMode.ElideRight, marker_rect.width()))
        painter.setPen(text_color)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         self._wrap(message.text, fm, text_rect.width(), max(1, text_rect.height() // fm.height()),
                                    option.font))
        painter.restore()

    @staticmethod
    def _elide_lines(text: str, fm: QFontMetrics, width: int, lines: int) -> str:
        """Word-wrap ``text`` into at most ``lines`` lines, the last one elided. Plain text in, plain text out."""
        words = " ".join(text.split())
        out: list[str] = []
        rest = words
        while rest and len(out) < lines:
            if len(out) == lines - 1 or fm.horizontalAdvance(rest) <= width:
                out.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            # the longest prefix that fits, broken at a space where possible (CJK text has none)
            lo, hi = 1, len(rest)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if fm.horizontalAdvance(rest[:mid]) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            cut = rest.rfind(" ", 0, lo + 1)
            if cut <= 0:
                cut = lo
            out.append(rest[:cut])
            rest = rest[cut:].lstrip()
        return "\n".join(out)

    def editorEvent(self, event, model, option, index):
        if (event.type() == QEvent.Type.MouseButtonRelease and index.column() > 0
                and event.button() == Qt.MouseButton.LeftButton):
            chips, *_ = self._layout(option, index)
            pos = event.position().toPoint()
            for att, chip in chips:
                if chip.contains(pos):
                    self.attachmentActivated.emit(att)
                    return True
        return super().editorEvent(event, model, option, index)


__all__ = ["ChatTableModel", "ChatDelegate", "RowRole", "MessageRole", "MarkRole", "MarkerTextRole",
           "SAME", "EDITED", "MISSING_IN_BUYER", "MISSING_IN_SELLER"]
