"""Decode untrusted case.json bytes without letting the decoder do anything expensive or ambiguous.

- UTF-8 only (a leading BOM is tolerated);
- nesting depth is measured on the text *before* ``json.loads`` runs, so the decoder never recurses deeply;
- ``NaN``/``Infinity`` are refused, numbers with absurdly many digits are refused;
- every non-integer number becomes a ``Decimal`` (never a binary float) and is recorded, so money written as a
  JSON number reaches :func:`arbiter.domain.parse.parse_money` as a number and is refused there by name;
- duplicate keys in one object are refused (two parsers could otherwise disagree about the case);
- a NUL character or a lone surrogate (``"\\ud800"``) in any string is refused: neither is text.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from itertools import accumulate
from typing import Any

from arbiter.bundle import limits
from arbiter.bundle.errors import BundleError

UTF8_BOM = b"\xef\xbb\xbf"

#: a \u escape that may decode to a NUL or a surrogate (also matches \\u0000, a harmless extra check)
_SUSPECT_ESCAPE_RE = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")
#: every byte but the four brackets and the quote, deleted by bytes.translate
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_DEPTH_TABLE = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")


class DecodedJson:
    __slots__ = ("data", "floats_seen")

    def __init__(self, data: Any, floats_seen: int):
        self.data = data
        self.floats_seen = floats_seen


def json_depth(text: str | bytes) -> int:
    """Maximum nesting of arrays/objects in ``text`` (or its UTF-8 bytes), ignoring brackets inside strings.
    Linear, no recursion, and every pass a C bytes method (it runs on every bundle): escaped backslashes are
    dropped first, then escaped quotes, so that every quote left opens or closes a string; then everything but
    quotes and brackets, then what lies between quotes (an unterminated string runs to the end). Works on UTF-8
    bytes because no byte of a multi-byte character is ASCII."""
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(raw.translate(None, _NOT_STRUCTURE).split(b'"')[0::2])
    if not brackets:
        return 0
    return max(0, max(accumulate(memoryview(brackets.translate(_DEPTH_TABLE)).cast("b"))))


def decode_case_json(raw: bytes, name: str = "case.json") -> DecodedJson:
    """Decode ``raw`` (the bytes of case.json). Raises :class:`BundleError` naming ``name``."""
    body = raw[len(UTF8_BOM):] if raw.startswith(UTF8_BOM) else raw
    try:
        text = body.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise BundleError(f"{name}: not valid UTF-8 (byte {exc.start + (len(raw) - len(body))}: {exc.reason})") from None
    if text.startswith("\ufeff"):
        raise BundleError(f"{name}: more than one byte order mark")

    depth = json_depth(body)
    if depth > limits.MAX_JSON_DEPTH:
        raise BundleError(f"{name}: nested {depth} levels deep; the limit is {limits.MAX_JSON_DEPTH}")

    floats = 0

    def parse_float(token: str) -> Decimal:
        nonlocal floats
        if len(token) > limits.MAX_JSON_NUMBER_DIGITS:
            raise _Refused(f"number {token[:20]}... has more than {limits.MAX_JSON_NUMBER_DIGITS} characters")
        floats += 1
        try:
            value = Decimal(token)
        except InvalidOperation:  # pragma: no cover - the JSON grammar only passes valid numbers
            raise _Refused(f"number {token!r} is not valid") from None
        if not value.is_finite():  # pragma: no cover - ditto
            raise _Refused(f"number {token!r} is not finite")
        return value

    def parse_int(token: str) -> int:
        if len(token) > limits.MAX_JSON_NUMBER_DIGITS:
            raise _Refused(f"number {token[:20]}... has more than {limits.MAX_JSON_NUMBER_DIGITS} digits")
        return int(token)

    def parse_constant(token: str) -> Any:
        raise _Refused(f"{token} is not valid JSON (numbers must be finite)")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)  # in C; a duplicate key leaves fewer entries than pairs
        if len(result) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    raise _Refused(f"duplicate key {key!r} in one object")
                seen.add(key)
        return result

    try:
        data = json.loads(text, parse_float=parse_float, parse_int=parse_int, parse_constant=parse_constant,
                          object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise BundleError(f"{name}: not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})") from None
    except _Refused as exc:
        raise BundleError(f"{name}: {exc}") from None
    except RecursionError:  # pragma: no cover - the depth check above rules this out
        raise BundleError(f"{name}: nested too deeply") from None
    except ValueError as exc:  # e.g. int() digit limits
        raise BundleError(f"{name}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise BundleError(f"{name}: must be a JSON object at the top level")
    # json.loads refuses raw control characters in strings and strict UTF-8 refuses encoded surrogates, so a
    # NUL or a lone surrogate can only come from a \u escape: without one, the walk over every string is skipped
    bad = find_bad_text(data) if _SUSPECT_ESCAPE_RE.search(text) else None
    if bad:
        raise BundleError(f"{name}: {bad}")
    return DecodedJson(data, floats)


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character (\\u0000)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"contains a lone surrogate (\\u{ord(text[exc.start]):04x}), which is not text"
    return None


def find_bad_text(data: Any) -> str | None:
    """The first string (key or value) in decoded JSON that holds a NUL or a lone surrogate (``"\\udc80"``
    decodes to one): ``"claim.reason_text: contains ..."``, else ``None``. Neither is text a person wrote;
    both break what comes later (PostgreSQL text columns refuse NUL, a lone surrogate cannot be printed,
    encoded or drawn). Iterative, so depth costs nothing."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            problem = _text_problem(value)
            if problem:
                return f"{path or 'value'}: {problem}"
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                where = f"{path}.{key}" if path else key
                problem = _text_problem(key)
                if problem:
                    return f"{path or 'top level'}: a key {problem}"
                stack.append((where, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return None


class _Refused(ValueError):
    pass
