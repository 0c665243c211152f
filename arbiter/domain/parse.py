"""Turn a decoded ``case.json`` (plain dicts and lists) into a :class:`~arbiter.domain.model.Case`.

Pure: the bundle reader does the I/O and the JSON decoding; this module checks every field the rules use and
names the offending one in the error (``order.total_paid: ...``). It never guesses: a timestamp without a UTC
offset, money given as a number, an unknown enum value or a path that could escape the bundle is refused.
"""
from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from arbiter.domain.model import (
    SUPPORTED_CASE_FORMATS,
    AfterSale,
    Buyer,
    Case,
    Channel,
    ChatLog,
    ChatMessage,
    ChatOwner,
    Appeal,
    Claim,
    ClaimItem,
    ClaimType,
    DecisionRef,
    Evidence,
    EvidenceKind,
    Item,
    Logistics,
    LogisticsEvent,
    LogisticsStatus,
    Order,
    Party,
    Platform,
    RequestedRemedy,
    ReturnLogistics,
    Seller,
    SellerOffer,
    SellerResponse,
    Sender,
    SupplementRequest,
)


class CaseFormatError(ValueError):
    """A field of case.json is missing or wrong. ``path`` names it (``evidence[2].sha256``)."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


# Always used with fullmatch(): ``$`` also matches before a final newline, so "ID\n" would pass a match().
CASE_ID_RE = re.compile(r"[A-Za-z0-9._-]{1,64}")
MONEY_RE = re.compile(r"[0-9]{1,15}(\.[0-9]{1,4})?")
CURRENCY_RE = re.compile(r"[A-Z]{3}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")
ID_RE = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_CONTROL_RE = re.compile(r"[\x00-\x1f]")

E = TypeVar("E", bound=StrEnum)


def check_bundle_path(path: str, where: str) -> str:
    """A path inside the bundle: relative, ``/``-separated, no ``..``, no drive letter, no backslash."""
    if not isinstance(path, str) or not path:
        raise CaseFormatError(where, "must be a non-empty relative path")
    if "\\" in path:
        raise CaseFormatError(where, f"path {path!r} contains a backslash; paths are '/'-separated")
    if path.startswith("/"):
        raise CaseFormatError(where, f"path {path!r} is absolute; it must be relative to the bundle")
    if _DRIVE_RE.match(path):
        raise CaseFormatError(where, f"path {path!r} names a drive; it must be relative to the bundle")
    if _CONTROL_RE.search(path):
        raise CaseFormatError(where, f"path {path!r} contains control characters")
    parts = path.split("/")
    if any(part == ".." for part in parts):
        raise CaseFormatError(where, f"path {path!r} escapes the bundle ('..')")
    if any(part in ("", ".") for part in parts):
        raise CaseFormatError(where, f"path {path!r} has an empty or '.' component")
    return path


class _Reader:
    """Field access with the dotted path of each field for error messages."""

    def __init__(self, data: Any, path: str):
        if not isinstance(data, dict):
            raise CaseFormatError(path or "case.json", "must be a JSON object")
        self.data = data
        self.path = path

    def _p(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise CaseFormatError(self._p(key), "required field is missing")
            return None
        return self.data[key]

    def obj(self, key: str, required: bool = True) -> _Reader | None:
        value = self._get(key, required)
        return None if value is None else _Reader(value, self._p(key))

    def str(self, key: str, required: bool = True, max_len: int = 100_000) -> Any:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise CaseFormatError(self._p(key), f"must be a string, got {_json_type(value)}")
        if len(value) > max_len:
            raise CaseFormatError(self._p(key), f"is longer than {max_len} characters")
        return value

    def nonempty(self, key: str, max_len: int = 1000) -> str:
        value = self.str(key, max_len=max_len)
        if not value.strip():
            raise CaseFormatError(self._p(key), "must not be empty")
        return value

    def ident(self, key: str) -> str:
        value = self.str(key)
        if not ID_RE.fullmatch(value):
            raise CaseFormatError(self._p(key), f"{value!r} is not a valid id (1-64 of A-Z a-z 0-9 . _ : -)")
        return value

    def bool(self, key: str, required: bool = True, default: bool = False) -> bool:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise CaseFormatError(self._p(key), f"must be true or false, got {_json_type(value)}")
        return value

    def int(self, key: str, required: bool = True, default: int = 0, minimum: int = 0) -> int:
        value = self._get(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise CaseFormatError(self._p(key), f"must be a whole number, got {_json_type(value)}")
        if value < minimum:
            raise CaseFormatError(self._p(key), f"must be at least {minimum}")
        return value

    def time(self, key: str, required: bool = True) -> datetime | None:
        value = self._get(key, required)
        if value is None:
            return None
        return parse_timestamp(value, self._p(key))

    def money(self, key: str, required: bool = True) -> Decimal | None:
        value = self._get(key, required)
        if value is None:
            return None
        return parse_money(value, self._p(key))

    def enum(self, key: str, enum: type[E], required: bool = True) -> E | None:
        value = self._get(key, required)
        if value is None:
            return None
        try:
            return enum(value)
        except (ValueError, TypeError):
            allowed = ", ".join(m.value for m in enum)
            raise CaseFormatError(self._p(key), f"{value!r} is not one of: {allowed}") from None

    def list(self, key: str, required: bool = True) -> list[tuple[str, Any]]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise CaseFormatError(self._p(key), f"must be an array, got {_json_type(value)}")
        return [(f"{self._p(key)}[{i}]", v) for i, v in enumerate(value)]


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float, Decimal)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


def parse_timestamp(value: Any, where: str) -> datetime:
    """ISO 8601 with a UTC offset. A timestamp without an offset is ambiguous and refused."""
    if not isinstance(value, str):
        raise CaseFormatError(where, f"must be an ISO 8601 timestamp string, got {_json_type(value)}")
    if "T" not in value and " " not in value:
        raise CaseFormatError(where, f"{value!r} is not a timestamp (date and time with a UTC offset)")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise CaseFormatError(where, f"{value!r} is not an ISO 8601 timestamp") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise CaseFormatError(where, f"{value!r} has no UTC offset (write e.g. {value}+08:00)")
    return parsed


def parse_money(value: Any, where: str) -> Decimal:
    """A decimal string such as ``"19.99"``. Numbers are refused: binary floats cannot hold money."""
    if not isinstance(value, str):
        raise CaseFormatError(where, f"money must be a decimal string such as \"19.99\", got {_json_type(value)}")
    if not MONEY_RE.fullmatch(value):
        raise CaseFormatError(where, f"{value!r} is not a non-negative decimal amount such as \"19.99\"")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the regex already rules this out
        raise CaseFormatError(where, f"{value!r} is not a decimal amount") from None


def _currency(r: _Reader, key: str) -> str:
    value = r.str(key)
    if not CURRENCY_RE.fullmatch(value):
        raise CaseFormatError(r._p(key), f"{value!r} is not an ISO 4217 currency code such as \"USD\"")
    return value


def _items(r: _Reader) -> tuple[Item, ...]:
    items = []
    for where, raw in r.list("items"):
        ir = _Reader(raw, where)
        quantity = ir.int("quantity", minimum=1)
        items.append(
            Item(
                sku=ir.str("sku", max_len=200),
                title=ir.str("title", max_len=2000),
                quantity=quantity,
                unit_price=ir.money("unit_price"),
                custom_made=ir.bool("custom_made", required=False),
                no_reason_return_eligible=ir.bool("no_reason_return_eligible", required=False),
            )
        )
    if not items:
        raise CaseFormatError(r._p("items"), "the order has no items")
    return tuple(items)


def _logistics(r: _Reader, key: str = "logistics") -> Logistics | None:
    lr = r.obj(key, required=False)
    if lr is None:
        return None
    events = []
    for where, raw in lr.list("events", required=False):
        er = _Reader(raw, where)
        events.append(
            LogisticsEvent(
                at=er.time("at"),
                status=er.enum("status", LogisticsStatus),
                detail=er.str("detail", required=False, max_len=5000) or "",
            )
        )
    return Logistics(
        carrier=lr.str("carrier", required=False, max_len=200) or "",
        tracking_no=lr.str("tracking_no", required=False, max_len=200) or "",
        events=tuple(events),
    )


def _order(r: _Reader) -> Order:
    currency = _currency(r, "currency")
    return Order(
        order_id=r.nonempty("order_id", max_len=128),
        placed_at=r.time("placed_at"),
        paid_at=r.time("paid_at"),
        shipped_at=r.time("shipped_at", required=False),
        delivered_at=r.time("delivered_at", required=False),
        cross_border=r.bool("cross_border", required=False),
        payment_method=r.nonempty("payment_method", max_len=64),
        currency=currency,
        total_paid=r.money("total_paid"),
        shipping_fee=r.money("shipping_fee", required=False) or Decimal("0"),
        items=_items(r),
        logistics=_logistics(r),
    )


def _evidence(r: _Reader, requests: dict[str, SupplementRequest]) -> tuple[Evidence, ...]:
    seen: set[str] = set()
    result = []
    for where, raw in r.list("evidence", required=False):
        er = _Reader(raw, where)
        evidence_id = er.ident("id")
        if evidence_id in seen:
            raise CaseFormatError(er._p("id"), f"duplicate evidence id {evidence_id!r}")
        seen.add(evidence_id)
        sha = er.str("sha256")
        if not SHA256_RE.fullmatch(sha):
            raise CaseFormatError(er._p("sha256"), "must be 64 lowercase hexadecimal digits")
        submission = er.int("submission", minimum=1)
        party = er.enum("party", Party)
        requested = er.bool("requested", required=False)
        request_id = er.str("request_id", required=False, max_len=64)
        if request_id is not None:
            request = requests.get(request_id)
            if request is None:
                raise CaseFormatError(er._p("request_id"), f"{request_id!r} names no request of "
                                                           "after_sale.supplement_requests")
            if not requested:
                raise CaseFormatError(er._p("request_id"), "names a supplement request, but requested is not true")
            if submission < 2:
                raise CaseFormatError(er._p("request_id"), "a first submission (submission 1) answers no request")
            if request.party is not party:
                raise CaseFormatError(er._p("request_id"), f"request {request_id!r} asked the {request.party.value}, "
                                                           f"but this item is the {party.value}'s")
        result.append(
            Evidence(
                id=evidence_id,
                party=party,
                submission=submission,
                submitted_at=er.time("submitted_at"),
                requested=requested,
                kind=er.enum("kind", EvidenceKind),
                file=check_bundle_path(er.str("file", max_len=1024), er._p("file")),
                sha256=sha,
                media_type=er.nonempty("media_type", max_len=128).lower(),
                description=er.str("description", required=False, max_len=20_000) or "",
                request_id=request_id,
            )
        )
    return tuple(result)


def _chat_logs(r: _Reader, evidence_ids: set[str]) -> tuple[ChatLog, ...]:
    logs = []
    for where, raw in r.list("chat_logs", required=False):
        lr = _Reader(raw, where)
        messages = []
        seen: set[str] = set()
        for mwhere, mraw in lr.list("messages"):
            mr = _Reader(mraw, mwhere)
            message_id = mr.ident("id")
            if message_id in seen:
                raise CaseFormatError(mr._p("id"), f"duplicate message id {message_id!r} in this log")
            seen.add(message_id)
            attachments = []
            for awhere, attachment in mr.list("attachments", required=False):
                if not isinstance(attachment, str):
                    raise CaseFormatError(awhere, "must be an evidence id string")
                if attachment not in evidence_ids:
                    raise CaseFormatError(awhere, f"attachment {attachment!r} names no evidence item")
                attachments.append(attachment)
            messages.append(
                ChatMessage(
                    id=message_id,
                    at=mr.time("at"),
                    sender=mr.enum("sender", Sender),
                    text=mr.str("text", max_len=100_000),
                    attachments=tuple(attachments),
                )
            )
        logs.append(
            ChatLog(
                owner=lr.enum("owner", ChatOwner),
                channel=lr.enum("channel", Channel),
                messages=tuple(messages),
            )
        )
    return tuple(logs)


# ------------------------------------------------------------------------------ revision 2 (case-bundle.md)

def _claim_items(cr: _Reader, order: Order) -> tuple[ClaimItem, ...]:
    """``claim.items``: each names a line of ``order.items`` by ``sku`` and claims 1..that line's quantity."""
    lines: dict[str, list[Item]] = {}
    for line in order.items:
        lines.setdefault(line.sku, []).append(line)
    items: list[ClaimItem] = []
    seen: set[str] = set()
    raw_list = cr.list("items", required=False)
    if cr.data.get("items") is not None and not raw_list:
        raise CaseFormatError(cr._p("items"), "is empty; leave it out when the claim concerns the whole order")
    for where, raw in raw_list:
        ir = _Reader(raw, where)
        sku = ir.str("sku", max_len=200)
        if sku not in lines:
            raise CaseFormatError(ir._p("sku"), f"{sku!r} names no line of order.items")
        if len(lines[sku]) > 1:
            raise CaseFormatError(ir._p("sku"), f"{sku!r} names more than one line of order.items")
        if sku in seen:
            raise CaseFormatError(ir._p("sku"), f"{sku!r} is claimed twice")
        seen.add(sku)
        quantity = ir.int("quantity", minimum=1)
        available = lines[sku][0].quantity
        if quantity > available:
            raise CaseFormatError(ir._p("quantity"), f"{quantity} is more than the {available} ordered on line {sku!r}")
        items.append(ClaimItem(sku=sku, quantity=quantity))
    return tuple(items)


