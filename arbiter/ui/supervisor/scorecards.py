"""Scorecards per reviewer: the table (the same figures as ``arbiter qa report``), a chart of overturn rates
with their 95% Wilson intervals, and one of the buyer-favoured rate beside the team's for the same work.

Charts use Qt Charts (in the PySide6-Addons wheel, which the app ships for Qt Multimedia already: about 4 MB
more in the installer, against about 64 MB for pyqtgraph with numpy; docs/decisions.md). Without it the table
and the CSV export still work.
"""
from __future__ import annotations

import csv
import io

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from arbiter.domain.qa import scorecards
from arbiter.ui.supervisor.table_model import Index, RowsModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

try:  # Qt Charts lives in PySide6-Addons
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QCategoryAxis,
        QChart,
        QChartView,
        QLineSeries,
        QScatterSeries,
        QValueAxis,
    )
except ImportError:  # pragma: no cover - a build without the Addons wheel
    QChart = None


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def column_title(section: int) -> str:
    titles = (translate("ScorecardModel", "Reviewer"), translate("ScorecardModel", "Verdicts"),
              translate("ScorecardModel", "Quality-reviewed"), translate("ScorecardModel", "Approved"),
              translate("ScorecardModel", "Returned"), translate("ScorecardModel", "Overturned"),
              translate("ScorecardModel", "Overturn rate (95%)"), translate("ScorecardModel", "Override rate"),
              translate("ScorecardModel", "Buyer-favoured"), translate("ScorecardModel", "Team, same work"),
              translate("ScorecardModel", "Excluded buyer / seller"), translate("ScorecardModel", "Median minutes"))
    return titles[section] if 0 <= section < len(titles) else ""


class ScorecardModel(RowsModel):
    COLUMNS = ("reviewer", "verdicts", "quality_reviewed", "approved", "returned", "overturned", "overturn_rate",
               "override_rate", "buyer_favoured", "team_buyer_favoured", "excluded", "median_minutes")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.min_sample = 20

    @property
    def cards(self) -> list:
        """The :class:`arbiter.domain.qa.Scorecard` of each line."""
        return self.rows

    def set_cards(self, cards: list, min_sample: int) -> None:
        self.min_sample = min_sample
        self.set_rows(cards)

    def column_title(self, section: int) -> str:
        return column_title(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 6:
                if not c.overturn.n:
                    return "—"
                text = f"{_pct(c.overturn.value)} [{_pct(c.overturn.low)}–{_pct(c.overturn.high)}]"
                return text if c.overturn.meaningful else text + " " + self.tr("(too few)")
            minutes = None if c.median_review_seconds is None else c.median_review_seconds / 60
            return (c.reviewer, c.verdicts, c.quality_reviewed, c.approved, c.returned, c.overturned, "",
                    _pct(c.override.value), _pct(c.buyer_favoured.value), _pct(c.team_buyer_favoured),
                    f"{c.excluded_buyer} / {c.excluded_seller}",
                    "—" if minutes is None else f"{minutes:.1f}")[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 6 and c.overturn.n and not c.overturn.meaningful:
            return self.tr("Fewer than %1 quality reviews: the interval is wide; do not rank on it yet.").replace(
                "%1", str(self.min_sample))
        if role == Qt.ItemDataRole.ForegroundRole and col == 6 and c.overturn.n and not c.overturn.meaningful:
            return QBrush(QColor("#888888"))
        return None


class ScorecardPage(QWidget):
    def __init__(self, qa_store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scorecardPage")
        self.qa = qa_store
        self.model = ScorecardModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("scorecardTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("scorecardCsv")
        self.csv_button.clicked.connect(self._save_csv)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)

        self.overturn_chart = self.fairness_chart = None
        charts = QSplitter(self)
        if QChart is not None:
            self.overturn_view = QChartView(charts)
            self.overturn_view.setObjectName("overturnChart")
            self.fairness_view = QChartView(charts)
            self.fairness_view.setObjectName("fairnessChart")
            for view in (self.overturn_view, self.fairness_view):
                view.setRenderHint(QPainter.RenderHint.Antialiasing)
                view.setMinimumHeight(240)
        else:
            QLabel(self.tr("Charts need Qt Charts (PySide6-Addons)."), charts)

        buttons = QHBoxLayout()
        buttons.addWidget(self.explain, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addWidget(charts, 3)
        self.retranslate(refresh=False)
        self.refresh()

    def retranslate(self, refresh: bool = True) -> None:
        self.explain.setText(self.tr("Overturn rate = overturned / quality-reviewed, with its 95% Wilson interval. "
                                     "Buyer-favoured is compared with what everyone else decided on the same "
                                     "platform and claim type: a neutrality signal, not a verdict on anyone."))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.refresh_button.setText(self.tr("Refresh"))
        if refresh:
            self.model.retranslate()
            self.refresh()   # the charts' titles and legends

    def refresh(self) -> None:
        settings = self.qa.qa_settings()
        cards = scorecards(self.qa.verdict_facts(), self.qa.review_outcomes(), settings)
        self.model.set_cards(cards, settings.min_sample)
        if QChart is not None:
            self.overturn_chart = self._overturn_chart(cards)
            self.overturn_view.setChart(self.overturn_chart)
            self.fairness_chart = self._fairness_chart(cards)
            self.fairness_view.setChart(self.fairness_chart)

    def _overturn_chart(self, cards):
        chart = QChart()
        chart.setTitle(self.tr("Overturn rate with 95% interval (grey: too few reviews yet)"))
        chart.legend().hide()
        x_axis = QCategoryAxis()
        x_axis.setRange(-0.5, max(len(cards), 1) - 0.5)
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        y_axis = QValueAxis()
        y_axis.setRange(0.0, 1.0)
        y_axis.setLabelFormat("%.1f")
        y_axis.setTitleText(self.tr("share overturned"))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        points = QScatterSeries()
        points.setMarkerSize(11)
        faint = QScatterSeries()
        faint.setMarkerSize(11)
        faint.setColor(QColor("#aaaaaa"))
        for i, c in enumerate(cards):
            x_axis.append(c.reviewer, i)
            if not c.overturn.n:
                continue
            bar = QLineSeries()
            bar.append(QPointF(i, c.overturn.low))
            bar.append(QPointF(i, c.overturn.high))
            bar.setPen(QPen(QColor("#1f5fa8" if c.overturn.meaningful else "#aaaaaa"), 3))
            chart.addSeries(bar)
            bar.attachAxis(x_axis)
            bar.attachAxis(y_axis)
            (points if c.overturn.meaningful else faint).append(QPointF(i, c.overturn.value))
        for series in (points, faint):
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        return chart

    def _fairness_chart(self, cards):
        chart = QChart()
        chart.setTitle(self.tr("Buyer-favoured: reviewer vs the team on the same platform and claim type"))
        own = QBarSet(self.tr("reviewer"))
        team = QBarSet(self.tr("team, same work"))
        team.setColor(QColor("#bbbbbb"))
        for c in cards:
            own.append(c.buyer_favoured.value or 0.0)
            team.append(c.team_buyer_favoured or 0.0)
        series = QBarSeries()
        series.append(own)
        series.append(team)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([c.reviewer for c in cards])
        y_axis = QValueAxis()
        y_axis.setRange(0.0, 1.0)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def csv_text(self) -> str:
        """The same CSV as ``arbiter qa report --csv``."""
        from arbiter.cli_team import report_rows, CSV_COLUMNS

        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(report_rows(self.model.cards))
        return out.getvalue()

    def _save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export scorecards"), "scorecards.csv", "CSV (*.csv)")
        if path:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(self.csv_text())
