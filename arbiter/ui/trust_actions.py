"""File > Export verdicts / Import verdicts and Help > Verify database (issue 11). ``install(window)`` adds the
actions to a ``MainWindow``'s menus; the work runs in the background through ``arbiter.ui.tasks``."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from arbiter.ui import tasks

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _actor(window) -> str:
    identity = getattr(window, "identity", None)
    return identity.id if identity is not None else "unknown"


class ResultDialog(QDialog):
    """A progress bar while the work runs, then its output lines."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trustResultDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Working…"))
        self.summary.setObjectName("trustResultSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        self.text = QPlainTextEdit()
        self.text.setObjectName("trustResultText")
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.lines: list[str] = []
        self.finished_ok: bool | None = None

    def on_progress(self, done: int, total: int, _text: str = "") -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.summary.setText(self.tr("Checked %1 of %2 cases…").replace("%1", str(done)).replace("%2", str(total)))

    def show_lines(self, summary: str, lines: list[str], ok: bool) -> None:
        self.lines = list(lines)
        self.finished_ok = ok
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.summary.setText(summary)
        self.summary.setStyleSheet("color: #1b5e20; font-weight: 600;" if ok else "color: #b71c1c; font-weight: 600;")
        self.text.setPlainText("\n".join(lines))

    def show_error(self, exc: BaseException) -> None:
        self.show_lines(self.tr("It did not finish: %1").replace("%1", str(exc)), [], False)


def verify_database(window) -> ResultDialog:
    """Help > Verify database: the whole check in the background, with progress."""
    dialog = ResultDialog(translate("TrustActions", "Verify database"), window)
    repo = window.repo

    def work(ctx):
        return repo.verify(progress=lambda done, total: ctx.progress(done, total, ""))

    task = tasks.run(work, context=True, name="verify database")
    task.progress.connect(dialog.on_progress)
    task.finished.connect(lambda report: dialog.show_lines(
        report.summary() if report.ok else translate("TrustActions", "%1 problems found. %2").replace(
            "%1", str(len(report.findings))).replace("%2", report.summary()),
        [f.line() for f in report.findings], report.ok))
    task.failed.connect(dialog.show_error)
    dialog.task = task
    dialog.open()
    return dialog


def export_verdicts(window, folder: str | None = None) -> ResultDialog | None:
    from arbiter.packages import export_verdicts as export

    folder = folder or QFileDialog.getExistingDirectory(window, translate("TrustActions", "Export verdicts to a folder"))
    if not folder:
        return None
    dialog = ResultDialog(translate("TrustActions", "Export verdicts"), window)
    task = tasks.run(export, window.db, Path(folder), [], actor=_actor(window), writes=True, name="export verdicts")
    task.finished.connect(lambda result: dialog.show_lines(
        translate("TrustActions", "%1 verdict packages written to %2.").replace("%1", str(len(result[0]))).replace("%2", folder),
        result[0] + result[1], not result[1]))
    task.failed.connect(dialog.show_error)
    dialog.task = task
    dialog.open()
    return dialog


def import_any_packages(db, paths: list[str], *, actor: str) -> list:
    """Signed packages of either kind: verdict packages (.arbverdict, for a supervisor) and QA packages (.arbqa, a
    supervisor's actions for a reviewer), each through its own import; the outcomes in the order given."""
    from arbiter.packages import import_packages
    from arbiter.qa_package import SUFFIX as QA_SUFFIX, import_qa_packages

    qa = [p for p in paths if str(p).lower().endswith(QA_SUFFIX)]
    verdicts = [p for p in paths if p not in qa]
    return (import_packages(db, verdicts, actor=actor) if verdicts else []) + (
        import_qa_packages(db, qa, actor=actor) if qa else [])


def import_verdicts(window, paths: list[str] | None = None) -> ResultDialog | None:
    """File > Import packages: reviewers' verdict packages on a supervisor's workstation, a supervisor's QA
    packages (returns, approvals, overturns) on a reviewer's."""
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(
            window, translate("TrustActions", "Import signed packages"), "",
            translate("TrustActions", "Signed packages (*.arbverdict *.arbqa);;Verdict packages (*.arbverdict);;"
                                      "QA packages (*.arbqa);;All files (*)"))
    if not paths:
        return None
    dialog = ResultDialog(translate("TrustActions", "Import signed packages"), window)

    def done(outcomes) -> None:
        lines = [o.line() for o in outcomes]
        counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("accepted", "unchanged", "conflict", "refused")}
        drift = sum(1 for o in outcomes if getattr(o, "drift", False))
        summary = translate("TrustActions", "%1 accepted, %2 unchanged, %3 conflicts, %4 refused.").replace(
            "%1", str(counts["accepted"])).replace("%2", str(counts["unchanged"])).replace(
            "%3", str(counts["conflict"])).replace("%4", str(counts["refused"]))
        if drift:
            summary += " " + translate("TrustActions", "%1 made by another arbiter version whose rules differ (rules drift).").replace(
                "%1", str(drift))
        returned = sum(1 for o in outcomes if getattr(o, "action", "") == "return" and o.status == "accepted")
        if returned:
            summary += " " + translate("TrustActions", "%1 verdicts returned to you by a supervisor: their notes are "
                                                       "shown where the notice is exported.").replace("%1", str(returned))
        dialog.show_lines(summary, lines, counts["refused"] == 0)
        refresh = getattr(window, "refresh_queue", None)
        if callable(refresh):
            refresh()

    task = tasks.run(import_any_packages, window.db, list(paths), actor=_actor(window), writes=True,
                     name="import packages")
    task.finished.connect(done)
    task.failed.connect(dialog.show_error)
    dialog.task = task
    dialog.open()
    return dialog


class TrustActionTexts(QObject):
    """Re-translates the actions on a language change."""

    def __init__(self, window, actions: dict[str, QAction]):
        super().__init__(window)
        self.window, self.actions = window, actions
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.actions["export"].setText(self.tr("Export &verdicts…"))
        self.actions["export"].setStatusTip(self.tr("Write a signed .arbverdict package per verdict, for a supervisor"))
        self.actions["import"].setText(self.tr("Import signed packa&ges…"))
        self.actions["import"].setStatusTip(self.tr("Verify and store signed packages: reviewers' verdicts, or a "
                                                    "supervisor's QA package (returns, approvals, overturns)"))
        self.actions["verify"].setText(self.tr("&Verify database…"))
        self.actions["verify"].setStatusTip(self.tr("Check every case, evidence file, verdict and the audit trail"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install(window) -> dict[str, QAction]:
    actions = {}
    for key, name, slot in (("export", "actExportVerdicts", lambda: export_verdicts(window)),
                            ("import", "actImportVerdicts", lambda: import_verdicts(window)),
                            ("verify", "actVerifyDatabase", lambda: verify_database(window))):
        action = QAction(window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        actions[key] = action
    menu_file = window.menu_file
    anchor = getattr(window, "act_close_case", None)
    menu_file.insertAction(anchor, actions["export"]) if anchor else menu_file.addAction(actions["export"])
    menu_file.insertAction(anchor, actions["import"]) if anchor else menu_file.addAction(actions["import"])
    if anchor:
        menu_file.insertSeparator(anchor)
    window.menu_help.insertAction(window.menu_help.actions()[0] if window.menu_help.actions() else None,
                                  actions["verify"])
    window.trust_texts = TrustActionTexts(window, actions)
    window.trust_actions = actions
    return actions
