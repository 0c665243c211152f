"""Importing bundles: one transaction, revisions, content-addressed blobs, tamper detection.

Written against the ``db`` fixture only, so test_postgres.py runs the same tests on PostgreSQL."""
from __future__ import annotations

import hashlib
import sys
from datetime import timedelta

import pytest

from arbiter.store import EvidenceTampered, Repository, import_bundle
from arbiter.store import audit as audit_module
from arbiter.store import importer
from tests.factories import case_dict, default_files, jpeg_bytes, sha256
from tests.store.helpers import counts, dump, execute, make_loaded


def _snapshot(db):
    snap = {"tables": dump(db)}
    if db.backend == "sqlite":
        import sqlite3

        path = db.url.database
        con = sqlite3.connect(path)
        try:
            snap["sql_dump"] = list(con.iterdump())
        finally:
            con.close()
    return snap


def test_first_import_stores_case_revision_evidence_and_blobs(db):
    loaded = make_loaded(ignored=("notes.txt",))
    result = import_bundle(db, loaded, actor="r.chen")
    assert (result.case_id, result.revision, result.status) == ("TTS-UK-TEST-0001", 1, "imported")
    assert counts(db)["cases"] == 1
    assert counts(db)["case_revisions"] == 1
    assert counts(db)["evidence"] == 3
    assert counts(db)["blobs"] == 3

    repo = Repository(db)
    stored = repo.load_case(result.case_pk)
    assert stored.case == loaded.case
    assert (stored.revision, stored.status, stored.case_sha256) == (1, "new", loaded.case_sha256)
    assert stored.imported_at.tzinfo is not None

    [row] = repo.list_cases(_all(), 0, 10)
    assert row.pk == result.case_pk
    assert row.amount == loaded.case.claim.amount
    assert row.opened_at == loaded.case.opened_at
    assert row.next_deadline_at == importer.review_deadline(loaded.case)
    assert row.status == "new"

    [event] = repo.audit_trail(result.case_pk)
    assert (event.action, event.actor) == ("case.imported", "r.chen")
    assert event.payload["case_sha256"] == loaded.case_sha256
    assert event.payload["ignored"] == ["notes.txt"]
    assert repo.verify_audit_chain() == []


def _all():
    from arbiter.store import QueueQuery

    return QueueQuery()


def test_review_deadline_comes_from_the_real_uk_policy(db):
    """TikTok Shop UK reviews within 2 days (tiktok_shop.UK.toml, seed 003), not the base 5 days: the real
    policy file, loaded as the app loads it, through the domain."""
    from arbiter.domain.review import review_target
    from arbiter.policies import load_policy

    loaded = make_loaded()
    case = loaded.case
    assert (case.platform.value, case.region) == ("tiktok_shop", "UK")
    policy = load_policy("tiktok_shop", "UK")
    assert (policy.review_within.amount, policy.review_within.unit) == (2, "wd")   # 2 working days (003)
    due = importer.review_deadline(case)
    assert due == review_target(case, policy)
    assert case.opened_at + timedelta(days=2) <= due <= case.opened_at + timedelta(days=4)   # never the base 5
    import_bundle(db, loaded)
    [row] = Repository(db).list_cases(_all(), 0, 1)
    assert row.next_deadline_at == due


def test_a_case_without_a_usable_policy_is_refused_not_given_five_days(db, monkeypatch):
    import arbiter.policies

    def broken(platform, region):
        raise ValueError(f"no policy for {platform} {region}")

    monkeypatch.setattr(arbiter.policies, "load_policy", broken)
    with pytest.raises(ValueError, match="no policy for tiktok_shop UK"):
        import_bundle(db, make_loaded())
    assert Repository(db).count_cases(_all()) == 0


def test_reimport_of_identical_content_is_a_no_op(db):
    loaded = make_loaded()
    first = import_bundle(db, loaded)
    before = _snapshot(db)
    again = import_bundle(db, make_loaded(source="elsewhere/copy.arbcase"))
    assert (again.status, again.revision, again.case_pk) == ("unchanged", 1, first.case_pk)
    assert _snapshot(db) == before


