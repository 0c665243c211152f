"""Small shared widgets: a status badge, an error banner, and the one way to tell the reviewer something went
wrong in plain words."""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QSizePolicy, QToolButton, QWidget

log = logging.getLogger(__name__)

# Calm colours: (text, background). Used by the queue's status column and by badges.
TONES: dict[str, tuple[str, str]] = {
    "neutral": ("#37474f", "#eceff1"),
    "info": ("#0d47a1", "#e3f2fd"),
    "progress": ("#6a4b00", "#fff4d6"),
    "success": ("#1b5e20", "#e8f5e9"),
    "warning": ("#8a3b00", "#fff0e0"),
    "danger": ("#b71c1c", "#fdecea"),
}

STATUS_TONES = {
    "new": "info",
    "in_review": "progress",
    "awaiting_evidence": "warning",
    "decided": "neutral",
    "signed": "success",
    "amended": "success",
    "flagged": "danger",
}


def tone_colors(tone: str) -> tuple[QColor, QColor]:
    fg, bg = TONES.get(tone, TONES["neutral"])
    return QColor(fg), QColor(bg)


class Badge(QLabel):
    """A small rounded label: ``Badge(text, tone)``; tones as in :data:`TONES`."""

    def __init__(self, text: str = "", tone: str = "neutral", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # never narrower than its text: a squeezed badge read "a256 verified"
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.set_tone(tone)

    def set_tone(self, tone: str) -> None:
        fg, bg = TONES.get(tone, TONES["neutral"])
        self.tone = tone
        self.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border-radius: 8px;"
                           f" padding: 1px 8px; font-weight: 600; }}")


class ErrorBanner(QFrame):
    """A dismissable strip that says what went wrong, in words. Hidden until ``show_message``."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setStyleSheet("#errorBanner { background: #fdecea; border: 1px solid #f5c2c0; border-radius: 4px; }"
                           " #errorBanner QLabel { color: #8e1b1b; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


def plain_error(exc: BaseException) -> str:
    """One readable sentence for an exception: its own message (our errors carry plain words), never a traceback."""
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return str(message).strip().splitlines()[0] if str(message).strip() else type(exc).__name__


def show_error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    """A modal message box; ``details`` (e.g. a traceback) goes behind "Show Details…"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
