"""Background results for a deleted widget or model are dropped (arbiter.ui.tasks, ``owner=``).

Found in the full suite: a thumbnail finished after its evidence model had been deleted, and the lambda it
was connected to called into the dead C++ object (``RuntimeError: Internal C++ object already deleted``)."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from arbiter.ui import tasks


def _wait_then(value, gate: threading.Event):
    gate.wait(5)
    return value


def test_result_reaches_a_live_owner(qtbot):
    owner = QObject()
    got = []
    gate = threading.Event()
    task = tasks.run(_wait_then, 7, gate, owner=owner)
    task.finished.connect(got.append)
    gate.set()
    qtbot.waitUntil(lambda: task.done)
    assert got == [7]


def test_result_for_a_deleted_owner_is_dropped(qtbot):
    owner = QObject()
    got, failures = [], []
    gate = threading.Event()
    task = tasks.run(_wait_then, 7, gate, owner=owner)
    task.finished.connect(lambda value: got.append(owner.objectName()))   # would raise on a dead owner
    task.failed.connect(failures.append)
    ended = []
    task.ended.connect(lambda: ended.append(True))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not tasks.shiboken6.isValid(owner))
    gate.set()
    qtbot.waitUntil(lambda: bool(ended))
    assert task.orphaned
    assert got == [] and failures == []


def test_error_for_a_deleted_owner_is_dropped(qtbot):
    def boom(gate):
        gate.wait(5)
        raise ValueError("late")

    owner = QObject()
    failures, ended = [], []
    gate = threading.Event()
    task = tasks.run(boom, gate, owner=owner)
    task.failed.connect(failures.append)
    task.ended.connect(lambda: ended.append(True))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not tasks.shiboken6.isValid(owner))
    gate.set()
    qtbot.waitUntil(lambda: bool(ended))
    assert failures == []
