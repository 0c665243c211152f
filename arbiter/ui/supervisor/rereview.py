"""Blind re-review of one sampled verdict: the case (the revision the verdict was signed on) beside an empty
checklist; then both answers side by side, question by question, each difference typed and with a severity;
then approve, return with a note, or overturn (the supervisor's amendment, linked to the review)."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from arbiter.domain.checklist import decide
from arbiter.domain.qa import Comparison, compare_answers
from arbiter.ui import labels
from arbiter.ui.session import ReviewSession
from arbiter.ui.supervisor.inbox import reason_text
from arbiter.ui.supervisor.table_model import Index, RowsModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class BlindSession(ReviewSession):
    """A review session that starts empty, shows the case as the verdict's revision says, and never writes a
    draft (the reviewer's draft and answers are not loaded into it, and nothing is saved)."""

    def __init__(self, repo, case_pk: int, supervisor: str, case=None, parent=None):
        super().__init__(repo, case_pk, supervisor, parent)
        if case is not None:
            self.case = case
        self.answers = {}
        self.opened_evidence = set()
        self.chats_read = set()
        self.amendment_reason = None
        self.verdict = None  # the reviewer's verdict stays out of sight

    saves_drafts = False

    def flush(self, wait: bool = True, msecs: int = -1) -> bool:  # noqa: D102 - nothing is saved in a blind review
        self._timer.stop()
        self._dirty = False
        return True


def _show(question: str, value: Any) -> str:
    """An answer in words (the checklist's labels, ``ui/labels.py``); deadlines as their local date and time."""
    if question.startswith("deadline.") and isinstance(value, str) and len(value) >= 16:
        return value[:16].replace("T", " ")
    return labels.answer(question, value)


def column_title(section: int) -> str:
    titles = (translate("ComparisonModel", "Question"), translate("ComparisonModel", "Reviewer"),
              translate("ComparisonModel", "Supervisor"), translate("ComparisonModel", "Type"),
              translate("ComparisonModel", "Severity"))
    return titles[section] if 0 <= section < len(titles) else ""


class ComparisonModel(RowsModel):
    """The side by side, question by question: the question in words (never an internal id such as
    ``J1_platform_order`` or ``evidence.E9``), both answers in words, the difference's type and severity."""

    COLUMNS = ("question", "reviewer", "supervisor", "type", "severity")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._diffs: dict[str, Any] = {}

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._diffs = {d.question: d for d in comparison.differences} if comparison else {}
        if comparison is not None:  # differences first (those that change the outcome on top), then agreement
            def rank(row):
                diff = self._diffs.get(row[0])
                return (0 if diff and diff.changes_outcome else 1 if diff else 2)
            comparison = Comparison(tuple(sorted(comparison.rows, key=rank)), comparison.differences,
                                    comparison.outcome_differs)
        self.comparison = comparison
        self.set_rows(comparison.rows if comparison is not None else ())

    def column_title(self, section: int) -> str:
        return column_title(section)

    def text(self, row: int, column: int) -> str:
        question, reviewer, supervisor, _same = self.rows[row]
        diff = self._diffs.get(question)
        if column == 0:
            return labels.question(question)
        if column in (1, 2):
            return _show(question, reviewer if column == 1 else supervisor)
        if column == 3:
            return labels.difference_type(diff.type) if diff else ""
        return labels.severity(diff.severity if diff else None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        question = self.rows[index.row()][0]
        diff = self._diffs.get(question)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole and diff is not None:
            return QBrush(QColor("#f8d0cc") if diff.changes_outcome else QColor("#fbefc4"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 1, 2):
            return self.text(index.row(), index.column())
        return None


class ReReviewPage(QWidget):
    """``start(item)`` opens an inbox item blind; ``compare()`` shows the side by side; ``approve()``,
    ``return_verdict(note)``, ``overturn(reason)`` act. ``acted`` is emitted after each action."""

    acted = Signal(str)

    def __init__(self, db, repo, qa_store, supervisor: str, signer=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reReviewPage")
        self.db, self.repo, self.qa, self.supervisor, self.signer = db, repo, qa_store, supervisor, signer
        self.item = None
        self.session: BlindSession | None = None
        self.form = None
        self.comparison: Comparison | None = None
        self._reviewer_answers: dict | None = None
        self._reviewer_record: dict | None = None
        self._supervisor_record: dict | None = None

        self.title = QLabel(self)
        self.title.setObjectName("reReviewTitle")
        self.title.setWordWrap(True)
        self.splitter = QSplitter(self)
        self.left = QStackedWidget(self.splitter)
        self.right = QStackedWidget(self.splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.compare_page = QWidget(self)
        cl = QVBoxLayout(self.compare_page)
        self.summary = QLabel(self.compare_page)
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.model = ComparisonModel(self)
        self.table = QTableView(self.compare_page)
        self.table.setObjectName("comparisonTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((200, 110, 110, 110)):   # the question in words needs the room
            header.resizeSection(column, width)
        self.table.setWordWrap(False)
        self.note = QLineEdit(self.compare_page)
        self.note.setObjectName("qaNote")
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.compare_page)
        self.approve_button.setObjectName("approveButton")
        self.return_button = QPushButton(self.compare_page)
        self.return_button.setObjectName("returnButton")
        self.overturn_button = QPushButton(self.compare_page)
        self.overturn_button.setObjectName("overturnButton")
        for b in (self.approve_button, self.return_button, self.overturn_button):
            buttons.addWidget(b)
        self.approve_button.clicked.connect(lambda: self._guard(self.approve))
        self.return_button.clicked.connect(lambda: self._guard(lambda: self.return_verdict(self.note.text())))
        self.overturn_button.clicked.connect(lambda: self._guard(lambda: self.overturn(self.note.text())))
        cl.addWidget(self.summary)
        cl.addWidget(self.table, 1)
        cl.addWidget(self.note)
        cl.addLayout(buttons)

        self.compare_button = QPushButton(self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(lambda: self._guard(self.compare))

        self.error = QLabel(self)
        self.error.setObjectName("reReviewError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.last_error: Exception | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.compare_button)
        self._title: tuple = ("pick",)
        self.retranslate()

    def retranslate(self) -> None:
        """The page's texts, and an open blind form's (a language switch calls it again; the answers stay)."""
        self.note.setPlaceholderText(self.tr("Note to the reviewer (needed to return; the reason of an overturn)"))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return with note"))
        self.overturn_button.setText(self.tr("Overturn with my answers"))
        self.compare_button.setText(self.tr("Compare with the reviewer's answers"))
        self.model.retranslate()
        if self.form is not None:
            self.form.retranslate()
        self._show_title()
        if self.comparison is not None:
            self._show_summary()

    def _show_title(self) -> None:
        kind = self._title[0]
        if kind == "open":
            item = self._title[1]
            self.title.setText(self.tr("Blind re-review of %1 v%2 (selected: %3). Answer first; the reviewer's "
                                       "answers are shown after you compare.")
                               .replace("%1", item.case_id).replace("%2", str(item.version))
                               .replace("%3", reason_text(item.reason)))
        elif kind == "done":
            _, item, action = self._title
            self.title.setText(self.tr("%1 v%2: %3. Pick the next verdict in the inbox.")
                               .replace("%1", item.case_id).replace("%2", str(item.version))
                               .replace("%3", action_text(action)))
        else:
            self.title.setText(self.tr("Pick a verdict in the inbox to re-review it blind."))

    def _show_summary(self) -> None:
        n = len(self.comparison.differences)
        serious = sum(1 for d in self.comparison.differences if d.changes_outcome)
        self.summary.setText(self.tr("%1 differences, %2 of them change the outcome. Reviewer: %3; you: %4.")
                             .replace("%1", str(n)).replace("%2", str(serious))
                             .replace("%3", labels.outcome(self._reviewer_record.get("outcome")))
                             .replace("%4", labels.outcome(self._supervisor_record.get("outcome"))))

    # -- flow -------------------------------------------------------------------------------------------------
    def start(self, item) -> None:
        """Open ``item`` (an :class:`arbiter.store.qa.InboxItem`) blind."""
        from arbiter.ui.case_view import CaseView
        from arbiter.ui.supervisor.blind_form import BlindForm

        self._clear()
        self.item = item
        case = self.qa.case_for_verdict(item.verdict_id)
        self.session = BlindSession(self.repo, item.case_pk, self.supervisor, case=case, parent=self)
        view = CaseView(self.session)
        self.form = BlindForm(case, self.session.policy, self.supervisor)
        self.form.changed.connect(self._update_buttons)
        self.left.addWidget(view)
        self.right.addWidget(self.form)
        self.right.addWidget(self.compare_page)
        self.right.setCurrentWidget(self.form)
        self._title = ("open", item)
        self._show_title()
        self._update_buttons()

    def _clear(self) -> None:
        for stack in (self.left, self.right):
            while stack.count():
                widget = stack.widget(0)
                stack.removeWidget(widget)
                if widget is not self.compare_page:
                    widget.deleteLater()
        if self.session is not None:
            self.session.deleteLater()
        self.session, self.form, self.comparison = None, None, None
        self.model.set_comparison(None)
        self.note.clear()

    def _update_buttons(self) -> None:
        self.compare_button.setEnabled(self.form is not None and self.form.complete() and self.comparison is None)

    def compare(self) -> Comparison:
        if self.form is None or not self.form.complete():
            raise ValueError(self.tr("answer every question first"))
        verdict = self.qa.verdict(self.item.verdict_id)
        self._reviewer_record = verdict["record"]
        self._reviewer_answers = verdict.get("answers") or _answers_from_record(verdict["record"])
        mine = self.form.answers()
        case, policy = self.form.case, self.form.policy

        def outcome_of(answers):
            full = dict(answers)
            for key in ("reviewer", "decided_at"):  # bookkeeping, not a question: never a difference
                full[key] = full.get(key) or mine[key]
            record = decide(case, policy, full)
            remedy = record.get("remedy") or {}
            return record["outcome"], remedy.get("type"), remedy.get("amount")

        supervisor_record = decide(case, policy, mine)
        self.comparison = compare_answers(self._reviewer_answers, mine, outcome_of=outcome_of,
                                          reviewer_record=self._reviewer_record,
                                          supervisor_record=supervisor_record,
                                          questions=self.form.asked_questions())
        self.model.set_comparison(self.comparison)
        self._supervisor_record = supervisor_record
        self._show_summary()
        self.right.setCurrentWidget(self.compare_page)
        self.splitter.setSizes([self.width() * 2 // 5, self.width() * 3 // 5])  # room for the side by side
        self._update_buttons()
        return self.comparison

    def _differences(self) -> list[dict]:
        return [{"question": d.question, "type": d.type, "severity": d.severity,
                 "reviewer": _jsonable(d.reviewer), "supervisor": _jsonable(d.supervisor)}
                for d in (self.comparison.differences if self.comparison else ())]

    def _act(self, action: str, note: str = "", amendment_id: int | None = None) -> None:
        if self.comparison is None:
            raise ValueError(self.tr("compare first"))
        self.qa.review(self.item.verdict_id, self.supervisor, action, note=note,
                       answers=json.loads(json.dumps(self.form.answers(), default=str)),
                       differences=self._differences(), amendment_id=amendment_id, sample_id=self.item.sample_id,
                       signer=self.signer)
        done = self.item
        self._clear()
        self._title = ("done", done, action)
        self._show_title()
        self.compare_button.setEnabled(False)
        self.acted.emit(action)

    def approve(self) -> None:
        self._act("approve", self.note.text())

    def return_verdict(self, note: str) -> None:
        if not note.strip():
            raise ValueError(self.tr("write a note for the reviewer first"))
        self._act("return", note.strip())

    def overturn(self, reason: str) -> None:
        if not reason.strip():
            raise ValueError(self.tr("write the reason of the overturn first"))
        answers = self.form.answers()
        record = decide(self.form.case, self.form.policy, answers)
        amendment = self.qa.overturn_amendment(self.repo, self.item.case_pk, self.supervisor, reason.strip(),
                                               record, answers, self.session.progress(), self.signer)
        self._act("overturn", reason.strip(), amendment_id=amendment.id)

    def _guard(self, action) -> None:
        self.error.clear()
        self.last_error = None
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown in words beside the buttons, the page stays usable
            self.last_error = exc
            self.error.setText(self.tr("Not done: %1").replace("%1", str(exc)))


def action_text(action: str) -> str:
    names = {"approve": translate("ReReviewPage", "approved"), "return": translate("ReReviewPage", "returned"),
             "overturn": translate("ReReviewPage", "overturned")}
    return names.get(action, action)


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, (str, int, bool, type(None))) else str(value)


def _answers_from_record(record: dict) -> dict:
    """The reviewer's answers as far as the record says (a verdict stored without its answers)."""
    out: dict[str, Any] = {"finding": record.get("finding"), "problem": record.get("problem"),
                           "rationale": record.get("rationale")}
    remedy = record.get("remedy") or {}
    if remedy.get("type"):
        out["remedy"] = remedy["type"]
        out["amount"] = remedy.get("amount")
    gates = {g["id"]: g.get("passed") for g in record.get("jurisdiction") or () if not g.get("computed")}
    if gates:
        out["jurisdiction"] = gates
    status = {e: "admissible" for e in record.get("evidence_considered") or ()}
    status.update({e["id"]: e.get("reason") for e in record.get("evidence_excluded") or ()
                   if e.get("reason") in ("not_authentic", "not_relevant")})
    if status:
        out["evidence"] = status
    return out
