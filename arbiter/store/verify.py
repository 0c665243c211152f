"""``arbiter verify``: the whole database checked end to end, and one case checked when it is opened
(docs/trust.md, "What verify checks").

For each case: every revision's ``case.json`` against its sha256 and against the sha256 its import recorded in
the audit trail; every evidence row against its ``case.json`` and its blob; every verdict's record against its
fingerprint, its signature (by a registered key of the reviewer it names) and the fingerprint the audit trail
recorded for it; every verdict the audit trail recorded still there; a signed case has its verdict. For the
database: the audit chain from the first event to the head, and every chain head recorded in a package or a
notice (in the database and in the data folder) still in the chain.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from arbiter.store import heads
from arbiter.store.audit import event_hash
from arbiter.store.blobs import read_blob
from arbiter.store.canonical import canonical_json, sha256_hex
from arbiter.store.models import (
    GENESIS_HASH,
    AuditEventModel,
    CaseModel,
    CaseRevisionModel,
    ChainHeadModel,
    EvidenceModel,
    NoticeExportModel,
    SigningKeyModel,
    VerdictModel,
)
from arbiter.store.trust import SIGNED_ACTIONS, key_card, parse_head, statement_of
from arbiter.store.verify_qa import QA_EVENTS, check_reviews

DATABASE = "(database)"
SIGNED_STATUSES = ("signed", "amended", "flagged")


@dataclass(frozen=True, slots=True)
class Finding:
    case_id: str
    what: str

    def line(self) -> str:
        return f"problem: {self.case_id}: {self.what}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    cases: int = 0
    verdicts: int = 0
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings

    def summary(self) -> str:
        return f"verified: {self.cases} cases, {self.verdicts} verdicts, {self.events} audit events"


@dataclass
class _Trail:
    """What the audit trail says about the cases it covers."""

    imported: dict[tuple[int, int], dict] = field(default_factory=dict)       # (case_pk, revision) -> payload
    verdicts: dict[int, tuple[int | None, dict]] = field(default_factory=dict)  # verdict id -> (case_pk, payload)
    keys: set[str] = field(default_factory=set)
    notices: dict[int, list[dict]] = field(default_factory=dict)               # case_pk -> notice.exported payloads
    confirmations: dict[int, list[dict]] = field(default_factory=dict)         # case_pk -> verdict.confirmed
    hashes: dict[int, str] = field(default_factory=dict)                       # seq -> hash (whole walk only)
    reviews: dict[int, tuple[int | None, dict]] = field(default_factory=dict)  # supervisor action id -> event

    def add(self, row: AuditEventModel) -> None:
        try:
            payload = json.loads(row.payload)
        except ValueError:
            return
        if not isinstance(payload, dict):
            return
        if row.action == "case.imported" and row.case_pk is not None:
            self.imported[(row.case_pk, payload.get("revision"))] = payload
        elif row.action in SIGNED_ACTIONS and isinstance(payload.get("verdict_id"), int):
            self.verdicts[payload["verdict_id"]] = (row.case_pk, payload)
        elif row.action == "key.registered":
            self.keys.add(str(payload.get("fingerprint")))
        elif row.action == "notice.exported" and row.case_pk is not None:
            self.notices.setdefault(row.case_pk, []).append(payload)
        elif row.action == "verdict.confirmed" and row.case_pk is not None:
            self.confirmations.setdefault(row.case_pk, []).append(payload)
        elif row.action in QA_EVENTS and isinstance(payload.get("review_id"), int):
            self.reviews[payload["review_id"]] = (row.case_pk, payload)


def _event_problems(row: AuditEventModel, prev_hash: str | None) -> list[str]:
    out = []
    if prev_hash is not None and row.prev_hash != prev_hash:
        out.append(f"audit event {row.seq}: does not follow the event before it (broken link)")
    if event_hash(row.prev_hash, row.seq, row.at, row.actor, row.action, row.case_pk, row.payload) != row.hash:
        out.append(f"audit event {row.seq} ({row.action}) was modified (hash mismatch)")
    return out


def _as_bytes(value) -> bytes:
    """case.json as stored; an edit with sqlite3 may have turned the BLOB into TEXT."""
    return value.encode("utf-8", "surrogateescape") if isinstance(value, str) else bytes(value)


def _case_json_evidence(raw: bytes) -> dict[str, dict] | None:
    try:
        data = json.loads(bytes(raw).decode("utf-8"))
        return {str(e["id"]): e for e in data["evidence"]}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def check_case(session: Session, case: CaseModel, trail: _Trail) -> tuple[list[str], int]:
    """Problems of one case (without the case id prefix) and how many verdicts it has."""
    out: list[str] = []
    revisions = list(session.scalars(select(CaseRevisionModel).where(CaseRevisionModel.case_pk == case.id)
                                     .order_by(CaseRevisionModel.revision)))
    shas = {rev.case_sha256 for rev in revisions}
    for rev in revisions:
        raw = _as_bytes(rev.case_json)
        if sha256_hex(raw) != rev.case_sha256:
            out.append(f"revision {rev.revision}: case.json does not match its sha256 (edited in place)")
        imported = trail.imported.get((case.id, rev.revision))
        if imported is None:
            out.append(f"revision {rev.revision}: no import recorded in the audit trail")
        elif imported.get("case_sha256") != rev.case_sha256:
            out.append(f"revision {rev.revision}: its sha256 is not the one recorded when it was imported")
        listed = _case_json_evidence(raw)
        if listed is None:
            out.append(f"revision {rev.revision}: case.json is not a readable case")
            listed = {}
        recorded = (imported or {}).get("evidence") or {}
        rows = list(session.scalars(select(EvidenceModel).where(EvidenceModel.revision_pk == rev.id)
                                    .order_by(EvidenceModel.id)))
        seen = set()
        for item in rows:
            seen.add(item.evidence_id)
            entry = listed.get(item.evidence_id)
            if entry is None:
                out.append(f"revision {rev.revision}: evidence {item.evidence_id} is not in case.json")
            elif entry.get("sha256") != item.sha256 or entry.get("file") != item.file_path:
                out.append(f"revision {rev.revision}: evidence {item.evidence_id} points at another file than "
                           "case.json names")
            if recorded and recorded.get(item.evidence_id) not in (None, item.sha256):
                out.append(f"revision {rev.revision}: evidence {item.evidence_id} is not the file recorded at import")
            data = read_blob(session, item.sha256)
            if data is None:
                out.append(f"revision {rev.revision}: evidence {item.evidence_id}: the stored file is missing")
            elif sha256_hex(data) != item.sha256:
                out.append(f"revision {rev.revision}: evidence {item.evidence_id}: the stored file was changed")
        for missing in sorted(set(listed) - seen):
            out.append(f"revision {rev.revision}: evidence {missing} of case.json has no stored file")

    verdicts = list(session.scalars(select(VerdictModel).where(VerdictModel.case_pk == case.id)
                                    .order_by(VerdictModel.id)))
    by_id = {v.id: v for v in verdicts}
    for v in verdicts:
        name = f"verdict v{v.number or '?'} by {v.reviewer}"
        if sha256_hex(v.record.encode("utf-8")) != v.fingerprint:
            out.append(f"{name}: the record does not match its fingerprint")
        event = trail.verdicts.get(v.id)
        if event is None:
            out.append(f"{name}: no signature recorded in the audit trail for it")
        elif event[1].get("fingerprint") != v.fingerprint:
            out.append(f"{name}: the record was rewritten (its fingerprint is not the one the audit trail recorded)")
        try:
            record = json.loads(v.record)
        except ValueError:
            record = {}
        if not isinstance(record, dict) or record.get("case_id") != case.case_id:
            out.append(f"{name}: the record is not about this case")
        if v.case_sha256 is not None and v.case_sha256 not in shas:
            out.append(f"{name}: signed on a case revision that is not stored")
        if v.signature is None:
            out.append(f"{name}: not signed (made before signatures existed, or the signature was removed)")
            continue
        known = key_card(session, v.signer_key)
        if known is None:
            out.append(f"{name}: signed with a key nobody registered here ({(v.signer_key or '?')[:16]})")
            continue
        owner, card = known
        if owner != v.reviewer or (isinstance(record, dict) and record.get("reviewer") not in (None, v.reviewer)):
            out.append(f"{name}: signed with a key of {owner}, not of the reviewer named")
        if not card.verify(statement_of(session, v, case.case_id), v.signature):
            out.append(f"{name}: the signature does not match (record, case revision, history or signer changed)")
        if v.origin == "local" and v.chain_head:
            head = parse_head(v.chain_head)
            if head and head[0] > 0 and trail.hashes:
                if trail.hashes.get(head[0]) != head[1]:
                    out.append(f"{name}: the audit event before its signature ({head[0]}) is gone or changed")
        if v.supersedes_id is not None and v.supersedes_id not in by_id:
            out.append(f"{name}: the verdict it amends is missing")
    exported = {(p.get("verdict_id"), json.dumps(p.get("files"), sort_keys=True)) for p in trail.notices.get(case.id, [])}
    for export in session.scalars(select(NoticeExportModel).where(NoticeExportModel.case_pk == case.id)):
        try:
            files = json.dumps(json.loads(export.files), sort_keys=True)
        except ValueError:
            files = None
        if (export.verdict_id, files) not in exported:
            out.append(f"a notice export of verdict {export.verdict_id} has no audit event (deleted, or added "
                       "outside arbiter)")
    for verdict_id, (case_pk, payload) in trail.verdicts.items():
        if case_pk == case.id and verdict_id not in by_id:
            out.append(f"verdict v{payload.get('number') or '?'} (fingerprint {str(payload.get('fingerprint'))[:16]}) "
                       "recorded in the audit trail is missing: its row was deleted")
    for confirmed in trail.confirmations.get(case.id, []):
        statement = {k: confirmed.get(k) for k in ("format", "case_id", "verdict", "case_sha256", "signer", "key")}
        known = key_card(session, confirmed.get("key"))
        if known is None or known[0] != confirmed.get("signer") or not known[1].verify(
                canonical_json(statement), confirmed.get("signature")):
            out.append(f"the confirmation that the verdict stands for revision {confirmed.get('revision')} is not "
                       "validly signed")
    out.extend(check_reviews(session, case, by_id, trail.reviews))
    mains = [v for v in verdicts if v.conflicts_with_id is None]
    if case.status in SIGNED_STATUSES and not mains:
        out.append(f"the case is marked {case.status} but has no verdict")
    return out, len(verdicts)


def _heads(session: Session) -> list[tuple[int, str, str]]:
    out = [(row.seq, row.hash, f"{row.reason} {row.detail}".strip())
           for row in session.scalars(select(ChainHeadModel).order_by(ChainHeadModel.id))]
    for entry in heads.remembered(session):
        out.append((entry["seq"], str(entry.get("hash")), f"{entry.get('reason', '')} {entry.get('detail', '')}"
                    .strip() + " (data folder)"))
    return out


def _check_heads(session: Session, hashes: dict[int, str] | None) -> list[Finding]:
    out: list[Finding] = []
    newest = session.scalar(select(func.max(AuditEventModel.seq))) or 0
    done = set()
    for seq, digest, what in _heads(session):
        if (seq, digest) in done:
            continue
        done.add((seq, digest))
        actual = hashes.get(seq) if hashes is not None else session.scalar(
            select(AuditEventModel.hash).where(AuditEventModel.seq == seq))
        if actual is None:
            out.append(Finding(DATABASE, f"audit chain: event {seq}, recorded as the head by {what}, is gone "
                                         f"(the chain ends at {newest}): the newest events were deleted, or this "
                                         "is an older copy of the database"))
        elif actual != digest:
            out.append(Finding(DATABASE, f"audit chain: event {seq} is not the one recorded as the head by {what}"))
    return out


def verify_database(session: Session, progress: Callable[[int, int], None] | None = None) -> Report:
    """The whole check. ``progress(done, total)`` is called as cases are checked."""
    report = Report()
    cases = {pk: cid for pk, cid in session.execute(select(CaseModel.id, CaseModel.case_id))}
    trail = _Trail()
    expected, prev = 1, GENESIS_HASH
    rows = session.execute(select(AuditEventModel).order_by(AuditEventModel.seq).execution_options(yield_per=1000))
    for row in rows.scalars():
        report.events += 1
        where = cases.get(row.case_pk, DATABASE) if row.case_pk is not None else DATABASE
        if row.seq != expected:
            report.findings.append(Finding(where, f"audit events {expected}-{row.seq - 1} are missing"))
        for what in _event_problems(row, prev):
            report.findings.append(Finding(where, what))
        trail.add(row)
        trail.hashes[row.seq] = row.hash
        expected, prev = row.seq + 1, row.hash
    report.findings.extend(_check_heads(session, trail.hashes))
    for fp, in session.execute(select(SigningKeyModel.fingerprint)):
        if fp not in trail.keys:
            report.findings.append(Finding(DATABASE, f"key {fp[:16]} was registered outside arbiter "
                                                     "(no audit event)"))
    total = len(cases)
    for i, case in enumerate(session.scalars(select(CaseModel).order_by(CaseModel.id)
                                             .execution_options(yield_per=200))):
        problems, n = check_case(session, case, trail)
        report.cases += 1
        report.verdicts += n
        report.findings.extend(Finding(case.case_id, p) for p in problems)
        if progress is not None:
            progress(i + 1, total)
    known_cases = set(cases)
    for verdict_id, (case_pk, payload) in trail.verdicts.items():
        if case_pk not in known_cases:
            report.findings.append(Finding(str(payload.get("case_id") or DATABASE),
                                           f"verdict {verdict_id} recorded in the audit trail belongs to no case"))
    return report


def verify_one_case(session: Session, case_pk: int) -> list[str]:
    """The checks of :func:`verify_database` that concern one case (what the GUI runs when a case opens): its
    revisions, evidence, verdicts and audit events, and the recorded chain heads."""
    case = session.get(CaseModel, case_pk)
    if case is None:
        return [f"case {case_pk} is not stored"]
    trail = _Trail()
    out: list[str] = []
    events = list(session.scalars(select(AuditEventModel).where(AuditEventModel.case_pk == case_pk)
                                  .order_by(AuditEventModel.seq)))
    for row in events:
        before = session.scalar(select(AuditEventModel.hash).where(AuditEventModel.seq == row.seq - 1)) \
            if row.seq > 1 else GENESIS_HASH
        out.extend(_event_problems(row, before))
        trail.add(row)
    heads_seen = {}
    for v in session.scalars(select(VerdictModel.chain_head).where(VerdictModel.case_pk == case_pk)):
        head = parse_head(v)
        if head:
            heads_seen[head[0]] = session.scalar(select(AuditEventModel.hash).where(AuditEventModel.seq == head[0]))
    trail.hashes = {k: v for k, v in heads_seen.items() if v is not None} or {0: ""}
    problems, _n = check_case(session, case, trail)
    out.extend(problems)
    out.extend(f.what for f in _check_heads(session, None))
    return out


def verdict_problems_by_case(report: Report) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for f in report.findings:
        grouped[f.case_id].append(f.what)
    return dict(grouped)
