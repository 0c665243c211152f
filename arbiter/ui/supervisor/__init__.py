"""The supervisor's rooms (issue 12): QA inbox, blind re-review, scorecards. ``attach_desk(window, ...)`` adds
the desk to the main window as its second tab and a View menu entry; the rest of the window is unchanged."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence


def attach_desk(window, supervisor: str, signer=None):
    """Add the supervisor's desk to ``window`` (a MainWindow) and show it; returns the desk."""
    from PySide6.QtGui import QAction

    from arbiter.ui.supervisor.desk import SupervisorDesk

    desk = SupervisorDesk(window.db, window.repo, supervisor, signer, window)
    window.supervisor_desk = desk

    def show() -> None:
        index = window.tabs.indexOf(desk)
        if index < 0:
            index = window.tabs.insertTab(1, desk, desk.property("title"))
        window.tabs.setCurrentIndex(index)

    action = QAction(desk.tr("Supervisor desk"), window)
    action.setObjectName("actSupervisorDesk")
    action.setShortcut(QKeySequence("Ctrl+2"))
    action.triggered.connect(show)
    window.menu_view.insertAction(window.menu_view.actions()[1] if len(window.menu_view.actions()) > 1 else None,
                                  action)
    window.act_supervisor_desk = action
    show()
    return desk


__all__ = ["attach_desk"]
