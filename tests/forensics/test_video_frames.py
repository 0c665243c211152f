"""Video key frames (issue 13): decoded through the FFmpeg libraries Qt Multimedia ships, in a child process,
fingerprinted into the same index as photos. A photo reused as a video frame and a video re-encoded in another
case are matched through the real CLI; hostile videos give no fingerprint without crashing or hanging the
import."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from arbiter.forensics import ffdecode, video
from arbiter.store.models import ImageFingerprintModel
from tests import photos as P
from tests.factories import sha256
from tests.forensics.video_bundles import EXPECTED_PAIRS, reused_frame_bundles
from tests.forensics.video_bundles import bundle_with_media as _bundle
from tests.media_factories import video_mp4, video_of

av = pytest.importorskip("av")   # PyAV writes the test videos (a test dependency only)
ROOT = Path(__file__).resolve().parents[2]


def _cli(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "arbiter", *argv], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


# --- the decoder itself --------------------------------------------------------------------------------------------

def test_the_decoder_uses_qt_multimedias_ffmpeg_and_reads_what_pyav_reads():
    assert ffdecode.available(), "Qt Multimedia's FFmpeg 7.1 libraries should be beside Qt (PySide6-Addons)"
    data = video_of([(P.photo(11), 1.0), (P.photo(12), 2.0)], size=(320, 240), fps=10)
    seconds, frames = ffdecode.key_frames(data, "video/mp4", video.FRACTIONS)
    with av.open(io.BytesIO(data)) as container:       # the structure offsets agree with PyAV's reading
        assert seconds == pytest.approx(container.duration / 1e6, abs=0.11)
    assert [k for k, *_ in frames] == [0, 1, 2, 3, 4]
    assert all((w, h) == (256, 192) and len(px) == w * h for _, w, h, px in frames)


def test_key_frames_are_taken_at_fractions_of_the_duration():
    # a yellow block moves from left to right: frame k shows it further right than frame k-1
    frames = video.key_frames(video_mp4(3.0, 10, (320, 240)))
    assert [f.index for f in frames] == [0, 1, 2, 3, 4]
    assert [f.at for f in frames] == ["0:00", "0:00", "0:01", "0:02", "0:02"]

    def block_x(img):
        px = img.load()
        xs = [x for x in range(img.width) if px[x, img.height // 3 + 10] > 150]
        return sum(xs) / len(xs)
    xs = [block_x(f.image) for f in frames]
    assert xs == sorted(xs) and xs[-1] - xs[0] > 150


def test_webm_vp9_key_frames_are_read_too():
    data = video_of([(P.photo(13), 2.0)], size=(320, 240), codec="libvpx-vp9", container="webm")
    assert len(video.fingerprints_of_frames(video.key_frames(data))) == 10   # 5 frames x (whole, core)


# --- hostile input -------------------------------------------------------------------------------------------------

def _crash(conn, data, media_type):
    import faulthandler

    faulthandler.disable()          # pytest's handler would print the child's stack
    os.abort()


def _hang(conn, data, media_type):
    while True:
        pass


def test_a_crashing_or_hanging_decoder_gives_no_frames_within_the_time_limit():
    data = video_mp4(1.0)
    started = time.monotonic()
    assert video.key_frames(data, target=_crash) == []
    assert video.key_frames(data, target=_hang, time_limit=1.0) == []
    assert time.monotonic() - started < 8


def _scrambled(data: bytes, seed: int = 5) -> bytes:
    """Every 7th byte after the first 200 replaced: boxes, sample tables and the coded frames all damaged."""
    import random

    rnd = random.Random(seed)
    out = bytearray(data)
    for at in range(200, len(out), 7):
        out[at] = rnd.randrange(256)
    return bytes(out)


HOSTILE = {
    "garbage after an ftyp box": b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + os.urandom(4000),
    "truncated": video_mp4(2.0)[:1500],
    "webm header, no clusters": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81"
                                b"\x08\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02" + b"\x00" * 64,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_videos_give_no_frames(name):
    started = time.monotonic()
    assert video.key_frames(HOSTILE[name]) == []
    assert time.monotonic() - started < video.TIME_LIMIT


def test_damaged_videos_are_decoded_within_bounds_or_not_at_all():
    for seed in range(3):
        started = time.monotonic()
        frames = video.key_frames(_scrambled(video_mp4(2.0, size=(320, 240)), seed))
        assert time.monotonic() - started < video.TIME_LIMIT
        assert all(f.image.width <= 256 and f.image.height <= 256 for f in frames)


def test_frames_over_the_size_limit_are_refused(monkeypatch):
    monkeypatch.setattr(ffdecode, "MAX_PIXELS", 320 * 240 - 1)       # the child is forked: it sees the limit
    monkeypatch.setattr(video, "_context", lambda: __import__("multiprocessing").get_context("fork"))
    assert video.key_frames(video_mp4(1.0, size=(320, 240))) == []
    monkeypatch.setattr(ffdecode, "MAX_PIXELS", 320 * 240)
    assert len(video.key_frames(video_mp4(1.0, size=(320, 240)))) == 5


def test_the_import_goes_on_when_the_decoder_hangs(sqlite_db, tmp_path, monkeypatch):
    """A video that hangs the decoder costs the time limit, then the case is stored without its key frames."""
    from arbiter.importing import import_bundles

    monkeypatch.setattr(video, "_child", _hang)
    monkeypatch.setattr(video, "TIME_LIMIT", 1.0)
    video._CACHE.clear()
    clip = video_mp4(1.0)
    path = _bundle(tmp_path, "TTS-UK-0101", {"E4": clip}, opened_at="2025-03-01T09:00:00+00:00", screenshot=1)
    started = time.monotonic()
    summary = import_bundles(sqlite_db, [path], actor="test", workers=1)
    assert summary.imported == 1 and time.monotonic() - started < 10
    with sqlite_db.session(readonly=True) as session:
        assert not session.scalars(select(ImageFingerprintModel).where(
            ImageFingerprintModel.sha256 == sha256(clip))).all()
    video._CACHE.clear()


def test_hostile_videos_import_through_the_cli_without_fingerprints(tmp_path):
    db = f"sqlite:///{tmp_path / 'h.db'}"
    paths = [_bundle(tmp_path, f"TTS-UK-02{i:02d}", {"E4": HOSTILE[name]}, opened_at="2025-03-01T09:00:00+00:00",
                     screenshot=i) for i, name in enumerate(sorted(HOSTILE))]
    started = time.monotonic()
    result = _cli("--db", db, "import", *map(str, paths))
    assert result.returncode == 0, result.stderr
    assert sum(line.startswith("imported: ") for line in result.stdout.splitlines()) == len(HOSTILE)
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 60
    from arbiter.store import open_database

    database = open_database(db)
    try:
        with database.session(readonly=True) as session:
            digests = {sha256(v) for v in HOSTILE.values()}
            assert not session.scalars(select(ImageFingerprintModel.sha256).where(
                ImageFingerprintModel.sha256.in_(digests))).all()
    finally:
        database.close()


# --- matching across cases, through the real CLI -------------------------------------------------------------------

def test_a_photo_reused_as_a_video_frame_and_a_reencoded_video_are_matched_through_the_cli(tmp_path):
    bundles, slideshow = reused_frame_bundles(tmp_path)
    db = f"sqlite:///{tmp_path / 'v.db'}"
    result = _cli("--db", db, "import", *map(str, bundles))
    assert result.returncode == 0, result.stderr
    result = _cli("--db", db, "evidence", "matches")
    assert result.returncode == 0, result.stderr
    pairs = [line.split(" distance=")[0] for line in result.stdout.splitlines()]
    assert pairs == EXPECTED_PAIRS, result.stdout
    assert result.stdout.splitlines()[0].endswith("first_seen=TTS-UK-0001")
    flags = _cli("--db", db, "evidence", "flags", "TTS-UK-0003")
    assert flags.stdout.splitlines() == [
        line for line in flags.stdout.splitlines() if line.startswith("E4\tseen_in_other_case\t")]
    assert len(flags.stdout.splitlines()) == 2 and "seen in case TTS-UK-0001 as E1" in flags.stdout
    # the video's key frames are in the same index as the photos: 5 frames x (whole, core)
    from arbiter.store import open_database

    database = open_database(db)
    try:
        with database.session(readonly=True) as session:
            variants = sorted(session.scalars(select(ImageFingerprintModel.variant).where(
                ImageFingerprintModel.sha256 == sha256(slideshow))))
        assert variants == list(range(10))
    finally:
        database.close()
