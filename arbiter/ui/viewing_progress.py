"""What "opened" means for evidence that is more than one picture (issue 10 part 4). Plain Python, no Qt.

* an image is opened when it has been shown;
* a PDF when every page has been shown (rendered on screen) at least once;
* a video when it has been played to its end: playback reached the end, and the parts actually played cover
  the whole video except a tenth of it, at most 1 s (:func:`tolerance_ms`: position reports are a frame or
  so apart). Seeking
  forward past a part does not count that part as played.

The progress of one item is a small JSON-able dict, kept by the review session in the draft's ``progress``
(``progress["evidence_progress"][evidence_id]``) so it survives a restart; ``progress["opened_evidence"]``
keeps listing only the items fully opened, which is what the signing gate reads.
"""
from __future__ import annotations

from typing import Any

#: two successive positions during playback further apart than this are a seek, not playback
GAP_MS = 2500
#: unplayed time a video may still have and count as played to its end: a tenth of it, 200 ms to 1 s
TOLERANCE_MS = 1000
MIN_TOLERANCE_MS = 200


def tolerance_ms(duration_ms: int) -> int:
    return max(MIN_TOLERANCE_MS, min(TOLERANCE_MS, duration_ms // 10))


# ---------------------------------------------------------------------------------------------------- PDF
def pdf_progress(info: dict[str, Any] | None, page_count: int, page_index: int) -> dict[str, Any]:
    """``info`` with page ``page_index`` (0-based) of ``page_count`` seen."""
    seen = set()
    if info and info.get("kind") == "pdf" and info.get("pages") == page_count:
        seen = {int(p) for p in info.get("seen", ())}
    if 0 <= page_index < page_count:
        seen.add(page_index)
    return {"kind": "pdf", "pages": page_count, "seen": sorted(seen)}


def pdf_complete(info: dict[str, Any] | None) -> bool:
    if not info or info.get("kind") != "pdf" or int(info.get("pages", 0)) <= 0:
        return False
    return set(range(int(info["pages"]))) <= {int(p) for p in info.get("seen", ())}


def pdf_unseen(info: dict[str, Any] | None) -> list[int]:
    """0-based pages not seen yet."""
    if not info or info.get("kind") != "pdf":
        return []
    seen = {int(p) for p in info.get("seen", ())}
    return [p for p in range(int(info.get("pages", 0))) if p not in seen]


# ---------------------------------------------------------------------------------------------------- video
def _merge(intervals: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in sorted((int(a), int(b)) for a, b in intervals if b > a):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out


class VideoWatch:
    """Follows one video's playback from the player's reports and says when it has been played to its end."""

    def __init__(self, duration_ms: int = 0, info: dict[str, Any] | None = None):
        self.duration_ms = int(duration_ms)
        self.played: list[list[int]] = []
        self.ended = False
        if info and info.get("kind") == "video":
            self.played = _merge([list(p) for p in info.get("played", ())])
            self.ended = bool(info.get("ended"))
            self.duration_ms = self.duration_ms or int(info.get("duration_ms", 0))
        self._last: int | None = 0  # playback starts at the beginning

    def set_duration(self, duration_ms: int) -> None:
        if duration_ms > 0:
            self.duration_ms = int(duration_ms)

    def position(self, position_ms: int, playing: bool) -> None:
        """A position report. Only continuous playback (small forward steps while playing) counts."""
        position_ms = int(position_ms)
        last = self._last
        self._last = position_ms
        if playing and last is not None and 0 <= position_ms - last <= GAP_MS:
            self.played = _merge(self.played + [[last, position_ms]])

    def seeked(self, position_ms: int) -> None:
        """The reviewer moved the position: the next step starts from here and the jump is not counted."""
        self._last = int(position_ms)

    def reached_end(self) -> None:
        """The player reported the end of the media after playing."""
        if self._last is not None and self.duration_ms and 0 <= self.duration_ms - self._last <= GAP_MS:
            self.played = _merge(self.played + [[self._last, self.duration_ms]])
        self.ended = True
        self._last = None

    def played_ms(self) -> int:
        return sum(b - a for a, b in self.played)

    def fraction(self) -> float:
        if self.duration_ms <= 0:
            return 0.0
        return min(1.0, self.played_ms() / self.duration_ms)

    @property
    def complete(self) -> bool:
        return (self.ended and self.duration_ms > 0
                and self.played_ms() >= self.duration_ms - tolerance_ms(self.duration_ms))

    def info(self) -> dict[str, Any]:
        return {"kind": "video", "duration_ms": self.duration_ms, "played": [list(p) for p in self.played],
                "ended": self.ended, "complete": self.complete}


def video_complete(info: dict[str, Any] | None) -> bool:
    return bool(info) and info.get("kind") == "video" and VideoWatch(0, info).complete


def summary(info: dict[str, Any] | None) -> tuple[str, int, int] | None:
    """``("pdf", seen, pages)`` or ``("video", percent played, 100)`` for a badge, or None."""
    if not info:
        return None
    if info.get("kind") == "pdf":
        return "pdf", len(set(info.get("seen", ()))), int(info.get("pages", 0))
    if info.get("kind") == "video":
        return "video", int(VideoWatch(0, info).fraction() * 100), 100
    return None
