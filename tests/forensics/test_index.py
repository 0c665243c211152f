"""The near-duplicate index across cases, on SQLite and PostgreSQL, and ``arbiter evidence matches``."""
from __future__ import annotations

import random

import pytest

from arbiter.cli import main
from arbiter.forensics.fingerprint import Fingerprint
from arbiter.store.forensics import _flip_masks, bands, candidates, image_matches, store_fingerprints
from arbiter.store.models import BlobModel
from tests import photos as P
from tests.factories import png_bytes
from tests.forensics.helpers import import_photos


def _three_cases(db, tmp_path):
    img = P.photo(31)
    # distinct E2 screenshots, so only the photos can match
    import_photos(db, tmp_path, "TTS-UK-0001", {"E1": P.jpeg(img), "E2": png_bytes((1, 2, 3))},
                  opened_at="2025-03-01T09:00:00+00:00")
    import_photos(db, tmp_path, "TTS-UK-0002", {"E1": P.jpeg(P.photo(32)), "E2": png_bytes((4, 5, 6)),
                                                 "E4": P.reused(img, 7)},
                  buyer={"id": "B-2", "display_name": "Bob K."}, opened_at="2025-03-03T09:00:00+00:00")
    import_photos(db, tmp_path, "TTS-UK-0003", {"E1": P.jpeg(P.photo(33)), "E2": png_bytes((7, 8, 9))},
                  opened_at="2025-03-02T09:00:00+00:00")


def test_a_reused_photo_is_matched_across_cases_and_unrelated_ones_are_not(any_db, tmp_path):
    _three_cases(any_db, tmp_path)
    lines = [m.line() for m in image_matches(any_db)]
    assert len(lines) == 1
    assert lines[0].startswith("TTS-UK-0001/E1 ~ TTS-UK-0002/E4 distance=")
    assert lines[0].endswith(" first_seen=TTS-UK-0001")
    # restricted: the named case first
    named = [m.line() for m in image_matches(any_db, ["TTS-UK-0002"])]
    assert len(named) == 1 and named[0].startswith("TTS-UK-0002/E4 ~ TTS-UK-0001/E1 distance=")
    assert named[0].endswith("first_seen=TTS-UK-0001")
    assert image_matches(any_db, ["TTS-UK-0003"]) == []


def test_exact_copies_match_at_distance_zero(sqlite_db, tmp_path):
    same = P.jpeg(P.photo(40))
    import_photos(sqlite_db, tmp_path, "C-1", {"E1": same, "E2": png_bytes((1, 1, 1))})
    import_photos(sqlite_db, tmp_path, "C-2", {"E1": same, "E2": png_bytes((2, 2, 2))},
                  opened_at="2025-03-05T09:00:00+00:00")
    assert [m.line() for m in image_matches(sqlite_db)] == ["C-1/E1 ~ C-2/E1 distance=0 first_seen=C-1"]


def test_cli_evidence_matches(sqlite_db, tmp_path, capsys):
    _three_cases(sqlite_db, tmp_path)
    url = str(sqlite_db.engine.url)
    assert main(["--db", url, "evidence", "matches", "TTS-UK-0003"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["--db", url, "evidence", "matches"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("TTS-UK-0001/E1 ~ TTS-UK-0002/E4 distance=")
    assert main(["--db", url, "evidence", "matches", "NOPE-1"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "error: no case NOPE-1 in the database\n"


def test_images_stored_before_the_migration_are_fingerprinted_on_first_use(sqlite_db, tmp_path):
    from sqlalchemy import delete

    from arbiter.store.models import ImageFingerprintModel

    _three_cases(sqlite_db, tmp_path)
    with sqlite_db.session() as session:
        session.execute(delete(ImageFingerprintModel))
    assert len(image_matches(sqlite_db)) == 1


def test_multi_index_lookup_finds_every_hash_within_seven_bits(any_db):
    """Pigeonhole over four 16-bit bands at radius 1: every stored hash within 7 bits is a candidate."""
    from datetime import datetime, timezone

    rnd = random.Random(3)
    stored = [rnd.getrandbits(64) for _ in range(300)]
    with any_db.session() as session:
        for i, value in enumerate(stored):
            session.add(BlobModel(sha256=f"{i:064x}", size=0, data=b"", created_at=datetime.now(timezone.utc)))
        session.flush()
        store_fingerprints(session, {f"{i:064x}": (Fingerprint(0, v, 0),) for i, v in enumerate(stored)})
    with any_db.session(readonly=True) as session:
        for i, value in enumerate(stored[:40]):
            query = value
            for bit in rnd.sample(range(64), rnd.randint(0, 7)):
                query ^= 1 << bit
            hits = {sha: d for sha, _, d in candidates(session, query)}
            assert f"{i:064x}" in hits and hits[f"{i:064x}"] == (query ^ value).bit_count()
            assert all(d <= 12 for d in hits.values())


def test_band_probes():
    assert len(_flip_masks()) == 17
    assert bands(0x0123456789ABCDEF) == (0x0123, 0x4567, 0x89AB, 0xCDEF)


def test_each_band_lookup_reads_only_its_covering_index(sqlite_db):
    with sqlite_db.session(readonly=True) as session:
        for band in ("b0", "b1", "b2", "b3"):
            plan = " ".join(str(row[-1]) for row in session.connection().exec_driver_sql(
                f"EXPLAIN QUERY PLAN SELECT id, b0, b1, b2, b3 FROM image_fingerprints WHERE {band} IN (1, 2, 3)"))
            assert f"USING COVERING INDEX ix_image_fingerprints_{band}" in plan, plan


def test_blank_pictures_get_no_fingerprint_and_do_not_match(sqlite_db, tmp_path):
    from tests.factories import jpeg_bytes

    import_photos(sqlite_db, tmp_path, "C-1", {"E1": jpeg_bytes((200, 10, 10)), "E2": png_bytes((1, 1, 1))})
    import_photos(sqlite_db, tmp_path, "C-2", {"E1": jpeg_bytes((10, 10, 200)), "E2": png_bytes((2, 2, 2))})
    assert image_matches(sqlite_db) == []
