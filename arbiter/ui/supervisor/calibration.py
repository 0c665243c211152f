"""The Calibration room of the supervisor's desk (issue 12, part 6): the gold cases, the agreement of reviewers
with the gold answers per checklist question (raw agreement, Cohen's kappa of each reviewer against gold, Fleiss'
kappa across reviewers), and the gold items where reviewers split, the most common confusion first. The same
figures as ``arbiter qa calibration``; the same CSV as ``--csv``.
"""
from __future__ import annotations

import csv
import io

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from arbiter.ui import labels
from arbiter.ui.supervisor.table_model import Index, RowsModel

translate = QCoreApplication.translate


def question_text(question: str) -> str:
    if question == "evidence":
        return translate("Calibration", "Evidence admissibility")
    if question == "outcome":
        return translate("Calibration", "Outcome (decision record)")
    conduct = {"seller_conduct.replied_within_72h": translate("Calibration", "Seller conduct: replied within 72 h"),
               "seller_conduct.professional_language": translate("Calibration", "Seller conduct: professional "
                                                                                 "language"),
               "seller_conduct.no_ads_or_links": translate("Calibration", "Seller conduct: no ads or links")}
    return conduct.get(question) or labels.question(question)


def answer_text(question: str, value: str) -> str:
    """An answer as the report's label (``serious_quality``, ``yes``, ``—``) in words."""
    if value == "—":
        return translate("Calibration", "not answered")
    if value in ("yes", "no"):
        return translate("Calibration", "yes") if value == "yes" else translate("Calibration", "no")
    head = question.split(".", 1)[0]
    if head == "evidence":
        return {"admissible": translate("Calibration", "admissible"),
                "not_authentic": translate("Calibration", "not authentic"),
                "not_relevant": translate("Calibration", "not relevant")}.get(value, value)
    if question == "finding":
        return {"supported": translate("Calibration", "supports the claim"),
                "contradicted": translate("Calibration", "contradicts the claim"),
                "insufficient": translate("Calibration", "does not establish it")}.get(value, value)
    if question == "problem":
        return labels.problem(value)
    if question == "remedy":
        return labels.remedy(value)
    if question in ("outcome", "override.outcome"):
        return labels.outcome(value)
    if question == "damage_extent":
        return labels.damage_extent(value)
    return value


def _pair(name: str, value: str) -> str:
    """``name: value`` with the interface language's colon."""
    return translate("Calibration", "%1: %2").replace("%1", name, 1).replace("%2", value, 1)


def _LIST() -> str:  # noqa: N802 - reads as the constant it stands for
    """Between the items of a list in a sentence: ``; `` in English, ``；`` in Chinese."""
    return translate("Calibration", "; ")


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _tone(kappa: float | None) -> QBrush | None:
    """Landis and Koch's bands, roughly: below 0.4 is a split worth a calibration session."""
    if kappa is None:
        return None
    if kappa < 0.4:
        return QBrush(QColor("#fdecea"))
    if kappa < 0.6:
        return QBrush(QColor("#fff4d6"))
    return QBrush(QColor("#e8f5e9"))


