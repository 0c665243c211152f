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
DEADLINE_IDS = ("seller_execute", "buyer_return_ship", "seller_confirm_receipt", "seller_refund_proof",
                "appeal_window")
ON_MISS = ("auto_deduction", "auto_agree", "return_closes", "deemed_delivered", "auto_confirm", "appeal_closed",
           "advance_compensation")
COUNTS_FROM = ("decision", "buyer_tracking_upload", "seller_receipt_confirmation")
# What carrying out a decision means, by remedy (rules revision 2): refund, approve the return, or ship.
EXECUTE_ACTIONS = ("refund", "approve_return", "ship")
SHIPPING_PAYERS = ("seller", "buyer", "shared", "carrier", "platform")
# The rules revisions the engine knows: 1 = policy version 2025.06 and before, 2 = checklist.md "(r2)".
RULES_REVISIONS = (1, 2)
APPLICATION_COUNTED_FROM = ("seller_rejection", "delivery")


SATURDAY = 5  # date.weekday(): Monday 0 .. Friday 4 are working days


class PolicyError(ValueError):
    """A policy file is unusable. ``path`` names the key (``appeals.buyer_max``)."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


_DURATION_RE = re.compile(r"\s*([0-9]{1,4})\s*(h|d|wd)\s*")


@dataclass(frozen=True, slots=True)
class Duration:
    """A span written in a policy as ``"48h"``, ``"7d"`` or ``"5wd"``.

    Hours are elapsed time. Days are calendar days in the parties' time zone: the deadline falls on the same
    wall-clock time N days later, also across a daylight-saving change (see docs/rules.md). Working days
    (``wd``, rules revision 2) count Monday to Friday and skip the holidays given to :meth:`after`.
    """

    amount: int
    unit: str  # "h", "d" or "wd"

    @classmethod
    def parse(cls, value: Any, where: str) -> Duration:
        if isinstance(value, str):
            match = _DURATION_RE.fullmatch(value)
            if match:
                return cls(int(match.group(1)), match.group(2))
        raise PolicyError(where, f"{value!r} is not a duration such as \"48h\", \"7d\" or \"5wd\"")

    @property
    def timedelta(self) -> timedelta:
        """Hours or calendar days as a span; working days are not a fixed span (use :meth:`after`)."""
        return timedelta(hours=self.amount) if self.unit == "h" else timedelta(days=self.amount)

    @property
    def code(self) -> str:
        """As written in a policy and in a decision record: ``"48h"``, ``"7d"``, ``"5wd"``."""
        return f"{self.amount}{self.unit}"

    def after(self, start: datetime, tz: tzinfo, holidays: frozenset[date] | set[date] = frozenset()) -> datetime:
        """The moment this span after ``start``, expressed in ``tz``.

        Working days: the same wall-clock time on the N-th day after ``start``'s local date that is a Monday to
        Friday and not in ``holidays`` (a start on a weekend or holiday counts from the next working day)."""
        if self.unit == "h":
            return (start.astimezone(timezone.utc) + timedelta(hours=self.amount)).astimezone(tz)
        local = start.astimezone(tz)
        if self.unit == "wd":
            day = local.date()
            left = self.amount
            while left > 0:
                day += timedelta(days=1)
                if day.weekday() < SATURDAY and day not in holidays:
                    left -= 1
            naive = datetime.combine(day, local.time().replace(tzinfo=None))
            return naive.replace(tzinfo=tz).astimezone(timezone.utc).astimezone(tz)
        # wall-clock arithmetic, then normalise the offset (DST change in between)
        return (local + timedelta(days=self.amount)).astimezone(timezone.utc).astimezone(tz)

    @property
    def en(self) -> str:
        if self.unit == "h":
            return f"{self.amount} h"
        if self.unit == "wd":
            return f"{self.amount} working day" if self.amount == 1 else f"{self.amount} working days"
        return f"{self.amount} day" if self.amount == 1 else f"{self.amount} days"

    @property
    def zh(self) -> str:
        if self.unit == "wd":
            return f"{self.amount}个工作日"
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
    partial_offer_is_rejection: bool = False  # rules revision 2, Douyin (004)


@dataclass(frozen=True, slots=True)
class Appeals:
    """J8 and the decision's ``appeals`` (seed 002)."""

    buyer_max: int
    window: Duration
    seller: str
    period: Duration | None = None  # rules revision 2: an appeal deadline, only where the policy sets one


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
    # rules revision 2
    liable: frozenset[str] | None = None      # seller_execute: only for these liabilities (None: always)
    actions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # action -> rule text
    without_return_counts_from: str | None = None   # seller_refund_proof when no return is required
    rule_without_return: str | None = None


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
    # rules revision 2
    shipping_by_liability: Mapping[str, str] | None = None  # liability -> who bears shipping
    postage_not_refunded_for: frozenset[str] = frozenset()  # remedies whose refund excludes order.shipping_fee
    carrier_refund: str | None = None  # the policy text printed when the carrier is liable (002)


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
    # rules revision 2 (checklist.md "(r2)"); 1 for policy versions up to 2025.06, whose semantics stay as they were
    rules_revision: int = 1
    holidays: Mapping[str, frozenset[date]] = field(default_factory=lambda: MappingProxyType({}))
    no_reason_return_within: Duration | None = None

    @property
    def revision2(self) -> bool:
        """Whether the rules revision 2 semantics apply (docs/rules.md, "Policy versions")."""
        return self.rules_revision >= 2

    def holidays_for(self, region: str | None) -> frozenset[date]:
        """The public holidays of a region that working-day periods skip (empty when none are listed)."""
        return self.holidays.get((region or "").upper(), frozenset())

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
    liable = r.str_list("liable", LIABLE_PARTIES, required=False) if "liable" in r.data else None
    actions: dict[str, str] = {}
    act_r = r.table("actions", required=False)
    if act_r is not None:
        for key, value in act_r.data.items():
            if key not in EXECUTE_ACTIONS:
                raise PolicyError(act_r.p(key), f"{key!r} is not an action (known: {', '.join(EXECUTE_ACTIONS)})")
            actions[key] = _fill(act_r.str(key), act_r.p(key), values)
    rule_without_return = r.str("rule_without_return", required=False)
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
        liable=None if liable is None else frozenset(liable),
        actions=MappingProxyType(actions),
        without_return_counts_from=r.str("without_return_counts_from", required=False, choices=COUNTS_FROM),
        rule_without_return=(None if rule_without_return is None
                             else _fill(rule_without_return, r.p("rule_without_return"), values)),
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
    revision = r.int("rules_revision", minimum=1, required=False, default=1)
    if revision not in RULES_REVISIONS:
        raise PolicyError("rules_revision", f"{revision} is not a rules revision this engine knows "
                                            f"({', '.join(map(str, RULES_REVISIONS))})")
    r2 = revision >= 2

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
                                   limit=ap_r.duration("limit"),
                                   partial_offer_is_rejection=ap_r.bool("partial_offer_is_rejection",
                                                                        required=False))

    apl_r = r.table("appeals")
    appeals = Appeals(buyer_max=apl_r.int("buyer_max", minimum=0), window=apl_r.duration("window"),
                      seller=apl_r.str("seller"), period=apl_r.duration("period", required=False))

    re_r = r.table("remedy")
    shipping_raw = re_r.get("shipping_borne_by")
    shipping_table: dict[str, str] | None = None
    if isinstance(shipping_raw, Mapping):  # revision 2: by liability
        sh_r = re_r.table("shipping_borne_by")
        shipping_table = {party: sh_r.str(party, choices=SHIPPING_PAYERS) for party in LIABLE_PARTIES}
        for key in sh_r.data:
            if key not in LIABLE_PARTIES:
                raise PolicyError(sh_r.p(key), f"{key!r} is not a liability (known: {', '.join(LIABLE_PARTIES)})")
        shipping_single = shipping_table["seller"]
    else:
        if r2:
            raise PolicyError(re_r.p("shipping_borne_by"), "must be a table of who bears shipping per liability "
                                                           f"({', '.join(LIABLE_PARTIES)}) in rules revision 2")
        shipping_single = re_r.str("shipping_borne_by", choices=("seller", "buyer"))
    remedy = RemedyRules(
        return_required_for=frozenset(re_r.str_list("return_required_for", REMEDIES)),
        return_exempt_problems=re_r.str_list("return_exempt_problems", PROBLEMS),
        custom_made_exempt=re_r.bool("custom_made_exempt"),
        sea_exempt_remedies=frozenset(re_r.str_list("sea_exempt_remedies", REMEDIES)),
        shipping_borne_by=shipping_single,
        postage_refunded=re_r.bool("postage_refunded"),
        cod_payment_methods=frozenset(re_r.str_list("cod_payment_methods")),
        cod_refund_proof=re_r.duration("cod_refund_proof"),
        shipping_by_liability=shipping_table,
        postage_not_refunded_for=frozenset(re_r.str_list("postage_not_refunded_for", REMEDIES, required=False)),
        carrier_refund=re_r.str("carrier_refund", required=r2),
    )

    dl_r = r.table("deadlines")
    deadlines = {}
    for deadline_id in DEADLINE_IDS:
        # revision 1 needs the four deadlines of 2025.06; revision 2 may switch seller_execute off (Douyin, 004)
        # and has an appeal_window only with appeals.period; seller_refund_proof is optional everywhere
        optional = r2 or deadline_id == "seller_refund_proof"
        table = dl_r.table(deadline_id, required=not optional)
        if table is None or not table.bool("enabled", required=False, default=True):
            continue
        if deadline_id == "appeal_window":
            default_after = appeals.period if r2 else appeals.window
            if default_after is None:  # revision 2 without an appeal period: no appeal deadline (002)
                continue
        elif deadline_id == "seller_refund_proof":
            default_after = remedy.cod_refund_proof
        else:
            default_after = None
        deadlines[deadline_id] = _deadline(deadline_id, table, remedy.cod_refund_proof, default_after)
    for key in dl_r.data:
        if key not in DEADLINE_IDS:
            raise PolicyError(dl_r.p(key), f"{key!r} is not a deadline (known: {', '.join(DEADLINE_IDS)})")
    if "appeal_window" in deadlines:
        expected_after = appeals.period if r2 else appeals.window
        if deadlines["appeal_window"].after != expected_after:
            raise PolicyError("deadlines.appeal_window.after",
                              "must equal appeals.period" if r2 else "must equal appeals.window")
    for deadline_id in ("buyer_return_ship", "seller_confirm_receipt"):
        if deadline_id not in deadlines:
            raise PolicyError(dl_r.p(deadline_id), "required table is missing")

    rv_r = r.table("review")
    review_within = rv_r.duration("within")

    holidays: dict[str, frozenset[date]] = {}
    ho_r = r.table("holidays", required=False)
    if ho_r is not None:
        for key, value in ho_r.data.items():
            if not isinstance(value, list):
                raise PolicyError(ho_r.p(key), "must be a list of dates such as 2025-12-25")
            days = set()
            for index, day in enumerate(value):
                if isinstance(day, datetime) or not isinstance(day, date):
                    raise PolicyError(f"{ho_r.p(key)}[{index}]", f"{day!r} is not a date such as 2025-12-25")
                days.add(day)
            holidays[key.upper()] = frozenset(days)
    nrr_r = r.table("no_reason_return", required=r2)
    no_reason_within = None if nrr_r is None else nrr_r.duration("within")

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
        rules_revision=revision,
        holidays=MappingProxyType(holidays),
        no_reason_return_within=no_reason_within,
    )
