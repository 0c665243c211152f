"""Party history across cases (``case_parties``, migration 0005): who the buyer and the seller of each case are,
their earlier cases and how those ended, and the same phone or address under another buyer name."""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, bindparam, exists, select, update
from sqlalchemy.orm import Session, aliased

from arbiter.domain.model import Case
from arbiter.domain.parse import case_from_dict
from arbiter.domain.party_history import EarlierCase, PartyHistory, PartySide, SharedContact
from arbiter.store.db import Database
from arbiter.store.errors import CaseNotFound
from arbiter.store.models import CaseModel, CasePartyModel, CaseRevisionModel, VerdictModel


def phone_key(phone: str | None) -> str | None:
    """Digits only, the last 10 at most (so +44 7700 900123 and 07700 900123 agree); None if under 6 digits."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone or ""))
    return digits[-10:] if len(digits) >= 6 else None


def address_key(address: str | None) -> str | None:
    text = unicodedata.normalize("NFKC", address or "").casefold()
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return text[:512] or None


def party_values(case: Case) -> dict[str, str | None]:
    """The party row's columns of a case (without ``case_pk`` and ``revision``): plain values, picklable, so the
    importer's workers compute them and the writer only stores them."""
    return dict(buyer_id=case.buyer.id[:128], buyer_name=case.buyer.display_name[:255],
                buyer_phone_key=phone_key(case.buyer.phone), buyer_address_key=address_key(case.buyer.address),
                seller_id=case.seller.id[:128], seller_name=case.seller.shop_name[:255],
                seller_phone_key=phone_key(case.seller.phone))


_PARTIES = CasePartyModel.__table__
_SELECT_PARTIES_IN = select(_PARTIES.c.case_pk, _PARTIES.c.revision).where(
    _PARTIES.c.case_pk.in_(bindparam("pks", expanding=True)))
_UPDATE_PARTY = update(_PARTIES).where(_PARTIES.c.case_pk == bindparam("pk_"))


def store_parties(conn: Connection, rows: Sequence[tuple[int, int, Mapping[str, Any]]]) -> None:
    """Insert or refresh party rows ``(case_pk, revision, party_values)`` (Core, the caller's transaction): a
    case's row follows its newest revision (an older revision imported later leaves it)."""
    if not rows:
        return
    newest: dict[int, tuple[int, Mapping[str, Any]]] = {}
    for case_pk, revision, values in rows:
        if case_pk not in newest or newest[case_pk][0] <= revision:
            newest[case_pk] = (revision, values)
    pks = sorted(newest)
    have: dict[int, int] = {}
    for start in range(0, len(pks), 500):
        have.update(tuple(row) for row in conn.execute(_SELECT_PARTIES_IN, {"pks": pks[start:start + 500]}))
    fresh = [dict(values, case_pk=pk, revision=revision) for pk, (revision, values) in newest.items()
             if pk not in have]
    stale = [dict(values, pk_=pk, revision=revision) for pk, (revision, values) in newest.items()
             if pk in have and have[pk] <= revision]
    if fresh:
        conn.execute(_PARTIES.insert(), fresh)
    if stale:
        conn.execute(_UPDATE_PARTY, stale)


def record_parties(session: Session, case_pk: int, revision: int, case: Case) -> None:
    """Insert or refresh the case's party row from its newest revision (in the caller's transaction)."""
    session.flush()
    store_parties(session.connection(), [(case_pk, revision, party_values(case))])
    for obj in [o for o in session.identity_map.values() if isinstance(o, CasePartyModel) and o.case_pk == case_pk]:
        session.expire(obj)


def ensure_parties(db: Database) -> int:
    """Party rows for cases imported before migration 0005 (read from their newest case.json)."""
    with db.session(readonly=True) as session:
        missing = list(session.execute(
            select(CaseModel.id, CaseModel.latest_revision, CaseRevisionModel.case_json)
            .join(CaseRevisionModel, and_(CaseRevisionModel.case_pk == CaseModel.id,
                                          CaseRevisionModel.revision == CaseModel.latest_revision))
            .where(~exists().where(CasePartyModel.case_pk == CaseModel.id))))
    if not missing:
        return 0
    with db.session() as session:
        for pk, revision, raw in missing:
            record_parties(session, pk, revision, case_from_dict(json.loads(bytes(raw).decode("utf-8"), parse_float=Decimal)))
    return len(missing)


