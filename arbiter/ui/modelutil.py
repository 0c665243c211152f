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
    """Work around shiboken6 6.12 on Python < 3.12: its generated wrappers return ``None`` from void C++
    functions (``QPainter.save``, ``setPen``, ``fillRect``, ...) without taking a reference, on the assumption
    that ``None`` is immortal, which it is only from Python 3.12. Each call then leaks one reference *downwards*
    and a long painting session ends in "Fatal Python error: none_dealloc". Adding a huge number of references
    to ``None`` once at start-up makes it immortal in practice. Returns whether it was needed. Call it once,
    before the event loop (the app's start-up, a benchmark, a long test)."""
    import sys
    if sys.version_info >= (3, 12):
        return False
    import ctypes
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    refcnt.value += 1 << 40
    return True
