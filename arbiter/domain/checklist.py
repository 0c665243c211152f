"""The neutral verdict checklist (shared/spec/checklist.md) as pure functions.

``assess()`` evaluates whatever the reviewer has answered so far (the GUI's live preview) and never raises for
bad or incomplete answers; ``decide()`` runs the same evaluation and raises the first :class:`AnswerError` or
returns the ``arbiter.decision/1`` record. Every number comes from the :class:`~arbiter.domain.policy.Policy`;
docs/rules.md names the seed article of each rule and every interpretation made here.

No Qt, no SQL, no file I/O, no floats.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any

from arbiter.domain.decision import DECISION_FORMAT
from arbiter.domain.model import Case, ClaimType, SellerResponse
from arbiter.domain.money import MoneyError, format_amount, parse_amount, zero
from arbiter.domain.policy import PROBLEMS, REMEDIES, Duration, Policy
from arbiter.domain import revision2 as r2rules
from arbiter.domain.revision2 import DAMAGE_EXTENTS, NoReasonReturnFacts, RefundCap, refund_cap

__all__ = [
    "AnswerError", "Assessment", "EvidenceStatus", "GateResult", "assess", "decide", "sea_qualifies", "review_due",
    "rationale_citations", "REFUNDING_REMEDIES", "GATE_IDS", "COMPUTED_GATES", "REVIEWER_GATES", "EVIDENCE_ANSWERS", "FINDINGS",
    "OUTCOMES", "PROBLEMS", "REMEDY_TYPES", "DAMAGE_EXTENTS", "NoReasonReturnFacts", "RefundCap", "refund_cap",
]

GATE_IDS = ("J1_platform_order", "J2_in_time", "J3_not_settled", "J4_actual_consumer", "J5_valid_transaction",
            "J6_unresolved", "J7_no_legal_action", "J8_appeal_allowed")
COMPUTED_GATES = frozenset({"J2_in_time", "J3_not_settled", "J7_no_legal_action", "J8_appeal_allowed"})
REVIEWER_GATES = tuple(g for g in GATE_IDS if g not in COMPUTED_GATES)
EVIDENCE_ANSWERS = ("admissible", "not_authentic", "not_relevant")
FINDINGS = ("supported", "contradicted", "insufficient")
OUTCOMES = ("declined", "buyer_favoured", "seller_favoured", "partial")
BUYER_OUTCOMES = frozenset({"buyer_favoured", "partial"})
REMEDY_TYPES = REMEDIES + ("none",)
REFUNDING_REMEDIES = frozenset({"refund_only", "return_and_refund", "partial_refund"})
SELLER_CONDUCT_KEYS = ("replied_within_72h", "professional_language", "no_ads_or_links")

# Question order: decide() raises the first problem in this order.
_SECTIONS = ("answers", "jurisdiction", "evidence", "finding", "problem", "damage_extent", "override", "remedy",
             "amount",
             "seller_conduct", "rationale", "reviewer", "decided_at")


class AnswerError(ValueError):
    """A reviewer's answer is missing or wrong. ``str(e) == f"{field}: {message}"``: one clear line."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")

    @property
    def is_missing(self) -> bool:
        return self.message == MISSING


MISSING = "missing answer"


@dataclass(frozen=True, slots=True)
class GateResult:
    id: str
    passed: bool | None
    computed: bool
    facts: Mapping[str, str]  # {"en": ..., "zh": ...}


@dataclass(frozen=True, slots=True)
class EvidenceStatus:
    id: str
    party: str
    primary: bool
    status: str | None  # admissible | not_authentic | not_relevant | not_requested | late | None (unanswered)
    forced_reason: str | None  # not_authentic (hash mismatch) | not_requested | late (r2), whatever the answer says


@dataclass(frozen=True, slots=True)
class Assessment:
    gates: tuple[GateResult, ...]
    evidence: tuple[EvidenceStatus, ...]
    sea_qualifies: bool
    derived_outcome: str | None
    outcome: str | None
    missing: tuple[str, ...]
    errors: tuple[AnswerError, ...]
    record: dict[str, Any] | None
    time_zone: str = "UTC"
    review_due: datetime | None = None  # opened_at + the policy's review_within, in the parties' zone
    time_left: timedelta | None = None  # review_due - now (negative when overdue)
    # rules revision 2 (policy version 2026.11 and later); defaults describe a 2025.06 policy
    rules_revision: int = 1
    refund_cap: RefundCap | None = None  # for the remedy answered (or a full refund while none is): pre-fill it
    no_reason_return: NoReasonReturnFacts | None = None  # 004's conditions as computed facts (shown, not asked)
    asks_damage_extent: bool = False  # the damage_extent question applies (problem damaged, buyer favoured)

    @property
    def complete(self) -> bool:
        return self.record is not None


# ------------------------------------------------------------------------------------------------ helpers

