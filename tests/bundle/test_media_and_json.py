"""Unit tests of the content sniffer, the image check and the safe JSON decoder."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PIL import Image

from arbiter.bundle import BundleError, limits
from arbiter.bundle.jsonsafe import decode_case_json, json_depth
from arbiter.bundle.media import SUPPORTED_MEDIA_TYPES, check_image, check_media, sniff
from tests.bundle.helpers import mp4_bytes, png_header_only, webm_bytes
from tests.factories import jpeg_bytes, pdf_bytes, png_bytes


def _gif() -> bytes:
    import io
    buf = io.BytesIO()
    Image.new("P", (8, 8)).save(buf, "GIF")
    return buf.getvalue()


def _webp() -> bytes:
    import io
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "WEBP")
    return buf.getvalue()


@pytest.mark.parametrize("data, expected", [
    (jpeg_bytes(), "image/jpeg"),
    (png_bytes(), "image/png"),
    (_gif(), "image/gif"),
    (_webp(), "image/webp"),
    (pdf_bytes(), "application/pdf"),
    (mp4_bytes(b"isom"), "video/mp4"),
    (mp4_bytes(b"mp42"), "video/mp4"),
    (mp4_bytes(b"qt  "), "video/quicktime"),
    (b"\x00\x00\x00\x08wide\x00\x00\x00\x08mdat", "video/quicktime"),
    (webm_bytes(), "video/webm"),
    (webm_bytes(b"matroska"), "video/x-matroska"),
    (mp4_bytes(b"heic"), "image/heic"),
    (mp4_bytes(b"M4A "), "audio/mp4"),
    (b"MZ\x90\x00", None),
    (b"", None),
    (b"<html>", None),
])
def test_sniff(data, expected):
    assert sniff(data) == expected


@pytest.mark.parametrize("data, declared", [
    (jpeg_bytes(), "image/jpeg"), (png_bytes(), "image/png"), (_gif(), "image/gif"), (_webp(), "image/webp"),
    (pdf_bytes(), "application/pdf"), (mp4_bytes(), "video/mp4"), (webm_bytes(), "video/webm"),
])
def test_check_media_accepts_what_the_bytes_are(data, declared):
    assert check_media(data, declared, "E") == declared


def test_every_supported_type_is_sniffable():
    assert set(SUPPORTED_MEDIA_TYPES) == {
        "image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf",
        "video/mp4", "video/quicktime", "video/webm"}


def test_pillow_bomb_warning_is_an_error(monkeypatch):
    # Between Pillow's MAX_IMAGE_PIXELS and twice it, Pillow only warns; we refuse.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 2000)
    with pytest.raises(BundleError, match=r"^E1: image pixel count is absurd \(decompression bomb\)"):
        check_image(jpeg_bytes(size=(64, 48)), "JPEG", "E1")


def test_pixel_bomb_of_our_own_limit(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # even if someone switched Pillow's check off
    with pytest.raises(BundleError, match=r"^E1: image is 20000x20000 = 400000000 pixels; the limit is"):
        check_image(png_header_only(20_000, 20_000), "PNG", "E1")


def test_image_opened_only_as_its_declared_format():
    with pytest.raises(BundleError, match="not a readable JPEG image"):
        check_image(png_bytes(), "JPEG", "E1")


def test_json_depth_ignores_strings_and_escapes():
    assert json_depth('{"a": "[[[[", "b": "\\"[[[", "c": [[1]]}') == 3
    assert json_depth("") == 0
    assert json_depth('"unterminated [[[[') == 0


def test_json_depth_limit_is_checked_before_decoding(monkeypatch):
    monkeypatch.setattr(limits, "MAX_JSON_DEPTH", 3)
    assert decode_case_json(b'{"a": [[1]]}').data == {"a": [[1]]}
    with pytest.raises(BundleError, match="nested 4 levels deep; the limit is 3"):
        decode_case_json(b'{"a": [[[1]]]}')


def test_floats_become_decimals_and_are_counted():
    decoded = decode_case_json(b'{"a": 19.99, "b": [1e2, 3], "c": "4.5"}')
    assert decoded.data == {"a": Decimal("19.99"), "b": [Decimal("1e2"), 3], "c": "4.5"}
    assert decoded.floats_seen == 2


@pytest.mark.parametrize("raw, message", [
    (b'{"a": Infinity}', "case.json: Infinity is not valid JSON"),
    (b'{"a": -Infinity}', "case.json: -Infinity is not valid JSON"),
    (b'{"a": 1' + b"0" * 100 + b"}", "has more than 64 digits"),
    (b'{"a": 1.' + b"0" * 100 + b"}", "has more than 64 characters"),
    (b'{"a": 1,}', "case.json: not valid JSON (line 1 column 9: Expecting property name"),
    (b'\xef\xbb\xbf\xef\xbb\xbf{}', "case.json: more than one byte order mark"),
    (b'"text"', "case.json: must be a JSON object at the top level"),
])
def test_decode_refusals(raw, message):
    with pytest.raises(BundleError) as info:
        decode_case_json(raw)
    assert message in info.value.message


def test_big_flat_json_depth_ignores_brackets_in_strings():
    """A large flat case.json (200,000 objects, brackets inside every string) is measured right. Its speed is a
    figure of bench/bench_import.py, not a timed assertion here (a timed test fails on a loaded machine)."""
    raw = b'{"a": [' + b",".join([b'{"k": "v[]", "n": [1, 2]}'] * 200_000) + b"]}"
    assert json_depth(raw.decode()) == 4
    assert json_depth('{"a": [[[1]]], "s": "[[[[[["}') == 4


def _decoded_depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max((_decoded_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_decoded_depth(v) for v in value), default=0)
    return 0


def test_json_depth_agrees_with_the_decoder_on_tricky_strings():
    """The depth check works on the raw bytes with C string methods (escaped backslashes, escaped quotes, brackets
    and quotes inside strings, non-ASCII text): on 400 random documents it must give the decoded depth exactly,
    as text and as UTF-8 bytes (seeded)."""
    import json
    import random

    rng = random.Random(14)
    pieces = ['"', "\\", "[", "]", "{", "}", "a", "文", "\\u005c", "\\\\", '\\"', "\\n"]

    def text() -> str:
        return "".join(rng.choice(pieces) for _ in range(rng.randrange(8)))

    def value(depth: int):
        kind = rng.randrange(4) if depth < 7 else 3
        if kind == 0:
            return [value(depth + 1) for _ in range(rng.randrange(3))]
        if kind == 1:
            return {text() + str(i): value(depth + 1) for i in range(rng.randrange(3))}
        return text() if kind == 2 else rng.choice([1, 2.5, None, True])

    for _ in range(400):
        doc = value(0)
        for raw in (json.dumps(doc), json.dumps(doc, ensure_ascii=False)):
            assert json_depth(raw) == _decoded_depth(doc), raw
            assert json_depth(raw.encode("utf-8")) == _decoded_depth(doc), raw


def test_media_check_remembers_only_what_passed_under_the_same_type_and_limits(monkeypatch):
    """check_media skips content (by the sha256 the reader computed of the bytes) that passed before in this
    process: the same photo in many bundles of one import is checked once. The memory must never accept the
    bytes under another declared type or under lower pixel limits, and never remember a refusal."""
    import hashlib

    from arbiter.bundle import media

    png = png_bytes()
    digest = hashlib.sha256(png).hexdigest()
    assert check_media(png, "image/png", "E1", sha256=digest) == "image/png"
    assert check_media(png, "image/png", "E1", sha256=digest) == "image/png"   # remembered
    with pytest.raises(BundleError, match="declared media_type image/jpeg but the bytes are image/png"):
        check_media(png, "image/jpeg", "E1", sha256=digest)
    monkeypatch.setattr(limits, "MAX_IMAGE_PIXELS", 10)
    with pytest.raises(BundleError, match="the limit is 10 \\(decompression bomb\\)"):
        check_media(png, "image/png", "E1", sha256=digest)
    monkeypatch.setattr(limits, "MAX_IMAGE_PIXELS", 89_478_485)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10)
    with pytest.raises(BundleError, match="decompression bomb"):
        check_media(png, "image/png", "E1", sha256=digest)
    monkeypatch.undo()

    damaged = bytearray(png)
    damaged[damaged.find(b"IDAT") + 8] ^= 0xFF
    bad_digest = hashlib.sha256(bytes(damaged)).hexdigest()
    for _ in range(2):  # a refusal is never remembered as a pass
        with pytest.raises(BundleError, match="damaged PNG image"):
            check_media(bytes(damaged), "image/png", "E2", sha256=bad_digest)
    assert all(key[0] != bad_digest for key in media._PASSED)
