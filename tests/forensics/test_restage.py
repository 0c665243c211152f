"""Generated evidence photos are distinct photos (issue 13, match noise): ``arbiter.restage`` shoots a drawn
subject again; deterministic across processes; the demonstration set's variants are not near-duplicates of each
other, while the samples' deliberate reuse stays a match within each variant."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from itertools import combinations
from pathlib import Path

import pytest
from PIL import Image

from arbiter.demo import REUSED, _samples, _variant_files
from arbiter.forensics.fingerprint import compare, photo
from arbiter.restage import restage, restage_evidence, seed_of
from tests import photos as P

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def _jpeg(img) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=85)
    return buf.getvalue()


def test_restaging_is_deterministic_across_processes():
    code = ("import hashlib, sys; sys.path.insert(0, '.'); from tests import photos as P; "
            "from arbiter.restage import restage_evidence; "
            "print(hashlib.sha256(restage_evidence(P.jpeg(P.photo(5)), 77, turn=3, base=9)).hexdigest())")
    runs = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout for _ in range(2)}
    assert len(runs) == 1


def test_two_shots_of_one_drawn_subject_are_different_photos():
    subject = P.photo(21, (800, 600))
    shots = [photo(_jpeg(restage(subject, seed_of("t", i)))) for i in range(6)]
    for a, b in combinations(shots, 2):
        assert not compare(a, b).same_photo


def test_a_restaged_photo_reused_is_still_matched():
    """Restaging makes unrelated pictures distinct; it does not loosen the match of a real reuse."""
    shot = restage(P.photo(22, (800, 600)), 5)
    assert compare(photo(_jpeg(shot)), photo(P.reused(shot, 3))).same_photo


@pytest.fixture(scope="module")
def demo_variants():
    samples = _samples()
    return samples, {k: _variant_files(samples, k) for k in (0, 7, 13)}


def _photos(files: dict[str, bytes]) -> dict[str, object]:
    return {name: photo(data) for name, data in files.items() if name.endswith((".jpg", ".png"))}


def test_demo_variants_of_one_picture_are_not_near_duplicates(demo_variants):
    samples, variants = demo_variants
    names = ["tts-uk-mug-crack", "dy-cn-kettle-appeal", "tts-my-cable-wrong-item", "tts-us-earbuds-appeal"]
    for name in names:
        shots = {k: _photos(files[name]) for k, files in variants.items()}
        for member in shots[0]:
            for a, b in combinations(shots, 2):
                if shots[a][member] is not None and shots[b][member] is not None:
                    assert not compare(shots[a][member], shots[b][member]).same_photo, (name, member, a, b)


def test_demo_keeps_the_deliberate_reuse_within_each_variant_only(demo_variants):
    _, variants = demo_variants
    ((copy_name, copy_member), (source, source_member)), = REUSED.items()
    for k, files in variants.items():
        original = photo(files[source][source_member])
        assert compare(original, photo(files[copy_name][copy_member])).same_photo, k
    assert not compare(photo(variants[0][source][source_member]),
                       photo(variants[7][copy_name][copy_member])).same_photo
    # the copy keeps the sample copy's metadata (the EXIF flags of the reused case)
    with zipfile.ZipFile(SAMPLES / f"{copy_name}.arbcase") as zf:
        old = Image.open(io.BytesIO(zf.read(copy_member))).info.get("exif")
    assert Image.open(io.BytesIO(variants[7][copy_name][copy_member])).info.get("exif") == old


def test_screenshots_and_unknown_bytes(demo_variants):
    assert restage_evidence(b"%PDF-1.4 not an image", 1) is None
    png = io.BytesIO()
    Image.new("RGB", (540, 960), (246, 246, 248)).save(png, "PNG")
    out = restage_evidence(png.getvalue(), 1, turn=2)
    assert out.startswith(b"\x89PNG") and max(Image.open(io.BytesIO(out)).size) <= 400
