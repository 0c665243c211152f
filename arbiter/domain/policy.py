"""A platform's rules as data: every number the checklist uses, validated, immutable.

The policy files (``resources/policies/*.toml``) are read by :mod:`arbiter.policies`; this module only turns the
decoded (and already deep-merged) data into a :class:`Policy` and refuses anything it cannot use, naming the
offending key (``deadlines.seller_execute.after: ...``). Pure: no file I/O.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

POLICY_SCHEMA = 1

PROBLEMS = ("wrong_item", "serious_quality", "minor_quality", "damaged", "lost", "counterfeit",
            "not_as_described", "missing_parts", "no_reason_return")
LIABLE_PARTIES = ("seller", "buyer", "shared", "carrier")
REMEDIES = ("refund_only", "return_and_refund", "replacement", "reship", "partial_refund")
DEADLINE_IDS = ("seller_execute", "buyer_return_ship", "seller_confirm_receipt", "appeal_window")
ON_MISS = ("auto_deduction", "auto_agree", "return_closes", "deemed_delivered", "auto_confirm", "appeal_closed")
COUNTS_FROM = ("decision", "buyer_tracking_upload")
APPLICATION_COUNTED_FROM = ("seller_rejection", "delivery")


class PolicyError(ValueError):
    """A policy file is unusable. ``path`` names the key (``appeals.buyer_max``)."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


_DURATION_RE = re.compile(r"^\s*([0-9]{1,4})\s*(h|d)\s*$")


@dataclass(frozen=True, slots=True)
class Duration:
    """A span written in a policy as ``"48h"`` or ``"7d"``.

    Hours are elapsed time. Days are calendar days in the parties' time zone: the deadline falls on the same
    wall-clock time N days later, also across a daylight-saving change (see docs/rules.md).
    """

    amount: int
    unit: str  # "h" or "d"

    @classmethod
    def parse(cls, value: Any, where: str) -> Duration:
        if isinstance(value, str):
            match = _DURATION_RE.match(value)
            if match:
                return cls(int(match.group(1)), match.group(2))
        raise PolicyError(where, f"{value!r} is not a duration such as \"48h\" or \"7d\"")

    @property
    def timedelta(self) -> timedelta:
        return timedelta(hours=self.amount) if self.unit == "h" else timedelta(days=self.amount)

    def after(self, start: datetime, tz: tzinfo) -> datetime:
        """The moment this span after ``start``, expressed in ``tz``."""
        if self.unit == "h":
            return (start.astimezone(timezone.utc) + timedelta(hours=self.amount)).astimezone(tz)
        local = start.astimezone(tz)
        # wall-clock arithmetic, then normalise the offset (DST change in between)
        return (local + timedelta(days=self.amount)).astimezone(timezone.utc).astimezone(tz)

    @property
    def en(self) -> str:
        if self.unit == "h":
            return f"{self.amount} h"
        return f"{self.amount} day" if self.amount == 1 else f"{self.amount} days"

    @property
    def zh(self) -> str:
        return f"{self.amount}小时" if self.unit == "h" else f"{self.amount}天"

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True, slots=True)
class ApplicationLimit:
    """J2: how long the buyer has to apply. ``counted_from`` is ``seller_rejection`` (Douyin, seed 004:
    intervention within 48 h of the seller's rejection) or ``delivery`` (TikTok Shop, seed 003: claim within
    7 days of delivery)."""

    counted_from: str
    limit: Duration


@dataclass(frozen=True, slots=True)
class Appeals:
    """J8 and the decision's ``appeals`` (seed 002)."""

    buyer_max: int
    window: Duration
    seller: str


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    id: str
    party: str
    after: Duration
    counts_from: str
    on_miss: str
    rule: str  # English text, numbers already filled in from the parameters
    rule_cod: str | None = None  # added to ``rule`` when the refund route is cash on delivery
    extension: Duration | None = None
    extensions_allowed: int = 0
    refund_within: Duration | None = None


@dataclass(frozen=True, slots=True)
class RemedyRules:
    return_required_for: frozenset[str]
    return_exempt_problems: tuple[str, ...]
    custom_made_exempt: bool
    sea_exempt_remedies: frozenset[str]
    shipping_borne_by: str
    postage_refunded: bool
    cod_payment_methods: frozenset[str]
    cod_refund_proof: Duration


