"""Benchmark: the near-duplicate index (issue 13), and what fingerprinting costs an import.

    python bench/bench_forensics.py [--rows N] [--photos N] [--pg URL]
    ARBITER_BENCH_MILLION=1 python bench/bench_forensics.py      # the million-fingerprint run

1. False matches: fingerprints of ``--photos`` unrelated generated photos (tests/photos.py), every pair compared
   with the match rule; prints how many pairs are taken for the same photo. Also the reuse edits' match rate.
2. Fingerprinting cost per image (640x480 JPEG and 4000x3000 JPEG).
3. Lookup: ``--rows`` fingerprint rows (default 20,000; a million with ARBITER_BENCH_MILLION=1) stored in an
   SQLite file and, with ``--pg URL`` or ARBITER_TEST_PG_URL, in PostgreSQL; then timed lookups of one 64-bit
   fingerprint within MATCH_DISTANCE (multi-index hashing over the four 16-bit bands) and of the 27 windows of
   a photo (the index part of looking a photo up). Stored hashes are random 64-bit values with 32 bits
   set (a pHash's median split sets about half of them), so buckets are as full as real ones, or fuller.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, text  # noqa: E402

from arbiter.forensics.fingerprint import EXTRA_WINDOWS, VARIANTS, WINDOW_AXIS, Fingerprint, compare, fingerprints, photo  # noqa: E402
from arbiter.store import open_database  # noqa: E402
from arbiter.store.forensics import _row, candidates  # noqa: E402
from arbiter.store.models import BlobModel, ImageFingerprintModel  # noqa: E402
from tests import photos as P  # noqa: E402


def false_matches(n: int) -> None:
    t0 = time.perf_counter()
    prints = [photo(P.jpeg(P.photo(100_000 + i))) for i in range(n)]
    took = time.perf_counter() - t0
    blank = sum(p is None for p in prints)
    prints = [p for p in prints if p is not None]
    if blank:
        print(f"({blank} of the generated pictures have too little contrast for a fingerprint; left out)")
    n = len(prints)
    pairs = same = 0
    closest = []
    for i in range(n):
        for j in range(i + 1, n):
            c = compare(prints[i], prints[j])
            pairs += 1
            same += c.same_photo
            closest.append((c.detail, c.distance))
    closest.sort()
    print(f"unrelated photos: {n}, pairs compared: {pairs}, taken for the same photo: {same} "
          f"(rate {same / pairs:.2e}); closest pairs (256-bit, 64-bit): {closest[:5]}")
    print(f"stored fingerprints + lookup windows of a 640x480 JPEG: {1000 * took / n:.1f} ms per image")
    data = [P.jpeg(P.photo(100_000 + i)) for i in range(50)]
    t0 = time.perf_counter()
    for d in data:
        fingerprints(d)
    print(f"at import (stored fingerprints only), 640x480 JPEG: {1000 * (time.perf_counter() - t0) / 50:.1f} ms")
    found = tried = 0
    misses = []
    for i in range(200):
        img = P.photo(100_000 + i)
        original = photo(P.jpeg(img))
        if original is None:
            continue
        for seed in range(3):
            tried += 1
            c = compare(original, photo(P.reused(img, seed)))
            found += c.same_photo
            if not c.same_photo:
                misses.append((c.distance, c.detail))
    print(f"reused photos (resized 50-80 %, cropped 0-8 % per side, brightened 10-35 %, JPEG q55-80): "
          f"{found}/{tried} matched; misses (64-bit, 256-bit): {sorted(misses)[:8]}")
    big = P.jpeg(P.photo(7, (4000, 3000)), 90)
    t0 = time.perf_counter()
    for _ in range(5):
        fingerprints(big)
    print(f"fingerprinting 4000x3000 JPEG ({len(big) // 1024} KiB): {1000 * (time.perf_counter() - t0) / 5:.1f} ms "
          f"per image (JPEG draft mode decodes at 1/8 scale)")


def import_cost(rounds: int = 3) -> None:
    """Import every bundled sample into a fresh SQLite file, with the fingerprint hook and with it switched off."""
    import arbiter.store.importer as importer
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle

    samples = sorted((Path(__file__).resolve().parent.parent / "resources" / "samples").glob("*.arbcase"))
    real = importer.bundle_fingerprints
    images = sum(1 for p in samples for e in read_bundle(p).case.evidence if e.media_type.startswith("image/"))
    timings = {"with fingerprints": [], "without": []}
    for _ in range(rounds):
        for label, hook in (("with fingerprints", real), ("without", lambda loaded: {})):
            importer.bundle_fingerprints = hook
            with tempfile.TemporaryDirectory() as tmp:
                db = open_database(f"sqlite:///{tmp}/imp.db")
                t0 = time.perf_counter()
                for path in samples:
                    import_bundle(db, read_bundle(path), actor="bench")
                timings[label].append(time.perf_counter() - t0)
                db.close()
    importer.bundle_fingerprints = real
    a, b = min(timings["with fingerprints"]), min(timings["without"])
    print(f"import of the {len(samples)} samples ({images} images), best of {rounds}: {a:.2f} s with fingerprints, "
          f"{b:.2f} s without (+{1000 * (a - b) / max(images, 1):.0f} ms per image)")


def random_hash(rnd: random.Random) -> int:
    value = 0
    for bit in rnd.sample(range(64), 32):
        value |= 1 << bit
    return value


def fill(db, rows: int, seed: int = 1) -> list[tuple[int, ...]]:
    """``rows`` fingerprint rows (len(VARIANTS) per blob); returns a few stored whole-picture hashes to query."""
    rnd = random.Random(seed)
    per = len(VARIANTS)
    blobs = rows // per
    now = datetime.now(timezone.utc)
    kept = []
    t0 = time.perf_counter()
    with db.session() as session:
        for start in range(0, blobs, 5000):
            chunk = range(start, min(blobs, start + 5000))
            session.execute(insert(BlobModel), [
                {"sha256": f"{i:064x}", "size": 0, "data": b"", "created_at": now} for i in chunk])
            fps = []
            for i in chunk:
                for v in range(per):
                    fp = Fingerprint(v, random_hash(rnd), rnd.getrandbits(256))
                    fps.append(_row(fp, f"{i:064x}"))
                    if v == 0 and len(kept) < 200 and rnd.random() < 0.01:
                        kept.append(fp)
            session.execute(insert(ImageFingerprintModel), fps)
    print(f"  stored {blobs * per:,} fingerprint rows ({blobs:,} images) in {time.perf_counter() - t0:.0f} s")
    return kept


def reused_queries(db) -> list[Fingerprint]:
    """Whole-picture hashes of a kept database to query (every 5,000th image)."""
    from sqlalchemy import select

    with db.session(readonly=True) as session:
        rows = session.execute(select(ImageFingerprintModel).where(ImageFingerprintModel.variant == 0,
                                                                   ImageFingerprintModel.id % 5003 == 1).limit(200))
        kept = [Fingerprint(0, (r.b0 << 48) | (r.b1 << 32) | (r.b2 << 16) | r.b3, 0) for (r,) in rows]
        total = session.scalar(select(func.count()).select_from(ImageFingerprintModel))
    print(f"  reusing {total:,} stored fingerprint rows")
    return kept


def near(rnd: random.Random, fp: Fingerprint, flips: int) -> Fingerprint:
    value = fp.value
    for bit in rnd.sample(range(64), flips):
        value ^= 1 << bit
    return Fingerprint(0, value, fp.detail)


def lookups(db, kept: list[Fingerprint], label: str) -> None:
    rnd = random.Random(2)
    # what autovacuum does on a live server (index-only scans need the visibility map); ANALYZE on SQLite
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as con:
        con.exec_driver_sql("VACUUM ANALYZE image_fingerprints" if db.engine.dialect.name == "postgresql"
                            else "ANALYZE")
    with db.session(readonly=True) as session:
        one, found = [], 0
        for fp in kept[:100]:
            q = near(rnd, fp, rnd.choice((2, 4, 6)))
            t0 = time.perf_counter()
            hits = candidates(session, q.value)
            one.append(1000 * (time.perf_counter() - t0))
            found += any(h[2] <= 6 for h in hits)
        whole = []
        n_windows = len(WINDOW_AXIS) ** 2 + len(EXTRA_WINDOWS)
        for fp in kept[:20]:
            queries = [near(rnd, fp, 4).value] + [random_hash(rnd) for _ in range(n_windows - 1)]
            t0 = time.perf_counter()
            for q in queries:
                candidates(session, q)
            whole.append(1000 * (time.perf_counter() - t0))
    one.sort()
    whole.sort()
    print(f"  {label}: one fingerprint lookup (<= 12 bits): median {statistics.median(one):.1f} ms, "
          f"p95 {one[int(0.95 * len(one))]:.1f} ms, max {one[-1]:.1f} ms; the stored near copy found "
          f"{found}/{len(one[:100])}")
    print(f"  {label}: a photo's 27 windows (the index part of looking up one photo): median {statistics.median(whole):.1f} ms, "
          f"p95 {whole[int(0.95 * len(whole))]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    million = os.environ.get("ARBITER_BENCH_MILLION") == "1"
    parser.add_argument("--rows", type=int, default=1_000_000 if million else 20_000)
    parser.add_argument("--photos", type=int, default=2000 if million else 300)
    parser.add_argument("--pg", default=os.environ.get("ARBITER_TEST_PG_URL"))
    parser.add_argument("--skip-photos", action="store_true")
    parser.add_argument("--keep", metavar="NAME", help="keep the filled SQLite file (/tmp/NAME.db) and PostgreSQL "
                        "schema (NAME) and reuse them when they exist: measure the lookups again without refilling")
    args = parser.parse_args()
    if not args.skip_photos:
        false_matches(args.photos)
        import_cost()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(f"/tmp/{args.keep}.db") if args.keep else Path(tmp) / "bench.db"
        reuse = args.keep and path.exists()
        db = open_database(f"sqlite:///{path}")
        try:
            print(f"SQLite, {args.rows:,} fingerprints:")
            kept = reused_queries(db) if reuse else fill(db, args.rows)
            lookups(db, kept, "SQLite")
        finally:
            db.close()
    if args.pg:
        schema = args.keep or f"bench_forensics_{os.getpid()}"
        from sqlalchemy import create_engine

        admin = create_engine(args.pg)
        with admin.begin() as con:
            reuse = bool(args.keep) and con.execute(text(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = :s AND table_name = "
                "'image_fingerprints'"), {"s": schema}).first() is not None
            con.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
        sep = "&" if "?" in args.pg else "?"
        db = open_database(f"{args.pg}{sep}options=-csearch_path%3D{schema}")
        try:
            print(f"PostgreSQL, {args.rows:,} fingerprints:")
            kept = reused_queries(db) if reuse else fill(db, args.rows)
            lookups(db, kept, "PostgreSQL")
        finally:
            db.close()
            if not args.keep:
                with admin.begin() as con:
                    con.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
    else:
        print("PostgreSQL: skipped (no --pg URL and no ARBITER_TEST_PG_URL)")


if __name__ == "__main__":
    main()