def _appeal(ar: _Reader, previous_decision_at: datetime | None) -> Appeal | None:
    """``after_sale.appeal``. Without ``filed_at`` J8 cannot be checked: refused."""
    pr = ar.obj("appeal", required=False)
    if pr is None:
        return None
    filed_at = pr.time("filed_at")
    filed_by = pr.enum("filed_by", Party)
    dr = pr.obj("decision_appealed", required=previous_decision_at is None)
    if dr is None:
        decision = DecisionRef(decided_at=previous_decision_at)
    else:
        fingerprint = dr.str("fingerprint", required=False, max_len=64)
        if fingerprint is not None and not SHA256_RE.fullmatch(fingerprint):
            raise CaseFormatError(dr._p("fingerprint"), "must be 64 lowercase hexadecimal digits (a SHA-256)")
        decision = DecisionRef(decided_at=dr.time("decided_at"), fingerprint=fingerprint,
                               case_revision=dr.int("case_revision", required=False, default=None, minimum=1))
        if previous_decision_at is not None and previous_decision_at != decision.decided_at:
            raise CaseFormatError("after_sale.previous_decision_at",
                                  "differs from after_sale.appeal.decision_appealed.decided_at")
    if filed_at < decision.decided_at:
        raise CaseFormatError(pr._p("filed_at"), "is before the decision it appeals "
                                                 "(after_sale.appeal.decision_appealed.decided_at)")
    return Appeal(filed_at=filed_at, filed_by=filed_by, decision_appealed=decision,
                  grounds=pr.str("grounds", required=False, max_len=20_000) or "")