def _span(delta: timedelta, unit: str) -> tuple[str, str]:
    """``delta`` as text in English and Chinese, in hours (unit ``h``) or days (unit ``d``)."""
    seconds = int(delta.total_seconds())
    if unit == "d":
        days, rest = divmod(seconds, 86400)
    else:
        days, rest = 0, seconds
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    en: list[str] = []
    zh: list[str] = []
    if unit == "d":
        if days or not (hours or minutes or secs):
            en.append(f"{days} day" if days == 1 else f"{days} days")
            zh.append(f"{days}天")
        if hours:
            en.append(f"{hours} h")
            zh.append(f"{hours}小时")
    else:
        en.append(f"{hours} h")
        zh.append(f"{hours}小时")
    if minutes:
        en.append(f"{minutes} min")
        zh.append(f"{minutes}分")
    if secs:
        en.append(f"{secs} s")
        zh.append(f"{secs}秒")
    return " ".join(en), "".join(zh)


def _elapsed(start: datetime, end: datetime, unit: str, tz: tzinfo) -> timedelta:
    """Elapsed time as the policy counts it: hours in absolute time, days on the parties' wall clock."""
    if unit == "d":
        return end.astimezone(tz).replace(tzinfo=None) - start.astimezone(tz).replace(tzinfo=None)
    return end - start


def _limit_text(passed: bool, limit: Duration) -> tuple[str, str]:
    if passed:
        return f"within {limit.en}", f"在{limit.zh}内"
    return f"later than {limit.en}", f"超过{limit.zh}"


def _after(delta: timedelta, unit: str, what_en: str, what_zh: str) -> tuple[str, str]:
    if delta < timedelta(0):
        return f"before {what_en}", f"{what_zh}之前"
    en, zh = _span(delta, unit)
    return f"{en} after {what_en}", f"{what_zh}后{zh}"


_SELLER_RESPONSE_ZH = {"agreed": "同意", "rejected": "拒绝", "no_response": "未处理", "partial_offer": "提出部分方案"}


def _gate_j2(case: Case, policy: Policy, tz: tzinfo) -> tuple[bool, str, str]:
    """J2_in_time. Douyin (004): intervention within 48 h of the seller's rejection. TikTok Shop (003): claim
    within 7 days of delivery. The policy says which clock and how long."""
    rule = policy.application
    limit = rule.limit
    after_sale = case.after_sale
    if rule.counted_from == "seller_rejection":
        if after_sale.seller_response is not SellerResponse.REJECTED or after_sale.seller_responded_at is None:
            response = after_sale.seller_response.value
            return (True,
                    f"the seller did not reject the request (seller response: {response}); the {limit.en} limit "
                    f"after a rejection does not apply",
                    f"商家未拒绝售后申请(商家处理:{_SELLER_RESPONSE_ZH.get(response, response)}),"
                    f"拒绝后{limit.zh}内申请平台介入的时限不适用")
        start, end = after_sale.seller_responded_at, after_sale.intervention_requested_at
        passed = end <= limit.after(start, tz)
        when_en, when_zh = _after(_elapsed(start, end, limit.unit, tz), limit.unit,
                                  "the seller's rejection", "商家拒绝")
        lim_en, lim_zh = _limit_text(passed, limit)
        return passed, f"applied {when_en}: {lim_en}", f"{when_zh}申请平台介入:{lim_zh}"
    # counted from delivery
    delivered = case.order.delivered_at
    if case.claim.type is ClaimType.NOT_RECEIVED or delivered is None:
        reason_en = ("the claim is that the goods were not received" if case.claim.type is ClaimType.NOT_RECEIVED
                     else "the order has no delivery time")
        reason_zh = "买家主张未收到商品" if case.claim.type is ClaimType.NOT_RECEIVED else "订单没有签收时间"
        return (True, f"no delivery to count from ({reason_en}); the {limit.en} limit does not apply",
                f"无签收时间可计算期限({reason_zh}),{limit.zh}时限不适用")
    submitted = case.claim.submitted_at
    passed = submitted <= limit.after(delivered, tz)
    when_en, when_zh = _after(_elapsed(delivered, submitted, limit.unit, tz), limit.unit, "delivery", "签收")
    lim_en, lim_zh = _limit_text(passed, limit)
    return passed, f"claim submitted {when_en}: {lim_en}", f"{when_zh}提交售后申请:{lim_zh}"


def _gate_j8(case: Case, policy: Policy, tz: tzinfo) -> tuple[bool, str, str]:
    """J8_appeal_allowed (002): fewer than ``buyer_max`` earlier appeals, filed within ``window`` of the
    decision being appealed."""
    after_sale = case.after_sale
    if after_sale.previous_decision_at is None:
        return True, "not an appeal: the appeal limits do not apply", "本案不是申诉,申诉限制不适用"
    appeals = policy.appeals
    previous = after_sale.previous_appeals
    count_ok = previous < appeals.buyer_max
    start, end = after_sale.previous_decision_at, after_sale.intervention_requested_at
    window = appeals.window
    time_ok = end <= window.after(start, tz)
    when_en, when_zh = _after(_elapsed(start, end, window.unit, tz), window.unit,
                              "the decision appealed", "被申诉的判罚")
    lim_en, lim_zh = _limit_text(time_ok, window)
    count_en = (f"{previous} earlier appeal{'s' if previous != 1 else ''} on this item "
                f"({'fewer than' if count_ok else 'already'} {'the maximum of ' if count_ok else ''}"
                f"{appeals.buyer_max}{'' if count_ok else ', the maximum'})")
    count_zh = f"此前已申诉{previous}次(最多{appeals.buyer_max}次{'' if count_ok else ',已达上限'})"
    return (count_ok and time_ok, f"appeal with {count_en}, filed {when_en}: {lim_en}",
            f"{count_zh},于{when_zh}提出申诉:{lim_zh}")


