"""PDF evidence in the viewer: a page bar (◀ page N of M ▶) that renders pages with pypdfium2 off the GUI thread
(:mod:`arbiter.media_pdf` through :mod:`arbiter.ui.tasks`) and hands each rendered page to the evidence panel's
image viewer, so zoom, fit, 1:1 and rotate work on PDF pages as on photos.

A page counts as seen when its rendered image has been handed over (shown). ``pageSeen(evidence_id, index,
count)`` reports each; the panel records the progress and marks the item opened when every page has been seen.
Nothing in the document is run or followed (see :mod:`arbiter.media_pdf`).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from arbiter import media_pdf
from arbiter.ui import tasks

#: rendered width for a page, in device pixels, at least (zooming in past it re-renders nothing: pixels scale)
MIN_RENDER_WIDTH = 1400


class PdfPager(QWidget):
    """Page navigation and off-thread rendering of one PDF evidence item at a time."""

    pageRendered = Signal(QImage, int, int)     # image, page index (0-based), page count
    pageSeen = Signal(str, int, int)            # evidence id, page index, page count
    failed = Signal(str, str)                   # evidence id, message

    def __init__(self, parent=None):
        super().__init__(parent)
        self._key: str | None = None
        self._evidence_id: str | None = None
        self._data: bytes | None = None
        self._count = 0
        self._index = 0
        self._generation = 0
        self._unseen: set[int] = set()
        self.busy = False

        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.clicked.connect(self.next_page)
        self.page_label = QLabel()
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.seen_label = QLabel()
        self.seen_label.setTextFormat(Qt.TextFormat.PlainText)
        self.seen_label.setStyleSheet("color: #5f6b73;")
        self.next_unseen_button = QToolButton()
        self.next_unseen_button.clicked.connect(self.next_unseen_page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.page_label)
        layout.addWidget(self.next_button)
        layout.addSpacing(12)
        layout.addWidget(self.seen_label)
        layout.addWidget(self.next_unseen_button)
        layout.addStretch(1)
        for keys, slot in (("PgDown", self.next_page), ("PgUp", self.previous_page)):
            shortcut = QShortcut(QKeySequence(keys), self.parentWidget() or self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=slot: self.isVisible() and s())
        self._retranslate()

    # ---------------------------------------------------------------- state
    @property
    def evidence_id(self) -> str | None:
        return self._evidence_id

    @property
    def page_count(self) -> int:
        return self._count

    @property
    def page_index(self) -> int:
        return self._index

    def unseen_pages(self) -> list[int]:
        return sorted(self._unseen)

    # ---------------------------------------------------------------- loading
    def load(self, evidence_id: str, key: str, data: bytes, seen: list[int] | tuple[int, ...] = (), *,
             count: int | None = None, error: str | None = None) -> bool:
        """Start showing a PDF and render its first unseen page in the background. ``count`` (or ``error``) is
        the page count made off the GUI thread (the evidence panel's read, :mod:`arbiter.ui.evidence_reads`);
        without either it is counted here. Returns False (and emits ``failed``) if PDFium cannot read it."""
        self.clear()
        self._evidence_id, self._key, self._data = evidence_id, key, data
        try:
            if error is not None:
                raise media_pdf.PdfError(error)
            self._count = count if count is not None else media_pdf.page_count(key, data)
        except media_pdf.PdfError as exc:
            self._count = 0
            self.failed.emit(evidence_id, str(exc))
            return False
        self._unseen = set(range(self._count)) - {int(p) for p in seen}
        self.show_page(min(self._unseen) if self._unseen and len(self._unseen) < self._count else 0)
        return True

    def clear(self) -> None:
        self._generation += 1
        self._key = self._evidence_id = self._data = None
        self._count = self._index = 0
        self._unseen = set()
        self.busy = False
        self._update()

    # ---------------------------------------------------------------- navigation
    def show_page(self, index: int) -> None:
        if self._data is None or not 0 <= index < self._count:
            return
        self._index = index
        self._generation += 1
        generation = self._generation
        width = max(MIN_RENDER_WIDTH, int(self.width() * self.devicePixelRatioF()))
        self.busy = True
        self._update()
        task = tasks.run(media_pdf.render_page, self._key, self._data, index, width)
        evidence_id = self._evidence_id
        task.finished.connect(lambda page, g=generation, e=evidence_id: self._rendered(g, e, page))
        task.failed.connect(lambda exc, g=generation, e=evidence_id: self._render_failed(g, e, exc))

    def next_page(self) -> None:
        self.show_page(self._index + 1)

    def previous_page(self) -> None:
        self.show_page(self._index - 1)

    def next_unseen_page(self) -> None:
        if self._unseen:
            later = [p for p in sorted(self._unseen) if p > self._index]
            self.show_page(later[0] if later else min(self._unseen))

    def _rendered(self, generation: int, evidence_id: str, page) -> None:
        if generation != self._generation or evidence_id != self._evidence_id:
            return  # the reviewer moved on meanwhile
        self.busy = False
        image = QImage(page.rgba, page.width, page.height, page.width * 4, QImage.Format.Format_RGBA8888).copy()
        self.pageRendered.emit(image, page.index, page.page_count)
        self._unseen.discard(page.index)
        self._update()
        self.pageSeen.emit(evidence_id, page.index, page.page_count)

    def _render_failed(self, generation: int, evidence_id: str, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self._update()
        self.failed.emit(evidence_id, str(exc))

    # ---------------------------------------------------------------- texts
    def _update(self) -> None:
        count = self._count
        self.prev_button.setEnabled(count > 0 and self._index > 0)
        self.next_button.setEnabled(count > 0 and self._index < count - 1)
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self._index + 1 if count else 0))
                                .replace("%2", str(count)))
        if count and self._unseen:
            self.seen_label.setText(self.tr("%1 of %2 pages seen").replace("%1", str(count - len(self._unseen)))
                                    .replace("%2", str(count)))
            self.seen_label.setStyleSheet("color: #8a3b00;")
        elif count:
            self.seen_label.setText(self.tr("✓ every page seen"))
            self.seen_label.setStyleSheet("color: #1b5e20;")
        else:
            self.seen_label.setText("")
        self.next_unseen_button.setVisible(bool(self._unseen) and count > 1)

    def _retranslate(self) -> None:
        self.prev_button.setToolTip(self.tr("Previous page (PgUp)"))
        self.next_button.setToolTip(self.tr("Next page (PgDown)"))
        self.next_unseen_button.setText(self.tr("Next unseen page"))
        self._update()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "seen_label"):
            self._retranslate()
        super().changeEvent(event)
