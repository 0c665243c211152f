"""`arbiter import` over many bundles: a progress bar and a summary for a person at a terminal; exactly the
contract's lines for a script (cli.md: one line per case, `refused: BUNDLE: reason` on stderr)."""
from __future__ import annotations

import io
import os
import select
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from arbiter import cli, cli_progress
from tests.factories import case_dict, write_bundle

ROOT = Path(__file__).resolve().parents[2]


def _bundles(tmp_path: Path, n: int = 3, bad: bool = True) -> list[str]:
    paths = [str(write_bundle(tmp_path / "in" / f"b{i}.arbcase", case_dict(case_id=f"TTS-UK-PROG-{i}")))
             for i in range(n)]
    if bad:
        data = case_dict(case_id="TTS-UK-PROG-BAD")
        data["order"]["total_paid"] = 1.5
        paths.append(str(write_bundle(tmp_path / "in" / "bad.arbcase", data)))
    return paths


def test_a_script_gets_exactly_the_contract_lines(tmp_path):
    paths = _bundles(tmp_path)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    proc = subprocess.run([sys.executable, "-m", "arbiter", "--db", url, "import", *paths], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"imported: TTS-UK-PROG-{i} revision 1 (3 evidence items) from {paths[i]}" for i in range(3)]
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"refused: {paths[3]}: ") and "order.total_paid" in line


def test_a_long_import_in_a_log_prints_plain_progress_and_the_summary(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_progress, "PLAIN_PROGRESS_EVERY", 0.0)
    paths = _bundles(tmp_path)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(["--db", url, "import", *paths])
    assert code == cli.EXIT_FAILED
    assert len(out.getvalue().splitlines()) == 3
    lines = err.getvalue().splitlines()
    assert any(line.startswith("progress: 2/4 bundles") for line in lines), lines
    assert lines[-1] == "summary: 3 imported, 0 unchanged, 0 new revisions, 1 refused"
    assert sum(line.startswith("refused: ") for line in lines) == 1

    with redirect_stdout(io.StringIO()), redirect_stderr(err := io.StringIO()):
        cli.main(["--db", url, "import", *paths[:2]])
    assert err.getvalue().splitlines()[-1] == "summary: 0 imported, 2 unchanged, 0 new revisions, 0 refused"


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("sized", [True, False], ids=["100x30", "no-size"])
def test_on_a_terminal_a_progress_bar_and_the_summary(tmp_path, sized):
    paths = _bundles(tmp_path, n=5, bad=False)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    main, child = os.openpty()
    if sized:
        import fcntl
        import struct
        import termios

        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = dict(os.environ, TERM="xterm")
    env.pop("COLUMNS", None)
    proc = subprocess.Popen([sys.executable, "-m", "arbiter", "--db", url, "import", *paths], stdin=child,
                            stdout=child, stderr=child, cwd=ROOT, env=env, close_fds=True)
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=60) == 0
    os.close(main)
    screen = b"".join(chunks).decode("utf-8", "replace")
    for i in range(5):
        assert f"imported: TTS-UK-PROG-{i} revision 1 (3 evidence items) from {paths[i]}" in screen
    assert "importing" in screen and "/5" in screen  # the bar: "importing: 40%|████      | 2/5 ..."
    assert "summary: 5 imported, 0 unchanged, 0 new revisions, 0 refused" in screen
