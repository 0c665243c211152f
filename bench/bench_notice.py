"""Benchmark: decision notice generation time (ReportLab). Plain script, prints figures; not a test.

    python bench/bench_notice.py [N]

Measures: the first render in the process (includes loading the 5 MB CJK font), then N renders each of a
typical English notice, a typical Chinese notice, and a long one (100 evidence items, ~6000-character
rationale), and write_notices (both copies, written to disk).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arbiter.notice import render_notice, write_notices  # noqa: E402
from tests.notice.records import english_case, long_case_and_record, record, zh_case, zh_record  # noqa: E402


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def report(name: str, samples: list[float], size: int | None = None) -> None:
    ms = [s * 1000 for s in samples]
    extra = f"  {size / 1024:.0f} KiB" if size else ""
    print(f"{name:<38} n={len(ms):<3} median {statistics.median(ms):7.1f} ms  min {min(ms):7.1f} ms  "
          f"max {max(ms):7.1f} ms{extra}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    en_case, en_rec = english_case(), record()
    zh, zh_rec = zh_case(), zh_record()
    long_case, long_rec = long_case_and_record(100, 6000)

    t0 = time.perf_counter()
    first = render_notice(en_case, en_rec, "buyer")
    print(f"{'first render (font load included)':<38} {1000 * (time.perf_counter() - t0):7.1f} ms")

    report("English notice, buyer copy", timed(lambda: render_notice(en_case, en_rec, "buyer"), n), len(first))
    zh_bytes = render_notice(zh, zh_rec, "seller")
    report("Chinese notice, seller copy", timed(lambda: render_notice(zh, zh_rec, "seller"), n), len(zh_bytes))
    long_bytes = render_notice(long_case, long_rec, "seller")
    report("long notice (100 evidence, 6k rationale)",
           timed(lambda: render_notice(long_case, long_rec, "seller"), max(3, n // 4)), len(long_bytes))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "notice.pdf"
        report("write_notices (both copies, English)", timed(lambda: write_notices(en_case, en_rec, out), n))
    total = timed(lambda: [render_notice(en_case, en_rec, "buyer") for _ in range(n)], 1)[0]
    print(f"{n} English notices in a row: {total:.2f} s ({n / total:.1f} notices/s)")


if __name__ == "__main__":
    main()
