"""The import and queue benchmarks run in their small mode, so that they never rot (the figures themselves are
measured by `./dev bench`, never in timed tests; docs/storage.md). On PostgreSQL too when the suite has one."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(script: str, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    pg = os.environ.get("ARBITER_TEST_PG_URL")
    extra = ["--pg", pg] if pg else []
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--small", *extra, *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.mark.slow
def test_bench_import_small():
    out = _run("bench_import.py")
    for label in ("floor ", "import (SQLite)", "import, 1 process", "re-import", "floor / import", "decide"):
        assert label in out, out
    if os.environ.get("ARBITER_TEST_PG_URL"):
        assert "import (PostgreSQL)" in out, out


@pytest.mark.slow
def test_bench_queue_small():
    out = _run("bench_queue.py", "--gui")
    for label in ("first page", "sort by next_deadline_at desc (first page)", "search phone as typed", "search buyer name",
                  "search tracking number, prefix", "GUI: first page shown"):
        assert label in out, out
    assert "(0 found" not in out, out  # every sample searched for is found
    if os.environ.get("ARBITER_TEST_PG_URL"):
        assert "PostgreSQL: 2,000 cases" in out, out
