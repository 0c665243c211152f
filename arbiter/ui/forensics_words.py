"""The forensic flags in the interface language (issue 10): the domain gives each flag a code and its facts as
data (``arbiter.domain.forensics.Flag.params``); the words are here, through Qt's translate, so the Chinese
interface shows them in Chinese and a language switch re-words them. Times are shown as the rest of the open
case shows them: in the parties' time zone, named in the text, written ``2025-03-09 18:20``.

The CLI keeps its English line (``Flag.detail``, cli.md's ``evidence flags``); citations in the rationale take
the case's language (``Flag.citation``), since the rationale goes into the parties' notice.
"""
from __future__ import annotations

import re
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from arbiter.domain.forensics import Flag

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def flag_title(code: str) -> str:
    """The flag's name in the interface language."""
    return {
        "taken_before_order": translate("ForensicFlags", "Taken before the order"),
        "taken_before_delivery": translate("ForensicFlags", "Taken before the delivery"),
        "edited_with_software": translate("ForensicFlags", "Edited with software"),
        "exif_thumbnail_differs": translate("ForensicFlags", "Embedded preview differs"),
        "seen_in_other_case": translate("ForensicFlags", "Seen in another case"),
    }.get(code, code)


def moment_text(moment: datetime, zone: tzinfo | None = None) -> str:
    """An aware time in ``zone`` (else its own), written as the case view writes every time beside it (the Order
    box, the evidence header, the timeline): ``2025-03-09 18:20``, read alike in English and Chinese."""
    local = moment.astimezone(zone) if zone is not None else moment
    return local.strftime("%Y-%m-%d %H:%M")


def frame_text(frame) -> str:
    """Where a key frame is in its video: ``0:03``, or ``50 %`` of it when the length is unknown."""
    seconds = frame.seconds
    if seconds is None:
        return f"{round(frame.fraction * 100)} %"
    at = int(seconds)
    return f"{at // 60}:{at % 60:02d}"


def _zone_name(flag: Flag, zone: tzinfo | None, zone_name: str) -> str:
    return zone_name if zone is not None and zone_name else str(flag.param("zone") or "")


def flag_detail(flag: Flag, zone: tzinfo | None = None, zone_name: str = "") -> str:
    """The flag's facts in the interface language. ``zone``/``zone_name``: the time zone the case view shows
    times in (``timeline_model.display_zone``); without one, the parties' zone the flag was computed in."""
    p = flag.params
    if flag.code in ("taken_before_order", "taken_before_delivery"):
        name = _zone_name(flag, zone, zone_name)
        clock = (translate("ForensicFlags", "by the camera's UTC offset") if p.get("clock") == "camera_offset"
                 else translate("ForensicFlags", "no offset written: read in %1").replace("%1", str(p.get("zone"))))
        if flag.code == "taken_before_order":
            text = translate("ForensicFlags", "Taken %1 (%2); the order was placed %3 (times in %4).")
            other = p["order_placed_at"]
        else:
            text = translate("ForensicFlags", "Taken %1 (%2); delivered %3 (times in %4).")
            other = p["delivered_at"]
        values = {"%1": moment_text(p["taken_at"], zone), "%2": clock, "%3": moment_text(other, zone), "%4": name}
        return _fill(text, values)
    if flag.code == "edited_with_software":
        return translate("ForensicFlags", "The photo's metadata names an editing program: %1").replace(
            "%1", str(p.get("software")))
    if flag.code == "exif_thumbnail_differs":
        return _fill(translate("ForensicFlags", "The preview embedded in the file shows another picture "
                                                "(distance %1 of %2 bits)."),
                     {"%1": str(p.get("distance")), "%2": str(p.get("bits", 64))})
    if flag.code == "seen_in_other_case":
        values = {"%1": str(p["other_case_id"]), "%2": str(p["other_evidence_id"]), "%3": str(p["distance"])}
        if p.get("this_case_first"):
            text = translate("ForensicFlags", "Also in case %1 as %2 (distance %3); this case came first.")
        else:
            text = translate("ForensicFlags", "Also in case %1 as %2 (distance %3); %4 came first.")
            values["%4"] = str(p["first_seen"])
        text = _fill(text, values)
        if p.get("frame") is not None:
            here = translate("ForensicFlags", "The matching frame is at %1 of this video.")
            text = _then(text, here.replace("%1", frame_text(p["frame"])))
        if p.get("other_frame") is not None:
            there = translate("ForensicFlags", "The matching frame is at %1 of the other case's video.")
            text = _then(text, there.replace("%1", frame_text(p["other_frame"])))
        return text
    return flag.detail


def _then(text: str, sentence: str) -> str:
    """Two sentences in a row: a space after English punctuation, none after Chinese (。)."""
    return text + ("" if text.endswith(("。", "！", "？")) else " ") + sentence


def _fill(text: str, values: dict[str, str]) -> str:
    """Qt's %1..%9 placeholders filled in one pass (a value is never read as a placeholder)."""
    return re.sub(r"%\d", lambda m: values.get(m.group(0), m.group(0)), text)


def case_language(session) -> str:
    """The case's language (its notice's), for a citation written into the rationale."""
    case = getattr(session, "case", None)
    return str(getattr(case, "language", "") or "en")


__all__ = ["case_language", "flag_detail", "flag_title", "frame_text", "moment_text"]
