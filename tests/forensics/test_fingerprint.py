"""The perceptual fingerprint: a photo survives resizing, cropping, brightening, colour shifts and
re-compression; unrelated photo-like pictures are not taken for one another."""
from __future__ import annotations

import itertools

import pytest

from arbiter.forensics.fingerprint import compare, fingerprints, photo, windows
from tests import photos as P

EDITS = {
    "half size": lambda im: P.jpeg(P.resized(im, 0.5)),
    "double size": lambda im: P.jpeg(P.resized(im, 2.0)),
    "JPEG quality 35": lambda im: P.jpeg(im, 35),
    "PNG": lambda im: P.png(im),
    "brightened 25 %": lambda im: P.jpeg(P.brightened(im, 1.25)),
    "darkened 25 %": lambda im: P.jpeg(P.brightened(im, 0.75)),
    "colour shift": lambda im: P.jpeg(P.colour_shifted(im)),
    "crop 6 % all sides": lambda im: P.jpeg(P.cropped(im, 0.06, 0.06, 0.06, 0.06)),
    "crop 10 % all sides": lambda im: P.jpeg(P.cropped(im, 0.10, 0.10, 0.10, 0.10)),
    "crop 15 % all sides": lambda im: P.jpeg(P.cropped(im, 0.15, 0.15, 0.15, 0.15)),
    "crop 12 % left": lambda im: P.jpeg(P.cropped(im, 0.12, 0, 0, 0)),
    "brightened 50 %": lambda im: P.jpeg(P.brightened(im, 1.5)),
    "crop 8 % left": lambda im: P.jpeg(P.cropped(im, 0.08, 0, 0, 0)),
    "crop 7 % top-left corner": lambda im: P.jpeg(P.cropped(im, 0.07, 0.07, 0, 0)),
    "crop 5/2/0/6 %": lambda im: P.jpeg(P.cropped(im, 0.05, 0.02, 0, 0.06)),
    "all at once": lambda im: P.jpeg(P.brightened(P.cropped(P.resized(im, 0.6), 0.04, 0.03, 0.05, 0.02), 1.2),
                                     quality=60),
}


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("seed", [1, 2])
def test_an_edited_photo_is_the_same_photo(seed, edit):
    img = P.photo(seed)
    original = photo(P.jpeg(img, 92))
    edited = photo(EDITS[edit](img))
    result = compare(original, edited)
    assert result.same_photo, (edit, result)
    assert compare(edited, original) == result   # symmetric: either may be the cropped one


@pytest.mark.parametrize("seed", range(10, 18))
def test_reused_photos_as_a_second_buyer_sends_them_match(seed):
    img = P.photo(seed)
    assert compare(photo(P.jpeg(img)), photo(P.reused(img, seed))).same_photo


def test_unrelated_photos_do_not_match():
    photos = [photo(P.jpeg(P.photo(500 + i))) for i in range(30)]
    same = [(i, j, compare(a, b)) for (i, a), (j, b) in itertools.combinations(enumerate(photos), 2)
            if compare(a, b).same_photo]
    assert same == []


def test_fingerprints_of_bad_bytes_are_empty():
    assert fingerprints(b"not an image") == ()
    assert windows(b"\xff\xd8\xff\xe0 truncated") == ()
    assert photo(b"") is None


def test_fingerprints_are_stable_and_two_variants():
    data = P.jpeg(P.photo(4))
    first = fingerprints(data)
    assert first == fingerprints(data)
    assert [f.variant for f in first] == [0, 1]
    assert len(windows(data)) == 27 and windows(data)[0].value == first[0].value
