"""Perceptual fingerprints of evidence images: a 64-bit DCT hash (pHash) in a few lines over Pillow.

Pure functions over bytes (no database, no Qt, no files): the bundle-reading stage calls
:func:`fingerprints_of` and the importer stores the result. Evidence bytes are untrusted: decoding goes through
:mod:`arbiter.media` (Pillow's decompression-bomb limit) and any failure gives no fingerprint, never an error.

The hash (the classic pHash): the picture, orientation from EXIF applied, as 32 x 32 grey levels; its 2-D
DCT-II; the 8 x 8 lowest frequencies; one bit per coefficient, set when it is above their median. Low
frequencies survive resizing and JPEG re-compression, the median makes it blind to brightening and contrast,
grey levels to colour shifts. Cropping moves the content, which low frequencies tolerate only a little. So two kinds of hashes:
- stored and indexed, computed at import: the whole picture (variant 0) and its core, the centre 84 % (variant
  1);
- computed when a photo is looked up, from its bytes: 27 windows (``WINDOW_AXIS`` across x ``WINDOW_AXIS``
  down: the whole width, 92 % at the left, centre or right, 84 % centred; the same down; and the centre at
  78 % and 70 %, ``EXTRA_WINDOWS``).
If B is A lightly cropped (up to about 8 % off any side, or up to about 15 % all round), B's whole picture is a window of A and A's core is a
window of B; so comparing every window of one with the stored pair of the other finds the alignment, whichever
of the two was cropped. A 256-bit hash of the 16 x 16 lowest frequencies confirms a candidate (64 bits alone
let unrelated photos through at 6-10 bits). Two images are the same photo when their best-aligned pair is
within ``MATCH_DISTANCE`` bits (64-bit) and ``DETAIL_DISTANCE`` bits (256-bit); docs/decisions.md
("Evidence forensics") has the measurements.
"""
from __future__ import annotations

import io
import math
import struct
import warnings
from dataclasses import dataclass

from PIL import Image, ImageFilter, ImageMath, ImageOps, ImageStat

HASH_BITS = 64
#: The same photo: on the best-aligned pair, at most this many of the 64 bits differ ...
MATCH_DISTANCE = 12
#: ... and at most this many of the 256 detail bits (measured: docs/decisions.md, "Evidence forensics").
DETAIL_DISTANCE = 60
_SIDE = 32                # the grey picture the DCT runs over
_LOW = 16                 # 16 x 16 lowest frequencies -> the 256-bit detail hash; its 8 x 8 corner -> 64 bits

WHOLE, CORE = 0, 1
#: Stored variants: (variant, fraction of width and height kept, centred).
VARIANTS: tuple[tuple[int, float], ...] = ((WHOLE, 1.0), (CORE, 0.84))
#: Windows of a looked-up photo, per axis: (fraction kept, anchor 0 = left/top, 1 = right/bottom).
WINDOW_AXIS: tuple[tuple[float, float], ...] = ((1.0, 0.5), (0.92, 0.0), (0.92, 1.0), (0.92, 0.5), (0.84, 0.5))
#: ... and two deeper centred crops (a border cut off all round): (kept across, anchor, kept down, anchor).
EXTRA_WINDOWS: tuple[tuple[float, float, float, float], ...] = ((0.78, 0.5, 0.78, 0.5), (0.70, 0.5, 0.70, 0.5))

# DCT-II basis: _COS[u][x] = cos(pi * (2x + 1) * u / (2 * SIDE)), for the low frequencies only.
_COS = tuple(tuple(math.cos(math.pi * (2 * x + 1) * u / (2 * _SIDE)) for x in range(_SIDE)) for u in range(_LOW))
#: The same basis as a 32-bit float picture, ``_LOW`` blocks of ``_SIDE`` side by side, on every row:
#: ``_BASIS[y, u * SIDE + x] = _COS[u][x]``. The transform runs in Pillow (C), not in Python (see _dct_hashes).
_BASIS = Image.frombytes("F", (_SIDE * _LOW, _SIDE),
                         struct.pack(f"{_SIDE * _LOW}f", *(c for row in _COS for c in row)) * _SIDE)


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


def _times(a: Image.Image, b: Image.Image) -> Image.Image:
    return ImageMath.lambda_eval(lambda im: im["a"] * im["b"], a=a, b=b)


def _row_transform(pixels: bytes, rows: int) -> Image.Image:
    """``rows`` rows of ``_SIDE`` 32-bit floats (``pixels``) -> their ``_LOW`` lowest DCT-II frequencies, one
    row of ``_LOW`` floats (scaled by 1 / _SIDE) per input row: each row repeated ``_LOW`` times side by side,
    times the basis, and every run of ``_SIDE`` products averaged by a BOX resize. Pillow does the arithmetic
    in C: five times faster than sums over Python lists (the hash is the same but for a coefficient within
    float32 rounding of the median, which moves one bit at most)."""
    width = 4 * _SIDE
    tiled = Image.frombytes("F", (_SIDE * _LOW, rows),
                            b"".join(pixels[i * width:(i + 1) * width] * _LOW for i in range(rows)))
    basis = _BASIS if rows == _SIDE else _BASIS.crop((0, 0, _SIDE * _LOW, rows))
    return _times(tiled, basis).resize((_LOW, rows), Image.Resampling.BOX)


