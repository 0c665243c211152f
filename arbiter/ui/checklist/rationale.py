"""Step 7, rationale: the reviewer's reasons, citing evidence and chat message ids. Cited ids become chips that
open the item; ids the case does not know are struck through. Which words cite what is the domain's
(:func:`arbiter.domain.review.citations`, built on the engine's own tokenizer)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QToolButton, QWidget

from arbiter.domain.review import ReviewState
from arbiter.ui.checklist.common import BAD, OK, WARN, FlowLayout, Step, note


class RationaleStep(Step):
    def __init__(self, review, answer, number: int, parent=None):
        super().__init__(review, answer, number, "rationale", parent)
        self.set_title(self.tr("Rationale"))
        self.body.addWidget(note(self.tr("Explain the decision and cite at least one evidence item or chat message "
                                         "by its id (for example E1, M4). Click a cited id to open it.")))
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("rationaleEdit")
        self.edit.setTabChangesFocus(True)   # Tab leaves the field: the whole review works by keyboard
        self.edit.setMinimumHeight(90)
        self.edit.textChanged.connect(lambda: self.answer("rationale", self.edit.toPlainText() or None, text=True))
        self.body.addWidget(self.edit)
        self.questions["rationale"] = self.edit
        self.chips = QWidget()
        self.chips.setObjectName("citationChips")
        self.chips_layout = FlowLayout(self.chips)
        self.body.addWidget(self.chips)
        self.status = QLabel()
        self.status.setObjectName("citationStatus")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.chip_buttons: dict[str, QToolButton] = {}
        self._shown: tuple | None = None

    def refresh(self, state: ReviewState, locked: bool) -> None:
        text = self.review.answers.get("rationale") or ""
        if self.edit.toPlainText() != text:
            self.edit.blockSignals(True)
            self.edit.setPlainText(text)
            self.edit.blockSignals(False)
        self.edit.setReadOnly(locked)
        if state.citations == self._shown:
            return
        self._shown = state.citations
        while self.chips_layout.count():
            item = self.chips_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.chip_buttons = {}
        unknown = []
        for cid, known in state.citations:
            chip = QToolButton(self.chips)
            chip.setObjectName(f"cite:{cid}")
            chip.setText(cid if known else f"{cid} ?")
            if known:
                chip.setToolTip(self.tr("Open {id}").format(id=cid))
                chip.setStyleSheet("QToolButton { color: #0d47a1; background: #e3f2fd; border-radius: 6px;"
                                   " padding: 1px 8px; }")
                chip.clicked.connect(lambda _=False, i=cid: self.review.citationRequested.emit(i))
            else:
                unknown.append(cid)
                chip.setToolTip(self.tr("{id} is not an evidence item or a chat message of this case").format(id=cid))
                chip.setStyleSheet(f"QToolButton {{ color: {BAD}; background: #fdecea; border-radius: 6px;"
                                   " padding: 1px 8px; text-decoration: line-through; }")
            self.chips_layout.addWidget(chip)
            self.chip_buttons[cid] = chip
        self.chips.updateGeometry()
        known_ids = [c for c, ok in state.citations if ok]
        if unknown:
            self.status.setText(self.tr("Unknown ids (not in this case): {ids}").format(ids=", ".join(unknown)))
            self.status.setStyleSheet(f"color: {BAD};")
        elif known_ids:
            self.status.setText(self.tr("Cited: {ids}").format(ids=", ".join(known_ids)))
            self.status.setStyleSheet(f"color: {OK};")
        else:
            self.status.setText(self.tr("No evidence item or chat message cited yet."))
            self.status.setStyleSheet(f"color: {WARN};")
