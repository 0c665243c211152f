"""The verdict checklist (shared/spec/checklist.md): the eight steps, the live preview, sign, amend and export.

Everything the panel shows comes from the session (the reviewer's answers and progress) and from the rules
(``ReviewSession.assessment()``); the panel holds no rules of its own. It writes answers only through
``ReviewSession.set_answer`` and asks for an evidence item or a chat message through
``ReviewSession.citationRequested``; it never touches the case view.

Neutrality: no choice is pre-selected (every question is a ``QButtonGroup`` with nothing checked on a fresh case),
both parties' evidence rows look and behave the same, and the questions use the same words for both parties.
"""
from __future__ import annotations

import html
import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRegularExpression, QSize, Qt, QThreadPool, QRunnable, QTimer, \
    Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from arbiter.domain.checklist import REFUNDING_REMEDIES
from arbiter.domain.revision2 import DAMAGE_EXTENT_OPTIONS, DAMAGE_EXTENT_QUESTION
from arbiter.domain.money import minor_unit
from arbiter.ui import labels
from arbiter.ui.amend_dialog import AmendDialog
from arbiter.ui.session import ReviewSession, local_now

NEXT_UNANSWERED_KEY = "F8"
SIGN_KEY = "Ctrl+Return"

_OK = "#1b5e20"
_WARN = "#8a3b00"
_BAD = "#b71c1c"
_MUTED = "#555555"


