"""Evidence forensics on screen (issue 13): the flags beside each evidence item and in the facts panel, a button
that cites a flag in the rationale, the matching photo of another case side by side, and the party history of
both sides with equal weight. Facts only: nothing here answers a question of the checklist.

Hooks elsewhere are two lines each: :func:`attach_to_case_view` (the evidence panel's strip) and
:class:`ForensicsFactsBox` (the facts panel). The work (EXIF, previews, near-duplicate lookup, party history)
runs once per open case in the background (``arbiter.ui.tasks``) and is kept on the session.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from arbiter.domain.forensics import Flag
from arbiter.ui.forensics_words import case_language, flag_detail, flag_title
from arbiter.ui.widgets.common import Badge

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _database(repo):
    """The repository's Database, or None (a stand-in repository in tests has none: no forensic facts)."""
    from arbiter.store import Database

    db = getattr(repo, "db", None)
    return db if isinstance(db, Database) else None


def compute(db, case_pk: int):
    """(flags, party history) of one case; runs on a worker thread."""
    from arbiter.forensics.service import case_flags
    from arbiter.store.party_history import party_history

    flags = case_flags(db, case_pk)
    try:
        history = party_history(db, case_pk)
    except Exception:  # noqa: BLE001 - history is a side fact; never lose the flags for it
        log.exception("party history failed")
        history = None
    return flags, history


class CaseForensics(QObject):
    """The forensic facts of one open case; ``ready`` when computed (or failed: ``error``)."""

    ready = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.flags: list[Flag] | None = None
        self.history = None
        self.error: str | None = None
        self._task = None

    @property
    def done(self) -> bool:
        return self.flags is not None or self.error is not None

    def start(self) -> None:
        from arbiter.ui import tasks

        db = _database(self.session.repo)
        if db is None:
            self.flags = []
            return
        self._task = tasks.run(compute, db, self.session.case_pk, name="forensics")
        self._task.finished.connect(self._finished)
        self._task.failed.connect(self._failed)

    def _finished(self, result) -> None:
        self.flags, self.history = result
        self.ready.emit()

    def _failed(self, exc) -> None:
        self.error = str(exc) or type(exc).__name__
        self.ready.emit()

    def flags_for(self, evidence_id: str) -> list[Flag]:
        return [f for f in self.flags or () if f.evidence_id == evidence_id]


def forensics_of(session) -> CaseForensics:
    """The session's forensic facts, started in the background on first use."""
    existing = getattr(session, "_arbiter_forensics", None)
    if existing is None:
        existing = CaseForensics(session, session if isinstance(session, QObject) else None)
        session._arbiter_forensics = existing
        existing.start()
    return existing


def list_badges(session, evidence_id: str) -> list[tuple[str, str]]:
    """(text, tone) badges for the evidence list: one per flag of the item, once the facts are computed."""
    facts = getattr(session, "_arbiter_forensics", None)
    if facts is None or not facts.flags:
        return []
    return [("⚑ " + flag_title(f.code), "warning") for f in facts.flags_for(evidence_id)]


def cite(session, flag: Flag) -> str:
    """Append the flag's citation ("E2: seen in case ...") to the rationale; returns the new rationale."""
    current = (session.answers.get("rationale") or "").rstrip()
    citation = flag.citation(case_language(session)) + "."
    text = f"{current} {citation}".strip() if current else citation
    session.set_answer("rationale", text)
    return text


def other_case_of(flag: Flag) -> tuple[str, str] | None:
    """(case id, evidence id) a ``seen_in_other_case`` flag names."""
    if flag.code != "seen_in_other_case":
        return None
    return flag.params["other_case_id"], flag.params["other_evidence_id"]


def detail_for(session, flag: Flag) -> str:
    """The flag's facts in the interface language, times in the zone the case view shows them in."""
    from arbiter.ui.timeline_model import display_zone

    zone, zone_name = display_zone(session)
    return flag_detail(flag, zone, zone_name)


