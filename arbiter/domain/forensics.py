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
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

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
class SeenElsewhere:
    evidence_id: str
    other_case_id: str
    other_evidence_id: str
    distance: int
    first_seen: str


@dataclass(frozen=True, slots=True)
class Flag:
    evidence_id: str
    code: str
    detail: str

    def line(self) -> str:
        return f"{self.evidence_id}\t{self.code}\t{self.detail}"

    def citation(self) -> str:
        """How a reviewer cites it in a rationale: ``E2: seen in case TTS-UK-250301-0007``."""
        return f"{self.evidence_id}: {short_text(self)}"


def is_editor(software: str | None) -> bool:
    return bool(software) and _EDITOR_RE.search(software) is not None


def _iso(moment: datetime, tz: tzinfo) -> str:
    return moment.astimezone(tz).isoformat(timespec="minutes")


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
                taken = f.taken_at.replace(tzinfo=timezone(f.taken_offset))
                how = "camera's UTC offset"
            else:
                taken = f.taken_at.replace(tzinfo=tz)
                how = f"read in {zone_name}"
            if taken < case.order.placed_at:
                flags.append(Flag(item.id, "taken_before_order",
                                  f"taken {_iso(taken, tz)} ({how}), order placed {_iso(case.order.placed_at, tz)}"))
            if case.order.delivered_at is not None and taken < case.order.delivered_at:
                flags.append(Flag(item.id, "taken_before_delivery",
                                  f"taken {_iso(taken, tz)} ({how}), delivered {_iso(case.order.delivered_at, tz)}"))
        if is_editor(f.software):
            flags.append(Flag(item.id, "edited_with_software", f"Software: {f.software}"))
        if f.preview_differs:
            flags.append(Flag(item.id, "exif_thumbnail_differs",
                              f"the embedded preview shows another picture (distance {f.preview_distance}/64)"))
        for s in sorted(seen_by_item.get(item.id, ()), key=lambda x: (x.other_case_id, x.other_evidence_id)):
            first = "this case came first" if s.first_seen == case.case_id else f"{s.first_seen} came first"
            flags.append(Flag(item.id, "seen_in_other_case",
                              f"seen in case {s.other_case_id} as {s.other_evidence_id} (distance {s.distance}); "
                              f"{first}"))
    return flags


def short_text(flag: Flag) -> str:
    """A few words for a label or a citation (English; the UI translates the code itself)."""
    if flag.code == "seen_in_other_case":
        rest = flag.detail.removeprefix("seen in case ")
        return "seen in case " + rest.split(" ", 1)[0]
    return {
        "taken_before_order": "taken before the order",
        "taken_before_delivery": "taken before the delivery",
        "edited_with_software": "edited with " + flag.detail.removeprefix("Software: "),
        "exif_thumbnail_differs": "embedded preview shows another picture",
    }.get(flag.code, flag.code)
