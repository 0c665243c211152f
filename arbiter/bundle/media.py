"""What a file really is, from its bytes (never its name), and the image decompression-bomb check."""
from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from arbiter.bundle import limits
from arbiter.bundle.errors import BundleError

#: Media types a bundle may declare, and the Pillow format that must open each image type.
IMAGE_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/gif": "GIF",
}
SUPPORTED_MEDIA_TYPES = (
    "image/jpeg", "image/png", "image/webp", "image/gif",
    "application/pdf",
    "video/mp4", "video/quicktime", "video/webm",
)

# ISO base media file format (ftyp major brand) -> media type. Brands not listed are MP4-family video.
_QUICKTIME_BRANDS = {b"qt  "}
_OTHER_BMFF_BRANDS = {
    b"heic": "image/heic", b"heix": "image/heic", b"hevc": "image/heic", b"heim": "image/heic",
    b"heis": "image/heic", b"mif1": "image/heif", b"msf1": "image/heif", b"avif": "image/avif",
    b"avis": "image/avif", b"M4A ": "audio/mp4", b"M4B ": "audio/mp4", b"M4P ": "audio/mp4",
    b"crx ": "image/x-canon-cr3", b"jp2 ": "image/jp2",
}
# Top-level atoms an old QuickTime movie (without ftyp) may start with.
_QUICKTIME_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}


def sniff(data: bytes) -> str | None:
    """The media type the bytes are, or ``None`` when they are none of the types we know."""
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        doctype = _ebml_doctype(data[:4096])
        if doctype == b"webm":
            return "video/webm"
        if doctype == b"matroska":
            return "video/x-matroska"
        return None
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _QUICKTIME_BRANDS:
            return "video/quicktime"
        if brand in _OTHER_BMFF_BRANDS:
            return _OTHER_BMFF_BRANDS[brand]
        return "video/mp4"
    if len(head) >= 8 and head[4:8] in _QUICKTIME_ATOMS:
        return "video/quicktime"
    return None


def _ebml_doctype(head: bytes) -> bytes | None:
    """The EBML DocType (element 0x4282) from the header of a Matroska/WebM file, or ``None``."""
    at = head.find(b"\x42\x82")
    if at < 0 or at + 3 > len(head):
        return None
    size_byte = head[at + 2]
    # EBML variable-size integer: the number of leading zero bits gives the length.
    length = 1
    mask = 0x80
    while length <= 8 and not size_byte & mask:
        mask >>= 1
        length += 1
    if length > 8:
        return None
    raw = head[at + 2: at + 2 + length]
    if len(raw) < length:
        return None
    size = raw[0] & (mask - 1)
    for b in raw[1:]:
        size = (size << 8) | b
    start = at + 2 + length
    value = head[start: start + size]
    return value.rstrip(b"\x00") if len(value) == size else None


#: (sha256, declared type, our pixel limit, Pillow's) of content that passed :func:`check_media` in this process:
#: the check is a function of the bytes and the limits alone, so the same photo in many bundles of one import
#: (or a new revision re-shipping its evidence) is checked once. Only accepted content is remembered; bounded,
#: oldest first out.
_PASSED: dict[tuple[str, str, int, int | None], None] = {}
_PASSED_SIZE = 4096


def check_media(data: bytes, declared: str, where: str, *, sha256: str | None = None) -> str:
    """Refuse unless ``data`` is ``declared``; images are also opened with Pillow and pixel-counted.
    Returns the media type. ``sha256``: the digest the caller computed of these very bytes (never a declared
    one): content that passed before under the same limits is not checked again."""
    key = (sha256, declared, limits.MAX_IMAGE_PIXELS, Image.MAX_IMAGE_PIXELS) if sha256 else None
    if key is not None and key in _PASSED:
        return declared
    if declared not in SUPPORTED_MEDIA_TYPES:
        raise BundleError(f"{where}: media_type {declared!r} is not supported "
                          f"(supported: {', '.join(SUPPORTED_MEDIA_TYPES)})")
    actual = sniff(data)
    if actual != declared:
        shown = actual or "unrecognised content"
        raise BundleError(f"{where}: declared media_type {declared} but the bytes are {shown}")
    if declared in IMAGE_FORMATS:
        check_image(data, IMAGE_FORMATS[declared], where)
    if key is not None:
        if len(_PASSED) >= _PASSED_SIZE:
            del _PASSED[next(iter(_PASSED))]
        _PASSED[key] = None
    return actual


def check_image(data: bytes, pil_format: str, where: str) -> tuple[int, int]:
    """Open the image header with Pillow (only ``pil_format``), refuse absurd pixel counts before anything
    is decoded, then let Pillow verify the file's structure. Returns (width, height)."""
    with warnings.catch_warnings():
        # Pillow warns (on stderr) about things it tolerates, e.g. "Invalid APNG, will use default PNG image":
        # the reader's verdict is the refusal or the acceptance, never a stray line on the terminal.
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[pil_format]) as im:
                width, height = im.size
                pixels = width * height
                if pixels > limits.MAX_IMAGE_PIXELS:
                    raise BundleError(f"{where}: image is {width}x{height} = {pixels} pixels; the limit is "
                                      f"{limits.MAX_IMAGE_PIXELS} (decompression bomb)")
                frames = getattr(im, "n_frames", 1) if pil_format != "GIF" else 1
                if frames * pixels > limits.MAX_IMAGE_PIXELS:
                    raise BundleError(f"{where}: image has {frames} frames of {width}x{height}; the limit is "
                                      f"{limits.MAX_IMAGE_PIXELS} pixels in all (decompression bomb)")
                im.verify()
        except BundleError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise BundleError(f"{where}: image pixel count is absurd (decompression bomb): {exc}") from None
        except UnidentifiedImageError:
            raise BundleError(f"{where}: not a readable {pil_format} image") from None
        except Exception as exc:  # Pillow raises many types (SyntaxError, OSError, struct.error, ...)
            raise BundleError(f"{where}: damaged {pil_format} image ({type(exc).__name__}: {exc})") from None
    return width, height
