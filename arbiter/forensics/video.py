"""Perceptual fingerprints of video evidence: a few key frames, hashed like photos (issue 13).

A video's key frames are its frames at fixed fractions of its duration (``FRACTIONS``), decoded by
:mod:`arbiter.forensics.ffdecode` (the FFmpeg libraries Qt Multimedia ships) as small grey pictures and hashed
by :func:`arbiter.forensics.fingerprint.hashes_of_image`, so they go into the same index as photos: a photo
reused as a video frame, or a video re-encoded, resized or cropped in another case, is found by the same lookup.
Frame ``k`` is stored as variants ``2k`` (whole) and ``2k + 1`` (core) of the video's blob.

Untrusted input: decoding always runs in a **child process** started for one video (fork where that is safe,
else spawn), with a wall-clock limit (``TIME_LIMIT``; the child is killed past it), a CPU-time and an
address-space limit, its stderr sent to /dev/null. A video that crashes the decoder, spins, or is not a video
gives no fingerprint and a log line; the import goes on. The bundle reader has already bounded the file's size.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass

from PIL import Image

from arbiter.forensics.fingerprint import Fingerprint, Photo, hashes_of_image, windows_of_image

log = logging.getLogger(__name__)

VIDEO_MEDIA_TYPES = frozenset({"video/mp4", "video/quicktime", "video/webm"})
#: the key frames: these fractions of the duration
FRACTIONS = (0.1, 0.3, 0.5, 0.7, 0.9)
#: seconds one video may take to decode (wall clock); the child is killed past it
TIME_LIMIT = 10.0
#: address space the decoding child may map beyond what it starts with
MEMORY_LIMIT = 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class KeyFrame:
    index: int              # into FRACTIONS
    image: Image.Image      # grey ("L"), fits in 256 x 256 (or "RGB" when asked for colour)
    duration: float         # of the whole video, seconds (0.0: unknown)

    @property
    def fraction(self) -> float:
        return FRACTIONS[self.index]

    @property
    def at(self) -> str:
        """Where in the video: ``0:03`` (or ``50 %`` when the duration is unknown)."""
        return timestamp(self.fraction, self.duration)


def _limit_child() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)          # FFmpeg and Qt's library loader write to stderr: not the user's terminal
        os.close(devnull)
    except OSError:
        pass
    os.environ["QT_LOGGING_RULES"] = "qt.multimedia*=false"
    try:
        import resource
    except ImportError:             # Windows: the wall-clock limit alone
        return
    cpu = int(TIME_LIMIT) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        with open("/proc/self/statm") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        mapped = 1024 * 1024 * 1024
    limit = mapped + MEMORY_LIMIT
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(conn, data: bytes, media_type: str, side: int = 256, colour: bool = False) -> None:
    """In the child: decode, send (seconds, [(index, w, h, pixels)]) (no frames on any failure), exit."""
    try:
        _limit_child()
        from arbiter.forensics import ffdecode

        result = ffdecode.key_frames(data, media_type, FRACTIONS, out_side=side, colour=colour)
    except BaseException:  # noqa: BLE001 - untrusted bytes: no frames
        result = (0.0, [])
    try:
        conn.send(result)
    finally:
        conn.close()


def _context():
    if sys.platform.startswith("linux") and threading.active_count() == 1 and not getattr(sys, "frozen", False):
        _preload()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_PRELOADED = False


def _preload() -> None:
    """Map the FFmpeg libraries once in this process, so that every forked decoder child finds them loaded
    (loading them costs more than decoding a short video's key frames). Nothing is decoded here."""
    global _PRELOADED
    if _PRELOADED:
        return
    _PRELOADED = True
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")   # Qt's library stubs report to stderr
    try:
        from arbiter.forensics import ffdecode

        ffdecode.libs()
    except Exception:  # noqa: BLE001 - the child will find out and give no frames
        log.debug("FFmpeg libraries not preloaded", exc_info=True)


def is_video(data: bytes) -> bool:
    """The bytes are a video container this module decodes (by their first bytes, never a name)."""
    return _sniffed(data) is not None


def _sniffed(data: bytes) -> str | None:
    from arbiter.bundle.media import sniff

    kind = sniff(data)
    return kind if kind in VIDEO_MEDIA_TYPES or kind == "video/x-matroska" else None


def key_frames(data: bytes, *, time_limit: float | None = None, target=None, side: int = 256,
               colour: bool = False) -> list[KeyFrame]:
    """The key frames of a video's bytes, decoded in a child process; [] if it is not a decodable video, or
    takes longer than ``time_limit`` seconds (default ``TIME_LIMIT``), or crashes the decoder. Grey pictures
    that fit in 256 x 256 (what is hashed), or with ``colour`` RGB ones that fit in ``side`` x ``side`` (to
    show). ``target`` is the child's function (tests put a crashing or hanging one there)."""
    media_type = _sniffed(data)
    if media_type is None:
        return []
    limit = TIME_LIMIT if time_limit is None else time_limit
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    args = (send, data, media_type) if target is not None else (send, data, media_type, side, colour)
    process = ctx.Process(target=target or _child, args=args, daemon=True,
                          name="arbiter-video-frames")
    try:
        process.start()
    except Exception:  # noqa: BLE001 - no processes here: no frames rather than decoding in this process
        log.warning("cannot start the video decoder process", exc_info=True)
        send.close()
        receive.close()
        return []
    send.close()
    result = None
    try:
        if receive.poll(limit):
            result = receive.recv()
        else:
            log.warning("video decoding took over %.0f s: no key frames", limit)
    except (EOFError, OSError):
        log.warning("the video decoder process died: no key frames")
    except Exception:  # noqa: BLE001
        log.warning("the video decoder sent nothing usable", exc_info=True)
    finally:
        receive.close()
        process.join(0.5)
        if process.is_alive():
            process.kill()
            process.join(2)
    out: list[KeyFrame] = []
    try:
        seconds, frames = result
        seconds = float(seconds) if 0 < float(seconds) < 1e7 else 0.0
    except Exception:  # noqa: BLE001 - nothing (or nonsense) from the child
        return out
    for item in frames if isinstance(frames, list) else ():
        try:
            index, width, height, pixels = item
            depth, limit = (3, side) if colour else (1, 256)
            if (0 <= index < len(FRACTIONS) and 0 < width <= limit and 0 < height <= limit
                    and len(pixels) == width * height * depth):
                mode = "RGB" if colour else "L"
                out.append(KeyFrame(index, Image.frombytes(mode, (width, height), pixels), seconds))
        except Exception:  # noqa: BLE001
            continue
    return out


def fingerprints_of_frames(frames: list[KeyFrame]) -> tuple[Fingerprint, ...]:
    """Stored fingerprints of key frames: frame k's whole picture as variant 2k, its core as 2k + 1."""
    out: list[Fingerprint] = []
    for frame in frames:
        for fp in hashes_of_image(frame.image):
            out.append(Fingerprint(2 * frame.index + fp.variant, fp.value, fp.detail))
    return tuple(out)


def video_fingerprints(data: bytes) -> tuple[Fingerprint, ...]:
    """The stored fingerprints of a video's bytes (a few key frames); () if none could be decoded."""
    return fingerprints_of_frames(key_frames(data))


def frame_photos(frames: list[KeyFrame]) -> list[tuple[KeyFrame, Photo]]:
    """Each key frame as a :class:`Photo` (stored pair and lookup windows), for comparisons; blank ones left out."""
    out = []
    for frame in frames:
        stored, wins = hashes_of_image(frame.image), windows_of_image(frame.image)
        if stored and wins:
            out.append((frame, Photo(stored, wins)))
    return out


#: video fingerprints already computed in this process, by sha256 (bounded, oldest first out)
_CACHE: dict[str, tuple[Fingerprint, ...]] = {}
_CACHE_SIZE = 256


def bundle_video_fingerprints(loaded) -> dict[str, tuple[Fingerprint, ...]]:
    """sha256 -> key-frame fingerprints of every video evidence file of a read bundle: the importer's hook,
    beside the images' (``store.importer.prepare``, in the import's worker process)."""
    out: dict[str, tuple[Fingerprint, ...]] = {}
    for item in loaded.case.evidence:
        if item.media_type not in VIDEO_MEDIA_TYPES or item.sha256 in out:
            continue
        data = loaded.files.get(item.file)
        if data is None:
            continue
        prints = _CACHE.get(item.sha256)
        if prints is None:
            prints = video_fingerprints(bytes(data))
            if len(_CACHE) >= _CACHE_SIZE:
                del _CACHE[next(iter(_CACHE))]
            _CACHE[item.sha256] = prints
        out[item.sha256] = prints
    return out


def timestamp(fraction: float, seconds: float | None) -> str:
    """``0:03`` for a frame at ``fraction`` of a video ``seconds`` long (or ``50 %`` when unknown)."""
    if not seconds:
        return f"{round(fraction * 100)} %"
    at = int(fraction * seconds)
    return f"{at // 60}:{at % 60:02d}"


def best_frames(mine: bytes, theirs: bytes) -> tuple[KeyFrame | None, KeyFrame | None]:
    """What to show side by side for two matched evidence files (an image or a video each): for a video its key
    frame (in colour, at most 960 pixels) closest to the other side, for an image None (show the image). Videos
    are decoded in child processes, as at import."""
    from arbiter.forensics.fingerprint import compare, photo

    def shots(data: bytes) -> list[tuple[KeyFrame | None, Photo]]:
        one = photo(data)
        if one is not None:
            return [(None, one)]
        if not is_video(data):
            return []
        out = []
        for frame in key_frames(data, colour=True, side=960):
            grey = frame.image.convert("L")
            grey.thumbnail((256, 256), Image.Resampling.BOX)
            stored, wins = hashes_of_image(grey), windows_of_image(grey)
            if stored and wins:
                out.append((frame, Photo(stored, wins)))
        return out

    a, b = shots(mine), shots(theirs)
    best = None
    for fa, pa in a:
        for fb, pb in b:
            d = compare(pa, pb).distance
            if best is None or d < best[0]:
                best = (d, fa, fb)
    if best is None:
        return (a[0][0] if a else None), (b[0][0] if b else None)
    return best[1], best[2]