def test_same_case_id_with_other_content_is_a_new_revision_beside_the_old(db):
    repo = Repository(db)
    first = import_bundle(db, make_loaded())
    data = case_dict()
    data["claim"]["amount"] = "12.50"
    data["evidence"].append({
        "id": "E4", "party": "buyer", "submission": 2, "submitted_at": "2025-03-02T09:00:00+00:00",
        "requested": True, "kind": "photo", "file": "evidence/E4.jpg", "sha256": sha256(jpeg_bytes((1, 2, 3))),
        "media_type": "image/jpeg", "description": "Requested close-up"})
    files = default_files() | {"evidence/E4.jpg": jpeg_bytes((1, 2, 3))}
    second = import_bundle(db, make_loaded(data, files))
    assert (second.status, second.revision, second.case_pk) == ("new_revision", 2, first.case_pk)

    c = counts(db)
    assert (c["cases"], c["case_revisions"], c["evidence"], c["blobs"]) == (1, 2, 7, 4)
    stored = repo.load_case(first.case_pk)
    assert stored.revision == 2
    assert str(stored.case.claim.amount) == "12.50"
    assert "E4" in stored.case.evidence_ids
    assert repo.evidence_bytes(first.case_pk, "E4") == jpeg_bytes((1, 2, 3))
    [row] = repo.list_cases(_all(), 0, 10)
    assert str(row.amount) == "12.5000"

    # the old content again: already known, nothing changes
    before = dump(db)
    old = import_bundle(db, make_loaded())
    assert (old.status, old.revision) == ("unchanged", 1)
    assert dump(db) == before
    actions = [(e.action, e.payload["revision"], e.payload["status"]) for e in repo.audit_trail(first.case_pk)]
    assert actions == [("case.imported", 1, "imported"), ("case.imported", 2, "new_revision")]


def test_blobs_are_content_addressed_and_deduplicated(db):
    import_bundle(db, make_loaded())
    other = case_dict(case_id="TTS-UK-TEST-0002")
    import_bundle(db, make_loaded(other))
    c = counts(db)
    assert (c["cases"], c["evidence"], c["blobs"]) == (2, 6, 3)
    from sqlalchemy import text

    with db.engine.connect() as conn:
        for digest, size, data in conn.execute(text("SELECT sha256, size, data FROM blobs")):
            assert hashlib.sha256(bytes(data)).hexdigest() == digest
            assert size == len(data)


def _revision_two():
    data = case_dict()
    data["claim"]["reason_text"] = "Edited by the platform"
    data["evidence"][0]["file"] = "evidence/E1-v2.jpg"
    data["evidence"][0]["sha256"] = sha256(jpeg_bytes((9, 9, 9)))
    return make_loaded(data, default_files() | {"evidence/E1-v2.jpg": jpeg_bytes((9, 9, 9))})


class Boom(RuntimeError):
    pass


class Crash(BaseException):
    """Not an Exception: stands for the process dying (KeyboardInterrupt, SystemExit) mid-import."""


def _fail_at_statement(db, k, exc_type):
    """Raise ``exc_type`` just before the k-th SQL statement sent from now on; returns a remover."""
    from sqlalchemy import event

    seen = {"n": 0}

    def before(conn, cursor, statement, parameters, context, executemany):
        seen["n"] += 1
        if seen["n"] == k:
            raise exc_type(f"injected failure before statement {k}: {statement.split()[0]}")

    event.listen(db.engine, "before_cursor_execute", before)
    return lambda: event.remove(db.engine, "before_cursor_execute", before)


@pytest.mark.parametrize("when", ["first_import", "new_revision"])
@pytest.mark.parametrize("exc_type", [Boom, Crash], ids=["error", "crash"])
def test_a_failure_before_any_statement_leaves_everything_as_before(db, tmp_path, when, exc_type):
    """Every statement of an import (savepoint, inserts, audit, release, commit) fails in turn: the database is
    each time exactly as before, and the import works once the fault is gone."""
    if when == "new_revision":
        import_bundle(db, make_loaded())
        loaded = _revision_two()
    else:
        loaded = make_loaded()
    before = _snapshot(db)
    files_before = sorted(p.name for p in tmp_path.rglob("*") if not p.name.endswith(("-wal", "-shm")))
    k = 0
    while True:
        k += 1
        remove = _fail_at_statement(db, k, exc_type)
        try:
            result = import_bundle(db, loaded)
        except (Boom, Crash):
            remove()
            assert _snapshot(db) == before, f"statement {k}"
            assert sorted(p.name for p in tmp_path.rglob("*")
                          if not p.name.endswith(("-wal", "-shm"))) == files_before
            continue
        remove()
        break  # the fault was never reached: every statement has been tried
    assert k > 6
    assert result.status in ("imported", "new_revision")
    assert Repository(db).verify_audit_chain() == []


