"""Issue 11 part 7: workstations importing the same cases, and revisions of them, at the same moment on one
PostgreSQL server. Four real processes against the real server (``ARBITER_TEST_PG_URL``): every import
succeeds or says ``unchanged``; every distinct case.json is stored exactly once, revisions numbered 1..n."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from arbiter.store import Repository, open_database
from tests.store.test_postgres import PG_URL, db_url  # noqa: F401 - the fresh-schema fixture

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ARBITER_TEST_PG_URL is not set"),
]

ROOT = Path(__file__).resolve().parents[2]
CASES, REVISIONS, PROCESSES = 4, 3, 4

WORKER = textwrap.dedent("""
    import json, os, random, sys, time
    sys.path.insert(0, {root!r})
    from arbiter.store import open_database
    from arbiter.store.importer import import_bundle, import_prepared, prepare
    from tests.store.test_pg_import_race import bundles
    number, url, go = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    items = bundles()
    random.Random(number).shuffle(items)
    db = open_database(url)
    while not os.path.exists(go):
        time.sleep(0.005)
    out = []
    for round in range(2):
        if number % 2 and round:   # half the processes also import everything again in one batch
            results = import_prepared(db, [prepare(b) for b in items])
        else:
            results = []
            for b in items:
                try:
                    results.append(import_bundle(db, b))
                except Exception as exc:
                    results.append(exc)
        for b, r in zip(items, results):
            out.append([b.case.case_id, b.case_sha256, getattr(r, "status", None), getattr(r, "revision", None),
                        None if not isinstance(r, Exception) else repr(r)])
    print(json.dumps(out))
""")


def bundles():
    from tests.factories import case_dict
    from tests.store.helpers import make_loaded

    out = []
    for c in range(CASES):
        for r in range(REVISIONS):
            data = case_dict(case_id=f"TTS-UK-RACE-{c}")
            data["claim"]["reason_text"] = f"revision text {r}"
            out.append(make_loaded(data))
    return out


def test_four_processes_importing_the_same_cases_and_revisions_all_succeed(db_url, tmp_path):  # noqa: F811
    open_database(db_url).close()  # migrate once, before the race
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", WORKER.format(root=str(ROOT)), str(n), db_url, str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
             for n in range(PROCESSES)]
    time.sleep(2.0)  # let every process import and connect
    go.write_text("go")
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outputs.extend(json.loads(out.strip().splitlines()[-1]))

    errors = [row for row in outputs if row[4] is not None]
    assert errors == []
    statuses = Counter(row[2] for row in outputs)
    total = CASES * REVISIONS
    assert statuses["imported"] == CASES
    assert statuses["new_revision"] == total - CASES
    assert statuses["unchanged"] == len(outputs) - total

    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT c.case_id, r.revision, r.case_sha256, c.latest_revision FROM case_revisions r "
                "JOIN cases c ON c.id = r.case_pk ORDER BY c.case_id, r.revision")).all()
        by_case: dict[str, list] = {}
        for case_id, revision, sha, latest in rows:
            by_case.setdefault(case_id, []).append((revision, sha, latest))
        assert len(by_case) == CASES
        for revisions in by_case.values():
            assert [r for r, _, _ in revisions] == list(range(1, REVISIONS + 1))
            assert len({sha for _, sha, _ in revisions}) == REVISIONS
            assert {latest for _, _, latest in revisions} == {REVISIONS}
        # each process saw a stored revision with the number it was told
        told = {(row[0], row[1]): row[3] for row in outputs}
        assert all(told[(case_id, sha)] == revision for case_id, revision, sha, _ in rows)
        assert Repository(db).verify_audit_chain() == []
    finally:
        db.close()
