"""Import and decide throughput, measured against the raw floor of the same bytes.

Generates N bundles (copies of the sample bundles with fresh case ids; the copies share their evidence files, or
with --distinct each copy's images are other bytes of the same picture, so every image is stored and
perceptually hashed), then times in one run:
  floor   read every member of every bundle, parse case.json, sha256 every member and write each distinct
          evidence file once (to a file named by its hash): the least any import must do, with no validation
  import  the import service (arbiter.importing.import_bundles, what `arbiter import` runs) into a fresh SQLite
          file: read_bundle's validation and media checks in worker processes, one writer, batches of bundles
          per transaction with a savepoint each
  import (1 process)  the same without worker processes
  decide  the checklist rules on every imported case with the sample's answers
and prints bundles/s, MB/s and floor / import (the goal: >= 0.5, i.e. at most twice the floor).

    .venv/bin/python bench/bench_import.py [--copies 84] [--small] [--pg URL] [--distinct]

--small (CI): 2 copies, no goal check. --pg URL also times the import into PostgreSQL (a fresh schema).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arbiter.bundle import read_bundle  # noqa: E402
from arbiter.domain.checklist import decide  # noqa: E402
from arbiter.policies import load_policy  # noqa: E402
from arbiter.importing import import_bundles  # noqa: E402
from arbiter.store import open_database  # noqa: E402

from _pg import schema_url  # noqa: E402  (bench/_pg.py, beside this script)


def _distinct(data: bytes, tag: bytes) -> bytes:
    """The same picture in other bytes (a JPEG comment segment, a PNG text chunk): another sha256, another blob,
    so it is stored and fingerprinted again, as every photo of a real day's export is."""
    if data.startswith(b"\xff\xd8"):
        return data[:2] + b"\xff\xfe" + (len(tag) + 2).to_bytes(2, "big") + tag + data[2:]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        body = b"tEXt" + b"bench\x00" + tag
        chunk = (len(body) - 4).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")
        return data[:33] + chunk + data[33:]   # after the signature and IHDR
    return data


def make_bundles(out: Path, copies: int, *, distinct: bool = False) -> list[tuple[Path, dict]]:
    """``copies`` copies of every sample with fresh case ids; ``distinct``: every copy's images in other bytes
    (else the copies share their evidence files, which are then stored and fingerprinted once)."""
    samples = sorted((ROOT / "resources" / "samples").glob("*.arbcase"))
    if not samples:
        sys.exit("no samples: run ./dev samples first")
    made = []
    for i in range(copies):
        for sample in samples:
            answers = json.loads((ROOT / "resources" / "sample-answers" / f"{sample.stem}.answers.json")
                                 .read_text("utf-8"), parse_float=Decimal)
            target = out / f"{sample.stem}-{i:04d}.arbcase"
            with zipfile.ZipFile(sample) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
                members = {info.filename: src.read(info) for info in src.infolist()}
                case = json.loads(members["case.json"])
                case["case_id"] = f"{case['case_id'][:50]}-B{i:04d}"
                if distinct:
                    for item in case.get("evidence", ()):
                        if item.get("media_type", "").startswith("image/") and item.get("file") in members:
                            members[item["file"]] = _distinct(members[item["file"]], f"{target.name}".encode())
                            item["sha256"] = hashlib.sha256(members[item["file"]]).hexdigest()
                members["case.json"] = json.dumps(case, ensure_ascii=False).encode("utf-8")
                for info in src.infolist():
                    dst.writestr(info, members[info.filename])
            made.append((target, answers))
    return made


def floor_cost(paths: list[Path], out: Path) -> float:
    """Read + parse + sha256 + write once: the raw floor."""
    out.mkdir()
    written: set[str] = set()
    start = time.perf_counter()
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                data = zf.read(info)
                digest = hashlib.sha256(data).hexdigest()
                if info.filename == "case.json":
                    json.loads(data)
                elif digest not in written:
                    written.add(digest)
                    (out / digest).write_bytes(data)
    return time.perf_counter() - start