def _dct_hashes(grey: Image.Image) -> tuple[int, int]:
    """(64-bit, 256-bit) DCT hashes of a greyscale picture (any size; resized here to 32 x 32)."""
    small = grey.resize((_SIDE, _SIDE), Image.Resampling.BOX if grey.width >= _SIDE and grey.height >= _SIDE
                        else Image.Resampling.BICUBIC)
    # rows -> low frequencies along x; transposed, the same again -> along y: co[u * LOW + v] = coefficient [v][u]
    across = _row_transform(small.convert("F").tobytes(), _SIDE).transpose(Image.Transpose.TRANSPOSE)
    co = struct.unpack(f"{_LOW * _LOW}f", _row_transform(across.tobytes(), _LOW).tobytes())
    low = [co[u * _LOW + v] for v in range(8) for u in range(8)]
    full = [co[u * _LOW + v] for v in range(_LOW) for u in range(_LOW)]
    return _bits(low), _bits(full)


_ORIENTATION = 0x0112


def grey_of(img: Image.Image) -> Image.Image:
    """Orientation applied, flattened on white if transparent, in grey levels, lightly smoothed."""
    if img.getexif().get(_ORIENTATION, 1) not in (1, None):   # upright (most pictures): no copy of the pixels
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


def _window(grey: Image.Image, kx: float, ax: float, ky: float, ay: float) -> Image.Image:
    w, h = grey.size
    x0, y0 = (1 - kx) * w * ax, (1 - ky) * h * ay
    return grey.crop((round(x0), round(y0), round(x0 + kx * w), round(y0 + ky * h)))


#: Below this standard deviation of grey levels a picture is blank (one colour): its hash is noise, so it
#: gets none (exact copies still match by sha256).
MIN_CONTRAST = 3.0


def _hashable(grey: Image.Image) -> bool:
    return grey.width >= 8 and grey.height >= 8 and ImageStat.Stat(grey).stddev[0] >= MIN_CONTRAST


def _stored_of_grey(grey: Image.Image) -> tuple[Fingerprint, ...]:
    if not _hashable(grey):
        return ()
    return tuple(Fingerprint(variant, *_dct_hashes(_window(grey, keep, 0.5, keep, 0.5))) for variant, keep in VARIANTS)


def _windows_of_grey(grey: Image.Image) -> tuple[Fingerprint, ...]:
    if not _hashable(grey):
        return ()
    boxes = [(kx, ax, ky, ay) for kx, ax in WINDOW_AXIS for ky, ay in WINDOW_AXIS] + list(EXTRA_WINDOWS)
    return tuple(Fingerprint(i, *_dct_hashes(_window(grey, *box))) for i, box in enumerate(boxes))


def hashes_of_image(img: Image.Image) -> tuple[Fingerprint, ...]:
    """The stored variants (whole, core) of a decoded image; () for a blank picture."""
    return _stored_of_grey(grey_of(img))


def windows_of_image(img: Image.Image) -> tuple[Fingerprint, ...]:
    """The 27 lookup windows of a decoded image (variant = index; 0 is the whole picture)."""
    return _windows_of_grey(grey_of(img))


def open_image(data: bytes) -> Image.Image | None:
    """The image in ``data``, decoded at a reduced scale where the format allows (JPEG draft mode), or None."""
    from arbiter.media import MediaError, _open

    try:
        img = _open(data)
    except MediaError:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's other warnings must not reach stderr
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if img.format == "JPEG":
                img.draft("L", (8 * _SIDE, 8 * _SIDE))
            img.load()
        return img
    except Exception:  # noqa: BLE001 - untrusted bytes
        return None


def _over_bytes(data: bytes, what) -> tuple[Fingerprint, ...]:
    img = open_image(data)
    if img is None:
        return ()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's other warnings must not reach stderr
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return what(img)
    except Exception:  # noqa: BLE001 - untrusted bytes
        return ()
    finally:
        img.close()


def fingerprints(data: bytes) -> tuple[Fingerprint, ...]:
    """The stored fingerprints (whole picture, core) of an image's bytes; () if they are not a readable image."""
    return _over_bytes(data, hashes_of_image)


def windows(data: bytes) -> tuple[Fingerprint, ...]:
    """The 27 lookup windows of an image's bytes; () if they are not a readable image."""
    return _over_bytes(data, windows_of_image)


@dataclass(frozen=True, slots=True)
class Photo:
    """What a comparison needs of one image: its stored fingerprints and its windows."""
    stored: tuple[Fingerprint, ...]
    windows: tuple[Fingerprint, ...]


def photo(data: bytes, *, trim_dark_borders: bool = False) -> Photo | None:
    """Stored fingerprints and windows of an image's bytes (None if unreadable). ``trim_dark_borders``: cut
    black bars first (a camera's 4:3 preview of a 16:9 photo is letterboxed)."""
    img = open_image(data)
    if img is None:
        return None
    try:
        if trim_dark_borders:
            img.load()
            box = img.convert("L").point(lambda v: 255 if v > 24 else 0).getbbox()
            if box and (box[2] - box[0]) >= 8 and (box[3] - box[1]) >= 8:
                img = img.crop(box)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's other warnings must not reach stderr
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            grey = grey_of(img)       # once for both
            stored, wins = _stored_of_grey(grey), _windows_of_grey(grey)
    except Exception:  # noqa: BLE001
        return None
    finally:
        img.close()
    return Photo(stored, wins) if stored and wins else None


@dataclass(frozen=True, slots=True)
class Comparison:
    distance: int         # 64-bit Hamming distance of the best-aligned pair of variants
    detail: int           # 256-bit Hamming distance of the best pair
    same_photo: bool


def compare(a: Photo, b: Photo) -> Comparison:
    """Every window of each against the stored pair (whole, core) of the other: the best-aligned pair's
    distances, and whether that makes them the same photo. Symmetric."""
    pairs = [(x, y) for x in a.windows for y in b.stored] + [(x, y) for x in a.stored for y in b.windows]
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
