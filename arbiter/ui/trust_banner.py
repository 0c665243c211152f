"""The trust strip on top of an open case (issue 11): red when the case does not verify (naming what is wrong),
amber when a newer revision of a signed case arrived (confirm the verdict stands, or amend it), blue when the
notices exported so far belong to a superseded verdict. Everything it shows comes from the repository
(``verify_case``, ``revision_state``, ``notice_exports``), read off the GUI thread (:func:`read_trust` through
``tasks.run``: verifying a case re-hashes every evidence item); "Verdict stands" is a write on the single writer."""
from __future__ import annotations

import html
import logging
from collections.abc import Callable

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from arbiter.ui import tasks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrustRead:
    """What the banner shows, read off the GUI thread: the case's problems (None when the check itself failed,
    with ``error``), its revision state and its notice exports."""

    problems: list[str] | None
    error: str = ""
    state: dict = field(default_factory=dict)
    exports: list[dict] = field(default_factory=list)


def read_trust(repo: Any, case_pk: int) -> TrustRead:
    """Verify the case and read its revision state and notice exports (any thread)."""
    try:
        problems, error = list(repo.verify_case(case_pk)), ""
    except Exception as exc:  # noqa: BLE001 - a check that cannot run is itself a finding
        log.exception("verifying case %s failed", case_pk)
        problems, error = None, str(exc)
    try:
        state, exports = dict(repo.revision_state(case_pk)), list(repo.notice_exports(case_pk))
    except Exception:  # noqa: BLE001
        log.exception("reading the revision state of case %s failed", case_pk)
        state, exports = {}, []
    return TrustRead(problems, error, state, exports)

RED = ("#b71c1c", "#fdecea")
AMBER = ("#8a3b00", "#fff0e0")
BLUE = ("#0d47a1", "#e3f2fd")


