"""The forensics samples: the reused photo is matched across the two buyers' cases and nowhere else among
them, and every EXIF flag is right (resources/samples, scripts/samples_forensics.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from arbiter.bundle import read_bundle
from arbiter.cli import main
from arbiter.store import import_bundle

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
DENTED, REUSED = "TTS-UK-250303-0012", "TTS-UK-250312-0044"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from arbiter.store import open_database

    url = f"sqlite:///{tmp_path_factory.mktemp('samples') / 'samples.db'}"
    db = open_database(url)
    for path in sorted(SAMPLES.glob("*.arbcase")):
        import_bundle(db, read_bundle(path), actor="test")
    db.close()
    return url


def _run(capsys, *argv):
    assert main(list(argv)) == 0
    return capsys.readouterr().out.splitlines()


def test_the_reused_photo_is_matched_and_first_seen_in_the_honest_case(sample_db, capsys):
    lines = _run(capsys, "--db", sample_db, "evidence", "matches", DENTED, REUSED)
    assert len(lines) == 1
    assert lines[0].startswith(f"{DENTED}/E1 ~ {REUSED}/E1 distance=")
    assert lines[0].endswith(f" first_seen={DENTED}")


def test_the_reused_case_has_every_flag_and_the_honest_one_only_the_match(sample_db, capsys):
    reused = _run(capsys, "--db", sample_db, "evidence", "flags", REUSED)
    assert [line.split("\t")[:2] for line in reused] == [
        ["E1", "taken_before_delivery"], ["E1", "edited_with_software"], ["E1", "exif_thumbnail_differs"],
        ["E1", "seen_in_other_case"]]
    assert reused[0] == ("E1\ttaken_before_delivery\ttaken 2025-03-09T18:20+00:00 (read in Europe/London), "
                         "delivered 2025-03-10T14:20+00:00")
    assert reused[1] == "E1\tedited_with_software\tSoftware: Adobe Photoshop 25.4 (Macintosh)"
    assert reused[3].startswith(f"E1\tseen_in_other_case\tseen in case {DENTED} as E1 (distance ")
    assert reused[3].endswith(f"); {DENTED} came first")
    dented = _run(capsys, "--db", sample_db, "evidence", "flags", DENTED)
    assert [line.split("\t")[:2] for line in dented] == [["E1", "seen_in_other_case"]]
    assert dented[0].endswith("this case came first")


def test_party_history_shows_the_shared_phone_both_ways(sample_db, capsys):
    reused = _run(capsys, "--db", sample_db, "evidence", "parties", REUSED)
    assert reused[1] == f"seller TTS-SLR-61870 (Lumen & Co): 1 earlier case(s): open 1 ({DENTED})"
    assert reused[2] == f"buyer phone +44 7700 900761 also used by Daniel Hughes (TTB-4410923) in {DENTED}"


def test_over_all_samples_only_the_deliberately_reused_photo_matches(sample_db, capsys):
    """Match noise (issue 13): every sample photo is shot on its own (arbiter.restage) and every app screenshot
    shows its own product pictures, so drawn-template look-alikes are gone; the reused parcel photo stays."""
    lines = _run(capsys, "--db", sample_db, "evidence", "matches")
    assert [line.split(" distance=")[0] for line in lines] == [f"{DENTED}/E1 ~ {REUSED}/E1"]
