"""``arbiter verify`` checks supervisor actions as it checks verdicts: each edit someone holding the SQLite file
could make to ``supervisor_reviews`` (triggers dropped first, as ../shared/checks/tamper.py does) is reported, by
the real ``arbiter verify`` process and by the check run when a case opens. Seed: issue 12 part 3 ("supervisor
actions are signed and append-only like verdicts") and the closing note of stop 15 ("supervisor-action
signatures are not checked by verify")."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from arbiter.store import Repository, import_bundle, open_database
from arbiter.store.qa import QAStore
from tests.factories import case_dict
from tests.qa.helpers import boss
from tests.store.helpers import SELLER_WINS, amend, make_loaded, sign

CASES = ("TTS-UK-TEST-0001", "TTS-UK-TEST-0002")


@pytest.fixture
def reviewed(tmp_path):
    """r.chen's verdicts on two cases; the supervisor returned the first (then approved it) and overturned the
    second with a signed amendment."""
    path = tmp_path / "sup.db"
    db = open_database(f"sqlite:///{path}")
    repo = Repository(db)
    pks = [import_bundle(db, make_loaded(case_dict(case_id=c)), actor="importer").case_pk for c in CASES]
    first, second = (sign(repo, pk) for pk in pks)
    qa, me = QAStore(db), boss()
    qa.review(first.id, "boss", "return", note="Cite the photo that shows the crack.", signer=me)
    qa.review(first.id, "boss", "approve", signer=me)
    overturn = amend(repo, pks[1], "the photo shows no crack", who=me, **SELLER_WINS)
    qa.review(second.id, "boss", "overturn", note="the photo shows no crack", amendment_id=overturn.id, signer=me)
    assert repo.verify().ok, repo.verify().findings
    db.close()
    return path, pks


def _tamper(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    for sql in statements:
        assert con.execute(sql).rowcount >= 1, sql
    con.commit()
    con.close()


def _verify(path: Path) -> tuple[int, list[str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "arbiter", "--db", f"sqlite:///{path}", "verify"],
                          capture_output=True, text=True, env=env, timeout=120)
    return done.returncode, done.stdout.splitlines()


def test_a_clean_database_with_supervisor_actions_verifies(reviewed):
    path, _ = reviewed
    code, lines = _verify(path)
    assert code == 0, lines
    assert lines[-1].startswith("verified: 2 cases, 3 verdicts")


TAMPERING = {
    # the return note the reviewer reads, rewritten
    "note": ("UPDATE supervisor_reviews SET note = 'Looks fine.' WHERE action = 'return'",
             "supervisor return of v1 by r.chen (by boss): its note is not what the supervisor signed"),
    # a return turned into an approval
    "action": ("UPDATE supervisor_reviews SET action = 'approve' WHERE action = 'return'",
               "supervisor approval of v1 by r.chen (by boss): its action is not what the supervisor signed"),
    # an approval moved onto the other case's verdict
    "relinked": ("UPDATE supervisor_reviews SET verdict_id = (SELECT id FROM verdicts WHERE reviewer = 'r.chen' "
                 "ORDER BY id DESC LIMIT 1) WHERE action = 'approve'",
                 "it is linked to another verdict than the one signed"),
    # the signed record and its fingerprint rewritten together (the note inside it too)
    "record": ("UPDATE supervisor_reviews SET note = 'ok', record = replace(record, "
               "'Cite the photo that shows the crack.', 'ok') WHERE action = 'return'",
               "the record does not match its fingerprint"),
    # the signature removed
    "unsigned": ("UPDATE supervisor_reviews SET signature = NULL WHERE action = 'overturn'",
                 "supervisor overturn of v1 by r.chen (by boss): not signed"),
    # the return deleted (the reviewer would never see it)
    "deleted": ("DELETE FROM supervisor_reviews WHERE action = 'return'",
                "recorded in the audit trail is missing: its row was deleted"),
}


@pytest.mark.parametrize("kind", sorted(TAMPERING))
def test_each_edit_of_a_supervisor_action_is_caught(reviewed, kind):
    path, pks = reviewed
    sql, expected = TAMPERING[kind]
    _tamper(path, sql)
    code, lines = _verify(path)
    assert code == 1 and any(expected in line for line in lines), lines
    assert all(line.startswith("problem: TTS-UK-TEST-000") for line in lines[:-1]), lines
    db = open_database(f"sqlite:///{path}")
    try:
        repo = Repository(db)
        seen = [p for pk in pks for p in repo.verify_case(pk)]   # the red banner when the case opens
        assert any(expected in p for p in seen), seen
    finally:
        db.close()


def test_fingerprint_and_record_rewritten_together_still_fail_the_signature(reviewed):
    import hashlib
    path, _ = reviewed
    con = sqlite3.connect(path)
    rid, record = con.execute("SELECT id, record FROM supervisor_reviews WHERE action = 'return'").fetchone()
    con.close()
    forged = record.replace("Cite the photo that shows the crack.", "ok")
    digest = hashlib.sha256(forged.encode()).hexdigest()
    _tamper(path, f"UPDATE supervisor_reviews SET note = 'ok', record = '{forged}', fingerprint = '{digest}' "
                  f"WHERE id = {rid}")
    code, lines = _verify(path)
    assert code == 1
    assert any("the signature does not match" in line for line in lines), lines
    assert any("its fingerprint is not the one the audit trail recorded" in line for line in lines), lines


def test_an_action_signed_by_a_reviewer_key_is_caught(reviewed):
    """A supervisor action re-signed by someone registered as a reviewer (e.g. the reviewer forging their own
    approval with their key, the row's supervisor column set to themselves)."""
    import json

    from arbiter.signing import demo_identity
    from arbiter.store.canonical import canonical_json

    path, _ = reviewed
    con = sqlite3.connect(path)
    rid, record = con.execute("SELECT id, record FROM supervisor_reviews WHERE action = 'approve'").fetchone()
    con.close()
    data = json.loads(record)
    chen = demo_identity("r.chen", "R. Chen")
    data.update(supervisor="r.chen", key=chen.fingerprint)
    text = canonical_json(data).decode()
    import hashlib
    _tamper(path, f"UPDATE supervisor_reviews SET supervisor = 'r.chen', record = '{text}', "
                  f"fingerprint = '{hashlib.sha256(text.encode()).hexdigest()}', "
                  f"signature = '{chen.sign(text.encode())}' WHERE id = {rid}")
    code, lines = _verify(path)
    assert code == 1
    assert any("registered as a reviewer, not a supervisor" in line for line in lines), lines
