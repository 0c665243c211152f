"""Supplementary-evidence requests on a real SQLite file: request -> awaiting_evidence -> a new revision brings
the items -> the case resumes; or the due date passes -> the case resumes; the export document; the 0006
migration of the status CHECK."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from arbiter.store import QueueQuery, SupplementError, VerdictLocked, import_bundle, open_database
from arbiter.store.models import CaseModel
from arbiter.store.supplements import EXPORT_FORMAT
from tests.factories import case_dict, default_files, jpeg_bytes, sha256
from tests.store.helpers import execute, make_loaded, sign

NOW = datetime(2025, 3, 5, 10, 0, tzinfo=timezone.utc)


def _status(repo, pk) -> str:
    return repo.load_case(pk).status


def _imported(db):
    return import_bundle(db, make_loaded(), actor="importer")


def _revision_with_items(request_ids: list[str], *, due_at: datetime, submitted_at: datetime):
    """The platform's next revision: it echoes our requests in supplement_requests and brings one evidence item
    per request, each naming its request_id."""
    data = case_dict()
    files = default_files()
    data["after_sale"]["supplement_requests"] = [
        {"id": rid, "party": "seller", "requested_at": NOW.isoformat(), "due_at": due_at.isoformat(),
         "what": "Photo of the packing"} for rid in request_ids]
    for n, rid in enumerate(request_ids, start=1):
        content = jpeg_bytes((10 * n, 100, 100))
        name = f"evidence/S{n}.jpg"
        files[name] = content
        data["evidence"].append({
            "id": f"S{n}", "party": "seller", "submission": 2, "submitted_at": submitted_at.isoformat(),
            "requested": True, "request_id": rid, "kind": "photo", "file": name, "sha256": sha256(content),
            "media_type": "image/jpeg", "description": "Packing photo, as requested"})
    return make_loaded(data, files)


def test_request_makes_the_case_wait_and_a_new_revision_with_the_items_resumes_it(db, repo):
    pk = _imported(db).case_pk
    due = NOW + timedelta(days=3)
    req = repo.request_supplement(pk, "seller", "A photo of the packing before dispatch", due, "r.chen", now=NOW)
    assert (req.request_id, req.party, req.state, req.revision) == ("ARB-R1", "seller", "open", 1)
    assert _status(repo, pk) == "awaiting_evidence"
    # the queue shows it, filters on it, and its next deadline is the request's due date
    rows = repo.list_cases(QueueQuery(status="awaiting_evidence"), 0, 10)
    assert [r.pk for r in rows] == [pk] and rows[0].next_deadline_at == due
    # a draft save does not take the case out of waiting
    repo.save_draft(pk, "r.chen", {"finding": "supported"}, {"opened_evidence": ["E1"]})
    assert _status(repo, pk) == "awaiting_evidence"

    # a revision that brings nothing for the request keeps the case waiting
    other = case_dict()
    other["claim"]["reason_text"] = "The mug arrived cracked (edited by the platform)."
    assert import_bundle(db, make_loaded(other), actor="importer").status == "new_revision"
    assert _status(repo, pk) == "awaiting_evidence"

    result = import_bundle(db, _revision_with_items(["ARB-R1"], due_at=due, submitted_at=NOW + timedelta(days=1)),
                           actor="importer")
    assert result.status == "new_revision" and result.revision == 3
    assert _status(repo, pk) == "in_review"
    (done,) = repo.supplement_requests(pk)
    assert (done.state, done.resolved_revision) == ("answered", 3)
    with db.session(readonly=True) as session:
        case = session.scalar(select(CaseModel).where(CaseModel.id == pk))
        assert case.next_deadline_at != due  # back to the review target
    actions = [e.action for e in repo.audit_trail(pk)]
    assert actions.count("supplement.requested") == 1
    assert actions[-3:] == ["supplement.answered", "case.resumed", "case.imported"]
    assert repo.verify_audit_chain() == []


def test_two_requests_resume_only_when_both_are_answered(db, repo):
    pk = _imported(db).case_pk
    due = NOW + timedelta(days=2)
    repo.request_supplement(pk, "seller", "Packing photo", due, "r.chen", now=NOW)
    repo.request_supplement(pk, "buyer", "Photo of the label", due + timedelta(days=1), "r.chen", now=NOW)
    import_bundle(db, _revision_with_items(["ARB-R1"], due_at=due, submitted_at=NOW), actor="importer")
    assert _status(repo, pk) == "awaiting_evidence"
    assert [r.state for r in repo.supplement_requests(pk)] == ["answered", "open"]
    repo.withdraw_supplement(pk, "ARB-R2", "r.chen", now=NOW)
    assert _status(repo, pk) == "in_review"


def test_due_date_passing_resumes_the_case(db, repo):
    pk = _imported(db).case_pk
    due = NOW + timedelta(days=1)
    repo.request_supplement(pk, "buyer", "The outer box", due, "r.chen", now=NOW)
    assert repo.resume_due_cases(now=due - timedelta(seconds=1)) == []
    assert _status(repo, pk) == "awaiting_evidence"
    assert repo.resume_due_cases(now=due) == ["TTS-UK-TEST-0001"]
    assert _status(repo, pk) == "in_review"
    assert repo.supplement_requests(pk)[0].state == "expired"
    assert repo.resume_due_cases(now=due + timedelta(days=1)) == []  # nothing left to do
    # an item arriving after that does not change the expired request; the domain rules it late
    import_bundle(db, _revision_with_items(["ARB-R1"], due_at=due, submitted_at=due + timedelta(hours=2)),
                  actor="importer")
    assert repo.supplement_requests(pk)[0].state == "expired"
    assert _status(repo, pk) == "in_review"


def test_survives_reopening_the_file(tmp_path):
    url = f"sqlite:///{tmp_path}/real.db"
    db = open_database(url)
    from arbiter.store import Repository

    pk = _imported(db).case_pk
    Repository(db).request_supplement(pk, "seller", "Invoice", NOW + timedelta(days=2), "r.chen", now=NOW)
    db.close()
    again = open_database(url)
    try:
        repo = Repository(again)
        assert _status(repo, pk) == "awaiting_evidence"
        assert [r.request_id for r in repo.supplement_requests(pk, states=("open",))] == ["ARB-R1"]
    finally:
        again.close()


def test_bad_requests_are_refused_and_change_nothing(db, repo):
    pk = _imported(db).case_pk
    cases = [
        (("platform", "x", NOW + timedelta(days=1)), "party"),
        (("buyer", "   ", NOW + timedelta(days=1)), "what"),
        (("buyer", "x", NOW - timedelta(minutes=1)), "due_at"),
        (("buyer", "x", datetime(2025, 3, 9, 10, 0)), "due_at"),
    ]
    for (party, what, due), field in cases:
        with pytest.raises(SupplementError, match=field):
            repo.request_supplement(pk, party, what, due, "r.chen", now=NOW)
    assert _status(repo, pk) == "new"
    assert repo.supplement_requests(pk) == []


def test_a_signed_case_cannot_wait_for_evidence(db, repo):
    pk = _imported(db).case_pk
    sign(repo, pk)
    with pytest.raises(VerdictLocked):
        repo.request_supplement(pk, "buyer", "x", NOW + timedelta(days=1), "r.chen", now=NOW)


def test_export_document_and_marks(db, repo, tmp_path):
    pk = _imported(db).case_pk
    due = NOW + timedelta(days=3)
    repo.request_supplement(pk, "seller", "Packing photo", due, "r.chen", now=NOW)
    doc = repo.export_supplement_requests(now=NOW)
    assert doc["format"] == EXPORT_FORMAT
    (entry,) = doc["requests"]
    assert entry == {"case_id": "TTS-UK-TEST-0001", "platform": "tiktok_shop", "order_id": "5770001234",
                     "case_revision": 1, "id": "ARB-R1", "party": "seller",
                     "requested_at": "2025-03-05T10:00:00+00:00", "due_at": "2025-03-08T10:00:00+00:00",
                     "what": "Packing photo"}
    json.dumps(doc)  # plain JSON
    assert repo.export_supplement_requests(now=NOW)["requests"] == []          # already exported
    assert len(repo.export_supplement_requests(now=NOW, include_exported=True)["requests"]) == 1
    assert repo.supplement_requests(pk)[0].exported_at == NOW


def test_status_check_refuses_unknown_status(db):
    _imported(db)
    execute(db, "UPDATE cases SET status = 'awaiting_evidence'")
    with pytest.raises(IntegrityError):
        execute(db, "UPDATE cases SET status = 'waiting'")


def test_0006_upgrades_a_0005_database(tmp_path):
    from tests.store.test_migrations import _migrate

    path = tmp_path / "v5.db"
    url = f"sqlite:///{path}"
    _migrate(url, "0005")
    con = sqlite3.connect(path)
    con.execute("INSERT INTO cases (case_id, latest_revision, platform, region, language, claim_type, amount, "
                "currency, order_id, opened_at, status, imported_at, updated_at) VALUES ('C-1', 1, 'douyin', "
                "'CN', 'zh-CN', 'damaged', 19.99, 'CNY', 'O-1', '2025-03-04 09:00:00.000000', 'in_review', "
                "'2025-03-04 09:00:00.000000', '2025-03-04 09:00:00.000000')")
    con.commit()
    con.close()
    db = open_database(url)
    try:
        execute(db, "UPDATE cases SET status = 'awaiting_evidence'")
        with pytest.raises(IntegrityError):
            execute(db, "UPDATE cases SET status = 'bogus'")
        indexes = {r[0] for r in sqlite3.connect(path).execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='cases'")}
        assert {"ix_cases_status_id", "ix_cases_next_deadline_at_id"} <= indexes  # kept by the table copy
    finally:
        db.close()
    _migrate(url, "0005", "downgrade")
    con = sqlite3.connect(path)
    assert con.execute("SELECT status FROM cases").fetchone() == ("in_review",)
    con.close()


def test_a_batch_import_resolves_requests_like_one_bundle_at_a_time(db, repo):
    """The import service stores many bundles per transaction (importer.import_prepared); a new revision that
    answers an open request in such a batch resumes the case, with the same audit events, the chain intact."""
    from arbiter.store.importer import import_prepared, prepare

    pk = _imported(db).case_pk
    other = import_bundle(db, make_loaded(case_dict(case_id="TTS-UK-TEST-0002")), actor="importer")
    due = NOW + timedelta(days=3)
    repo.request_supplement(pk, "seller", "A photo of the packing before dispatch", due, "r.chen", now=NOW)
    changed = case_dict(case_id="TTS-UK-TEST-0002")
    changed["claim"]["reason_text"] = "Edited by the platform"
    batch = [prepare(make_loaded(case_dict(case_id="TTS-UK-TEST-0003"))),
             prepare(_revision_with_items(["ARB-R1"], due_at=due, submitted_at=NOW + timedelta(days=1))),
             prepare(make_loaded(changed))]
    results = import_prepared(db, batch, actor="importer")
    assert [(r.status, r.revision) for r in results] == [("imported", 1), ("new_revision", 2), ("new_revision", 2)]
    assert _status(repo, pk) == "in_review"
    assert [e.action for e in repo.audit_trail(pk)][-3:] == ["supplement.answered", "case.resumed", "case.imported"]
    assert [e.action for e in repo.audit_trail(other.case_pk)] == ["case.imported", "case.imported"]
    assert repo.verify_audit_chain() == []


def test_the_store_refuses_to_sign_while_a_request_is_open(tmp_path):
    """sign_verdict itself (not only the GUI session) refuses while the case waits for evidence: one line naming
    the request; nothing is stored; withdrawing the request lets the same verdict be signed. Real SQLite file,
    reopened between the steps as another program (the CLI, another window) would."""
    from arbiter.store import Repository, VerdictRefused
    from tests.store.helpers import signer, stored_inputs
    from tests.factories import answers_dict

    url = f"sqlite:///{tmp_path}/waiting.db"
    db = open_database(url)
    pk = _imported(db).case_pk
    soon = datetime.now(timezone.utc) + timedelta(days=3)
    Repository(db).request_supplement(pk, "seller", "Photo of the packing", soon, "r.chen")
    db.close()

    db = open_database(url)
    try:
        repo = Repository(db)
        who = signer()
        answers = answers_dict(reviewer=who.id)
        record, progress = stored_inputs(repo, pk, answers)
        events = len(repo.audit_trail(pk))
        with pytest.raises(VerdictRefused) as refused:
            repo.sign_verdict(pk, who, record, answers=answers, progress=progress)
        line = str(refused.value)
        assert "\n" not in line
        assert line.startswith("TTS-UK-TEST-0001: the case waits for supplementary evidence (ARB-R1 (seller, due ")
        assert "withdraw the request" in line
        assert repo.current_verdict(pk) is None
        assert _status(repo, pk) == "awaiting_evidence"
        assert len(repo.audit_trail(pk)) == events          # nothing half-written
        repo.withdraw_supplement(pk, "ARB-R1", "r.chen")
        row = repo.sign_verdict(pk, who, record, answers=answers, progress=progress)
        assert row.number == 1 and _status(repo, pk) == "signed"
    finally:
        db.close()


def test_a_request_past_its_due_date_no_longer_blocks_signing(db, repo):
    """The due date passed before anyone read the queue: signing expires the request (audited) and goes ahead."""
    from tests.store.helpers import sign

    pk = _imported(db).case_pk
    now = datetime.now(timezone.utc)
    repo.request_supplement(pk, "buyer", "The outer box", now + timedelta(seconds=1), "r.chen", now=now)
    import time

    time.sleep(1.1)
    sign(repo, pk)
    assert repo.supplement_requests(pk)[0].state == "expired"
    assert _status(repo, pk) == "signed"
    assert [e.action for e in repo.audit_trail(pk)][-3:-1] == ["supplement.expired", "case.resumed"]