_REVIEWER_TEXT = {
    "J1_platform_order": ("the goods were bought on this platform", "the goods were not bought on this platform",
                          "商品是在本平台购买的", "商品不是在本平台购买的"),
    "J4_actual_consumer": ("the buyer is the actual consumer", "the buyer is not the actual consumer",
                           "买家是实际消费者", "买家不是实际消费者"),
    "J5_valid_transaction": ("the transaction is valid", "the transaction is not valid", "交易有效", "交易无效"),
    "J6_unresolved": ("the after-sale issue has not already been resolved",
                      "the after-sale issue has already been resolved", "售后问题尚未解决", "售后问题已经解决"),
}


def _reviewer_facts(gate_id: str, answer: bool | None) -> dict[str, str]:
    yes_en, no_en, yes_zh, no_zh = _REVIEWER_TEXT[gate_id]
    if answer is None:
        return {"en": f"to be confirmed: {yes_en}?", "zh": f"待确认：{yes_zh}？"}
    if answer:
        return {"en": f"the reviewer confirms {yes_en}", "zh": f"审核员确认{yes_zh}"}
    return {"en": f"the reviewer finds {no_en}", "zh": f"审核员认定{no_zh}"}


def sea_qualifies(case: Case, policy: Policy) -> bool:
    """Seed 002: a cross-border order in one of the policy's SEA regions, placed on or after the start date
    (local date in the parties' zone), whose ``total_paid`` lies within the range, in the range's currency."""
    sea = policy.sea
    if sea is None or not sea.has_range or not case.order.cross_border or case.region not in sea.regions:
        return False
    tz, _ = policy.tzinfo_for(case.region, case.opened_at)
    if case.order.placed_at.astimezone(tz).date() < sea.start_date:
        return False
    if case.order.currency != sea.currency:
        return False
    return sea.min_amount <= case.order.total_paid <= sea.max_amount


def review_due(case: Case, policy: Policy) -> datetime:
    """When the review should be done: ``opened_at`` + the policy's ``review_within`` (seed 003)."""
    tz, _ = policy.tzinfo_for(case.region, case.opened_at)
    return policy.review_within.after(case.opened_at, tz, policy.holidays_for(case.region))


_TOKEN_RE = re.compile(r"[A-Za-z0-9._:-]+")
_TRAILING = ".:-_"


def rationale_citations(text: str, known: frozenset[str] | set[str]) -> list[str]:
    """The known ids ``text`` cites, as whole words, in order of first mention. Trailing punctuation is
    stripped (``E1.`` and ``M4:`` cite E1 and M4); ``XE1`` or ``E10`` do not cite E1."""
    cites: list[str] = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group(0)
        candidates = [token]
        stripped = token.rstrip(_TRAILING)
        if stripped != token:
            candidates.append(stripped)
        for candidate in candidates:
            if candidate in known:
                if candidate not in cites:
                    cites.append(candidate)
                break
    return cites


def _parse_decided_at(value: Any) -> datetime:
    if not isinstance(value, str) or not value.strip():
        raise AnswerError("decided_at", "must be an ISO 8601 timestamp with a UTC offset, "
                                        "e.g. 2025-03-05T10:00:00+08:00")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise AnswerError("decided_at", f"{value!r} is not an ISO 8601 timestamp") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise AnswerError("decided_at", f"{value!r} has no UTC offset (write e.g. {value.strip()}+08:00)")
    return parsed


# ------------------------------------------------------------------------------------------------ engine

class _Problems:
    def __init__(self) -> None:
        self.items: list[AnswerError] = []

    def missing(self, field: str) -> None:
        self.items.append(AnswerError(field, MISSING))

    def error(self, field: str, message: str) -> None:
        self.items.append(AnswerError(field, message))

    def add(self, exc: AnswerError) -> None:
        self.items.append(exc)

    def ordered(self) -> list[AnswerError]:
        def rank(e: AnswerError) -> int:
            section = e.field.split(".", 1)[0]
            return _SECTIONS.index(section) if section in _SECTIONS else len(_SECTIONS)
        return sorted(self.items, key=rank)  # stable: keeps gate and evidence order inside a section


def _one_of(value: Any, allowed: tuple[str, ...]) -> str:
    return f"{value!r} is not one of: {', '.join(allowed)}"


def _mapping(answers: Mapping[str, Any], key: str, problems: _Problems, what: str) -> Mapping[str, Any]:
    value = answers.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        problems.error(key, f"must be an object of {what}")
        return {}
    return value


