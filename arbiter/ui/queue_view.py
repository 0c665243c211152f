"""The queue page: search (case and order id, buyer and seller id and name, phone, SKU, tracking), filters, and the
table. Double-click or Enter opens a case. The model reads off the GUI thread; Enter in the search opens a single
match once its read is back."""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from arbiter.ui import labels, settings
from arbiter.ui.queue_count import count_text
from arbiter.ui.queue_model import CASE_PK_ROLE, COL_STATUS, TONE_ROLE, QueueModel
from arbiter.ui.queue_words import returned_text
from arbiter.ui.widgets.common import ErrorBanner, tone_colors

SEARCH_DEBOUNCE_MS = 250
COLUMN_WIDTHS = (190, 110, 70, 150, 120, 130, 150, 170)


class StatusDelegate(QStyledItemDelegate):
    """Paints the status as a calm rounded pill in the status's tone."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text:
            return
        # ask the model directly: QModelIndex.data() over-releases None in PySide6 6.12 on Python 3.11
        fg, bg = tone_colors(index.model().data(index, TONE_ROLE) or "neutral")
        metrics = QFontMetrics(opt.font)
        pad_x, height = 8, min(opt.rect.height() - 6, metrics.height() + 4)
        width = min(metrics.horizontalAdvance(text) + 2 * pad_x + 4, opt.rect.width() - 8)
        rect = QRectF(opt.rect.x() + 4, opt.rect.center().y() - height / 2 + 0.5, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect, height / 2, height / 2)
        painter.fillPath(path, bg)
        painter.setPen(fg)
        painter.setFont(opt.font)
        painter.drawText(rect.adjusted(pad_x, 0, -pad_x, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()) - 2 * pad_x + 2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, size.height())


class _FilterCombo(QComboBox):
    """"All ..." followed by the codes, shown through ``namer``; ``code()`` is None for "all"."""

    def __init__(self, codes: tuple[str, ...], namer: Callable[[str], str], all_text: Callable[[], str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._codes, self._namer, self._all_text = codes, namer, all_text
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(9)
        self.addItem(all_text(), None)
        for code in codes:
            self.addItem(namer(code), code)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else 0
        self.setCurrentIndex(max(index, 0))

    def retranslate(self) -> None:
        self.setItemText(0, self._all_text())
        for i, code in enumerate(self._codes, start=1):
            self.setItemText(i, self._namer(code))


class QueueView(QWidget):
    """Search, filters and the queue table over a :class:`QueueModel`."""

    openCase = Signal(int)   # case_pk
    #: whose returned verdicts the strip names (the window's identity); None: everyone's
    reviewer: Callable[[], str | None] | None = None

    def __init__(self, model: QueueModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.setObjectName("queueView")

        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_return)
        self.search.installEventFilter(self)

        self.platform_filter = _FilterCombo(labels.PLATFORMS, labels.platform, lambda: self.tr("All platforms"), self)
        self.region_filter = _FilterCombo(labels.REGIONS, lambda c: c, lambda: self.tr("All regions"), self)
        self.status_filter = _FilterCombo(labels.STATUSES, labels.status, lambda: self.tr("All statuses"), self)
        self.claim_filter = _FilterCombo(labels.CLAIM_TYPES, labels.claim_type, lambda: self.tr("All claims"), self)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._apply_filters)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("queueCount")
        self.count_label.setStyleSheet("color: palette(placeholder-text);")

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search, 2)
        for combo in self._combos():
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.banner = ErrorBanner(self)
        self.model.loadFailed.connect(self.banner.show_message)

        # the cases a supervisor returned, named above the table wherever they sit in the queue's order
        self.returned_strip = QLabel(self)
        self.returned_strip.setObjectName("queueReturned")
        self.returned_strip.setWordWrap(True)
        self.returned_strip.setTextFormat(Qt.TextFormat.RichText)
        self.returned_strip.setStyleSheet("QLabel#queueReturned { color: #8a3b00; background: #fff0e0; "
                                          "padding: 5px 10px; border-radius: 4px; }")
        self.returned_strip.linkActivated.connect(self._open_link)
        self.returned_strip.hide()
        self.model.loaded.connect(self._update_returned)

        self.table = QTableView(self)
        self.table.setObjectName("queueTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setStyleSheet("QTableView::item { padding: 0 6px; } QHeaderView::section { padding: 3px 6px; }")
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(col, width)
        order = Qt.SortOrder.DescendingOrder if self.model.queue_filter.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(self._sort_column(), order)
        self.table.setSortingEnabled(True)   # after the indicator: enabling sorts by the indicated column
        self.table.setItemDelegateForColumn(COL_STATUS, StatusDelegate(self.table))
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("queueEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.returned_strip)
        layout.addWidget(self.stack, 1)

        self.model.totalChanged.connect(self._update_count)
        self.model.loadingChanged.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)

        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self.model.tick)
        self._clock.start()

        # Ctrl+F is the window's View > Search the queue (a second binding here made both dead: ambiguous)

        self.retranslate()
        self._update_count()

    # -- behaviour ---------------------------------------------------------------------------------------------
    def _combos(self) -> tuple[_FilterCombo, ...]:
        return (self.platform_filter, self.region_filter, self.status_filter, self.claim_filter)

    def _sort_column(self) -> int:
        from arbiter.ui.queue_model import COLUMNS

        return COLUMNS.index(self.model.queue_filter.sort) if self.model.queue_filter.sort in COLUMNS else 0

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_search(self) -> None:
        self.model.update_filter(search=self.search.text())

    def _search_return(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._apply_search()
        self.model.when_loaded(self._open_single_match)   # the search is read off the GUI thread

    def _open_single_match(self) -> None:
        if self.model.rowCount() == 1 and self.model.total == 1:
            self.openCase.emit(int(self.model.row_at(0).pk))
        elif self.model.rowCount():
            self._focus_table()

    def _apply_filters(self) -> None:
        self.model.update_filter(platform=self.platform_filter.code(), region=self.region_filter.code(),
                                 status=self.status_filter.code(), claim_type=self.claim_filter.code())

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openCase.emit(int(index.data(CASE_PK_ROLE)))

    def _open_link(self, link: str) -> None:
        if link.startswith("case:"):
            self.openCase.emit(int(link.partition(":")[2]))

    def _update_returned(self) -> None:
        me = self.reviewer() if self.reviewer is not None else None
        cases = [(case_id, mark) for case_id, mark in self.model.returned_cases if me is None or mark.reviewer == me]
        self.returned_strip.setVisible(bool(cases))
        if not cases:
            return
        links = ", ".join(f'<a href="case:{mark.case_pk}">{html.escape(case_id)}</a>' for case_id, mark in cases)
        if len(cases) == 1:
            before, _, after = self.tr("Returned by a supervisor: %1").partition("%1")
        else:
            before, _, after = self.tr("%1 cases returned by a supervisor: %2").replace(
                "%1", str(len(cases))).partition("%2")
        self.returned_strip.setText(f"<b>{html.escape(before)}</b>{links}{html.escape(after)}")
        self.returned_strip.setToolTip("\n".join(f"{case_id}: {returned_text(mark)}" for case_id, mark in cases))

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self._focus_table()
                return True
        return super().eventFilter(watched, event)

    def _update_count(self, *_args) -> None:
        total, shown = self.model.total, self.model.rowCount()
        locale = self.locale()
        more = getattr(self.model, "more_than_total", False)   # a search's capped count: "1,000+"
        if total == shown and not more:
            text = self.tr("1 case") if total == 1 else self.tr("%1 cases").replace("%1", locale.toString(total))
        else:
            text = self.tr("%1 of %2 cases loaded").replace("%1", locale.toString(shown)).replace(
                "%2", count_text(total, more, locale.toString))
        if self.model.loading and total == 0:
            text = self.tr("Reading the queue…")
        self.count_label.setText(text)
        if total == 0:
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)
        self._update_empty_text()

    def _filtering(self) -> bool:
        return bool(self.search.text().strip()) or any(c.code() is not None for c in self._combos())

    def _update_empty_text(self) -> None:
        if self.model.loading:
            self.empty_label.setText(self.tr("Reading the queue…"))
        elif self._filtering():
            self.empty_label.setText(self.tr("No case matches the search or the filters."))
        else:
            self.empty_label.setText(self.tr("The queue is empty.\n\nImport case bundles with File ▸ Import "
                                             "bundles… (Ctrl+I), or drop .arbcase files on this window."))

    # -- settings & language ----------------------------------------------------------------------------------
    def save_state(self) -> None:
        settings.put(settings.QUEUE_HEADER, self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        state = settings.get_bytes(settings.QUEUE_HEADER)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: case, order, buyer or seller id or name, phone, SKU, "
                                               "tracking…  (Ctrl+F)"))
        self.search.setToolTip(self.tr("Finds cases by case id, order id, the buyer's and the seller's id and "
                                       "name, phone number (any spacing), SKU and tracking number; Enter opens a "
                                       "single match"))
        self.platform_filter.setToolTip(self.tr("Platform"))
        self.region_filter.setToolTip(self.tr("Region"))
        self.status_filter.setToolTip(self.tr("Status"))
        self.claim_filter.setToolTip(self.tr("Claim type"))
        for combo in self._combos():
            combo.retranslate()
        self.table.setAccessibleName(self.tr("Case queue"))
        self.model.retranslate()
        self._update_count()
        self._update_returned()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
