"""The notice's fonts: every glyph comes from a TrueType font shipped in ``resources/fonts/`` (licences beside
them), registered by path so the PDF is the same on every OS; ReportLab embeds a subset of each font used.

- ``ArbiterSans`` = WenQuanYi Micro Hei (Apache-2.0): Chinese and basic Latin, the notice's own text.
- Fallbacks, tried in this order for what it lacks: Noto Sans (Latin with Vietnamese, Greek, Cyrillic),
  Noto Sans Thai, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Devanagari (all OFL-1.1), Symbola (emoji
  and symbols, free for any use).

Text from the case (names, the buyer's words, captions, the rationale) goes through :func:`markup`, which
picks a font per run of characters, and is shaped by HarfBuzz (``uharfbuzz``) when ReportLab lays it out:
Thai marks stack on their base, Arabic joins, Devanagari forms conjuncts. A character no embedded font
covers is drawn as U+FFFD (the replacement character) and reported, never dropped silently.
"""
from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from arbiter.resources import resource_path

FONT = "ArbiterSans"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
REPLACEMENT = "\ufffd"

# (ReportLab name, file in resources/fonts) in fallback order, after FONT.
FALLBACKS = (
    ("ArbiterNoto", "NotoSans-Regular.ttf"),
    ("ArbiterThai", "NotoSansThai-Regular.ttf"),
    ("ArbiterArabic", "NotoSansArabic-Regular.ttf"),
    ("ArbiterHebrew", "NotoSansHebrew-Regular.ttf"),
    ("ArbiterDevanagari", "NotoSansDevanagari-Regular.ttf"),
    ("ArbiterSymbols", "Symbola.ttf"),
)
REPLACEMENT_FONT = "ArbiterNoto"  # has U+FFFD

_lock = threading.Lock()
_registered = False
_coverage: dict[str, frozenset[int]] = {}
_chain: tuple[str, ...] = ()


class MappedTTFont(TTFont):
    """A TrueType font whose ToUnicode map says what each shaped glyph stands for.

    HarfBuzz replaces characters by glyphs that have no code point of their own (a Thai tone mark moved
    down, an Arabic letter's joining form, a Devanagari conjunct); ReportLab gives those private-use codes,
    so text extraction would return private-use characters or lose them. :mod:`arbiter.notice.shaping`
    records the text each such glyph stands for in :attr:`actual`, and the ToUnicode map is written from it
    (UTF-16, so characters beyond the BMP such as emoji come back too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actual: dict[int, str] = {}      # code point used in the subset -> the text it stands for
        self.variants: dict[tuple[int, str], int] = {}  # (glyph id, text) -> private code point
        self.next_private = 0xF0000           # supplementary private use area A: no clash with the font's cmap

    def addObjects(self, doc):
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset, self.actual)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(name: str, subset: list[int], actual: dict[int, str]) -> str:
    entries = []
    for code, point in enumerate(subset):
        text = actual.get(point)
        if text is None:
            text = chr(point)
        entries.append(f"<{code:02X}> <{_utf16_hex(text)}>")
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
             f"<< /Registry ({name})", f"/Ordering ({name})", "/Supplement 0", ">> def", f"/CMapName /{name} def",
             "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange"]
    for start in range(0, len(entries), 100):  # a bfchar block holds at most 100 entries
        chunk = entries[start:start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def font_path():
    return resource_path(*FONT_FILE)


def font_files() -> list:
    """Every font file the notice embeds from (for packaging checks and the docs)."""
    return [font_path()] + [resource_path("fonts", file) for _, file in FALLBACKS]


def register_fonts() -> str:
    """Register the notice fonts once per process; returns the main font's ReportLab name."""
    global _registered, _chain
    with _lock:
        if not _registered:
            from arbiter.notice import shaping

            fonts = [(FONT, MappedTTFont(FONT, str(font_path()), subfontIndex=0))]
            fonts += [(name, MappedTTFont(name, str(resource_path("fonts", file)))) for name, file in FALLBACKS]
            for name, font in fonts:
                pdfmetrics.registerFont(font)
                # <b>/<i> in paragraph markup must never fall back to a base-14 font
                for bold in (0, 1):
                    for italic in (0, 1):
                        addMapping(name, bold, italic, name)
                _coverage[name] = frozenset(font.face.charToGlyph)
            _chain = tuple(name for name, _ in fonts)
            shaping.install()
            _registered = True
    return FONT


# ------------------------------------------------------------------------------------- runs of characters

_RTL_BIDI = {"R", "AL"}


