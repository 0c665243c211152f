"""PDF and video evidence in the evidence panel: which viewer shows an item, and when it counts as opened.

The evidence panel hands every verified item to :meth:`DocumentViews.show`; PDFs and videos are shown here and
the rest (images, other files) stays with the panel. PDFs: the page bar (:class:`PdfPager`) renders pages off the
GUI thread into the panel's image viewer (zoom, fit and rotate work); the item is opened when every page has
been seen. Videos: :class:`VideoViewer`; opened when played to its end. The viewing progress goes to the review
session (``note_evidence_progress``, kept in the draft) so it survives a restart; only complete items are
passed to ``mark_evidence_opened``, which is what the signing gate reads.

A PDF PDFium cannot read, or a video Qt Multimedia cannot play (or no Qt Multimedia at all), shows what is known
about the file and "Save a copy…", and counts as opened then, like an image that cannot be decoded: there is
nothing more arbiter can show of it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from arbiter.domain.model import Evidence
from arbiter.ui import viewing_progress
from arbiter.ui.pdf_viewer import PdfPager
from arbiter.ui.video_viewer import VideoViewer

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text"): the panel's context

PDF_TYPES = frozenset({"application/pdf"})
VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime", "video/webm"})


class DocumentViews(QObject):
    def __init__(self, panel):
        super().__init__(panel)
        self._panel = panel
        self._item: Evidence | None = None
        self.pdf = PdfPager(panel)
        self.pdf.hide()
        self.video = VideoViewer()
        panel.stack.addWidget(self.video)
        self.pdf.pageRendered.connect(self._page_rendered)
        self.pdf.pageSeen.connect(self._page_seen)
        self.pdf.failed.connect(self._failed)
        self.video.progressed.connect(self._video_progress)
        self.video.completed.connect(self._complete)
        self.video.failed.connect(self._failed)

    # ---------------------------------------------------------------- session access (fakes may lack it)
    def _progress(self, evidence_id: str) -> dict | None:
        return getattr(self._panel._session, "evidence_progress", {}).get(evidence_id)

    def _note(self, evidence_id: str, info: dict) -> None:
        note = getattr(self._panel._session, "note_evidence_progress", None)
        if callable(note):
            note(evidence_id, info)
        self._panel.model.refresh(evidence_id)

    # ---------------------------------------------------------------- showing
    def show(self, item: Evidence, data: bytes, submitted: str, read=None) -> bool:
        """Show ``item`` if it is a PDF or a video; False when the panel should show it itself. ``read`` (an
        :class:`arbiter.ui.evidence_reads.ItemRead`) carries the page count made off the GUI thread."""
        media_type = item.media_type.lower()
        panel = self._panel
        if media_type in PDF_TYPES:
            self._item = item
            panel.meta.setText(submitted)
            panel.viewer.clear()
            panel.stack.setCurrentWidget(panel.viewer)
            panel._set_image_actions(True)
            self.pdf.show()
            info = self._progress(item.id) or {}
            seen = info.get("seen", ()) if info.get("kind") == "pdf" else ()
            if not self.pdf.load(item.id, item.sha256, data, seen, count=getattr(read, "pdf_pages", None),
                                 error=getattr(read, "pdf_error", None)):
                return True  # failed: _failed has shown the problem
            panel.evidenceShown.emit(item.id)
            return True
        if media_type in VIDEO_TYPES:
            self._item = item
            panel.meta.setText(submitted)
            panel._set_image_actions(False)
            panel.stack.setCurrentWidget(self.video)
            if self.video.load(item.id, data, media_type, self._progress(item.id)):
                panel.evidenceShown.emit(item.id)
            return True
        return False

    def leave(self) -> None:
        """The panel moves to another item (or none)."""
        self.video.stop()   # reports how far the video got while the item is still the current one
        self._item = None
        self.pdf.clear()
        self.pdf.hide()

    # ---------------------------------------------------------------- PDF
    def _page_rendered(self, image, index: int, count: int) -> None:
        panel = self._panel
        if self._item is None:
            return
        panel.viewer.set_image(image)
        panel.stack.setCurrentWidget(panel.viewer)

    def _page_seen(self, evidence_id: str, index: int, count: int) -> None:
        if self._item is None or self._item.id != evidence_id:
            return
        info = viewing_progress.pdf_progress(self._progress(evidence_id), count, index)
        self._note(evidence_id, info)
        if viewing_progress.pdf_complete(info):
            self._complete(evidence_id)

    # ---------------------------------------------------------------- video
    def _video_progress(self, evidence_id: str, info: dict) -> None:
        if self._item is not None and self._item.id == evidence_id:
            self._note(evidence_id, info)

    # ---------------------------------------------------------------- both
    def _complete(self, evidence_id: str) -> None:
        if self._item is not None and self._item.id == evidence_id:
            self._panel._opened(self._item)

    def _failed(self, evidence_id: str, message: str) -> None:
        item, panel = self._item, self._panel
        if item is None or item.id != evidence_id:
            return
        self.pdf.hide()
        panel.viewer.clear()
        panel._set_image_actions(False)
        if item.media_type.lower() in PDF_TYPES:
            text = translate("EvidencePanel", "This PDF cannot be shown: %1").replace("%1", message)
        else:
            text = translate("EvidencePanel", "This video cannot be played here: %1").replace("%1", message)
        panel.problem.setText(text + "\n\n" + translate("EvidencePanel", 
            "Its bytes were verified against the recorded sha256. To inspect it, save a copy "
            "(toolbar: Save a copy…) and open the copy with a program you trust."))
        panel.stack.setCurrentWidget(panel.problem_page)
        panel._opened(item)
