"""The checklist shell: a banner, the steps in a scroll area, the keyboard, and signing, amending and exporting.

It reads the one review state once per change (``review.changed``) and hands it to every step; the steps write
answers through :meth:`ChecklistPanel.answer`. Neutrality: no choice is pre-selected, both parties' evidence rows
look and behave the same, the questions use the same words for both parties.
"""
from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QRadioButton, QScrollArea, QVBoxLayout, QWidget

from arbiter.domain.decision import fingerprint
from arbiter.ui import tasks
from arbiter.ui.checklist import dialogs
from arbiter.ui.checklist.common import BAD, MUTED, OK, WARN, Step
from arbiter.ui.checklist.deadlines import DeadlinesStep
from arbiter.ui.checklist.evidence import EvidenceStep
from arbiter.ui.checklist.finding import FindingStep
from arbiter.ui.checklist.jurisdiction import JurisdictionStep
from arbiter.ui.checklist.outcome import OutcomeStep
from arbiter.ui.checklist.rationale import RationaleStep
from arbiter.ui.checklist.remedy import RemedyStep
from arbiter.ui.checklist.signoff import SIGN_KEY, SIGN_NEXT_KEY, SignOffStep, native
from arbiter.ui.seams import Review
from arbiter.ui.session import local_now
from arbiter.ui.widgets.common import plain_error

NEXT_UNANSWERED_KEY = "F8"
STEPS = (JurisdictionStep, EvidenceStep, FindingStep, OutcomeStep, RemedyStep, DeadlinesStep, RationaleStep,
         SignOffStep)


