"""The forensic flags of one case: its photos' metadata and previews, its near-duplicates in other cases, the
rules of :mod:`arbiter.domain.forensics`. Used by ``arbiter evidence flags`` and the workstation; reads through
the store's API only."""
from __future__ import annotations

from datetime import timezone

from arbiter.domain.forensics import Flag, PhotoFacts, SeenElsewhere, evidence_flags
from arbiter.domain.model import Case
from arbiter.forensics.exif import photo_metadata
from arbiter.forensics.fingerprint import IMAGE_MEDIA_TYPES, compare, photo


def photo_facts(data: bytes) -> PhotoFacts:
    meta = photo_metadata(data)
    differs = distance = None
    if meta.thumbnail:
        preview = photo(meta.thumbnail, trim_dark_borders=True)
        image = photo(data)
        if preview is not None and image is not None:
            result = compare(image, preview)
            differs, distance = not result.same_photo, result.distance
    return PhotoFacts(meta.taken_at, meta.taken_offset, meta.software, differs, distance)


def parties_zone(case: Case):
    """(tzinfo, name) the parties' time zone: the region's zone from the policy, else opened_at's offset."""
    try:
        from arbiter.policies import load_policy

        return load_policy(str(case.platform), case.region).tzinfo_for(case.region, case.opened_at)
    except Exception:  # noqa: BLE001 - no policy: the offset the platform wrote opened_at with
        tz = case.opened_at.tzinfo or timezone.utc
        return tz, str(case.opened_at.strftime("UTC%z"))


def case_flags(db, case_pk: int, *, matches=None) -> list[Flag]:
    """Every flag of the case's newest revision. ``matches``: its near-duplicates (``store.forensics.Match``
    list for this case) if already known, else looked up."""
    from arbiter.store import EvidenceTampered, Repository
    from arbiter.store.forensics import image_matches

    repo = Repository(db)
    stored = repo.load_case(case_pk)
    case = stored.case
    facts = {}
    for item in case.evidence:
        if item.media_type not in IMAGE_MEDIA_TYPES:
            continue
        try:
            facts[item.id] = photo_facts(repo.evidence_bytes(case_pk, item.id))
        except EvidenceTampered:
            continue
    if matches is None:
        matches = image_matches(db, [case.case_id])
    seen = [SeenElsewhere(m.evidence_id, m.other_case_id, m.other_evidence_id, m.distance, m.first_seen,
                          m.frame, m.other_frame)
            for m in matches if m.case_id == case.case_id]
    tz, name = parties_zone(case)
    return evidence_flags(case, facts, seen, tz=tz, zone_name=name)
