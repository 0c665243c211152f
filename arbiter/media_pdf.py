"""PDF evidence rendered to pixels with pypdfium2 (PDFium), for the evidence viewer. Qt-free.

Evidence bytes are untrusted. What we ask of PDFium is only to rasterise a page into a bitmap:

* no scripts: the form-fill environment (``init_forms``), which is where PDFium would run a document's
  JavaScript, is never created, and the pypdfium2 wheels are built without V8 anyway; forms are not drawn;
* nothing is followed: links, launch actions, attachments, embedded files and XFA are never read or acted on;
  the page becomes pixels and that is all the viewer gets;
* bounded work: the page count and the rendered pixel count are capped; the document is read from memory,
  never written to a temporary file.

PDFium is not thread-safe: every call goes through one lock, so pages can be rendered on a worker thread
(``arbiter.ui.tasks``) while the GUI thread never touches PDFium.
"""
from __future__ import annotations

import atexit
import threading
from collections import OrderedDict
from dataclasses import dataclass

import pypdfium2 as pdfium

MAX_PAGES = 2000                    # a PDF with more pages is refused (shown as "cannot be shown")
MAX_RENDER_PIXELS = 24_000_000      # one rendered page: about 6000 x 4000 px
MIN_SCALE, MAX_SCALE = 0.1, 8.0     # pixels per PDF point (1/72 in)
_CACHE_SIZE = 2                     # open documents kept (the one being viewed, the one before)

_LOCK = threading.RLock()
_DOCS: OrderedDict[str, pdfium.PdfDocument] = OrderedDict()


class PdfError(Exception):
    """The bytes are not a PDF PDFium can open, or a page cannot be rendered."""


@dataclass(frozen=True, slots=True)
class RenderedPage:
    index: int                      # 0-based
    page_count: int
    width: int
    height: int
    rgba: bytes                     # width * height * 4 bytes, RGBA
    page_width_pt: float
    page_height_pt: float


def _document(key: str, data: bytes) -> pdfium.PdfDocument:
    """The open document for ``key`` (the evidence sha256), opened once; call with the lock held."""
    doc = _DOCS.get(key)
    if doc is not None:
        _DOCS.move_to_end(key)
        return doc
    try:
        doc = pdfium.PdfDocument(bytes(data))
    except pdfium.PdfiumError as exc:
        raise PdfError(f"not a readable PDF ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: any failure is "not readable"
        raise PdfError(f"not a readable PDF ({type(exc).__name__})") from None
    _DOCS[key] = doc
    while len(_DOCS) > _CACHE_SIZE:
        _, old = _DOCS.popitem(last=False)
        old.close()
    return doc


def page_count(key: str, data: bytes) -> int:
    """Number of pages; raises :class:`PdfError` for unreadable, empty or absurdly long documents."""
    with _LOCK:
        count = len(_document(key, data))
    if count <= 0:
        raise PdfError("the PDF has no pages")
    if count > MAX_PAGES:
        raise PdfError(f"the PDF has {count} pages; at most {MAX_PAGES} are shown")
    return count


def scale_for(width_pt: float, height_pt: float, target_width: int, target_height: int | None = None) -> float:
    """Pixels per point so the page fits ``target_width`` (and ``target_height`` if given), bounded."""
    width_pt, height_pt = max(width_pt, 1.0), max(height_pt, 1.0)
    scale = target_width / width_pt
    if target_height:
        scale = min(scale, target_height / height_pt)
    scale = max(MIN_SCALE, min(MAX_SCALE, scale))
    while width_pt * height_pt * scale * scale > MAX_RENDER_PIXELS and scale > MIN_SCALE:
        scale *= 0.9
    return scale


def render_page(key: str, data: bytes, index: int, target_width: int, target_height: int | None = None
                ) -> RenderedPage:
    """Render page ``index`` (0-based) to RGBA pixels about ``target_width`` px wide."""
    with _LOCK:
        doc = _document(key, data)
        count = len(doc)
        if not 0 <= index < count:
            raise PdfError(f"no page {index + 1} (the PDF has {count})")
        try:
            page = doc[index]
            try:
                w_pt, h_pt = page.get_size()
                scale = scale_for(w_pt, h_pt, target_width, target_height)
                bitmap = page.render(scale=scale, may_draw_forms=False, rev_byteorder=True, prefer_bgrx=True,
                                     fill_color=(255, 255, 255, 255))
                try:
                    image = bitmap.to_pil()
                    rgba = image.convert("RGBA")
                    return RenderedPage(index, count, rgba.width, rgba.height, rgba.tobytes(), w_pt, h_pt)
                finally:
                    bitmap.close()
            finally:
                page.close()
        except PdfError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise PdfError(f"page {index + 1} cannot be rendered ({type(exc).__name__})") from None


def forget(key: str | None = None) -> None:
    """Close a cached document (or all of them)."""
    with _LOCK:
        keys = list(_DOCS) if key is None else [key]
        for k in keys:
            doc = _DOCS.pop(k, None)
            if doc is not None:
                doc.close()


atexit.register(forget)   # close the cached documents before pypdfium2 complains about them at exit
