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

from arbiter.ui import labels, queue_reads, tasks
from arbiter.ui.queue_words import _format_amount, _read_failed, returned_text, time_left  # noqa: F401 - re-exported
from arbiter.ui.widgets.common import STATUS_TONES

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
RETURNED_ROLE = Qt.ItemDataRole.UserRole + 5  # the supervisor's return of the current verdict (ReturnedMark) or None

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


class QueueModel(QAbstractTableModel):
    """Lazily fetched, SQL-sorted, SQL-filtered case queue, read off the GUI thread.

    Every read (the first page and count after a new filter, sort, search or refresh; each further page) runs
    through ``tasks.run`` on the read pool, and its result is applied on the GUI thread. Each reset starts a new
    *generation*: a result of an older one (a search typed further before the previous one returned, a page asked
    for before the sort changed) is dropped. While a new first page is read, the rows already shown stay.
    """

    loadFailed = Signal(str)       # a plain-words reason the queue could not be read
    totalChanged = Signal(int)     # number of cases matching the filter
    loadingChanged = Signal(bool)  # a first page is being read (True) / has been shown or failed (False)
    loaded = Signal()              # the newest first page is shown

    def __init__(self, repo: Any, *, page_size: int = DEFAULT_PAGE_SIZE,
                 now: Callable[[], datetime] | None = None, parent=None):
        super().__init__(parent)
        self._repo = repo
        self._page_size = page_size
        self._now = now or (lambda: datetime.now(timezone.utc))
        self._filter = QueueFilter()
        self._rows: list[Any] = []
        self._returned: dict[int, Any] = {}
        #: every case whose current verdict a supervisor returned, (case_id, ReturnedMark), as of the last read
        self.returned_cases: list[tuple[str, Any]] = []
        self._total = 0
        self._more = False   # a search's count stopped at the cap: more than _total rows (ui/queue_count.py)
        self._asked = 0      # rows the page on its way was asked for
        self._generation = 0
        self._loading = False
        self._fetching = False
        self._resuming = False
        self._count_stale = True
        self._waiting: list[Callable[[], None]] = []
        # team mode (ui/lease_keeper.py): who holds the cases on screen, {case_pk: holder}, read with the rows
        self._holders_of: Callable[[list[int]], dict[int, str]] | None = None
        self._me: Callable[[], str | None] = lambda: None
        self.holders: dict[int, str] = {}
        self._holders_generation = 0
        self.refresh()

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

    @property
    def loading(self) -> bool:
        """A first page is being read (the rows shown are those of the previous read)."""
        return self._loading

    @property
    def busy(self) -> bool:
        """Any read or the resume of due cases is under way."""
        return self._loading or self._fetching or self._resuming

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
        """Re-read from the database (after an import, a verdict, ...), keeping the filter and sort; cases whose
        supplement requests fell due resume meanwhile (re-read again when one did)."""
        self._reload()
        self._resume_due()

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on the GUI thread once the newest first page is shown (or failed); at once when no
        first page is being read."""
        if self._loading:
            self._waiting.append(callback)
        else:
            callback()

    def _resume_due(self) -> None:
        """A write: on the single writer thread (tasks.run(writes=True)), never on the GUI thread."""
        if self._resuming or not callable(getattr(self._repo, "resume_due_cases", None)):
            return
        self._resuming = True
        task = tasks.run(queue_reads.resume_due, self._repo, writes=True, name="resume due cases",
                         owner=self)
        task.finished.connect(self._resumed)
        task.failed.connect(self._resume_failed)

    def _resumed(self, resumed: bool) -> None:
        self._resuming = False
        if resumed:
            self._reload()   # statuses changed: a status filter may now hold other cases

    def _resume_failed(self, exc: BaseException) -> None:
        self._resuming = False   # the queue still shows; the next refresh or tick retries
        log.warning("resuming cases whose supplement requests are due failed: %s", exc)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def returned_mark(self, row: int) -> Any:
        """The supervisor's return of the row's current verdict (arbiter.store.returns.ReturnedMark), or None."""
        return self._returned.get(self._rows[row].pk)

    def row_for_case_pk(self, case_pk: int) -> int:
        for i, item in enumerate(self._rows):
            if item.pk == case_pk:
                return i
        return -1

    def _reload(self, *, recount: bool = True) -> None:
        # a count still on its way is dropped with its generation: the next read counts instead
        recount = recount or self._count_stale
        self._count_stale = recount
        self._generation += 1
        generation = self._generation
        self._fetching = False   # a page still on its way belongs to the old generation: dropped when it comes
        task = tasks.run(queue_reads.read_first_page, self._repo, to_store_query(self._filter), self._page_size,
                         recount, self._holders_of, name="queue: first page", owner=self)
        task.finished.connect(lambda page, g=generation: self._first_page(g, page))
        task.failed.connect(lambda exc, g=generation: self._first_page_failed(g, exc))
        if not self._loading:
            self._loading = True
            self.loadingChanged.emit(True)

    def _first_page(self, generation: int, page: queue_reads.QueuePage) -> None:
        if generation != self._generation:
            return   # stale: a newer filter, search or sort was asked for meanwhile
        self.beginResetModel()
        self._rows = page.rows
        self._returned = dict(page.returned)
        if page.returned_cases is not None:
            self.returned_cases = list(page.returned_cases)
        self.holders = dict(page.holders)
        if page.total is not None:
            self._total, self._more = page.total, page.more
            self._count_stale = False
        self._total = max(self._total, len(self._rows))   # a new sort kept the count it had
        self.endResetModel()
        self._finish_load()
        self.totalChanged.emit(self._total)

    def _first_page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.error("reading the queue failed: %s", exc)
        self.beginResetModel()
        self._rows, self._returned, self._total, self.holders = [], {}, 0, {}
        self._more = False
        self.endResetModel()
        self._finish_load()
        self.totalChanged.emit(0)
        self.loadFailed.emit(_read_failed(exc))

    def _finish_load(self) -> None:
        self._loading = False
        self.loadingChanged.emit(False)
        self.loaded.emit()
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

    # -- team mode: who holds what ---------------------------------------------------------------------------------
    def set_holders(self, holders_of: Callable[[list[int]], dict[int, str]], me: Callable[[], str | None]) -> None:
        """``holders_of(case_pks)`` gives the live leases of those cases (read off the GUI thread with each page);
        ``me()`` this workstation's identity."""
        self._holders_of, self._me = holders_of, me
        self.refresh_holders()

    def refresh_holders(self) -> None:
        """Re-read who holds the cases shown (off the GUI thread); the status column repaints when it is back."""
        if self._holders_of is None or not self._rows:
            return
        self._holders_generation += 1
        token = (self._generation, self._holders_generation)
        pks = [r.pk for r in self._rows]
        task = tasks.run(self._holders_of, pks, name="queue: holders", owner=self)
        task.finished.connect(lambda holders, t=token, p=pks: self._holders_read(t, p, holders))
        task.failed.connect(lambda exc: log.warning("reading who holds the cases failed: %s", exc))

    def _holders_read(self, token: tuple[int, int], pks: list[int], holders: dict[int, str]) -> None:
        if token != (self._generation, self._holders_generation):
            return   # the rows changed meanwhile, or a newer read was asked for
        for pk in pks:
            self.holders.pop(pk, None)   # released since
        self.holders.update(holders)
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
        return (not parent.isValid() and not self._loading and not self._fetching
                and (len(self._rows) < self._total or self._more))

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent) or not self._rows:
            return
        self._fetching = True
        generation = self._generation
        # keyset paging: the page after the last row shown (as fast deep in the queue as at the top)
        self._asked = self._next_page_size()
        task = tasks.run(queue_reads.read_next_page, self._repo, to_store_query(self._filter),
                         self._asked, self._rows[-1], self._holders_of, name="queue: next page", owner=self)
        task.finished.connect(lambda page, g=generation: self._next_page(g, page))
        task.failed.connect(lambda exc, g=generation: self._next_page_failed(g, exc))

    def _next_page(self, generation: int, page: queue_reads.QueuePage) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if not page.rows:   # the queue shrank under us (or a capped count's end came): stop asking
            self._total, self._more = len(self._rows), False
            self.totalChanged.emit(self._total)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._returned.update(page.returned)
        self.holders.update(page.holders)
        self.endInsertRows()
        if self._more and (len(page.rows) < self._asked or len(self._rows) >= self._total):
            # past a search's capped count: a short page is the end (now the count is exact); else there are
            # at least this many and maybe more
            self._more = len(page.rows) >= self._asked
            self._total = len(self._rows) + (1 if self._more else 0)
            self.totalChanged.emit(self._total)

    def _next_page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        log.error("fetching more queue rows failed: %s", exc)
        self._total, self._more = len(self._rows), False
        self.totalChanged.emit(self._total)
        self.loadFailed.emit(_read_failed(exc))

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
        if role == RETURNED_ROLE:
            return self._returned.get(row.pk)
        if role == TONE_ROLE:
            if col == COL_STATUS:
                return "danger" if row.pk in self._returned else STATUS_TONES.get(row.status, "neutral")
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
                tips = [returned_text(self._returned[row.pk])] if row.pk in self._returned else []
                held = self.holder_text(row.pk)
                return "\n".join(tips + ([held] if held else [])) or None
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
            text = translate("QueueModel", "Returned") if row.pk in self._returned else labels.status(row.status)
            held = self.holder_text(row.pk)
            return text + (f" · {held}" if held else "")
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.update_filter(sort=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)

    def tick(self) -> None:
        """The clock moved: repaint the time-left column (and re-read when a waiting case fell due)."""
        self._resume_due()
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_TIME_LEFT), self.index(len(self._rows) - 1, COL_TIME_LEFT),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
