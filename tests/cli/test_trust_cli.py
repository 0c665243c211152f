"""The trust commands as a script sees them (cli.md revision 2): exact lines and exit codes."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.arbcase"))


def arbiter(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "arbiter", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT, timeout=120)


def test_identity_init_show_export(tmp_path):
    shown = arbiter("identity", "show")
    assert shown.returncode == 1 and shown.stderr.startswith("error: no signing identity")
    made = arbiter("identity", "init", "--id", "r.chen", "--name", "R. Chen")
    assert made.returncode == 0, made.stderr
    shown = arbiter("identity", "show")
    assert shown.returncode == 0
    ident, name, role, fp = shown.stdout.rstrip("\n").split("\t")
    assert (ident, name, role, len(fp)) == ("r.chen", "R. Chen", "reviewer", 64)
    again = arbiter("identity", "init", "--id", "x", "--name", "X")
    assert again.returncode == 1 and "--force" in again.stderr and again.stderr.count("\n") == 1
    out = tmp_path / "me.arbkey"
    assert arbiter("identity", "export", str(out)).returncode == 0
    assert b'"public_key"' in out.read_bytes()
    key = Path(os.environ["ARBITER_DATA_DIR"]) / "identity" / "identity.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_reviewers_add_list_and_replace(tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    arbiter("identity", "init", "--id", "r.chen", "--name", "R. Chen")
    arbiter("identity", "export", str(tmp_path / "old.arbkey"))
    first = arbiter("--db", db, "reviewers", "add", str(tmp_path / "old.arbkey"))
    assert (first.returncode, first.stdout) == (0, "added: r.chen\n")
    again = arbiter("--db", db, "reviewers", "add", str(tmp_path / "old.arbkey"))
    assert again.stdout == "unchanged: r.chen\n"
    (tmp_path / "junk.arbkey").write_text("not a card")
    arbiter("identity", "init", "--id", "r.chen", "--name", "R. Chen", "--force")
    arbiter("identity", "export", str(tmp_path / "new.arbkey"))
    refused = arbiter("--db", db, "reviewers", "add", str(tmp_path / "junk.arbkey"), str(tmp_path / "new.arbkey"))
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0].startswith(f"refused: {tmp_path / 'junk.arbkey'}: ")
    assert "--replace" in refused.stderr.splitlines()[1]
    replaced = arbiter("--db", db, "reviewers", "add", "--replace", str(tmp_path / "new.arbkey"))
    assert replaced.returncode == 0 and replaced.stdout.startswith("added: r.chen")
    listed = arbiter("--db", db, "reviewers", "list").stdout.splitlines()
    new_fp = arbiter("identity", "show").stdout.split("\t")[3].strip()
    assert listed == [f"r.chen\tR. Chen\treviewer\t{new_fp}"]


def test_verify_clean_then_tampered(tmp_path):
    path = tmp_path / "v.db"
    assert arbiter("--db", f"sqlite:///{path}", "import", *map(str, SAMPLES)).returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    clean = arbiter("--db", f"sqlite:///{path}", "verify")
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout == f"verified: {len(SAMPLES)} cases, 0 verdicts, {len(SAMPLES)} audit events\n"
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("UPDATE case_revisions SET case_json = case_json || ' ' WHERE id = 1")
    con.commit()
    con.close()
    bad = arbiter("--db", f"sqlite:///{path}", "verify")
    assert bad.returncode == 1
    lines = bad.stdout.splitlines()
    assert lines[0].startswith("problem: ") and ": revision 1: case.json does not match its sha256" in lines[0]
    assert lines[-1].startswith("verified: ")


@pytest.mark.parametrize("args", [["identity"], ["verdicts"], ["reviewers"]])
def test_missing_action_is_a_usage_error(args):
    assert arbiter(*args).returncode == 2