def ask_confirmation(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No question; tests replace it to answer without a modal dialog."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_amendment_reason(parent: QWidget, summary: str) -> str | None:
    """The amendment reason, or None when cancelled; tests replace it."""
    dialog = AmendDialog(summary, parent)
    if dialog.exec() == AmendDialog.DialogCode.Accepted:
        return dialog.reason()
    return None


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    """Where to write the buyer's notice (OUT.pdf); the seller's goes beside it. Tests replace it."""
    title = QCoreApplication.translate("ChecklistPanel", "Export decision notice")
    kinds = QCoreApplication.translate("ChecklistPanel", "PDF documents (*.pdf)")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    return path or None


class FlowLayout(QLayout):
    """Left-to-right layout that wraps, for the citation chips."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(x, y, hint.width(), hint.height()))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class _ExportJob(QRunnable):
    """Fallback when arbiter.ui.tasks is not available: write the notices on a pool thread."""

    class Signals(QObject):
        done = Signal(object)
        failed = Signal(object)

    def __init__(self, fn, *args):
        super().__init__()
        self.fn, self.args = fn, args
        self.signals = _ExportJob.Signals()

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except BaseException as exc:  # noqa: BLE001 - reported to the reviewer
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def _uncheck(group: QButtonGroup) -> None:
    if group.checkedButton() is None:
        return
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(True)


class _Choice:
    """A question answered by exactly one of several radio buttons; nothing checked until the reviewer clicks."""

    def __init__(self, panel: "ChecklistPanel", key: str, options: list[tuple[object, str]],
                 layout: QLayout, name: str):
        self.key = key
        self.group = QButtonGroup(panel)
        self.group.setExclusive(True)
        self.group.setObjectName(f"group:{name}")
        self.buttons: dict[object, QRadioButton] = {}
        self.values: dict[QAbstractButton, object] = {}
        for value, text in options:
            button = QRadioButton(text)
            button.setObjectName(f"choice:{name}:{value}")
            button.setChecked(False)
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[value] = button
            self.values[button] = value
        self.group.buttonClicked.connect(lambda b: panel._answer(self.key, self.values[b]))

    def sync(self, value) -> None:
        if value is None or value not in self.buttons:
            _uncheck(self.group)
        else:
            button = self.buttons[value]
            if not button.isChecked():
                button.setChecked(True)

    def first(self) -> QRadioButton | None:
        for button in self.buttons.values():
            if button.isEnabled():
                return button
        return None


class ChecklistPanel(QWidget):
    """The verdict checklist of one review session."""

    exportFinished = Signal(object)   # NoticePaths (buyer, seller)
    exportFailed = Signal(str)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self.session = session
        self._export_running = False
        self._refreshing = False
        self._keep_alive: list = []
        self.last_export: object = None
        self.last_export_error: str | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setObjectName("checklistBanner")
        self.banner.setWordWrap(True)
        self.banner.setMargin(6)
        outer.addWidget(self.banner)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("checklistScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        self.footer = QLabel()
        self.footer.setObjectName("checklistFooter")
        self.footer.setWordWrap(True)
        self.footer.setMargin(4)
        outer.addWidget(self.footer)

        self.next_shortcut = QShortcut(QKeySequence(NEXT_UNANSWERED_KEY), self)
        self.next_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.next_shortcut.activated.connect(self.focus_next_unanswered)
        self.sign_shortcut = QShortcut(QKeySequence(SIGN_KEY), self)
        self.sign_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.sign_shortcut.activated.connect(self.sign)

        self._build()
        session.changed.connect(self.refresh)
        session.signed.connect(lambda _row: self.refresh())
        self.refresh()

    # ================================================================== words
    def outcome_word(self, code: str | None) -> str:
        return {
            "declined": self.tr("Declined: the platform does not intervene"),
            "buyer_favoured": self.tr("In the buyer's favour"),
            "seller_favoured": self.tr("In the seller's favour"),
            "partial": self.tr("Partly in the buyer's favour (partial refund)"),
            None: self.tr("not yet derived"),
        }.get(code, str(code))

    def remedy_word(self, code: str | None) -> str:
        return {
            "refund_only": self.tr("Refund only"),
            "return_and_refund": self.tr("Return and refund"),
            "replacement": self.tr("Replacement"),
            "reship": self.tr("Reship"),
            "partial_refund": self.tr("Partial refund"),
            "none": self.tr("No remedy"),
        }.get(code, str(code))

    def problem_word(self, code: str) -> str:
        return {
            "wrong_item": self.tr("Wrong item (does not match the order)"),
            "serious_quality": self.tr("Serious quality problem"),
            "minor_quality": self.tr("Minor quality problem"),
            "damaged": self.tr("Damaged in transit"),
            "lost": self.tr("Lost in transit"),
            "counterfeit": self.tr("Counterfeit"),
            "not_as_described": self.tr("Not as described"),
            "missing_parts": self.tr("Missing parts"),
            "no_reason_return": self.tr("No-reason return"),
        }.get(code, code)

    def liability_word(self, code: str | None) -> str:
        return {
            "seller": self.tr("seller"),
            "shared": self.tr("shared between buyer and seller"),
            "carrier": self.tr("carrier (logistics provider)"),
            "buyer": self.tr("buyer (nobody at fault)"),
            None: self.tr("none"),
        }.get(code, str(code))

    def deadline_word(self, code: str) -> str:
        return {
            "seller_execute": self.tr("Seller carries out the decision"),
            "buyer_return_ship": self.tr("Buyer ships the return"),
            "seller_confirm_receipt": self.tr("Seller confirms receipt of the return"),
            "appeal_window": self.tr("Appeal window"),
            "seller_cod_refund": self.tr("Seller refunds cash on delivery"),
        }.get(code, code)

    def gate_question(self, gate_id: str) -> str:
        return {
            "J1_platform_order": self.tr("Were the goods bought on this platform?"),
            "J2_in_time": self.tr("Did the buyer apply for intervention within the deadline?"),
            "J3_not_settled": self.tr("Is the issue still unsettled between the parties?"),
            "J4_actual_consumer": self.tr("Is the buyer the actual consumer?"),
            "J5_valid_transaction": self.tr("Is the transaction valid?"),
            "J6_unresolved": self.tr("Is the after-sale issue still unresolved?"),
            "J7_no_legal_action": self.tr("Is the dispute free of legal proceedings?"),
            "J8_appeal_allowed": self.tr("Is a review allowed (not an appeal, or within the appeal limits)?"),
        }.get(gate_id, gate_id)

    # ================================================================== build
    def _section(self, layout: QVBoxLayout, number: int, title: str, name: str) -> QVBoxLayout:
        box = QGroupBox(f"{number}. {title}")
        box.setObjectName(f"step:{name}")
        inner = QVBoxLayout(box)
        layout.addWidget(box)
        self.sections[name] = box
        return inner

    def _build(self) -> None:
        """(Re)build the form from the session; called once and on a language change."""
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        s = self.session
        self.choices: dict[str, _Choice] = {}
        self.sections: dict[str, QGroupBox] = {}
        self.question_widgets: dict[str, QWidget] = {}   # question id -> widget to focus
        self.evidence_open_labels: dict[str, QLabel] = {}
        self.gate_facts: dict[str, QLabel] = {}
        self.locked_widgets: list[QWidget] = []
        assessment = s.assessment()
        lang = self._facts_language()

        form = QWidget()
        form.setObjectName("checklistForm")
        layout = QVBoxLayout(form)
        layout.setSpacing(10)

        # -- 1. Jurisdiction ------------------------------------------------------------------------------
        inner = self._section(layout, 1, self.tr("Jurisdiction: does the platform intervene?"), "jurisdiction")
        note = QLabel(self.tr("Any gate answered No ends the checklist: the case is declined and the parties may "
                              "pursue their rights through legal channels."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {_MUTED};")
        inner.addWidget(note)
        self.computed_gates: dict[str, object] = {}
        for gate in assessment.gates:
            gid = gate.id
            key = f"jurisdiction.{gid}"
            row_widget = QWidget()
            row_widget.setObjectName(f"gateRow:{gid}")
            rl = QVBoxLayout(row_widget)
            rl.setContentsMargins(0, 2, 0, 2)
            rl.setSpacing(2)
            label = QLabel(f"<b>{html.escape(gid.split('_', 1)[0])}</b> {html.escape(self.gate_question(gid))}")
            label.setWordWrap(True)
            rl.addWidget(label)
            buttons = QHBoxLayout()
            buttons.setContentsMargins(16, 0, 0, 0)
            choice = _Choice(self, key, [(True, self.tr("Yes")), (False, self.tr("No"))], buttons, gid)
            buttons.addStretch(1)
            rl.addLayout(buttons)
            self.choices[key] = choice
            self.question_widgets[key] = choice.buttons[True]
            if gate.computed:
                self.computed_gates[gid] = gate
                facts = QLabel()
                facts.setObjectName(f"facts:{gid}")
                facts.setWordWrap(True)
                facts.setContentsMargins(16, 0, 0, 0)
                facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                rl.addWidget(facts)
                self.gate_facts[gid] = facts
            inner.addWidget(row_widget)

        # -- 2. Evidence ----------------------------------------------------------------------------------
        inner = self._section(layout, 2, self.tr("Evidence admissibility"), "evidence")
        note = QLabel(self.tr("The buyer's first submission is the primary evidence and comes first. A "
                              "supplementary item counts only if the platform requested it."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {_MUTED};")
        inner.addWidget(note)
        if not assessment.evidence:
            inner.addWidget(QLabel(self.tr("The case has no evidence items.")))
        for status in assessment.evidence:
            inner.addWidget(self._evidence_row(status))

        # -- 3. Findings ----------------------------------------------------------------------------------
        inner = self._section(layout, 3, self.tr("Findings"), "findings")
        inner.addWidget(self._bold(self.tr("What does the admissible evidence show about the claim?")))
        row = QVBoxLayout()
        self.choices["finding"] = _Choice(self, "finding", [
            ("supported", self.tr("It supports the claim")),
            ("contradicted", self.tr("It contradicts the claim")),
            ("insufficient", self.tr("It does not establish the claimed problem")),
        ], row, "finding")
        inner.addLayout(row)
        self.question_widgets["finding"] = self.choices["finding"].buttons["supported"]
        self.problem_box = QWidget()
        pl = QGridLayout(self.problem_box)
        pl.setContentsMargins(16, 0, 0, 0)
        pl.addWidget(self._bold(self.tr("When it supports the claim: what is the problem?")), 0, 0)
        problem_codes = ["wrong_item", "serious_quality", "minor_quality", "damaged", "lost", "counterfeit",
                         "not_as_described", "missing_parts", "no_reason_return"]
        holder = QVBoxLayout()
        self.choices["problem"] = _Choice(self, "problem", [(c, self.problem_word(c)) for c in problem_codes],
                                          holder, "problem")
        for i, code in enumerate(problem_codes):
            button = self.choices["problem"].buttons[code]
            pl.addWidget(button, 1 + i, 0)
        self.question_widgets["problem"] = self.choices["problem"].buttons["wrong_item"]
        # rules revision 2: damage_extent with damaged (002); worded by the domain, shown only when asked
        lang = self._facts_language()
        self.damage_box = QWidget()
        self.damage_box.setObjectName("damageExtent")
        dl = QVBoxLayout(self.damage_box)
        dl.setContentsMargins(24, 0, 0, 0)
        self.damage_question = QLabel(DAMAGE_EXTENT_QUESTION[lang])
        self.damage_question.setWordWrap(True)
        dl.addWidget(self.damage_question)
        self.choices["damage_extent"] = _Choice(
            self, "damage_extent", [(c, DAMAGE_EXTENT_OPTIONS[c][lang]) for c in DAMAGE_EXTENT_OPTIONS], dl,
            "damage_extent")
        self.question_widgets["damage_extent"] = self.choices["damage_extent"].buttons["complete"]
        pl.addWidget(self.damage_box, 1 + len(problem_codes), 0)
        self.damage_box.setVisible(False)
        inner.addWidget(self.problem_box)
        conduct = QGroupBox(self.tr("Seller conduct (optional; printed only in the seller's notice)"))
        conduct.setObjectName("sellerConduct")
        cl = QGridLayout(conduct)
        for i, (code, text) in enumerate([
            ("replied_within_72h", self.tr("Did the seller reply within 72 hours?")),
            ("professional_language", self.tr("Did the seller use professional language?")),
            ("no_ads_or_links", self.tr("Did the seller avoid advertising and third-party links?")),
        ]):
            question = QLabel(text)
            question.setWordWrap(True)
            cl.addWidget(question, i, 0)
            buttons = QHBoxLayout()
            key = f"seller_conduct.{code}"
            self.choices[key] = _Choice(self, key, [(True, self.tr("Yes")), (False, self.tr("No"))], buttons, code)
            clear = QToolButton()
            clear.setText(self.tr("Clear"))
            clear.setObjectName(f"clear:{code}")
            clear.clicked.connect(lambda _=False, k=key: self._answer(k, None))
            buttons.addWidget(clear)
            holder = QWidget()
            holder.setLayout(buttons)
            cl.addWidget(holder, i, 1)
        cl.setColumnStretch(0, 1)
        inner.addWidget(conduct)

        # -- 4. Outcome -----------------------------------------------------------------------------------
        inner = self._section(layout, 4, self.tr("Outcome"), "outcome")
        self.derived_label = QLabel()
        self.derived_label.setObjectName("derivedOutcome")
        self.derived_label.setWordWrap(True)
        inner.addWidget(self.derived_label)
        self.override_check = QCheckBox(self.tr("Override the derived outcome"))
        self.override_check.setObjectName("overrideCheck")
        self.override_check.toggled.connect(self._override_toggled)
        inner.addWidget(self.override_check)
        self.override_box = QWidget()
        self.override_box.setObjectName("overrideBox")
        ol = QVBoxLayout(self.override_box)
        ol.setContentsMargins(16, 0, 0, 0)
        self.override_warning = QLabel(self.tr("An override needs a written justification and flags this "
                                               "verdict for supervisor review."))
        self.override_warning.setObjectName("overrideWarning")
        self.override_warning.setWordWrap(True)
        self.override_warning.setStyleSheet(f"color: {_WARN}; font-weight: 600;")
        ol.addWidget(self.override_warning)
        row = QVBoxLayout()
        self.choices["override.outcome"] = _Choice(self, "override.outcome", [
            (c, self.outcome_word(c)) for c in ("declined", "buyer_favoured", "seller_favoured", "partial")
        ], row, "override_outcome")
        ol.addLayout(row)
        ol.addWidget(QLabel(self.tr("Justification (required):")))
        self.justification_edit = QPlainTextEdit()
        self.justification_edit.setObjectName("overrideJustification")
        self.justification_edit.setFixedHeight(70)
        self.justification_edit.textChanged.connect(
            lambda: self._answer("override.justification", self.justification_edit.toPlainText() or "",
                                 text=True))
        ol.addWidget(self.justification_edit)
        self.question_widgets["override.justification"] = self.justification_edit
        inner.addWidget(self.override_box)

        # -- 5. Remedy ------------------------------------------------------------------------------------
        inner = self._section(layout, 5, self.tr("Remedy"), "remedy")
        self.remedy_hint = QLabel()
        self.remedy_hint.setObjectName("remedyHint")
        self.remedy_hint.setWordWrap(True)
        self.remedy_hint.setStyleSheet(f"color: {_MUTED};")
        inner.addWidget(self.remedy_hint)
        grid = QGridLayout()
        holder = QVBoxLayout()
        codes = ["refund_only", "return_and_refund", "replacement", "reship", "partial_refund", "none"]
        self.choices["remedy"] = _Choice(self, "remedy", [(c, self.remedy_word(c)) for c in codes], holder,
                                         "remedy")
        for i, code in enumerate(codes):
            grid.addWidget(self.choices["remedy"].buttons[code], i // 2, i % 2)
        inner.addLayout(grid)
        self.question_widgets["remedy"] = self.choices["remedy"].buttons["refund_only"]
        amount_row = QHBoxLayout()
        amount_label = QLabel(self.tr("Amount:"))
        amount_row.addWidget(amount_label)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setMaximumWidth(140)
        currency = s.case.order.currency
        places = minor_unit(currency)
        pattern = r"^[0-9]{0,12}$" if places == 0 else rf"^[0-9]{{0,12}}(\.[0-9]{{0,{places}}})?$"
        self.amount_edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.amount_edit))
        self._amount_placeholder = "0." + "0" * places if places else "0"
        self.amount_edit.textEdited.connect(lambda t: self._answer("amount", t.strip() or None))
        amount_label.setBuddy(self.amount_edit)
        amount_row.addWidget(self.amount_edit)
        self.paid_label = QLabel(self.tr("of {paid} {currency} paid").format(
            paid=s.case.order.total_paid, currency=currency))
        self.paid_label.setObjectName("paidLabel")
        amount_row.addWidget(self.paid_label)
        amount_row.addStretch(1)
        inner.addLayout(amount_row)
        self.amount_error = QLabel()
        self.amount_error.setObjectName("amountError")
        self.amount_error.setStyleSheet(f"color: {_BAD};")
        inner.addWidget(self.amount_error)
        self.question_widgets["amount"] = self.amount_edit

        # -- 6. Deadlines ---------------------------------------------------------------------------------
        inner = self._section(layout, 6, self.tr("Deadlines"), "deadlines")
        self.deadlines_label = QLabel()
        self.deadlines_label.setObjectName("deadlinesPreview")
        self.deadlines_label.setWordWrap(True)
        self.deadlines_label.setTextFormat(Qt.TextFormat.RichText)
        inner.addWidget(self.deadlines_label)

        # -- 7. Rationale ---------------------------------------------------------------------------------
        inner = self._section(layout, 7, self.tr("Rationale"), "rationale")
        hint = QLabel(self.tr("Explain the decision and cite at least one evidence item or chat message by its "
                              "id (for example E1, M4). Click a cited id to open it."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {_MUTED};")
        inner.addWidget(hint)
        self.rationale_edit = QPlainTextEdit()
        self.rationale_edit.setObjectName("rationaleEdit")
        self.rationale_edit.setMinimumHeight(90)
        self.rationale_edit.textChanged.connect(
            lambda: self._answer("rationale", self.rationale_edit.toPlainText() or None, text=True))
        inner.addWidget(self.rationale_edit)
        self.question_widgets["rationale"] = self.rationale_edit
        self.chips = QWidget()
        self.chips.setObjectName("citationChips")
        self.chips_layout = FlowLayout(self.chips)
        inner.addWidget(self.chips)
        self.citation_status = QLabel()
        self.citation_status.setObjectName("citationStatus")
        self.citation_status.setWordWrap(True)
        inner.addWidget(self.citation_status)
        self._chip_ids: list[tuple[str, bool]] | None = None

        # -- 8. Sign-off ----------------------------------------------------------------------------------
        inner = self._section(layout, 8, self.tr("Sign-off"), "signoff")
        rv = QHBoxLayout()
        reviewer_label = QLabel(self.tr("Reviewer:"))
        rv.addWidget(reviewer_label)
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setObjectName("reviewerEdit")
        self.reviewer_edit.setReadOnly(True)   # the signing identity (File > Identity), never free text
        reviewer_label.setBuddy(self.reviewer_edit)
        rv.addWidget(self.reviewer_edit, 1)
        inner.addLayout(rv)
        self.question_widgets["reviewer"] = self.reviewer_edit
        self.preview = QLabel()
        self.preview.setObjectName("signPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(8)
        inner.addWidget(self.preview)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingList")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        inner.addWidget(self.missing_label)
        buttons = QHBoxLayout()
        self.sign_button = QPushButton(self.tr("Sign verdict"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.setToolTip(self.tr("Sign and lock the verdict ({key})").format(
            key=QKeySequence(SIGN_KEY).toString(QKeySequence.SequenceFormat.NativeText)))
        self.sign_button.clicked.connect(self.sign)
        buttons.addWidget(self.sign_button)
        self.cancel_amend_button = QPushButton(self.tr("Discard amendment"))
        self.cancel_amend_button.setObjectName("cancelAmendButton")
        self.cancel_amend_button.clicked.connect(self._cancel_amendment)
        buttons.addWidget(self.cancel_amend_button)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.setObjectName("amendButton")
        self.amend_button.clicked.connect(self.amend)
        buttons.addWidget(self.amend_button)
        self.export_button = QPushButton(self.tr("Export notice…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(lambda: self.export_notice())
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        self.signed_label = QLabel()
        self.signed_label.setObjectName("signedSummary")
        self.signed_label.setWordWrap(True)
        self.signed_label.setTextFormat(Qt.TextFormat.RichText)
        self.signed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.signed_label)
        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.export_status)

        layout.addStretch(1)
        self.scroll.setWidget(form)
        self.form = form
        # inputs that a signed verdict locks (the sign-off buttons stay usable)
        for name in ("jurisdiction", "evidence", "findings", "outcome", "remedy"):
            self.locked_widgets.append(self.sections[name])
        self.locked_widgets += [self.rationale_edit, self.reviewer_edit]
        self._sync_texts()
        self._lang_at_build = lang

    def _bold(self, text: str) -> QLabel:
        label = QLabel(f"<b>{html.escape(text)}</b>")
        label.setWordWrap(True)
        return label

    def _evidence_row(self, status) -> QWidget:
        s = self.session
        item = s.case.evidence_by_id(status.id)
        frame = QFrame()
        frame.setObjectName(f"evidenceRow:{status.id}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QGridLayout(frame)
        party = s.party_word(status.party)
        title = f"<b>{html.escape(status.id)}</b> · {html.escape(party)}"
        if item is not None:
            title += f" · {html.escape(labels.evidence_kind(str(getattr(item.kind, 'value', item.kind))))}"
            title += " · " + html.escape(self.tr("submission {n}").format(n=item.submission))
        if status.primary:
            title += " · <i>" + html.escape(self.tr("primary evidence")) + "</i>"
        head = QLabel(title)
        head.setWordWrap(True)
        lay.addWidget(head, 0, 0)
        opened = QLabel()
        opened.setObjectName(f"opened:{status.id}")
        self.evidence_open_labels[status.id] = opened
        lay.addWidget(opened, 0, 1)
        open_button = QToolButton()
        open_button.setObjectName(f"open:{status.id}")
        open_button.setText(self.tr("Open"))
        open_button.setToolTip(self.tr("Show {id} in the case view").format(id=status.id))
        open_button.clicked.connect(lambda _=False, i=status.id: self.session.citationRequested.emit(i))
        lay.addWidget(open_button, 0, 2)
        if item is not None and item.description:
            desc = QLabel(html.escape(item.description))
            desc.setWordWrap(True)
            desc.setStyleSheet(f"color: {_MUTED};")
            lay.addWidget(desc, 1, 0, 1, 3)
        key = f"evidence.{status.id}"
        forced = status.forced_reason or (status.id in s.tampered and "tampered") or None
        if forced:
            if forced == "not_requested":
                text = self.tr("Excluded by rule: a supplementary item the platform did not request.")
            elif status.id in s.tampered or forced in ("tampered", "hash_mismatch", "not_authentic"):
                text = self.tr("Not authentic: the stored file no longer matches the hash recorded at import.")
            else:
                text = self.tr("Excluded by rule: {reason}").format(reason=forced)
            label = QLabel(text)
            label.setObjectName(f"forced:{status.id}")
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {_WARN};")
            lay.addWidget(label, 2, 0, 1, 3)
        else:
            row = QHBoxLayout()
            choice = _Choice(self, key, [("admissible", self.tr("Admissible")),
                                         ("not_authentic", self.tr("Not authentic")),
                                         ("not_relevant", self.tr("Not relevant"))], row, f"evidence_{status.id}")
            row.addStretch(1)
            self.choices[key] = choice
            self.question_widgets[key] = choice.buttons["admissible"]
            lay.addLayout(row, 2, 0, 1, 3)
        lay.setColumnStretch(0, 1)
        return frame

    def _facts_language(self) -> str:
        try:
            from arbiter.ui import i18n
            return "zh" if i18n.current_language().startswith("zh") else "en"
        except Exception:  # noqa: BLE001 - the shell's i18n may not be there (tests of the panel alone)
            return "en"

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "form"):
            value = self.scroll.verticalScrollBar().value()
            self._build()
            self.refresh()
            QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(value))
        super().changeEvent(event)

    # ================================================================== answers
    def _answer(self, key: str, value, text: bool = False) -> None:
        if self._refreshing or self.session.is_locked:
            return
        if key.startswith("override.") and not isinstance(self.session.answers.get("override"), dict):
            return
        self.session.set_answer(key, value)
        if key == "finding" and value != "supported":
            self.session.set_answer("problem", None)
        if (key == "finding" and value != "supported") or (key == "problem" and value != "damaged"):
            if self.session.answers.get("damage_extent") is not None:
                self.session.set_answer("damage_extent", None)
        if key in ("finding", "override.outcome", "remedy") or key.startswith("jurisdiction."):
            self._drop_inconsistent_remedy()

    def _drop_inconsistent_remedy(self) -> None:
        """A remedy the outcome no longer allows is withdrawn, and so is an amount that refunds nothing."""
        s = self.session
        remedy = s.answers.get("remedy")
        if remedy is not None and remedy not in self._allowed_remedies(s.assessment()):
            s.set_answer("remedy", None)
            remedy = None
        if s.answers.get("amount") is not None and remedy not in REFUNDING_REMEDIES:
            s.set_answer("amount", None)

    def _override_toggled(self, on: bool) -> None:
        if self._refreshing or self.session.is_locked:
            return
        if on:
            current = self.session.answers.get("override")
            if not isinstance(current, dict):
                self.session.set_answer("override", {"outcome": None, "justification": ""})
        else:
            self.session.set_answer("override", None)
        self._drop_inconsistent_remedy()

    def _effective_outcome(self, assessment) -> str | None:
        override = self.session.answers.get("override")
        if isinstance(override, dict) and override.get("outcome"):
            return override["outcome"]
        return assessment.derived_outcome

    def _allowed_remedies(self, assessment) -> set[str]:
        """The remedies the outcome allows (checklist.md step 5); empty while the outcome is still open."""
        override = self.session.answers.get("override")
        overridden = override.get("outcome") if isinstance(override, dict) else None
        outcome = overridden or assessment.derived_outcome
        if outcome in ("declined", "seller_favoured"):
            return {"none"}
        if overridden == "partial":
            return {"partial_refund"}
        if overridden == "buyer_favoured":
            return {"refund_only", "return_and_refund", "replacement", "reship"}
        if outcome in ("buyer_favoured", "partial"):  # derived: a partial refund makes it partial
            return {"refund_only", "return_and_refund", "replacement", "reship", "partial_refund"}
        return set()

    # ================================================================== refresh
    def refresh(self) -> None:
        """Bring every widget in line with the session's answers and what the rules derive from them."""
        if self._refreshing:
            return
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        s = self.session
        assessment = s.assessment()
        locked = s.is_locked
        answers = s.answers
        gates = {g.id: g for g in assessment.gates}
        lang = self._facts_language()

        # choices mirror the answers
        for key, choice in self.choices.items():
            choice.sync(s.answer(key))

        # computed gates: show the facts; the contrary answer is disabled
        for gid, facts_label in self.gate_facts.items():
            gate = gates.get(gid, self.computed_gates[gid])
            facts = gate.facts.get(lang) or gate.facts.get("en") or ""
            verdict = {True: self.tr("computed: passes"), False: self.tr("computed: fails"),
                       None: self.tr("computed: cannot be determined")}[gate.passed]
            colour = {True: _OK, False: _BAD, None: _WARN}[gate.passed]
            facts_label.setText(f"<span style='color:{colour}'>{html.escape(verdict)}</span> — "
                                f"{html.escape(facts)}")
            choice = self.choices[f"jurisdiction.{gid}"]
            for value, button in choice.buttons.items():
                contrary = gate.passed is not None and value != gate.passed
                button.setEnabled(not locked and not contrary)
                button.setToolTip(self.tr("The case facts decide this gate ({facts}); it cannot be answered "
                                          "against them.").format(facts=facts) if contrary else
                                  self.tr("Confirm the computed fact"))
        for gid, gate in gates.items():
            if gid not in self.gate_facts and f"jurisdiction.{gid}" in self.choices:
                for button in self.choices[f"jurisdiction.{gid}"].buttons.values():
                    button.setEnabled(not locked)

        # evidence: opened or not
        must_open = {st.id for st in s.must_open(assessment)}
        for eid, label in self.evidence_open_labels.items():
            if eid in s.opened_evidence:
                label.setText("✓ " + self.tr("opened"))
                label.setStyleSheet(f"color: {_OK};")
            elif eid in must_open:
                label.setText(self.tr("not opened yet"))
                label.setStyleSheet(f"color: {_WARN};")
            else:
                label.setText(self.tr("need not be opened"))
                label.setStyleSheet(f"color: {_MUTED};")

        # findings
        supported = answers.get("finding") == "supported"
        self.problem_box.setEnabled(supported and not locked)
        for button in self.choices["problem"].buttons.values():
            button.setEnabled(supported and not locked)
        asks_extent = bool(getattr(assessment, "asks_damage_extent", False))
        self.damage_box.setVisible(asks_extent)
        for button in self.choices["damage_extent"].buttons.values():
            button.setEnabled(asks_extent and not locked)

        # outcome and override
        derived = assessment.derived_outcome
        declined = derived == "declined"
        text = self.tr("Derived outcome: {outcome}").format(outcome=self.outcome_word(derived))
        if declined:
            reasons = [g.id.split("_", 1)[0] for g in assessment.gates if g.passed is False]
            if reasons:
                text += " — " + self.tr("failed gates: {gates}").format(gates=", ".join(reasons))
        self.derived_label.setText(f"<b>{html.escape(text)}</b>")
        override = answers.get("override")
        overriding = isinstance(override, dict)
        if self.override_check.isChecked() != overriding:
            self.override_check.setChecked(overriding)
        self.override_box.setVisible(overriding)
        # a supported finding derives buyer_favoured or partial (by the remedy): overriding to either is no override
        same_side = {"buyer_favoured", "partial"} if derived in ("buyer_favoured", "partial") else {derived}
        for value, button in self.choices["override.outcome"].buttons.items():
            same = value in same_side
            button.setEnabled(not locked and not same)
            button.setToolTip(self.tr("The rules already derive this; choose the remedy instead of overriding.")
                              if same else "")
        just = (override or {}).get("justification") or "" if overriding else ""
        if self.justification_edit.toPlainText() != just:
            self.justification_edit.setPlainText(just)
        self.override_check.setEnabled(not locked)

        # remedy
        allowed = self._allowed_remedies(assessment)
        for code, button in self.choices["remedy"].buttons.items():
            button.setEnabled(not locked and code in allowed)
        outcome = self._effective_outcome(assessment)
        if not allowed:
            self.remedy_hint.setText(self.tr("Answer the jurisdiction gates and the findings first: the remedy "
                                             "depends on the outcome."))
        elif allowed == {"none"}:
            self.remedy_hint.setText(self.tr("The outcome is {outcome}: no remedy.").format(
                outcome=self.outcome_word(outcome)))
        else:
            self.remedy_hint.setText(self.tr("Choose the remedy. The refund never exceeds what was paid."))
        remedy = answers.get("remedy")
        amount_text = answers.get("amount") or ""
        if self.amount_edit.text() != str(amount_text):
            self.amount_edit.setText(str(amount_text))
        self.amount_edit.setEnabled(not locked and remedy in REFUNDING_REMEDIES)
        if remedy in REFUNDING_REMEDIES:
            self.amount_edit.setPlaceholderText(self._amount_placeholder)
        else:
            self.amount_edit.setPlaceholderText(self.tr("no refund for this remedy"))
        problem = s.amount_problem()
        amount_errors = [e for e in assessment.errors if getattr(e, "field", "") == "amount"]
        if problem is None and amount_errors:
            problem = getattr(amount_errors[0], "message", str(amount_errors[0]))
        self.amount_error.setText(problem or "")
        self.amount_error.setVisible(bool(problem))
        self.amount_edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {_BAD}; }}" if problem else "")

        # rationale
        rationale = answers.get("rationale") or ""
        if self.rationale_edit.toPlainText() != rationale:
            self.rationale_edit.setPlainText(rationale)
        self._refresh_chips()

        # reviewer
        reviewer = (answers.get("reviewer") if s.is_locked else None) or s.reviewer
        if self.reviewer_edit.text() != reviewer:
            self.reviewer_edit.setText(reviewer)

        for widget in self.locked_widgets:
            if widget in (self.sections.get("jurisdiction"), self.sections.get("evidence"),
                          self.sections.get("findings"), self.sections.get("outcome"),
                          self.sections.get("remedy")):
                continue  # these keep their buttons' own enabled state; read-only handled per control
            widget.setEnabled(not locked) if not isinstance(widget, QPlainTextEdit) else None
        self.rationale_edit.setReadOnly(locked)
        self.justification_edit.setReadOnly(locked)
        self.reviewer_edit.setReadOnly(True)
        for key, choice in self.choices.items():
            if locked:
                for button in choice.buttons.values():
                    button.setEnabled(False)
            elif key.startswith("evidence.") or key.startswith("seller_conduct.") or key == "finding":
                for button in choice.buttons.values():
                    button.setEnabled(True)
            elif key.startswith("jurisdiction.") and key.split(".", 1)[1] not in self.gate_facts:
                for button in choice.buttons.values():
                    button.setEnabled(True)
        for clear in self.form.findChildren(QToolButton):
            if clear.objectName().startswith("clear:"):
                clear.setEnabled(not locked)

        # preview, deadlines, blockers, sign-off state
        record = s.verdict_record if locked else s.preview_record(assessment)
        self._refresh_preview(assessment, record)
        blockers = s.sign_blockers(assessment)
        self.blockers = blockers
        self.sign_button.setEnabled(not locked and not blockers)
        self.sign_shortcut.setEnabled(not locked)
        self.sign_button.setVisible(not locked)
        self.sign_button.setText(self.tr("Sign amendment") if s.is_amending else self.tr("Sign verdict"))
        self.cancel_amend_button.setVisible(s.is_amending)
        self.amend_button.setVisible(locked)
        self.export_button.setVisible(s.is_signed)
        hold = s.export_hold() if locked and hasattr(s, "export_hold") else None  # the supervisor's notice gate
        self.export_button.setEnabled(s.is_signed and not self._export_running and locked and not hold)
        self.export_button.setToolTip(hold or "")
        if hold and not self._export_running:
            self.export_status.setText(self.tr("Notice held: %1").replace("%1", hold))
            self.export_status.setStyleSheet(f"color: {_WARN};")
        elif not hold and self.export_status.text().startswith(self.tr("Notice held: %1").split("%1")[0]):
            self.export_status.clear()
        if locked:
            self.missing_label.setText("")
            self.missing_label.setVisible(False)
        elif blockers:
            items = "".join(f"<li>{html.escape(b, quote=False)}</li>" for b in blockers)
            self.missing_label.setText(
                f"<b style='color:{_WARN}'>" + html.escape(self.tr("Still missing before signing ({n}):").format(
                    n=len(blockers))) + f"</b><ul style='margin-top:2px'>{items}</ul>")
            self.missing_label.setVisible(True)
        else:
            self.missing_label.setText(f"<b style='color:{_OK}'>"
                                       + html.escape(self.tr("Nothing is missing: the verdict can be signed."))
                                       + "</b>")
            self.missing_label.setVisible(True)
        self._refresh_banner(locked, blockers)
        self._refresh_signed(locked)

    def _refresh_chips(self) -> None:
        cites = self.session.citations()
        if cites == self._chip_ids:
            return
        self._chip_ids = cites
        while self.chips_layout.count():
            item = self.chips_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.chip_buttons: dict[str, QToolButton] = {}
        unknown = []
        for cid, known in cites:
            chip = QToolButton(self.chips)
            chip.setObjectName(f"cite:{cid}")
            chip.setText(cid if known else f"{cid} ?")
            chip.setAutoRaise(False)
            if known:
                chip.setToolTip(self.tr("Open {id}").format(id=cid))
                chip.setStyleSheet("QToolButton { color: #0d47a1; background: #e3f2fd; border-radius: 6px;"
                                   " padding: 1px 8px; }")
                chip.clicked.connect(lambda _=False, i=cid: self.session.citationRequested.emit(i))
            else:
                unknown.append(cid)
                chip.setToolTip(self.tr("{id} is not an evidence item or a chat message of this case").format(
                    id=cid))
                chip.setStyleSheet(f"QToolButton {{ color: {_BAD}; background: #fdecea; border-radius: 6px;"
                                   " padding: 1px 8px; text-decoration: line-through; }")
            self.chips_layout.addWidget(chip)
            self.chip_buttons[cid] = chip
        self.chips.updateGeometry()
        known = [c for c, ok in cites if ok]
        if unknown:
            self.citation_status.setText(self.tr("Unknown ids (not in this case): {ids}").format(
                ids=", ".join(unknown)))
            self.citation_status.setStyleSheet(f"color: {_BAD};")
        elif known:
            self.citation_status.setText(self.tr("Cited: {ids}").format(ids=", ".join(known)))
            self.citation_status.setStyleSheet(f"color: {_OK};")
        else:
            self.citation_status.setText(self.tr("No evidence item or chat message cited yet."))
            self.citation_status.setStyleSheet(f"color: {_WARN};")

    def _format_due(self, due: str | None, zone: str) -> str:
        if not due:
            return ""
        try:
            when = datetime.fromisoformat(due)
        except ValueError:
            return due
        return f"{when.strftime('%Y-%m-%d %H:%M')} ({zone}, UTC{when.strftime('%z')[:3]}:{when.strftime('%z')[3:]})"

    def _refresh_preview(self, assessment, record: dict | None) -> None:
        s = self.session
        esc = html.escape
        policy_id = getattr(s.policy, "id", "?")
        policy_version = getattr(s.policy, "version", "?")
        rows: list[tuple[str, str]] = []
        if record is None:
            outcome = assessment.outcome or assessment.derived_outcome
            rows.append((self.tr("Outcome"), self.outcome_word(outcome)))
            remedy = s.answers.get("remedy")
            rows.append((self.tr("Remedy"), self.remedy_word(remedy) if remedy else self.tr("not chosen yet")))
            rows.append((self.tr("Liability"), self.tr("derived once the answers are complete")))
            deadlines_html = esc(self.tr("The deadlines are derived once every question is answered."))
            zone = ""
        else:
            zone = record.get("time_zone") or ""
            outcome = record.get("outcome")
            text = self.outcome_word(outcome)
            if record.get("flagged_for_supervisor"):
                text += " — " + self.tr("overridden (derived: {derived}); flagged for supervisor review").format(
                    derived=self.outcome_word(record.get("derived_outcome")))
            rows.append((self.tr("Outcome"), text))
            remedy = record.get("remedy") or {}
            rtext = self.remedy_word(remedy.get("type"))
            if remedy.get("type") not in (None, "none"):
                rtext += f", {remedy.get('amount')} {remedy.get('currency')}"
                if remedy.get("return_required"):
                    rtext += ", " + self.tr("return required")
                elif remedy.get("return_exemption"):
                    why = remedy["return_exemption"]
                    rtext += ", " + self.tr("no return required ({why})").format(
                        why=self.problem_word(why) if why != "custom_made" else self.tr("custom-made item"))
                route = remedy.get("refund_route")
                if route:
                    rtext += ", " + {"original_payment": self.tr("refunded to the original payment method"),
                                     "cod_seller_refund": self.tr("cash on delivery: the seller refunds and uploads "
                                                                  "proof")}.get(route, route)
                if remedy.get("shipping_borne_by"):
                    rtext += ", " + self.tr("shipping borne by {party}").format(
                        party=s.party_word(remedy["shipping_borne_by"]))
            rows.append((self.tr("Remedy"), rtext))
            rows.append((self.tr("Liability"), self.liability_word(record.get("liability"))))
            items = []
            for d in record.get("deadlines") or []:
                due = self._format_due(d.get("due"), zone)
                what = f"<b>{esc(self.deadline_word(d.get('id', '')))}</b> ({esc(s.party_word(d.get('party')))})"
                items.append(f"<li>{what}: {esc(due) if due else esc(d.get('rule') or '')}</li>")
            deadlines_html = (f"<ul>{''.join(items)}</ul>" if items
                              else esc(self.tr("No deadlines apply to this outcome.")))
        if assessment.sea_qualifies:
            rows.append((self.tr("South-East Asia"), self.tr("qualifies for automatic refund without return")))
        rows.append((self.tr("Policy"), f"{policy_id} {policy_version}"))
        zone = zone or getattr(assessment, "time_zone", "")
        table = "".join(f"<tr><td style='padding-right:10px'><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>"
                        for k, v in rows)
        title = self.tr("Signed verdict") if s.is_locked else self.tr("Preview (not signed)")
        self.preview.setText(f"<b>{esc(title)}</b><table>{table}</table>"
                             f"<b>{esc(self.tr('Deadlines ({zone})').format(zone=zone))}</b><br>"
                             f"{deadlines_html}")
        self.deadlines_label.setText(
            esc(self.tr("Counted from the decision, in the parties' time zone ({zone}):").format(zone=zone))
            + "<br>" + deadlines_html)

    def _refresh_banner(self, locked: bool, blockers: list[str]) -> None:
        s = self.session
        if locked:
            text, colour, bg = self.tr("Signed: this verdict is locked. Changing it needs an amendment."), _OK, \
                "#e8f5e9"
        elif s.is_amending:
            text = self.tr("Amending the signed verdict. Reason: {reason}").format(reason=s.amendment_reason)
            colour, bg = _WARN, "#fff0e0"
        else:
            text, colour, bg = self.tr("Draft: answers are saved as you go."), "#0d47a1", "#e3f2fd"
        if isinstance(s.answers.get("override"), dict) and not locked:
            text += " " + self.tr("Override in use: the verdict will be flagged for supervisor review.")
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ color: {colour}; background: {bg}; font-weight: 600; }}")
        if locked:
            self.footer.setText("")
            self.footer.setVisible(False)
        else:
            self.footer.setVisible(True)
            key = QKeySequence(NEXT_UNANSWERED_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            sign = QKeySequence(SIGN_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            if blockers:
                self.footer.setText(self.tr("{n} still missing. {key}: next unanswered question.").format(
                    n=len(blockers), key=key))
            else:
                self.footer.setText(self.tr("Ready to sign ({key}).").format(key=sign))

    def _refresh_signed(self, locked: bool) -> None:
        s = self.session
        row = s.verdict
        if row is None:
            self.signed_label.setVisible(False)
            return
        record = s.verdict_record or {}
        reviewer = getattr(row, "reviewer", None) or record.get("reviewer", "")
        signed_at = getattr(row, "signed_at", None) or getattr(row, "created_at", None) or record.get("decided_at")
        if isinstance(signed_at, datetime):
            signed_at = signed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
        fp = getattr(row, "fingerprint", None)
        if not fp:
            from arbiter.domain.decision import fingerprint
            fp = fingerprint(record)
        policy = record.get("policy") or {}
        esc = html.escape
        lines = [self.tr("Signed by {reviewer} at {at}").format(reviewer=reviewer, at=signed_at),
                 self.tr("Policy {id} version {version}").format(id=policy.get("id"), version=policy.get("version")),
                 self.tr("Decision fingerprint: {fp}").format(fp=fp)]
        kind = getattr(row, "kind", None)
        reason = getattr(row, "reason", None) or getattr(row, "amendment_reason", None)
        if reason or kind == "amendment":
            lines.append(self.tr("Amendment; reason: {reason}").format(reason=reason or ""))
        if record.get("flagged_for_supervisor"):
            lines.append(self.tr("Flagged for supervisor review (outcome overridden)."))
        prefix = "" if locked else esc(self.tr("Currently signed verdict (being amended):")) + "<br>"
        self.signed_label.setText(prefix + "<br>".join(esc(line) for line in lines))
        self.signed_label.setVisible(True)

    def _sync_texts(self) -> None:
        pass

    # ================================================================== keyboard
    def focus_next_unanswered(self) -> QWidget | None:
        """Scroll to and focus the first question still unanswered (F8). Returns the widget focused."""
        s = self.session
        if s.is_locked:
            return None
        assessment = s.assessment()
        candidates = [q for q in assessment.missing if q not in ("decided_at",)]
        candidates += [getattr(e, "field", "") for e in assessment.errors]
        if s.amount_problem():
            candidates.append("amount")
        for gid in self.gate_facts:
            if s.answer(f"jurisdiction.{gid}") is None:
                candidates.append(f"jurisdiction.{gid}")
        order = list(self.question_widgets)
        candidates = sorted(set(candidates), key=lambda q: order.index(q) if q in order else len(order))
        for qid in candidates:
            widget = self.question_widgets.get(qid)
            if qid.startswith("override"):
                widget = self.justification_edit
            if widget is None:
                continue
            if isinstance(widget, QRadioButton):
                choice = next((c for c in self.choices.values() if widget in c.values), None)
                widget = (choice.first() if choice else None) or widget
            self.scroll.ensureWidgetVisible(widget, 40, 80)
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return widget
        # nothing unanswered: go to the sign-off
        self.scroll.ensureWidgetVisible(self.sign_button)
        self.sign_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return self.sign_button

    # ================================================================== sign, amend, export
    def sign(self) -> bool:
        s = self.session
        if s.is_locked:
            return False
        s.flush()
        blockers = s.sign_blockers()
        if blockers:
            self.focus_next_unanswered()
            return False
        what = self.tr("Sign this amendment?") if s.is_amending else self.tr("Sign this verdict?")
        text = what + "\n\n" + self.tr("Signing locks the verdict under policy {policy} {version}; a later "
                                       "change is an amendment with its own reason.").format(
            policy=getattr(s.policy, "id", ""), version=getattr(s.policy, "version", ""))
        if not ask_confirmation(self, self.tr("Sign verdict"), text):
            return False
        try:
            s.sign(local_now())
        except Exception as exc:  # noqa: BLE001 - the reviewer is told, in plain words
            QMessageBox.warning(self, self.tr("Not signed"),
                                self.tr("The verdict was not signed: {error}").format(error=exc))
            return False
        self.refresh()
        return True

    def amend(self) -> bool:
        s = self.session
        if not s.is_locked:
            return False
        reason = ask_amendment_reason(self, self.signed_label.text().replace("<br>", "\n"))
        if not reason:
            return False
        s.begin_amendment(reason)
        self.refresh()
        self.focus_next_unanswered()
        return True

    def _cancel_amendment(self) -> None:
        if ask_confirmation(self, self.tr("Discard amendment"),
                            self.tr("Discard the amendment? The signed verdict stays as it is.")):
            self.session.cancel_amendment()
            self.refresh()

    def export_notice(self, path: str | None = None) -> bool:
        """Write OUT.pdf (buyer) and OUT.seller.pdf (seller) off the GUI thread."""
        s = self.session
        record = s.verdict_record
        if record is None or self._export_running:
            return False
        hold = s.export_hold() if hasattr(s, "export_hold") else None
        if hold:  # a flagged verdict or an amendment waits for a supervisor's approval
            self.export_status.setText(self.tr("Notice held: %1").replace("%1", hold))
            self.export_status.setStyleSheet(f"color: {_WARN};")
            return False
        if path is None:
            path = ask_export_path(self, f"{s.case.case_id}.pdf")
            if not path:
                return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from arbiter.notice_export import export_signed_notice  # verified, the signed revision, audited

        self._export_running = True
        self.export_button.setEnabled(False)
        self.export_status.setText(self.tr("Writing the notices…"))
        self.export_status.setStyleSheet(f"color: {_MUTED};")
        args = (s.repo, s.case_pk, s.reviewer, Path(path))
        try:
            from arbiter.ui import tasks
        except ImportError:
            tasks = None
        if tasks is not None and hasattr(tasks, "run"):
            task = tasks.run(export_signed_notice, *args, writes=True, name="export notice")
            task.finished.connect(self._export_done)
            task.failed.connect(self._export_error)
            self._keep_alive.append(task)
        else:
            job = _ExportJob(export_signed_notice, *args)
            job.signals.done.connect(self._export_done)
            job.signals.failed.connect(self._export_error)
            self._keep_alive.append(job.signals)
            QThreadPool.globalInstance().start(job)
        return True

    def _export_done(self, paths) -> None:
        self._export_running = False
        self._keep_alive.clear()
        self.last_export = paths
        self.last_export_error = None
        buyer = getattr(paths, "buyer", None)
        seller = getattr(paths, "seller", None)
        self.export_status.setText(self.tr("Notices written:\nbuyer: {buyer}\nseller: {seller}").format(
            buyer=buyer, seller=seller))
        self.export_status.setStyleSheet(f"color: {_OK};")
        self.refresh()
        self.exportFinished.emit(paths)

    def _export_error(self, exc) -> None:
        self._export_running = False
        self._keep_alive.clear()
        message = str(exc) or type(exc).__name__
        if isinstance(exc, OSError) and getattr(exc, "strerror", None):
            message = f"{exc.strerror}: {getattr(exc, 'filename', '') or ''}".rstrip(": ")
        self.last_export_error = message
        self.export_status.setText(self.tr("The notices could not be written: {error}").format(error=message))
        self.export_status.setStyleSheet(f"color: {_BAD};")
        self.refresh()
        self.exportFailed.emit(message)

    # ================================================================== lifecycle
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.session.flush()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.session.flush()
        super().hideEvent(event)
