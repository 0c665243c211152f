"""Forensic flags of a case's evidence: facts for the reviewer, never a decision (issue 13).

Pure: the metadata of each photo (``arbiter.forensics.exif``), whether its embedded preview shows the same
picture, and the near-duplicates found in other cases come in; flags go out. The rules read nothing else.

Capture times: EXIF ``DateTimeOriginal`` carries no zone. When the camera also wrote ``OffsetTimeOriginal``
(EXIF 2.31), that offset is used; otherwise the time is read in the parties' time zone (the region's zone from
the policy, as every other time of the case is shown). The order and delivery times of the case are aware.
``taken_before_order`` and ``taken_before_delivery`` concern the buyer's evidence only: a seller photographs the
goods before shipping them, so a seller's photo taken before the delivery is no finding. Both flags are given
when both are true.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from arbiter.domain.model import Case, Party

FLAG_CODES = ("taken_before_order", "taken_before_delivery", "edited_with_software", "exif_thumbnail_differs",
              "seen_in_other_case")

#: Programs that edit pictures, as they name themselves in EXIF Software (case-insensitive substrings).
#: Camera firmware and phone OS versions ("iOS 17.2", "HDR+ 1.0", "MediaTek Camera") are not editors.
EDITORS = ("photoshop", "lightroom", "adobe", "gimp", "snapseed", "picsart", "pixelmator", "affinity photo",
           "paint.net", "canva", "meitu", "美图", "facetune", "vsco", "photoscape", "fotor", "polarr", "airbrush",
           "photodirector", "luminar", "capture one", "photopea", "inshot", "picmonkey", "醒图", "美颜")
_EDITOR_RE = re.compile("|".join(re.escape(e) for e in EDITORS), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PhotoFacts:
    """What the bytes of one evidence image say (None: unknown / absent)."""
    taken_at: datetime | None = None          # naive, as the camera wrote it
    taken_offset: timedelta | None = None     # OffsetTimeOriginal, when written
    software: str | None = None
    preview_differs: bool | None = None       # None: no embedded preview (or not decodable)
    preview_distance: int | None = None


@dataclass(frozen=True, slots=True)
class FramePosition:
    """Where in a video the matching key frame is: ``fraction`` of its length (0.1 .. 0.9) and the video's
    ``duration`` in seconds (0.0: unknown)."""
    fraction: float
    duration: float = 0.0

    @property
    def seconds(self) -> float | None:
        """The frame's time from the start, or None when the duration is unknown."""
        return self.fraction * self.duration if self.duration else None


@dataclass(frozen=True, slots=True)
class SeenElsewhere:
    evidence_id: str
    other_case_id: str
    other_evidence_id: str
    distance: int
    first_seen: str
    frame: FramePosition | None = None          # this item is a video: its key frame that matched
    other_frame: FramePosition | None = None    # the other item is a video: its key frame that matched


@dataclass(frozen=True, slots=True)
class Flag:
    """One flag: a stable ``code`` (FLAG_CODES) and its facts as data (``params``), never words. The words are the
    reader's: :func:`detail_text` (English, the ``evidence flags`` line of the CLI contract), the workstation's
    own rendering in the interface language (``arbiter.ui.forensics_words``), :meth:`citation` in the case's
    language. Params by code (every time aware, already in the parties' zone):

    - ``taken_before_order``: ``taken_at``, ``clock`` (``"camera_offset"``: the camera wrote its UTC offset;
      ``"parties_zone"``: read in ``zone``), ``zone`` (the parties' IANA zone name), ``order_placed_at``
    - ``taken_before_delivery``: the same with ``delivered_at`` instead of ``order_placed_at``
    - ``edited_with_software``: ``software`` (as EXIF names it)
    - ``exif_thumbnail_differs``: ``distance`` (of ``bits``, 64, between the preview's and the image's hashes)
    - ``seen_in_other_case``: ``other_case_id``, ``other_evidence_id``, ``distance``, ``first_seen`` (the case id
      seen first), ``this_case_first`` (bool), ``frame`` / ``other_frame`` (:class:`FramePosition` of the key
      frame that matched when this / the other item is a video, else None)
    """
    evidence_id: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)

    @property
    def detail(self) -> str:
        """The facts in English words (the CLI's wording)."""
        return detail_text(self)

    def line(self) -> str:
        return f"{self.evidence_id}\t{self.code}\t{self.detail}"

    def citation(self, language: str = "en") -> str:
        """How a reviewer cites it in a rationale, in the case's language (``zh*``: Chinese, else English):
        ``E2: seen in case TTS-UK-250301-0007``."""
        return f"{self.evidence_id}: {short_text(self, language)}"


