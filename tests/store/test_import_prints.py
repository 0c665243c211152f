"""Perceptual hashing at import (issue 14): images are hashed where bundles are read (a worker), each content
hash once: an image whose blob already has stored fingerprints is not decoded again, in this import or a later
one; the writer stores fingerprints and party rows in bulk."""
from __future__ import annotations

import pytest
from sqlalchemy import text

import arbiter.store.importer as importer
from arbiter.bundle import read_bundle
from arbiter.importing import import_bundles, read_and_prepare
from arbiter.store import open_database
from arbiter.store.importer import prepare
from tests import photos as P
from tests.forensics.helpers import bundle_with_photos


@pytest.fixture
def counted(monkeypatch):
    """Every image decoded for fingerprints, by its first bytes; the per-process cache emptied."""
    monkeypatch.setattr(importer, "_PRINTS_CACHE", {})
    seen: list[bytes] = []
    real = importer.fingerprints
    monkeypatch.setattr(importer, "fingerprints", lambda data: seen.append(data) or real(data))
    return seen


def test_an_image_already_fingerprinted_is_not_decoded_again(tmp_path, counted):
    db = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    photo_a, photo_b = P.jpeg(P.photo(31)), P.jpeg(P.photo(32))
    first = bundle_with_photos(tmp_path, "TTS-UK-PRINTS-1", {"E1": photo_a})
    second = bundle_with_photos(tmp_path, "TTS-UK-PRINTS-2", {"E1": photo_a, "E4": photo_b})
    assert import_bundles(db, [first], workers=1).imported == 1
    assert photo_a in counted
    counted.clear()
    importer._PRINTS_CACHE.clear()                 # a new process: only the database remembers
    assert import_bundles(db, [second], workers=1).imported == 1
    # photo_a's blob has its fingerprints: not decoded (the factory's blank PNG has none to store, so it is)
    assert photo_a not in counted and photo_b in counted
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT sha256, COUNT(*) FROM image_fingerprints GROUP BY sha256")).all()
    assert len(rows) == 2 and all(n == 2 for _, n in rows)   # whole + core of each photo, once
    db.close()


def test_a_prepared_bundle_from_a_worker_leaves_its_case_behind_but_stores_the_same(tmp_path, monkeypatch):
    """In a worker the parsed case is dropped before the prepared bundle is sent back (pickling it cost more
    than storing the bundle); the party row and the fingerprints travel as plain values."""
    import arbiter.importing as importing

    path = bundle_with_photos(tmp_path, "TTS-UK-PRINTS-3", {"E1": P.jpeg(P.photo(33))},
                              buyer={"phone": "+44 7700 900123"})
    monkeypatch.setattr(importing, "_IN_WORKER", True)
    read = read_and_prepare(str(path))
    assert read.prepared is not None and read.prepared.case is None
    here = prepare(read_bundle(path))
    assert read.prepared.parties == here.parties and read.prepared.parties["buyer_phone_key"] == "7700900123"
    assert read.prepared.prints == here.prints and sum(1 for v in here.prints.values() if v) == 1
    assert read.prepared.parsed_case() == here.case


def test_bulk_import_of_many_bundles_stores_party_rows_and_prints_once(tmp_path, counted):
    """The batch path (many bundles, one transaction): a party row per case, each distinct image hashed and
    stored once though every bundle carries it."""
    db = open_database(f"sqlite:///{tmp_path / 'b.db'}")
    shared = P.jpeg(P.photo(34))
    paths = [bundle_with_photos(tmp_path, f"TTS-UK-PRINTS-B{i}", {"E1": shared},
                                buyer={"id": f"B-{i}", "display_name": f"Buyer {i}"}) for i in range(5)]
    summary = import_bundles(db, paths, workers=1)
    assert summary.imported == 5
    assert counted.count(shared) == 1
    with db.engine.connect() as conn:
        parties = conn.execute(text("SELECT c.case_id, p.buyer_id, p.buyer_name, p.revision FROM case_parties p "
                                    "JOIN cases c ON c.id = p.case_pk ORDER BY c.case_id")).all()
        prints = conn.execute(text("SELECT COUNT(*) FROM image_fingerprints")).scalar()
    assert [tuple(r) for r in parties] == [(f"TTS-UK-PRINTS-B{i}", f"B-{i}", f"Buyer {i}", 1) for i in range(5)]
    # the shared photo (two variants) and the factory's other image items, if any are photos of their own
    assert prints >= 2
    db.close()
