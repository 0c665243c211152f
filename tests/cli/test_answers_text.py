"""`arbiter decide` with an answers file holding a lone surrogate or a NUL: one line, exit 1, no notice."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import answers_dict, write_bundle

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("escape, what", [("\\ud800", "lone surrogate (\\ud800)"),
                                          ("\\udfff", "lone surrogate (\\udfff)"),
                                          ("\\u0000", "NUL character (\\u0000)")])
@pytest.mark.parametrize("field", ["rationale", "reviewer"])
def test_answers_with_text_that_is_not_text(tmp_path, escape, what, field):
    bundle = write_bundle(tmp_path / "c.arbcase")
    answers = answers_dict()
    answers[field] = f"{answers[field]} PLACEHOLDER"
    (tmp_path / "a.json").write_text(json.dumps(answers).replace("PLACEHOLDER", escape), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "ARBITER_DB"}
    proc = subprocess.run([sys.executable, "-m", "arbiter", "decide", str(bundle), "--answers",
                           str(tmp_path / "a.json"), "--notice", str(tmp_path / "n.pdf")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == f"error: answers file {tmp_path / 'a.json'}: {field}: contains a {what}" + (
        ", which is not text\n" if "surrogate" in what else "\n")
    assert proc.stdout == ""
    assert not list(tmp_path.glob("n*.pdf"))


def test_surrogate_pairs_in_answers_are_fine(tmp_path):
    bundle = write_bundle(tmp_path / "c.arbcase")
    answers = answers_dict(rationale="E1 shows the crack \\ud83d\\ude00")
    raw = json.dumps(answers).replace("\\\\ud83d\\\\ude00", "\\ud83d\\ude00")
    (tmp_path / "a.json").write_text(raw, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "arbiter", "decide", str(bundle), "--answers",
                           str(tmp_path / "a.json"), "--json"], capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "ARBITER_DB"}, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["rationale"].endswith("😀")
