"""The Qt binding must not leak or over-release references: PySide6 6.12.0 on Python 3.11 releases None once
per void call (QPainter.save, setPen, ...), and after enough painting the app aborts with "none_dealloc".
pyproject.toml keeps that version out; this test fails if such a binding is installed again."""
from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter


def test_void_calls_leave_none_refcount_alone():
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.save()
            painter.restore()
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert abs(after - before) < 50
