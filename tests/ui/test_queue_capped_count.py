"""A search that matches more cases than the queue counts (issue 14): the count stops at a cap, the queue says
"1,000+" (here the cap is made 5 or 2), keeps fetching pages as the reviewer scrolls and learns the exact count
when a page comes back short. The real repository, model (reads off the GUI thread) and view."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

import arbiter.ui.queue_count as queue_count
from arbiter.ui.queue_count import count_text
from arbiter.ui.queue_model import QueueModel
from arbiter.ui.queue_view import QueueView


def test_count_text_says_more_than_the_cap():
    assert count_text(1001, True, lambda n: f"{n:,}") == "1,000+"
    assert count_text(1401, True, lambda n: f"{n:,}") == "1,400+"     # scrolled past the cap: at least this many
    assert count_text(37, False, str) == "37"


def _search(qtbot, model, text):
    model.update_filter(search=text)
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)


def _scroll_to_the_end(qtbot, model):
    seen = []

    def done() -> bool:
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            seen.append((model.rowCount(), model.more_than_total))
        return not model.canFetchMore(QModelIndex()) and not model._fetching
    qtbot.waitUntil(done, timeout=10_000)
    return seen


def test_a_capped_search_shows_more_than_the_cap_and_scrolls_to_the_end(qtbot, filled_repo, monkeypatch):
    monkeypatch.setattr(queue_count, "SEARCH_COUNT_CAP", 5)
    model = QueueModel(filled_repo, page_size=4)
    view = QueueView(model)
    qtbot.addWidget(view)
    view.resize(1200, 140)
    _search(qtbot, model, "TTS")                     # the 6 TikTok Shop cases of the 12
    assert (model.total, model.more_than_total) == (6, True)    # "more than 5"
    assert model.rowCount() == 4
    assert view.count_label.text() == "4 of 5+ cases loaded"
    _scroll_to_the_end(qtbot, model)
    assert model.rowCount() == 6 and (model.total, model.more_than_total) == (6, False)
    assert view.count_label.text() == "6 cases"
    _search(qtbot, model, "")                        # without a search the count is exact, whatever the cap
    assert (model.total, model.more_than_total) == (12, False)
    _search(qtbot, model, "TTS-0000")                # fewer matches than the cap: exact
    assert (model.total, model.more_than_total, model.rowCount()) == (1, False, 1)


def test_scrolling_past_the_cap_keeps_fetching_until_the_end(qtbot, filled_repo, monkeypatch):
    monkeypatch.setattr(queue_count, "SEARCH_COUNT_CAP", 2)
    model = QueueModel(filled_repo, page_size=2)
    _search(qtbot, model, "TTS")
    assert (model.rowCount(), model.total, model.more_than_total) == (2, 3, True)
    _scroll_to_the_end(qtbot, model)
    assert (model.rowCount(), model.total, model.more_than_total) == (6, 6, False)
    assert len({model.row_at(i).pk for i in range(6)}) == 6
