"""Appeals and conflicts of interest (issue 12, part 7): an appeal goes to a reviewer other than the one who decided
the original; the store refuses the original decider's signature; the appeal's reviewer sees the original verdict.
SQLite and the real PostgreSQL server (``any_url``)."""
from __future__ import annotations

import sqlite3

import pytest

from arbiter import cli, cli_team
from arbiter.store import QueueQuery, Repository, VerdictRefused, import_bundle, open_database
from arbiter.store.appeals import AppealConflict, Appeals
from arbiter.store.leases import LeaseError, Leases
from tests.factories import case_dict
from tests.store.helpers import make_loaded, sign, signer

ANA, BEN = signer("ana", "Ana"), signer("ben", "Ben")


def appeal_dict(case_id: str, original: dict, *, decided_at: str, fingerprint: str | None) -> dict:
    """An appeal of ``original`` (same order) filed a day after the decision it appeals."""
    data = case_dict(case_id=case_id)
    data["order"] = dict(original["order"])
    data["after_sale"] = dict(data["after_sale"], previous_appeals=0, previous_appeal_times=[], appeal={
        "filed_at": "2025-03-06T10:00:00+00:00", "filed_by": "buyer",
        "decision_appealed": {"decided_at": decided_at, **({"fingerprint": fingerprint} if fingerprint else {}),
                              "case_revision": 1},
        "grounds": "The crack is on the handle, as E1 shows."})
    if fingerprint is None:  # a pre-revision-2 appeal: only previous_decision_at names the decision
        del data["after_sale"]["appeal"], data["after_sale"]["previous_appeal_times"]
        data["after_sale"].update(previous_decision_at=decided_at, previous_appeals=1)
    return data


def _pk(db, case_id: str) -> int:
    return Repository(db).list_cases(QueueQuery(text=case_id))[0].pk


@pytest.fixture
def appeal(team_db):
    """Original TTS-UK-ORIG decided by ana; its appeal TTS-UK-APPL (by fingerprint); an ordinary case TTS-UK-ZZZZ."""
    db = team_db
    original = case_dict(case_id="TTS-UK-ORIG")
    import_bundle(db, make_loaded(original), actor="importer")
    verdict = sign(Repository(db), _pk(db, "TTS-UK-ORIG"), ANA)
    import_bundle(db, make_loaded(appeal_dict("TTS-UK-APPL", original, decided_at=verdict.record["decided_at"],
                                              fingerprint=verdict.fingerprint)), actor="importer")
    import_bundle(db, make_loaded(case_dict(case_id="TTS-UK-ZZZZ")), actor="importer")
    return db, verdict, original


def test_take_next_never_hands_an_appeal_to_the_original_decider(appeal):
    db, _, _ = appeal
    leases = Leases(db)
    assert leases.take_next("ana").case_id == "TTS-UK-ZZZZ"   # the appeal comes first in queue order, but not for ana
    assert leases.take_next("ana") is None            # nothing else for ana: the appeal stays for someone else
    assert leases.take_next("ben").case_id == "TTS-UK-APPL"
    with pytest.raises(LeaseError, match=r"^TTS-UK-APPL appeals TTS-UK-ORIG v1, decided by ana: another reviewer"):
        Leases(db).take("TTS-UK-APPL", "ana")


def test_the_original_decider_cannot_sign_the_appeal_but_another_reviewer_can(appeal):
    db, _, _ = appeal
    repo = Repository(db)
    pk = _pk(db, "TTS-UK-APPL")
    with pytest.raises(AppealConflict) as refused:
        sign(repo, pk, ANA)
    assert isinstance(refused.value, VerdictRefused)
    assert str(refused.value) == ("TTS-UK-APPL appeals TTS-UK-ORIG v1, decided by ana: another reviewer must decide "
                                  "the appeal")
    assert repo.current_verdict(pk) is None  # nothing stored
    assert sign(repo, pk, BEN).reviewer == "ben"


def test_whoever_amended_the_original_is_an_original_decider_too(appeal):
    db, _, _ = appeal
    from tests.store.helpers import amend

    amend(Repository(db), _pk(db, "TTS-UK-ORIG"), "amount corrected", BEN, amount="18.99")
    assert Appeals(db).conflict_of(_pk(db, "TTS-UK-APPL"), "ben")
    carl = signer("carl", "Carl")
    assert Appeals(db).conflict_of(_pk(db, "TTS-UK-APPL"), "carl") is None
    assert sign(Repository(db), _pk(db, "TTS-UK-APPL"), carl).reviewer == "carl"


def test_the_original_verdict_for_the_read_only_panel(appeal):
    db, verdict, _ = appeal
    shown = Appeals(db).original_verdict(_pk(db, "TTS-UK-APPL"))
    assert shown.found and shown.case_id == "TTS-UK-ORIG" and shown.number == 1
    assert (shown.reviewer, shown.outcome, shown.fingerprint) == ("ana", verdict.record["outcome"], verdict.fingerprint)
    assert shown.remedy["amount"] == verdict.record["remedy"]["amount"] and shown.rationale == verdict.record["rationale"]
    assert shown.signed_at == verdict.signed_at and shown.filed_by == "buyer"
    assert Appeals(db).original_verdict(_pk(db, "TTS-UK-ZZZZ")) is None   # not an appeal


