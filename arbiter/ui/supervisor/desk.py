"""The supervisor's desk: one tab of the main window with three rooms, the QA inbox, the blind re-review and
the scorecards. Opened when this workstation's identity is a supervisor (``arbiter --demo --supervisor``)."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from arbiter.store.qa import QAStore
from arbiter.ui.supervisor.inbox import InboxPage
from arbiter.ui.supervisor.rereview import ReReviewPage
from arbiter.ui.supervisor.scorecards import ScorecardPage


class SupervisorDesk(QWidget):
    INBOX, REREVIEW, SCORECARDS, CALIBRATION = range(4)

    def __init__(self, db, repo, supervisor: str, signer=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("supervisorDesk")
        self.qa = QAStore(db)
        self.db, self.signer = db, signer
        self.supervisor = supervisor
        self.inbox = InboxPage(self.qa, supervisor, self)
        self.rereview = ReReviewPage(db, repo, self.qa, supervisor, signer, self)
        self.scorecards = ScorecardPage(self.qa, self)
        self.rooms = QTabWidget(self)
        self.rooms.setObjectName("supervisorRooms")
        for page in (self.inbox, self.rereview, self.scorecards):
            self.rooms.addTab(page, "")
        from arbiter.ui.supervisor.calibration import CalibrationPage  # gold cases (issue 12, part 6)

        self.calibration = CalibrationPage(db, supervisor, repo, self)
        self.rooms.addTab(self.calibration, self.calibration.title())
        self.who = who = QLabel(self)
        who.setObjectName("deskIdentity")
        who.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportQAPackage")
        self.export_button.clicked.connect(self.export_qa_package)
        top = QHBoxLayout()
        top.addWidget(who, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rooms, 1)
        self.inbox.reReview.connect(self.open_rereview)
        self.rereview.acted.connect(self._after_action)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the desk's frame (the pages have their own); called again on a language switch."""
        self.setProperty("title", self.tr("Supervisor desk"))
        for i, text in enumerate((self.tr("QA inbox"), self.tr("Blind re-review"), self.tr("Scorecards"))):
            self.rooms.setTabText(i, text)
        self.rooms.setTabText(self.CALIBRATION, self.calibration.title())
        self.who.setText(self.tr("Signed in as %1 (supervisor). Nobody quality-reviews their own verdicts: yours "
                                 "are not in your inbox.").replace("%1", self.supervisor))
        self.export_button.setText(self.tr("Export QA package…"))
        self.export_button.setToolTip(self.tr("Your approvals, returns and overturns of verdicts that came from "
                                              "reviewers' packages, signed, for their offline workstations"))
        tabs = self.parent().parent() if self.parent() is not None else None   # the main window's tab widget
        if isinstance(tabs, QTabWidget) and tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.property("title"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for page in (self.inbox, self.rereview, self.scorecards, self.calibration):
                page.retranslate()
        super().changeEvent(event)

    def export_qa_package(self, *, path: str | None = None, reviewer: str | None = None):
        """The supervisor's actions for offline reviewers, as a signed .arbqa (asks for whom and where)."""
        from arbiter.ui.supervisor.qa_package_ui import export_qa_package

        return export_qa_package(self, self.db, self.signer, path=path, reviewer=reviewer)

    def open_rereview(self, item) -> None:
        self.rereview.start(item)
        self.rooms.setCurrentIndex(self.REREVIEW)

    def _after_action(self, _action: str) -> None:
        self.inbox.refresh()
        self.scorecards.refresh()
        self.calibration.refresh()
        self.rooms.setCurrentIndex(self.INBOX)