def _previous_appeal_times(ar: _Reader, previous_appeals: int) -> tuple[datetime, ...] | None:
    if ar.data.get("previous_appeal_times") is None:
        return None
    times = [parse_timestamp(raw, where) for where, raw in ar.list("previous_appeal_times")]
    if len(times) != previous_appeals:
        raise CaseFormatError(ar._p("previous_appeal_times"),
                              f"has {len(times)} entr{'y' if len(times) == 1 else 'ies'} but previous_appeals is "
                              f"{previous_appeals}; give one time per earlier appeal")
    if times != sorted(times):
        raise CaseFormatError(ar._p("previous_appeal_times"), "must be in order, oldest first")
    return tuple(times)


def _seller_offer(ar: _Reader, seller_response: SellerResponse) -> SellerOffer | None:
    orr = ar.obj("seller_offer", required=False)
    if orr is None:
        return None
    if seller_response is not SellerResponse.PARTIAL_OFFER:
        raise CaseFormatError(ar._p("seller_offer"), "is only given when seller_response is 'partial_offer'")
    return SellerOffer(remedy=orr.enum("remedy", RequestedRemedy), amount=orr.money("amount"))


def _supplement_requests(ar: _Reader) -> dict[str, SupplementRequest]:
    requests: dict[str, SupplementRequest] = {}
    for where, raw in ar.list("supplement_requests", required=False):
        qr = _Reader(raw, where)
        request_id = qr.ident("id")
        if request_id in requests:
            raise CaseFormatError(qr._p("id"), f"duplicate supplement request id {request_id!r}")
        requested_at = qr.time("requested_at")
        due_at = qr.time("due_at")
        if due_at < requested_at:
            raise CaseFormatError(qr._p("due_at"), "is before requested_at")
        requests[request_id] = SupplementRequest(id=request_id, party=qr.enum("party", Party),
                                                 requested_at=requested_at, due_at=due_at,
                                                 what=qr.str("what", required=False, max_len=5000) or "")
    return requests