def test_a_legacy_appeal_is_matched_by_order_and_decision_time(team_db):
    db = team_db
    original = case_dict(case_id="TTS-UK-ORIG")
    import_bundle(db, make_loaded(original), actor="importer")
    verdict = sign(Repository(db), _pk(db, "TTS-UK-ORIG"), ANA)
    later = "2025-03-05T11:00:00+01:00"  # the same instant as the verdict's 10:00 UTC, written in another zone
    assert verdict.record["decided_at"] == "2025-03-05T10:00:00+00:00"
    import_bundle(db, make_loaded(appeal_dict("TTS-UK-APPL", original, decided_at=later, fingerprint=None)),
                  actor="importer")
    pk = _pk(db, "TTS-UK-APPL")
    assert Appeals(db).original_verdict(pk).case_id == "TTS-UK-ORIG"
    with pytest.raises(AppealConflict):
        sign(Repository(db), pk, ANA)


def test_an_appeal_whose_original_is_elsewhere_goes_to_anyone(team_db):
    db = team_db
    original = case_dict(case_id="TTS-UK-ORIG")
    import_bundle(db, make_loaded(appeal_dict("TTS-UK-APPL", original, decided_at="2025-03-05T10:00:00+00:00",
                                              fingerprint="ab" * 32)), actor="importer")
    shown = Appeals(db).original_verdict(_pk(db, "TTS-UK-APPL"))
    assert shown is not None and not shown.found and shown.appealed_fingerprint == "ab" * 32
    assert Leases(db).take_next("ana").case_id == "TTS-UK-APPL"


def test_cases_take_next_command_skips_the_own_appeal(appeal, any_url, capsys, monkeypatch):
    monkeypatch.setattr(cli_team, "whoami", lambda: "ana")
    assert cli.main(["--db", any_url, "cases", "take", "--next"]) == 0
    assert capsys.readouterr().out == "taken: TTS-UK-ZZZZ\n"
    assert cli.main(["--db", any_url, "cases", "take", "TTS-UK-APPL"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == ("error: TTS-UK-APPL appeals TTS-UK-ORIG v1, decided by ana: another reviewer must "
                                 "decide the appeal\n")


def test_migration_0009_links_appeals_stored_before_it(tmp_path):
    from tests.store.test_migrations import _migrate

    url = f"sqlite:///{tmp_path / 'old.db'}"
    db = open_database(url)
    original = case_dict(case_id="TTS-UK-ORIG")
    import_bundle(db, make_loaded(original), actor="importer")
    verdict = sign(Repository(db), _pk(db, "TTS-UK-ORIG"), ANA)
    import_bundle(db, make_loaded(appeal_dict("TTS-UK-APPL", original, decided_at=verdict.record["decided_at"],
                                              fingerprint=verdict.fingerprint)), actor="importer")
    db.close()
    _migrate(url, "0008", "downgrade")
    con = sqlite3.connect(tmp_path / "old.db")
    assert not con.execute("SELECT name FROM sqlite_master WHERE name = 'case_appeals'").fetchall()
    con.close()
    db = open_database(url)
    try:
        assert Appeals(db).original_verdict(_pk(db, "TTS-UK-APPL")).reviewer == "ana"
        with pytest.raises(AppealConflict):
            sign(Repository(db), _pk(db, "TTS-UK-APPL"), ANA)
    finally:
        db.close()


def test_a_package_of_the_appeal_signed_by_the_original_decider_is_refused(appeal, tmp_path):
    from tests.factories import answers_dict
    from tests.qa.calib_helpers import answer_by_package

    db, _, _ = appeal
    refused = answer_by_package(db, tmp_path, "TTS-UK-APPL", ANA, answers_dict(), expect=("refused",))
    assert refused.detail == ("TTS-UK-APPL appeals TTS-UK-ORIG v1, decided by ana: another reviewer must decide the "
                              "appeal")
    assert Repository(db).current_verdict(_pk(db, "TTS-UK-APPL")) is None
    assert answer_by_package(db, tmp_path, "TTS-UK-APPL", BEN, answers_dict()).status == "accepted"


def test_an_appeal_imported_by_worker_processes_is_linked(tmp_path):
    """The import service reads with worker processes (a bundle then reaches the writer without its parsed case):
    the appeal is recorded from its case.json all the same."""
    from arbiter import importing
    from tests.factories import write_bundle

    db = open_database(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        original = case_dict(case_id="TTS-UK-ORIG")
        import_bundle(db, make_loaded(original), actor="importer")
        verdict = sign(Repository(db), _pk(db, "TTS-UK-ORIG"), ANA)
        paths = [str(write_bundle(tmp_path / f"b{n:03d}.arbcase", case_dict(case_id=f"TTS-UK-W-{n:03d}")))
                 for n in range(importing.MIN_BUNDLES_FOR_WORKERS)]
        paths.append(str(write_bundle(tmp_path / "appeal.arbcase", appeal_dict(
            "TTS-UK-APPL", original, decided_at=verdict.record["decided_at"], fingerprint=verdict.fingerprint))))
        summary = importing.import_bundles(db, paths, workers=2)
        assert summary.imported == len(paths) and summary.refused == 0
        assert Appeals(db).original_verdict(_pk(db, "TTS-UK-APPL")).reviewer == "ana"
        assert Appeals(db).original_verdict(_pk(db, "TTS-UK-W-000")) is None
    finally:
        db.close()
