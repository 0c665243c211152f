"""The evidence image viewer: zoom, fit, 1:1, rotate, pan."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from arbiter.ui.image_viewer import ImageViewer

pytestmark = pytest.mark.gui


@pytest.fixture
def viewer(qtbot):
    v = ImageViewer()
    qtbot.addWidget(v)
    v.resize(400, 300)
    v.show()
    qtbot.waitExposed(v)
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#888888"))
    v.set_image(image)
    return v


def test_fit_then_zoom_and_actual_size(viewer):
    assert viewer.fit_mode and viewer.zoom < 0.3
    fitted = viewer.zoom
    viewer.zoom_in()
    assert viewer.zoom == pytest.approx(fitted * 1.25) and not viewer.fit_mode
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.zoom == pytest.approx(fitted / 1.25)
    viewer.actual_size()
    assert viewer.zoom == 1.0
    assert viewer.transform().m11() == pytest.approx(1.0)
    viewer.fit()
    assert viewer.zoom == pytest.approx(fitted)


def test_rotate_keeps_fit(viewer):
    viewer.rotate_right()
    assert viewer.rotation == 90
    # rotated, the 1600 wide image is 1600 tall: fitting uses the rotated size
    assert 1600 * viewer.zoom <= viewer.viewport().height()
    viewer.rotate_left()
    viewer.rotate_left()
    assert viewer.rotation == 270


def test_pan_by_dragging(viewer, qtbot):
    viewer.actual_size()
    h = viewer.horizontalScrollBar()
    before = h.value()
    vp = viewer.viewport()
    start = QPoint(200, 150)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for dx in (20, 60, 100):
        qtbot.mouseMove(vp, QPoint(start.x() - dx, start.y() - dx // 2))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(start.x() - 100, start.y() - 50))
    assert h.value() > before
    assert viewer.verticalScrollBar().value() != 0


def test_zoom_is_bounded(viewer):
    for _ in range(60):
        viewer.zoom_in()
    assert viewer.zoom == 32.0
    for _ in range(120):
        viewer.zoom_out()
    assert viewer.zoom == 0.02