def case_from_dict(data: Any) -> Case:
    """Validate a decoded case.json and build the case. Raises :class:`CaseFormatError`."""
    r = _Reader(data, "")
    fmt = data.get("format") if isinstance(data, dict) else None
    if fmt not in SUPPORTED_CASE_FORMATS:
        supported = ", ".join(SUPPORTED_CASE_FORMATS)
        shown = "missing" if fmt is None else repr(fmt)
        raise CaseFormatError("format", f"{shown} is not a supported case format (supported: {supported})")
    case_id = r.str("case_id")
    if not CASE_ID_RE.fullmatch(case_id):
        raise CaseFormatError("case_id", f"{case_id!r} must be 1-64 characters of A-Z a-z 0-9 - _ .")
    platform = r.enum("platform", Platform)
    region = r.nonempty("region", max_len=16).upper()
    language = r.nonempty("language", max_len=35)
    opened_at = r.time("opened_at")
    order = _order(r.obj("order"))

    br = r.obj("buyer")
    buyer = Buyer(
        id=br.nonempty("id", max_len=128),
        display_name=br.nonempty("display_name", max_len=200),
        phone=br.str("phone", required=False, max_len=64),
        address=br.str("address", required=False, max_len=2000),
        email=br.str("email", required=False, max_len=320),
    )
    sr = r.obj("seller")
    seller = Seller(
        id=sr.nonempty("id", max_len=128),
        shop_name=sr.nonempty("shop_name", max_len=200),
        phone=sr.str("phone", required=False, max_len=64),
        email=sr.str("email", required=False, max_len=320),
    )

    cr = r.obj("claim")
    claim = Claim(
        type=cr.enum("type", ClaimType),
        requested_remedy=cr.enum("requested_remedy", RequestedRemedy),
        amount=cr.money("amount"),
        reason_text=cr.str("reason_text", max_len=20_000),
        submitted_at=cr.time("submitted_at"),
        items=_claim_items(cr, order),
    )

    ar = r.obj("after_sale")
    seller_response = ar.enum("seller_response", SellerResponse)
    seller_responded_at = ar.time("seller_responded_at", required=False)
    if seller_response is SellerResponse.REJECTED and seller_responded_at is None:
        raise CaseFormatError("after_sale.seller_responded_at", "required when seller_response is 'rejected'")
    previous_appeals = ar.int("previous_appeals", required=False)
    previous_decision_at = ar.time("previous_decision_at", required=False)
    requests = _supplement_requests(ar)
    after_sale = AfterSale(
        seller_response=seller_response,
        seller_responded_at=seller_responded_at,
        intervention_requested_at=ar.time("intervention_requested_at"),
        settled_between_parties=ar.bool("settled_between_parties"),
        legal_proceedings=ar.bool("legal_proceedings"),
        previous_appeals=previous_appeals,
        previous_decision_at=previous_decision_at,
        appeal=_appeal(ar, previous_decision_at),
        previous_appeal_times=_previous_appeal_times(ar, previous_appeals),
        seller_offer=_seller_offer(ar, seller_response),
        supplement_requests=tuple(requests.values()),
    )

    evidence = _evidence(r, requests)
    chat_logs = _chat_logs(r, {e.id for e in evidence})
    return_logistics = None
    logistics = _logistics(r, "return_logistics")
    if logistics is not None:
        return_logistics = ReturnLogistics(logistics=logistics,
                                           tracking_uploaded_at=r.obj("return_logistics").time(
                                               "tracking_uploaded_at", required=False))
    return Case(
        format=fmt,
        case_id=case_id,
        platform=platform,
        region=region,
        language=language,
        opened_at=opened_at,
        order=order,
        buyer=buyer,
        seller=seller,
        claim=claim,
        after_sale=after_sale,
        evidence=evidence,
        chat_logs=chat_logs,
        return_logistics=return_logistics,
    )
