"""Calibration with gold cases (issue 12, part 6): the statistics, the store (gold answers checked by the rules,
append-only, left out of quality review), the notice that is never written, and `qa gold` / `qa calibration`."""
from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from arbiter import cli, cli_calibration
from arbiter.domain.calibration import GoldAnswers, calibration_report, fleiss_kappa_varying
from arbiter.domain.qa import QASettings, fleiss_kappa
from arbiter.notice_export import NoticeRefused, export_signed_notice
from arbiter.store import Repository, import_bundle
from arbiter.store.gold import GOLD_HOLD, GoldError, GoldStore
from arbiter.store.qa import QAStore
from tests.factories import answers_dict, case_dict
from tests.qa.calib_helpers import answer_by_package, case_pk
from tests.qa.helpers import boss
from tests.store.helpers import make_loaded, sign, signer

ANA, BEN, CARL = signer("ana", "Ana"), signer("ben", "Ben"), signer("carl", "Carl")
MINOR = {"problem": "minor_quality", "remedy": "partial_refund", "amount": "5.00"}


# -- the statistics ----------------------------------------------------------------------------------------------
def test_fleiss_with_varying_raters_equals_fleiss_when_the_counts_are_equal():
    items = [["a", "a", "b"], ["b", "b", "b"], ["a", "b", "c"], ["c", "c", "a"]]
    assert fleiss_kappa_varying(items) == pytest.approx(fleiss_kappa(items))
    # an item with two raters and one with four: P_i per item (1 and 6/12), p_j over all six ratings (1/2 each):
    # (0.75 - 0.5) / (1 - 0.5)
    assert fleiss_kappa_varying([["a", "a"], ["a", "b", "b", "b"]]) == pytest.approx(0.5)
    assert fleiss_kappa_varying([["x"]]) is None and fleiss_kappa_varying([["a", "a"], ["a", "a"]]) == 1.0


def _gold_item(case_id, **reviewers):
    gold = answers_dict()
    record = {"outcome": "buyer_favoured"}
    return GoldAnswers(case_id, gold, record, {r: (answers_dict(**changes), {"outcome": outcome})
                                               for r, (changes, outcome) in reviewers.items()})


def test_report_per_question_and_where_reviewers_split():
    report = calibration_report([
        _gold_item("G1", ana=({}, "buyer_favoured"), ben=(MINOR, "partial"), carl=({}, "buyer_favoured")),
        _gold_item("G2", ana=({}, "buyer_favoured"), ben=(MINOR, "partial"),
                   carl=({"evidence": {"E1": "admissible", "E2": "not_relevant"}}, "buyer_favoured")),
        _gold_item("G3"),  # gold, nobody answered yet
    ])
    assert (report.gold_cases, report.answered_cases, report.reviewers, report.answers) == (3, 2, ("ana", "ben",
                                                                                                     "carl"), 6)
    by = {q.question: q for q in report.questions}
    assert [q.question for q in report.questions][:5] == ["jurisdiction.J1_platform_order",
                                                          "jurisdiction.J4_actual_consumer",
                                                          "jurisdiction.J5_valid_transaction",
                                                          "jurisdiction.J6_unresolved", "evidence"]
    problem = by["problem"]
    assert (problem.type, problem.items, problem.agreement) == ("finding", 6, pytest.approx(4 / 6))
    assert {r.reviewer: (r.items, r.agreement) for r in problem.reviewers} == {"ana": (2, 1.0), "ben": (2, 0.0),
                                                                               "carl": (2, 1.0)}
    assert problem.fleiss_items == 2 and problem.fleiss < 0.5
    evidence = by["evidence"]   # two items per case: E1, E2
    assert (evidence.type, evidence.items, evidence.agreement) == ("admissibility", 12, pytest.approx(11 / 12))
    assert by["jurisdiction.J1_platform_order"].agreement == 1.0 and by["jurisdiction.J1_platform_order"].fleiss == 1.0
    assert "rationale" not in by and by["outcome"].agreement == pytest.approx(4 / 6)
    splits = {(s.case_id, s.key): s for s in report.splits}
    assert splits[("G1", "problem")].gold == "serious_quality"
    assert splits[("G1", "problem")].answers == (("serious_quality", ("ana", "carl")), ("minor_quality", ("ben",)))
    assert splits[("G2", "evidence.E2")].answers == (("admissible", ("ana", "ben")), ("not_relevant", ("carl",)))
    assert ("G1", "finding") not in splits
    top = report.confusions[0]
    assert (top.question, top.gold, top.count, top.reviewers) == ("problem", "serious_quality", 2, ("ben",))


