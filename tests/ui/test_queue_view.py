"""The queue page driven like a reviewer: typing in the search box, picking filters, clicking headers, Enter."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt

from arbiter.ui.queue_model import COL_CASE_ID, QueueModel
from arbiter.ui.queue_view import QueueView
from tests.ui.queue_support import settled


def make_view(qtbot, repo, page_size=5) -> QueueView:
    view = QueueView(QueueModel(repo, page_size=page_size))
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    qtbot.waitExposed(view)
    settled(qtbot, view.model)
    return view


def case_ids(view: QueueView) -> list[str]:
    model = view.model
    return [model.index(r, COL_CASE_ID).data() for r in range(model.rowCount())]


def test_table_fetches_more_when_scrolled(qtbot, filled_repo):
    view = QueueView(QueueModel(filled_repo, page_size=4))
    qtbot.addWidget(view)
    view.resize(1200, 140)   # only a few rows visible: the view must not pull in everything
    view.show()
    qtbot.waitExposed(view)
    settled(qtbot, view.model)
    qtbot.wait(50)
    model = view.model
    assert model.total == 12
    first = model.rowCount()
    assert first < 12
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > first)
    def scrolled_to_the_end() -> bool:   # each page is read off the GUI thread; the view asks again at the bottom
        view.table.scrollToBottom()
        return model.rowCount() == 12

    qtbot.waitUntil(scrolled_to_the_end, timeout=10_000)
    assert not model.canFetchMore(QModelIndex())
    assert "12" in view.count_label.text()


def test_search_by_order_id_filters_after_debounce(qtbot, filled_repo):
    view = make_view(qtbot, filled_repo)
    qtbot.keyClicks(view.search, "ORD700005")
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    assert case_ids(view) == ["DY-0005"]
    assert view.count_label.text() == "1 case"
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.total == 12, timeout=2000)


def test_search_that_matches_nothing_says_so(qtbot, filled_repo):
    view = make_view(qtbot, filled_repo)
    qtbot.keyClicks(view.search, "no-such-case")
    qtbot.waitUntil(lambda: view.model.total == 0, timeout=2000)
    assert view.stack.currentWidget() is view.empty_label
    assert "No case matches" in view.empty_label.text()


def test_filter_combo_requeries(qtbot, filled_repo):
    view = make_view(qtbot, filled_repo)
    view.platform_filter.set_code("douyin")
    settled(qtbot, view.model)
    assert view.model.total == 6
    assert all(cid.startswith("DY-") for cid in case_ids(view))
    view.region_filter.set_code("UK")
    settled(qtbot, view.model)
    assert view.model.total == 0
    view.platform_filter.set_code(None)
    settled(qtbot, view.model)
    assert view.model.total == 6 and all(cid.startswith("TTS-") for cid in case_ids(view))


def test_clicking_a_header_sorts_through_sql(qtbot, filled_repo):
    view = make_view(qtbot, filled_repo, page_size=3)
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_CASE_ID) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = case_ids(settled(qtbot, view.model) and view)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second = case_ids(settled(qtbot, view.model) and view)
    # the view fetches further pages as it has room; the first page's order came from SQL
    assert {tuple(first[:3]), tuple(second[:3])} == {("DY-0001", "DY-0003", "DY-0005"), ("TTS-0010", "TTS-0008", "TTS-0006")}
    assert view.model.queue_filter.sort == "case_id"


def test_enter_and_double_click_open_the_case(qtbot, filled_repo):
    view = make_view(qtbot, filled_repo)
    opened = []
    view.openCase.connect(opened.append)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(2, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [view.model.row_at(2).pk]
    rect = view.table.visualRect(view.model.index(1, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1] == view.model.row_at(1).pk


def test_enter_in_search_opens_a_single_match(qtbot, filled_repo):
    view = make_view(qtbot, filled_repo)
    opened = []
    view.openCase.connect(opened.append)
    qtbot.keyClicks(view.search, "TTS-0004")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)   # once the search's read is back
    assert [filled_repo.load_case(pk).case.case_id for pk in opened] == ["TTS-0004"]


def test_empty_queue_explains_how_to_import(qtbot, repo):
    view = make_view(qtbot, repo)
    assert view.stack.currentWidget() is view.empty_label
    assert "Import" in view.empty_label.text()


def test_search_finds_cases_by_party_phone_sku_and_tracking(qtbot, db, repo, bundles_dir):
    """Issue 10 part 3: the reviewer types what the customer gives on the phone; the store's search does the rest
    (store/search.py), the queue shows what it found and Enter opens a single match."""
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle
    from tests.factories import write_bundle
    from tests.ui.conftest import bundle_data

    for n in range(3):
        data = bundle_data(n)
        data["buyer"] = dict(data["buyer"], id=f"B-77{n}", display_name=f"Buyer Number{n}",
                             phone=f"+44 7700 90012{n}")
        data["seller"] = dict(data["seller"], id=f"S-88{n}", shop_name=f"Shop Number{n}")
        data["order"]["items"] = [dict(data["order"]["items"][0], sku=f"SKU-QX{n}")]
        data["order"]["logistics"] = dict(data["order"]["logistics"], tracking_no=f"TRK{n}555000GB")
        import_bundle(db, read_bundle(write_bundle(bundles_dir / f"s{n}.arbcase", data)))
    view = make_view(qtbot, repo)
    assert view.model.total == 3
    assert "phone" in view.search.placeholderText() and "SKU" in view.search.placeholderText()
    opened = []
    view.openCase.connect(opened.append)
    for text in ("B-771", "Number1", "S-881", "07700900121", "SKU-QX1", "TRK1555000GB"):
        view.search.clear()
        qtbot.keyClicks(view.search, text)
        qtbot.waitUntil(lambda: view.model.total == 1, timeout=3000)
        assert case_ids(view) == [bundle_data(1)["case_id"]], text
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [view.model.row_at(0).pk]
