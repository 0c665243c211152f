"""Many bundles per transaction (the import service's writer): the bulk path stores exactly what bundle-by-bundle
storing does; a failure at any statement leaves either nothing of the batch or the whole batch; a process killed
mid-import leaves no half-imported case. SQLite files (the PostgreSQL side: test_postgres.py)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event, text

from arbiter.store import Repository, import_bundle, open_database
from arbiter.store.importer import import_prepared, prepare
from tests.factories import case_dict, default_files, jpeg_bytes, sha256
from tests.store.helpers import counts, make_loaded

ROOT = Path(__file__).resolve().parents[2]


def _batch():
    """Three new cases, a new revision of a stored case, an unchanged one, sharing some evidence files."""
    items = [prepare(make_loaded(case_dict(case_id=f"TTS-UK-BULK-{n}"))) for n in range(3)]
    data = case_dict()
    data["claim"]["reason_text"] = "Edited by the platform"
    data["evidence"][0]["file"] = "evidence/E1-v2.jpg"
    data["evidence"][0]["sha256"] = sha256(jpeg_bytes((9, 9, 9)))
    items.append(prepare(make_loaded(data, default_files() | {"evidence/E1-v2.jpg": jpeg_bytes((9, 9, 9))})))
    items.append(prepare(make_loaded(case_dict(case_id="TTS-UK-STORED-2"))))
    return items


def _seed(db):
    import_bundle(db, make_loaded(), actor="seed")
    import_bundle(db, make_loaded(case_dict(case_id="TTS-UK-STORED-2")), actor="seed")


def _content(db) -> dict[str, list]:
    """The stored rows without the moments of import (which differ between two runs)."""
    queries = {
        "cases": "SELECT case_id, latest_revision, platform, region, amount, order_id, status, next_deadline_at "
                 "FROM cases ORDER BY id",
        "revisions": "SELECT c.case_id, r.revision, r.case_sha256, r.source_name, r.imported_by FROM case_revisions r "
                     "JOIN cases c ON c.id = r.case_pk ORDER BY r.id",
        "evidence": "SELECT r.revision, e.evidence_id, e.sha256, e.size, e.file_path FROM evidence e "
                    "JOIN case_revisions r ON r.id = e.revision_pk ORDER BY e.id",
        "blobs": "SELECT sha256, size FROM blobs ORDER BY sha256",
        "audit": "SELECT seq, actor, action, case_pk, payload FROM audit_events ORDER BY seq",
    }
    with db.engine.connect() as conn:
        return {name: [tuple(row) for row in conn.execute(text(sql))] for name, sql in queries.items()}


def test_the_bulk_path_stores_what_bundle_by_bundle_storing_does(tmp_path, monkeypatch):
    from arbiter.store import importer

    bulk = open_database(f"sqlite:///{tmp_path / 'bulk.db'}")
    single = open_database(f"sqlite:///{tmp_path / 'single.db'}")
    try:
        for db in (bulk, single):
            _seed(db)
        with monkeypatch.context() as patched:  # the bulk path must not fall back to bundle by bundle
            patched.setattr(importer, "_store_one", lambda *args: pytest.fail("the bulk path fell back"))
            results = import_prepared(bulk, _batch(), actor="r.chen")
        one_by_one = [import_prepared(single, [p], actor="r.chen")[0] for p in _batch()]
        assert [(r.case_id, r.status, r.revision) for r in results] == [
            (r.case_id, r.status, r.revision) for r in one_by_one]
        assert [r.status for r in results] == ["imported"] * 3 + ["new_revision", "unchanged"]
        assert _content(bulk) == _content(single)
        assert Repository(bulk).verify_audit_chain() == []
    finally:
        bulk.close()
        single.close()


@pytest.fixture
def seeded_template(tmp_path):
    """A migrated, seeded database file to copy for each attempt (migrating each time would be slow)."""
    path = tmp_path / "template.db"
    db = open_database(f"sqlite:///{path}")
    _seed(db)
    db.close()
    return path


def test_a_failure_before_any_statement_of_a_batch_keeps_all_or_nothing(tmp_path, seeded_template):
    """The k-th statement of a batch import fails, for every k: either the import raises and the file is as
    before, or (the failure was inside the bulk path) it falls back to bundle-by-bundle and stores everything."""
    before = None
    k = 0
    while True:
        k += 1
        path = tmp_path / f"try-{k}.db"
        shutil.copy(seeded_template, path)
        db = open_database(f"sqlite:///{path}")
        if before is None:
            before = _content(db)
        seen = {"n": 0}

        def fail(conn, cursor, statement, parameters, context, executemany, k=k):
            seen["n"] += 1
            if seen["n"] == k:
                raise RuntimeError(f"injected before statement {k}")

        event.listen(db.engine, "before_cursor_execute", fail)
        try:
            results = import_prepared(db, _batch())
        except RuntimeError:
            event.remove(db.engine, "before_cursor_execute", fail)
            assert _content(db) == before, f"statement {k}"
            db.close()
            continue
        event.remove(db.engine, "before_cursor_execute", fail)
        assert [r.status for r in results] == ["imported"] * 3 + ["new_revision", "unchanged"], f"statement {k}"
        assert counts(db)["cases"] == 5
        assert Repository(db).verify_audit_chain() == []
        db.close()
        if seen["n"] < k:
            break  # the failure was never reached: every statement has been tried
    assert k > 10


CRASHER = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from sqlalchemy import event
    from arbiter.store import open_database
    from arbiter.store.importer import import_prepared
    from tests.store.test_import_batch import _batch
    db = open_database({url!r})
    seen = [0]
    def die(*args):
        seen[0] += 1
        if seen[0] == {k}:
            os._exit(17)   # the process dies here: no rollback, no cleanup
    event.listen(db.engine, "before_cursor_execute", die)
    import_prepared(db, _batch())
    print("survived", seen[0])
""")