# -- the store and the commands -----------------------------------------------------------------------------------
@pytest.fixture
def gold_db(team_db, tmp_path):
    """G1 and G2 gold (the factory's answers); ana signs G1 here, ben (minor quality) and carl (E2 not relevant)
    answer by package; ben answers G2 too; ana decides the ordinary case O1."""
    db = team_db
    for case_id in ("TTS-UK-G1", "TTS-UK-G2", "TTS-UK-O1"):
        import_bundle(db, make_loaded(case_dict(case_id=case_id)), actor="importer")
    store = GoldStore(db)
    for case_id in ("TTS-UK-G1", "TTS-UK-G2"):
        assert store.add(case_id, answers_dict(reviewer="sam"), "sam")[0] == "added"
    repo = Repository(db)
    sign(repo, case_pk(db, "TTS-UK-G1"), ANA)
    answer_by_package(db, tmp_path, "TTS-UK-G1", BEN, answers_dict(**MINOR))
    answer_by_package(db, tmp_path, "TTS-UK-G1", CARL, answers_dict(evidence={"E1": "admissible",
                                                                               "E2": "not_relevant"}))
    answer_by_package(db, tmp_path, "TTS-UK-G2", BEN, answers_dict(**MINOR))
    sign(repo, case_pk(db, "TTS-UK-O1"), ANA)
    return db


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_gold_answers_are_checked_by_the_rules_and_kept_append_only(gold_db):
    store = GoldStore(gold_db)
    assert store.add("TTS-UK-G1", answers_dict(reviewer="other"), "sam")[0] == "unchanged"
    with pytest.raises(GoldError, match="^TTS-UK-G1 is gold already with other answers"):
        store.add("TTS-UK-G1", answers_dict(**MINOR), "sam")
    with pytest.raises(GoldError, match="^TTS-UK-O1: the answers do not decide the case: finding: "):
        store.add("TTS-UK-O1", answers_dict(finding="maybe"), "sam")
    with pytest.raises(GoldError, match="^no case NOPE in this database$"):
        store.add("NOPE", answers_dict(), "sam")
    status, row = store.add("TTS-UK-G2", answers_dict(**MINOR), "sam", replace=True)
    assert status == "replaced" and row.answers["problem"] == "minor_quality"
    assert [g.case_id for g in store.gold()] == ["TTS-UK-G1", "TTS-UK-G2"]
    assert store.withdraw("TTS-UK-G2", "sam").case_id == "TTS-UK-G2"
    assert [g.case_id for g in store.gold()] == ["TTS-UK-G1"]
    for sql in ("UPDATE gold_cases SET answers = '{}'", "DELETE FROM gold_cases"):
        with pytest.raises(DBAPIError, match="append-only"):
            with gold_db.engine.begin() as conn:
                conn.execute(text(sql))
    actions = [e.action for e in Repository(gold_db).audit_trail()]
    assert {"gold.added", "gold.replaced", "gold.withdrawn"} <= set(actions)


def test_a_gold_case_never_writes_a_notice(gold_db, tmp_path):
    repo = Repository(gold_db)
    g1, o1 = case_pk(gold_db, "TTS-UK-G1"), case_pk(gold_db, "TTS-UK-O1")
    qa = QAStore(gold_db)
    qa.set_setting("notice_gate", False, "sam")   # the gate off: a gold case is still held
    verdict = repo.current_verdict(g1)
    qa.review(verdict.id, "sam", "approve", signer=boss("sam"))   # and approved: still held
    assert repo.notice_hold(g1) == GOLD_HOLD and "held until a supervisor approves it" in GOLD_HOLD
    out = tmp_path / "notices" / "g1.pdf"
    out.parent.mkdir()
    with pytest.raises(NoticeRefused, match="held until a supervisor approves it"):
        export_signed_notice(repo, g1, "ana", out)
    assert list(out.parent.iterdir()) == []       # no PDF, no seller copy
    assert not any(e.action == "notice.exported" for e in repo.audit_trail(g1))
    paths = export_signed_notice(repo, o1, "ana", tmp_path / "o1.pdf")   # an ordinary case writes both
    assert paths.buyer.exists() and paths.seller.exists()


