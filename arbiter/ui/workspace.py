"""One open case: a splitter with the case (facts, evidence, chats, timeline) on the left and the checklist on the
right. Both panels are imported lazily; one that is missing or fails to build becomes a plain-words placeholder,
so one broken panel never takes the window down."""
from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from arbiter.ui import settings
from arbiter.ui.widgets.common import plain_error

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

log = logging.getLogger(__name__)

#: how long closing a case waits for its draft (or signature) to reach the database
CLOSE_WAIT_MS = 5000


def placeholder(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("panelPlaceholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMargin(24)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def build_panel(module: str, class_name: str, session: Any, parent: QWidget | None) -> QWidget:
    """``arbiter.ui.<module>.<class_name>(session, parent)``, or a placeholder saying why it is not there."""
    try:
        cls = getattr(importlib.import_module(f"arbiter.ui.{module}"), class_name)
    except (ImportError, AttributeError) as exc:
        log.info("panel %s.%s not available: %s", module, class_name, exc)
        return placeholder(translate("CaseWorkspace", "This panel is not available in this build."), parent)
    try:
        return cls(session, parent)
    except Exception as exc:  # noqa: BLE001 - a broken panel shows its reason, the app carries on
        log.exception("building %s.%s failed", module, class_name)
        text = translate("CaseWorkspace", "This panel could not be shown: %1").replace("%1", plain_error(exc))
        return placeholder(text, parent)


class ReturnedBanner(QLabel):
    """A strip on top of a case whose current verdict a supervisor returned: who, when and the note, so the
    reviewer reads it before anything else. It goes when the amendment is signed."""

    def __init__(self, session: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("returnedBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("QLabel#returnedBanner { color: #8a3b00; background: #fff0e0; padding: 6px 10px; "
                           "font-weight: 600; }")
        signed = getattr(session, "signed", None)
        if signed is not None:
            signed.connect(self._signed)   # a bound method: disconnected with the banner
        self.retranslate()

    def _signed(self, *_args) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        from arbiter.ui.queue_words import returned_text

        mark = getattr(self.session, "returned", None)
        self.setVisible(mark is not None)
        if mark is not None:
            self.setText(returned_text(mark) + "\n" + translate(
                "CaseWorkspace", "Amend the verdict (Amend… in the checklist) to answer the supervisor."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def returned_banner(session: Any, parent: QWidget) -> ReturnedBanner | None:
    return ReturnedBanner(session, parent) if getattr(session, "returned", None) is not None else None


class CaseWorkspace(QWidget):
    """``CaseWorkspace(session)``: [CaseView | ChecklistPanel] in a splitter whose sizes are remembered."""

    #: the reviewer wants the next case (Sign and next, Next case)
    nextRequested = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseWorkspace")
        self.session = session
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("workspaceSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        self.case_view = build_panel("case_view", "CaseView", session, self.splitter)
        self.checklist = build_panel("checklist", "ChecklistPanel", session, self.splitter)
        next_requested = getattr(self.checklist, "nextRequested", None)
        if next_requested is not None:
            next_requested.connect(self.nextRequested)
        self.splitter.addWidget(self.case_view)
        self.splitter.addWidget(self.checklist)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.case_view.setMinimumWidth(360)
        self.checklist.setMinimumWidth(320)
        state = settings.get_bytes(settings.WORKSPACE_SPLITTER)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([780, 520])
        self.splitter.splitterMoved.connect(lambda *_: self.save_state())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.returned_banner = returned_banner(session, self)
        if self.returned_banner is not None:
            layout.addWidget(self.returned_banner)
        layout.addWidget(self.splitter)

    @property
    def case_pk(self) -> int | None:
        return getattr(self.session, "case_pk", None)

    @property
    def title(self) -> str:
        case = getattr(self.session, "case", None)
        return getattr(case, "case_id", None) or translate("CaseWorkspace", "Case")

    def save_state(self) -> None:
        settings.put(settings.WORKSPACE_SPLITTER, self.splitter.saveState())

    def can_export_notice(self) -> bool:
        return callable(getattr(self.checklist, "export_notice", None))

    def export_notice(self) -> None:
        """File ▸ Export notice: the checklist panel does it (it knows whether a verdict is signed)."""
        action = getattr(self.checklist, "export_notice", None)
        if callable(action):
            action()

    def close_session(self, msecs: int | None = None) -> bool:
        """Before the tab goes away: wait (``msecs`` at most) for a signature under way and for the draft, which
        the database writer writes. False when the draft could not be written (``session.last_save_error``) or
        is still on its way."""
        self.save_state()
        msecs = CLOSE_WAIT_MS if msecs is None else msecs
        settle, flush = getattr(self.session, "settle", None), getattr(self.session, "flush", None)
        try:
            if callable(settle):
                return bool(settle(msecs))
            return bool(flush()) if callable(flush) else True
        except Exception:  # noqa: BLE001 - reported by the session itself; closing must go on
            log.exception("saving the draft on close failed")
            return False
