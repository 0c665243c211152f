"""The demo's dated copies (arbiter.demo_dates): a photo's EXIF capture time moves with its case, so the forensic
flags ("taken before the order / the delivery", issue 13, seed 001's 虚假申请) say of a demo case exactly what they
say of its sample, and the copy is still a valid bundle whose declared sha256 values match."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from arbiter.bundle.reader import read_bundle
from arbiter.demo_dates import dated_copy, shift_jpeg_exif_times, weeks_to_today
from arbiter.forensics.exif import photo_metadata

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "samples").glob("*.arbcase"))
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def _photos(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as z:
        case = json.loads(z.read("case.json"))
        return {e["id"]: z.read(e["file"]) for e in case["evidence"] if e["media_type"] == "image/jpeg"}


def _opened(bundle: Path) -> datetime:
    with zipfile.ZipFile(bundle) as z:
        return datetime.fromisoformat(json.loads(z.read("case.json"))["opened_at"].replace("Z", "+00:00"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_exif_times_move_with_the_case_and_the_copy_stays_valid(sample, tmp_path):
    copy = dated_copy(sample, tmp_path, NOW)
    delta = weeks_to_today(_opened(sample), NOW)
    assert _opened(copy) == _opened(sample) + delta
    read_bundle(copy)    # every declared sha256 still matches its (rewritten) file
    before, after = _photos(sample), _photos(copy)
    assert before.keys() == after.keys()
    for eid, data in before.items():
        old, new = photo_metadata(data), photo_metadata(after[eid])
        if old.taken_at is None:
            assert new.taken_at is None
            continue
        assert new.taken_at == old.taken_at + delta, eid
        assert new.taken_offset == old.taken_offset
        # rewritten in place: the pixels (and so the perceptual fingerprint) are untouched
        assert Image.open(io.BytesIO(after[eid])).tobytes() == Image.open(io.BytesIO(data)).tobytes()


def test_some_sample_has_an_exif_time_to_move():
    assert any(photo_metadata(d).taken_at for s in SAMPLES for d in _photos(s).values())


def test_non_jpeg_and_jpeg_without_exif_are_unchanged():
    week = timedelta(weeks=3)
    assert shift_jpeg_exif_times(b"\x89PNG\r\n\x1a\n....", week) == b"\x89PNG\r\n\x1a\n...."
    plain = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(plain, "JPEG")
    assert shift_jpeg_exif_times(plain.getvalue(), week) == plain.getvalue()


def test_a_placeholder_exif_time_is_left_alone():
    exif = Image.Exif()
    exif[0x0132] = "0000:00:00 00:00:00"
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG", exif=exif.tobytes())
    assert shift_jpeg_exif_times(out.getvalue(), timedelta(weeks=2)) == out.getvalue()