def _evaluate(case: Case, policy: Policy, answers: Any, tampered: frozenset[str],
              now: datetime | None) -> tuple[Assessment, list[AnswerError]]:
    if policy.platform != case.platform.value:
        raise ValueError(f"policy {policy.id} is for {policy.platform}, the case is on {case.platform.value}")
    if policy.region is not None and policy.region != case.region:
        raise ValueError(f"policy {policy.id} is for region {policy.region}, the case is in {case.region}")
    problems = _Problems()
    if not isinstance(answers, Mapping):
        problems.error("answers", "must be a JSON object")
        answers = {}
    tz, tz_name = policy.tzinfo_for(case.region, case.opened_at)
    currency = case.order.currency
    paid = case.order.total_paid
    r2 = policy.revision2

    # ---- 1. jurisdiction (002, 003, 004)
    jur = _mapping(answers, "jurisdiction", problems, "gate ids to true/false")
    for key in jur:
        if key not in GATE_IDS:
            problems.error(f"jurisdiction.{key}", f"no such gate (gates: {', '.join(GATE_IDS)})")
    computed: dict[str, tuple[bool, str, str]] = {
        "J2_in_time": r2rules.gate_j2(case, policy, tz) if r2 else _gate_j2(case, policy, tz),
        "J3_not_settled": (True, "the parties have not agreed to settle between themselves", "双方未同意自行协商解决")
        if not case.after_sale.settled_between_parties
        else (False, "the parties settled between themselves", "双方已同意自行协商解决"),
        "J7_no_legal_action": (True, "no legal proceedings have started", "双方未启动法律程序")
        if not case.after_sale.legal_proceedings
        else (False, "legal proceedings have started, so the platform stops", "双方已启动法律程序,平台停止介入"),
        "J8_appeal_allowed": r2rules.gate_j8(case, policy, tz) if r2 else _gate_j8(case, policy, tz),
    }
    computed_fail = any(not passed for passed, _, _ in computed.values())
    gates: list[GateResult] = []
    for gate_id in GATE_IDS:
        answer = jur.get(gate_id)
        if answer is not None and not isinstance(answer, bool):
            problems.error(f"jurisdiction.{gate_id}", f"must be true or false, got {answer!r}")
            answer = None
        if gate_id in COMPUTED_GATES:
            passed, en, zh = computed[gate_id]
            if answer is not None and answer != passed:
                problems.error(f"jurisdiction.{gate_id}",
                               f"answered {'true' if answer else 'false'} but the bundle says {en}")
            gates.append(GateResult(gate_id, passed, True, {"en": en, "zh": zh}))
        else:
            if answer is None and not computed_fail:
                problems.missing(f"jurisdiction.{gate_id}")
            gates.append(GateResult(gate_id, answer, False, _reviewer_facts(gate_id, answer)))
    decline_reasons = [g.id for g in gates if g.passed is False]
    gates_fail = bool(decline_reasons)
    gates_open = not gates_fail and any(g.passed is None for g in gates)

    # ---- finding, remedy answer (needed for the derived outcome)
    finding = answers.get("finding")
    finding_ok = finding in FINDINGS
    remedy_answer = answers.get("remedy")

    if gates_fail:
        derived: str | None = "declined"
    elif gates_open or not finding_ok:
        derived = None
    elif finding == "supported":
        derived = "partial" if remedy_answer == "partial_refund" else "buyer_favoured"
    else:
        derived = "seller_favoured"

    # ---- override (checklist.md neutrality 4)
    override_raw = answers.get("override")
    override: dict[str, str] | None = None
    intended: str | None = None  # the override's outcome, even while its justification is still missing
    if override_raw is not None:
        if not isinstance(override_raw, Mapping):
            problems.error("override", "must be null or an object with outcome and justification")
        else:
            ov_outcome = override_raw.get("outcome")
            justification = override_raw.get("justification")
            ok = True
            if ov_outcome is None:
                problems.missing("override.outcome")
                ok = False
            elif ov_outcome not in OUTCOMES:
                problems.error("override.outcome", _one_of(ov_outcome, OUTCOMES))
                ok = False
            elif derived is not None and ov_outcome == derived:
                problems.error("override.outcome", f"{ov_outcome} is already the outcome the rules derive; "
                                                   "no override needed")
                ok = False
            else:
                intended = ov_outcome
            if justification is None or (isinstance(justification, str) and not justification.strip()):
                problems.missing("override.justification")
                ok = False
            elif not isinstance(justification, str):
                problems.error("override.justification", "must be text")
                ok = False
            if ok:
                override = {"outcome": ov_outcome, "justification": justification.strip()}
    outcome = intended if intended is not None else derived

    # which side the final outcome is on; while it is still open, what the finding points to
    if outcome in BUYER_OUTCOMES:
        side: str | None = "buyer"
    elif outcome == "seller_favoured":
        side = "seller"
    elif outcome == "declined":
        side = "declined"
    elif finding == "supported":
        side = "buyer"
    elif finding_ok:
        side = "seller"
    else:
        side = None
    needs_review = side != "declined"

    # ---- 2. evidence admissibility (002)
    ev_answers = _mapping(answers, "evidence", problems, "evidence ids to admissible/not_authentic/not_relevant")
    known_evidence = case.evidence_ids
    for key in ev_answers:
        if key not in known_evidence:
            problems.error(f"evidence.{key}", f"no evidence item {key} in this case")
    statuses: list[EvidenceStatus] = []
    for item in case.evidence_in_review_order():
        answer = ev_answers.get(item.id)
        if answer is not None and answer not in EVIDENCE_ANSWERS:
            problems.error(f"evidence.{item.id}", _one_of(answer, EVIDENCE_ANSWERS))
            answer = None
        if item.id in tampered:
            forced = "not_authentic"
        elif item.is_supplementary and not item.requested:
            forced = "not_requested"
        elif r2 and r2rules.is_late(case, item):
            forced = "late"
        else:
            forced = None
        status = forced or answer
        if status is None and needs_review:
            problems.missing(f"evidence.{item.id}")
        statuses.append(EvidenceStatus(item.id, item.party.value, item.is_primary, status, forced))
    considered = [s.id for s in statuses if s.status == "admissible"]
    excluded = [{"id": s.id, "reason": s.status} for s in statuses if s.status not in (None, "admissible")]

    # ---- 3. findings (002)
    if needs_review:
        if finding is None:
            problems.missing("finding")
        elif not finding_ok:
            problems.error("finding", _one_of(finding, FINDINGS))
    problem = answers.get("problem")
    needs_problem = side == "buyer"
    if needs_problem:
        if problem is None:
            problems.missing("problem")
        elif problem not in PROBLEMS:
            problems.error("problem", _one_of(problem, PROBLEMS))
            problem = None
    elif problem is not None and problem not in PROBLEMS and needs_review:
        problems.error("problem", _one_of(problem, PROBLEMS))

    # ---- r2: the 7-day no-reason return (004) as computed facts; damage_extent with damaged (002)
    no_reason = r2rules.no_reason_return_facts(case, policy, tz) if r2 else None
    if (no_reason is not None and needs_problem and problem == "no_reason_return" and not no_reason.accepted):
        problems.error("problem", f"no_reason_return cannot be found: {no_reason.facts['en']} (004)")
    damage_extent = answers.get("damage_extent") if r2 else None
    asks_damage_extent = r2 and needs_problem and problem == "damaged"
    if asks_damage_extent:
        if damage_extent is None:
            problems.missing("damage_extent")
        elif damage_extent not in DAMAGE_EXTENTS:
            problems.error("damage_extent", _one_of(damage_extent, DAMAGE_EXTENTS))
            damage_extent = None
    elif damage_extent is not None:
        if problem != "damaged":
            shown = problem if isinstance(problem, str) and problem else "not answered"
            problems.error("damage_extent", f"only answered when the problem is damaged (the problem is {shown})")
        damage_extent = None  # a damaged problem that the outcome does not use (declined, seller favoured)

    # ---- 5. remedy and liability (002, 003, 004)
    remedy_type: str | None = None
    if side == "buyer":
        if remedy_answer is None:
            problems.missing("remedy")
        elif remedy_answer == "none":
            problems.error("remedy", f"'none' is not a remedy when the buyer is favoured; choose one of: "
                                     f"{', '.join(REMEDIES)}")
        elif remedy_answer not in REMEDIES:
            problems.error("remedy", _one_of(remedy_answer, REMEDIES))
        elif outcome == "partial" and remedy_answer != "partial_refund":
            problems.error("remedy", f"the outcome partial needs a partial_refund, not {remedy_answer}")
        elif outcome == "buyer_favoured" and remedy_answer == "partial_refund":
            problems.error("remedy", "a partial_refund makes the outcome partial, not buyer_favoured")
        else:
            remedy_type = remedy_answer
    elif side == "seller":
        if remedy_answer not in (None, "none"):
            problems.error("remedy", f"must be none when the seller is favoured, not {remedy_answer!r}")
        remedy_type = "none"
    elif side is None and remedy_answer is not None and remedy_answer not in REMEDY_TYPES:
        problems.error("remedy", _one_of(remedy_answer, REMEDY_TYPES))

    amount: Decimal | None = None
    amount_raw = answers.get("amount")
    if side in ("buyer", "seller", None) and amount_raw is not None:
        try:
            amount = parse_amount(amount_raw, currency)
        except MoneyError as exc:
            problems.error("amount", str(exc))
            amount_raw = "invalid"
    refunds = remedy_type in REFUNDING_REMEDIES or (side == "buyer" and remedy_type is None
                                                    and remedy_answer in REFUNDING_REMEDIES)
    cap: RefundCap | None = None
    if r2:
        cap = refund_cap(case, policy, remedy_answer if remedy_answer in REFUNDING_REMEDIES else "refund_only")
    if side == "buyer" and refunds and cap is not None:
        if amount_raw is None:
            problems.missing("amount")
        elif amount is not None:
            shown = amount_raw.strip()
            cap_text = f"{format_amount(cap.amount, currency)} {currency}"
            if amount <= 0:
                problems.error("amount", f"{shown} is not a refund; it must be more than 0")
            elif amount > cap.amount:
                problems.error("amount", f"{shown} is above the refund cap of {cap_text} ({cap.basis['en']})")
            elif remedy_answer == "partial_refund" and amount >= cap.amount:
                problems.error("amount", f"{shown} is not below the refund cap of {cap_text} ({cap.basis['en']}); "
                                         f"a partial refund must be less than the full amount")
    elif side == "buyer" and refunds:
        if amount_raw is None:
            problems.missing("amount")
        elif amount is not None:
            shown = amount_raw.strip()
            if amount <= 0:
                problems.error("amount", f"{shown} is not a refund; it must be more than 0")
            elif amount > paid:
                problems.error("amount", f"{shown} is above the {format_amount(paid, currency)} {currency} paid")
            elif remedy_answer == "partial_refund" and amount >= paid:
                problems.error("amount", f"{shown} is not below the {format_amount(paid, currency)} {currency} "
                                         f"paid; a partial refund must be less than the full amount")
    elif side in ("buyer", "seller") and amount is not None and amount != 0:
        what = (f"a {remedy_answer} refunds nothing" if side == "buyer" and remedy_answer in REMEDIES
                else "no refund when the seller is favoured")
        problems.error("amount", f"{what}; leave the amount empty")

    # ---- seller conduct (002), printed only in the seller's notice
    conduct_raw = answers.get("seller_conduct")
    seller_conduct: dict[str, bool | None] | None = None
    if conduct_raw is not None:
        if not isinstance(conduct_raw, Mapping):
            problems.error("seller_conduct", f"must be null or an object of {', '.join(SELLER_CONDUCT_KEYS)}")
        else:
            seller_conduct = {}
            for key in conduct_raw:
                if key not in SELLER_CONDUCT_KEYS:
                    problems.error(f"seller_conduct.{key}", f"unknown question (known: {', '.join(SELLER_CONDUCT_KEYS)})")
            for key in SELLER_CONDUCT_KEYS:
                value = conduct_raw.get(key)
                if value is not None and not isinstance(value, bool):
                    problems.error(f"seller_conduct.{key}", f"must be true or false, got {value!r}")
                    value = None
                seller_conduct[key] = value

    # ---- 7. rationale, reviewer, decided_at
    known_ids = known_evidence | case.message_ids
    rationale = answers.get("rationale")
    cites: list[str] = []
    if rationale is None or (isinstance(rationale, str) and not rationale.strip()):
        problems.missing("rationale")
    elif not isinstance(rationale, str):
        problems.error("rationale", "must be text")
    else:
        rationale = rationale.strip()
        cites = rationale_citations(rationale, known_ids)
        if needs_review and not cites and known_ids:
            firsts = [case.evidence_in_review_order()[:1], [m for log in case.chat_logs for m in log.messages][:1]]
            examples = ", ".join(item.id for group in firsts for item in group)
            problems.error("rationale", f"cite at least one evidence id or chat message id of this case "
                                        f"(e.g. {examples})")
    reviewer = answers.get("reviewer")
    if reviewer is None or (isinstance(reviewer, str) and not reviewer.strip()):
        problems.missing("reviewer")
    elif not isinstance(reviewer, str):
        problems.error("reviewer", "must be text")
    decided_raw = answers.get("decided_at")
    decided_at: datetime | None = None
    if decided_raw is None:
        problems.missing("decided_at")
    else:
        try:
            decided_at = _parse_decided_at(decided_raw)
        except AnswerError as exc:
            problems.add(exc)

    # ---- SEA, return, liability, appeals
    sea = sea_qualifies(case, policy)
    appeals_cfg = policy.appeals
    is_appeal = case.after_sale.is_appeal
    if r2:  # a seller's appeal (by ticket) uses none of the buyer's appeals
        appeal = case.after_sale.appeal_info
        is_appeal = appeal is not None and appeal.filed_by.value == "buyer"
    buyer_remaining = max(0, appeals_cfg.buyer_max - case.after_sale.previous_appeals - (1 if is_appeal else 0))

    ordered = problems.ordered()
    errors = tuple(p for p in ordered if not p.is_missing)
    missing = tuple(p.field for p in ordered if p.is_missing)

    due_review = review_due(case, policy)
    if now is None:
        now = datetime.now(timezone.utc)
    elif now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")

    record = None
    if not ordered and outcome is not None and decided_at is not None:
        record = _record(case, policy, tz, tz_name, gates, decline_reasons, derived, outcome, override,
                         finding if side != "declined" else None, problem if side == "buyer" else None,
                         remedy_type if side == "buyer" else None, amount, sea, buyer_remaining, considered,
                         excluded, seller_conduct, rationale, cites, reviewer.strip(), decided_at)
        if r2:
            _revise_record(record, case, policy, tz, outcome, problem if side == "buyer" else None,
                           remedy_type if side == "buyer" else None, damage_extent, cap, decided_at)

    assessment = Assessment(
        gates=tuple(gates),
        evidence=tuple(statuses),
        sea_qualifies=sea,
        derived_outcome=derived,
        outcome=outcome,
        missing=missing,
        errors=errors,
        record=record,
        time_zone=tz_name,
        review_due=due_review,
        time_left=due_review - now,
        rules_revision=policy.rules_revision,
        refund_cap=cap,
        no_reason_return=no_reason,
        asks_damage_extent=asks_damage_extent,
    )
    return assessment, ordered


