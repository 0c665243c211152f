"""Perceptual fingerprints of evidence images: a 64-bit DCT hash (pHash) in a few lines over Pillow.

Pure functions over bytes (no database, no Qt, no files): the bundle-reading stage calls
:func:`fingerprints_of` and the importer stores the result. Evidence bytes are untrusted: decoding goes through
:mod:`arbiter.media` (Pillow's decompression-bomb limit) and any failure gives no fingerprint, never an error.

The hash (the classic pHash): the picture, orientation from EXIF applied, as 32 x 32 grey levels; its 2-D
DCT-II; the 8 x 8 lowest frequencies; one bit per coefficient, set when it is above their median. Low
frequencies survive resizing and JPEG re-compression, the median makes it blind to brightening and contrast,
grey levels to colour shifts. Cropping moves the content, which low frequencies tolerate only a little, so every
image also gets the hashes of six windows of itself (``VARIANTS``: the centre at 90 % and 80 %, each corner at
88 %); a crop of one picture lands near a window of the other. A 256-bit hash of the 16 x 16 lowest frequencies
confirms a candidate (64 bits alone let unrelated photos through at a few bits). Two images are the same photo
when, comparing the whole of each with every window of the other, the 64-bit distance is at most
``MATCH_DISTANCE`` and the 256-bit one at most ``DETAIL_DISTANCE`` (docs/decisions.md, "forensics", has the
measurements).
"""
from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from operator import mul

from PIL import Image, ImageFilter, ImageOps

HASH_BITS = 64
#: A candidate is the same photo when, on its best-aligned pair of variants, the 64-bit hashes differ in at most
#: MATCH_DISTANCE bits and the 256-bit detail hashes in at most DETAIL_DISTANCE (measured: docs/decisions.md).
MATCH_DISTANCE = 16
DETAIL_DISTANCE = 76
_SIDE = 32                # the grey picture the DCT runs over
_LOW = 16                 # 16 x 16 lowest frequencies -> the 256-bit detail hash; its 8 x 8 corner -> 64 bits

#: (variant, fraction of width and height kept, horizontal anchor, vertical anchor). Variant 0 is the whole
#: picture; the others are windows of it, so a crop of the picture lands near one of them.
VARIANTS: tuple[tuple[int, float, float, float], ...] = (
    (0, 1.0, 0.5, 0.5),
    (1, 0.90, 0.5, 0.5), (2, 0.80, 0.5, 0.5),
    (3, 0.88, 0.0, 0.0), (4, 0.88, 1.0, 0.0), (5, 0.88, 0.0, 1.0), (6, 0.88, 1.0, 1.0),
)