def test_a_batch_keeps_the_good_bundles_and_refuses_the_failing_one_whole(db, monkeypatch):
    from arbiter.store.importer import ImportHook, import_prepared, prepare

    good1 = prepare(make_loaded(case_dict(case_id="TTS-UK-BATCH-1")))
    bad = prepare(make_loaded(case_dict(case_id="TTS-UK-BATCH-2")))
    good2 = prepare(make_loaded(case_dict(case_id="TTS-UK-BATCH-3")))

    def store(conn, prepared, case_pk, revision_pk):
        if prepared.case_id == "TTS-UK-BATCH-2":
            raise Boom("the hook refuses this one")

    monkeypatch.setattr(importer, "IMPORT_HOOKS", [ImportHook("test", store=store)])
    results = import_prepared(db, [good1, bad, good2], actor="r.chen")
    assert [getattr(r, "status", None) for r in results] == ["imported", None, "imported"]
    assert isinstance(results[1], Boom)
    repo = Repository(db)
    assert sorted(row.case_id for row in repo.list_cases(_all(), 0, 10)) == ["TTS-UK-BATCH-1", "TTS-UK-BATCH-3"]
    c = counts(db)
    assert (c["cases"], c["case_revisions"], c["evidence"], c["audit_events"]) == (2, 2, 6, 2)
    assert repo.verify_audit_chain() == []


def test_a_crash_mid_batch_stores_none_of_the_batch(db):
    from arbiter.store.importer import import_prepared, prepare

    import_bundle(db, make_loaded())
    before = _snapshot(db)
    batch = [prepare(make_loaded(case_dict(case_id=f"TTS-UK-CRASH-{n}"))) for n in range(3)] + [
        prepare(_revision_two())]
    remove = _fail_at_statement(db, 8, Crash)
    try:
        with pytest.raises(Crash):
            import_prepared(db, batch)
    finally:
        remove()
    assert _snapshot(db) == before
    results = import_prepared(db, batch)
    assert [r.status for r in results] == ["imported"] * 3 + ["new_revision"]


def test_revisions_of_one_case_in_one_batch_are_numbered_in_order(db):
    from arbiter.store.importer import import_prepared, prepare

    first, second = prepare(make_loaded()), prepare(_revision_two())
    results = import_prepared(db, [first, second, first])
    assert [(r.status, r.revision) for r in results] == [("imported", 1), ("new_revision", 2), ("unchanged", 1)]
    assert len({r.case_pk for r in results}) == 1


def test_bundle_that_does_not_match_its_hashes_is_refused_before_anything_is_stored(db):
    loaded = make_loaded()
    before = dump(db)
    bad_files = dict(loaded.files) | {"evidence/E1.jpg": b"not the photo"}
    with pytest.raises(ValueError, match="E1"):
        import_bundle(db, type(loaded)(loaded.source, loaded.case, loaded.case_json, loaded.case_sha256, bad_files))
    with pytest.raises(ValueError, match="case_sha256"):
        import_bundle(db, type(loaded)(loaded.source, loaded.case, loaded.case_json + b" ", loaded.case_sha256,
                                       loaded.files))
    assert dump(db) == before


def test_evidence_bytes_are_reverified_and_tampering_detected(db):
    repo = Repository(db)
    result = import_bundle(db, make_loaded())
    files = default_files()
    assert repo.evidence_bytes(result.case_pk, "E1") == files["evidence/E1.jpg"]
    assert repo.tampered_evidence(result.case_pk) == frozenset()

    # blobs are not trigger-protected: someone with write access edits the photo in place
    execute(db, "UPDATE blobs SET data = :data WHERE sha256 = :sha", data=b"edited photo",
            sha=sha256(files["evidence/E1.jpg"]))
    with pytest.raises(EvidenceTampered) as info:
        repo.evidence_bytes(result.case_pk, "E1")
    assert info.value.evidence_id == "E1"
    assert info.value.actual == sha256(b"edited photo")
    assert repo.evidence_bytes(result.case_pk, "E2") == files["evidence/E2.png"]
    assert repo.tampered_evidence(result.case_pk) == frozenset({"E1"})

    with pytest.raises(KeyError):
        repo.evidence_bytes(result.case_pk, "E99")


def test_real_bundle_reader_output_imports(db, tmp_path):
    from arbiter.bundle import read_bundle
    from tests.factories import write_bundle

    loaded = read_bundle(write_bundle(tmp_path / "in" / "case.arbcase"))
    result = import_bundle(db, loaded)
    assert (result.status, result.revision) == ("imported", 1)
    stored = Repository(db).load_case(result.case_pk)
    assert stored.case == loaded.case
    assert stored.case_sha256 == loaded.case_sha256
    assert import_bundle(db, read_bundle(tmp_path / "in" / "case.arbcase")).status == "unchanged"
