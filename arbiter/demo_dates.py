"""Demo cases dated relative to today (``arbiter --demo``).

The sample bundles were recorded in 2025; opened as they are, every case in the queue reads "overdue 600 d". For
the demo each sample is copied into the demo's temporary folder with every timestamp of its case.json moved
forward by the same whole number of weeks, so that it opened within the last seven days. Whole weeks keep the
weekdays (working-day deadlines count the same) and one shift per case keeps every interval inside it (delivery
to claim, rejection to intervention, the appeal window), so the rules decide each case exactly as before.

Left as recorded: the evidence files themselves (their bytes and hashes must not change), so a photo's EXIF time
keeps its 2025 date. The sample files in resources/ are never touched.
"""
from __future__ import annotations

import json
import re
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

CASE_JSON = "case.json"
WEEK = timedelta(weeks=1)
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


def dated_copy(bundle: Path, folder: Path, now: datetime) -> Path:
    """Copy a ZIP bundle into ``folder`` with its case.json dated relative to ``now``; a bundle that is not a
    ZIP is returned unchanged."""
    if not zipfile.is_zipfile(bundle):
        return bundle
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / bundle.name
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == CASE_JSON:
                case = json.loads(data)
                delta = weeks_to_today(datetime.fromisoformat(case["opened_at"].replace("Z", "+00:00")), now)
                data = json.dumps(shift_timestamps(case, delta), ensure_ascii=False, indent=2).encode("utf-8")
            dst.writestr(info, data)
    return target


def dated_copies(bundles: list[Path], folder: Path, now: datetime) -> list[Path]:
    return [dated_copy(b, folder, now) for b in bundles]