def test_gold_verdicts_count_in_neither_sampling_nor_scorecards(gold_db, capsys, any_url):
    facts = QAStore(gold_db).verdict_facts()
    assert [f.case_id for f in facts] == ["TTS-UK-O1"]
    _, selection = QAStore(gold_db).sample(QASettings(rate=1, seed=1), "sam")
    assert [s.case_id for s in selection] == ["TTS-UK-O1"]   # the gold conflicts are not "conflict" selections
    code, out, err = _run(capsys, "--db", any_url, "qa", "report", "--csv")
    assert code == 0, err
    assert [(r["reviewer"], r["verdicts"]) for r in csv.DictReader(io.StringIO(out))] == [("ana", "1")]


def test_qa_calibration_command_and_csv(gold_db, capsys, any_url):
    code, out, err = _run(capsys, "--db", any_url, "qa", "calibration")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "calibration: 2 gold cases (2 answered), 3 reviewers, 4 answers"
    problem = next(line for line in lines if line.startswith("problem\t"))
    assert problem.startswith("problem\tfinding\tanswers=4 agreement=0.500 fleiss=")
    assert "ana 1.000 kappa=1.000 (1); ben 0.000 kappa=0.000 (2); carl 1.000 kappa=1.000 (1)" in problem
    assert ("split: TTS-UK-G1 problem gold=serious_quality: serious_quality (ana, carl); minor_quality (ben)"
            in lines)
    assert "split: TTS-UK-G1 evidence.E2 gold=admissible: admissible (ana, ben); not_relevant (carl)" in lines
    code, out, _ = _run(capsys, "--db", any_url, "qa", "calibration", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(cli_calibration.CSV_COLUMNS)
    evidence = {r["rater"]: r for r in rows if r["question"] == "evidence"}
    assert evidence["*"]["kappa_kind"] == "fleiss_across_reviewers" and evidence["*"]["items"] == "8"
    assert evidence["carl"]["agreement"] == "0.500" and evidence["carl"]["kappa_kind"] == "cohen_vs_gold"


def test_qa_gold_commands(team_db, any_url, capsys, monkeypatch, tmp_path):
    import json

    import_bundle(team_db, make_loaded(case_dict(case_id="TTS-UK-G9")), actor="importer")
    answers = tmp_path / "gold.json"
    answers.write_text(json.dumps(answers_dict()), "utf-8")
    code, _, err = _run(capsys, "--db", any_url, "qa", "gold", "add", "TTS-UK-G9", "--answers", str(answers))
    assert code == 1 and "no identity" in err      # marking gold needs a supervisor's identity
    monkeypatch.setattr(cli_calibration, "_supervisor", lambda: "sam")
    assert _run(capsys, "--db", any_url, "qa", "gold", "add", "TTS-UK-G9", "--answers", str(answers))[1] == \
        "added: TTS-UK-G9 revision 1 (outcome buyer_favoured)\n"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(answers_dict(finding="maybe")), "utf-8")
    code, out, err = _run(capsys, "--db", any_url, "qa", "gold", "add", "TTS-UK-G9", "--answers", str(bad),
                          "--replace")
    assert code == 1 and out == "" and err.startswith("error: TTS-UK-G9: the answers do not decide the case: ")
    assert len(err.splitlines()) == 1
    code, out, _ = _run(capsys, "--db", any_url, "qa", "gold", "list")
    assert out.splitlines()[0].startswith("TTS-UK-G9\trevision 1\tbuyer_favoured\tanswered by 0\tsam ")
    assert out.splitlines()[-1] == "gold: 1 cases, 0 answered"
    assert _run(capsys, "--db", any_url, "qa", "gold", "remove", "TTS-UK-G9")[1] == "withdrawn: TTS-UK-G9\n"
    assert _run(capsys, "--db", any_url, "qa", "gold", "list")[1] == "gold: 0 cases, 0 answered\n"
