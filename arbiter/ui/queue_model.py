"""The case queue as a Qt table model over ``Repository.count_cases`` / ``list_cases``.

Rows are fetched lazily, one page at a time (``canFetchMore`` / ``fetchMore``); the model never loads the whole
queue. Sorting and filtering change the :class:`QueueFilter` and re-query: the database sorts and filters, the
model only shows what it was given. ``RowRole`` hands back the store's ``QueueRow``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from arbiter.ui import labels
from arbiter.ui.queue_count import queue_count
from arbiter.ui.widgets.common import STATUS_TONES, plain_error

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

# column key, sort key in the store's QueueQuery
COLUMNS: tuple[str, ...] = ("case_id", "platform", "region", "claim_type", "amount", "opened_at",
                            "next_deadline_at", "status")
COL_CASE_ID, COL_PLATFORM, COL_REGION, COL_CLAIM, COL_AMOUNT, COL_OPENED, COL_TIME_LEFT, COL_STATUS = range(8)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1      # the QueueRow
CASE_PK_ROLE = Qt.ItemDataRole.UserRole + 2  # int
TONE_ROLE = Qt.ItemDataRole.UserRole + 3     # "danger" / "warning" / ... for the time-left and status cells
CODE_ROLE = Qt.ItemDataRole.UserRole + 4     # the raw stored code of the cell (status, platform, ...)

DEFAULT_PAGE_SIZE = 200

OVERDUE_COLOR = QColor("#b71c1c")
SOON_COLOR = QColor("#a15c00")
MUTED_COLOR = QColor("#78909c")


@dataclass(frozen=True)
class QueueFilter:
    """What the reviewer asked to see. ``None`` means "any"."""

    search: str = ""
    platform: str | None = None
    region: str | None = None
    status: str | None = None
    claim_type: str | None = None
    sort: str = "next_deadline_at"
    descending: bool = False


def to_store_query(flt: QueueFilter):
    """The store's QueueQuery for a filter (the one place that knows its field names)."""
    from arbiter.store import QueueQuery

    return QueueQuery(text=flt.search.strip(), platform=flt.platform, region=flt.region,
                      status=flt.status, claim_type=flt.claim_type, sort=flt.sort, descending=flt.descending)