@pytest.mark.parametrize("k", [4, 9, 13])
def test_a_process_killed_mid_batch_leaves_no_half_imported_case(tmp_path, seeded_template, k):
    path = tmp_path / "crash.db"
    shutil.copy(seeded_template, path)
    url = f"sqlite:///{path}"
    proc = subprocess.run([sys.executable, "-c", CRASHER.format(root=str(ROOT), url=url, k=k)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 17, proc.stdout + proc.stderr
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # every stored revision has its evidence, every case its revisions: nothing half-imported
        assert con.execute("SELECT count(*) FROM cases WHERE latest_revision <> (SELECT max(revision) FROM "
                           "case_revisions r WHERE r.case_pk = cases.id)").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM case_revisions").fetchone() == (2,)
        assert con.execute("SELECT count(*) FROM cases").fetchone() == (2,)
    finally:
        con.close()
    db = open_database(url)
    try:
        assert Repository(db).verify_audit_chain() == []
        assert [r.status for r in import_prepared(db, _batch())] == ["imported"] * 3 + ["new_revision", "unchanged"]
    finally:
        db.close()


def test_worker_processes_and_one_process_give_the_same_outcomes(tmp_path):
    """The service reads with worker processes from MIN_BUNDLES_FOR_WORKERS bundles on; outcomes keep the
    order given, refusals included."""
    from arbiter import importing
    from tests.factories import write_bundle

    paths = []
    for n in range(importing.MIN_BUNDLES_FOR_WORKERS + 2):
        data = case_dict(case_id=f"TTS-UK-W-{n:03d}")
        if n == 5:
            data["order"]["total_paid"] = 1.5  # refused by the reader
        paths.append(str(write_bundle(tmp_path / "in" / f"b{n:03d}.arbcase", data)))
    paths.insert(7, paths[3])  # the same bundle twice: the second is unchanged
    results = {}
    for workers in (1, 2):
        db = open_database(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        try:
            summary = importing.import_bundles(db, paths, workers=workers)
        finally:
            db.close()
        results[workers] = [(o.source, o.status, o.case_id, o.revision) for o in summary.outcomes]
        assert (summary.imported, summary.unchanged, summary.refused) == (len(paths) - 2, 1, 1)
    assert results[1] == results[2]
    assert [r[0] for r in results[2]] == paths


def test_cancel_stores_what_was_read_and_skips_the_rest(tmp_path):
    from arbiter import importing
    from tests.factories import write_bundle

    paths = [str(write_bundle(tmp_path / "in" / f"c{n}.arbcase", case_dict(case_id=f"TTS-UK-C-{n}")))
             for n in range(6)]
    db = open_database(f"sqlite:///{tmp_path / 'c.db'}")
    try:
        read = []
        summary = importing.import_bundles(db, paths, on_progress=lambda done, total, name: read.append(done),
                                           cancelled=lambda: len(read) >= 2, workers=1)
        assert [o.status for o in summary.outcomes] == ["imported"] * 2 + ["skipped"] * 4
        assert counts(db)["cases"] == 2
    finally:
        db.close()


def test_no_worker_processes_are_left_behind(tmp_path):
    if not hasattr(os, "getpgid"):
        pytest.skip("POSIX only")
    import multiprocessing

    from arbiter import importing
    from tests.factories import write_bundle

    paths = [str(write_bundle(tmp_path / "in" / f"p{n}.arbcase", case_dict(case_id=f"TTS-UK-P-{n}")))
             for n in range(importing.MIN_BUNDLES_FOR_WORKERS)]
    db = open_database(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        importing.import_bundles(db, paths, workers=2)
    finally:
        db.close()
    assert multiprocessing.active_children() == []