@dataclass(frozen=True, slots=True)
class SeaRefundWithoutReturn:
    """Seed 002: South-East Asian cross-border orders placed on or after ``start_date`` (local date) whose amount
    lies within ``[min_amount, max_amount]`` in ``currency`` qualify for refund without return. The range is
    only set in the region overlays; without it nothing qualifies."""

    regions: frozenset[str]
    start_date: date
    currency: str | None
    min_amount: Decimal | None
    max_amount: Decimal | None

    @property
    def has_range(self) -> bool:
        return self.currency is not None and self.min_amount is not None and self.max_amount is not None


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    platform: str
    region: str | None
    version: str
    title: str
    time_zones: Mapping[str, str]
    liability: Mapping[str, str]
    application: ApplicationLimit
    appeals: Appeals
    deadlines: Mapping[str, DeadlineRule]
    review_within: Duration
    remedy: RemedyRules
    sea: SeaRefundWithoutReturn | None
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def time_zone_for(self, region: str) -> str | None:
        """The IANA zone of a region (``UK`` -> ``Europe/London``), or ``None`` when the policy has none."""
        return self.time_zones.get(region.upper())

    def tzinfo_for(self, region: str, fallback: datetime) -> tuple[tzinfo, str]:
        """The parties' time zone and its name: the region's IANA zone, else the fixed UTC offset of
        ``fallback`` (the case's ``opened_at``), named like ``UTC+05:30``."""
        name = self.time_zone_for(region)
        if name is not None:
            return ZoneInfo(name), name
        offset = fallback.utcoffset() or timedelta(0)
        return timezone(offset), fixed_offset_name(offset)


def fixed_offset_name(offset: timedelta) -> str:
    if not offset:
        return "UTC"
    total = int(offset.total_seconds())
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return f"UTC{sign}{total // 3600:02d}:{total % 3600 // 60:02d}"


# --------------------------------------------------------------------------------------------------- parsing