def _record(case: Case, policy: Policy, tz: tzinfo, tz_name: str, gates: list[GateResult],
            decline_reasons: list[str], derived: str | None, outcome: str, override: dict[str, str] | None,
            finding: str | None, problem: str | None, remedy_type: str | None, amount: Decimal | None,
            sea: bool, buyer_remaining: int, considered: list[str], excluded: list[dict[str, str]],
            seller_conduct: dict[str, bool | None] | None, rationale: str, cites: list[str], reviewer: str,
            decided_at: datetime) -> dict[str, Any]:
    currency = case.order.currency
    rules = policy.remedy
    remedy: dict[str, Any] = {"type": "none", "amount": zero(currency), "currency": currency,
                              "return_required": False, "return_exemption": None, "refund_route": None,
                              "shipping_borne_by": None}
    liability = None
    if remedy_type is not None:  # the buyer is favoured
        exemption = None
        if remedy_type in rules.return_required_for:
            if problem in rules.return_exempt_problems:
                exemption = problem
            elif rules.custom_made_exempt and case.order.has_custom_made_item:
                exemption = "custom_made"
            elif sea and remedy_type in rules.sea_exempt_remedies:
                exemption = "sea_refund_without_return"
        route = None
        if remedy_type in REFUNDING_REMEDIES:
            route = ("cod_seller_refund" if case.order.payment_method in rules.cod_payment_methods
                     else "original_payment")
        remedy = {
            "type": remedy_type,
            "amount": format_amount(amount, currency) if remedy_type in REFUNDING_REMEDIES else zero(currency),
            "currency": currency,
            "return_required": remedy_type in rules.return_required_for and exemption is None,
            "return_exemption": exemption,
            "refund_route": route,
            "shipping_borne_by": rules.shipping_borne_by,
        }
        liability = policy.liability[problem]

    def due(deadline_id: str) -> str:
        return policy.deadlines[deadline_id].after.after(decided_at, tz).isoformat(timespec="seconds")

    deadlines: list[dict[str, Any]] = []

    def add(deadline_id: str, with_date: bool, extra: str | None = None) -> None:
        rule = policy.deadlines[deadline_id]
        text = rule.rule if extra is None else f"{rule.rule} {extra}"
        deadlines.append({"id": deadline_id, "party": rule.party,
                          "due": due(deadline_id) if with_date else None,
                          "on_miss": rule.on_miss, "rule": text,
                          # the same rule as data, for front ends that word it in another language
                          "after": f"{rule.after.amount}{rule.after.unit}", "counts_from": rule.counts_from,
                          "extension": (f"{rule.extension.amount}{rule.extension.unit}"
                                        if rule.extension else None)})

    if policy.revision2:
        pass  # the deadlines of rules revision 2 are built by _revise_record
    elif remedy_type is not None:
        cod = remedy["refund_route"] == "cod_seller_refund"
        add("seller_execute", True, policy.deadlines["seller_execute"].rule_cod if cod else None)
        if remedy["return_required"]:
            add("buyer_return_ship", True)
            confirm = policy.deadlines["seller_confirm_receipt"]
            add("seller_confirm_receipt", confirm.counts_from == "decision",
                confirm.rule_cod if cod else None)
    if outcome != "declined" and buyer_remaining > 0 and not policy.revision2:
        add("appeal_window", True)

    return {
        "format": DECISION_FORMAT,
        "case_id": case.case_id,
        "policy": {"id": policy.id, "version": policy.version},
        "outcome": outcome,
        "derived_outcome": derived,
        "override": override,
        "flagged_for_supervisor": override is not None,
        "decline_reasons": list(decline_reasons),
        "jurisdiction": [{"id": g.id, "passed": g.passed, "computed": g.computed, "fact": g.facts["en"]}
                         for g in gates],
        "finding": finding,
        "problem": problem,
        "remedy": remedy,
        "liability": liability,
        "deadlines": deadlines,
        "evidence_considered": list(considered),
        "evidence_excluded": [dict(e) for e in excluded],
        "appeals": {"buyer_remaining": buyer_remaining, "buyer_max": policy.appeals.buyer_max,
                    "seller": policy.appeals.seller},
        "sea_refund_without_return": sea,
        "seller_conduct": seller_conduct,
        "rationale": rationale,
        "rationale_cites": list(cites),
        "reviewer": reviewer,
        "decided_at": decided_at.isoformat(),
        "time_zone": tz_name,
    }


