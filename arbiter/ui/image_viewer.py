"""An image viewer for evidence: zoom in/out, fit, 1:1, rotate, pan by dragging, wheel to zoom."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView

MIN_ZOOM = 0.02
MAX_ZOOM = 32.0
STEP = 1.25


class ImageViewer(QGraphicsView):
    """Shows one image. ``zoom`` is the scale factor (1.0 = one image pixel per screen pixel), ``rotation`` a
    multiple of 90 degrees. In fit mode the image follows the viewer's size."""

    viewChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self._zoom = 1.0
        self._rotation = 0
        self._fit = True
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#2b2f33"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    # ---------------------------------------------------------------- state
    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def rotation(self) -> int:
        return self._rotation

    @property
    def fit_mode(self) -> bool:
        return self._fit

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def image_size(self) -> tuple[int, int]:
        pm = self._item.pixmap()
        return pm.width(), pm.height()

    # ---------------------------------------------------------------- content
    def set_image(self, image: QImage | QPixmap) -> None:
        pixmap = image if isinstance(image, QPixmap) else QPixmap.fromImage(image)
        self._item.setPixmap(pixmap)
        self._rotation = 0
        self._scene.setSceneRect(self._item.boundingRect())
        self.fit()

    def clear(self) -> None:
        self._item.setPixmap(QPixmap())
        self._rotation = 0
        self._zoom = 1.0
        self._apply()

    # ---------------------------------------------------------------- actions
    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply()

    def rotate_right(self) -> None:
        self._rotation = (self._rotation + 90) % 360
        self._after_rotation()

    def rotate_left(self) -> None:
        self._rotation = (self._rotation - 90) % 360
        self._after_rotation()

    def _after_rotation(self) -> None:
        if self._fit:
            self.fit()
        else:
            self._apply()

    def fit(self) -> None:
        """Scale so the whole (rotated) image is visible; never enlarge beyond 4x a tiny image."""
        self._fit = True
        w, h = self.image_size()
        if w <= 0 or h <= 0:
            self._zoom = 1.0
            self._apply()
            return
        if self._rotation % 180:
            w, h = h, w
        viewport = self.viewport().size()
        avail_w = max(1, viewport.width() - 8)
        avail_h = max(1, viewport.height() - 8)
        self._zoom = max(MIN_ZOOM, min(avail_w / w, avail_h / h, 4.0))
        self._apply()

    def _apply(self) -> None:
        transform = QTransform()
        transform.rotate(self._rotation)
        transform.scale(self._zoom, self._zoom)
        self.setTransform(transform)
        self.centerOn(self._item)
        self.viewChanged.emit()

    # ---------------------------------------------------------------- events
    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._fit:
            self.fit()

    def wheelEvent(self, event):
        delta = event.angleDelta().y()
        if delta == 0:
            return super().wheelEvent(event)
        factor = STEP if delta > 0 else 1 / STEP
        self._fit = False
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, self._zoom * factor))
        transform = QTransform()
        transform.rotate(self._rotation)
        transform.scale(self._zoom, self._zoom)
        self.setTransform(transform)  # AnchorUnderMouse keeps the point under the cursor
        self.viewChanged.emit()
        event.accept()
