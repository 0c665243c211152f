"""The store's side of trust (docs/trust.md): registered key cards, signing a verdict in one place (the rules
and the review progress re-checked below the GUI), the audit chain head, notice exports and seen heads.

Functions take the caller's session (one transaction); :class:`arbiter.store.Repository` wraps them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import arbiter
from arbiter.signing.keys import KeyCard, KeyCardError, verdict_statement
from arbiter.store import audit
from arbiter.store.blobs import read_blob
from arbiter.store.canonical import canonical_json, sha256_hex
from arbiter.store.errors import KeyRefused, VerdictRefused
from arbiter.store.models import (
    GENESIS_HASH,
    AuditEventModel,
    CaseModel,
    CaseRevisionModel,
    ChainHeadModel,
    EvidenceModel,
    SigningKeyModel,
    UserModel,
    VerdictModel,
)

SIGNED_ACTIONS = ("verdict.signed", "verdict.amended", "verdict.imported")


# -- the audit chain head --------------------------------------------------------------------------------------
def chain_head(session: Session) -> tuple[int, str]:
    """``(seq, hash)`` of the newest audit event; ``(0, 64 zeros)`` for an empty chain."""
    row = session.execute(select(AuditEventModel.seq, AuditEventModel.hash)
                          .order_by(AuditEventModel.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def head_text(head: tuple[int, str]) -> str:
    return f"{head[0]}:{head[1]}"


def parse_head(text: str | None) -> tuple[int, str] | None:
    if not text or ":" not in text:
        return None
    seq, _, digest = text.partition(":")
    try:
        return int(seq), digest
    except ValueError:
        return None


def record_head(session: Session, head: tuple[int, str], reason: str, detail: str) -> None:
    """Remember a head that left the database (in a package, a notice): ``verify`` checks it is still there."""
    if head[0] <= 0:
        return
    session.add(ChainHeadModel(seq=head[0], hash=head[1], at=datetime.now(timezone.utc), reason=reason,
                               detail=detail[:500]))
    session.flush()
    from arbiter.store import heads  # the copy outside the database

    heads.remember(session, head, reason, detail)


# -- key cards -------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str
    fingerprint: str          # the current key
    keys: tuple[str, ...]     # every key known, oldest first


def register_card(session: Session, card: KeyCard, actor: str, *, replace: bool = False) -> str:
    """``added``, ``unchanged`` or ``replaced``; raises :class:`KeyRefused` for an id registered with another
    key unless ``replace`` (the old key stays known for verifying old verdicts)."""
    now = datetime.now(timezone.utc)
    known = session.scalar(select(SigningKeyModel).where(SigningKeyModel.fingerprint == card.fingerprint))
    user = session.scalar(select(UserModel).where(UserModel.username == card.id))
    if known is not None:
        owner = session.get(UserModel, known.user_pk)
        if owner is None or owner.username != card.id:
            raise KeyRefused(f"this key is registered already for {owner.username if owner else '?'}")
        if known.replaced_at is None:
            return "unchanged"
        if not replace:
            raise KeyRefused(f"{card.id}: this key was replaced; --replace makes it current again")
    current = None
    if user is not None:
        current = session.scalar(select(SigningKeyModel).where(SigningKeyModel.user_pk == user.id,
                                                               SigningKeyModel.replaced_at.is_(None)))
        if current is not None and current.fingerprint != card.fingerprint and not replace:
            raise KeyRefused(f"{card.id} is registered with another key ({current.fingerprint[:16]}); "
                             "--replace registers the new one and keeps the old one for old verdicts")
    status = "added"
    if user is None:
        user = UserModel(username=card.id, display_name=card.name, role=card.role, created_at=now)
        session.add(user)
        session.flush()
    else:
        user.display_name, user.role = card.name, card.role
    if current is not None and current.fingerprint != card.fingerprint:
        current.replaced_at = now
        status = "replaced"
    if known is not None:
        known.replaced_at = None
        status = "replaced"
    else:
        session.add(SigningKeyModel(user_pk=user.id, fingerprint=card.fingerprint,
                                    card=card.to_bytes().decode("utf-8"), created=card.created, added_at=now,
                                    added_by=actor))
    session.flush()
    audit.append_event(session, actor, "key.registered", {
        "id": card.id, "name": card.name, "role": card.role, "fingerprint": card.fingerprint, "status": status,
    }, at=now)
    return status


def key_card(session: Session, fingerprint: str | None) -> tuple[str, KeyCard] | None:
    """``(user id, card)`` of a registered key, or None."""
    if not fingerprint:
        return None
    row = session.execute(select(SigningKeyModel, UserModel.username).join(
        UserModel, UserModel.id == SigningKeyModel.user_pk).where(SigningKeyModel.fingerprint == fingerprint)).first()
    if row is None:
        return None
    try:
        return row[1], KeyCard.from_bytes(row[0].card.encode("utf-8"))
    except KeyCardError:
        return None


def people(session: Session) -> list[Person]:
    out: list[Person] = []
    for user in session.scalars(select(UserModel).order_by(UserModel.username)):
        keys = list(session.scalars(select(SigningKeyModel).where(SigningKeyModel.user_pk == user.id)
                                    .order_by(SigningKeyModel.id)))
        if not keys:
            continue
        current = next((k for k in reversed(keys) if k.replaced_at is None), keys[-1])
        out.append(Person(user.username, user.display_name, user.role, current.fingerprint,
                          tuple(k.fingerprint for k in keys)))
    return out


def current_key_of(session: Session, user_id: str) -> str | None:
    return session.scalar(select(SigningKeyModel.fingerprint).join(
        UserModel, UserModel.id == SigningKeyModel.user_pk).where(
        UserModel.username == user_id, SigningKeyModel.replaced_at.is_(None)))


# -- case revisions --------------------------------------------------------------------------------------------
def revision_row(session: Session, case_pk: int, *, revision: int | None = None,
                 sha256: str | None = None) -> CaseRevisionModel | None:
    stmt = select(CaseRevisionModel).where(CaseRevisionModel.case_pk == case_pk)
    if revision is not None:
        stmt = stmt.where(CaseRevisionModel.revision == revision)
    if sha256 is not None:
        stmt = stmt.where(CaseRevisionModel.case_sha256 == sha256)
    return session.scalar(stmt.order_by(CaseRevisionModel.revision.desc()).limit(1))


def parse_revision(rev: CaseRevisionModel):
    from arbiter.bundle.reader import load_case_json  # read exactly as the importer read it

    raw = rev.case_json.encode("utf-8") if isinstance(rev.case_json, str) else bytes(rev.case_json)
    return load_case_json(raw)


def tampered_ids(session: Session, rev: CaseRevisionModel) -> frozenset[str]:
    bad = set()
    for item in session.scalars(select(EvidenceModel).where(EvidenceModel.revision_pk == rev.id)):
        data = read_blob(session, item.sha256)
        if data is None or sha256_hex(data) != item.sha256:
            bad.add(item.evidence_id)
    return frozenset(bad)


def policy_for(platform: str, region: str | None, policy_id: str | None = None, version: str | None = None):
    """The policy a case is decided under; with ``version``, exactly that version (PolicyError otherwise).
    Uses ``arbiter.policies.load_policy_version`` when the rules offer versioned loading (issue 9), else the
    shipped policy when its id and version match."""
    from arbiter import policies
    from arbiter.domain.policy import PolicyError

    loader = getattr(policies, "load_policy_version", None)
    if version is not None and callable(loader):
        policy = loader(str(platform), region, version)
    else:
        policy = policies.load_policy(str(platform), region)
        if version is not None and str(policy.version) != str(version):
            raise PolicyError(str(policy.id), f"version {version} is not known to this arbiter "
                                              f"(it has {policy.version})")
    if policy_id is not None and str(policy.id) != str(policy_id):
        raise PolicyError(str(policy.id), f"the case is decided under {policy.id}, not {policy_id}")
    return policy


def _differences(a: dict, b: dict) -> list[str]:
    keys = sorted(set(a) | set(b))
    return [k for k in keys if canonical_json(a.get(k)) != canonical_json(b.get(k))]


def check_against_rules(case, policy, answers: dict, record: dict, tampered: frozenset[str]) -> None:
    """Raise :class:`VerdictRefused` unless ``record`` is exactly what the rules derive from ``answers``."""
    from arbiter.domain import checklist

    try:
        derived = checklist.decide(case, policy, answers, tampered=tampered)
    except checklist.AnswerError as exc:
        raise VerdictRefused(f"the answers do not decide the case: {exc}") from None
    if canonical_json(derived) != canonical_json(record):
        fields = ", ".join(_differences(derived, record)[:6])
        raise VerdictRefused(f"the record is not what the rules derive from the answers (differs in: {fields})")


def check_progress(case, policy, answers: dict, progress: dict, tampered: frozenset[str]) -> None:
    from arbiter.domain import checklist
    from arbiter.domain.signoff import progress_gaps

    assessment = checklist.assess(case, policy, answers, tampered=tampered)
    gaps = progress_gaps(case, assessment.evidence, progress, tampered)
    if gaps:
        raise VerdictRefused("the review is not complete: " + "; ".join(gaps))


def clean_json(obj: Any) -> Any:
    """A plain-JSON copy (Decimals as strings), as stored."""
    return json.loads(json.dumps(obj, default=str, ensure_ascii=False))


# -- verdict signing -------------------------------------------------------------------------------------------
def supersedes_fingerprint(session: Session, row: VerdictModel) -> str | None:
    if row.supersedes_id is None:
        return None
    return session.scalar(select(VerdictModel.fingerprint).where(VerdictModel.id == row.supersedes_id))


def statement_of(session: Session, row: VerdictModel, case_id: str,
                 supersedes: str | None | bool = False) -> bytes:
    """The statement a stored verdict's signature covers (``supersedes``: the fingerprint, when the row is not
    flushed yet)."""
    return verdict_statement(
        case_id=case_id, number=row.number or 0, kind=row.kind, case_sha256=row.case_sha256 or "",
        record_fingerprint=row.fingerprint,
        supersedes=supersedes_fingerprint(session, row) if supersedes is False else supersedes,
        signer=row.reviewer, key=row.signer_key or "", chain_head=row.chain_head, app_version=row.app_version or "",
        answers_sha256=sha256_hex((row.answers or "").encode("utf-8")),
        progress_sha256=sha256_hex((row.progress or "").encode("utf-8")), reason=row.reason)


def chain_number(session: Session, case_pk: int, supersedes: VerdictModel | None) -> int:
    if supersedes is None:
        return 1
    return (supersedes.number or session.scalar(
        select(func.count(VerdictModel.id)).where(VerdictModel.case_pk == case_pk,
                                                  VerdictModel.id <= supersedes.id,
                                                  VerdictModel.conflicts_with_id.is_(None))) or 0) + 1


def prepare_local_signature(session: Session, case: CaseModel, signer: Any, record: dict, answers: dict,
                            progress: dict) -> dict[str, Any]:
    """Every check of a local signature; returns the columns to store (without the signature)."""
    if getattr(signer, "card", None) is None or not callable(getattr(signer, "sign", None)):
        raise VerdictRefused("nothing is signed without an identity (arbiter identity init)")
    if not isinstance(record, dict) or not isinstance(answers, dict):
        raise TypeError("record and answers must be dicts")
    if answers.get("reviewer") != signer.id or record.get("reviewer") != signer.id:
        raise VerdictRefused(f"the reviewer named in the answers and the record must be the signer, {signer.id}")
    from arbiter.store.appeals import check_not_original_decider  # an appeal goes to another reviewer (issue 12)

    check_not_original_decider(session, case.id, signer.id)
    registered = current_key_of(session, signer.id)
    if registered is None:
        register_card(session, signer.card, signer.id)
    elif registered != signer.fingerprint:
        raise VerdictRefused(f"{signer.id} is registered here with another key ({registered[:16]}); register the "
                             "new key card first (arbiter reviewers add --replace)")
    rev = revision_row(session, case.id, revision=case.latest_revision)
    if rev is None:
        raise VerdictRefused(f"{case.case_id}: no stored revision")
    parsed = parse_revision(rev)
    policy = policy_for(parsed.platform.value, parsed.region)
    tampered = tampered_ids(session, rev)
    answers = clean_json(answers)
    progress = clean_json(progress or {})
    check_against_rules(parsed, policy, answers, record, tampered)
    check_progress(parsed, policy, answers, progress, tampered)
    return {"revision": rev.revision, "case_sha256": rev.case_sha256, "answers": answers, "progress": progress,
            "tampered": sorted(tampered)}
