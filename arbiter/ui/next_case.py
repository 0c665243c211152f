"""The main window's next case (Sign and next, Next case): the queue is read again and the identity's own appeals
are read (arbiter.store.appeals: an appeal of one's own verdict is someone else's), both off the GUI thread; the
case just decided is closed and the next one still to decide, in the queue's order, opens once both are back."""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from arbiter.ui import tasks
from arbiter.ui.queue_reads import own_appeals
from arbiter.ui.widgets.common import plain_error

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def open_next(window: Any, after_pk: int | None) -> None:
    join: dict[str, Any] = {"rows": False, "own": None}

    def ready() -> None:
        if join["rows"] and join["own"] is not None:
            _open_next(window, after_pk, join["own"])

    def failed(exc: BaseException) -> None:   # the store still refuses one's own appeal; go on without
        log.warning("reading one's own appeals failed: %s", plain_error(exc))
        join["own"] = set()
        ready()

    task = tasks.run(own_appeals, window.db, getattr(window.identity, "id", None), name="next case: own appeals",
                     owner=window)
    task.finished.connect(lambda pks: (join.update(own=set(pks)), ready()))
    task.failed.connect(failed)
    window.refresh_queue()
    window.queue_model.when_loaded(lambda: (join.update(rows=True), ready()))


def _open_next(window: Any, after_pk: int | None, own: set[int]) -> None:
    model = window.queue_model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    rows = [r for r in rows if r.pk not in own]  # an appeal of one's own verdict: someone else's
    next_pk = window.cases.next_pk(rows, after_pk)
    if after_pk is not None:
        widget = window.cases.widget_for(after_pk)
        if widget is not None:
            window.cases.close_tab(window.tabs.indexOf(widget))
    if next_pk is None:
        window.show_queue()
        window.statusBar().showMessage(translate("MainWindow", "No case left to decide in the queue."), 10000)
        return
    window.open_case(next_pk)