def _revise_record(record: dict[str, Any], case: Case, policy: Policy, tz: tzinfo, outcome: str,
                   problem: str | None, remedy_type: str | None, damage_extent: str | None, cap: RefundCap | None,
                   decided_at: datetime) -> None:
    """Rules revision 2 (checklist.md "(r2)") over the record :func:`_record` built: the return exemption of a
    completely damaged item only, the claimed lines' custom-made exemption, the refund cap and postage, shipping
    by liability, the carrier's policy text, the deadlines (seller_execute only when the seller is liable and
    worded by remedy, Douyin's cash-on-delivery refund proof, no appeal deadline unless the policy sets one), the
    appeal count rule and the appeal itself. A 2025.06 record never passes here."""
    rules = policy.remedy
    remedy = record["remedy"]
    liability = record["liability"]
    holidays = policy.holidays_for(case.region)
    refunding = remedy_type in REFUNDING_REMEDIES
    if remedy_type is not None:
        exemption = None
        if remedy_type in rules.return_required_for:
            if problem in rules.return_exempt_problems and (problem != "damaged" or damage_extent == "complete"):
                exemption = problem
            elif rules.custom_made_exempt and any(item.custom_made for item, _ in case.claimed_lines()):
                exemption = "custom_made"
            elif record["sea_refund_without_return"] and remedy_type in rules.sea_exempt_remedies:
                exemption = "sea_refund_without_return"
        remedy["return_exemption"] = exemption
        remedy["return_required"] = remedy_type in rules.return_required_for and exemption is None
        remedy["shipping_borne_by"] = r2rules.shipping_borne_by(policy, liability)
    remedy["refund_cap"] = format_amount(cap.amount, case.order.currency) if refunding and cap else None
    remedy["postage_refunded"] = cap.postage_refunded if refunding and cap else None
    remedy["note"] = rules.carrier_refund if liability == "carrier" else None

    deadlines: list[dict[str, Any]] = []

    def add(rule_id: str, start: datetime | None, text: str, counts_from: str | None = None,
            action: str | None = None) -> None:
        rule = policy.deadlines[rule_id]
        due = None if start is None else rule.after.after(start, tz, holidays).isoformat(timespec="seconds")
        deadlines.append({"id": rule_id, "party": rule.party, "due": due, "on_miss": rule.on_miss, "rule": text,
                          "after": rule.after.code, "counts_from": counts_from or rule.counts_from,
                          "extension": rule.extension.code if rule.extension else None, "action": action})

    if remedy_type is not None:
        cod = remedy["refund_route"] == "cod_seller_refund"
        execute = policy.deadlines.get("seller_execute")
        if execute is not None and (execute.liable is None or liability in execute.liable):
            action = r2rules.execute_action(remedy_type, remedy["return_required"])
            text = execute.actions.get(action, execute.rule)
            if cod and execute.rule_cod:
                text = f"{text} {execute.rule_cod}"
            add("seller_execute", decided_at, text, action=action)
        if remedy["return_required"]:
            add("buyer_return_ship", decided_at, policy.deadlines["buyer_return_ship"].rule)
            confirm = policy.deadlines["seller_confirm_receipt"]
            start = None
            if confirm.counts_from == "decision":
                start = decided_at
            elif confirm.counts_from == "buyer_tracking_upload" and case.return_logistics is not None:
                start = case.return_logistics.tracking_uploaded_at
            text = f"{confirm.rule} {confirm.rule_cod}" if cod and confirm.rule_cod else confirm.rule
            add("seller_confirm_receipt", start, text)
        proof = policy.deadlines.get("seller_refund_proof")
        if proof is not None and cod:
            if remedy["return_required"]:
                add("seller_refund_proof", decided_at if proof.counts_from == "decision" else None, proof.rule)
            else:
                counts_from = proof.without_return_counts_from or proof.counts_from
                add("seller_refund_proof", decided_at if counts_from == "decision" else None,
                    proof.rule_without_return or proof.rule, counts_from=counts_from)
    if outcome != "declined" and record["appeals"]["buyer_remaining"] > 0 and "appeal_window" in policy.deadlines:
        add("appeal_window", decided_at, policy.deadlines["appeal_window"].rule)
    record["deadlines"] = deadlines

    period = policy.appeals.period
    record["appeals"]["one_within"] = policy.appeals.window.code
    record["appeals"]["period"] = period.code if period is not None else None
    record["damage_extent"] = damage_extent
    appeal = case.after_sale.appeal_info
    record["appeal"] = None if appeal is None else {
        "filed_at": appeal.filed_at.isoformat() if appeal.filed_at else None,
        "filed_by": appeal.filed_by.value,
        "decision_appealed": {"decided_at": appeal.decision_appealed.decided_at.isoformat(),
                              "fingerprint": appeal.decision_appealed.fingerprint,
                              "case_revision": appeal.decision_appealed.case_revision},
    }
    record["claim_items"] = ([{"sku": ci.sku, "quantity": ci.quantity} for ci in case.claim.items]
                             if case.claim.items else None)


# ------------------------------------------------------------------------------------------------ public API

def assess(case: Case, policy: Policy, answers: Mapping, *, tampered: frozenset[str] = frozenset(),
           now: datetime | None = None) -> Assessment:
    """Everything derivable from the answers so far. Never raises for incomplete or bad answers: they are
    listed in ``missing`` and ``errors``; ``record`` is the decision record once complete and error-free."""
    assessment, _ = _evaluate(case, policy, answers, frozenset(tampered), now)
    return assessment


def decide(case: Case, policy: Policy, answers: Mapping, *, tampered: frozenset[str] = frozenset()) -> dict:
    """The ``arbiter.decision/1`` record. Raises the first :class:`AnswerError` (in question order)."""
    assessment, problems = _evaluate(case, policy, answers, frozenset(tampered), None)
    if problems:
        raise problems[0]
    if assessment.record is None:  # pragma: no cover - no problems means the record is complete
        raise AnswerError("answers", "incomplete")
    return assessment.record
