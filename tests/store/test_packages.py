"""Verdict packages: export on a reviewer's database, import on a supervisor's (cli.md revision 2). Written against
the ``db`` fixture (the supervisor's database), so test_postgres.py runs them on PostgreSQL too."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from arbiter.packages import build_package, export_verdicts, import_packages, package_bytes
from arbiter.store import Repository, import_bundle, open_database
from tests.factories import case_dict
from tests.store.helpers import SELLER_WINS, amend, dump, make_loaded, sign, signer, stored_inputs

LEE = ("s.lee", "S. Lee")


@pytest.fixture
def reviewer_db(tmp_path):
    """A reviewer's workstation database: the factory case signed by r.chen, then amended."""
    db = open_database(f"sqlite:///{tmp_path / 'reviewer' / 'r.db'}")
    repo = Repository(db)
    pk = import_bundle(db, make_loaded(), actor="r.chen").case_pk
    sign(repo, pk)
    amend(repo, pk, "E2 re-read", **SELLER_WINS)
    yield db
    db.close()


@pytest.fixture
def packages(reviewer_db, tmp_path) -> list[Path]:
    lines, failures = export_verdicts(reviewer_db, tmp_path / "out", actor="r.chen")
    assert failures == []
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines] == [
        "exported: TTS-UK-TEST-0001 v1 by r.chen", "exported: TTS-UK-TEST-0001 v2 by r.chen"]
    return sorted((tmp_path / "out").glob("*.arbverdict"))


@pytest.fixture
def desk(db):
    """The supervisor's database: the same case bundle, r.chen's key card registered."""
    repo = Repository(db)
    import_bundle(db, make_loaded(), actor="boss")
    repo.register_key_card(signer().card, "boss")
    return repo


def _lines(db, paths) -> list[str]:
    return [o.line() for o in import_packages(db, [str(p) for p in paths], actor="boss")]


def test_export_import_round_trip_is_idempotent_and_verifies(db, desk, packages):
    assert [p.name for p in packages] == ["TTS-UK-TEST-0001.v1.arbverdict", "TTS-UK-TEST-0001.v2.arbverdict"]
    assert _lines(db, reversed(packages)) == ["accepted: TTS-UK-TEST-0001 v1 by r.chen",
                                              "accepted: TTS-UK-TEST-0001 v2 by r.chen"]
    history = desk.verdict_history(1)
    assert [(v.number, v.kind, v.origin) for v in history] == [(1, "original", "package"), (2, "amendment", "package")]
    assert history[1].supersedes_id == history[0].id and history[1].record["outcome"] == "seller_favoured"
    before = dump(db)
    assert _lines(db, packages) == ["unchanged: TTS-UK-TEST-0001 v1 by r.chen",
                                    "unchanged: TTS-UK-TEST-0001 v2 by r.chen"]
    assert dump(db) == before
    report = desk.verify()
    assert report.ok, report.findings


