"""`arbiter supplements list|export|resume` as a user runs them: a real process on a real SQLite file."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from arbiter.store import Repository, open_database
from tests.cli.test_cli import assert_one_line_error, run
from tests.factories import write_bundle


def _db_with_requests(tmp_path):
    db_file = tmp_path / "a.db"
    url = f"sqlite:///{db_file}"
    assert run("import", str(write_bundle(tmp_path / "c.arbcase")), "--db", url).returncode == 0
    db = open_database(url)
    try:
        repo = Repository(db)
        pk = repo.list_cases(__import__("arbiter.store", fromlist=["QueueQuery"]).QueueQuery(), 0, 1)[0].pk
        now = datetime.now(timezone.utc)
        repo.request_supplement(pk, "seller", "Packing\nphoto", now + timedelta(days=2), "r.chen")
        repo.request_supplement(pk, "buyer", "Label", now + timedelta(seconds=1), "r.chen")
    finally:
        db.close()
    return url


def test_list_export_resume(tmp_path):
    url = _db_with_requests(tmp_path)
    proc = run("supplements", "list", "--db", url)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split("\t")[:4] for line in lines] == [
        ["TTS-UK-TEST-0001", "ARB-R1", "seller", "open"], ["TTS-UK-TEST-0001", "ARB-R2", "buyer", "open"]]
    assert lines[0].endswith("\tPacking photo")

    import time
    time.sleep(1.2)   # ARB-R2 falls due
    out = tmp_path / "out" / "requests.json"
    proc = run("supplements", "export", str(out), "--db", url)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"exported: 1 request to {out}"
    doc = json.loads(out.read_text("utf-8"))
    assert doc["format"] == "arbiter.supplement-requests/1"
    assert [r["id"] for r in doc["requests"]] == ["ARB-R1"]
    assert run("supplements", "export", str(out), "--db", url).stdout.strip() == f"exported: 0 requests to {out}"
    assert run("supplements", "export", str(out), "--all", "--db", url).stdout.strip().startswith("exported: 1")

    proc = run("supplements", "list", "TTS-UK-TEST-0001", "--db", url)
    assert [line.split("\t")[3] for line in proc.stdout.splitlines()] == ["open", "expired"]
    assert run("supplements", "resume", "--db", url).stdout.strip() == "resumed: 0 cases"


def test_unwritable_export_is_one_line(tmp_path):
    url = _db_with_requests(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_one_line_error(run("supplements", "export", str(blocker / "r.json"), "--db", url), "r.json")
