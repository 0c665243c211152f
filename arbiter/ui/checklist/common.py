"""What every step of the checklist is made of: a step box, a one-of-several question, a wrapping layout.

A step is a ``QGroupBox`` that builds its widgets from the review's state once, and then only mirrors it in
:meth:`Step.refresh`, which the shell calls once per change with the one :class:`~arbiter.domain.review.ReviewState`.
A step writes answers only through the ``answer`` callback the shell gives it; it holds no rule.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGroupBox,
    QLabel,
    QLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from arbiter.domain.review import ReviewState
from arbiter.ui.seams import Review
from arbiter.ui.widgets.flow import FlowLayout

OK = "#1b5e20"
WARN = "#8a3b00"
BAD = "#b71c1c"
MUTED = "#555555"

Answer = Callable[..., None]   # answer(key, value, text=False)


def bold(text: str) -> QLabel:
    label = QLabel(f"<b>{html.escape(text)}</b>")
    label.setWordWrap(True)
    return label


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED};")
    return label


class Choice:
    """A question answered by exactly one of several radio buttons; nothing checked until the reviewer chooses.
    Arrow keys move between the options and Space checks one (Qt's own radio-button keyboard handling)."""

    def __init__(self, owner: QWidget, key: str, options: list[tuple[object, str]], layout: QLayout | None,
                 name: str, answer: Answer):
        self.key = key
        self.group = QButtonGroup(owner)
        self.group.setExclusive(True)
        self.group.setObjectName(f"group:{name}")
        self.buttons: dict[object, QRadioButton] = {}
        self.values: dict[QAbstractButton, object] = {}
        for value, text in options:
            button = QRadioButton(text)
            button.setObjectName(f"choice:{name}:{value}")
            button.setChecked(False)
            self.group.addButton(button)
            if layout is not None:
                layout.addWidget(button)
            self.buttons[value] = button
            self.values[button] = value
        self.group.buttonClicked.connect(lambda b: answer(self.key, self.values[b]))

    def sync(self, value: Any) -> None:
        if value is None or value not in self.buttons:
            if self.group.checkedButton() is not None:
                self.group.setExclusive(False)
                for button in self.buttons.values():
                    button.setChecked(False)
                self.group.setExclusive(True)
        else:
            button = self.buttons[value]
            if not button.isChecked():
                button.setChecked(True)

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def first(self) -> QRadioButton | None:
        for button in self.buttons.values():
            if button.isEnabled():
                return button
        return None


class Step(QGroupBox):
    """One step of the checklist. Subclasses fill ``choices`` and ``questions`` (question id -> the widget the
    keyboard should land on) and implement :meth:`refresh`."""

    def __init__(self, review: Review, answer: Answer, number: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.review = review
        self.answer = answer
        self.number = number
        self.setObjectName(f"step:{name}")
        self.choices: dict[str, Choice] = {}
        self.questions: dict[str, QWidget] = {}
        self.body = QVBoxLayout(self)

    def set_title(self, text: str) -> None:
        self.setTitle(f"{self.number}. {text}")

    def choice(self, key: str, options: list[tuple[object, str]], layout: QLayout | None, name: str) -> Choice:
        made = Choice(self, key, options, layout, name, self.answer)
        self.choices[key] = made
        return made

    def refresh(self, state: ReviewState, locked: bool) -> None:  # pragma: no cover - every step overrides
        raise NotImplementedError