def _altered(src: Path, dst: Path, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            assert old in data
            zout.writestr(info, data.replace(old, new, 1))
    return dst


@pytest.mark.parametrize("old, new", [
    (b'"amount":"19.99"', b'"amount":"99.99"'),          # the answers (first "amount" in sorted JSON)
    (b'"outcome":"buyer_favoured"', b'"outcome":"seller_favoured"'),   # the record
    (b'"E1","E2","E3"', b'"E1","E2"'),                   # the review progress
])
def test_an_altered_package_is_refused_with_nothing_stored(db, desk, packages, tmp_path, old, new):
    bad = _altered(packages[0], tmp_path / "bad.arbverdict", old, new)
    before = dump(db)
    [line] = _lines(db, [bad])
    assert line.startswith(f"refused: {bad}: ")
    assert dump(db) == before
    assert _lines(db, [packages[0]]) == ["accepted: TTS-UK-TEST-0001 v1 by r.chen"]
    [again] = _lines(db, [bad])   # an altered copy of a stored verdict is never "unchanged"
    assert again.startswith("refused:")


def test_one_byte_flipped_anywhere_is_refused(db, desk, packages, tmp_path):
    raw = bytearray(packages[0].read_bytes())
    raw[len(raw) // 2] ^= 0x01
    bad = tmp_path / "flip.arbverdict"
    bad.write_bytes(bytes(raw))
    before = dump(db)
    [line] = _lines(db, [bad])
    assert line.startswith("refused:")
    assert dump(db) == before


def test_unknown_key_case_not_here_and_missing_predecessor_are_refused(db, packages, tmp_path):
    repo = Repository(db)
    import_bundle(db, make_loaded(), actor="boss")
    before = dump(db)
    lines = _lines(db, packages)
    assert all(line.startswith("refused:") and "unknown reviewer key" in line for line in lines), lines
    assert dump(db) == before
    repo.register_key_card(signer().card, "boss")
    [line] = _lines(db, [packages[1]])
    assert "the verdict it amends" in line and "import it first" in line


def test_case_revision_with_another_hash_is_refused(db, packages):
    repo = Repository(db)
    other = case_dict()
    other["claim"] = dict(other["claim"], reason_text="Something else entirely.")
    import_bundle(db, make_loaded(other), actor="boss")   # same case id, revision 1 with another sha256
    repo.register_key_card(signer().card, "boss")
    [line, _] = _lines(db, packages)
    assert line.startswith("refused:") and "another sha256" in line


def _package_from(repo, answers_override: dict, *, who, app_version=None, record=None, case_pk=1):
    from tests.factories import answers_dict

    answers = answers_dict(reviewer=who.id, **answers_override)
    derived, progress = stored_inputs(repo, case_pk, answers)
    stored = repo.load_case(case_pk)
    from datetime import datetime, timezone

    return build_package(case_id="TTS-UK-TEST-0001", number=1, kind="original", reason=None, case_revision=1,
                         case_sha256=stored.case_sha256, supersedes=None, record=record or derived,
                         answers=answers, progress=progress, signed_at=datetime(2025, 3, 5, tzinfo=timezone.utc),
                         reviewer=who, chain_head=None, export_head=None, app_version=app_version)


def test_a_record_the_rules_do_not_derive_is_refused_unless_another_version_made_it(db, desk, tmp_path):
    who = signer()
    inflated = _package_from(desk, {}, who=who)["record"]
    inflated = dict(inflated, remedy=dict(inflated["remedy"], amount="999999.00"))
    same_version = tmp_path / "same.arbverdict"
    same_version.write_bytes(package_bytes(_package_from(desk, {}, who=who, record=inflated)))
    [line] = _lines(db, [same_version])
    assert line.startswith("refused:") and "differs from what the rules derive" in line
    drift = tmp_path / "drift.arbverdict"
    drift.write_bytes(package_bytes(_package_from(desk, {}, who=who, record=dict(
        inflated, remedy=dict(inflated["remedy"], amount="19.98")), app_version="0.0.9")))
    [line] = _lines(db, [drift])
    assert line == "accepted: TTS-UK-TEST-0001 v1 by r.chen (rules drift)"
    assert desk.current_verdict(1).rules_drift
    assert desk.verify().ok


def test_a_second_reviewer_disagreeing_is_kept_as_a_conflict(db, desk, tmp_path):
    lee = signer(*LEE)
    desk.register_key_card(lee.card, "boss")
    mine = tmp_path / "a.arbverdict"
    mine.write_bytes(package_bytes(_package_from(desk, {}, who=signer())))
    theirs = tmp_path / "b.arbverdict"
    theirs.write_bytes(package_bytes(_package_from(desk, SELLER_WINS, who=lee)))
    assert _lines(db, [mine, theirs]) == [
        "accepted: TTS-UK-TEST-0001 v1 by r.chen",
        "conflict: TTS-UK-TEST-0001: v1 by s.lee differs from v1 by r.chen on revision 1 (both kept)"]
    history = desk.verdict_history(1)
    assert [v.reviewer for v in history] == ["r.chen", "s.lee"]
    assert history[1].conflicts_with_id == history[0].id
    assert desk.current_verdict(1).reviewer == "r.chen"
    assert desk.load_case(1).status == "flagged"
    assert _lines(db, [theirs]) == ["unchanged: TTS-UK-TEST-0001 v1 by s.lee"]
    assert desk.verify().ok


def test_malformed_packages_are_refused_in_one_line(db, desk, tmp_path):
    (tmp_path / "empty.arbverdict").write_bytes(b"")
    with zipfile.ZipFile(tmp_path / "other.arbverdict", "w") as zf:
        zf.writestr("case.json", "{}")
    with zipfile.ZipFile(tmp_path / "float.arbverdict", "w") as zf:
        zf.writestr("verdict.json", '{"format": "arbiter.verdict-package/1", "x": 1.5}')
    lines = _lines(db, sorted(tmp_path.glob("*.arbverdict")))
    assert len(lines) == 3 and all(line.startswith("refused: ") and "\n" not in line for line in lines), lines
