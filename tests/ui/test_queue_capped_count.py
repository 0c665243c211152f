"""A search that matches more cases than the queue counts (issue 14): the count stops at a cap, the queue says
"1,000+" (here the cap is made 5), keeps fetching pages as the reviewer scrolls and learns the exact count when a
page comes back short. The real repository, model and view."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

import arbiter.ui.queue_count as queue_count
from arbiter.ui.queue_count import count_text
from arbiter.ui.queue_model import QueueModel
from arbiter.ui.queue_view import QueueView


@pytest.fixture
def capped(monkeypatch):
    monkeypatch.setattr(queue_count, "SEARCH_COUNT_CAP", 5)


def test_count_text_says_more_than_the_cap():
    assert count_text(1001, True, lambda n: f"{n:,}") == "1,000+"
    assert count_text(1401, True, lambda n: f"{n:,}") == "1,400+"     # scrolled past the cap: at least this many
    assert count_text(37, False, str) == "37"


def test_a_capped_search_shows_more_than_the_cap_and_scrolls_to_the_end(qtbot, filled_repo, capped):
    model = QueueModel(filled_repo, page_size=4)
    view = QueueView(model)
    qtbot.addWidget(view)
    view.resize(1200, 140)
    view.show()
    model.update_filter(search="TTS")                 # the 6 TikTok Shop cases of the 12
    assert (model.total, model.more_than_total) == (6, True)    # "more than 5"
    assert model.rowCount() == 4
    assert view.count_label.text() == "4 of 5+ cases loaded"
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 6 and (model.total, model.more_than_total) == (6, False)
    assert view.count_label.text() == "6 cases"
    # without a search the count is exact, whatever the cap
    model.update_filter(search="")
    assert (model.total, model.more_than_total) == (12, False)
    # a search with fewer matches than the cap: exact
    model.update_filter(search="TTS-0000")
    assert (model.total, model.more_than_total, model.rowCount()) == (1, False, 1)


def test_scrolling_past_the_cap_keeps_fetching_until_the_end(qtbot, filled_repo, monkeypatch):
    monkeypatch.setattr(queue_count, "SEARCH_COUNT_CAP", 2)
    model = QueueModel(filled_repo, page_size=2)
    model.update_filter(search="TTS")
    assert (model.rowCount(), model.total, model.more_than_total) == (2, 3, True)
    seen = []
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        seen.append((model.rowCount(), model.more_than_total))
    assert seen[-1] == (6, False) and model.total == 6
    assert all(more for _, more in seen[:-1])           # "at least" until the end was seen
    assert len({row.pk for row in (model.row_at(i) for i in range(6))}) == 6
