"""The desk's tables share one base (``ui/supervisor/table_model.py``): rows replaced as a whole, headers from
``column_title``, re-worded on a language switch; the inbox, the scorecards, the side by side and the calibration
tables are all of it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from arbiter.ui.supervisor.calibration import _Table
from arbiter.ui.supervisor.inbox import InboxModel
from arbiter.ui.supervisor.rereview import ComparisonModel
from arbiter.ui.supervisor.scorecards import ScorecardModel
from arbiter.ui.supervisor.table_model import RowsModel

pytestmark = pytest.mark.gui


class _Two(RowsModel):
    COLUMNS = ("a", "b")

    def column_title(self, section: int) -> str:
        return ("A", "B")[section]


def test_rows_counts_headers_and_retranslate(qtbot):
    model = _Two()
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(iter([(1, 2), (3, 4), (5, 6)]))
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0   # a flat table
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(2)] == ["A", "B"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    headers, cells = [], []
    model.headerDataChanged.connect(lambda *args: headers.append(args))
    model.dataChanged.connect(lambda top, bottom, *_: cells.append(((top.row(), top.column()),
                                                                      (bottom.row(), bottom.column()))))
    model.retranslate()
    assert headers == [(Qt.Orientation.Horizontal, 0, 1)] and cells == [((0, 0), (2, 1))]
    model.set_rows([])
    model.retranslate()      # nothing to re-word: no dataChanged over an empty range
    assert model.rowCount(QModelIndex()) == 0 and len(cells) == 1


def test_every_desk_table_is_one():
    for cls in (InboxModel, ScorecardModel, ComparisonModel, _Table):
        assert issubclass(cls, RowsModel)
    inbox = InboxModel()
    inbox.set_items(["x"])
    assert inbox.items == ["x"] and inbox.columnCount() == 7
    cards = ScorecardModel()
    cards.set_cards(["c"], 5)
    assert cards.cards == ["c"] and cards.min_sample == 5 and cards.columnCount() == 12
    table = _Table()
    table.set_rows(["H1", "H2", "H3"], [("a", "b", "c")])
    assert table.columnCount() == 3 and table.headerData(2, Qt.Orientation.Horizontal) == "H3"