def is_editor(software: str | None) -> bool:
    return bool(software) and _EDITOR_RE.search(software) is not None


def evidence_flags(case: Case, facts: Mapping[str, PhotoFacts], seen: Iterable[SeenElsewhere], *,
                   tz: tzinfo, zone_name: str) -> list[Flag]:
    """The flags of every evidence item, in the case's evidence order, each item's in FLAG_CODES order."""
    seen_by_item: dict[str, list[SeenElsewhere]] = {}
    for s in seen:
        seen_by_item.setdefault(s.evidence_id, []).append(s)
    flags: list[Flag] = []
    for item in case.evidence:
        f = facts.get(item.id, PhotoFacts())
        if f.taken_at is not None and item.party is Party.BUYER:
            if f.taken_offset is not None:
                taken, clock = f.taken_at.replace(tzinfo=timezone(f.taken_offset)), "camera_offset"
            else:
                taken, clock = f.taken_at.replace(tzinfo=tz), "parties_zone"
            when = {"taken_at": taken.astimezone(tz), "clock": clock, "zone": zone_name}
            if taken < case.order.placed_at:
                flags.append(Flag(item.id, "taken_before_order",
                                  {**when, "order_placed_at": case.order.placed_at.astimezone(tz)}))
            if case.order.delivered_at is not None and taken < case.order.delivered_at:
                flags.append(Flag(item.id, "taken_before_delivery",
                                  {**when, "delivered_at": case.order.delivered_at.astimezone(tz)}))
        if is_editor(f.software):
            flags.append(Flag(item.id, "edited_with_software", {"software": f.software}))
        if f.preview_differs:
            flags.append(Flag(item.id, "exif_thumbnail_differs", {"distance": f.preview_distance, "bits": 64}))
        for s in sorted(seen_by_item.get(item.id, ()), key=lambda x: (x.other_case_id, x.other_evidence_id)):
            flags.append(Flag(item.id, "seen_in_other_case", {
                "other_case_id": s.other_case_id, "other_evidence_id": s.other_evidence_id,
                "distance": s.distance, "first_seen": s.first_seen, "this_case_first": s.first_seen == case.case_id,
                "frame": s.frame, "other_frame": s.other_frame}))
    return flags


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def detail_text(flag: Flag) -> str:
    """The flag's facts in English: the third field of ``arbiter evidence flags`` (cli.md)."""
    p = flag.params
    if flag.code in ("taken_before_order", "taken_before_delivery"):
        how = "camera's UTC offset" if p["clock"] == "camera_offset" else f"read in {p['zone']}"
        if flag.code == "taken_before_order":
            return f"taken {_iso(p['taken_at'])} ({how}), order placed {_iso(p['order_placed_at'])}"
        return f"taken {_iso(p['taken_at'])} ({how}), delivered {_iso(p['delivered_at'])}"
    if flag.code == "edited_with_software":
        return f"Software: {p['software']}"
    if flag.code == "exif_thumbnail_differs":
        return f"the embedded preview shows another picture (distance {p['distance']}/{p.get('bits', 64)})"
    if flag.code == "seen_in_other_case":
        first = "this case came first" if p["this_case_first"] else f"{p['first_seen']} came first"
        return (f"seen in case {p['other_case_id']} as {p['other_evidence_id']} (distance {p['distance']}); "
                f"{first}")
    return ", ".join(f"{k}={v}" for k, v in sorted(p.items()))


_SHORT = {
    "en": {"taken_before_order": "taken before the order", "taken_before_delivery": "taken before the delivery",
           "edited_with_software": "edited with {software}",
           "exif_thumbnail_differs": "embedded preview shows another picture",
           "seen_in_other_case": "seen in case {other_case_id}"},
    "zh": {"taken_before_order": "拍摄于下单之前", "taken_before_delivery": "拍摄于签收之前",
           "edited_with_software": "经 {software} 编辑",
           "exif_thumbnail_differs": "内嵌预览图是另一张图片",
           "seen_in_other_case": "出现在案件 {other_case_id} 中"},
}


def short_text(flag: Flag, language: str = "en") -> str:
    """A few words for a citation in the rationale, in the case's language (``zh*``: Chinese, else English).
    The interface words its flags itself, in the interface language."""
    words = _SHORT["zh" if language.lower().startswith("zh") else "en"]
    template = words.get(flag.code)
    return template.format(**flag.params) if template else flag.code
