"""What a photo's metadata says about it: capture time (with its UTC offset when the camera wrote one), the
program that last wrote it, and the embedded preview (EXIF IFD1 thumbnail). Pure over untrusted bytes: never
raises; anything unreadable is simply absent."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from PIL import Image, ExifTags

_TAG_DATETIME_ORIGINAL = 36867
_TAG_OFFSET_TIME_ORIGINAL = 36881
_TAG_SOFTWARE = 305
_TAG_PROCESSING_SOFTWARE = 11
_TAG_THUMB_OFFSET = 513
_TAG_THUMB_LENGTH = 514
_MAX_THUMBNAIL = 256 * 1024

_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


@dataclass(frozen=True, slots=True)
class PhotoMetadata:
    taken_at: datetime | None          # DateTimeOriginal as written: naive (EXIF has no zone), seconds
    taken_offset: timedelta | None     # OffsetTimeOriginal when present (EXIF 2.31)
    software: str | None               # IFD0 Software (or ProcessingSoftware)
    thumbnail: bytes | None            # the embedded JPEG preview, if any


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = "".join(ch for ch in str(value) if ch.isprintable()).strip().strip("\x00").strip()
    return text[:200] or None


def parse_exif_time(text: str | None) -> datetime | None:
    """``2025:02:25 08:59:12`` (the EXIF form; ``-`` as date separator tolerated) -> naive datetime."""
    if not text:
        return None
    text = text.strip()
    for fmt in ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y:%m:%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text[:19] if "S" in fmt else text[:16], fmt)
        except ValueError:
            continue
    return None


def parse_offset(text: str | None) -> timedelta | None:
    match = _OFFSET.match(text or "")
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=14):
        return None
    return -delta if sign == "-" else delta


def photo_metadata(data: bytes) -> PhotoMetadata:
    empty = PhotoMetadata(None, None, None, None)
    try:
        with Image.open(io.BytesIO(data)) as img:
            exif = img.getexif()
            if not exif and not img.info.get("exif"):
                return empty
            try:
                sub = exif.get_ifd(ExifTags.IFD.Exif)
            except Exception:  # noqa: BLE001
                sub = {}
            taken = parse_exif_time(_text(sub.get(_TAG_DATETIME_ORIGINAL)))
            offset = parse_offset(_text(sub.get(_TAG_OFFSET_TIME_ORIGINAL)))
            software = _text(exif.get(_TAG_SOFTWARE)) or _text(exif.get(_TAG_PROCESSING_SOFTWARE))
            thumbnail = _thumbnail(img, exif)
            return PhotoMetadata(taken, offset, software, thumbnail)
    except Exception:  # noqa: BLE001 - untrusted bytes
        return empty


def _thumbnail(img: Image.Image, exif: Image.Exif) -> bytes | None:
    try:
        ifd1 = exif.get_ifd(ExifTags.IFD.IFD1)
        start, length = int(ifd1.get(_TAG_THUMB_OFFSET, 0)), int(ifd1.get(_TAG_THUMB_LENGTH, 0))
    except Exception:  # noqa: BLE001
        return None
    if not start or not 0 < length <= _MAX_THUMBNAIL:
        return None
    raw = img.info.get("exif")
    if not raw:
        return None
    tiff = raw[6:] if raw.startswith(b"Exif\0\0") else raw
    thumb = tiff[start:start + length]
    return thumb if len(thumb) == length and thumb.startswith(b"\xff\xd8") else None


def aware(taken: datetime, offset: timedelta | None, zone) -> tuple[datetime, str]:
    """The capture time as an aware datetime, and how it was read: with the camera's offset when it wrote one,
    else in ``zone`` (the region's time zone); returns (time, 'offset' | 'zone')."""
    if offset is not None:
        return taken.replace(tzinfo=timezone(offset)), "offset"
    return taken.replace(tzinfo=zone), "zone"
