"""The supervisor's desk below the GUI: recorded samples, the inbox, approve / return / overturn, the notice
gate, scorecards; and the `qa` and `cases` commands as cli.md (revision 2) specifies them."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from sqlalchemy import text

from arbiter import cli, cli_team
from arbiter.domain.qa import QASettings
from arbiter.store import Repository, open_database
from arbiter.store.qa import QAError, QAStore
from tests.qa.conftest import seed_cases
from tests.qa.helpers import amend, boss, build_decided, record_for


@pytest.fixture
def desk(any_url):
    db = open_database(any_url)
    decided = build_decided(db)
    yield db, decided, any_url
    db.close()


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _override_and_amend(db, decided):
    """Amend one verdict (the reviewer changes the amount) so that the rules must select it."""
    repo = Repository(db)
    case_id, item = next((k, v) for k, v in decided.items() if v["record"]["outcome"] == "buyer_favoured")
    answers = dict(item["answers"], amount=str(Decimal(item["record"]["remedy"]["amount"]) - Decimal("1.00")))
    amend(repo, item["pk"], item["reviewer"], "amount corrected", record_for(item["case"], answers), answers)
    return case_id


def test_qa_sample_is_reproducible_recorded_and_takes_amendments(desk, capsys):
    db, decided, url = desk
    amended = _override_and_amend(db, decided)
    code, first, err = _run(capsys, "--db", url, "qa", "sample", "--rate", "0.2", "--seed", "7")
    assert code == 0, err
    code, second, _ = _run(capsys, "--db", url, "qa", "sample", "--rate", "0.2", "--seed", "7")
    assert first == second and first.strip()
    lines = first.splitlines()
    assert f"{amended} v2 {decided[amended]['reviewer']} amendment" in lines
    assert all(line.split()[-1] in ("override", "amendment", "conflict", "amount", "new_reviewer", "random")
               for line in lines)
    with db.engine.connect() as conn:
        samples = conn.execute(text("SELECT settings, size, selection_sha256 FROM qa_samples")).all()
        items = conn.execute(text("SELECT count(*) FROM qa_sample_items")).scalar_one()
    assert len(samples) == 2 and samples[0] == samples[1] and '"seed":7' in samples[0][0]
    assert items == 2 * len(lines)
    assert any(e.action == "qa.sampled" for e in Repository(db).audit_trail())


def test_qa_sample_refuses_a_bad_rate_with_one_line(desk, capsys):
    _, _, url = desk
    code, out, err = _run(capsys, "--db", url, "qa", "sample", "--rate", "2", "--seed", "1")
    assert code == 1 and out == "" and err.startswith("error: --rate must be a number from 0 to 1")
    assert len(err.strip().splitlines()) == 1


def test_review_actions_inbox_notice_gate_and_report(desk, capsys):
    db, decided, url = desk
    amended = _override_and_amend(db, decided)
    store = QAStore(db)
    sample_id, selection = store.sample(QASettings(rate=Decimal("0.5"), seed=3), "boss")
    inbox = store.inbox("boss")
    assert {i.verdict_id for i in inbox} == {s.verdict_id for s in selection}
    assert inbox[0].reason == "amendment" and inbox[0].case_id == amended  # rules first, then random

    repo = Repository(db)
    amended_pk = decided[amended]["pk"]
    held = store.notice_hold(amended_pk)
    assert held and "held until a supervisor approves" in held
    assert repo.notice_hold(amended_pk) == held  # what the reviewer's session shows (ReviewSession.export_hold)
    amendment = repo.current_verdict(amended_pk)
    with pytest.raises(QAError, match="own verdict"):
        store.review(amendment.id, amendment.reviewer, "approve", signer=boss(amendment.reviewer))
    with pytest.raises(QAError, match="needs a note"):
        store.review(amendment.id, "boss", "return", signer=boss())
    store.review(amendment.id, "boss", "return", signer=boss(), note="cite the photo", sample_id=sample_id)
    assert "returned by a supervisor (boss): \u201ccite the photo\u201d" in store.notice_hold(amended_pk)
    assert store.returned_to(amendment.reviewer) == [(amended, amendment.id, "cite the photo")]
    store.review(amendment.id, "boss", "approve", signer=boss(), sample_id=sample_id)
    assert store.notice_hold(amended_pk) is None and store.returned_to(amendment.reviewer) == []
    plain_id, plain = [(k, v) for k, v in decided.items() if k != amended][-1]
    assert store.notice_hold(plain["pk"]) is None  # a plain verdict issues its notice at once...
    store.review(plain["verdict"].id, "boss", "return", signer=boss(), note="which photo?")
    assert "which photo?" in store.notice_hold(plain["pk"])  # ...unless a supervisor returned it
    store.set_setting("notice_gate", False, "boss")
    assert store.notice_hold(plain["pk"]) is None

    # overturn: the supervisor's amendment, linked to the review; it is nobody's verdict in the report
    case_id, item = next((k, v) for k, v in decided.items() if k != amended)
    with pytest.raises(QAError, match="needs the supervisor's amendment"):
        store.review(item["verdict"].id, "boss", "overturn", signer=boss())
    answers = dict(item["answers"], rationale="Overturned on review: " + item["answers"]["rationale"])
    new = amend(repo, item["pk"], "boss", "overturned on quality review", record_for(item["case"], answers),
                answers)
    store.review(item["verdict"].id, "boss", "overturn", signer=boss(), amendment_id=new.id,
                 differences=[{"question": "rationale", "type": "rationale", "severity": "no_outcome_change"}])
    assert [r.action for r in store.reviews(item["verdict"].id)] == ["overturn"]
    assert store.inbox("boss") and all(i.verdict_id not in (amendment.id, item["verdict"].id)
                                       for i in store.inbox("boss"))

    code, out, err = _run(capsys, "--db", url, "qa", "report", "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["reviewer"] for r in rows] == ["ana", "ben", "chen", "dara"]  # not "boss": an overturn is no verdict
    assert sum(int(r["verdicts"]) for r in rows) == len(decided) + 1  # the originals + the reviewer's amendment
    by = {r["reviewer"]: r for r in rows}
    assert by[item["reviewer"]]["overturned"] == "1"
    assert by[decided[amended]["reviewer"]]["approved"] == "1"
    code, out, _ = _run(capsys, "--db", url, "qa", "report")
    assert out.splitlines()[-1] == f"team: 4 reviewers, {len(decided) + 1} verdicts, 3 quality-reviewed, 1 overturned"
    assert "not yet meaningful" in out


def test_supervisor_reviews_are_append_only(desk):
    db, decided, _ = desk
    item = next(iter(decided.values()))
    QAStore(db).review(item["verdict"].id, "boss", "approve", signer=boss())
    QAStore(db).sample(QASettings(rate=Decimal("0.1"), seed=1), "boss")
    from sqlalchemy.exc import DBAPIError
    for sql in ("UPDATE supervisor_reviews SET note = 'x'", "DELETE FROM supervisor_reviews",
                "DELETE FROM qa_sample_items", "UPDATE qa_samples SET size = 0"):
        with pytest.raises(DBAPIError, match="append-only"):
            with db.engine.begin() as conn:
                conn.execute(text(sql))


def test_cases_take_and_release_commands(any_url, capsys, monkeypatch):
    db = open_database(any_url)
    ids = seed_cases(db, 2)
    db.close()
    monkeypatch.setattr(cli_team, "whoami", lambda: "team.a")
    code, out, err = _run(capsys, "--db", any_url, "cases", "take", "--next")
    assert (code, out) == (0, f"taken: {ids[0]}\n"), err
    assert _run(capsys, "--db", any_url, "cases", "take", ids[1])[1] == f"taken: {ids[1]}\n"
    code, out, err = _run(capsys, "--db", any_url, "cases", "take", "--next")
    assert code == 1 and out == "" and err.startswith("error: no free case")
    assert _run(capsys, "--db", any_url, "cases", "release", ids[0])[1] == f"released: {ids[0]}\n"
    monkeypatch.setattr(cli_team, "whoami", lambda: "team.b")
    code, out, err = _run(capsys, "--db", any_url, "cases", "take", ids[1])
    assert code == 1 and err.startswith(f"error: {ids[1]} is checked out to team.a until")
    assert _run(capsys, "--db", any_url, "cases", "take", "--next")[1] == f"taken: {ids[0]}\n"
    code, _, err = _run(capsys, "--db", any_url, "cases", "take", "NOPE")
    assert code == 1 and err == "error: no case NOPE in this database\n"


def test_cases_take_without_an_identity_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ARBITER_DATA_DIR", str(tmp_path / "nobody"))
    code, out, err = _run(capsys, "--db", f"sqlite:///{tmp_path / 'x.db'}", "cases", "take", "--next")
    assert code == 1 and "arbiter identity init" in err