class _R:
    def __init__(self, data: Any, path: str):
        if not isinstance(data, Mapping):
            raise PolicyError(path, "must be a table")
        self.data = data
        self.path = path

    def p(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, required: bool = True) -> Any:
        if key not in self.data:
            if required:
                raise PolicyError(self.p(key), "required key is missing")
            return None
        return self.data[key]

    def table(self, key: str, required: bool = True) -> _R | None:
        value = self.get(key, required)
        return None if value is None else _R(value, self.p(key))

    def str(self, key: str, required: bool = True, choices: tuple[str, ...] | None = None) -> Any:
        value = self.get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise PolicyError(self.p(key), "must be a non-empty string")
        if choices is not None and value not in choices:
            raise PolicyError(self.p(key), f"{value!r} is not one of: {', '.join(choices)}")
        return value

    def bool(self, key: str, required: bool = True, default: bool = False) -> bool:
        value = self.get(key, required)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise PolicyError(self.p(key), "must be true or false")
        return value

    def int(self, key: str, minimum: int = 0, required: bool = True, default: int = 0) -> int:
        value = self.get(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise PolicyError(self.p(key), f"must be a whole number of at least {minimum}")
        return value

    def duration(self, key: str, required: bool = True) -> Duration | None:
        value = self.get(key, required)
        return None if value is None else Duration.parse(value, self.p(key))

    def str_list(self, key: str, choices: tuple[str, ...] | None = None, required: bool = True) -> tuple[str, ...]:
        value = self.get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PolicyError(self.p(key), "must be a list of strings")
        if choices is not None:
            for v in value:
                if v not in choices:
                    raise PolicyError(self.p(key), f"{v!r} is not one of: {', '.join(choices)}")
        return tuple(value)

    def money(self, key: str, required: bool = True) -> Decimal | None:
        value = self.get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise PolicyError(self.p(key), "money must be a decimal string such as \"19.99\", never a number")
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise PolicyError(self.p(key), f"{value!r} is not a decimal amount") from None
        if not amount.is_finite() or amount < 0:
            raise PolicyError(self.p(key), f"{value!r} is not a non-negative decimal amount")
        return amount

    def date(self, key: str) -> date:
        value = self.get(key)
        if isinstance(value, datetime):
            raise PolicyError(self.p(key), "must be a date such as 2025-01-08, not a timestamp")
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise PolicyError(self.p(key), f"{value!r} is not a date such as 2025-01-08")


def _fill(template: str, where: str, values: Mapping[str, Any]) -> str:
    try:
        return template.format_map({k: (v.en if isinstance(v, Duration) else v) for k, v in values.items()})
    except (KeyError, ValueError, IndexError) as exc:
        raise PolicyError(where, f"the text has an unknown placeholder or a stray brace ({exc})") from None


def _deadline(deadline_id: str, r: _R, cod_refund_proof: Duration, default_after: Duration | None) -> DeadlineRule:
    after = r.duration("after", required=default_after is None) or default_after
    extension = r.duration("extension", required=False)
    refund_within = r.duration("refund_within", required=False)
    values = {"after": after, "extension": extension or "", "refund_within": refund_within or "",
              "extensions_allowed": r.int("extensions_allowed", required=False),
              "cod_refund_proof": cod_refund_proof}
    rule_cod = r.str("rule_cod", required=False)
    return DeadlineRule(
        id=deadline_id,
        party=r.str("party", choices=("buyer", "seller")),
        after=after,
        counts_from=r.str("counts_from", choices=COUNTS_FROM),
        on_miss=r.str("on_miss", choices=ON_MISS),
        rule=_fill(r.str("rule"), r.p("rule"), values),
        rule_cod=None if rule_cod is None else _fill(rule_cod, r.p("rule_cod"), values),
        extension=extension,
        extensions_allowed=values["extensions_allowed"],
        refund_within=refund_within,
    )


def policy_from_dict(data: Mapping[str, Any]) -> Policy:
    """Validate decoded (and merged) policy data. Raises :class:`PolicyError` naming the key."""
    r = _R(data, "")
    schema = r.int("schema", minimum=1)
    if schema != POLICY_SCHEMA:
        raise PolicyError("schema", f"{schema} is not a supported policy schema (supported: {POLICY_SCHEMA})")
    platform = r.str("platform")
    region = r.str("region", required=False)
    policy_id = r.str("id")
    expected_id = platform if region is None else f"{platform}.{region}"
    if policy_id != expected_id:
        raise PolicyError("id", f"{policy_id!r} does not match platform and region (expected {expected_id!r})")

    tz_r = r.table("time_zones")
    time_zones: dict[str, str] = {}
    for key, value in tz_r.data.items():
        if not isinstance(value, str):
            raise PolicyError(tz_r.p(key), "must be an IANA time zone name")
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise PolicyError(tz_r.p(key), f"{value!r} is not a known IANA time zone") from None
        time_zones[key.upper()] = value

    li_r = r.table("liability")
    liability = {}
    for problem in PROBLEMS:
        liability[problem] = li_r.str(problem, choices=LIABLE_PARTIES)
    for key in li_r.data:
        if key not in PROBLEMS:
            raise PolicyError(li_r.p(key), f"{key!r} is not a problem (known: {', '.join(PROBLEMS)})")

    ap_r = r.table("application")
    application = ApplicationLimit(counted_from=ap_r.str("counted_from", choices=APPLICATION_COUNTED_FROM),
                                   limit=ap_r.duration("limit"))

    apl_r = r.table("appeals")
    appeals = Appeals(buyer_max=apl_r.int("buyer_max", minimum=0), window=apl_r.duration("window"),
                      seller=apl_r.str("seller"))

    re_r = r.table("remedy")
    remedy = RemedyRules(
        return_required_for=frozenset(re_r.str_list("return_required_for", REMEDIES)),
        return_exempt_problems=re_r.str_list("return_exempt_problems", PROBLEMS),
        custom_made_exempt=re_r.bool("custom_made_exempt"),
        sea_exempt_remedies=frozenset(re_r.str_list("sea_exempt_remedies", REMEDIES)),
        shipping_borne_by=re_r.str("shipping_borne_by", choices=("seller", "buyer")),
        postage_refunded=re_r.bool("postage_refunded"),
        cod_payment_methods=frozenset(re_r.str_list("cod_payment_methods")),
        cod_refund_proof=re_r.duration("cod_refund_proof"),
    )

    dl_r = r.table("deadlines")
    deadlines = {}
    for deadline_id in DEADLINE_IDS:
        default_after = appeals.window if deadline_id == "appeal_window" else None
        deadlines[deadline_id] = _deadline(deadline_id, dl_r.table(deadline_id), remedy.cod_refund_proof,
                                           default_after)
    for key in dl_r.data:
        if key not in DEADLINE_IDS:
            raise PolicyError(dl_r.p(key), f"{key!r} is not a deadline (known: {', '.join(DEADLINE_IDS)})")
    if deadlines["appeal_window"].after != appeals.window:
        raise PolicyError("deadlines.appeal_window.after", "must equal appeals.window")

    rv_r = r.table("review")
    review_within = rv_r.duration("within")

    sea = None
    sea_r = r.table("sea_refund_without_return", required=False)
    if sea_r is not None:
        currency = sea_r.str("currency", required=False)
        min_amount = sea_r.money("min_amount", required=False)
        max_amount = sea_r.money("max_amount", required=False)
        if (currency is None) != (min_amount is None) or (currency is None) != (max_amount is None):
            raise PolicyError(sea_r.path, "currency, min_amount and max_amount go together")
        if min_amount is not None and max_amount is not None and min_amount > max_amount:
            raise PolicyError(sea_r.p("min_amount"), "is above max_amount")
        sea = SeaRefundWithoutReturn(
            regions=frozenset(v.upper() for v in sea_r.str_list("regions")),
            start_date=sea_r.date("start_date"),
            currency=currency,
            min_amount=min_amount,
            max_amount=max_amount,
        )

    src_r = r.table("sources", required=False)
    sources = {} if src_r is None else {k: str(v) for k, v in src_r.data.items()}

    return Policy(
        id=policy_id,
        platform=platform,
        region=region,
        version=r.str("version"),
        title=r.str("title", required=False) or policy_id,
        time_zones=MappingProxyType(time_zones),
        liability=MappingProxyType(liability),
        application=application,
        appeals=appeals,
        deadlines=MappingProxyType(deadlines),
        review_within=review_within,
        remedy=remedy,
        sea=sea,
        sources=MappingProxyType(sources),
    )
