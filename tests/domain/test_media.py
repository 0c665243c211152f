"""Evidence images through Pillow, never crashing on bad bytes."""
from __future__ import annotations

import io

from PIL import Image

from arbiter import media
from tests.factories import jpeg_bytes, pdf_bytes, png_bytes


def _jpeg_with_exif() -> bytes:
    img = Image.new("RGB", (80, 40), (10, 200, 10))
    exif = Image.Exif()
    exif[271] = "Apple"
    exif[272] = "iPhone 13"
    exif.get_ifd(0x8769)[36867] = "2025:02:25 08:59:12"
    exif[274] = 6  # rotated 90 degrees: the thumbnail comes out upright (portrait)
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def test_image_info_with_exif():
    info = media.image_info(_jpeg_with_exif())
    assert (info.width, info.height) == (80, 40)
    assert info.captured_at == "2025-02-25 08:59:12"
    assert info.camera == "Apple iPhone 13"


def test_image_info_without_exif_and_bad_bytes():
    info = media.image_info(png_bytes())
    assert info.captured_at is None and info.camera is None and info.format == "PNG"
    assert media.image_info(b"not an image") is None
    assert media.image_info(pdf_bytes()) is None
    assert media.image_info(jpeg_bytes()[:40]) is None
    assert media.thumbnail(b"\x89PNG\r\n\x1a\nbroken") is None


def test_thumbnail_fits_and_applies_orientation():
    thumb = media.thumbnail(_jpeg_with_exif(), 32)
    img = Image.open(io.BytesIO(thumb))
    assert img.format == "PNG" and max(img.size) <= 32
    assert img.height > img.width


def test_decompression_bomb_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    data = png_bytes(size=(40, 30))  # 1200 px: over the limit (warning zone) -> refused too
    assert media.image_info(data) is None
    assert media.thumbnail(data) is None
    try:
        media.decode_rgba(data)
    except media.MediaError:
        pass
    else:  # pragma: no cover
        raise AssertionError("expected MediaError")


def test_decode_rgba():
    w, h, raw = media.decode_rgba(png_bytes(size=(5, 4)))
    assert (w, h, len(raw)) == (5, 4, 80)
