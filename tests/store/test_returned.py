"""The "returned" marks the reviewer's queue shows (arbiter.store.returns), on a real SQLite file."""
from __future__ import annotations

import copy

from arbiter.store import Repository, import_bundle, open_database
from arbiter.store.qa import QAStore
from tests.factories import case_dict
from tests.store.helpers import amend, make_loaded, sign, signer

BOSS = signer("s.boss", "S. Boss", "supervisor")


def _cases(db, n):
    pks = []
    for i in range(n):
        data = copy.deepcopy(case_dict())
        data["case_id"] = f"TTS-UK-RET-{i:04d}"
        data["order"]["order_id"] = f"ORDRET{i}"
        pks.append(import_bundle(db, make_loaded(data), actor="importer").case_pk)
    return pks


def test_the_latest_review_of_the_current_verdict_decides(tmp_path):
    url = f"sqlite:///{tmp_path}/returns.db"
    db = open_database(url)
    try:
        repo, qa = Repository(db), QAStore(db)
        returned, approved_later, amended, unreviewed, unsigned = _cases(db, 5)
        v = {pk: sign(repo, pk) for pk in (returned, approved_later, amended, unreviewed)}
        qa.review(v[returned].id, "s.boss", "return", note="E3 was never requested; say why it counts.",
                  signer=BOSS)
        qa.review(v[approved_later].id, "s.boss", "return", note="check the amount", signer=BOSS)
        qa.review(v[approved_later].id, "s.boss", "approve", signer=BOSS)
        qa.review(v[amended].id, "s.boss", "return", note="wrong remedy", signer=BOSS)
        amend(repo, amended, "the supervisor returned it: wrong remedy")
    finally:
        db.close()
    db = open_database(url)   # read back by another program, as the queue does
    try:
        marks = Repository(db).returned_marks([returned, approved_later, amended, unreviewed, unsigned, 9999])
        assert set(marks) == {returned}
        mark = marks[returned]
        assert (mark.supervisor, mark.note, mark.verdict_number) == (
            "s.boss", "E3 was never requested; say why it counts.", 1)
        assert mark.at.tzinfo is not None
        assert Repository(db).returned_marks([]) == {}
    finally:
        db.close()


def test_many_cases_in_chunks(db, repo):
    pks = _cases(db, 3)
    from arbiter.store import returns

    rows = {pk: sign(repo, pk, who=signer("r.lee", "R. Lee")) for pk in pks}
    for pk in pks[::2]:
        QAStore(db).review(rows[pk].id, "s.boss", "return", note=f"note {pk}", signer=BOSS)
    old = returns.CHUNK
    returns.CHUNK = 1
    try:
        assert {pk: m.note for pk, m in repo.returned_marks(pks).items()} == {pk: f"note {pk}" for pk in pks[::2]}
    finally:
        returns.CHUNK = old
