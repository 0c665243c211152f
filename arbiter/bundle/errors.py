"""The one exception the bundle reader raises."""
from __future__ import annotations

import unicodedata


def one_line(text: str) -> str:
    """``text`` as exactly one printable line: line breaks, other control characters, lone surrogates and
    Unicode line/paragraph separators are written as escapes (``\\n``, ``\\x00``, ``\\udcff``, ``\\u2028``)."""
    if text.isprintable():  # no control, separator (Zl, Zp) or surrogate character: nothing to escape
        return text
    out = []
    for ch in text:
        if ch == " " or (ch.isprintable() and unicodedata.category(ch) not in ("Zl", "Zp", "Cs")):
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                       if not 0xD800 <= ord(ch) <= 0xDFFF else f"\\u{ord(ch):04x}")
    return "".join(out)


class BundleError(Exception):
    """A bundle is refused. ``message`` names the offending field or member, never the bundle path
    (the CLI prints ``refused: {source}: {message}``). It is always exactly one printable line: whatever
    came from the bundle (a name, a value, a decoder's message) is escaped where it would break the line."""

    def __init__(self, message: str):
        self.message = one_line(str(message))
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message
