"""The one font of the notice: WenQuanYi Micro Hei, shipped in ``resources/fonts/`` (Apache-2.0), registered by
path so the PDF is the same on every OS. It has TrueType outlines (ReportLab embeds a subset) and covers both
Chinese and Latin, so every glyph of the notice comes from an embedded font; the base-14 fonts (Helvetica,
which PDF viewers substitute and never embed) are not used anywhere."""
from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from arbiter.resources import resource_path

FONT = "ArbiterSans"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

_lock = threading.Lock()
_registered = False


def font_path():
    return resource_path(*FONT_FILE)


def register_fonts() -> str:
    """Register the notice font once per process; returns its ReportLab name."""
    global _registered
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
            # <b>/<i> in paragraph markup must never fall back to a base-14 font
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            _registered = True
    return FONT
