"""The dispute case as the rules see it: immutable value objects, no Qt, no SQL, no I/O.

Every timestamp is timezone-aware and every amount of money is a ``Decimal``; the parser in
:mod:`arbiter.domain.parse` refuses anything else, so code that receives a :class:`Case` may rely on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

CASE_FORMAT = "arbiter.case/1"
SUPPORTED_CASE_FORMATS = (CASE_FORMAT,)


class Platform(StrEnum):
    TIKTOK_SHOP = "tiktok_shop"
    DOUYIN = "douyin"


class Party(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"


class LogisticsStatus(StrEnum):
    PICKED_UP = "picked_up"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    DELIVERY_FAILED = "delivery_failed"
    RETURNED_TO_SENDER = "returned_to_sender"
    LOST = "lost"


class ClaimType(StrEnum):
    NOT_RECEIVED = "not_received"
    WRONG_ITEM = "wrong_item"
    DAMAGED = "damaged"
    QUALITY_ISSUE = "quality_issue"
    NOT_AS_DESCRIBED = "not_as_described"
    COUNTERFEIT = "counterfeit"
    MISSING_PARTS = "missing_parts"
    NO_REASON_RETURN = "no_reason_return"


class RequestedRemedy(StrEnum):
    REFUND_ONLY = "refund_only"
    RETURN_AND_REFUND = "return_and_refund"
    REPLACEMENT = "replacement"
    RESHIP = "reship"
    PARTIAL_REFUND = "partial_refund"


class SellerResponse(StrEnum):
    AGREED = "agreed"
    REJECTED = "rejected"
    NO_RESPONSE = "no_response"
    PARTIAL_OFFER = "partial_offer"


class EvidenceKind(StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    SCREENSHOT = "screenshot"
    DOCUMENT = "document"
    TRACKING = "tracking"


class ChatOwner(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    PLATFORM = "platform"


class Channel(StrEnum):
    BUYER_SELLER = "buyer_seller"
    BUYER_SUPPORT = "buyer_support"
    SELLER_SUPPORT = "seller_support"


class Sender(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    PLATFORM = "platform"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Item:
    sku: str
    title: str
    quantity: int
    unit_price: Decimal
    custom_made: bool = False
    no_reason_return_eligible: bool = False


@dataclass(frozen=True, slots=True)
class LogisticsEvent:
    at: datetime
    status: LogisticsStatus
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Logistics:
    carrier: str
    tracking_no: str
    events: tuple[LogisticsEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class ReturnLogistics:
    """Revision 2: a return already under way (``return_logistics``)."""

    logistics: Logistics
    tracking_uploaded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Order:
    order_id: str
    placed_at: datetime
    paid_at: datetime
    shipped_at: datetime | None
    delivered_at: datetime | None
    cross_border: bool
    payment_method: str
    currency: str
    total_paid: Decimal
    shipping_fee: Decimal
    items: tuple[Item, ...]
    logistics: Logistics | None

    @property
    def is_cash_on_delivery(self) -> bool:
        return self.payment_method == "cod"

    @property
    def has_custom_made_item(self) -> bool:
        return any(item.custom_made for item in self.items)


@dataclass(frozen=True, slots=True)
class Buyer:
    id: str
    display_name: str
    phone: str | None = None
    address: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Seller:
    id: str
    shop_name: str
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimItem:
    """Revision 2: an order line the claim concerns (``sku`` names a line of ``order.items``)."""

    sku: str
    quantity: int


@dataclass(frozen=True, slots=True)
class Claim:
    type: ClaimType
    requested_remedy: RequestedRemedy
    amount: Decimal
    reason_text: str
    submitted_at: datetime
    items: tuple[ClaimItem, ...] = ()  # revision 2; empty: the whole order


@dataclass(frozen=True, slots=True)
class DecisionRef:
    """Revision 2: the earlier decision an appeal appeals."""

    decided_at: datetime
    fingerprint: str | None = None  # SHA-256 of the earlier decision record
    case_revision: int | None = None


@dataclass(frozen=True, slots=True)
class Appeal:
    """Revision 2: ``after_sale.appeal``. ``filed_at`` is None only for a pre-revision-2 bundle that names the
    decision appealed by ``previous_decision_at`` alone (docs/rules.md, J8)."""

    filed_at: datetime | None
    filed_by: Party
    decision_appealed: DecisionRef
    grounds: str = ""


@dataclass(frozen=True, slots=True)
class SellerOffer:
    """Revision 2: what the seller offered with a ``partial_offer``."""

    remedy: RequestedRemedy
    amount: Decimal


@dataclass(frozen=True, slots=True)
class SupplementRequest:
    """Revision 2: the platform's request for more evidence (seed 002: "在规定时间内补充材料")."""

    id: str
    party: Party
    requested_at: datetime
    due_at: datetime
    what: str = ""