def _outcomes(session: Session, case_pks: list[int]) -> dict[int, str]:
    """case_pk -> the outcome of its current verdict (the one no amendment supersedes)."""
    later = aliased(VerdictModel)
    out: dict[int, str] = {}
    for start in range(0, len(case_pks), 500):
        chunk = case_pks[start:start + 500]
        rows = session.execute(select(VerdictModel.case_pk, VerdictModel.record).where(
            VerdictModel.case_pk.in_(chunk), ~exists().where(later.supersedes_id == VerdictModel.id)))
        for pk, record in rows:
            try:
                out[pk] = str(json.loads(record).get("outcome") or "open")
            except (ValueError, AttributeError):
                out[pk] = "open"
    return out


def party_history(db: Database, case_pk: int) -> PartyHistory:
    ensure_parties(db)
    with db.session(readonly=True) as session:
        me = session.get(CasePartyModel, case_pk)
        case_row = session.get(CaseModel, case_pk)
        if me is None or case_row is None:
            raise CaseNotFound(case_pk)
        opened = case_row.opened_at
        earlier_base = (select(CaseModel.id, CaseModel.case_id)
                        .join(CasePartyModel, CasePartyModel.case_pk == CaseModel.id)
                        .where(CaseModel.id != case_pk, CaseModel.opened_at < opened)
                        .order_by(CaseModel.opened_at, CaseModel.id))
        buyer_rows = session.execute(earlier_base.where(CasePartyModel.buyer_id == me.buyer_id)).all()
        seller_rows = session.execute(earlier_base.where(CasePartyModel.seller_id == me.seller_id)).all()
        outcomes = _outcomes(session, sorted({pk for pk, _ in buyer_rows} | {pk for pk, _ in seller_rows}))

        def side(role, pid, name, rows):
            return PartySide(role, pid, name, tuple(EarlierCase(cid, outcomes.get(pk, "open")) for pk, cid in rows))

        shared: list[SharedContact] = []
        case = _case_of(session, case_pk)
        checks = (("buyer", "phone", CasePartyModel.buyer_phone_key, me.buyer_phone_key, case.buyer.phone,
                   CasePartyModel.buyer_id, CasePartyModel.buyer_name, me.buyer_name),
                  ("buyer", "address", CasePartyModel.buyer_address_key, me.buyer_address_key, case.buyer.address,
                   CasePartyModel.buyer_id, CasePartyModel.buyer_name, me.buyer_name),
                  ("seller", "phone", CasePartyModel.seller_phone_key, me.seller_phone_key, case.seller.phone,
                   CasePartyModel.seller_id, CasePartyModel.seller_name, me.seller_name))
        for role, kind, column, key, shown, id_col, name_col, my_name in checks:
            if not key:
                continue
            rows = session.execute(
                select(CaseModel.case_id, id_col, name_col).join(CasePartyModel, CasePartyModel.case_pk == CaseModel.id)
                .where(column == key, CaseModel.id != case_pk, name_col != my_name)
                .order_by(CaseModel.opened_at, CaseModel.id).limit(20))
            shared.extend(SharedContact(role, kind, shown or "", cid, pid, name) for cid, pid, name in rows)
        return PartyHistory(side("buyer", me.buyer_id, me.buyer_name, buyer_rows),
                            side("seller", me.seller_id, me.seller_name, seller_rows), tuple(shared))


def _case_of(session: Session, case_pk: int) -> Case:
    raw = session.scalar(select(CaseRevisionModel.case_json).join(
        CaseModel, and_(CaseModel.id == CaseRevisionModel.case_pk, CaseModel.latest_revision == CaseRevisionModel.revision))
        .where(CaseModel.id == case_pk))
    return case_from_dict(json.loads(bytes(raw).decode("utf-8"), parse_float=Decimal))
