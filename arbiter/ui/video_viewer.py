"""Video evidence played inside the viewer with Qt Multimedia (FFmpeg backend, from PySide6-Addons).

The verified bytes are played from memory (a QBuffer: nothing is written to disk, nothing is handed to another
program). Frames arrive through a QVideoSink and are painted by a plain widget, so the picture also shows in
screenshots and offscreen. Play/pause (Space), a position slider, the time, mute.

Opened means played to its end (:class:`arbiter.ui.viewing_progress.VideoWatch`): the player's position reports
during playback are followed; seeking forward past a part does not count it as played. ``progressed(evidence_id,
info)`` reports the progress; ``completed(evidence_id)`` once it has been played to its end.

When Qt Multimedia cannot be loaded (``AVAILABLE`` is False: the Addons wheel or a runtime library such as
libpulse missing), the evidence panel falls back to the file facts and "Save a copy".
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QBuffer, QCoreApplication, QEvent, QIODevice, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from arbiter.ui.viewing_progress import VideoWatch

log = logging.getLogger(__name__)

try:  # Qt Multimedia comes with PySide6-Addons and needs libpulse at run time on Linux
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink
    AVAILABLE = True
except ImportError as exc:  # pragma: no cover - depends on the installation
    log.warning("video playback unavailable: %s", exc)
    AVAILABLE = False

_SUFFIX = {"video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm"}


def _clock(ms: int) -> str:
    seconds = max(0, int(ms)) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


class FrameView(QWidget):
    """Paints the latest video frame, scaled to fit, on a dark background."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._image = QImage()
        self.setMinimumSize(160, 120)

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def image(self) -> QImage:
        return self._image

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 360)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#2b2f33"))
        if not self._image.isNull():
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(x, y, size.width(), size.height()), self._image)
        painter.end()


class VideoViewer(QWidget):
    progressed = Signal(str, dict)   # evidence id, VideoWatch.info()
    completed = Signal(str)          # evidence id: played to its end
    failed = Signal(str, str)        # evidence id, message

    def __init__(self, parent=None):
        super().__init__(parent)
        self._evidence_id: str | None = None
        self._buffer: QBuffer | None = None
        self._watch = VideoWatch()
        self._completed_sent = False
        self._last_reported: dict | None = None
        self.frames_shown = 0

        self.frame_view = FrameView()
        self.play_button = QToolButton()
        self.play_button.clicked.connect(self.toggle_play)
        self.mute_button = QToolButton()
        self.mute_button.setCheckable(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self._seek)
        self.time_label = QLabel("0:00 / 0:00")
        self.watched_label = QLabel()
        self.watched_label.setTextFormat(Qt.TextFormat.PlainText)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.mute_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame_view, 1)
        layout.addLayout(controls)
        layout.addWidget(self.watched_label)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.toggle_play)

        self.player = None
        if AVAILABLE:
            self.player = QMediaPlayer(self)
            self.sink = QVideoSink(self)
            self.audio = QAudioOutput(self)
            self.player.setVideoSink(self.sink)
            self.player.setAudioOutput(self.audio)
            self.sink.videoFrameChanged.connect(self._frame)
            self.player.positionChanged.connect(self._position)
            self.player.durationChanged.connect(self._duration)
            self.player.mediaStatusChanged.connect(self._status)
            self.player.playbackStateChanged.connect(lambda _s: self._update_controls())
            self.player.errorOccurred.connect(self._error)
            self.mute_button.toggled.connect(self.audio.setMuted)
            app = QCoreApplication.instance()
            if app is not None:   # stop the playback threads before the application goes away
                app.aboutToQuit.connect(self.stop)
        self._retranslate()

    # ---------------------------------------------------------------- loading
    @property
    def evidence_id(self) -> str | None:
        return self._evidence_id

    @property
    def watch(self) -> VideoWatch:
        return self._watch

    def load(self, evidence_id: str, data: bytes, media_type: str, progress: dict | None = None,
             *, autoplay: bool = False) -> bool:
        self.stop()
        self._evidence_id = evidence_id
        self._watch = VideoWatch(0, progress)
        self._completed_sent = self._watch.complete
        self._last_reported = None
        self.frames_shown = 0
        self.frame_view.set_image(QImage())
        if self.player is None:
            self.failed.emit(evidence_id, self.tr("Video playback is not available on this computer."))
            return False
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.player.setSourceDevice(self._buffer, QUrl(f"evidence.{_SUFFIX.get(media_type, 'mp4')}"))
        self._update_controls()
        if autoplay:
            self.player.play()
        return True

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()
            self.player.setSourceDevice(None)
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._evidence_id = None

    # ---------------------------------------------------------------- controls
    def is_playing(self) -> bool:
        return self.player is not None and \
            self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self) -> None:
        if self.player is not None and self._evidence_id is not None:
            if self.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
                self.player.setPosition(0)
                self._watch.seeked(0)
            self.player.play()

    def pause(self) -> None:
        if self.player is not None:
            self.player.pause()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        elif self.isVisible() or self._evidence_id is not None:
            self.play()

    def _seek(self, position: int) -> None:
        if self.player is not None:
            self._watch.seeked(position)
            self.player.setPosition(position)

    # ---------------------------------------------------------------- player reports
    def _frame(self, frame) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.frames_shown += 1
            self.frame_view.set_image(image)

    def _duration(self, duration: int) -> None:
        self._watch.set_duration(duration)
        self.slider.setRange(0, max(0, duration))
        self._update_controls()

    def _position(self, position: int) -> None:
        self._watch.position(position, self.is_playing())
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self._update_controls()
        self._report()

    def _status(self, status) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self._evidence_id is not None:
            self._watch.reached_end()
            self._update_controls()
            self._report()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and self._evidence_id is not None:
            self.failed.emit(self._evidence_id, self.player.errorString() or self.tr("The video cannot be played."))

    def _error(self, _error, message: str) -> None:
        if self._evidence_id is not None:
            self.failed.emit(self._evidence_id, message or self.tr("The video cannot be played."))

    def _report(self) -> None:
        if self._evidence_id is None:
            return
        info = self._watch.info()
        # report whole seconds of progress (and the end), not every frame: each report autosaves the draft
        coarse = dict(info, played=[[a // 1000, b // 1000] for a, b in info["played"]])
        if coarse != self._last_reported:
            self._last_reported = coarse
            self.progressed.emit(self._evidence_id, info)
        if self._watch.complete and not self._completed_sent:
            self._completed_sent = True
            self.completed.emit(self._evidence_id)

    # ---------------------------------------------------------------- texts
    def _update_controls(self) -> None:
        self.play_button.setText(self.tr("❚❚ Pause") if self.is_playing() else self.tr("▶ Play"))
        duration = self._watch.duration_ms
        position = self.player.position() if self.player is not None else 0
        self.time_label.setText(f"{_clock(position)} / {_clock(duration)}")
        if self._watch.complete:
            self.watched_label.setText(self.tr("✓ played to the end"))
            self.watched_label.setStyleSheet("color: #1b5e20;")
        else:
            self.watched_label.setText(self.tr("Played %1% — it counts as opened once played to its end")
                                       .replace("%1", str(int(self._watch.fraction() * 100))))
            self.watched_label.setStyleSheet("color: #8a3b00;")

    def _retranslate(self) -> None:
        self.mute_button.setText(self.tr("Mute"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self._update_controls()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "watched_label"):
            self._retranslate()
        super().changeEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.pause()   # a video never plays on behind another tab
        super().hideEvent(event)