class TrustBanner(QFrame):
    """``TrustBanner(repo, case_pk, identity=lambda: window.identity)``; ``refresh()`` re-checks the case."""

    amendRequested = Signal()
    changed = Signal()

    def __init__(self, repo, case_pk: int, identity: Callable[[], object] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trustBanner")
        self.repo = repo
        self.case_pk = case_pk
        self._identity = identity or (lambda: None)
        self.problems: list[str] = []
        self.state: dict = {}
        #: a check is being read off the GUI thread (the banner shows the previous one meanwhile)
        self.checking = False
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.problem_label = self._label("trustProblems", RED)
        layout.addWidget(self.problem_label)
        self.revision_row = QWidget(self)
        row = QHBoxLayout(self.revision_row)
        row.setContentsMargins(0, 0, 8, 0)
        self.revision_label = self._label("trustRevision", AMBER)
        self.revision_label.setVisible(True)   # shown and hidden with its row
        row.addWidget(self.revision_label, 1)
        self.confirm_button = QPushButton(self.revision_row)
        self.confirm_button.setObjectName("trustConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        self.amend_button = QPushButton(self.revision_row)
        self.amend_button.setObjectName("trustAmend")
        self.amend_button.clicked.connect(self.amendRequested)
        for button in (self.confirm_button, self.amend_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        self.revision_row.setStyleSheet(f"background: {AMBER[1]};")
        layout.addWidget(self.revision_row)
        self.notice_label = self._label("trustNotices", BLUE)
        layout.addWidget(self.notice_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.revision_row.setVisible(False)
        self.setVisible(False)   # until the first check is back
        self.refresh()

    def _label(self, name: str, tone: tuple[str, str]) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"QLabel {{ color: {tone[0]}; background: {tone[1]}; font-weight: 600; padding: 6px 10px; }}")
        label.setVisible(False)
        return label

    def refresh(self) -> None:
        """Check the case again, off the GUI thread; the banner changes when the check is back."""
        self._generation += 1
        generation = self._generation
        self.checking = True
        task = tasks.run(read_trust, self.repo, self.case_pk, name=f"verify case {self.case_pk}",
                         owner=self)
        task.finished.connect(lambda read, g=generation: self._checked(g, read))
        task.failed.connect(lambda exc, g=generation: self._checked(g, TrustRead(None, str(exc))))

    def _checked(self, generation: int, read: TrustRead) -> None:
        if generation != self._generation:
            return   # a newer check was asked for meanwhile
        self.checking = False
        if read.problems is None:
            self.problems = [self.tr("the check could not run: %1").replace("%1", read.error)]
        else:
            self.problems = read.problems
        if self.problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems[:8])
            more = len(self.problems) - 8
            tail = f"<li>{html.escape(self.tr('… and %1 more').replace('%1', str(more)))}</li>" if more > 0 else ""
            self.problem_label.setText(html.escape(self.tr(
                "This case does not verify: it was changed outside arbiter. Do not decide or export it; tell your "
                "supervisor.")) + f"<ul style='margin:2px 0'>{items}{tail}</ul>")
        self.problem_label.setVisible(bool(self.problems))
        self.state, exports = read.state, read.exports
        needs = bool(self.state.get("needs_review"))
        if needs:
            self.revision_label.setText(self.tr(
                "Revision %1 of this case arrived after the verdict was signed on revision %2. The verdict and its "
                "notices show revision %2. Confirm that the verdict stands, or amend it.")
                .replace("%1", str(self.state.get("latest_revision")))
                .replace("%2", str(self.state.get("verdict_revision"))))
            self.confirm_button.setText(self.tr("Verdict stands"))
            self.amend_button.setText(self.tr("Amend…"))
            self.confirm_button.setEnabled(self._identity() is not None and not self.problems)
        self.revision_row.setVisible(needs)
        superseded = [e for e in exports if e.get("superseded")]
        current = [e for e in exports if not e.get("superseded")]
        stale = bool(superseded) and not current
        if stale:
            self.notice_label.setText(self.tr(
                "%1 notice export(s) belong to a superseded verdict and are marked superseded. Export the notices "
                "of the current verdict again.").replace("%1", str(len(superseded))))
        self.notice_label.setVisible(stale)
        self.setVisible(bool(self.problems) or needs or stale)
        self.changed.emit()

    def confirm(self) -> None:
        """"Verdict stands": a signed confirmation, written on the single writer; then the case is checked again."""
        identity = self._identity()
        if identity is None:
            return
        self.confirm_button.setEnabled(False)
        task = tasks.run(self.repo.confirm_verdict, self.case_pk, identity, writes=True, name="confirm verdict",
                         owner=self)
        task.finished.connect(lambda *_: self.refresh())
        task.failed.connect(self._confirm_failed)

    def _confirm_failed(self, exc: BaseException) -> None:
        log.error("confirming the verdict of case %s failed: %s", self.case_pk, exc)
        self.revision_label.setText(self.tr("The verdict could not be confirmed: %1").replace("%1", str(exc)))
        self.confirm_button.setEnabled(True)


def attach(workspace, repo, case_pk: int, identity: Callable[[], object]) -> TrustBanner:
    """Put a banner on top of a ``CaseWorkspace``; Amend goes to its checklist panel's amend."""
    banner = TrustBanner(repo, case_pk, identity, workspace)
    workspace.layout().insertWidget(0, banner)
    checklist = getattr(workspace, "checklist", None)
    amend = getattr(checklist, "amend", None)
    if callable(amend):
        banner.amendRequested.connect(amend)
    session = getattr(workspace, "session", None)
    for name in ("signed",):
        signal = getattr(session, name, None)
        if signal is not None:
            signal.connect(lambda *_: banner.refresh())
    checklist_done = getattr(checklist, "exportFinished", None)
    if checklist_done is not None:
        checklist_done.connect(lambda *_: banner.refresh())
    workspace.trust_banner = banner
    return banner
