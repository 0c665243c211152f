"""Opening an evidence item, off the GUI thread: the evidence panel runs :func:`read_item` through ``tasks.run``
(a read on the pool, like the case opening and the thumbnails) and shows its :class:`ItemRead` on the GUI thread.

The read re-verifies the bytes (``Repository.evidence_bytes`` re-hashes them), decodes an image with Pillow
(:mod:`arbiter.media`, bomb limit) and counts a PDF's pages with PDFium (:mod:`arbiter.media_pdf`, one lock); the
GUI thread only turns the decoded pixels into a QImage. Qt-free, so it runs and is tested on any thread.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from arbiter import media, media_pdf

PDF_TYPES = frozenset({"application/pdf"})


@dataclass(frozen=True)
class ItemRead:
    """What reading one item gave: the verified bytes and their sha256, or the read's error; for an image its
    decoded RGBA pixels and EXIF facts (or why it cannot be decoded); for a PDF its page count (or why PDFium
    cannot read it)."""

    evidence_id: str
    data: bytes | None = None
    digest: str | None = None
    error: BaseException | None = None
    width: int = 0
    height: int = 0
    rgba: bytes | None = None
    info: Any = None                  # media.ImageInfo
    image_error: str | None = None
    pdf_pages: int | None = None
    pdf_error: str | None = None


def write_copy(path: str, data: bytes) -> str:
    """"Save a copy": the verified bytes to the file the reviewer picked (run it through ``tasks.run``)."""
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def read_item(repo: Any, case_pk: int, evidence_id: str, media_type: str, sha256: str) -> ItemRead:
    """Read, verify and prepare one evidence item for display (run it through ``tasks.run``)."""
    try:
        data = repo.evidence_bytes(case_pk, evidence_id)
    except Exception as exc:  # noqa: BLE001 - shown as a problem in the viewer (tampered, unreadable)
        return ItemRead(evidence_id, error=exc)
    digest = hashlib.sha256(data).hexdigest()
    kind = media_type.lower()
    if media.is_image(kind):
        info = media.image_info(data)
        try:
            width, height, rgba = media.decode_rgba(data)
        except media.MediaError as exc:
            return ItemRead(evidence_id, data, digest, info=info, image_error=str(exc))
        return ItemRead(evidence_id, data, digest, width=width, height=height, rgba=rgba, info=info)
    if kind in PDF_TYPES:
        try:
            return ItemRead(evidence_id, data, digest, pdf_pages=media_pdf.page_count(sha256, data))
        except media_pdf.PdfError as exc:
            return ItemRead(evidence_id, data, digest, pdf_error=str(exc))
    return ItemRead(evidence_id, data, digest)


__all__ = ["ItemRead", "read_item"]
