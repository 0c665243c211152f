"""Benchmark: what fingerprinting video key frames costs an import (issue 13).

    python bench/bench_import_videos.py [--copies 4] [--every 2] [--seconds 8] [--size 1280x720]

The bundles of bench/bench_import.py (copies of the samples, fresh case ids); every ``--every``-th one gets a
phone-like video evidence item (H.264 in MP4, ``--size`` at 30 frames/s, a key frame every second, written with
PyAV, a test dependency) whose bytes differ from every other (so no cache helps). Times, in one run, the import
service (``arbiter import``'s ``import_bundles``) into fresh SQLite files:
  without  video key frames switched off (``bundle_video_fingerprints`` returns nothing): the import as before
  with     video key frames decoded in a child process per video, fingerprinted, stored
and the key frames of one video alone (median of 5). Prints bundles/s and the difference per video.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import import_time, make_bundles  # noqa: E402

from arbiter.forensics import video  # noqa: E402
from tests import photos as P  # noqa: E402


def phone_video(seed: int, seconds: float, size: tuple[int, int]) -> bytes:
    """A phone held over a parcel: a photo-like scene slowly panned and zoomed, H.264, a key frame per second."""
    import av
    from PIL import Image

    w, h = size
    scene = P.photo(seed, (w * 5 // 4, h * 5 // 4))
    buf = io.BytesIO()
    with av.open(buf, "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        stream.codec_context.gop_size = 30
        stream.options = {"preset": "veryfast", "crf": "26"}
        n = int(seconds * 30)
        for i in range(n):
            t = i / max(1, n - 1)
            x, y = round(t * (scene.width - w)), round((1 - t) * (scene.height - h) / 2)
            frame = av.VideoFrame.from_image(scene.crop((x, y, x + w, y + h)).convert("RGB"))
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    _ = Image
    return buf.getvalue()


def add_video(path: Path, data: bytes) -> None:
    """Add ``data`` as evidence E90 (video/mp4) to the bundle at ``path``."""
    import hashlib

    with zipfile.ZipFile(path) as src:
        members = {i.filename: src.read(i) for i in src.infolist()}
    case = json.loads(members["case.json"])
    first = case["evidence"][0]
    case["evidence"].append(dict(first, id="E90", kind="video", file="evidence/E90_walkaround.mp4",
                                 media_type="video/mp4", sha256=hashlib.sha256(data).hexdigest(),
                                 description="A video of the parcel"))
    members["case.json"] = json.dumps(case, ensure_ascii=False).encode("utf-8")
    members["evidence/E90_walkaround.mp4"] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in members.items():
            dst.writestr(name, content, compress_type=zipfile.ZIP_STORED if name.endswith(".mp4") else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--every", type=int, default=2, help="one bundle in this many gets a video")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        paths = [p for p, _ in make_bundles(tmp_path, args.copies)]
        bases = [phone_video(900 + i, args.seconds, size) for i in range(3)]
        with_video = paths[::args.every]
        for i, path in enumerate(with_video):
            # distinct bytes (trailing bytes after the last box: every decoder ignores them), same decoding work
            add_video(path, bases[i % len(bases)] + f"\0frames-bench-{i}".encode())
        runs = []
        for _ in range(3):
            one = bases[0] + b"\0one"
            start = time.perf_counter()
            frames = video.key_frames(one)
            runs.append(time.perf_counter() - start)
        assert len(frames) == len(video.FRACTIONS), "the decoder gave no key frames"

        real = video.bundle_video_fingerprints
        video.bundle_video_fingerprints = lambda loaded: {}
        try:
            without, _ = import_time(f"sqlite:///{tmp_path / 'without.db'}", paths, args.workers)
        finally:
            video.bundle_video_fingerprints = real
        video._CACHE.clear()
        with_frames, _ = import_time(f"sqlite:///{tmp_path / 'with.db'}", paths, args.workers)
    n, v = len(paths), len(with_video)
    print(f"bundles {n}, of which {v} with a {args.seconds:.0f} s {args.size} H.264 video ({len(bases[0]) / 1e6:.1f} MB); "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"key frames of one video (child process, {len(video.FRACTIONS)} frames): "
          f"median {1000 * statistics.median(runs):.0f} ms")
    print(f"import without video key frames  {without:7.2f} s  {n / without:7.1f} bundles/s")
    print(f"import with video key frames     {with_frames:7.2f} s  {n / with_frames:7.1f} bundles/s  "
          f"(+{1000 * (with_frames - without) / v:.0f} ms per video, +{100 * (with_frames / without - 1):.0f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
