"""The shell: start, the demo database, language switch, drag & drop, About, the exception hook, geometry."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

import arbiter
from arbiter.store import QueueQuery
from arbiter.ui import app as app_module
from arbiter.ui import i18n
from arbiter.ui.import_dialog import ImportDialog
from arbiter.ui.main_window import MainWindow
from arbiter.ui.workspace import CaseWorkspace
from tests.factories import write_bundle
from tests.ui.conftest import bundle_data


@pytest.fixture
def station(qtbot, tmp_path):
    created = []

    def make(db_url=None, demo=False):
        st = app_module.start(db_url or f"sqlite:///{tmp_path}/w.db", demo)
        qtbot.addWidget(st.window)
        created.append(st)
        return st

    yield make
    for st in created:
        st.window.close()
        st.close()


def test_start_shows_the_queue_and_the_database(qtbot, station, tmp_path, db, bundles_dir):
    st = station(f"sqlite:///{tmp_path}/t.db")
    window = st.window
    qtbot.waitExposed(window)
    assert isinstance(window, MainWindow)
    assert str(tmp_path / "t.db") in window.db_label.text()
    assert window.tabs.tabText(0) == "Case queue"
    assert window.queue_model.total == 0
    assert window.queue_view.stack.currentWidget() is window.queue_view.empty_label


def test_demo_loads_every_sample_in_the_background(qtbot, station):
    samples = app_module.sample_bundles()
    assert samples, "resources/samples/*.arbcase are missing"
    began = time.monotonic()
    st = station(demo=True)
    qtbot.waitExposed(st.window)
    assert time.monotonic() - began < 3.0   # the window is up before the samples are in
    assert st.demo_dir is not None and st.demo_dir.name.startswith("arbiter-demo-")
    qtbot.waitUntil(lambda: st.demo_task.done, timeout=20_000)
    refused = [(o.name, o.reason) for o in st.demo_task.result if o.status == "refused"]
    assert refused == []
    qtbot.waitUntil(lambda: st.window.queue_model.total == len(samples), timeout=5000)
    assert st.repo.count_cases(QueueQuery()) == len(samples)
    assert st.window.db_label.text().startswith("Temporary demo database")
    demo_dir = st.demo_dir
    st.window.close()
    st.close()
    assert not demo_dir.exists()


def test_language_switch_retranslates_visible_labels(qtbot, station, filled_repo):
    st = station()
    window = st.window
    assert window.menu_file.title() == "&File"
    window.language_actions[i18n.CHINESE].trigger()
    assert i18n.current_language() == i18n.CHINESE
    assert window.tabs.tabText(0) == "案件队列"
    assert window.menu_file.title() == "文件(&F)"
    assert window.queue_model.headerData(0, Qt.Orientation.Horizontal) == "案件编号"
    # the other widgets get Qt's LanguageChange event through the event loop
    qtbot.waitUntil(lambda: window.queue_view.search.placeholderText().startswith("搜索"))
    assert window.queue_view.status_filter.itemText(0) == "全部状态"
    # the queue is read off the GUI thread: until the read is back the label says it is reading (in Chinese too)
    qtbot.waitUntil(lambda: "队列为空" in window.queue_view.empty_label.text())
    window.language_actions[i18n.ENGLISH].trigger()
    assert window.tabs.tabText(0) == "Case queue"
    qtbot.waitUntil(lambda: window.queue_view.status_filter.itemText(0) == "All statuses")


def test_language_choice_is_remembered(qtbot):
    i18n.switch(i18n.CHINESE)
    assert i18n.preferred_language() == i18n.CHINESE
    i18n.switch(i18n.ENGLISH)
    assert i18n.preferred_language() == i18n.ENGLISH


def test_status_shown_translated_in_the_queue(qtbot, filled_repo):
    from arbiter.ui.queue_model import COL_STATUS, QueueModel

    from tests.ui.queue_support import settled

    model = settled(qtbot, QueueModel(filled_repo))
    assert model.index(0, COL_STATUS).data() == "New"
    i18n.install(i18n.CHINESE)
    assert model.index(0, COL_STATUS).data() == "新案件"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_bundles_imports_them(qtbot, station, bundles_dir):
    st = station()
    window = st.window
    good = write_bundle(bundles_dir / "drop-1.arbcase", bundle_data(1))
    (bundles_dir / "broken.arbcase").write_bytes(b"not a zip at all")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bundles_dir / "broken.arbcase")),
                  QUrl.fromLocalFile(str(bundles_dir / "notes.txt"))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    # QApplication delivers a drop only during a real drag; hand the event to the window's handler directly
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    statuses = {o.name: o.status for o in dialog.results.outcomes}
    assert statuses == {"drop-1.arbcase": "imported", "broken.arbcase": "refused"}
    qtbot.waitUntil(lambda: window.queue_model.total == 1)
    assert "1 stored, 1 refused" in window.statusBar().currentMessage()
    dialog.close()


def test_open_case_adds_a_tab_and_enter_opens_from_the_queue(qtbot, station, tmp_path, db, bundles_dir):
    from tests.ui.conftest import import_cases

    import_cases(db, bundles_dir, 3)
    st = station(f"sqlite:///{tmp_path}/t.db")
    window = st.window
    view = window.queue_view
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 3, timeout=10_000)   # read off the GUI thread
    view.table.setFocus()
    view.table.setCurrentIndex(window.queue_model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.tabs.count() == 2
    assert window.tabs.tabText(1) == "Opening…"   # the case is read off the GUI thread
    qtbot.waitUntil(lambda: isinstance(window.tabs.widget(1), CaseWorkspace), timeout=15_000)
    workspace = window.tabs.widget(1)
    assert workspace.property("case_pk") == window.queue_model.row_at(0).pk
    assert window.tabs.tabText(1) == window.queue_model.row_at(0).case_id
    if isinstance(workspace, CaseWorkspace):
        assert workspace.splitter.count() == 2
    # opening it again brings the same tab forward
    window.show_queue()
    window.open_case(window.queue_model.row_at(0).pk)
    assert window.tabs.count() == 2 and window.tabs.currentIndex() == 1
    window.close_current_case()
    assert window.tabs.count() == 1


def test_a_case_that_cannot_be_opened_is_explained(qtbot, station, monkeypatch):
    st = station()
    shown = []
    monkeypatch.setattr("arbiter.ui.main_window.show_error", lambda parent, title, text, details=None:
                        shown.append(text))
    st.window.open_case(987654)
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert st.window.tabs.count() == 1
    assert shown[0].startswith("This case could not be opened")


def test_about_names_version_and_licences(qtbot, station):
    text = station().window.about_text()
    assert arbiter.__version__ in text
    assert "LGPL" in text and "WenQuanYi" in text


def test_exception_hook_shows_plain_words_and_keeps_running(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0)
    hook = app_module.ExceptionHook()
    try:
        raise ValueError("the evidence file is truncated")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert shown[0][0].endswith("the evidence file is truncated")
    assert "Traceback" in shown[0][1]
    assert QApplication.instance() is not None


def test_geometry_is_restored(qtbot, station):
    first = station()
    first.window.resize(first.window.minimumSizeHint().width(), 560)   # the offscreen screen is 800 wide
    first.window.move(QPoint(0, 20))
    size = first.window.size()
    first.window.close()
    second = station()
    assert second.window.size() == size


def test_fits_a_1366x768_screen(qtbot, station):
    window = station().window
    window.resize(1366, 728)
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 728
    assert isinstance(window.queue_view.empty_label, QLabel)