def _invisible(ch: str) -> bool:
    """Format characters that draw nothing by themselves (ZWJ, ZWNJ, variation selectors, BOM, bidi
    marks): kept where the run's font has them, omitted otherwise; never reported as missing."""
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF


def _neutral(ch: str) -> bool:
    """Punctuation, digits, spaces, marks: they take the font of the run they stand in when it has them."""
    cat = unicodedata.category(ch)
    return cat[0] in "PZNM" or cat in ("Sk", "Sm", "Sc")


def _covered(font: str, ch: str) -> bool:
    return ord(ch) in _coverage[font]


def _font_for_word(word: str, base: str) -> list[tuple[str, str]]:
    """Runs (font, text) for one whitespace-free word. The whole word in one font if any font has all of it
    (keeps a Vietnamese name or a Thai phrase in one face); else a font per character, neutrals joining
    their neighbour's run."""
    visible = [ch for ch in word if not _invisible(ch)]
    chain = (base,) + tuple(f for f in _chain if f != base)
    for font in chain:
        if all(_covered(font, ch) for ch in visible):
            return [(font, "".join(ch for ch in word if not _invisible(ch) or _covered(font, ch)))]
    runs: list[list] = []
    for ch in word:
        if _invisible(ch):
            if runs and _covered(runs[-1][0], ch):
                runs[-1][1] += ch
            continue
        if runs and (_neutral(ch) or unicodedata.category(ch).startswith("M")) and _covered(runs[-1][0], ch):
            runs[-1][1] += ch
            continue
        font = next((f for f in chain if _covered(f, ch)), None)
        if font is None:
            font, ch = REPLACEMENT_FONT, REPLACEMENT
        if runs and runs[-1][0] == font:
            runs[-1][1] += ch
        else:
            runs.append([font, ch])
    return [(font, text) for font, text in runs]


def _is_rtl(word: str) -> bool:
    strong = [unicodedata.bidirectional(ch) for ch in word if unicodedata.bidirectional(ch) in ("L", "R", "AL")]
    return bool(strong) and all(b in _RTL_BIDI for b in strong)


@dataclass
class Marked:
    """Paragraph markup for a text, and the characters no embedded font has (drawn as U+FFFD)."""

    xml: str
    missing: list[str] = field(default_factory=list)


def missing_characters(text: str) -> list[str]:
    """The characters of ``text`` that no embedded font covers (in order, with repeats)."""
    register_fonts()
    return [ch for ch in text if not _invisible(ch) and not ch.isspace()
            and not any(_covered(f, ch) for f in _chain)]


def markup(text: str, base: str = FONT) -> Marked:
    """Escaped Paragraph markup of ``text`` with a ``<font>`` tag around every run the base font cannot
    draw. Words written right to left (Arabic, Hebrew) keep their logical order inside each word (HarfBuzz
    draws them right to left); a run of several such words is set in right-to-left word order."""
    register_fonts()
    missing = missing_characters(text)
    tokens = []  # (is_space, text)
    word = ""
    for ch in text:
        if ch.isspace():
            if word:
                tokens.append((False, word))
                word = ""
            if tokens and tokens[-1][0]:
                tokens[-1] = (True, tokens[-1][1] + ch)
            else:
                tokens.append((True, ch))
        else:
            word += ch
    if word:
        tokens.append((False, word))
    # Right-to-left word runs: reverse the order of their words (the spaces between stay where they are).
    i = 0
    while i < len(tokens):
        if not tokens[i][0] and _is_rtl(tokens[i][1]):
            j = i
            while (j + 2 < len(tokens) and tokens[j + 1][0] and "\n" not in tokens[j + 1][1]
                   and not tokens[j + 2][0] and _is_rtl(tokens[j + 2][1])):
                j += 2
            words = [tokens[k] for k in range(i, j + 1, 2)][::-1]
            for n, k in enumerate(range(i, j + 1, 2)):
                tokens[k] = words[n]
            i = j + 1
        else:
            i += 1
    out = []
    for is_space, chunk in tokens:
        if is_space:
            out.append(escape(chunk))
            continue
        for font, run in _font_for_word(chunk, base):
            out.append(escape(run) if font == base else f'<font name="{font}">{escape(run)}</font>')
    return Marked("".join(out), missing)


def describe_missing(missing: list[str]) -> str:
    """``2 characters (U+1FAE0, U+E000)`` for the warning line."""
    unique = list(dict.fromkeys(missing))
    shown = ", ".join(f"U+{ord(ch):04X}" for ch in unique[:8]) + (", ..." if len(unique) > 8 else "")
    n = len(missing)
    return f"{n} character{'' if n == 1 else 's'} ({shown})"