def import_time(url: str, paths: list[Path], workers: int | None) -> tuple[float, object]:
    db = open_database(url)
    try:
        start = time.perf_counter()
        summary = import_bundles(db, [str(p) for p in paths], workers=workers)
        elapsed = time.perf_counter() - start
    finally:
        db.dispose()
    assert summary.imported == len(paths), summary
    return elapsed, summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=84, help="copies of each sample bundle (84: ~1,000 bundles)")
    parser.add_argument("--small", action="store_true", help="a quick run for CI: 2 copies, no goal check")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: the CPU count)")
    parser.add_argument("--distinct", action="store_true",
                        help="every copy's images in other bytes: every image is stored and fingerprinted "
                             "(default: the copies share their evidence files, as the samples' copies do)")
    parser.add_argument("--pg", metavar="URL", default=os.environ.get("ARBITER_BENCH_PG_URL"),
                        help="also import into this PostgreSQL database (a fresh schema, dropped afterwards)")
    args = parser.parse_args()
    copies = 2 if args.small else args.copies
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        bundles = make_bundles(tmp_path, copies, distinct=args.distinct)
        paths = [p for p, _ in bundles]
        total_bytes = sum(p.stat().st_size for p in paths)
        uncompressed = sum(i.file_size for p in paths for i in zipfile.ZipFile(p).infolist())

        floor = floor_cost(paths, tmp_path / "floor")
        imported, _ = import_time(f"sqlite:///{tmp_path / 'bench.db'}", paths, args.workers)
        single, _ = import_time(f"sqlite:///{tmp_path / 'bench1.db'}", paths, 1)
        again_db = open_database(f"sqlite:///{tmp_path / 'bench.db'}")
        start = time.perf_counter()
        again = import_bundles(again_db, [str(p) for p in paths], workers=args.workers)
        reimported = time.perf_counter() - start
        again_db.dispose()
        assert again.unchanged == len(paths), again
        pg = None
        if args.pg:
            url, drop = schema_url(args.pg)
            try:
                pg, _ = import_time(url, paths, args.workers)
            finally:
                drop()

        loaded_cases = [(read_bundle(path).case, answers) for path, answers in bundles]
        start = time.perf_counter()
        for case, answers in loaded_cases:
            decide(case, load_policy(case.platform.value, case.region), answers)
        decided = time.perf_counter() - start

    n = len(paths)
    mb = uncompressed / 1e6
    images = "every copy's images distinct" if args.distinct else "copies share their images"
    print(f"bundles            {n}  ({total_bytes / 1e6:.1f} MB on disk, {mb:.1f} MB uncompressed; {images}), "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"floor              {floor:8.3f} s  {n / floor:9.1f} bundles/s  {mb / floor:8.1f} MB/s"
          "  (read + parse + sha256 + write once)")
    print(f"import (SQLite)    {imported:8.3f} s  {n / imported:9.1f} bundles/s  {mb / imported:8.1f} MB/s")
    print(f"import, 1 process  {single:8.3f} s  {n / single:9.1f} bundles/s  {mb / single:8.1f} MB/s")
    print(f"re-import          {reimported:8.3f} s  (all unchanged)")
    if pg is not None:
        print(f"import (PostgreSQL){pg:8.3f} s  {n / pg:9.1f} bundles/s  {mb / pg:8.1f} MB/s")
    ratio = floor / imported
    goal = "" if args.small else ("  (goal >= 0.5: met)" if ratio >= 0.5 else "  (goal >= 0.5: NOT met)")
    print(f"floor / import     {ratio:8.2f}{goal}")
    print(f"decide             {decided:8.3f} s  {n / decided:9.1f} cases/s  ({decided / n * 1e6:.0f} us per case)")


if __name__ == "__main__":
    main()