class FlagRow(QWidget):
    """One flag: badge, detail, [Cite], and [Compare] for a match."""

    def __init__(self, session, flag: Flag, *, show_id: bool = False, parent=None):
        super().__init__(parent)
        self.flag = flag
        self.session = session
        self.show_id = show_id
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.badge = Badge("", "warning")
        self.badge.setObjectName(f"flag_{flag.evidence_id}_{flag.code}")
        self.detail = QLabel()
        self.detail.setObjectName("flagDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("color: #5f6b73;")
        layout.addWidget(self.badge)
        layout.addWidget(self.detail, 1)
        self.cite_button = QPushButton()
        self.cite_button.clicked.connect(self._cite)
        self.cite_button.setEnabled(not getattr(session, "is_locked", False))
        layout.addWidget(self.cite_button)
        self.compare_button = None
        if flag.code == "seen_in_other_case":
            self.compare_button = QPushButton()
            self.compare_button.clicked.connect(self.compare)
            layout.addWidget(self.compare_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the row, in the interface language (again on a language switch)."""
        flag = self.flag
        title = flag_title(flag.code)
        self.badge.setText(f"{flag.evidence_id} · {title}" if self.show_id else title)
        self.detail.setText(detail_for(self.session, flag))
        self.cite_button.setText(self.tr("Cite"))
        self.cite_button.setToolTip(self.tr("Add “%1” to the rationale").replace(
            "%1", flag.citation(case_language(self.session))))
        if self.compare_button is not None:
            self.compare_button.setText(self.tr("Compare side by side"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "cite_button"):
            self.retranslate()
        super().changeEvent(event)

    def _cite(self) -> None:
        try:
            cite(self.session, self.flag)
        except PermissionError:
            self.cite_button.setEnabled(False)

    def compare(self) -> "MatchDialog":
        dialog = MatchDialog(self.session, self.flag, self.window())
        dialog.show()
        return dialog


class MatchDialog(QDialog):
    """This case's photo and the other case's, side by side (for a video, its key frame that matched). Both files
    are read, decoded and matched off the GUI thread (:func:`arbiter.ui.match_reads.read_match`); the dialog shows
    at once and fills when they are back (``loaded``)."""

    loaded = Signal()

    def __init__(self, session, flag: Flag, parent=None):
        super().__init__(parent)
        from arbiter.ui import tasks
        from arbiter.ui.image_viewer import ImageViewer
        from arbiter.ui.match_reads import read_match

        self.setObjectName("matchDialog")
        self.setWindowTitle(self.tr("Same picture in two cases"))
        self.resize(1100, 560)
        other_case, other_eid = other_case_of(flag) or ("", "")
        layout = QVBoxLayout(self)
        note = QLabel(detail_for(session, flag))
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.viewers = []
        self.captions = []
        self.filled = False
        for case_id, eid in ((session.case.case_id, flag.evidence_id), (other_case, other_eid)):
            box = QVBoxLayout()
            caption = QLabel(f"{case_id} / {eid}")
            caption.setStyleSheet("font-weight: 600;")
            self.captions.append(caption)
            viewer = ImageViewer()
            box.addWidget(caption)
            box.addWidget(viewer, 1)
            row.addLayout(box, 1)
            self.viewers.append(viewer)
        layout.addLayout(row, 1)
        self.status = QLabel(self.tr("Reading both pictures…"))
        self.status.setObjectName("matchStatus")
        self.status.setStyleSheet("color: #5f6b73;")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.task = tasks.run(read_match, session.repo, session.case_pk, session.case.case_id, flag.evidence_id,
                              other_case, other_eid, name="compare side by side", owner=self)
        self.task.finished.connect(self._show)
        self.task.failed.connect(self._failed)

    def _show(self, sides) -> None:
        for side, caption, viewer in zip(sides, self.captions, self.viewers):
            if side.frame_at is not None:
                caption.setText(f"{side.case_id} / {side.evidence_id} · "
                                + self.tr("video, frame at %1").replace("%1", side.frame_at))
            if side.rgba is not None:
                viewer.set_image(QImage(side.rgba, side.width, side.height, side.width * 4,
                                        QImage.Format.Format_RGBA8888).copy())
        missing = [s for s in sides if s.rgba is None]
        self.status.setText(self.tr("%1 could not be shown (unreadable, or its bytes no longer match).").replace(
            "%1", ", ".join(f"{s.case_id} / {s.evidence_id}" for s in missing)) if missing else "")
        self.status.setVisible(bool(missing))
        self.filled = True
        self.loaded.emit()

    def _failed(self, exc) -> None:
        from arbiter.ui.widgets.common import plain_error

        self.status.setText(self.tr("The pictures could not be read: %1").replace("%1", plain_error(exc)))
        self.filled = True
        self.loaded.emit()


class EvidenceFlagsStrip(QWidget):
    """Under the evidence viewer's header: the flags of the item shown."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("evidenceFlags")
        self.session = session
        self.facts = forensics_of(session)
        self._evidence_id: str | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self.rows: list[FlagRow] = []
        self.facts.ready.connect(self._refresh)
        self.hide()

    def show_for(self, evidence_id: str) -> None:
        self._evidence_id = evidence_id
        self._refresh()

    def _refresh(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        flags = self.facts.flags_for(self._evidence_id) if self._evidence_id else []
        for flag in flags:
            row = FlagRow(self.session, flag, parent=self)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(flags))


class ForensicsFactsBox(QGroupBox):
    """The facts panel's section: every flag of the case, and the history of both parties alike."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("forensicsFacts")
        self.session = session
        self.facts = forensics_of(session)
        self._layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setStyleSheet("color: #5f6b73;")
        self._layout.addWidget(self.status)
        self.rows: list[FlagRow] = []
        self.history_labels: list[QLabel] = []
        self._history_items: list = []   # what each history label says (re-worded on a language switch)
        self.retranslate()
        if self.facts.done:
            self._fill()
        else:
            self.facts.ready.connect(self._fill)

    def retranslate(self) -> None:
        """The box's own texts (each flag row re-words itself); again on a language switch."""
        self.setTitle(self.tr("Evidence forensics and party history (facts, never a verdict)"))
        if not self.facts.done:
            self.status.setText(self.tr("Checking the photos against every case…"))
        elif self.facts.error:
            self.status.setText(self.tr("Forensic checks failed: %1").replace("%1", self.facts.error))
        else:
            flags = self.facts.flags or []
            self.status.setText(self.tr("No forensic flags.") if not flags else
                                self.tr("%1 flag(s); cite what you rely on.").replace("%1", str(len(flags))))
        from arbiter.domain.party_history import shared_line, side_line
        from arbiter.ui.facts_panel import ui_language

        lang = ui_language()
        for label, (kind, item) in zip(self.history_labels, self._history_items):
            label.setText(side_line(item, lang) if kind == "side" else shared_line(item, lang))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_history_items"):
            self.retranslate()
        super().changeEvent(event)

    def _fill(self) -> None:
        if self.facts.error:
            self.retranslate()
            return
        for flag in self.facts.flags or []:
            row = FlagRow(self.session, flag, show_id=True, parent=self)
            self._layout.addWidget(row)
            self.rows.append(row)
        history = self.facts.history
        if history is not None:
            grid = QGridLayout()
            for column, side in enumerate((history.buyer, history.seller)):   # the same place and weight for both
                label = QLabel()
                label.setWordWrap(True)
                label.setObjectName(f"history_{side.role}")
                grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignTop)
                grid.setColumnStretch(column, 1)
                self.history_labels.append(label)
                self._history_items.append(("side", side))
            self._layout.addLayout(grid)
            for shared in history.shared:
                label = QLabel()
                label.setWordWrap(True)
                self._layout.addWidget(label)
                self.history_labels.append(label)
                self._history_items.append(("shared", shared))
        self.retranslate()


def attach_to_case_view(case_view) -> EvidenceFlagsStrip | None:
    """Put the flags strip under the evidence viewer's header and follow the item shown."""
    panel = getattr(case_view, "evidence", None)
    anchor = getattr(panel, "meta", None)
    layout = anchor.parentWidget().layout() if anchor is not None and anchor.parentWidget() else None
    if layout is None or layout.indexOf(anchor) < 0:
        log.warning("evidence panel layout changed: forensic flags not shown beside the evidence")
        return None
    strip = EvidenceFlagsStrip(case_view.session, anchor.parentWidget())
    layout.insertWidget(layout.indexOf(anchor) + 1, strip)
    panel.evidenceShown.connect(strip.show_for)
    if hasattr(panel, "model") and hasattr(panel.model, "refresh"):
        strip.facts.ready.connect(lambda: panel.model.refresh())   # the list's flag badges
    current = panel.current_id() if hasattr(panel, "current_id") else None
    if current:
        strip.show_for(current)
    case_view.forensics_strip = strip
    return strip
