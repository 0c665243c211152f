"""Import and decide throughput, measured against the raw floor of the same bytes.

Generates N bundles (copies of the sample bundles with fresh case ids; the copies share their evidence files, or
with --distinct each copy's images are other bytes of the same picture, so every image is stored and
perceptually hashed), then times in one run, over the very same bundle files:
  floor   one process: open each ZIP, read (inflate) every member, sha256 every member, json.loads case.json,
          and write each distinct evidence file once (to a file named by its hash): the least any import must
          do, with no validation and no database
  import  the import service (arbiter.importing.import_bundles, what `arbiter import` runs) into a fresh SQLite
          file, perceptual hashing on: worker processes read and check every bundle (read_bundle: the ZIP's
          structure and limits, the safe JSON decoder, the case's validation, every sha256, every media type
          and image check) and prepare its rows (search keys, review target, party row, fingerprints of images
          not fingerprinted yet); one writer stores batches of bundles per transaction, a savepoint each, and
          commits each batch (the audit chain included)
  import (1 process)  the same without worker processes
  re-import  the same bundles into the first database again: all unchanged
  decide  the checklist rules on every imported case with the sample's answers
and prints seconds, bundles/s, MB/s, the CPU seconds of every process, and floor / import (the goal: >= 0.5,
i.e. the import takes at most twice the floor's time).

    .venv/bin/python bench/bench_import.py [--copies 84] [--small] [--pg URL] [--distinct] [--parallel-check]

--small (CI): 2 copies, no goal check. --pg URL also times the import into PostgreSQL (a fresh schema).
--parallel-check first prints how much more work two processes get done than one on this machine right now.
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
from arbiter.importing import default_workers, import_bundles  # noqa: E402
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


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the import's worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def import_time(url: str, paths: list[Path], workers: int | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of every process) of importing ``paths`` into a fresh database at ``url``."""
    db = open_database(url)
    try:
        cpu = cpu_seconds()
        start = time.perf_counter()
        summary = import_bundles(db, [str(p) for p in paths], workers=workers)
        elapsed = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
    finally:
        db.dispose()
    assert summary.imported == len(paths), summary
    return elapsed, cpu


def _spin(n: int) -> float:
    start = time.perf_counter()
    x = 0
    for i in range(n):
        x += i
    return time.perf_counter() - start


def parallel_speedup(n: int = 3_000_000) -> float:
    """How much more work two processes get done than one on this machine right now (2.0 on two idle cores; a
    virtual machine's two CPUs may give much less): the same loop alone, then twice at once."""
    import multiprocessing

    alone = _spin(n)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_spin, [n, n])
        both = time.perf_counter() - start
    return 2 * alone / both


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=84, help="copies of each sample bundle (84: ~1,000 bundles)")
    parser.add_argument("--small", action="store_true", help="a quick run for CI: 2 copies, no goal check")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: the CPU count)")
    parser.add_argument("--distinct", action="store_true",
                        help="every copy's images in other bytes: every image is stored and fingerprinted "
                             "(default: the copies share their evidence files, as the samples' copies do)")
    parser.add_argument("--parallel-check", action="store_true",
                        help="first measure how much more two processes do than one on this machine")
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

        speedup = parallel_speedup() if args.parallel_check else None
        floor_cpu = cpu_seconds()
        floor = floor_cost(paths, tmp_path / "floor")
        floor_cpu = cpu_seconds() - floor_cpu
        imported, imported_cpu = import_time(f"sqlite:///{tmp_path / 'bench.db'}", paths, args.workers)
        single, single_cpu = import_time(f"sqlite:///{tmp_path / 'bench1.db'}", paths, 1)
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
                pg, pg_cpu = import_time(url, paths, args.workers)
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
    if speedup is not None:
        print(f"two processes      {speedup:8.2f} x the work of one (this machine, now)")
    print(f"floor              {floor:8.3f} s  {n / floor:9.1f} bundles/s  {mb / floor:8.1f} MB/s"
          f"  cpu {floor_cpu:6.2f} s  (read + parse + sha256 + write once, one process)")
    print(f"import (SQLite)    {imported:8.3f} s  {n / imported:9.1f} bundles/s  {mb / imported:8.1f} MB/s"
          f"  cpu {imported_cpu:6.2f} s  ({args.workers or default_workers()} worker processes and the writer)")
    print(f"import, 1 process  {single:8.3f} s  {n / single:9.1f} bundles/s  {mb / single:8.1f} MB/s"
          f"  cpu {single_cpu:6.2f} s")
    print(f"re-import          {reimported:8.3f} s  (all unchanged)")
    if pg is not None:
        print(f"import (PostgreSQL){pg:8.3f} s  {n / pg:9.1f} bundles/s  {mb / pg:8.1f} MB/s  cpu {pg_cpu:6.2f} s")
    ratio = floor / imported
    goal = "" if args.small else ("  (goal >= 0.5: met)" if ratio >= 0.5 else "  (goal >= 0.5: NOT met)")
    print(f"floor / import     {ratio:8.2f}{goal}")
    print(f"decide             {decided:8.3f} s  {n / decided:9.1f} cases/s  ({decided / n * 1e6:.0f} us per case)")


if __name__ == "__main__":
    main()
