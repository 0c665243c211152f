"""Drafts, signed verdicts (locked, amended, never changed) and the audit chain.

Written against the ``db`` fixture only, so test_postgres.py runs the same tests on PostgreSQL."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

import pytest
from sqlalchemy.exc import DBAPIError

from arbiter.store import NoVerdict, Repository, VerdictLocked, import_bundle
from tests.store.helpers import counts, decision_record, drop_guard, dump, execute, make_loaded


def canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@pytest.fixture
def case_pk(db):
    return import_bundle(db, make_loaded(), actor="importer").case_pk


def _status(repo, pk):
    return repo.load_case(pk).status


def test_draft_round_trip_marks_case_in_review(db, case_pk):
    repo = Repository(db)
    assert repo.load_draft(case_pk) is None
    answers = {"finding": "supported", "amount": "19.99", "evidence": {"E1": "admissible"}}
    progress = {"opened_evidence": ["E1", "E2"], "chats_scrolled_to_end": ["buyer/buyer_seller"]}
    saved = repo.save_draft(case_pk, "r.chen", answers, progress)
    draft = repo.load_draft(case_pk)
    assert draft == saved
    assert (draft.reviewer, draft.answers, draft.progress) == ("r.chen", answers, progress)
    assert draft.updated_at.tzinfo is not None
    assert _status(repo, case_pk) == "in_review"

    repo.save_draft(case_pk, "r.chen", answers | {"finding": "not_supported"}, progress)
    assert repo.load_draft(case_pk).answers["finding"] == "not_supported"
    assert counts(db)["drafts"] == 1
    assert [e.action for e in repo.audit_trail(case_pk)] == ["case.imported", "draft.saved", "draft.saved"]


def test_sign_verdict_locks_and_records_the_canonical_fingerprint(db, case_pk):
    repo = Repository(db)
    record = decision_record()
    verdict = repo.sign_verdict(case_pk, "r.chen", record)
    assert verdict.kind == "original" and verdict.supersedes_id is None
    assert verdict.record == record
    assert verdict.record_json.encode() == canonical(record)
    assert verdict.fingerprint == hashlib.sha256(canonical(record)).hexdigest()
    assert verdict.intact
    assert (verdict.policy_id, verdict.policy_version, verdict.revision) == ("tiktok_shop", "2025.06", 1)
    assert verdict.signed_at.tzinfo is not None
    assert _status(repo, case_pk) == "signed"
    [row] = repo.list_cases(__import__("arbiter.store", fromlist=["QueueQuery"]).QueueQuery(), 0, 1)
    # earliest non-null due: 2025-03-06T09:00+08:00 = 01:00 UTC, before seller_execute at 02:00 UTC on the 7th
    assert row.next_deadline_at == datetime(2025, 3, 6, 1, 0, tzinfo=timezone.utc)
    assert repo.current_verdict(case_pk) == verdict

    before = dump(db)
    with pytest.raises(VerdictLocked):
        repo.sign_verdict(case_pk, "r.chen", decision_record(outcome="seller_favoured"))
    assert dump(db) == before
    # a draft saved afterwards does not unlock anything
    repo.save_draft(case_pk, "r.chen", {}, {})
    assert _status(repo, case_pk) == "signed"


def test_flagged_record_sets_status_flagged(db, case_pk):
    repo = Repository(db)
    record = decision_record(flagged_for_supervisor=True, override={"outcome": "partial", "justification": "x"},
                             deadlines=[])
    verdict = repo.sign_verdict(case_pk, "r.chen", record)
    assert verdict.flagged_for_supervisor
    assert _status(repo, case_pk) == "flagged"
    stored = repo.list_cases(__import__("arbiter.store", fromlist=["QueueQuery"]).QueueQuery(), 0, 1)[0]
    assert stored.next_deadline_at is None


def test_sign_refuses_a_record_of_another_case_or_without_policy(db, case_pk):
    repo = Repository(db)
    before = dump(db)
    with pytest.raises(ValueError, match="case_id"):
        repo.sign_verdict(case_pk, "r.chen", decision_record(case_id="OTHER-1"))
    with pytest.raises(ValueError, match="policy"):
        repo.sign_verdict(case_pk, "r.chen", decision_record(policy=None))
    assert dump(db) == before


@pytest.mark.parametrize("sql", ["UPDATE verdicts SET reason = 'edited'", "UPDATE verdicts SET record = '{}'",
                                 "DELETE FROM verdicts"])
def test_verdict_rows_cannot_be_updated_or_deleted(db, case_pk, sql):
    repo = Repository(db)
    repo.sign_verdict(case_pk, "r.chen", decision_record())
    before = dump(db)
    with pytest.raises(DBAPIError, match="append-only"):
        execute(db, sql)
    assert dump(db) == before


@pytest.mark.parametrize("sql", ["UPDATE audit_events SET actor = 'someone'", "DELETE FROM audit_events"])
def test_audit_rows_cannot_be_updated_or_deleted(db, case_pk, sql):
    before = dump(db)
    with pytest.raises(DBAPIError, match="append-only"):
        execute(db, sql)
    assert dump(db) == before


def test_amendment_supersedes_and_keeps_the_original(db, case_pk):
    repo = Repository(db)
    original = repo.sign_verdict(case_pk, "r.chen", decision_record())
    with pytest.raises(ValueError, match="reason"):
        repo.amend_verdict(case_pk, "r.chen", "  ", decision_record(outcome="partial"))
    amended_record = decision_record(outcome="partial", rationale="Seller proved partial packing damage.")
    amendment = repo.amend_verdict(case_pk, "s.lee", "New evidence E4 from the seller", amended_record)
    assert amendment.kind == "amendment"
    assert amendment.supersedes_id == original.id
    assert amendment.reason == "New evidence E4 from the seller"
    assert amendment.record == amended_record
    assert _status(repo, case_pk) == "amended"
    assert repo.current_verdict(case_pk) == amendment
    assert repo.verdict_history(case_pk) == [original, amendment]
    assert repo.verdict_history(case_pk)[0].record == decision_record()

    third = repo.amend_verdict(case_pk, "s.lee", "Flag for supervisor",
                               decision_record(flagged_for_supervisor=True))
    assert third.supersedes_id == amendment.id
    assert _status(repo, case_pk) == "flagged"
    assert [v.id for v in repo.verdict_history(case_pk)] == [original.id, amendment.id, third.id]
    assert [e.action for e in repo.audit_trail(case_pk)] == [
        "case.imported", "verdict.signed", "verdict.amended", "verdict.amended"]
    assert repo.verify_audit_chain() == []


def test_amend_without_a_verdict_is_refused(db, case_pk):
    with pytest.raises(NoVerdict):
        Repository(db).amend_verdict(case_pk, "r.chen", "because", decision_record())


def test_mark_status_only_before_a_verdict(db, case_pk):
    repo = Repository(db)
    repo.mark_status(case_pk, "decided", "r.chen")
    assert _status(repo, case_pk) == "decided"
    with pytest.raises(ValueError):
        repo.mark_status(case_pk, "signed", "r.chen")
    repo.sign_verdict(case_pk, "r.chen", decision_record())
    with pytest.raises(VerdictLocked):
        repo.mark_status(case_pk, "in_review", "r.chen")


def test_audit_chain_verifies_and_detects_a_modified_row(db, case_pk):
    repo = Repository(db)
    repo.save_draft(case_pk, "r.chen", {"finding": "supported"}, {})
    repo.sign_verdict(case_pk, "r.chen", decision_record())
    import_bundle(db, make_loaded(__import__("tests.factories", fromlist=["case_dict"]).case_dict(
        case_id="TTS-UK-TEST-0002")), actor="importer")
    trail = repo.audit_trail()
    assert [e.seq for e in trail] == [1, 2, 3, 4]
    assert trail[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(trail, trail[1:]))
    assert [e.seq for e in repo.audit_trail(case_pk)] == [1, 2, 3]
    assert repo.verify_audit_chain() == []

    drop_guard(db, "audit_events")
    execute(db, "UPDATE audit_events SET payload = :p WHERE seq = 2", p='{"case_id":"TTS-UK-TEST-0001"}')
    problems = repo.verify_audit_chain()
    assert problems == ["audit event 2: hash mismatch (the row was modified)"]

    execute(db, "DELETE FROM audit_events WHERE seq = 3")
    problems = repo.verify_audit_chain()
    assert any("audit event 4" in p and "missing" in p for p in problems)
    assert any("audit event 4" in p and "prev_hash" in p for p in problems)


def test_tampered_verdict_record_is_detected(db, case_pk):
    repo = Repository(db)
    verdict = repo.sign_verdict(case_pk, "r.chen", decision_record())
    drop_guard(db, "verdicts")
    execute(db, "UPDATE verdicts SET record = :r WHERE id = :id",
            r=canonical(decision_record(outcome="seller_favoured")).decode(), id=verdict.id)
    assert not repo.current_verdict(case_pk).intact
    assert repo.verify_audit_chain() == [f"verdict {verdict.id}: record does not match its fingerprint"]