def time_left(deadline: datetime | None, now: datetime) -> tuple[str, str | None]:
    """(text, tone) for the nearest deadline: ``"2 d 4 h"``, ``"5 h 10 min"``, ``"overdue 3 h"``; tone
    ``"danger"`` when overdue, ``"warning"`` within 24 hours, else ``None``."""
    if deadline is None:
        return "—", None
    seconds = int((deadline - now).total_seconds())
    overdue = seconds < 0
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days >= 10:
        span = translate("QueueModel", "%1 d").replace("%1", str(days))
    elif days:
        span = translate("QueueModel", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    elif hours:
        span = translate("QueueModel", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    else:
        span = translate("QueueModel", "%1 min").replace("%1", str(minutes))
    if overdue:
        return translate("QueueModel", "overdue %1").replace("%1", span), "danger"
    return span, ("warning" if seconds < 86400 else None)


def _read_failed(exc: BaseException) -> str:
    return translate("QueueModel", "The case queue could not be read: %1").replace("%1", plain_error(exc))


def _format_amount(amount: Any, currency: str) -> str:
    try:
        from arbiter.domain.money import format_money

        return format_money(amount, currency)
    except Exception:  # noqa: BLE001 - an odd currency code still shows the number
        return f"{amount} {currency}"


class QueueModel(QAbstractTableModel):
    """Lazily fetched, SQL-sorted, SQL-filtered case queue."""

    loadFailed = Signal(str)     # a plain-words reason the queue could not be read
    totalChanged = Signal(int)   # number of cases matching the filter

    def __init__(self, repo: Any, *, page_size: int = DEFAULT_PAGE_SIZE,
                 now: Callable[[], datetime] | None = None, parent=None):
        super().__init__(parent)
        self._repo = repo
        self._page_size = page_size
        self._now = now or (lambda: datetime.now(timezone.utc))
        self._filter = QueueFilter()
        self._rows: list[Any] = []
        self._total = 0
        self._more = False   # a search's count stopped at the cap: there are more than _total rows
        # team mode (ui/lease_keeper.py): who holds the cases on screen, {case_pk: holder}
        self._holders_of: Callable[[list[int]], dict[int, str]] | None = None
        self._me: Callable[[], str | None] = lambda: None
        self.holders: dict[int, str] = {}
        self._reload()

    # -- state -----------------------------------------------------------------------------------------------
    @property
    def queue_filter(self) -> QueueFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    @property
    def more_than_total(self) -> bool:
        """The search matches more cases than ``total`` says (its count stops at a cap: ui/queue_count.py)."""
        return self._more

    def set_filter(self, flt: QueueFilter) -> None:
        if flt != self._filter:
            # a new sort shows the same cases in another order: no need to count them again (on a million
            # cases the count is most of a sort's time; refresh() still counts)
            same_cases = replace(flt, sort=self._filter.sort, descending=self._filter.descending) == self._filter
            self._filter = flt
            self._reload(recount=not same_cases)

    def update_filter(self, **changes: Any) -> None:
        self.set_filter(replace(self._filter, **changes))

    def refresh(self) -> None:
        """Re-read from the database (after an import, a verdict, ...), keeping the filter and sort."""
        self._reload()

    def _resume_due(self) -> bool:
        """Cases waiting for supplementary evidence whose requests fell due resume (docs/supplement-requests.md).
        True when one did. One indexed count when nothing is due."""
        resume = getattr(self._repo, "resume_due_cases", None)
        if not callable(resume):
            return False
        try:
            return bool(resume())
        except Exception:  # noqa: BLE001 - the queue still shows; the next read retries
            log.exception("resuming cases whose supplement requests are due failed")
            return False

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_for_case_pk(self, case_pk: int) -> int:
        for i, item in enumerate(self._rows):
            if item.pk == case_pk:
                return i
        return -1

    def _reload(self, *, recount: bool = True) -> None:
        if self._resume_due():
            recount = True  # statuses changed: a status filter may now hold other cases
        self.beginResetModel()
        self._rows = []
        known = self._total
        self._total = 0
        error = None
        try:
            query = to_store_query(self._filter)
            if recount:
                self._total, self._more = queue_count(self._repo, query)
            else:
                self._total = known
            if self._total:
                self._rows = list(self._repo.list_cases(query, 0, self._page_size))
        except Exception as exc:  # noqa: BLE001 - shown in the queue, never a crash
            log.exception("reading the queue failed")
            error = exc
        self._read_holders()
        self.endResetModel()
        self.totalChanged.emit(self._total)
        if error is not None:
            self.loadFailed.emit(_read_failed(error))

    # -- team mode: who holds what ---------------------------------------------------------------------------------
    def set_holders(self, holders_of: Callable[[list[int]], dict[int, str]], me: Callable[[], str | None]) -> None:
        """``holders_of(case_pks)`` gives the live leases of those cases; ``me()`` this workstation's identity."""
        self._holders_of, self._me = holders_of, me
        self.refresh_holders()

    def _read_holders(self) -> None:
        if self._holders_of is None:
            return
        try:
            self.holders = self._holders_of([r.pk for r in self._rows])
        except Exception:  # noqa: BLE001 - the queue shows without them
            log.exception("reading who holds the cases failed")
            self.holders = {}

    def refresh_holders(self) -> None:
        self._read_holders()
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_STATUS), self.index(len(self._rows) - 1, COL_STATUS))

    def holder_text(self, case_pk: int) -> str | None:
        holder = self.holders.get(case_pk)
        if holder is None:
            return None
        if holder == self._me():
            return translate("QueueModel", "checked out to you")
        return translate("QueueModel", "checked out to %1").replace("%1", holder)

    # -- lazy fetching -----------------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and (len(self._rows) < self._total or self._more)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self.canFetchMore(parent):
            return
        try:
            # keyset paging: the page after the last row shown (as fast deep in the queue as at the top)
            size = self._next_page_size()
            page = list(self._repo.list_cases(to_store_query(self._filter), 0, size, after=self._rows[-1]))
        except Exception as exc:  # noqa: BLE001
            log.exception("fetching more queue rows failed")
            self._total = len(self._rows)
            self.loadFailed.emit(_read_failed(exc))
            return
        if not page:  # the queue shrank under us (or a capped count's end came): stop asking
            self._total, self._more = len(self._rows), False
            self.totalChanged.emit(self._total)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        if self._holders_of is not None:
            try:
                self.holders.update(self._holders_of([r.pk for r in page]))
            except Exception:  # noqa: BLE001
                log.exception("reading who holds the cases failed")
        self.endInsertRows()
        if self._more and (len(page) < size or len(self._rows) >= self._total):
            # past a search's capped count: a short page is the end (now the count is exact); else there are
            # at least this many and maybe more
            self._more = len(page) >= size
            self._total = len(self._rows) + (1 if self._more else 0)
            self.totalChanged.emit(self._total)

    def _next_page_size(self) -> int:
        """The first pages are small; deep in a long queue they grow (to at most 2,000 rows), so scrolling far
        costs fewer queries."""
        return max(self._page_size, min(len(self._rows) // 4, 2000))

    # -- table -------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section == COL_AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def column_title(section: int) -> str:
        titles = (translate("QueueModel", "Case"), translate("QueueModel", "Platform"),
                  translate("QueueModel", "Region"), translate("QueueModel", "Claim"),
                  translate("QueueModel", "Amount"), translate("QueueModel", "Opened"),
                  translate("QueueModel", "Time left"), translate("QueueModel", "Status"))
        return titles[section] if 0 <= section < len(titles) else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == ROW_ROLE:
            return row
        if role == CASE_PK_ROLE:
            return row.pk
        if role == CODE_ROLE:
            return getattr(row, COLUMNS[col], None)
        if role == TONE_ROLE:
            if col == COL_STATUS:
                return STATUS_TONES.get(row.status, "neutral")
            if col == COL_TIME_LEFT:
                return self._time_left(row)[1]
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_TIME_LEFT:
            tone = self._time_left(row)[1]
            if tone == "danger":
                return OVERDUE_COLOR
            if tone == "warning":
                return SOON_COLOR
            if row.next_deadline_at is None:
                return MUTED_COLOR
            return None
        if role == Qt.ItemDataRole.FontRole and col == COL_TIME_LEFT and self._time_left(row)[1] == "danger":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.FontRole and col == COL_CASE_ID:
            font = QFont()
            font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_CASE_ID:
                return translate("QueueModel", "Order %1").replace("%1", str(getattr(row, "order_id", "")))
            if col == COL_TIME_LEFT and row.next_deadline_at is not None:
                return translate("QueueModel", "Nearest deadline: %1").replace(
                    "%1", self._format_time(row.next_deadline_at))
            if col == COL_REGION:
                return labels.region(row.region)
            if col == COL_STATUS:
                return self.holder_text(row.pk)
        return None

    def _time_left(self, row: Any) -> tuple[str, str | None]:
        return time_left(row.next_deadline_at, self._now())

    @staticmethod
    def _format_time(value: datetime) -> str:
        local = value.astimezone()
        return QLocale().toString(local.date(), QLocale.FormatType.ShortFormat) + local.strftime(" %H:%M")

    def _display(self, row: Any, col: int) -> str:
        if col == COL_CASE_ID:
            return row.case_id
        if col == COL_PLATFORM:
            return labels.platform(row.platform)
        if col == COL_REGION:
            return row.region
        if col == COL_CLAIM:
            return labels.claim_type(row.claim_type)
        if col == COL_AMOUNT:
            return _format_amount(row.amount, row.currency)
        if col == COL_OPENED:
            return row.opened_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if col == COL_TIME_LEFT:
            return self._time_left(row)[0]
        if col == COL_STATUS:
            held = self.holder_text(row.pk)
            return labels.status(row.status) + (f" · {held}" if held else "")
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.update_filter(sort=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)

    def tick(self) -> None:
        """The clock moved: repaint the time-left column (and re-read when a waiting case fell due)."""
        if self._resume_due():
            self._reload()
            return
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_TIME_LEFT), self.index(len(self._rows) - 1, COL_TIME_LEFT),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
