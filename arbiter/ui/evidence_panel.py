"""The evidence tab: the list in review order on the left, the viewer on the right.

Opening an item re-reads its bytes through ``session.repo.evidence_bytes`` (which re-verifies the sha256), decodes
an image (Pillow, :mod:`arbiter.media`) or counts a PDF's pages, all off the GUI thread
(:mod:`arbiter.ui.evidence_reads` through ``tasks.run``; a read overtaken by another item is dropped), and shows
the result as a badge. Images are shown in the :class:`ImageViewer`, PDFs and videos by
:mod:`arbiter.ui.evidence_documents`; anything else is never rendered or run: the panel lists its facts and offers
"Save a copy…" of the verified bytes. An image counts as opened (``session.mark_evidence_opened``) as soon as it is
shown.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QListView, QMessageBox, QSplitter,
    QSizePolicy, QStackedWidget, QToolBar, QToolButton, QVBoxLayout, QWidget,
)

from arbiter import media
from arbiter.domain.model import Evidence, Party
from arbiter.ui.evidence_model import EvidenceDelegate, EvidenceListModel, ItemRole, is_tampered
from arbiter.ui.image_viewer import ImageViewer
from arbiter.ui import evidence_documents, evidence_reads, tasks
from arbiter.ui.widgets.common import Badge
from arbiter.ui.widgets.flow import FlowLayout
from arbiter.ui.modelutil import index_data

log = logging.getLogger(__name__)

_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif",
               "image/bmp": "bmp", "video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm",
               "application/pdf": "pdf"}

SHORTCUTS = {
    "next": "Alt+Right",
    "previous": "Alt+Left",
    "zoom_in": "Ctrl+=",
    "zoom_out": "Ctrl+-",
    "fit": "Ctrl+0",
    "actual": "Ctrl+Alt+0",   # Ctrl+1 is the window's "Case queue"
    "rotate_right": "Ctrl+R",
    "rotate_left": "Ctrl+Shift+R",
}


def _plain_label(text: str = "", *, wrap: bool = True, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


class EvidencePanel(QWidget):
    evidenceShown = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._current: Evidence | None = None
        self._bytes: bytes | None = None
        self._reading = 0        # the generation of the item read under way (a newer one drops older results)
        #: an item's bytes are being read off the GUI thread
        self.loading = False

        self.model = EvidenceListModel(session, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(EvidenceDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumWidth(280)
        self.list.selectionModel().currentChanged.connect(self._current_changed)

        # --- viewer header
        self.title = _plain_label(wrap=False)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.hash_badge = Badge("")
        self.hash_badge.setTextFormat(Qt.TextFormat.PlainText)
        self.role_badge = Badge("")
        self.role_badge.setTextFormat(Qt.TextFormat.PlainText)
        self.description = _plain_label()
        self.meta = _plain_label()
        self.meta.setStyleSheet("color: #5f6b73;")
        # the title may be cut (its full text is the tooltip); the badges never are (they keep their width)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(40)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        badges_row = QWidget()
        badges = FlowLayout(badges_row, spacing=6)   # wraps instead of squeezing a badge ("a256 verified")
        badges.addWidget(self.role_badge)
        badges.addWidget(self.hash_badge)

        # --- actions
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        self.viewer = ImageViewer()
        for name, slot in (
            ("previous", self.show_previous),
            ("next", self.show_next),
            (None, None),
            ("zoom_out", self.viewer.zoom_out),
            ("zoom_in", self.viewer.zoom_in),
            ("fit", self.viewer.fit),
            ("actual", self.viewer.actual_size),
            ("rotate_left", self.viewer.rotate_left),
            ("rotate_right", self.viewer.rotate_right),
            (None, None),
            ("save", self.save_copy),
        ):
            if name is None:
                self.toolbar.addSeparator()
                continue
            action = QAction(self)
            if name in SHORTCUTS:
                action.setShortcut(QKeySequence(SHORTCUTS[name]))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
            if name == "save":   # the only way to a file not shown inside: never hidden in the toolbar's overflow
                self.save_button = QToolButton()
                self.save_button.setObjectName("saveCopyButton")
                self.save_button.setDefaultAction(action)
                self.save_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                top.addWidget(self.save_button)
            else:
                self.toolbar.addAction(action)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.toolbar.addWidget(self.zoom_label)
        self.viewer.viewChanged.connect(self._update_zoom_label)

        # --- pages: image, file facts, problem
        self.file_page = QWidget()
        form = QFormLayout(self.file_page)
        self.file_note = _plain_label()
        self.file_facts = _plain_label()
        form.addRow(self.file_note)
        form.addRow(self.file_facts)
        self.problem_page = QWidget()
        problem_layout = QVBoxLayout(self.problem_page)
        self.problem = _plain_label()
        self.problem.setStyleSheet("color: #b71c1c; font-weight: 600;")
        problem_layout.addWidget(self.problem)
        problem_layout.addStretch(1)
        self.empty_page = _plain_label()
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for page in (self.empty_page, self.viewer, self.file_page, self.problem_page):
            self.stack.addWidget(page)
        self.documents = evidence_documents.DocumentViews(self)   # PDF pages and videos (own module)

        right = QWidget()
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(8, 4, 4, 4)
        rlayout.addLayout(top)
        rlayout.addWidget(badges_row)
        rlayout.addWidget(self.description)
        rlayout.addWidget(self.meta)
        rlayout.addWidget(self.toolbar)
        rlayout.addWidget(self.documents.pdf)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        rlayout.addWidget(line)
        rlayout.addWidget(self.stack, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("evidenceSplitter")
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._retranslate_fixed()
        self._show_nothing()

        if hasattr(session, "evidenceOpened"):
            session.evidenceOpened.connect(self.model.refresh)

    # ---------------------------------------------------------------- texts
    def _retranslate_fixed(self) -> None:
        """The texts that do not depend on the item shown."""
        self.list.setAccessibleName(self.tr("Evidence list"))
        texts = {
            "previous": self.tr("◀ Previous"),
            "next": self.tr("Next ▶"),
            "zoom_out": self.tr("Zoom out"),
            "zoom_in": self.tr("Zoom in"),
            "fit": self.tr("Fit"),
            "actual": self.tr("1:1"),
            "rotate_left": self.tr("Rotate ⟲"),
            "rotate_right": self.tr("Rotate ⟳"),
            "save": self.tr("Save a copy…"),
        }
        for name, text in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            if name in SHORTCUTS:
                keys = QKeySequence(SHORTCUTS[name]).toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{text} ({keys})")
        self.file_note.setText(self.tr(
            "This file is not shown inside arbiter, and arbiter never opens or runs it. "
            "Its bytes were verified against the recorded sha256. To inspect it, save a copy "
            "(Save a copy…, beside the title) and open the copy with a program you trust."))
        self._retranslate_empty()

    def _retranslate_empty(self) -> None:
        self.empty_page.setText(self.tr("Select an evidence item on the left to open it."))

    def retranslate(self) -> None:
        self._retranslate_fixed()
        self.model.refresh()
        if self._current is None:
            self._show_nothing()
        else:
            self._show(self._current)  # re-reads (and re-verifies) the bytes; the view starts fitted again

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "stack"):
            self.retranslate()
        super().changeEvent(event)

    # ---------------------------------------------------------------- navigation
    def current_id(self) -> str | None:
        return self._current.id if self._current else None

    def open_evidence(self, evidence_id: str) -> bool:
        index = self.model.index_of(evidence_id)
        if not index.isValid():
            return False
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        if self._current is None or self._current.id != evidence_id:
            self._show(index_data(index, ItemRole))
        return True

    def show_next(self) -> None:
        self._step(+1)

    def show_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        rows = self.model.item_rows()
        if not rows:
            return
        current = self.list.currentIndex().row()
        if current in rows:
            pos = rows.index(current) + delta
        else:
            pos = 0 if delta > 0 else len(rows) - 1
        if 0 <= pos < len(rows):
            self.open_evidence(self.model.item_at(rows[pos]).id)

    def _current_changed(self, current, _previous) -> None:
        item = index_data(current, ItemRole) if current.isValid() else None
        if item is not None and (self._current is None or self._current.id != item.id):
            self._show(item)

    # ---------------------------------------------------------------- showing
    def _show_nothing(self) -> None:
        self._reading += 1   # a read still on its way is dropped
        self.loading = False
        if hasattr(self, "documents"):
            self.documents.leave()
        self.title.setText(self.tr("Evidence"))
        self.hash_badge.hide()
        self.role_badge.hide()
        self.description.setText("")
        self.meta.setText(self.tr("Items: %1, in review order").replace("%1", str(len(self.model.evidence_ids()))))
        self.stack.setCurrentWidget(self.empty_page)
        self._set_image_actions(False)
        self.actions_by_name["save"].setEnabled(False)

    def _set_image_actions(self, enabled: bool) -> None:
        for name in ("zoom_in", "zoom_out", "fit", "actual", "rotate_left", "rotate_right"):
            self.actions_by_name[name].setEnabled(enabled)
        self.zoom_label.setVisible(enabled)

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.viewer.zoom * 100)}%")

    def _show(self, item: Evidence) -> None:
        session = self._session
        self._current = item
        self._bytes = None
        self.documents.leave()
        party = self.model.party_name(item.party)
        self.title.setText(f"{item.id} · {party} · {self.model.kind_name(item.kind.value)}")
        self.title.setToolTip(self.title.text())
        self.description.setText(item.description or self.tr("(no caption)"))
        if item.is_primary:
            self.role_badge.setText(self.tr("Primary evidence"))
            self.role_badge.set_tone("info")
        elif item.is_supplementary and not item.requested:
            self.role_badge.setText(self.tr("Not requested · excluded by rule"))
            self.role_badge.set_tone("warning")
        elif item.is_supplementary:
            self.role_badge.setText(self.tr("Supplementary · requested"))
            self.role_badge.set_tone("neutral")
        else:
            self.role_badge.setText(self.tr("First submission"))
            self.role_badge.set_tone("neutral")
        self.role_badge.show()

        submitted = self.tr("submitted %1 · submission %2 · %3").replace(
            "%1", item.submitted_at.strftime("%Y-%m-%d %H:%M %z")).replace(
            "%2", str(item.submission)).replace("%3", item.media_type)
        # the bytes are read, re-hashed and decoded off the GUI thread (evidence_reads, like the thumbnails)
        self._reading += 1
        generation = self._reading
        self.loading = True
        self.hash_badge.hide()
        self.viewer.clear()
        self._set_image_actions(False)
        self.actions_by_name["save"].setEnabled(False)
        self.meta.setText(submitted)
        self.empty_page.setText(self.tr("Opening %1…").replace("%1", item.id))
        self.stack.setCurrentWidget(self.empty_page)
        task = tasks.run(evidence_reads.read_item, session.repo, session.case_pk, item.id, item.media_type,
                         item.sha256, name=f"open evidence {item.id}", owner=self)
        task.finished.connect(lambda read, g=generation, i=item, t=submitted: self._read_back(g, i, t, read))
        task.failed.connect(lambda exc, g=generation, i=item, t=submitted: self._read_back(
            g, i, t, evidence_reads.ItemRead(i.id, error=exc)))

    def _read_back(self, generation: int, item: Evidence, submitted: str, read: evidence_reads.ItemRead) -> None:
        """The item's read is back (GUI thread): show it, unless the reviewer moved on meanwhile."""
        if generation != self._reading or self._current is not item:
            return   # stale: another item (or none) is shown now
        self.loading = False
        self._retranslate_empty()
        if read.error is not None:
            exc = read.error
            self.viewer.clear()
            self._set_image_actions(False)
            self.actions_by_name["save"].setEnabled(False)
            self.hash_badge.show()
            if is_tampered(exc):
                self.model.mark_failed(item.id)
                self.hash_badge.setText(self.tr("✗ hash mismatch"))
                self.hash_badge.set_tone("danger")
                self.problem.setText(self.tr(
                    "The stored file no longer matches the sha256 recorded when the case was imported "
                    "(%1…). It is treated as not authentic and is not shown.").replace("%1", item.sha256[:12]))
            else:
                log.error("cannot read evidence %s: %s", item.id, exc)
                self.hash_badge.setText(self.tr("✗ unreadable"))
                self.hash_badge.set_tone("danger")
                self.problem.setText(self.tr("The stored file could not be read: %1").replace("%1", str(exc)))
            self.meta.setText(submitted)
            self.stack.setCurrentWidget(self.problem_page)
            self._opened(item)
            return

        data, digest = read.data, read.digest
        self._bytes = data
        self.hash_badge.show()
        if digest == item.sha256:
            self.hash_badge.setText(self.tr("✓ sha256 verified %1").replace("%1", digest[:12]))
            self.hash_badge.set_tone("success")
        else:  # the repository verifies; a double check costs one hash
            self.model.mark_failed(item.id)
            self.hash_badge.setText(self.tr("✗ hash mismatch"))
            self.hash_badge.set_tone("danger")
        self.actions_by_name["save"].setEnabled(True)

        shown = False
        if self.documents.show(item, data, submitted, read):
            return  # a PDF or a video: opened once every page is seen / it is played to its end
        if media.is_image(item.media_type):
            info = read.info
            if read.rgba is None:
                self.problem.setText(self.tr("This image cannot be shown: %1").replace("%1", read.image_error or ""))
                self.stack.setCurrentWidget(self.problem_page)
                self._set_image_actions(False)
                self.meta.setText(submitted)
            else:
                w, h = read.width, read.height
                image = QImage(read.rgba, w, h, w * 4, QImage.Format.Format_RGBA8888).copy()
                self.stack.setCurrentWidget(self.viewer)
                self.viewer.set_image(image)
                self._set_image_actions(True)
                parts = [submitted, f"{w} × {h} px"]
                if info is not None and info.captured_at:
                    parts.append(self.tr("captured %1 (EXIF)").replace("%1", info.captured_at))
                if info is not None and info.camera:
                    parts.append(self.tr("camera %1").replace("%1", info.camera))
                if info is not None and not info.captured_at and not info.camera:
                    parts.append(self.tr("no EXIF capture data"))
                self.meta.setText(" · ".join(parts))
                shown = True
        if not shown and self.stack.currentWidget() is not self.problem_page:
            self.viewer.clear()
            self._set_image_actions(False)
            self.meta.setText(submitted)
            self.file_facts.setText("\n".join([
                self.tr("Media type: %1").replace("%1", item.media_type),
                self.tr("Size: %1 bytes").replace("%1", f"{len(data):,}"),
                self.tr("sha256: %1").replace("%1", digest),
                self.tr("File in the bundle: %1").replace("%1", item.file),
            ]))
            self.stack.setCurrentWidget(self.file_page)
        self._opened(item)

    def _opened(self, item: Evidence) -> None:
        self._session.mark_evidence_opened(item.id)
        self.model.refresh(item.id)
        self.evidenceShown.emit(item.id)

    # ---------------------------------------------------------------- save
    def suggested_file_name(self) -> str:
        item = self._current
        ext = _EXTENSIONS.get(item.media_type, "bin")
        return f"{self._session.case.case_id}-{item.id}.{ext}"

    def save_copy(self, path: str | None = None) -> str | None:
        """Write the verified bytes to a file the reviewer picks, off the GUI thread (``self.copy_task``); a
        failure is explained. Nothing is opened or executed. Returns the path being written."""
        if self._current is None or self._bytes is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the evidence"),
                                                  self.suggested_file_name())
        if not path:
            return None
        self.copy_task = tasks.run(evidence_reads.write_copy, path, self._bytes, name="save a copy", owner=self)
        self.copy_task.failed.connect(lambda exc: QMessageBox.warning(
            self, self.tr("Save a copy"), self.tr("The copy could not be written: %1").replace(
                "%1", getattr(exc, "strerror", None) or str(exc))))
        return path

    def party_label(self, party: Party) -> str:
        return self.model.party_name(party)