class _Table(RowsModel):
    """A read-only table of rows (tuples of display text) under headers given with them; per cell an optional
    background."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers: list[str] = []
        self.backgrounds: dict[tuple[int, int], QBrush] = {}

    def set_rows(self, headers: list[str], rows: list[tuple], backgrounds: dict | None = None) -> None:  # noqa: D102
        self.headers, self.backgrounds = headers, backgrounds or {}
        super().set_rows(rows)

    def column_title(self, section: int) -> str:
        return self.headers[section] if 0 <= section < len(self.headers) else ""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(self.rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.backgrounds.get((index.row(), index.column()))
        return None


def _table(model, parent, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class CalibrationPage(QWidget):
    def __init__(self, db, supervisor: str, repo=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calibrationPage")
        from arbiter.store.gold import GoldStore

        self.db, self.repo, self.supervisor = db, repo, supervisor
        self.store = GoldStore(db)
        self.report = None
        self.gold, self._answered = [], []
        self._notice: str | None = None    # a one-off message in the summary line ("choose a gold case first")
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.mark_button = QPushButton(self)
        self.mark_button.setObjectName("markGold")
        self.mark_button.clicked.connect(self.mark_gold)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setObjectName("withdrawGold")
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("calibrationCsv")
        self.csv_button.clicked.connect(self._save_csv)
        self.summary = QLabel(self)
        self.summary.setObjectName("calibrationSummary")
        self.summary.setWordWrap(True)

        self.gold_model, self.question_model, self.split_model = _Table(self), _Table(self), _Table(self)
        self.gold_table = _table(self.gold_model, self, "goldTable")
        self.question_table = _table(self.question_model, self, "agreementTable")
        self.split_table = _table(self.split_model, self, "splitTable")
        self.gold_title, self.question_title, self.split_title = QLabel(self), QLabel(self), QLabel(self)
        for title in (self.gold_title, self.question_title, self.split_title):
            title.setStyleSheet("font-weight: 600;")

        def boxed(title, table) -> QWidget:
            box = QWidget(self)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(title)
            lay.addWidget(table, 1)
            return box

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(boxed(self.question_title, self.question_table))
        right.addWidget(boxed(self.split_title, self.split_table))
        right.setSizes([360, 280])
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(boxed(self.gold_title, self.gold_table))
        main.addWidget(right)
        main.setStretchFactor(1, 3)
        main.setSizes([330, 1000])
        top = QHBoxLayout()
        top.addWidget(self.explain, 1)
        for button in (self.mark_button, self.withdraw_button, self.refresh_button, self.csv_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(main, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Calibration")

    def retranslate(self) -> None:
        """Every text of the room in the interface language, from the figures already read (a language switch
        calls it; nothing is read again)."""
        self.explain.setText(self.tr(
            "Gold cases have a known answer. Reviewers get them like any other case; they never issue a notice and "
            "do not count in the scorecards. Agreement with gold per question; κ below 0.4 (red) is where the team "
            "splits."))
        self.mark_button.setText(self.tr("Mark gold case…"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.csv_button.setText(self.tr("Export CSV…"))
        if self.report is not None:
            self._show(selected=self.selected_gold())

    # -- data --------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        from arbiter.domain.calibration import GoldAnswers, calibration_report

        answered = self.store.answered()
        self._answered = answered
        self.gold = [g for g, _ in answered]
        self.report = calibration_report(GoldAnswers(g.case_id, g.answers, g.record, by) for g, by in answered)
        self._notice = None
        self.retranslate()

    def _show(self, selected=None) -> None:
        """The tables and the summary, in words, from ``self.report``; ``selected``: the gold case to select."""
        answered, r = self._answered, self.report
        self.gold_title.setText(self.tr("Gold cases (%1)").replace("%1", str(len(self.gold))))
        self.gold_model.set_rows(
            [self.tr("Case"), self.tr("Gold outcome"), self.tr("Answered by"), self.tr("Marked by")],
            [(g.case_id, labels.outcome(g.record.get("outcome")), ", ".join(sorted(by)) or "—", g.created_by)
             for g, by in answered])
        self.question_title.setText(self.tr("Agreement with gold, per question"))
        headers = [self.tr("Question"), self.tr("Answers"), self.tr("Agreement"), self.tr("Fleiss κ (reviewers)")]
        headers += [self.tr("%1\nagreement / κ").replace("%1", who) for who in r.reviewers]
        rows, tones = [], {}
        for i, q in enumerate(r.questions):
            per = {a.reviewer: a for a in q.reviewers}
            row = [question_text(q.question), q.items, _pct(q.agreement), _num(q.fleiss)]
            tone = _tone(q.fleiss)
            if tone is not None:
                tones[(i, 3)] = tone
            for j, who in enumerate(r.reviewers):
                a = per.get(who)
                row.append("—" if a is None else f"{_pct(a.agreement)} / {_num(a.kappa)}")
                tone = _tone(a.kappa if a is not None else None)
                if tone is not None:
                    tones[(i, 4 + j)] = tone
            rows.append(tuple(row))
        self.question_model.set_rows(headers, rows, tones)
        self.split_title.setText(self.tr("Where reviewers split (%1 items)").replace("%1", str(len(r.splits))))
        self.split_model.set_rows(
            [self.tr("Case"), self.tr("Question"), self.tr("Gold answer"), self.tr("Reviewers' answers")],
            [(s.case_id, question_text(s.key), answer_text(s.question, s.gold),
              _LIST().join(_pair(answer_text(s.question, lab), ", ".join(who)) for lab, who in s.answers))
             for s in r.splits])
        text = self.tr("%1 gold cases (%2 answered), %3 reviewers, %4 answers compared.").replace(
            "%1", str(r.gold_cases)).replace("%2", str(r.answered_cases)).replace(
            "%3", str(len(r.reviewers))).replace("%4", str(r.answers))
        if r.confusions:
            top = r.confusions[:3]
            text += " " + self.tr("Most common: %1.").replace("%1", _LIST().join(
                _pair(question_text(c.question), f"{answer_text(c.question, c.gold)} → "
                      f"{answer_text(c.question, c.answered)} ×{c.count} ({', '.join(c.reviewers)})") for c in top))
        self.summary.setText(text if self._notice is None else self._notice)
        if selected is not None and selected in self.gold:
            self.gold_table.selectRow(self.gold.index(selected))

    def selected_gold(self):
        rows = self.gold_table.selectionModel().selectedRows() if self.gold_table.selectionModel() else []
        return self.gold[rows[0].row()] if rows and rows[0].row() < len(self.gold) else None

    # -- actions -----------------------------------------------------------------------------------------------
    def mark_gold(self) -> None:
        from arbiter.ui.supervisor.gold_dialog import GoldDialog

        dialog = GoldDialog(self.db, self.repo, self.supervisor, self)
        if dialog.exec():
            self.refresh()

    def withdraw_selected(self) -> None:
        from arbiter.store.gold import GoldError

        gold = self.selected_gold()
        if gold is None:
            self._notice = self.tr("Choose a gold case in the list first.")
            self.summary.setText(self._notice)
            return
        try:
            self.store.withdraw(gold.case_id, self.supervisor)
        except GoldError as exc:
            QMessageBox.warning(self, self.tr("Gold case"), str(exc))
            return
        self.refresh()

    def csv_text(self) -> str:
        """The same CSV as ``arbiter qa calibration --csv``."""
        from arbiter.cli_calibration import CSV_COLUMNS, calibration_rows

        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(calibration_rows(self.report))
        return out.getvalue()

    def _save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export calibration"), "calibration.csv", "CSV (*.csv)")
        if path:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(self.csv_text())


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


__all__ = ["CalibrationPage", "answer_text", "question_text"]
