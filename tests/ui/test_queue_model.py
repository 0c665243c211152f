"""The queue model on its own: lazy pages, SQL sort and filter, time left, roles."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QModelIndex, Qt

from arbiter.ui.queue_model import (
    CASE_PK_ROLE,
    COL_AMOUNT,
    COL_CASE_ID,
    COL_PLATFORM,
    COL_STATUS,
    COL_TIME_LEFT,
    ROW_ROLE,
    TONE_ROLE,
    QueueFilter,
    QueueModel,
    time_left,
)
from tests.ui.queue_support import fetch_more, settled

NOW = datetime(2025, 3, 4, 12, 0, tzinfo=timezone.utc)


def ids(model: QueueModel) -> list[str]:
    return [model.index(r, COL_CASE_ID).data() for r in range(model.rowCount())]


def test_fetches_lazily_in_pages(filled_repo, qtmodeltester, qtbot):
    model = settled(qtbot, QueueModel(filled_repo, page_size=5))
    assert model.total == 12
    assert model.rowCount() == 5 < model.total
    assert model.canFetchMore(QModelIndex())
    fetch_more(qtbot, model)
    assert model.rowCount() == 10
    fetch_more(qtbot, model)
    assert model.rowCount() == 12
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)


def test_sort_is_done_by_the_database(filled_repo, qtbot):
    model = settled(qtbot, QueueModel(filled_repo, page_size=5))
    model.sort(COL_CASE_ID, Qt.SortOrder.AscendingOrder)
    settled(qtbot, model)
    assert ids(model) == ["DY-0001", "DY-0003", "DY-0005", "DY-0007", "DY-0009"]
    model.sort(COL_CASE_ID, Qt.SortOrder.DescendingOrder)
    settled(qtbot, model)
    # the first page of the descending order: rows never loaded before, so the order came from SQL
    assert ids(model) == ["TTS-0010", "TTS-0008", "TTS-0006", "TTS-0004", "TTS-0002"]
    model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    settled(qtbot, model)
    assert model.index(0, COL_AMOUNT).data() == "21.00 CNY"


def test_filters_and_search_requery(filled_repo, qtbot):
    model = settled(qtbot, QueueModel(filled_repo, page_size=5))
    model.update_filter(platform="douyin")
    settled(qtbot, model)
    assert model.total == 6
    assert {model.index(r, COL_PLATFORM).data() for r in range(model.rowCount())} == {"Douyin"}
    settled(qtbot, model).set_filter(QueueFilter(search="ORD700007"))
    settled(qtbot, model)
    assert model.total == 1 and ids(model) == ["DY-0007"]
    model.set_filter(QueueFilter(search="tts-001"))
    settled(qtbot, model)
    assert ids(model) == ["TTS-0010"]
    model.set_filter(QueueFilter(status="signed"))
    settled(qtbot, model)
    assert model.total == 0 and model.rowCount() == 0


def test_roles_hand_back_the_row(filled_repo, qtbot):
    model = settled(qtbot, QueueModel(filled_repo))
    index = model.index(0, COL_STATUS)
    row = index.data(ROW_ROLE)
    assert row.case_id == model.index(0, COL_CASE_ID).data()
    assert index.data(CASE_PK_ROLE) == row.pk
    assert index.data() == "New"
    assert index.data(TONE_ROLE) == "info"


@pytest.mark.parametrize(("delta", "text", "tone"), [
    (timedelta(days=2, hours=4, minutes=10), "2 d 4 h", None),
    (timedelta(hours=5, minutes=30), "5 h 30 min", "warning"),
    (timedelta(minutes=12), "12 min", "warning"),
    (-timedelta(hours=3, minutes=5), "overdue 3 h 5 min", "danger"),
    (-timedelta(days=1, hours=2), "overdue 1 d 2 h", "danger"),
    (-timedelta(days=676, hours=5), "overdue 676 d", "danger"),
])
def test_time_left_words(qapp, delta, text, tone):
    assert time_left(NOW + delta, NOW) == (text, tone)
    assert time_left(None, NOW) == ("—", None)


def test_time_left_column_is_coloured_when_overdue(filled_repo, qtbot):
    far_future = settled(qtbot, QueueModel(filled_repo, now=lambda: NOW - timedelta(days=30)))
    assert far_future.index(0, COL_TIME_LEFT).data(TONE_ROLE) is None
    late = settled(qtbot, QueueModel(filled_repo, now=lambda: NOW + timedelta(days=60)))
    cell = late.index(0, COL_TIME_LEFT)
    assert cell.data().startswith("overdue")
    assert cell.data(TONE_ROLE) == "danger"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_a_failing_repository_is_reported_not_raised(filled_repo, qtbot):
    class Flaky:
        broken = False

        def count_cases(self, query):
            if self.broken:
                raise OSError("disk I/O error")
            return filled_repo.count_cases(query)

        def list_cases(self, query, offset, limit, **keyset):
            return filled_repo.list_cases(query, offset, limit, **keyset)

    repo = Flaky()
    model = settled(qtbot, QueueModel(repo))
    assert model.rowCount() == 12
    repo.broken = True
    with qtbot.waitSignal(model.loadFailed, timeout=1000) as blocker:
        model.refresh()
    assert "disk I/O error" in blocker.args[0]
    assert model.rowCount() == 0


def test_a_new_sort_reads_a_page_without_counting_again(filled_repo, qtbot):
    """On a million cases the count is most of a sort's time (bench/bench_queue.py): a sort shows the same
    cases, so only a filter change or a refresh counts them again."""
    counts = []
    real = filled_repo.count_cases

    def counting(query):
        counts.append(query)
        return real(query)

    filled_repo.count_cases = counting
    model = settled(qtbot, QueueModel(filled_repo, page_size=5))
    total = model.total
    model.sort(0, Qt.SortOrder.DescendingOrder)
    settled(qtbot, model).sort(3, Qt.SortOrder.AscendingOrder)
    settled(qtbot, model)
    assert len(counts) == 1 and model.total == total and model.rowCount() == min(5, total)
    model.update_filter(platform="douyin")
    settled(qtbot, model).refresh()
    settled(qtbot, model)
    assert len(counts) == 3
