"""The `arbiter` command as a user (or the spec's external tests) runs it: a real process, a real SQLite file.

cli.md: every sub-command exits 0 on success and non-zero with one clear line on stderr otherwise; a refused
bundle prints `refused: BUNDLE: reason` and leaves everything as it was; `decide` touches no database.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.factories import answers_dict, case_dict, write_bundle

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.arbcase"))


def run(*args: str, env_extra: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("ARBITER_DB", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "arbiter", *args], capture_output=True, text=True, env=env,
                          cwd=cwd or ROOT, timeout=120)


def db_dump(db_file: Path) -> list[str]:
    """Every row of every table, as text: 'the database exactly as before' is this list unchanged."""
    con = sqlite3.connect(db_file)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    assert proc.returncode != 0, proc
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "cli.db"
    return f"sqlite:///{path}", path


def test_version_comes_from_pyproject():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"arbiter {version}"


def test_import_then_reimport_is_a_no_op_and_changed_content_is_a_new_revision(tmp_path, db):
    url, path = db
    bundle = write_bundle(tmp_path / "case.arbcase")
    first = run("--db", url, "import", str(bundle))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [f"imported: TTS-UK-TEST-0001 revision 1 (3 evidence items) from {bundle}"]

    before = db_dump(path)
    again = run("--db", url, "import", str(bundle))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("unchanged: TTS-UK-TEST-0001 revision 1")

    changed = case_dict()
    changed["claim"]["reason_text"] = "The handle came off when I lifted it."
    bundle2 = write_bundle(tmp_path / "case-v2.arbcase", changed)
    third = run("--db", url, "import", str(bundle2))
    assert third.returncode == 0, third.stderr
    assert third.stdout.startswith("new revision: TTS-UK-TEST-0001 revision 2")
    assert len(db_dump(path)) > len(before)


def test_refused_bundle_prints_one_line_and_leaves_the_database_as_it_was(tmp_path, db):
    url, path = db
    good = write_bundle(tmp_path / "good.arbcase")
    assert run("--db", url, "import", str(good)).returncode == 0
    before = db_dump(path)

    bad_data = case_dict()
    bad_data["order"]["total_paid"] = 19.99  # money as a float: refused (case-bundle.md)
    bad = write_bundle(tmp_path / "bad.arbcase", bad_data)
    proc = run("--db", url, "import", str(bad))
    line = assert_one_line_error(proc, f"refused: {bad}:", "order.total_paid")
    assert line.startswith("refused: ")
    assert db_dump(path) == before


def test_good_bundles_are_imported_beside_a_refused_one(tmp_path, db):
    url, path = db
    good = write_bundle(tmp_path / "good.arbcase")
    missing = tmp_path / "nope.arbcase"
    proc = run("--db", url, "import", str(missing), str(good))
    assert proc.returncode == 1
    assert "imported: TTS-UK-TEST-0001" in proc.stdout
    assert proc.stderr.strip().startswith(f"refused: {missing}:")


def test_folder_bundle_imports(tmp_path, db):
    url, _ = db
    folder = write_bundle(tmp_path / "unpacked", as_zip=False)
    proc = run("--db", url, "import", str(folder))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("imported: TTS-UK-TEST-0001 revision 1")


def test_unusable_database_url_is_one_line(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    proc = run("--db", "nosuchdialect://x", "import", str(bundle))
    assert_one_line_error(proc, "cannot open database")


def test_arbiter_db_environment_variable_is_used(tmp_path):
    path = tmp_path / "env.db"
    bundle = write_bundle(tmp_path / "case.arbcase")
    proc = run("import", str(bundle), env_extra={"ARBITER_DB": f"sqlite:///{path}"})
    assert proc.returncode == 0, proc.stderr
    assert path.exists()


def test_default_database_is_in_the_user_data_folder(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    data = tmp_path / "xdg"
    proc = run("import", str(bundle), env_extra={"XDG_DATA_HOME": str(data), "ARBITER_DATA_DIR": ""})
    assert proc.returncode == 0, proc.stderr
    assert (data / "arbiter" / "arbiter.db").exists()


def test_decide_json_prints_the_decision_record_and_touches_no_database(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_dict()))
    data_dir = tmp_path / "data"
    proc = run("decide", str(bundle), "--answers", str(answers), "--json",
               env_extra={"ARBITER_DATA_DIR": str(data_dir), "XDG_DATA_HOME": str(data_dir)})
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["format"] == "arbiter.decision/1"
    assert record["case_id"] == "TTS-UK-TEST-0001"
    assert record["outcome"] == "buyer_favoured"
    assert record["remedy"]["amount"] == "19.99" and record["remedy"]["currency"] == "GBP"
    assert {"id": "E3", "reason": "not_requested"} in record["evidence_excluded"]
    for key in ("policy", "decline_reasons", "liability", "deadlines", "evidence_considered", "appeals",
                "rationale", "reviewer", "decided_at"):
        assert key in record
    assert not data_dir.exists()


def test_decide_refuses_an_amount_above_what_was_paid_in_one_line(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_dict(amount="25.00")))
    proc = run("decide", str(bundle), "--answers", str(answers), "--json")
    assert_one_line_error(proc, "amount")
    assert proc.stdout == ""


def test_decide_refuses_an_unknown_evidence_id(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_dict(evidence={"E1": "admissible", "E2": "admissible",
                                                         "E9": "admissible"})))
    assert_one_line_error(run("decide", str(bundle), "--answers", str(answers)), "E9")


def test_decide_refuses_a_missing_answer(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    data = answers_dict()
    del data["finding"]
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(data))
    assert_one_line_error(run("decide", str(bundle), "--answers", str(answers)), "finding")


def test_decide_refuses_a_computed_gate_answered_against_the_facts(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    data = answers_dict()
    data["jurisdiction"]["J3_not_settled"] = False  # the bundle says they did not settle
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(data))
    assert_one_line_error(run("decide", str(bundle), "--answers", str(answers)), "J3_not_settled")


def test_decide_with_unreadable_answers_file_is_one_line(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    broken = tmp_path / "answers.json"
    broken.write_text('{"decided_at": ')
    assert_one_line_error(run("decide", str(bundle), "--answers", str(broken)), "not valid JSON")
    assert_one_line_error(run("decide", str(bundle), "--answers", str(tmp_path / "none.json")), "none.json")


def test_decide_writes_both_notices(tmp_path):
    bundle = write_bundle(tmp_path / "case.arbcase")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_dict()))
    out = tmp_path / "out" / "notice.pdf"
    out.parent.mkdir()
    proc = run("decide", str(bundle), "--answers", str(answers), "--notice", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "out" / "notice.seller.pdf").read_bytes().startswith(b"%PDF")


def test_every_sample_imports(tmp_path):
    assert len(SAMPLES) >= 8, "resources/samples must hold the sample bundles (scripts/make_samples.py)"
    url = f"sqlite:///{tmp_path / 'samples.db'}"
    proc = run("--db", url, "import", *map(str, SAMPLES))
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == len(SAMPLES)
    assert all(line.startswith("imported: ") for line in proc.stdout.splitlines())


@pytest.mark.parametrize("bundle", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_sample_decides_with_its_answers(bundle, tmp_path):
    answers = ROOT / "resources" / "sample-answers" / f"{bundle.stem}.answers.json"
    proc = run("decide", str(bundle), "--answers", str(answers), "--json")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["case_id"] and record["outcome"] in {"declined", "buyer_favoured", "seller_favoured", "partial"}
