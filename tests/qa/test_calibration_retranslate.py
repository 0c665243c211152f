"""A language switch while the Calibration room is on screen re-words it at once (issue 10): its explanation,
buttons, table titles and headers, the answers in the split list and the summary, without reading again; the
gold case chosen stays chosen."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from arbiter.ui import i18n
from tests.qa.test_calibration_gui import _cells, desk  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui
CJK = re.compile(r"[\u4e00-\u9fff]")


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_calibration_room_retranslates_while_open(qtbot, desk, monkeypatch):  # noqa: F811
    widget, _db, _url = desk
    page = widget.calibration
    widget.rooms.setCurrentIndex(widget.CALIBRATION)
    page.gold_table.selectRow(1)
    english_splits = _cells(page.split_model)
    reads = []
    monkeypatch.setattr(page.store, "answered", lambda: reads.append(1) or [])
    try:
        i18n.install(i18n.CHINESE)
        qtbot.waitUntil(lambda: CJK.search(page.explain.text()) is not None, timeout=5_000)
        for text in (page.mark_button.text(), page.withdraw_button.text(), page.refresh_button.text(),
                     page.csv_button.text(), page.gold_title.text(), page.question_title.text(),
                     page.split_title.text(), page.summary.text(), widget.rooms.tabText(widget.CALIBRATION)):
            assert CJK.search(text), text
        for model in (page.gold_model, page.question_model, page.split_model):
            assert all(CJK.search(h) for h in _headers(model)), _headers(model)
        splits = _cells(page.split_model)
        assert [row[0] for row in splits] == [row[0] for row in english_splits]      # the same figures
        assert all(CJK.search(row[1]) for row in splits), splits                  # the question in words
        worded = [(row, en) for row, en in zip(splits, english_splits) if re.search("[a-z]{3}", en[2])]
        assert worded and all(CJK.search(row[2]) and CJK.search(row[3]) for row, _ in worded), worded
        assert page.selected_gold().case_id == "TTS-UK-G2"
        assert reads == []                                                         # re-worded, not re-read
    finally:
        i18n.install(i18n.ENGLISH)
    qtbot.waitUntil(lambda: page.explain.text().startswith("Gold cases have a known answer"), timeout=5_000)
    assert _cells(page.split_model) == english_splits
