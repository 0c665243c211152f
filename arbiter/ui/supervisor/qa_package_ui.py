"""The desk's "Export QA package…": the supervisor's actions on verdicts that came from reviewers' verdict
packages, signed into one ``.arbqa`` for an offline reviewer (``arbiter.qa_package``; the reviewer imports it with
File > Import signed packages). The export runs in the background and shows its lines like the other package
actions (``ui/trust_actions.ResultDialog``)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from arbiter.ui import tasks

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def export_qa_package(parent: QWidget, db, signer, *, path: str | None = None, reviewer: str | None = "",
                      ask=True):
    """Ask for whom (every reviewer, or one) and where, then write the package. ``path`` / ``reviewer`` given:
    no questions (tests). Returns the result dialog, or None when cancelled or there is no supervisor identity."""
    from arbiter.qa_package import export_qa_package as export, reviewers_to_send
    from arbiter.ui.trust_actions import ResultDialog

    title = translate("QAPackage", "Export QA package")
    if signer is None:
        dialog = ResultDialog(title, parent)
        dialog.show_lines(translate("QAPackage", "This workstation has no supervisor identity: nothing can be "
                                                 "signed."), [], False)
        dialog.open()
        return dialog
    if ask and path is None:
        everyone = translate("QAPackage", "Every reviewer")
        choices = [everyone] + [translate("QAPackage", "%1 (%2 actions)").replace("%1", r).replace("%2", str(n))
                                for r, n in reviewers_to_send(db, signer.id)]
        picked, ok = QInputDialog.getItem(parent, title, translate("QAPackage", "Actions on whose verdicts?"),
                                          choices, 0, False)
        if not ok:
            return None
        reviewer = None if picked == everyone else picked.split(" ", 1)[0]
        suggested = str(Path.home() / f"qa-{reviewer or 'all'}-{date.today().isoformat()}.arbqa")
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested,
                                              translate("QAPackage", "QA packages (*.arbqa)"))
        if not path:
            return None
        if not path.lower().endswith(".arbqa"):
            path += ".arbqa"
    dialog = ResultDialog(title, parent)
    task = tasks.run(export, db, Path(path), signer=signer, reviewer=reviewer or None, writes=True,
                     name="export QA package")
    task.finished.connect(lambda result: dialog.show_lines(
        translate("QAPackage", "QA package written to %1: give it to the reviewer, who imports it with File > "
                               "Import signed packages.").replace("%1", str(path)) if not result[1] else
        translate("QAPackage", "Nothing was written."), result[0] + result[1], not result[1]))
    task.failed.connect(dialog.show_error)
    dialog.task = task
    dialog.open()
    return dialog
