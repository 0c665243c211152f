"""The rules engine's speed: ``decide`` and ``assess`` per call on the test suite's standard case (pure domain,
no I/O). The checklist re-assesses on every click, so this should stay well under a millisecond or two.

    .venv/bin/python bench/bench_rules.py [--runs 500]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from arbiter.domain.checklist import assess, decide  # noqa: E402
from tests.domain.conftest import answers, make_case, policy_of  # noqa: E402


def per_call(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=500)
    args = ap.parse_args()
    case = make_case()
    policy = policy_of(case)
    ans = answers()
    for name, fn in (("decide", lambda: decide(case, policy, ans)), ("assess", lambda: assess(case, policy, ans))):
        times = per_call(fn, args.runs)
        print(f"{name:8s} median {1000 * statistics.median(times):7.3f} ms   "
              f"p95 {1000 * sorted(times)[int(0.95 * len(times))]:7.3f} ms   ({args.runs} calls)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
