"""``arbiter verify`` and the check run when a case opens: each edit someone holding the database file could make
(issue 11) is caught, by the whole-database check and by the one-case check. Written against the ``db`` fixture
only, so test_postgres.py runs the same tests on PostgreSQL."""
from __future__ import annotations

import hashlib
import json

import pytest

from arbiter.signing import demo_identity
from arbiter.store import Repository, import_bundle
from arbiter.store.canonical import canonical_json
from tests.factories import case_dict
from tests.store.helpers import SELLER_WINS, drop_guard, execute, make_loaded, sign, signing_inputs


@pytest.fixture
def signed(db):
    """Two cases, the first signed (original + notice export), the second only imported."""
    repo = Repository(db)
    first = import_bundle(db, make_loaded(), actor="importer").case_pk
    second = import_bundle(db, make_loaded(case_dict(case_id="TTS-UK-TEST-0002")), actor="importer").case_pk
    verdict = sign(repo, first)
    return repo, first, second, verdict


def _problems(repo, case_pk=None) -> list[str]:
    report = repo.verify()
    lines = [f.line() for f in report.findings]
    if case_pk is not None:
        assert repo.verify_case(case_pk), "the case check when the case opens saw nothing"
    return lines


def _drop_all_guards(db):
    drop_guard(db, "verdicts")
    drop_guard(db, "audit_events")


def test_a_clean_database_verifies(signed):
    repo, first, second, verdict = signed
    report = repo.verify()
    assert report.ok, report.findings
    assert report.summary() == "verified: 2 cases, 1 verdicts, 4 audit events"
    assert repo.verify_case(first) == [] and repo.verify_case(second) == []


def test_evidence_row_pointed_at_another_blob(db, signed):
    repo, first, _, _ = signed
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, sha256 FROM evidence ORDER BY id").all()
    execute(db, "UPDATE evidence SET sha256 = :s WHERE id = :id", s=rows[2][1], id=rows[1][0])
    lines = _problems(repo, first)
    assert any("TTS-UK-TEST-0001: revision 1: evidence E2 points at another file" in line for line in lines), lines


def test_case_json_edited_in_place(db, signed):
    repo, first, _, _ = signed
    with db.engine.connect() as conn:
        raw = bytes(conn.exec_driver_sql("SELECT case_json FROM case_revisions WHERE case_pk = 1").scalar())
    execute(db, "UPDATE case_revisions SET case_json = :j WHERE case_pk = :pk",
            j=raw.replace(b'"amount": "19.99"', b'"amount": "0.01"'), pk=first)
    lines = _problems(repo, first)
    assert any("case.json does not match its sha256" in line for line in lines), lines


def test_case_json_and_its_sha256_rewritten_together(db, signed):
    """The importer's audit event and the verdict's signature both name the original sha256."""
    repo, first, _, _ = signed
    with db.engine.connect() as conn:
        raw = bytes(conn.exec_driver_sql("SELECT case_json FROM case_revisions WHERE case_pk = 1").scalar())
    new = raw.replace(b'"amount": "19.99"', b'"amount": "0.01"')
    execute(db, "UPDATE case_revisions SET case_json = :j, case_sha256 = :s WHERE case_pk = :pk",
            j=new, s=hashlib.sha256(new).hexdigest(), pk=first)
    lines = _problems(repo, first)
    assert any("not the one recorded when it was imported" in line for line in lines), lines
    assert any("signed on a case revision that is not stored" in line for line in lines), lines


def test_evidence_blob_replaced(db, signed):
    repo, first, _, _ = signed
    with db.engine.connect() as conn:
        digest = conn.exec_driver_sql("SELECT sha256 FROM evidence ORDER BY id LIMIT 1").scalar()
    execute(db, "UPDATE blobs SET data = :d WHERE sha256 = :s", d=b"another picture", s=digest)
    lines = _problems(repo, first)
    assert any("evidence E1: the stored file was changed" in line for line in lines), lines


def test_verdict_and_fingerprint_rewritten_after_dropping_the_triggers(db, signed):
    repo, first, _, verdict = signed
    _drop_all_guards(db)
    record, _, _ = signing_inputs(**SELLER_WINS)
    text = canonical_json(record).decode()
    execute(db, "UPDATE verdicts SET record = :r, fingerprint = :f WHERE id = :id", r=text,
            f=hashlib.sha256(text.encode()).hexdigest(), id=verdict.id)
    lines = _problems(repo, first)
    assert any("the record was rewritten" in line for line in lines), lines
    assert any("the signature does not match" in line for line in lines), lines


def test_verdict_record_rewritten_alone(db, signed):
    repo, first, _, verdict = signed
    _drop_all_guards(db)
    execute(db, "UPDATE verdicts SET record = replace(record, '19.99', '99.99') WHERE id = :id", id=verdict.id)
    lines = _problems(repo, first)
    assert any("the record does not match its fingerprint" in line for line in lines), lines


