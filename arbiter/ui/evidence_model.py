"""The evidence list: every item of the case in review order, under section headers.

Sections (rule 002): the buyer's first submission (the primary evidence) first, then the seller's first
submission, then supplementary items, each marked requested or not requested (not requested = excluded by the
rule). Header rows are not selectable. Thumbnails are made lazily, when a row is first painted, through
:func:`arbiter.media.thumbnail` on the verified bytes, and cached.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from arbiter import media
from arbiter.domain.model import Evidence, Party
from arbiter.ui.widgets.common import TONES
from arbiter.ui import labels, tasks, viewing_progress
from arbiter.ui.modelutil import index_data

THUMB = 64

ItemRole = Qt.ItemDataRole.UserRole + 1       # the Evidence, or None for a header row
SectionRole = Qt.ItemDataRole.UserRole + 2    # "primary", "seller_first", "supplementary" for header rows
OpenedRole = Qt.ItemDataRole.UserRole + 3     # bool
TamperedRole = Qt.ItemDataRole.UserRole + 4   # bool
BadgesRole = Qt.ItemDataRole.UserRole + 5     # list of (text, tone)

SECTIONS = ("primary", "seller_first", "supplementary")


def section_of(item: Evidence) -> str:
    if item.submission == 1:
        return "primary" if item.party is Party.BUYER else "seller_first"
    return "supplementary"


def is_tampered(exc: BaseException) -> bool:
    """Whether ``exc`` is the store's EvidenceTampered (by class, or by name for test doubles)."""
    try:
        from arbiter.store.errors import EvidenceTampered
    except Exception:  # noqa: BLE001 - the store is optional for the widgets
        EvidenceTampered = None  # noqa: N806
    if EvidenceTampered is not None and isinstance(exc, EvidenceTampered):
        return True
    return type(exc).__name__ == "EvidenceTampered"


@dataclass(frozen=True, slots=True)
class _Row:
    section: str
    item: Evidence | None


