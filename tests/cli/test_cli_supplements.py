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


def test_round_trip_through_real_bundles(tmp_path):
    """Request -> the exported entry echoed by the platform in a new revision with the item -> `arbiter import`
    answers it and the case resumes (real bundle files, the real reader, a real SQLite file)."""
    from tests.factories import case_dict, default_files, jpeg_bytes, sha256

    url = _db_with_requests(tmp_path)
    out = tmp_path / "requests.json"
    assert run("supplements", "export", str(out), "--db", url).returncode == 0
    (entry,) = [r for r in json.loads(out.read_text("utf-8"))["requests"] if r["id"] == "ARB-R1"]
    data, files = case_dict(), default_files()
    data["after_sale"]["supplement_requests"] = [
        {k: entry[k] for k in ("id", "party", "requested_at", "due_at", "what")}]
    photo = jpeg_bytes((90, 90, 90))
    files["evidence/S1.jpg"] = photo
    data["evidence"].append({
        "id": "S1", "party": "seller", "submission": 2, "submitted_at": entry["requested_at"], "requested": True,
        "request_id": "ARB-R1", "kind": "photo", "file": "evidence/S1.jpg", "sha256": sha256(photo),
        "media_type": "image/jpeg", "description": "Parcel on the scale"})
    # ARB-R2 (due in a second) is withdrawn by nobody: let it fall due so only ARB-R1 keeps the case waiting
    import time
    time.sleep(1.2)
    assert run("supplements", "resume", "--db", url).stdout.splitlines()[-1] == "resumed: 0 cases"
    proc = run("import", str(write_bundle(tmp_path / "rev2.arbcase", data, files)), "--db", url)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("new revision: TTS-UK-TEST-0001 revision 2")
    lines = run("supplements", "list", "--db", url).stdout.splitlines()
    assert [line.split("\t")[3] for line in lines] == ["answered", "expired"]
    db = open_database(url)
    try:
        assert Repository(db).load_case(1).status == "in_review"
    finally:
        db.close()
