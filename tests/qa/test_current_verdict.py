"""The QA store's "current verdict" is the head of the case's verdict chain, never a conflicting verdict imported
beside it (arbiter/store/qa.py, notice_hold). Seed: issue 12 part 4 (the notice gate) on top of issue 11's
conflicts (a second, different verdict on the same revision is kept with ``conflicts_with_id``)."""
from __future__ import annotations

from datetime import datetime, timezone

from arbiter.packages import build_package, import_packages, package_bytes
from arbiter.store import Repository, import_bundle
from arbiter.store.qa import QAStore
from tests.factories import answers_dict
from tests.store.helpers import SELLER_WINS, make_loaded, signer, stored_inputs

BOSS = signer("boss", "Boss", "supervisor")
OVERRIDE = {"override": {"outcome": "seller_favoured", "justification": "The buyer kept using the mug for a week."},
            "remedy": None, "amount": None}


def _package(repo, tmp_path, who, name, **answers_override):
    answers = answers_dict(reviewer=who.id, **answers_override)
    record, progress = stored_inputs(repo, 1, answers)
    data = build_package(case_id="TTS-UK-TEST-0001", number=1, kind="original", reason=None, case_revision=1,
                         case_sha256=repo.load_case(1).case_sha256, supersedes=None, record=record, answers=answers,
                         progress=progress, signed_at=datetime(2025, 3, 5, tzinfo=timezone.utc), reviewer=who,
                         chain_head=None, export_head=None)
    path = tmp_path / name
    path.write_bytes(package_bytes(data))
    return path


def test_a_conflicting_imported_verdict_is_never_taken_as_current(team_db, tmp_path):
    repo = Repository(team_db)
    import_bundle(team_db, make_loaded(), actor="boss")
    chen, lee = signer(), signer("s.lee", "S. Lee")
    for who in (chen, lee):
        repo.register_key_card(who.card, "boss")
    flagged = _package(repo, tmp_path, chen, "a.arbverdict", **OVERRIDE)
    plain = _package(repo, tmp_path, lee, "b.arbverdict", **SELLER_WINS)
    lines = [o.line() for o in import_packages(team_db, [str(flagged), str(plain)], actor="boss")]
    assert lines[0] == "accepted: TTS-UK-TEST-0001 v1 by r.chen" and lines[1].startswith("conflict:")
    history = repo.verdict_history(1)
    chens, lees = history
    assert lees.conflicts_with_id == chens.id and chens.record["flagged_for_supervisor"]

    qa = QAStore(team_db)
    hold = qa.notice_hold(1)
    # the current verdict is r.chen's override, which waits for a supervisor; s.lee's plain verdict (newer, kept
    # as a conflict) must not release the notice
    assert hold is not None and "override" in hold
    qa.review(lees.id, "boss", "approve", signer=BOSS)  # approving the conflicting verdict approves nothing current
    assert qa.notice_hold(1) is not None
    qa.review(chens.id, "boss", "approve", signer=BOSS)
    assert qa.notice_hold(1) is None


def test_a_conflict_holds_a_plain_verdict_until_a_supervisor_approves(team_db, tmp_path):
    repo = Repository(team_db)
    import_bundle(team_db, make_loaded(), actor="boss")
    chen, lee = signer(), signer("s.lee", "S. Lee")
    for who in (chen, lee):
        repo.register_key_card(who.card, "boss")
    first = _package(repo, tmp_path, chen, "a.arbverdict")
    second = _package(repo, tmp_path, lee, "b.arbverdict", **SELLER_WINS)
    import_packages(team_db, [str(first)], actor="boss")
    qa = QAStore(team_db)
    assert qa.notice_hold(1) is None                # one plain verdict: its notice goes out
    import_packages(team_db, [str(second)], actor="boss")
    hold = qa.notice_hold(1)
    assert hold is not None and "s.lee" in hold     # the conflict names the other reviewer
    qa.review(repo.current_verdict(1).id, "boss", "approve", signer=BOSS)
    assert qa.notice_hold(1) is None