class ChecklistPanel(QWidget):
    """The verdict checklist of one review."""

    exportFinished = Signal(object)   # NoticePaths (buyer, seller)
    exportFailed = Signal(str)
    #: the reviewer wants the next case of the queue (after Sign and next, or Next case)
    nextRequested = Signal()

    def __init__(self, session: Review, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self.session = session
        self._export_running = False
        self._refreshing = False
        self._export_note: tuple[str, str] | None = None   # (text, colour) shown in the banner after an export
        self._next_after_sign = False   # Sign and next: the next case once the signature is stored
        self.last_export: Any = None
        self.last_export_error: str | None = None
        self.blocker_items: list = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setObjectName("checklistBanner")
        self.banner.setWordWrap(True)
        self.banner.setMargin(6)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.banner)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("checklistScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        self.footer = QLabel()
        self.footer.setObjectName("checklistFooter")
        self.footer.setWordWrap(True)
        self.footer.setMargin(4)
        outer.addWidget(self.footer)

        self.next_shortcut = self._shortcut(NEXT_UNANSWERED_KEY, self.focus_next_unanswered,
                                            self.tr("Next unanswered question of the checklist"))
        self.sign_shortcut = self._shortcut(SIGN_KEY, self.sign, self.tr("Sign the verdict"))
        self.sign_next_shortcut = self._shortcut(SIGN_NEXT_KEY, self.sign_and_next,
                                                 self.tr("Sign and open the next case (after signing: next case)"))

        self._build()
        session.changed.connect(self.refresh)
        session.saved.connect(self._saved)   # bound methods: a write that ends after the tab closed finds no panel
        signed, refused = getattr(session, "signed", None), getattr(session, "signFailed", None)
        if signed is not None and refused is not None:
            signed.connect(self._signed)
            refused.connect(self._sign_refused)
        self.refresh()

    def _shortcut(self, key: str, slot, what: str) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setWhatsThis(what)   # the shortcut sheet (F1) lists it
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)   # hidden tabs do not compete
        shortcut.activated.connect(slot)
        return shortcut

    # ================================================================== build
    def _build(self) -> None:
        """(Re)build the steps from the review; called once and on a language change."""
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        form = QWidget()
        form.setObjectName("checklistForm")
        layout = QVBoxLayout(form)
        layout.setSpacing(10)
        self.steps: list[Step] = [cls(self.session, self.answer, n) for n, cls in enumerate(STEPS, start=1)]
        for step in self.steps:
            layout.addWidget(step)
        layout.addStretch(1)
        self.scroll.setWidget(form)
        self.form = form
        (self.jurisdiction, self.evidence, self.finding, self.outcome, self.remedy, self.deadlines, self.rationale,
         self.signoff) = self.steps
        self.choices = {k: c for step in self.steps for k, c in step.choices.items()}
        self.question_widgets = {k: w for step in self.steps for k, w in step.questions.items()}
        self.sections = {step.objectName().split(":", 1)[1]: step for step in self.steps}
        so = self.signoff
        so.sign_button.clicked.connect(self.sign)
        so.sign_next_button.clicked.connect(self.sign_and_next)
        so.amend_button.clicked.connect(self.amend)
        so.cancel_amend_button.clicked.connect(self._cancel_amendment)
        so.export_button.clicked.connect(lambda: self.export_notice())
        so.next_button.clicked.connect(self.nextRequested)
        so.missing_label.linkActivated.connect(lambda link: self.go_to(link.removeprefix("goto:")))

    # widgets the tests and the shell reach through the panel
    gate_facts = property(lambda self: self.jurisdiction.gate_facts)
    evidence_open_labels = property(lambda self: self.evidence.open_labels)
    derived_label = property(lambda self: self.outcome.derived_label)
    override_check = property(lambda self: self.outcome.override_check)
    override_box = property(lambda self: self.outcome.override_box)
    override_warning = property(lambda self: self.outcome.override_warning)
    justification_edit = property(lambda self: self.outcome.justification_edit)
    amount_edit = property(lambda self: self.remedy.amount_edit)
    amount_error = property(lambda self: self.remedy.amount_error)
    paid_label = property(lambda self: self.remedy.paid_label)
    deadlines_label = property(lambda self: self.deadlines.deadlines_label)
    rationale_edit = property(lambda self: self.rationale.edit)
    chip_buttons = property(lambda self: self.rationale.chip_buttons)
    citation_status = property(lambda self: self.rationale.status)
    damage_box = property(lambda self: self.finding.damage_box)
    reviewer_edit = property(lambda self: self.signoff.reviewer_edit)
    preview = property(lambda self: self.signoff.preview)
    missing_label = property(lambda self: self.signoff.missing_label)
    sign_button = property(lambda self: self.signoff.sign_button)
    sign_next_button = property(lambda self: self.signoff.sign_next_button)
    next_button = property(lambda self: self.signoff.next_button)
    amend_button = property(lambda self: self.signoff.amend_button)
    export_button = property(lambda self: self.signoff.export_button)
    signed_label = property(lambda self: self.signoff.signed_label)
    export_status = property(lambda self: self.signoff.export_status)

    @property
    def blockers(self) -> list[str]:
        return [b.text for b in self.blocker_items]

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "form"):
            value = self.scroll.verticalScrollBar().value()
            self._build()
            self.refresh()
            # with the panel as context: dropped if the panel is deleted first (a closed tab, a test torn down)
            QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(value))
        super().changeEvent(event)

    # ================================================================== answers
    def answer(self, key: str, value, text: bool = False) -> None:
        """What the steps call when the reviewer answers; the session and the domain do the rest."""
        if self._refreshing or self.session.is_locked or getattr(self.session, "signing", False):
            return
        if key.startswith("override.") and not isinstance(self.session.answers.get("override"), dict):
            return
        self.session.set_answer(key, value)

    # ================================================================== refresh
    def refresh(self) -> None:
        """Bring every step in line with the review's one state."""
        if self._refreshing:
            return
        self._refreshing = True
        try:
            state = self.session.state
            locked = self.session.is_locked
            self.blocker_items = self.session.blocker_items() if not locked else []
            for step in self.steps:
                if step is self.signoff:
                    step.refresh(state, locked, self.blocker_items, self._export_running)
                else:
                    step.refresh(state, locked)
            self.sign_shortcut.setEnabled(not locked)
            signing = bool(getattr(self.session, "signing", False))
            self.form.setEnabled(not signing)   # nothing changes while the signature is on its way
            if signing:
                self.sign_button.setEnabled(False)
                self.sign_next_button.setEnabled(False)
            self._refresh_hold(locked)
            self._refresh_banner()
            self._refresh_signed(locked)
        finally:
            self._refreshing = False

    def _saved(self, _ok: bool) -> None:
        self._refresh_banner()

    def _refresh_banner(self) -> None:
        s = self.session
        locked = s.is_locked
        sign_error = getattr(s, "last_sign_error", None)
        if sign_error:
            text = self.tr("Not signed: {error}").format(error=sign_error)
            colour, bg = BAD, "#fdecea"
        elif getattr(s, "signing", False):
            text, colour, bg = self.tr("Signing: the verdict is being stored…"), "#0d47a1", "#e3f2fd"
        elif s.last_save_error:
            text = self.tr("Not saved: the draft could not be written ({error}). Your answers are kept here; "
                           "the next change tries again.").format(error=s.last_save_error)
            colour, bg = BAD, "#fdecea"
        elif locked:
            text, colour, bg = self.tr("Signed: this verdict is locked. Changing it needs an amendment."), OK, "#e8f5e9"
        elif s.is_amending:
            text = self.tr("Amending the signed verdict. Reason: {reason}").format(reason=s.amendment_reason)
            colour, bg = WARN, "#fff0e0"
        else:
            text, colour, bg = self.tr("Draft: answers are saved as you go."), "#0d47a1", "#e3f2fd"
        if isinstance(s.answers.get("override"), dict) and not locked:
            text += " " + self.tr("Override in use: the verdict will be flagged for supervisor review.")
        if self._export_note is not None:
            note, note_colour = self._export_note
            text += "\n" + note
            colour = note_colour
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ color: {colour}; background: {bg}; font-weight: 600; }}")
        if locked:
            self.footer.setText(self.tr("{key}: next case.").format(key=native(SIGN_NEXT_KEY)))
        elif self.blocker_items:
            self.footer.setText(self.tr("{n} still missing. {key}: next unanswered question.").format(
                n=len(self.blocker_items), key=native(NEXT_UNANSWERED_KEY)))
        else:
            self.footer.setText(self.tr("Ready to sign ({key}), or sign and go to the next case ({next}).").format(
                key=native(SIGN_KEY), next=native(SIGN_NEXT_KEY)))

    def _hold(self) -> str | None:
        """Why the notice may not be exported yet (the supervisor's notice gate), or None."""
        s = self.session
        return s.export_hold() if s.is_locked and hasattr(s, "export_hold") else None

    def _refresh_hold(self, locked: bool) -> None:
        hold = self._hold()
        if hold:
            self.export_button.setEnabled(False)
        self.export_button.setToolTip(hold or native("Ctrl+E"))
        prefix = self.tr("Notice held: %1").split("%1")[0]
        if hold and not self._export_running:
            self.export_status.setText(self.tr("Notice held: %1").replace("%1", hold))
            self.export_status.setStyleSheet(f"color: {WARN};")
        elif not hold and self.export_status.text().startswith(prefix):
            self.export_status.clear()

    def _refresh_signed(self, locked: bool) -> None:
        row = self.session.verdict
        if row is None:
            self.signed_label.setVisible(False)
            return
        record = row.record or {}
        signed_at = row.signed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %z") if isinstance(
            row.signed_at, datetime) else str(row.signed_at)
        lines = [self.tr("Signed by {reviewer} at {at}").format(reviewer=row.reviewer, at=signed_at),
                 self.tr("Policy {id} version {version}").format(id=row.policy_id, version=row.policy_version),
                 self.tr("Decision fingerprint: {fp}").format(fp=row.fingerprint or fingerprint(record))]
        if row.reason or row.kind == "amendment":
            lines.append(self.tr("Amendment; reason: {reason}").format(reason=row.reason or ""))
        if row.flagged_for_supervisor or record.get("flagged_for_supervisor"):
            lines.append(self.tr("Flagged for supervisor review (outcome overridden)."))
        prefix = "" if locked else html.escape(self.tr("Currently signed verdict (being amended):")) + "<br>"
        self.signed_label.setText(prefix + "<br>".join(html.escape(line) for line in lines))
        self.signed_label.setVisible(True)

    # ================================================================== keyboard and jumps
    def _focus(self, widget: QWidget) -> QWidget:
        if isinstance(widget, QRadioButton):
            made = next((c for c in self.choices.values() if widget in c.values), None)
            widget = (made.first() if made else None) or widget
        self.scroll.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return widget

    def go_to(self, target: str) -> QWidget | None:
        """Follow a "still missing" entry: focus the question, show the evidence item, or show the chat log."""
        if target.startswith("chat:"):
            self.session.chatRequested.emit(target.removeprefix("chat:"))
            return None
        if target.startswith("open:"):
            self.session.citationRequested.emit(target.removeprefix("open:"))
        widget = self.question_widgets.get(target)
        if widget is None and target.startswith("override"):
            widget = self.justification_edit
        return self._focus(widget) if widget is not None else None

    def focus_next_unanswered(self) -> QWidget | None:
        """Scroll to and focus the first question still unanswered (F8); then the items still to open; then the
        Sign button. Returns the widget focused."""
        if self.session.is_locked:
            return self._focus(self.next_button)
        order = list(self.question_widgets)
        targets = [b.target for b in self.blocker_items if b.target in self.question_widgets
                   or b.target.startswith("override")]
        targets.sort(key=lambda t: (t.startswith("open:"), order.index(t) if t in order else len(order)))
        for target in targets:
            widget = self.question_widgets.get(target) or self.justification_edit
            if widget.isEnabled() or target.startswith("override"):
                return self._focus(widget)
        chat = next((b.target for b in self.blocker_items if b.target.startswith("chat:")), None)
        if chat is not None:   # the case view shows the log with its table focused: Ctrl+End reads it
            self.go_to(chat)
            return None
        return self._focus(self.sign_button if self.sign_button.isEnabled() else self.missing_label)

    # ================================================================== sign, amend, export
    def sign(self) -> bool:
        """Ask, then hand the signature to the database writer; True when it is on its way. The form stays
        disabled until it is stored (``session.signed``: the Next case button) or refused (its line in the
        banner)."""
        s = self.session
        if s.is_locked or getattr(s, "signing", False):
            return False
        if s.sign_blockers():
            self.focus_next_unanswered()
            return False
        what = self.tr("Sign this amendment?") if s.is_amending else self.tr("Sign this verdict?")
        text = what + "\n\n" + self.tr("Signing locks the verdict under policy {policy} {version}; a later "
                                       "change is an amendment with its own reason.").format(
            policy=s.policy.id, version=s.policy.version)
        if not dialogs.ask_confirmation(self, self.tr("Sign verdict"), text):
            return False
        try:
            s.start_signing(local_now())
        except Exception as exc:  # noqa: BLE001 - the reviewer is told, in plain words
            QMessageBox.warning(self, self.tr("Not signed"),
                                self.tr("The verdict was not signed: {error}").format(error=plain_error(exc)))
            return False
        self.refresh()
        return True

    def sign_and_next(self) -> bool:
        """Sign, then ask for the next case (Ctrl+Shift+Return) once the signature is stored. On a signed
        verdict: just the next case."""
        if self.session.is_locked:
            self.nextRequested.emit()
            return True
        if getattr(self.session, "signing", False):
            return False
        self._next_after_sign = True
        if self.sign():
            return True
        self._next_after_sign = False
        return False

    def _signed(self, _row=None) -> None:
        self.refresh()
        self._focus(self.next_button)
        if self._next_after_sign:
            self._next_after_sign = False
            self.nextRequested.emit()

    def _sign_refused(self, _message: str) -> None:
        self._next_after_sign = False   # stay on the case: the banner says why
        self.refresh()
        self.scroll.ensureVisible(0, 0)
        self._focus(self.sign_button)

    def amend(self) -> bool:
        s = self.session
        if not s.is_locked:
            return False
        reason = dialogs.ask_amendment_reason(self, self.signed_label.text().replace("<br>", "\n"))
        if not reason:
            return False
        s.begin_amendment(reason)
        self.refresh()
        self.focus_next_unanswered()
        return True

    def _cancel_amendment(self) -> None:
        if dialogs.ask_confirmation(self, self.tr("Discard amendment"),
                                    self.tr("Discard the amendment? The signed verdict stays as it is.")):
            self.session.cancel_amendment()
            self.refresh()

    def export_notice(self, path: str | None = None) -> bool:
        """Write OUT.pdf (buyer) and OUT.seller.pdf (seller) off the GUI thread."""
        s = self.session
        record = s.verdict_record
        if record is None or self._export_running:
            return False
        hold = self._hold()
        if hold:  # a flagged verdict or an amendment waits for a supervisor's approval
            self._show_export(self.tr("Notice held: %1").replace("%1", hold), WARN)
            refresh = getattr(s, "refresh_hold", None)
            if callable(refresh):   # approved meanwhile? read it again (the button comes back if so)
                refresh()
            return False
        if path is None:
            path = dialogs.ask_export_path(self, f"{s.case.case_id}.pdf")
            if not path:
                return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from arbiter.notice_export import export_signed_notice  # verified, the signed revision, audited

        self._export_running = True
        self.export_button.setEnabled(False)
        self._show_export(self.tr("Writing the notices…"), MUTED)
        task = tasks.run(export_signed_notice, s.repo, s.case_pk, s.reviewer, Path(path), writes=True,
                         name="export notice")
        task.finished.connect(self._export_done)
        task.failed.connect(self._export_error)
        return True

    def _show_export(self, text: str, colour: str) -> None:
        """The export's result under the buttons and in the banner, which is always in view."""
        self.export_status.setText(text)
        self.export_status.setStyleSheet(f"color: {colour};")
        self._export_note = (text, colour)
        self._refresh_banner()

    def _export_done(self, paths) -> None:
        self._export_running = False
        self.last_export = paths
        self.last_export_error = None
        self.refresh()
        text = self.tr("Notices written:\nbuyer: {buyer}\nseller: {seller}").format(
            buyer=paths.buyer, seller=paths.seller)
        warnings = tuple(getattr(paths, "warnings", ()))  # the notice module's own lines (e.g. U+FFFD drawn)
        self._show_export("\n".join([text] + [f"⚠ {w}" for w in warnings]), BAD if warnings else OK)
        self.exportFinished.emit(paths)

    def _export_error(self, exc) -> None:
        self._export_running = False
        message = str(exc) or type(exc).__name__
        if isinstance(exc, OSError) and getattr(exc, "strerror", None):
            message = f"{exc.strerror}: {getattr(exc, 'filename', '') or ''}".rstrip(": ")
        self.last_export_error = message
        self.refresh()
        self._show_export(self.tr("The notices could not be written: {error}").format(error=message), BAD)
        self.exportFailed.emit(message)

    # ================================================================== lifecycle
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.session.flush()   # waits for the writer
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        refresh = getattr(self.session, "refresh_hold", None)
        if self.session.is_locked and callable(refresh):   # a supervisor may have approved meanwhile
            refresh()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        # another tab came forward: write now, without waiting; the window closing: wait for the writer
        self.session.flush(wait=not self.window().isVisible(), msecs=5000)
        super().hideEvent(event)
