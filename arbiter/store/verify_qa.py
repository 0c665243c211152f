"""``arbiter verify`` for supervisor actions (issue 12): each ``supervisor_reviews`` row is checked the way a
verdict is (docs/trust.md, "What verify checks"): its record against its fingerprint and against the fingerprint
its audit event recorded, its columns (action, note, supervisor, the verdict and amendment it links) against the
signed record, its Ed25519 signature by a registered key of that supervisor, and every action the audit trail
recorded still there. A tampered supervisor action is reported like a tampered verdict."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from arbiter.signing.keys import KeyCard, KeyCardError
from arbiter.store.canonical import sha256_hex
from arbiter.store.models import CaseModel, SigningKeyModel, UserModel, VerdictModel
from arbiter.store.qa_models import SupervisorReviewModel

QA_EVENTS = ("qa.approve", "qa.return", "qa.overturn", "qa.imported")


def _cards_of(session: Session, user_id: str) -> list[tuple[KeyCard, str]]:
    """Every registered key card of a person (replaced keys too: old actions stay verifiable) with their role."""
    out = []
    for card_text, role in session.execute(select(SigningKeyModel.card, UserModel.role).join(
            UserModel, UserModel.id == SigningKeyModel.user_pk).where(UserModel.username == user_id)):
        try:
            out.append((KeyCard.from_bytes(card_text.encode("utf-8")), role))
        except KeyCardError:
            continue
    return out


def _name(row: SupervisorReviewModel, verdict: VerdictModel | None) -> str:
    what = {"approve": "approval", "return": "return", "overturn": "overturn"}.get(row.action, str(row.action))
    of = f"v{verdict.number or '?'} by {verdict.reviewer}" if verdict is not None else f"verdict {row.verdict_id}"
    return f"supervisor {what} of {of} (by {row.supervisor})"


def _record_problems(row: SupervisorReviewModel, record: dict[str, Any], case: CaseModel,
                     verdict: VerdictModel | None, amendment: VerdictModel | None) -> list[str]:
    out = []
    if record.get("case_id") != case.case_id:
        out.append("the signed record is about another case")
    for column, key in (("action", "action"), ("note", "note"), ("supervisor", "supervisor")):
        if (getattr(row, column) or "") != (record.get(key) or ""):
            out.append(f"its {column} is not what the supervisor signed (changed after signing)")
    fmt = record.get("format")
    if fmt == "arbiter.qa-review/1":
        if record.get("verdict_id") != row.verdict_id or (verdict is not None and
                                                          record.get("verdict_fingerprint") != verdict.fingerprint):
            out.append("it is linked to another verdict than the one signed")
        if record.get("amendment_id") != row.amendment_id:
            out.append("it is linked to another amendment than the one signed")
    elif fmt == "arbiter.qa-review/2":
        signed = record.get("verdict") or {}
        if verdict is None or signed.get("fingerprint") != verdict.fingerprint:
            out.append("it is linked to another verdict than the one signed")
        if (amendment.fingerprint if amendment is not None else None) != record.get("amendment"):
            out.append("it is linked to another amendment than the one signed")
        if amendment is not None and amendment.supersedes_id != row.verdict_id:
            out.append("its amendment does not amend the verdict reviewed")
    else:
        out.append(f"the record has an unknown format {str(fmt)[:40]!r}")
    return out


def _signature_problems(session: Session, row: SupervisorReviewModel, record: dict[str, Any]) -> list[str]:
    if not row.signature:
        return ["not signed (or the signature was removed)"]
    message = row.record.encode("utf-8")
    key = record.get("key")
    if key:  # arbiter.qa-review/2 names the key it was signed with
        from arbiter.store.trust import key_card

        known = key_card(session, key)
        if known is None:
            return [f"signed with a key nobody registered here ({str(key)[:16]})"]
        owner, card = known
        out = []
        if owner != row.supervisor:
            out.append(f"signed with a key of {owner}, not of the supervisor named")
        if not card.verify(message, row.signature):
            out.append("the signature does not match (action, note, verdict or signer changed)")
        role = session.scalar(select(UserModel.role).where(UserModel.username == owner))
        if role != "supervisor":
            out.append(f"signed by {owner}, who is registered as a {role}, not a supervisor")
        return out
    cards = _cards_of(session, row.supervisor)
    if not cards:
        return [f"signed by {row.supervisor}, whose key is not registered here"]
    if not any(card.verify(message, row.signature) for card, _role in cards):
        return ["the signature does not match (action, note, verdict or signer changed)"]
    return []


def check_reviews(session: Session, case: CaseModel, verdicts: dict[int, VerdictModel],
                  recorded: dict[int, tuple[int | None, dict]]) -> list[str]:
    """Problems of the supervisor actions on the case's verdicts (``verdicts`` by id; ``recorded``: review id ->
    (case_pk, payload) of the audit trail's ``qa.*`` events)."""
    if not verdicts:
        return [f"supervisor action {rid} recorded in the audit trail is missing: its row was deleted"
                for rid, (pk, _p) in sorted(recorded.items()) if pk == case.id]
    out: list[str] = []
    rows = list(session.scalars(select(SupervisorReviewModel).where(
        SupervisorReviewModel.verdict_id.in_(list(verdicts))).order_by(SupervisorReviewModel.id)))
    seen = set()
    for row in rows:
        seen.add(row.id)
        verdict = verdicts.get(row.verdict_id)
        amendment = verdicts.get(row.amendment_id) if row.amendment_id is not None else None
        if row.amendment_id is not None and amendment is None:
            amendment = session.get(VerdictModel, row.amendment_id)
        name = _name(row, verdict)
        problems = []
        if sha256_hex(row.record.encode("utf-8")) != row.fingerprint:
            problems.append("the record does not match its fingerprint")
        event = recorded.get(row.id)
        if event is None:
            problems.append("no audit event recorded it")
        elif event[1].get("fingerprint") != row.fingerprint:
            problems.append("the record was rewritten (its fingerprint is not the one the audit trail recorded)")
        try:
            record = json.loads(row.record)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            problems.append("the record is not readable")
        else:
            problems.extend(_record_problems(row, record, case, verdict, amendment))
            problems.extend(_signature_problems(session, row, record))
        out.extend(f"{name}: {p}" for p in problems)
    for rid, (pk, payload) in sorted(recorded.items()):
        if pk == case.id and rid not in seen:
            out.append(f"supervisor {payload.get('action') or 'action'} {rid} (fingerprint "
                       f"{str(payload.get('fingerprint'))[:16]}) recorded in the audit trail is missing: its row was "
                       "deleted")
    return out
