"""HarfBuzz shaping for the notice's paragraphs, per font run, with text that extracts again.

ReportLab (>= 4.1) shapes TrueType text with ``uharfbuzz`` when a ParagraphStyle has ``shaping=1``. Two
gaps, both closed here by wrapping ``reportlab.platypus.paragraph.shapeFragWord`` (``install()``, called once
when the fonts are registered):

1. ReportLab shapes a whole word with the font of its first fragment. A word whose characters come from two
   fonts (``(สมชาย)``: the brackets from the main font, the Thai from Noto Sans Thai) would be drawn with glyph
   numbers of the wrong font. The wrapper shapes each same-font group of the word on its own.
2. Shaped glyphs that have no code point (a Thai tone mark moved down, an Arabic joining form, a Devanagari
   conjunct), and glyphs that stand for more or fewer characters than they show, are given a private code
   whose ToUnicode entry is the text of their cluster (:class:`arbiter.notice.fonts.MappedTTFont`), so
   ``pdftotext`` and copy-paste give back what the party wrote.

Discretionary ligatures are off (ReportLab turns them on): a name is drawn as written, not as a calligraphic
ligature. Without ``uharfbuzz`` nothing is shaped and text is drawn character by character (still embedded
and extractable, but Thai marks and Arabic joining are wrong): the notice reports that as a warning.
"""
from __future__ import annotations

import unicodedata

from reportlab.pdfbase import pdfmetrics, ttfonts

FEATURES = {"kern": True, "liga": True}

_original = getattr(ttfonts, "shapeFragWord", None)  # ReportLab >= 4.1 (checked against 5.1)
_installed = False


def available() -> bool:
    """Whether paragraphs are shaped: ``uharfbuzz`` importable and a ReportLab that shapes."""
    return (getattr(ttfonts, "uharfbuzz", None) is not None and _original is not None
            and hasattr(ttfonts, "ShapedStr") and hasattr(ttfonts, "makeShapedFragWord"))


def _width(items) -> float:
    return sum(pdfmetrics.stringWidth(str(s), f.fontName, f.fontSize) for f, s in items)


def _pieces(text: str, n: int) -> list[str]:
    """``text`` cut into ``n`` consecutive pieces, none empty while characters last (the rest empty)."""
    if n <= 1:
        return [text]
    if len(text) <= n:
        return list(text) + [""] * (n - len(text))
    head = len(text) - (n - 1)
    return [text[:head]] + list(text[head:])


def _fix_codes(text: str, parts: list) -> list:
    """Give every glyph a code whose ToUnicode text is its share of its cluster's text.

    A cluster that starts with a combining mark belongs to the character before it (Thai ั่ over ส), so a
    cluster is a whole grapheme or syllable; its text is cut over its glyphs in glyph order (reversed for
    right-to-left runs: extractors reverse those back), so the pieces read back as the text, whatever
    HarfBuzz did to the glyphs (reordered, merged, split, moved)."""
    glyphs = [(i, j, ch, data.cluster) for i, (_, s) in enumerate(parts) if isinstance(s, ttfonts.ShapedStr)
              for j, (ch, data) in enumerate(zip(str(s), s.__shapeData__))]
    advances = [data.x_advance for _, s in parts if isinstance(s, ttfonts.ShapedStr) for data in s.__shapeData__]
    starts = sorted({c for *_, c in glyphs if 0 <= c < len(text)})
    starts = [c for k, c in enumerate(starts) if k == 0 or not unicodedata.category(text[c]).startswith("M")]
    if not starts:
        return parts
    strong = next((b for b in map(unicodedata.bidirectional, text) if b in ("L", "R", "AL")), "L")
    rtl = strong != "L"
    owner = {}
    for *_, c in glyphs:
        owner[c] = max((s for s in starts if s <= c), default=starts[0])
    end = {c: (starts[k + 1] if k + 1 < len(starts) else len(text)) for k, c in enumerate(starts)}
    members: dict[int, list[int]] = {}
    for g, (*_, c) in enumerate(glyphs):
        members.setdefault(owner[c], []).append(g)
    want: dict[int, str] = {}
    for start, gs in members.items():
        cluster_text = text[start:end[start]]
        # Marks drawn with no advance of their own carry no text (extractors order them by position, which
        # HarfBuzz moved); the glyphs that advance share the cluster's text.
        wide = [g for g in gs if advances[g]] or gs[:1]
        for g in gs:
            want[g] = ""
        for g, piece in zip(wide, _pieces(cluster_text[::-1] if rtl else cluster_text, len(wide))):
            want[g] = piece
    new_chars: dict[tuple[int, int], str] = {}
    for g, (i, j, ch, _) in enumerate(glyphs):
        font = pdfmetrics.getFont(parts[i][0].fontName)
        actual = getattr(font, "actual", None)
        text_of = want[g]
        if actual is None or text_of == ch:
            continue
        face = font.face
        gid = face.charToGlyph.get(ord(ch))
        if gid is None:
            continue
        code = font.variants.get((gid, text_of))
        if code is None:
            code = font.next_private
            font.next_private += 1
            font.variants[(gid, text_of)] = code
            face.charToGlyph[code] = gid
            face.charWidths[code] = face.charWidths.get(ord(ch), 0)
            actual[code] = text_of
        new_chars[(i, j)] = chr(code)
    fixed = []
    for i, (frag, s) in enumerate(parts):
        if not isinstance(s, ttfonts.ShapedStr):
            fixed.append((frag, s))
            continue
        chars = "".join(new_chars.get((i, j), ch) for j, ch in enumerate(str(s)))
        fixed.append((frag, ttfonts.ShapedStr(chars, shapeData=s.__shapeData__)))
    return fixed


def shape_frag_word(w, features=None, force=False):
    """``shapeFragWord`` per same-font group of the word; see the module docstring."""
    if isinstance(w, ttfonts.ShapedFragWord):
        return w
    items = list(w[1:])
    if not items or any(hasattr(f, "cbDefn") for f, _ in items):
        return _original(w, FEATURES, force)
    groups: list[list] = []
    for f, s in items:
        if groups and groups[-1][0][0].fontName == f.fontName and groups[-1][0][0].fontSize == f.fontSize:
            groups[-1].append((f, s))
        else:
            groups.append([(f, s)])
    total = 0.0
    out = []
    for group in groups:
        text = "".join(str(s) for _, s in group)
        shaped = _original([_width(group)] + group, FEATURES, True)
        if shaped is not None and len(shaped) > 1 and any(isinstance(s, ttfonts.ShapedStr) for _, s in shaped[1:]):
            total += shaped[0]
            out.extend(_fix_codes(text, list(shaped[1:])))
        else:
            total += _width(group)
            out.extend(group)
    return ttfonts.makeShapedFragWord(w)([total] + out)


def install() -> None:
    """Route Platypus paragraphs' shaping through :func:`shape_frag_word` (idempotent)."""
    global _installed
    if _installed or not available():
        return
    from reportlab.platypus import paragraph

    paragraph.shapeFragWord = shape_frag_word
    _installed = True