def test_verdict_resigned_with_a_key_slipped_into_the_database(db, signed):
    """Whoever holds the file can add a key row and re-sign; the key has no registration in the audit trail and
    the verdict's audit event still names the old fingerprint."""
    repo, first, _, verdict = signed
    _drop_all_guards(db)
    mallory = demo_identity("r.chen", "R. Chen (forged)")
    with db.engine.connect() as conn:
        user_pk = conn.exec_driver_sql("SELECT id FROM users WHERE username = 'r.chen'").scalar()
    execute(db, "INSERT INTO signing_keys (user_pk, fingerprint, card, created, added_at, added_by) VALUES "
                "(:u, :f, :c, '2025-01-01T00:00:00+00:00', '2025-01-01 00:00:00', 'x')",
            u=user_pk, f=hashlib.sha256(b"forged").hexdigest(), c=mallory.card.to_bytes().decode())
    execute(db, "UPDATE verdicts SET signer_key = :k WHERE id = :id", k=hashlib.sha256(b"forged").hexdigest(),
            id=verdict.id)
    lines = _problems(repo, first)
    assert any("registered outside arbiter" in line for line in lines), lines
    assert any("TTS-UK-TEST-0001: verdict v1" in line for line in lines), lines


def test_verdict_row_deleted_while_the_case_stays_signed(db, signed):
    repo, first, _, verdict = signed
    _drop_all_guards(db)
    execute(db, "DELETE FROM verdicts WHERE id = :id", id=verdict.id)
    lines = _problems(repo, first)
    assert any("marked signed but has no verdict" in line for line in lines), lines
    assert any("its row was deleted" in line for line in lines), lines


def test_verdict_row_deleted_and_the_case_set_back_to_new(db, signed):
    repo, first, _, verdict = signed
    _drop_all_guards(db)
    execute(db, "DELETE FROM verdicts WHERE id = :id", id=verdict.id)
    execute(db, "UPDATE cases SET status = 'new' WHERE id = :id", id=first)
    lines = _problems(repo, first)
    assert any("its row was deleted" in line for line in lines), lines


def test_newest_audit_events_deleted(db, signed):
    """A notice export records the chain head; deleting the events from there on is caught, also when the
    chain_heads rows go too (the data folder keeps a copy)."""
    repo, first, second, verdict = signed
    head = repo.chain_head()
    repo.record_notice_export(first, verdict.id, "r.chen", {"buyer": {"name": "x.pdf", "sha256": "0" * 64}}, head)
    repo.save_draft(second, "r.chen", {"finding": "supported"}, {})
    assert repo.verify().ok
    _drop_all_guards(db)
    execute(db, "DELETE FROM audit_events WHERE seq >= :s", s=head[0])
    lines = _problems(repo)
    assert any("is gone" in line and "newest events were deleted" in line for line in lines), lines
    execute(db, "DELETE FROM chain_heads")
    execute(db, "DELETE FROM notice_exports")
    lines = _problems(repo)
    assert any("(data folder)" in line and "is gone" in line for line in lines), lines
    assert repo.verify_case(first), "opening the case does not show the missing events"


def test_newest_events_deleted_right_after_a_signature(db, signed):
    """No export yet: deleting the verdict's own event (and the verdict) still leaves the remembered head."""
    repo, first, _, verdict = signed
    _drop_all_guards(db)
    execute(db, "DELETE FROM verdicts WHERE id = :id", id=verdict.id)
    execute(db, "UPDATE cases SET status = 'new' WHERE id = :id", id=first)
    execute(db, "DELETE FROM audit_events WHERE seq >= 3")
    execute(db, "DELETE FROM chain_heads")
    lines = _problems(repo)
    assert any("is gone" in line for line in lines), lines


def test_verify_case_names_problems_of_that_case_only(db, signed):
    repo, first, second, _ = signed
    with db.engine.connect() as conn:
        raw = bytes(conn.exec_driver_sql("SELECT case_json FROM case_revisions WHERE case_pk = 2").scalar())
    execute(db, "UPDATE case_revisions SET case_json = :j WHERE case_pk = :pk", j=raw + b" ", pk=second)
    assert repo.verify_case(first) == []
    assert repo.verify_case(second) == ["revision 1: case.json does not match its sha256 (edited in place)"]
    assert [f.case_id for f in repo.verify().findings] == ["TTS-UK-TEST-0002"]


def test_json_record_in_the_audit_payload_is_what_verify_compares(signed):
    repo, first, _, verdict = signed
    [event] = [e for e in repo.audit_trail(first) if e.action == "verdict.signed"]
    assert event.payload["fingerprint"] == verdict.fingerprint
    assert event.payload["signature"] == verdict.signature
    assert json.loads(verdict.record_json) == verdict.record


def test_the_newest_event_alone_deleted_is_caught(db, signed):
    """Whatever the newest event was (here a draft save), the workstation remembered the head after it."""
    repo, _, second, _ = signed
    repo.save_draft(second, "r.chen", {"finding": "supported"}, {})
    newest = repo.chain_head()
    assert repo.verify().ok
    _drop_all_guards(db)
    execute(db, "DELETE FROM audit_events WHERE seq = :s", s=newest[0])
    lines = _problems(repo)
    assert any(f"event {newest[0]}" in line and "is gone" in line for line in lines), lines


def test_a_notice_export_without_its_event_is_caught(db, signed):
    repo, first, _, verdict = signed
    repo.record_notice_export(first, verdict.id, "r.chen", {"buyer": {"name": "x.pdf", "sha256": "0" * 64}},
                              repo.chain_head())
    _drop_all_guards(db)
    execute(db, "DELETE FROM audit_events WHERE action = 'notice.exported'")
    lines = _problems(repo, first)
    assert any("notice export of verdict" in line and "no audit event" in line for line in lines), lines
