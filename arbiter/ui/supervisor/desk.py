"""The supervisor's desk: one tab of the main window with three rooms, the QA inbox, the blind re-review and
the scorecards. Opened when this workstation's identity is a supervisor (``arbiter --demo --supervisor``)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from arbiter.store.qa import QAStore
from arbiter.ui.supervisor.inbox import InboxPage
from arbiter.ui.supervisor.rereview import ReReviewPage
from arbiter.ui.supervisor.scorecards import ScorecardPage


class SupervisorDesk(QWidget):
    INBOX, REREVIEW, SCORECARDS, CALIBRATION = range(4)

    def __init__(self, db, repo, supervisor: str, signer=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("supervisorDesk")
        self.setProperty("title", self.tr("Supervisor desk"))
        self.qa = QAStore(db)
        self.supervisor = supervisor
        self.inbox = InboxPage(self.qa, supervisor, self)
        self.rereview = ReReviewPage(db, repo, self.qa, supervisor, signer, self)
        self.scorecards = ScorecardPage(self.qa, self)
        self.rooms = QTabWidget(self)
        self.rooms.setObjectName("supervisorRooms")
        self.rooms.addTab(self.inbox, self.tr("QA inbox"))
        self.rooms.addTab(self.rereview, self.tr("Blind re-review"))
        self.rooms.addTab(self.scorecards, self.tr("Scorecards"))
        from arbiter.ui.supervisor.calibration import CalibrationPage  # gold cases (issue 12, part 6)

        self.calibration = CalibrationPage(db, supervisor, repo, self)
        self.rooms.addTab(self.calibration, self.calibration.title())
        who = QLabel(self.tr("Signed in as %1 (supervisor). Nobody quality-reviews their own verdicts: yours are "
                             "not in your inbox.").replace("%1", supervisor), self)
        who.setObjectName("deskIdentity")
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.rooms, 1)
        self.inbox.reReview.connect(self.open_rereview)
        self.rereview.acted.connect(self._after_action)

    def open_rereview(self, item) -> None:
        self.rereview.start(item)
        self.rooms.setCurrentIndex(self.REREVIEW)

    def _after_action(self, _action: str) -> None:
        self.inbox.refresh()
        self.scorecards.refresh()
        self.calibration.refresh()
        self.rooms.setCurrentIndex(self.INBOX)
