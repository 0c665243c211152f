"""Waiting for the queue model, which reads off the GUI thread (arbiter.ui.queue_reads through tasks.run)."""
from __future__ import annotations


def settled(qtbot, model, timeout: int = 10_000):
    """Wait until every read the model started (first page, further pages, resuming due cases) is shown."""
    qtbot.waitUntil(lambda: not model.busy, timeout=timeout)
    return model


def fetch_more(qtbot, model, timeout: int = 10_000):
    """``fetchMore`` and wait for the page to be inserted."""
    from PySide6.QtCore import QModelIndex

    model.fetchMore(QModelIndex())
    return settled(qtbot, model, timeout)
