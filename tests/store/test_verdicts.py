"""Drafts, signed verdicts (locked, amended, never changed) and the audit chain.

Signing goes through the real rules and real keys (tests/store/helpers.py). Written against the ``db``
fixture only, so test_postgres.py runs the same tests on PostgreSQL."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

import pytest
from sqlalchemy.exc import DBAPIError

from arbiter.store import NoVerdict, Repository, VerdictLocked, import_bundle
from arbiter.store import VerdictRefused
from tests.store.helpers import (
    SELLER_WINS,
    amend,
    counts,
    drop_guard,
    dump,
    execute,
    make_loaded,
    sign,
    signer,
    signing_inputs,
)


OVERRIDDEN = {"override": {"outcome": "seller_favoured", "justification": "E2 shows it packed intact"},
              "remedy": None, "amount": None}


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
    record, answers, progress = signing_inputs()
    verdict = repo.sign_verdict(case_pk, signer(), record, answers=answers, progress=progress)
    assert verdict.kind == "original" and verdict.supersedes_id is None and verdict.number == 1
    assert verdict.record == record
    assert verdict.record_json.encode() == canonical(record)
    assert verdict.fingerprint == hashlib.sha256(canonical(record)).hexdigest()
    assert verdict.intact
    assert (verdict.policy_id, verdict.policy_version, verdict.revision) == (
        "tiktok_shop.UK", record["policy"]["version"], 1)  # the version the rules signed under
    assert verdict.signed_at.tzinfo is not None
    assert verdict.signer_key == signer().fingerprint and verdict.signature
    assert verdict.answers == answers and verdict.progress["opened_evidence"] == ["E1", "E2", "E3"]
    assert _status(repo, case_pk) == "signed"
    assert repo.current_verdict(case_pk) == verdict

    before = dump(db)
    with pytest.raises(VerdictLocked):
        sign(repo, case_pk, **SELLER_WINS)
    assert dump(db) == before
    # a draft saved afterwards does not unlock anything
    repo.save_draft(case_pk, "r.chen", {}, {})
    assert _status(repo, case_pk) == "signed"


def test_flagged_record_sets_status_flagged(db, case_pk):
    repo = Repository(db)
    verdict = sign(repo, case_pk, **OVERRIDDEN)
    assert verdict.flagged_for_supervisor
    assert _status(repo, case_pk) == "flagged"


def test_sign_refuses_a_record_the_rules_do_not_derive(db, case_pk):
    """The store re-runs the rules: a refund of 999999.00, a record of another case, a record naming someone
    else, are refused with nothing stored."""
    repo = Repository(db)
    record, answers, progress = signing_inputs()
    before = dump(db)
    inflated = json.loads(json.dumps(record))
    inflated["remedy"]["amount"] = "999999.00"
    with pytest.raises(VerdictRefused, match="not what the rules derive"):
        repo.sign_verdict(case_pk, signer(), inflated, answers=answers, progress=progress)
    with pytest.raises((VerdictRefused, ValueError)):
        repo.sign_verdict(case_pk, signer(), dict(record, case_id="OTHER-1"), answers=answers, progress=progress)
    with pytest.raises(VerdictRefused, match="signer"):
        repo.sign_verdict(case_pk, signer("s.lee", "S. Lee"), record, answers=answers, progress=progress)
    with pytest.raises(VerdictRefused, match="identity"):
        repo.sign_verdict(case_pk, "r.chen", record, answers=answers, progress=progress)
    assert dump(db) == before


@pytest.mark.parametrize("progress, missing", [
    ({"opened_evidence": ["E1"], "chats_read": ["buyer:buyer_seller", "seller:buyer_seller"]}, "evidence E2"),
    ({"opened_evidence": ["E1", "E2"], "chats_read": ["buyer:buyer_seller"]}, "seller's chat log"),
    ({}, "evidence E1"),
])
def test_sign_refuses_without_the_review_progress(db, case_pk, progress, missing):
    repo = Repository(db)
    record, answers, _ = signing_inputs()
    before = dump(db)
    with pytest.raises(VerdictRefused, match=missing):
        repo.sign_verdict(case_pk, signer(), record, answers=answers, progress=progress)
    assert dump(db) == before


@pytest.mark.parametrize("sql", ["UPDATE verdicts SET reason = 'edited'", "UPDATE verdicts SET record = '{}'",
                                 "DELETE FROM verdicts"])
def test_verdict_rows_cannot_be_updated_or_deleted(db, case_pk, sql):
    repo = Repository(db)
    sign(repo, case_pk)
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
    original = sign(repo, case_pk)
    with pytest.raises(ValueError, match="reason"):
        amend(repo, case_pk, "  ", **SELLER_WINS)
    lee = signer("s.lee", "S. Lee")
    amendment = amend(repo, case_pk, "New evidence E4 from the seller", lee, **SELLER_WINS)
    assert amendment.kind == "amendment" and amendment.number == 2
    assert amendment.supersedes_id == original.id
    assert amendment.reason == "New evidence E4 from the seller"
    assert amendment.record["outcome"] == "seller_favoured" and amendment.reviewer == "s.lee"
    assert _status(repo, case_pk) == "amended"
    assert repo.current_verdict(case_pk) == amendment
    assert repo.verdict_history(case_pk) == [original, amendment]

    third = amend(repo, case_pk, "Flag for supervisor", lee, **OVERRIDDEN)
    assert third.supersedes_id == amendment.id and third.number == 3
    assert _status(repo, case_pk) == "flagged"
    assert [v.id for v in repo.verdict_history(case_pk)] == [original.id, amendment.id, third.id]
    assert [e.action for e in repo.audit_trail(case_pk)] == [
        "case.imported", "verdict.signed", "verdict.amended", "verdict.amended"]
    assert repo.verify_audit_chain() == []
    assert repo.verify().ok, repo.verify().findings


def test_amend_without_a_verdict_is_refused(db, case_pk):
    with pytest.raises(NoVerdict):
        amend(Repository(db), case_pk, "because")


def test_mark_status_only_before_a_verdict(db, case_pk):
    repo = Repository(db)
    repo.mark_status(case_pk, "decided", "r.chen")
    assert _status(repo, case_pk) == "decided"
    with pytest.raises(ValueError):
        repo.mark_status(case_pk, "signed", "r.chen")
    sign(repo, case_pk)
    with pytest.raises(VerdictLocked):
        repo.mark_status(case_pk, "in_review", "r.chen")


def test_audit_chain_verifies_and_detects_a_modified_row(db, case_pk):
    repo = Repository(db)
    repo.save_draft(case_pk, "r.chen", {"finding": "supported"}, {})
    sign(repo, case_pk)
    import_bundle(db, make_loaded(__import__("tests.factories", fromlist=["case_dict"]).case_dict(
        case_id="TTS-UK-TEST-0002")), actor="importer")
    trail = repo.audit_trail()
    # the first signature registers the signer's key (an event without a case)
    assert [e.action for e in trail] == ["case.imported", "draft.saved", "key.registered", "verdict.signed",
                                         "case.imported"]
    assert trail[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(trail, trail[1:]))
    assert [e.seq for e in repo.audit_trail(case_pk)] == [1, 2, 4]
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
    verdict = sign(repo, case_pk)
    drop_guard(db, "verdicts")
    record, _, _ = signing_inputs(**SELLER_WINS)
    execute(db, "UPDATE verdicts SET record = :r WHERE id = :id", r=canonical(record).decode(), id=verdict.id)
    assert not repo.current_verdict(case_pk).intact
    assert repo.verify_audit_chain() == [f"verdict {verdict.id}: record does not match its fingerprint"]