@dataclass(frozen=True, slots=True)
class AfterSale:
    seller_response: SellerResponse
    seller_responded_at: datetime | None
    intervention_requested_at: datetime
    settled_between_parties: bool
    legal_proceedings: bool
    previous_appeals: int = 0
    previous_decision_at: datetime | None = None
    # revision 2
    appeal: Appeal | None = None
    previous_appeal_times: tuple[datetime, ...] | None = None
    seller_offer: SellerOffer | None = None
    supplement_requests: tuple[SupplementRequest, ...] = ()

    @property
    def is_appeal(self) -> bool:
        return self.previous_decision_at is not None or self.appeal is not None

    @property
    def appeal_info(self) -> Appeal | None:
        """The appeal, also for a pre-revision-2 bundle that only gives ``previous_decision_at`` (then
        ``filed_at`` is None and ``filed_by`` the buyer, the only appellant those bundles knew)."""
        if self.appeal is not None:
            return self.appeal
        if self.previous_decision_at is not None:
            return Appeal(filed_at=None, filed_by=Party.BUYER,
                          decision_appealed=DecisionRef(decided_at=self.previous_decision_at))
        return None

    def request(self, request_id: str | None) -> SupplementRequest | None:
        for request in self.supplement_requests:
            if request.id == request_id:
                return request
        return None


@dataclass(frozen=True, slots=True)
class Evidence:
    id: str
    party: Party
    submission: int
    submitted_at: datetime
    requested: bool
    kind: EvidenceKind
    file: str
    sha256: str
    media_type: str
    description: str = ""
    request_id: str | None = None  # revision 2: the supplement request this item answers

    @property
    def is_primary(self) -> bool:
        """The buyer's first submission: what the platform relies on first (seed 002)."""
        return self.party is Party.BUYER and self.submission == 1

    @property
    def is_supplementary(self) -> bool:
        return self.submission >= 2


@dataclass(frozen=True, slots=True)
class ChatMessage:
    id: str
    at: datetime
    sender: Sender
    text: str
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChatLog:
    owner: ChatOwner
    channel: Channel
    messages: tuple[ChatMessage, ...]


@dataclass(frozen=True, slots=True)
class Case:
    format: str
    case_id: str
    platform: Platform
    region: str
    language: str
    opened_at: datetime
    order: Order
    buyer: Buyer
    seller: Seller
    claim: Claim
    after_sale: AfterSale
    evidence: tuple[Evidence, ...]
    chat_logs: tuple[ChatLog, ...]
    return_logistics: ReturnLogistics | None = None  # revision 2

    def claimed_lines(self) -> tuple[tuple[Item, int], ...]:
        """The order lines the claim concerns with the quantity claimed: ``claim.items`` (revision 2), else every
        line of the order in full."""
        if not self.claim.items:
            return tuple((item, item.quantity) for item in self.order.items)
        by_sku = {item.sku: item for item in self.order.items}
        return tuple((by_sku[ci.sku], ci.quantity) for ci in self.claim.items if ci.sku in by_sku)

    def evidence_by_id(self, evidence_id: str) -> Evidence | None:
        for item in self.evidence:
            if item.id == evidence_id:
                return item
        return None

    @property
    def evidence_ids(self) -> frozenset[str]:
        return frozenset(item.id for item in self.evidence)

    @property
    def message_ids(self) -> frozenset[str]:
        return frozenset(m.id for log in self.chat_logs for m in log.messages)

    def evidence_in_review_order(self) -> tuple[Evidence, ...]:
        """Buyer's first submission first (the primary evidence, seed 002), then the seller's first
        submission, then supplementary items by submission and time; ties keep bundle order."""

        def key(pair: tuple[int, Evidence]) -> tuple:
            index, item = pair
            if item.submission == 1:
                group = 0 if item.party is Party.BUYER else 1
            else:
                group = 2
            return (group, item.submission, item.submitted_at, index)

        return tuple(item for _, item in sorted(enumerate(self.evidence), key=key))
