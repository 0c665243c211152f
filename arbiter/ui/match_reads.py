"""Compare side by side (``forensics_view.MatchDialog``), off the GUI thread: both evidence files read from the
store (re-verified), the images decoded and, for a video, its key frame closest to the other side found (the
video is decoded in child processes). :func:`read_match` runs through ``tasks.run`` on the pool; the dialog turns
its pixels into pictures when it is back. Qt-free, so it is tested without widgets."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Side:
    """One side of the comparison: whose item it is, its pixels (RGBA, or None when unreadable or tampered) and,
    for a video, the time of the key frame shown."""

    case_id: str
    evidence_id: str
    width: int = 0
    height: int = 0
    rgba: bytes | None = None
    frame_at: str | None = None


def _database(repo: Any):
    from arbiter.store import Database

    db = getattr(repo, "db", None)
    return db if isinstance(db, Database) else None


def _mine(repo: Any, case_pk: int, eid: str) -> bytes | None:
    try:
        return repo.evidence_bytes(case_pk, eid)
    except Exception:  # noqa: BLE001 - tampered or unreadable: shown empty
        return None


def _theirs(repo: Any, case_id: str, eid: str) -> bytes | None:
    from arbiter.store.forensics import case_pk_by_id

    db = _database(repo)
    if db is None or not case_id:
        return None
    try:
        pk = case_pk_by_id(db, case_id)
        return repo.evidence_bytes(pk, eid) if pk is not None else None
    except Exception:  # noqa: BLE001
        return None


def _video_frames(mine: bytes | None, theirs: bytes | None):
    """(frame, frame): for each side that is a video, its key frame closest to the other side, else None."""
    from arbiter.forensics.video import best_frames, is_video

    if not mine or not theirs or not (is_video(mine) or is_video(theirs)):
        return None, None
    try:
        return best_frames(mine, theirs)
    except Exception:  # noqa: BLE001 - shown without the frame rather than not at all
        log.exception("key frames for the side-by-side view failed")
        return None, None


def _side(case_id: str, eid: str, data: bytes | None, frame) -> Side:
    from arbiter.media import MediaError, decode_rgba

    if frame is not None:   # a video: its key frame closest to the other side
        rgba = frame.image.convert("RGBA")
        return Side(case_id, eid, rgba.width, rgba.height, rgba.tobytes(), frame.at)
    if not data:
        return Side(case_id, eid)
    try:
        width, height, pixels = decode_rgba(data)
    except MediaError:
        return Side(case_id, eid)
    return Side(case_id, eid, width, height, pixels)


def read_match(repo: Any, case_pk: int, case_id: str, eid: str, other_case: str, other_eid: str) -> tuple[Side, Side]:
    """This case's item and the other case's, ready to show (run it through ``tasks.run``)."""
    mine, theirs = _mine(repo, case_pk, eid), _theirs(repo, other_case, other_eid)
    frames = _video_frames(mine, theirs)
    return _side(case_id, eid, mine, frames[0]), _side(other_case, other_eid, theirs, frames[1])
