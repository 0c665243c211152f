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



def _reference_dct_hashes(grey):
    """The first version's transform (migration 0005; stored since): a float64 DCT-II over Python lists."""
    import math
    from operator import mul

    from PIL import Image

    from arbiter.forensics.fingerprint import _bits

    side, low_n = 32, 16
    cos = [[math.cos(math.pi * (2 * x + 1) * u / (2 * side)) for x in range(side)] for u in range(low_n)]
    small = grey.resize((side, side), Image.Resampling.BOX if grey.width >= side and grey.height >= side
                        else Image.Resampling.BICUBIC)
    px = small.tobytes()
    r = [[sum(map(mul, px[i * side:(i + 1) * side], cu)) for cu in cos] for i in range(side)]
    cols = list(zip(*r))
    co = [[sum(map(mul, cv, cols[u])) for u in range(low_n)] for cv in cos]
    return (_bits([co[v][u] for v in range(8) for u in range(8)]),
            _bits([co[v][u] for v in range(low_n) for u in range(low_n)]))


def test_the_transform_gives_the_bits_stored_since_the_first_version():
    """Stored fingerprints are an index that new photos' windows are looked up in: a faster transform must give
    the same bits, else the rows need a version marker and a recompute (docs/storage.md, "Image
    fingerprints"). Whole pictures, cores and windows of 12 photos, JPEG and PNG, small and large."""
    from arbiter.forensics.fingerprint import _dct_hashes, _window, grey_of, open_image

    checked = 0
    for seed in range(12):
        img = P.photo(700 + seed, (640, 480) if seed % 3 else (1600, 1200))
        data = P.png(img) if seed % 4 == 0 else P.jpeg(img, 70 + seed)
        grey = grey_of(open_image(data))
        for box in ((1.0, 0.5, 1.0, 0.5), (0.84, 0.5, 0.84, 0.5), (0.92, 0.0, 0.92, 1.0), (0.7, 0.5, 0.7, 0.5)):
            part = _window(grey, *box)
            assert _dct_hashes(part) == _reference_dct_hashes(part), (seed, box)
            checked += 1
    assert checked == 48


def _fixed_picture():
    """A picture with no randomness left to the C library (tests.photos adds Pillow's unseeded noise)."""
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(5)
    img = Image.new("RGB", (400, 300), (200, 180, 150))
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x0, y0 = rnd.uniform(-40, 380), rnd.uniform(-30, 280)
        draw.ellipse((x0, y0, x0 + rnd.uniform(20, 200), y0 + rnd.uniform(20, 150)),
                     fill=tuple(rnd.randint(0, 255) for _ in range(3)))
    return img.filter(ImageFilter.GaussianBlur(1.5))


def test_fingerprints_of_a_fixed_png_are_pinned():
    """End to end (decode, grey, windows, transform) on a lossless picture: the values the first version gave."""
    prints = fingerprints(P.png(_fixed_picture()))
    assert [(f.variant, f.hex) for f in prints] == PINNED_PNG


def test_a_photo_s_stored_pair_and_windows_come_from_one_grey_picture(monkeypatch):
    """photo() decodes and greys the picture once for both its stored pair and its 27 windows."""
    import arbiter.forensics.fingerprint as fp

    calls = []
    real = fp.grey_of
    monkeypatch.setattr(fp, "grey_of", lambda img: calls.append(1) or real(img))
    data = P.jpeg(P.photo(5))
    result = photo(data)
    assert result is not None and len(result.windows) == 27 and len(calls) == 1
    assert result.stored == fingerprints(data)


#: what the first version (migration 0005) computed for _fixed_picture() as PNG
PINNED_PNG = [(0, "d5e67444a26cabae"), (1, "8cf35da2347fe304")]