class EvidenceListModel(QAbstractListModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows: list[_Row] = []
        self._row_of: dict[str, int] = {}
        self._thumbs: dict[str, QPixmap | None] = {}
        self._failed: set[str] = set()
        self._pending: set[str] = set()   # thumbnails being made off the GUI thread
        last = None
        for item in session.case.evidence_in_review_order():
            section = section_of(item)
            if section != last:
                self._rows.append(_Row(section, None))
                last = section
            self._row_of[item.id] = len(self._rows)
            self._rows.append(_Row(section, item))

    # ---------------------------------------------------------------- lookups
    def index_of(self, evidence_id: str) -> QModelIndex:
        row = self._row_of.get(evidence_id)
        return self.index(row, 0) if row is not None else QModelIndex()

    def item_at(self, row: int) -> Evidence | None:
        return self._rows[row].item if 0 <= row < len(self._rows) else None

    def item_rows(self) -> list[int]:
        return [r for r, row in enumerate(self._rows) if row.item is not None]

    def evidence_ids(self) -> list[str]:
        return [row.item.id for row in self._rows if row.item is not None]

    def refresh(self, evidence_id: str | None = None) -> None:
        """Opened / tampered state changed (one item, or all)."""
        if evidence_id is None:
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
            return
        index = self.index_of(evidence_id)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def mark_failed(self, evidence_id: str) -> None:
        """The stored bytes of this item did not verify when opened."""
        self._failed.add(evidence_id)
        self._thumbs[evidence_id] = None
        self.refresh(evidence_id)

    # ---------------------------------------------------------------- Qt model
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].item is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def section_title(self, section: str) -> str:
        return {
            "primary": self.tr("Buyer's first submission — primary evidence"),
            "seller_first": self.tr("Seller's first submission"),
            "supplementary": self.tr("Supplementary submissions"),
        }[section]

    def party_name(self, party: Party) -> str:
        return self.tr("Buyer") if party is Party.BUYER else self.tr("Seller")

    def kind_name(self, kind: str) -> str:
        return labels.evidence_kind(kind)

    def tampered(self, item: Evidence) -> bool:
        return item.id in self._failed or item.id in getattr(self._session, "tampered", frozenset())

    def badges(self, item: Evidence) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if item.is_primary:
            out.append((self.tr("PRIMARY"), "info"))
        if item.is_supplementary:
            if item.requested:
                out.append((self.tr("requested"), "neutral"))
            else:
                out.append((self.tr("not requested · excluded by rule"), "warning"))
        if self.tampered(item):
            out.append((self.tr("hash mismatch"), "danger"))
        from arbiter.ui.forensics_view import list_badges  # forensic flags beside the item (issue 13)
        out.extend(list_badges(self._session, item.id))
        if item.id in self._session.opened_evidence:
            out.append((self.tr("✓ opened"), "success"))
        else:
            seen = viewing_progress.summary(getattr(self._session, "evidence_progress", {}).get(item.id))
            if seen and seen[0] == "pdf":
                out.append((self.tr("%1/%2 pages seen").replace("%1", str(seen[1])).replace("%2", str(seen[2])),
                            "progress"))
            elif seen and seen[0] == "video":
                out.append((self.tr("played %1%").replace("%1", str(seen[1])), "progress"))
            else:
                out.append((self.tr("not opened"), "progress"))
        return out

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        item = row.item
        if item is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.section_title(row.section)
            if role == SectionRole:
                return row.section
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{item.id} · {self.party_name(item.party)} · {self.kind_name(item.kind.value)} · "
                    + self.tr("submission %1").replace("%1", str(item.submission)))
        if role == Qt.ItemDataRole.ToolTipRole:
            # descriptions are untrusted text (shown by the delegate, as plain text); the badges are our own words,
            # every one of them (the row has room for a few)
            return "\n".join(text for text, _ in self.badges(item)) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.id} {item.description}"
        if role == ItemRole:
            return item
        if role == SectionRole:
            return row.section
        if role == OpenedRole:
            return item.id in self._session.opened_evidence
        if role == TamperedRole:
            return self.tampered(item)
        if role == BadgesRole:
            return self.badges(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(item)
        return None

    def thumbnail(self, item: Evidence) -> QPixmap | None:
        """The item's thumbnail once it has been made; the first ask starts making it off the GUI thread
        (reading and re-verifying the bytes, decoding, scaling) and the row repaints when it is ready."""
        if item.id in self._thumbs:
            return self._thumbs[item.id]
        if not media.is_image(item.media_type) or self.tampered(item):
            self._thumbs[item.id] = None
            return None
        if item.id not in self._pending:
            self._pending.add(item.id)
            task = tasks.run(_thumbnail_png, self._session.repo, self._session.case_pk, item.id,
                             name=f"thumbnail {item.id}", owner=self)
            task.finished.connect(lambda png, i=item.id: self._thumbnail_ready(i, png))
            task.failed.connect(lambda exc, i=item.id: self._thumbnail_failed(i, exc))
        return None

    def _thumbnail_ready(self, evidence_id: str, png: bytes | None) -> None:
        self._pending.discard(evidence_id)
        pixmap = None
        if png:
            image = QImage.fromData(png, "PNG")
            if not image.isNull():
                pixmap = QPixmap.fromImage(image)
        self._thumbs[evidence_id] = pixmap
        self.refresh(evidence_id)

    def _thumbnail_failed(self, evidence_id: str, exc: BaseException) -> None:
        self._pending.discard(evidence_id)
        if is_tampered(exc):
            self._failed.add(evidence_id)
        self._thumbs[evidence_id] = None
        self.refresh(evidence_id)


def _thumbnail_png(repo, case_pk: int, evidence_id: str) -> bytes | None:
    """Worker thread: the verified bytes of an item, as a small PNG (Pillow, with its bomb limit)."""
    return media.thumbnail(repo.evidence_bytes(case_pk, evidence_id), THUMB)


class EvidenceDelegate(QStyledItemDelegate):
    """Paints a row: the thumbnail (or the kind for files), the title line, the caption (plain text), badges.
    Header rows are a bold section title. Fixed heights: cheap to lay out."""

    ITEM_H = THUMB + 16
    HEADER_H = 30

    def sizeHint(self, option, index):
        section_row = index_data(index, ItemRole) is None
        return QSize(260, self.HEADER_H if section_row else self.ITEM_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        rect = option.rect
        item: Evidence | None = index_data(index, ItemRole)
        palette = option.palette
        if item is None:
            painter.fillRect(rect, QColor("#eef1f4"))
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#263238"))
            painter.drawText(rect.adjusted(8, 0, -8, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(index_data(index) or "", Qt.TextElideMode.ElideRight,
                                                              rect.width() - 16))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.highlight())
        elif item.is_primary:
            painter.fillRect(rect, QColor("#f5f9ff"))
        if item.is_primary:
            painter.fillRect(rect.left(), rect.top(), 4, rect.height(), QColor(TONES["info"][0]))
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        muted = palette.highlightedText().color() if selected else QColor("#5f6b73")

        thumb_rect = rect.adjusted(10, 8, 0, 0)
        thumb_rect.setSize(QSize(THUMB, THUMB))
        pixmap = index_data(index, Qt.ItemDataRole.DecorationRole)
        painter.setPen(QPen(QColor("#cfd8dc")))
        painter.drawRect(thumb_rect.adjusted(0, 0, -1, -1))
        if pixmap is not None and not pixmap.isNull():
            x = thumb_rect.left() + (THUMB - pixmap.width()) // 2
            y = thumb_rect.top() + (THUMB - pixmap.height()) // 2
            painter.drawPixmap(x, y, pixmap)
        else:
            painter.setPen(muted)
            label = item.media_type.split("/")[-1].upper()[:5]
            painter.drawText(thumb_rect, Qt.AlignmentFlag.AlignCenter, label)

        left = thumb_rect.right() + 12
        width = rect.right() - left - 8
        fm = painter.fontMetrics()
        line_h = fm.height()
        y = rect.top() + 8
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(left, y, width, line_h, Qt.AlignmentFlag.AlignLeft,
                         painter.fontMetrics().elidedText(index_data(index) or "", Qt.TextElideMode.ElideRight, width))
        painter.setFont(option.font)
        y += line_h + 2
        painter.setPen(muted)
        caption = " ".join(item.description.split()) or "—"
        painter.drawText(left, y, width, line_h, Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(caption, Qt.TextElideMode.ElideRight, width))
        y += line_h + 5
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        painter.setFont(small)
        sfm = painter.fontMetrics()
        x = left
        badges = index_data(index, BadgesRole) or []

        def width(text: str) -> int:
            return sfm.horizontalAdvance(text) + 12

        def badge(text: str, tone: str) -> None:
            nonlocal x
            fg, bg = TONES.get(tone, TONES["neutral"])
            w = width(text)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(bg))
            painter.drawRoundedRect(x, y, w, sfm.height() + 2, 7, 7)
            painter.setPen(QColor(fg))
            painter.drawText(x, y, w, sfm.height() + 2, Qt.AlignmentFlag.AlignCenter, text)
            x += w + 5

        right = rect.right() - 4
        for i, (text, tone) in enumerate(badges):
            rest = len(badges) - i - 1      # after this one; if they will not fit, "+N" says how many (the
            room = width(text) + (5 + width(f"+{rest}") if rest else 0)   # item's tooltip names them all)
            if x + room > right:
                if x + width(f"+{rest + 1}") <= right:
                    badge(f"+{rest + 1}", "neutral")
                break
            badge(text, tone)
        painter.restore()