# DCT-II basis: _COS[u][x] = cos(pi * (2x + 1) * u / (2 * SIDE)), for the low frequencies only.
_COS = tuple(tuple(math.cos(math.pi * (2 * x + 1) * u / (2 * _SIDE)) for x in range(_SIDE)) for u in range(_LOW))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    variant: int          # index into VARIANTS
    value: int            # unsigned 64-bit pHash (8 x 8 lowest frequencies)
    detail: int           # unsigned 256-bit hash (16 x 16 lowest frequencies), to confirm a candidate

    @property
    def hex(self) -> str:
        return f"{self.value:016x}"


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def _bits(coeffs: list[float]) -> int:
    ordered = sorted(coeffs[1:])          # the DC term (overall brightness) does not set the median
    median = (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2
    value = 0
    for c in coeffs:
        value = (value << 1) | (1 if c > median else 0)
    return value


def _dct_hashes(grey: Image.Image) -> tuple[int, int]:
    """(64-bit, 256-bit) DCT hashes of a greyscale picture (any size; resized here to 32 x 32)."""
    small = grey.resize((_SIDE, _SIDE), Image.Resampling.BOX if grey.width >= _SIDE and grey.height >= _SIDE
                        else Image.Resampling.BICUBIC)
    px = small.tobytes()
    # rows -> low frequencies along x, then columns -> along y: coefficient [v][u]
    r = [[sum(map(mul, px[i * _SIDE:(i + 1) * _SIDE], cu)) for cu in _COS] for i in range(_SIDE)]
    cols = list(zip(*r))
    co = [[sum(map(mul, cv, cols[u])) for u in range(_LOW)] for cv in _COS]
    low = [co[v][u] for v in range(8) for u in range(8)]
    full = [co[v][u] for v in range(_LOW) for u in range(_LOW)]
    return _bits(low), _bits(full)


def grey_of(img: Image.Image) -> Image.Image:
    """Orientation applied, flattened on white if transparent, in grey levels, lightly smoothed."""
    img = ImageOps.exif_transpose(img)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat.alpha_composite(rgba)
        img = flat
    grey = img.convert("L")
    if grey.width > 4 * _SIDE and grey.height > 4 * _SIDE:
        grey.thumbnail((8 * _SIDE, 8 * _SIDE), Image.Resampling.BOX)
    return grey.filter(ImageFilter.BoxBlur(1)) if grey.width >= 2 * _SIDE else grey


def hashes_of_image(img: Image.Image) -> tuple[Fingerprint, ...]:
    grey = grey_of(img)
    out = []
    w, h = grey.size
    for variant, keep, ax, ay in VARIANTS:
        if keep < 1.0:
            x0, y0 = (1 - keep) * w * ax, (1 - keep) * h * ay
            part = grey.crop((round(x0), round(y0), round(x0 + keep * w), round(y0 + keep * h)))
        else:
            part = grey
        if part.width < 8 or part.height < 8:
            continue
        out.append(Fingerprint(variant, *_dct_hashes(part)))
    return tuple(out)


def open_image(data: bytes) -> Image.Image | None:
    """The image in ``data``, decoded at a reduced scale where the format allows (JPEG draft mode), or None."""
    from arbiter.media import MediaError, _open

    try:
        img = _open(data)
    except MediaError:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if img.format == "JPEG":
                img.draft("L", (8 * _SIDE, 8 * _SIDE))
            img.load()
        return img
    except Exception:  # noqa: BLE001 - untrusted bytes
        return None


def fingerprints(data: bytes) -> tuple[Fingerprint, ...]:
    """The fingerprints of an image's bytes (one per variant), or () when the bytes are not a readable image."""
    img = open_image(data)
    if img is None:
        return ()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return hashes_of_image(img)
    except Exception:  # noqa: BLE001
        return ()
    finally:
        img.close()


@dataclass(frozen=True, slots=True)
class Comparison:
    distance: int         # 64-bit Hamming distance of the best-aligned pair of variants
    detail: int           # 256-bit Hamming distance of the best pair
    same_photo: bool


def compare(a: tuple[Fingerprint, ...], b: tuple[Fingerprint, ...]) -> Comparison | None:
    """Compare two images' fingerprints: the whole of each against every variant of the other (so either may
    be the cropped one). None if either has no whole-picture fingerprint."""
    a0 = next((f for f in a if f.variant == 0), None)
    b0 = next((f for f in b if f.variant == 0), None)
    if a0 is None or b0 is None:
        return None
    pairs = [(a0, f) for f in b] + [(f, b0) for f in a if f.variant != 0]
    distance = min(hamming(x.value, y.value) for x, y in pairs)
    detail = min(hamming(x.detail, y.detail) for x, y in pairs)
    return Comparison(distance, detail, distance <= MATCH_DISTANCE and detail <= DETAIL_DISTANCE)


IMAGE_MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})


def bundle_fingerprints(loaded) -> dict[str, tuple[Fingerprint, ...]]:
    """sha256 -> fingerprints of every image evidence file of a read bundle (``LoadedBundle``): the importer's
    hook, computed while the bundle is read, before any database transaction. Pure over the bundle's bytes."""
    out: dict[str, tuple[Fingerprint, ...]] = {}
    for item in loaded.case.evidence:
        if item.media_type in IMAGE_MEDIA_TYPES and item.sha256 not in out:
            data = loaded.files.get(item.file)
            if data is not None:
                out[item.sha256] = fingerprints(data)
    return out
