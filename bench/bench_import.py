"""Import and decide throughput, measured against the raw cost of the same bytes.

Generates N bundles (copies of the sample bundles with fresh case ids), then times in one run:
  raw     read every bundle file and sha256 every member's uncompressed bytes (the floor: no validation)
  import  read_bundle + import_bundle into a fresh SQLite file (validation, media checks, one transaction each)
  decide  the checklist rules on every imported case with the sample's answers
and prints bundles/s, MB/s and import time as a multiple of the raw cost.

    .venv/bin/python bench/bench_import.py [--copies 25]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
import zipfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arbiter.bundle import read_bundle  # noqa: E402
from arbiter.domain.checklist import decide  # noqa: E402
from arbiter.policies import load_policy  # noqa: E402
from arbiter.store import import_bundle, open_database  # noqa: E402


def make_bundles(out: Path, copies: int) -> list[tuple[Path, dict]]:
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
                for info in src.infolist():
                    data = src.read(info)
                    if info.filename == "case.json":
                        case = json.loads(data)
                        case["case_id"] = f"{case['case_id'][:50]}-B{i:04d}"
                        data = json.dumps(case, ensure_ascii=False).encode("utf-8")
                    dst.writestr(info, data)
            made.append((target, answers))
    return made


def raw_cost(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                hashlib.sha256(zf.read(info)).digest()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=25, help="copies of each sample bundle")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        bundles = make_bundles(tmp_path, args.copies)
        paths = [p for p, _ in bundles]
        total_bytes = sum(p.stat().st_size for p in paths)
        uncompressed = sum(i.file_size for p in paths for i in zipfile.ZipFile(p).infolist())

        raw = raw_cost(paths)
        db = open_database(f"sqlite:///{tmp_path / 'bench.db'}")
        start = time.perf_counter()
        loaded_cases = []
        for path, answers in bundles:
            loaded = read_bundle(path)
            import_bundle(db, loaded)
            loaded_cases.append((loaded.case, answers))
        imported = time.perf_counter() - start

        start = time.perf_counter()
        for case, answers in loaded_cases:
            decide(case, load_policy(case.platform.value, case.region), answers)
        decided = time.perf_counter() - start
        db.dispose()

    n = len(paths)
    mb = uncompressed / 1e6
    print(f"bundles            {n}  ({total_bytes / 1e6:.1f} MB on disk, {mb:.1f} MB uncompressed)")
    print(f"raw read+sha256    {raw:8.3f} s  {n / raw:9.1f} bundles/s  {mb / raw:8.1f} MB/s")
    print(f"import             {imported:8.3f} s  {n / imported:9.1f} bundles/s  {mb / imported:8.1f} MB/s")
    print(f"import / raw       {imported / raw:8.1f} x  (validation, media checks, one SQLite transaction each)")
    print(f"decide             {decided:8.3f} s  {n / decided:9.1f} cases/s  ({decided / n * 1e6:.0f} us per case)")


if __name__ == "__main__":
    main()
