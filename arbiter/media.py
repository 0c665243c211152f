"""Evidence images through Pillow: size, EXIF capture time and camera, thumbnails, decoded pixels.

Evidence bytes are untrusted. Everything here goes through Pillow with its decompression-bomb protection
(``Image.MAX_IMAGE_PIXELS``; the warning it gives between one and two times the limit is treated as an error
too) and never raises on bad bytes: :func:`image_info` and :func:`thumbnail` return ``None``, :func:`decode_rgba`
raises only :class:`MediaError`. No Qt here, so the command line can use it as well.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

IMAGE_MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp"})

_EXIF_IFD = 0x8769
_TAG_DATETIME_ORIGINAL = 36867
_TAG_DATETIME_DIGITIZED = 36868
_TAG_OFFSET_TIME_ORIGINAL = 36881
_TAG_DATETIME = 306
_TAG_MAKE = 271
_TAG_MODEL = 272


class MediaError(Exception):
    """The bytes are not an image Pillow can decode safely."""


@dataclass(frozen=True, slots=True)
class ImageInfo:
    width: int
    height: int
    format: str
    captured_at: str | None     # EXIF DateTimeOriginal as written by the camera, "2025-02-25 08:59:12[+00:00]"
    camera: str | None          # EXIF Make and Model, "Apple iPhone 13"


def is_image(media_type: str) -> bool:
    return media_type.lower() in IMAGE_MEDIA_TYPES


def _open(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's other warnings must not reach stderr
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data))
            # Pillow checks the pixel count on open; the size is known without decoding.
            if img.width <= 0 or img.height <= 0:
                raise MediaError("empty image")
            return img
        except MediaError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise MediaError(f"image too large: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - untrusted bytes: any decoder error is "not an image"
            raise MediaError(f"not a readable image: {type(exc).__name__}") from None


def _clean(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = "".join(ch for ch in str(value) if ch.isprintable()).strip().strip("\x00").strip()
    return text[:200] or None


def _exif(img: Image.Image) -> tuple[str | None, str | None]:
    try:
        exif = img.getexif()
    except Exception:  # noqa: BLE001
        return None, None
    if not exif:
        return None, None
    try:
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:  # noqa: BLE001
        sub = {}
    captured = _clean(sub.get(_TAG_DATETIME_ORIGINAL) or sub.get(_TAG_DATETIME_DIGITIZED) or exif.get(_TAG_DATETIME))
    if captured:
        # EXIF writes "2025:02:25 08:59:12"; show it as a date.
        if len(captured) >= 10 and captured[4] == ":" and captured[7] == ":":
            captured = captured[:4] + "-" + captured[5:7] + "-" + captured[8:]
        offset = _clean(sub.get(_TAG_OFFSET_TIME_ORIGINAL))
        if offset:
            captured = f"{captured}{offset}"
    make = _clean(exif.get(_TAG_MAKE))
    model = _clean(exif.get(_TAG_MODEL))
    if make and model and model.lower().startswith(make.lower()):
        camera = model
    else:
        camera = " ".join(p for p in (make, model) if p) or None
    return captured, camera


def image_info(data: bytes) -> ImageInfo | None:
    """Size, format, EXIF capture time and camera; ``None`` if the bytes are not a readable image."""
    try:
        img = _open(data)
    except MediaError:
        return None
    with img:
        captured, camera = _exif(img)
        return ImageInfo(img.width, img.height, img.format or "", captured, camera)


def _decoded(data: bytes, max_side: int | None) -> Image.Image:
    img = _open(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's other warnings must not reach stderr
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if max_side is not None:
                img.draft("RGB", (max_side, max_side))  # JPEG: decode at a reduced scale, cheaply
            img.load()
            img = ImageOps.exif_transpose(img)
            if img.mode not in ("RGB", "RGBA"):
                img = img.convert("RGBA" if "A" in img.getbands() or "transparency" in img.info else "RGB")
            if max_side is not None:
                img.thumbnail((max_side, max_side))
            return img
    except MediaError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise MediaError(f"not a readable image: {type(exc).__name__}") from None


def thumbnail(data: bytes, size: int = 96) -> bytes | None:
    """A PNG thumbnail fitting in ``size`` x ``size`` (orientation from EXIF applied), or ``None``."""
    try:
        img = _decoded(data, size)
        buf = io.BytesIO()
        img.save(buf, "PNG")
        return buf.getvalue()
    except Exception:  # noqa: BLE001 - never crash on bad bytes
        return None


def decode_rgba(data: bytes) -> tuple[int, int, bytes]:
    """Full-size RGBA pixels (EXIF orientation applied) for the viewer. Raises :class:`MediaError`."""
    img = _decoded(data, None)
    try:
        rgba = img.convert("RGBA")
        return rgba.width, rgba.height, rgba.tobytes()
    except Exception as exc:  # noqa: BLE001
        raise MediaError(f"not a readable image: {type(exc).__name__}") from None
