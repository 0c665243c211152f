"""``arbiter demo build DIR``: deterministic, big enough, and its packages import into a fresh supervisor database."""
from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from arbiter.bundle import read_bundle
from arbiter.cli import main
from arbiter.packages import import_packages
from arbiter.signing import KeyCard
from arbiter.store import Repository, import_bundle, open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    assert main(["demo", "build", str(out)]) == 0
    return out


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_command_same_bytes(demo, tmp_path):
    again = tmp_path / "again"
    assert main(["demo", "build", str(again)]) == 0
    assert _digests(again) == _digests(demo)


def test_sizes_and_mix(demo):
    cases = sorted((demo / "cases").glob("*.arbcase"))
    keys = sorted((demo / "keys").glob("*.arbkey"))
    verdicts = sorted((demo / "verdicts").glob("*.arbverdict"))
    assert len(cases) >= 200 and len(keys) >= 4 and len(verdicts) >= len(cases) // 2
    platforms = Counter(p.name.split("-")[0] for p in cases)
    assert set(platforms) == {"TTS", "DY"}
    assert len({p.name.split("-")[1] for p in cases}) >= 4   # regions
    assert all(KeyCard.from_bytes(k.read_bytes().strip()).role == "reviewer" for k in keys)
    names = [p.name for p in verdicts]
    assert any(".v2." in n for n in names)                        # amendments
    assert any(n.count(".") > 2 for n in names)                   # a second reviewer's disagreeing verdict


@pytest.mark.slow
def test_packages_import_into_a_fresh_supervisor_database(demo, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'sup.db'}")
    try:
        repo = Repository(db)
        for path in sorted((demo / "cases").glob("*.arbcase")):
            import_bundle(db, read_bundle(path), actor="boss")
        for path in sorted((demo / "keys").glob("*.arbkey")):
            repo.register_key_card(KeyCard.from_bytes(path.read_bytes().strip()), "boss")
        verdicts = sorted(str(p) for p in (demo / "verdicts").glob("*.arbverdict"))
        outcomes = Counter(o.status for o in import_packages(db, verdicts, actor="boss"))
        assert outcomes["accepted"] + outcomes["conflict"] == len(verdicts), outcomes
        assert outcomes["conflict"] >= 1
        flagged = sum(1 for v in (repo.current_verdict(pk) for pk in range(1, 30)) if v and v.flagged_for_supervisor)
        assert flagged >= 0
        report = repo.verify()
        assert report.ok, report.findings[:3]
        assert report.verdicts == len(verdicts)
    finally:
        db.close()
