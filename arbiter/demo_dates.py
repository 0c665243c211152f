"""Demo cases dated relative to today (``arbiter --demo``).

The sample bundles were recorded in 2025; opened as they are, every case in the queue reads "overdue 600 d". For
the demo each sample is copied into the demo's temporary folder with every timestamp of its case.json moved
forward by the same whole number of weeks, so that it opened within the last seven days. Whole weeks keep the
weekdays (working-day deadlines count the same) and one shift per case keeps every interval inside it (delivery
to claim, rejection to intervention, the appeal window), so the rules decide each case exactly as before.

A JPEG photo's EXIF times (``DateTime``, ``DateTimeOriginal``, ``DateTimeDigitized``) move by the same weeks, so
that the forensic flags ("taken before the order / the delivery") say of a demo case what they say of its sample:
the dates are rewritten in place inside the EXIF segment (same length, no re-encoding, the pixels and so the
perceptual hash unchanged) and the evidence entry's ``sha256`` is recomputed. The sample files in resources/ are
never touched.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

CASE_JSON = "case.json"
WEEK = timedelta(weeks=1)
_EXIF_TIME = re.compile(rb"(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def weeks_to_today(opened_at: datetime, now: datetime) -> timedelta:
    """The whole weeks that bring ``opened_at`` into the seven days up to ``now`` (never into the future)."""
    if opened_at >= now:
        return timedelta(0)
    return ((now - opened_at) // WEEK) * WEEK


def shift_timestamps(data: Any, delta: timedelta) -> Any:
    """A copy of JSON data with every ISO 8601 timestamp (date, time and offset) moved by ``delta``, written
    back in the same offset."""
    if isinstance(data, dict):
        return {k: shift_timestamps(v, delta) for k, v in data.items()}
    if isinstance(data, list):
        return [shift_timestamps(v, delta) for v in data]
    if isinstance(data, str) and (match := _TIMESTAMP.match(data)):
        moved = datetime.fromisoformat(data.replace("Z", "+00:00")) + delta
        seconds = match.group(1)
        spec = "minutes" if not seconds else ("seconds" if not match.group(2) else "microseconds")
        text = moved.isoformat(timespec=spec)
        return text.replace("+00:00", "Z") if match.group(3) == "Z" else text
    return data


def _shift_exif_time(match: re.Match[bytes], delta: timedelta) -> bytes:
    try:
        taken = datetime(*(int(g) for g in match.groups()))
    except ValueError:          # "0000:00:00 00:00:00" and other placeholders stay as they are
        return match.group(0)
    return (taken + delta).strftime("%Y:%m:%d %H:%M:%S").encode("ascii")


def shift_jpeg_exif_times(data: bytes, delta: timedelta) -> bytes:
    """``data`` with every EXIF date-time inside its APP1 ``Exif`` segment moved by ``delta`` (EXIF times carry
    no zone: a whole-week shift keeps them right in whatever zone the camera meant). Anything that is not a
    JPEG with an EXIF segment comes back unchanged."""
    if not data.startswith(b"\xff\xd8") or not delta:
        return data
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xD9, 0xDA):          # end of image, start of scan: no more metadata segments
            break
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        end = pos + 2 + length
        if length < 2 or end > len(data):
            break
        if marker == 0xE1 and data[pos + 4:pos + 10] == b"Exif\x00\x00":
            segment = _EXIF_TIME.sub(lambda m: _shift_exif_time(m, delta), data[pos:end])
            return data[:pos] + segment + data[end:]
        pos = end
    return data


def dated_copy(bundle: Path, folder: Path, now: datetime) -> Path:
    """Copy a ZIP bundle into ``folder`` with its case.json dated relative to ``now``; a bundle that is not a
    ZIP is returned unchanged."""
    if not zipfile.is_zipfile(bundle):
        return bundle
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / bundle.name
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        case = json.loads(src.read(CASE_JSON))
        delta = weeks_to_today(datetime.fromisoformat(case["opened_at"].replace("Z", "+00:00")), now)
        case = shift_timestamps(case, delta)
        photos = {item.get("file"): item for item in case.get("evidence", [])
                  if item.get("media_type") == "image/jpeg" and item.get("file")}
        members: list[tuple[zipfile.ZipInfo, bytes]] = []
        for info in src.infolist():
            if info.filename == CASE_JSON:
                members.append((info, b""))
                continue
            data = src.read(info)
            item = photos.get(info.filename)
            if item is not None:
                moved = shift_jpeg_exif_times(data, delta)
                if moved != data and item.get("sha256") == hashlib.sha256(data).hexdigest():
                    data = moved
                    item["sha256"] = hashlib.sha256(moved).hexdigest()
            members.append((info, data))
        text = json.dumps(case, ensure_ascii=False, indent=2).encode("utf-8")
        for info, data in members:
            dst.writestr(info, text if info.filename == CASE_JSON else data)
    return target


def dated_copies(bundles: list[Path], folder: Path, now: datetime) -> list[Path]:
    return [dated_copy(b, folder, now) for b in bundles]
