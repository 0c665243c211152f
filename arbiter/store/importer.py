"""Importing a read bundle (:class:`arbiter.bundle.LoadedBundle`) into the database, in one transaction.

Relies only on the bundle's attributes ``source``, ``case``, ``case_json``, ``case_sha256``, ``files`` and
``ignored``. Any exception rolls the whole import back: the database is exactly as it was.
"""
from __future__ import annotations

import getpass
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from arbiter.domain.model import Case
from arbiter.forensics.fingerprint import bundle_fingerprints
from arbiter.store import audit, supplements
from arbiter.store.blobs import put_blobs
from arbiter.store.canonical import sha256_hex
from arbiter.store.db import Database
from arbiter.store.forensics import record_forensics
from arbiter.store.models import CaseModel, CaseRevisionModel, EvidenceModel

log = logging.getLogger(__name__)

DEFAULT_REVIEW_WITHIN = timedelta(days=5)

ImportStatus = Literal["imported", "unchanged", "new_revision"]


@dataclass(frozen=True, slots=True)
class ImportResult:
    case_id: str
    revision: int
    status: ImportStatus
    case_pk: int


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers, services)
        return os.environ.get("USERNAME") or "unknown"


def review_deadline(case: Case) -> datetime:
    """When the review should be done: ``policy.review_within`` after ``opened_at`` (calendar days in the
    parties' time zone, ``Duration.after``) when :mod:`arbiter.policies` can load the case's policy, else
    ``opened_at + 5 days``."""
    try:
        from arbiter.policies import load_policy  # imported lazily: the rules are optional for the store

        policy = load_policy(str(case.platform), case.region)
        within = policy.review_within
        if isinstance(within, timedelta):
            due = case.opened_at + within
        elif hasattr(within, "after"):
            zone_name = policy.time_zone_for(case.region)
            tz = ZoneInfo(zone_name) if zone_name else case.opened_at.tzinfo
            due = within.after(case.opened_at, tz)
        else:
            due = case.opened_at + within.timedelta
        if not isinstance(due, datetime) or due.tzinfo is None or due <= case.opened_at:
            raise ValueError(f"policy review_within {within!r} gives {due!r}")
        return due
    except Exception as exc:  # noqa: BLE001 - any failure to load the policy falls back to the default
        log.info("no usable review time for %s/%s (%s); review target = opened_at + %s", case.platform,
                 case.region, exc, DEFAULT_REVIEW_WITHIN)
    return case.opened_at + DEFAULT_REVIEW_WITHIN


def _check_bundle(loaded: Any) -> dict[str, bytes]:
    """Re-check what the bundle reader promised; returns sha256 -> bytes of every evidence file."""
    case: Case = loaded.case
    if sha256_hex(loaded.case_json) != loaded.case_sha256:
        raise ValueError(f"{case.case_id}: case_sha256 does not match case_json")
    contents: dict[str, bytes] = {}
    for item in case.evidence:
        data = loaded.files.get(item.file)
        if data is None:
            raise ValueError(f"{case.case_id}: evidence {item.id}: file {item.file!r} missing from the bundle")
        if sha256_hex(data) != item.sha256:
            raise ValueError(f"{case.case_id}: evidence {item.id}: file {item.file!r} does not match its sha256")
        contents[item.sha256] = data
    return contents


def _copy_case_columns(row: CaseModel, case: Case) -> None:
    row.platform = str(case.platform)
    row.region = case.region
    row.language = case.language
    row.claim_type = str(case.claim.type)
    row.amount = case.claim.amount
    row.currency = case.order.currency
    row.order_id = case.order.order_id
    row.opened_at = case.opened_at


def _insert_revision(session: Session, case_row: CaseModel, revision: int, loaded: Any, now: datetime,
                     actor: str) -> CaseRevisionModel:
    rev = CaseRevisionModel(
        case_pk=case_row.id, revision=revision, case_sha256=loaded.case_sha256, case_json=bytes(loaded.case_json),
        source_name=os.path.basename(os.fspath(loaded.source).rstrip("/\\"))[:255] or "bundle",
        ignored=list(loaded.ignored), imported_at=now, imported_by=actor,
    )
    session.add(rev)
    session.flush()
    return rev


def _insert_evidence(session: Session, rev: CaseRevisionModel, case: Case, contents: dict[str, bytes]) -> None:
    for item in case.evidence:
        session.add(EvidenceModel(
            revision_pk=rev.id, evidence_id=item.id, party=str(item.party), submission=item.submission,
            requested=item.requested, kind=str(item.kind), media_type=item.media_type, sha256=item.sha256,
            file_path=item.file, size=len(contents[item.sha256]),
        ))
    session.flush()


def import_bundle(db: Database, loaded: Any, *, actor: str | None = None) -> ImportResult:
    """Store a bundle returned by ``read_bundle``: a new case, a new revision of a known case (different
    case.json), or nothing at all when this exact case.json is already stored (status ``unchanged``)."""
    case: Case = loaded.case
    contents = _check_bundle(loaded)
    prints = bundle_fingerprints(loaded)   # perceptual hashes of the images (issue 13), outside the transaction
    deadline = review_deadline(case)
    actor = actor or default_actor()
    with db.session() as session:
        case_row = session.scalar(select(CaseModel).where(CaseModel.case_id == case.case_id))
        now = datetime.now(timezone.utc)
        if case_row is not None:
            known = session.scalar(select(CaseRevisionModel.revision).where(
                CaseRevisionModel.case_pk == case_row.id, CaseRevisionModel.case_sha256 == loaded.case_sha256))
            if known is not None:
                return ImportResult(case.case_id, known, "unchanged", case_row.id)
            revision, status = case_row.latest_revision + 1, "new_revision"
            case_row.latest_revision = revision
            _copy_case_columns(case_row, case)
            if case_row.status in ("new", "in_review", "decided"):
                case_row.next_deadline_at = deadline
            case_row.updated_at = now
            session.flush()
        else:
            revision, status = 1, "imported"
            case_row = CaseModel(case_id=case.case_id, latest_revision=1, status="new", next_deadline_at=deadline,
                                 imported_at=now, updated_at=now)
            _copy_case_columns(case_row, case)
            session.add(case_row)
            session.flush()
        inserted = put_blobs(session, contents)
        rev = _insert_revision(session, case_row, revision, loaded, now, actor)
        _insert_evidence(session, rev, case, contents)
        if status == "new_revision":  # open supplement requests this revision answers; the case may resume
            supplements.resolve_with_revision(session, case_row, case, loaded.case_json, revision, now, actor,
                                              deadline)
        record_forensics(session, case_row.id, revision, case, prints)   # fingerprints, parties (issue 13)
        audit.append_event(session, actor, "case.imported", {
            "case_id": case.case_id, "revision": revision, "status": status, "case_sha256": loaded.case_sha256,
            "source": rev.source_name, "evidence": {item.id: item.sha256 for item in case.evidence},
            "new_blobs": len(inserted), "ignored": list(loaded.ignored),
        }, case_pk=case_row.id, at=now)
        return ImportResult(case.case_id, revision, status, case_row.id)
