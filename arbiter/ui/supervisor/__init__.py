"""The supervisor's rooms (issue 12): QA inbox, blind re-review, scorecards. ``attach_desk(window, ...)`` adds
the desk to the main window as its second tab and a View menu entry; the rest of the window is unchanged."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence


def attach_desk(window, supervisor: str, signer=None):
    """Add the supervisor's desk to ``window`` (a MainWindow) and show it; returns the desk."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction

    from arbiter.ui.supervisor.desk import SupervisorDesk

    desk = SupervisorDesk(window.db, window.repo, supervisor, signer, window)
    window.supervisor_desk = desk

    def show() -> None:
        index = window.tabs.indexOf(desk)
        if index < 0:
            index = window.tabs.insertTab(1, desk, desk.property("title"))
        window.tabs.setCurrentIndex(index)

    action = QAction(QCoreApplication.translate("SupervisorDesk", "Supervisor desk"), window)
    action.setObjectName("actSupervisorDesk")
    action.setShortcut(QKeySequence("Ctrl+2"))
    action.triggered.connect(show)
    window.menu_view.insertAction(window.menu_view.actions()[1] if len(window.menu_view.actions()) > 1 else None,
                                  action)
    window.act_supervisor_desk = action
    show()
    return desk


__all__ = ["attach_desk"]


def maybe_attach_desk(window, *, force: bool = False):
    """Open the supervisor's rooms when the window's identity is a supervisor (or ``force``); else nothing."""
    identity = getattr(window, "identity", None)
    if getattr(window, "supervisor_desk", None) is not None or identity is None:
        return getattr(window, "supervisor_desk", None)
    if not force and getattr(identity, "role", None) != "supervisor":
        return None
    return attach_desk(window, identity.id, identity)


def load_supervisor_demo(window, db, folder):
    """``arbiter --demo --supervisor``: fill the fresh database on the writer thread, then refresh the desk."""
    from PySide6.QtCore import QCoreApplication

    from arbiter.ui import tasks
    from arbiter.ui.supervisor.demo import fill_supervisor_demo

    translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
    window.statusBar().showMessage(translate("Supervisor", "Preparing the supervisor's demonstration set…"))

    def work(context, db, folder):
        return fill_supervisor_demo(db, folder, progress=lambda text: context.report(text)
                                    if hasattr(context, "report") else None)

    task = tasks.run(work, db, folder, writes=True, context=True, name="supervisor-demo")

    def done(counts) -> None:
        window.statusBar().showMessage(translate("Supervisor", "Demo: %1 cases and %2 signed verdicts loaded. Sample the "
                                                        "inbox to begin.").replace("%1", str(counts["cases"]))
                                       .replace("%2", str(counts["verdicts"])), 20000)
        window.refresh_queue()
        desk = getattr(window, "supervisor_desk", None)
        if desk is not None:
            desk.inbox.refresh()
            desk.scorecards.refresh()
            if hasattr(desk, "calibration"):
                desk.calibration.refresh()

    task.finished.connect(done)
    task.failed.connect(lambda exc: window.statusBar().showMessage(
        translate("Supervisor", "The demonstration set could not be loaded: %1").replace("%1", str(exc)), 20000))
    return task
