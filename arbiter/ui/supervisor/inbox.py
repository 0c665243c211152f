"""The QA inbox: the sampling rules (recorded with their seed on every run), and the sampled verdicts nobody has
acted on yet, rules first. The same selection as ``arbiter qa sample`` with the same rate and seed."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from arbiter.domain.qa import QASettings
from arbiter.ui import labels
from arbiter.ui.supervisor.table_model import Index, RowsModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

def reason_text(code: str) -> str:
    """Why a verdict was sampled, in words."""
    names = {
        "override": translate("InboxModel", "override of the derived outcome"),
        "amendment": translate("InboxModel", "amendment"),
        "conflict": translate("InboxModel", "conflicting verdicts"),
        "amount": translate("InboxModel", "above the amount threshold"),
        "new_reviewer": translate("InboxModel", "reviewer's first verdicts"),
        "random": translate("InboxModel", "random (stratified)"),
    }
    return names.get(code, code.replace("_", " "))


def column_title(section: int) -> str:
    titles = (translate("InboxModel", "Case"), translate("InboxModel", "Version"),
              translate("InboxModel", "Reviewer"), translate("InboxModel", "Why selected"),
              translate("InboxModel", "Platform"), translate("InboxModel", "Claim type"),
              translate("InboxModel", "Outcome"))
    return titles[section] if 0 <= section < len(titles) else ""


class InboxModel(RowsModel):
    COLUMNS = ("case", "version", "reviewer", "reason", "platform", "claim_type", "outcome")
    ItemRole = Qt.ItemDataRole.UserRole + 1

    @property
    def items(self) -> list:
        """The :class:`arbiter.store.qa.InboxItem` of each line."""
        return self.rows

    def set_items(self, items: list) -> None:
        self.set_rows(items)

    def column_title(self, section: int) -> str:
        return column_title(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == self.ItemRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.case_id, f"v{item.version}", item.reviewer, reason_text(item.reason),
                    labels.platform(item.platform), labels.claim_type(item.claim_type),
                    labels.outcome(item.outcome))[index.column()]
        return None


class InboxPage(QWidget):
    """Rules, a Sample button, and the inbox. ``reReview`` carries the chosen :class:`InboxItem`."""

    reReview = Signal(object)

    def __init__(self, qa_store, supervisor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inboxPage")
        self.qa, self.supervisor = qa_store, supervisor
        settings = qa_store.qa_settings()

        rules = QFormLayout()
        self.rate = QDoubleSpinBox(self)
        self.rate.setObjectName("sampleRate")
        self.rate.setRange(0.0, 1.0)
        self.rate.setSingleStep(0.05)
        self.rate.setDecimals(2)
        self.rate.setValue(float(settings.rate))
        self.seed = QSpinBox(self)
        self.seed.setObjectName("sampleSeed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(settings.seed)
        self.first = QSpinBox(self)
        self.first.setObjectName("sampleFirstN")
        self.first.setRange(0, 1000)
        self.first.setValue(settings.new_reviewer_first)
        self.rule_labels = [QLabel(self) for _ in range(3)]
        for label, box in zip(self.rule_labels, (self.rate, self.seed, self.first)):
            rules.addRow(label, box)
        self.always = always = QLabel(self)
        always.setWordWrap(True)
        self.sample_button = QPushButton(self)
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.clicked.connect(self.sample)
        self.status = QLabel(self)
        self.status.setObjectName("inboxStatus")

        self.model = InboxModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("inboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.reReview.emit(self.model.items[index.row()]))
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("reReviewButton")
        self.open_button.clicked.connect(self._open_selected)

        top = QHBoxLayout()
        top.addLayout(rules, 1)
        side = QVBoxLayout()
        side.addWidget(always)
        side.addWidget(self.sample_button)
        top.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button)
        self._status: tuple = ()
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        for label, text in zip(self.rule_labels, (self.tr("Random share (per platform and claim type)"),
                                                  self.tr("Seed"), self.tr("Each reviewer's first N verdicts"))):
            label.setText(text)
        self.always.setText(self.tr("Always selected: every override, amendment and conflict, and every verdict "
                                    "above the amount threshold of its currency. Every sample is recorded with its "
                                    "rules and seed."))
        self.sample_button.setText(self.tr("Sample now"))
        self.open_button.setText(self.tr("Re-review blind"))
        self.model.retranslate()
        self._show_status()

    def _show_status(self) -> None:
        if self._status and self._status[0] == "sampled":
            _, n, seed, waiting = self._status
            self.status.setText(self.tr("Sampled %1 verdicts (seed %2); %3 wait in your inbox.")
                                .replace("%1", str(n)).replace("%2", str(seed)).replace("%3", str(waiting)))
        elif self.model.rowCount():
            self.status.setText(self.tr("%1 verdicts wait in your inbox.").replace("%1", str(self.model.rowCount())))
        else:
            self.status.setText(self.tr("The inbox is empty: sample to fill it."))

    def settings(self) -> QASettings:
        base = self.qa.qa_settings()
        return QASettings(rate=Decimal(str(round(self.rate.value(), 2))), seed=self.seed.value(),
                          amount_thresholds=base.amount_thresholds, new_reviewer_first=self.first.value(),
                          min_sample=base.min_sample)

    def sample(self) -> list:
        """Record a sample with the rules shown (and keep them as the team's rules), then refresh."""
        settings = self.settings()
        self.qa.set_setting("qa_rules", settings.as_dict(), self.supervisor)
        _, selection = self.qa.sample(settings, self.supervisor)
        self.refresh()
        self._status = ("sampled", len(selection), settings.seed, self.model.rowCount())
        self._show_status()
        return selection

    def refresh(self) -> None:
        self.model.set_items(self.qa.inbox(self.supervisor))
        if self.model.rowCount():
            self.table.selectRow(0)
        self.open_button.setEnabled(self.model.rowCount() > 0)
        if not self._status:
            self._show_status()

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.reReview.emit(self.model.items[rows[0].row()])
