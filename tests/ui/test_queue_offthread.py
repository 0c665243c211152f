"""The queue reads off the GUI thread (issue 10: "queue reads still run on the GUI thread"), in the spirit of
Anki's QueryOp, through the one background API (arbiter.ui.tasks): paging, sorting, searching and refreshing never
call the repository on the GUI thread; the rows arrive with the ``loaded`` signal; a result overtaken by a newer
search is dropped. Each test fails on the synchronous model."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer

from arbiter.ui import tasks
from arbiter.ui.queue_model import COL_CASE_ID, QueueFilter, QueueModel
from arbiter.ui.queue_view import QueueView
from tests.ui.queue_support import settled

pytestmark = pytest.mark.gui


class Recording:
    """The real repository, noting on which thread each read or write of the queue ran."""

    def __init__(self, repo):
        self._repo = repo
        self.calls: list[tuple[str, bool]] = []   # (method, on the GUI thread)
        self.gates: dict[str, threading.Event] = {}   # search text -> released when set

    def _note(self, name):
        self.calls.append((name, threading.current_thread() is threading.main_thread()))

    def _wait(self, query):
        gate = self.gates.get(query.text)
        if gate is not None:
            assert gate.wait(20), "the test never released the read"

    def count_cases(self, query):
        self._note("count_cases")
        self._wait(query)
        return self._repo.count_cases(query)

    def list_cases(self, query, offset, limit, **keyset):
        self._note("list_cases")
        self._wait(query)
        return self._repo.list_cases(query, offset, limit, **keyset)

    def returned_marks(self, pks):
        self._note("returned_marks")
        return self._repo.returned_marks(pks)

    def resume_due_cases(self, now=None):
        self._note("resume_due_cases")
        return self._repo.resume_due_cases(now)


def ids(model):
    return [model.index(r, COL_CASE_ID).data() for r in range(model.rowCount())]


def test_paging_sorting_searching_and_refresh_never_read_on_the_gui_thread(qtbot, filled_repo):
    repo = Recording(filled_repo)
    view = QueueView(QueueModel(repo, page_size=3))
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 0 and model.loading          # nothing read yet: the read is on its way
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        pass
    assert model.rowCount() == 3 and model.total == 12       # filled after the signal
    view.resize(1200, 160)
    view.show()
    qtbot.waitExposed(view)
    settled(qtbot, model)
    before = model.rowCount()
    view.table.scrollToBottom()                              # paging: the view asks for more
    qtbot.waitUntil(lambda: model.rowCount() > before, timeout=10_000)
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_CASE_ID) + 10, 5))    # sorting
    settled(qtbot, model)
    qtbot.keyClicks(view.search, "TTS-0004")                 # searching
    qtbot.waitUntil(lambda: ids(model) == ["TTS-0004"], timeout=10_000)
    model.refresh()                                          # refresh (and resuming due cases, a write)
    settled(qtbot, model)
    names = {name for name, _ in repo.calls}
    assert names >= {"count_cases", "list_cases", "returned_marks", "resume_due_cases"}
    assert [call for call in repo.calls if call[1]] == [], "read on the GUI thread"


def test_the_gui_thread_runs_while_a_read_is_under_way(qtbot, filled_repo):
    repo = Recording(filled_repo)
    model = settled(qtbot, QueueModel(repo))
    repo.gates["slow"] = gate = threading.Event()
    model.set_filter(QueueFilter(search="slow"))             # returns at once; the read waits on the gate
    ticked = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked), timeout=5000)      # the event loop is free meanwhile
    assert model.loading and ids(model)                      # the previous rows stay until the new ones come
    gate.set()
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert model.total == 0 and ids(model) == []


def test_a_search_overtaken_by_a_newer_one_is_dropped(qtbot, filled_repo):
    repo = Recording(filled_repo)
    model = settled(qtbot, QueueModel(repo))
    repo.gates["DY"] = gate = threading.Event()
    shown = []
    model.loaded.connect(lambda: shown.append(ids(model)))
    model.set_filter(QueueFilter(search="DY"))                # the older search: its read is held back
    model.set_filter(QueueFilter(search="TTS-0004"))          # typed further
    qtbot.waitUntil(lambda: shown == [["TTS-0004"]], timeout=10_000)
    gate.set()                                                # now the older result comes back...
    tasks.runner().wait(10_000)
    qtbot.wait(50)
    assert ids(model) == ["TTS-0004"] and model.total == 1   # ...and is dropped
    assert shown == [["TTS-0004"]]


def test_a_page_asked_for_before_a_new_sort_is_dropped(qtbot, filled_repo):
    model = settled(qtbot, QueueModel(filled_repo, page_size=4))
    model.fetchMore(QModelIndex())                            # a page of the old order on its way
    model.sort(COL_CASE_ID, Qt.SortOrder.DescendingOrder)     # a new sort meanwhile
    settled(qtbot, model)
    tasks.runner().wait(10_000)
    qtbot.wait(50)
    assert ids(model) == ["TTS-0010", "TTS-0008", "TTS-0006", "TTS-0004"]


def test_enter_in_the_search_opens_the_single_match_once_it_is_read(qtbot, filled_repo):
    repo = Recording(filled_repo)
    view = QueueView(settled(qtbot, QueueModel(repo)))
    qtbot.addWidget(view)
    repo.gates["TTS-0006"] = gate = threading.Event()
    opened = []
    view.openCase.connect(opened.append)
    qtbot.keyClicks(view.search, "TTS-0006")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)            # before the read is back: nothing opens yet
    assert opened == []
    gate.set()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert [filled_repo.load_case(pk).case.case_id for pk in opened] == ["TTS-0006"]
