"""Reading item data from Python without the PySide6 6.12 ``QModelIndex.data()`` refcount bug.

``QModelIndex.data(role)`` called from Python over-releases ``None`` every time the model returns no value
(an invalid QVariant); a few hundred thousand calls (a delegate painting while scrolling) kill the interpreter
with "Fatal Python error: none_dealloc". Asking the model directly avoids the round trip through C++.
"""
from __future__ import annotations

from PySide6.QtCore import Qt


def index_data(index, role=Qt.ItemDataRole.DisplayRole):
    if not index.isValid():
        return None
    return index.model().data(index, role)


def pin_none_refcount() -> bool:
    """Shield against a binding we do not ship: shiboken6 6.12 on Python < 3.12 returns ``None``/``True``/
    ``False`` from void and bool C++ calls without taking a reference (it assumes they are immortal, as they are
    only from 3.12), and a long session ends in "Fatal Python error: none_dealloc". pyproject.toml keeps that
    version out and tests/ui/test_qt_binding.py fails if it comes back; this only acts if it is installed
    anyway (a distribution's PySide6, a hand-made venv). Returns whether it acted. Call once at start-up."""
    import sys

    import PySide6

    if sys.version_info >= (3, 12) or not PySide6.__version__.startswith("6.12."):
        return False
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    return True
