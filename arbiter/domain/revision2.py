"""The rules revision 2 (shared/spec/checklist.md, every change marked "(r2)"), as pure functions.

:mod:`arbiter.domain.checklist` calls these when the policy says so (``Policy.revision2``, set by
``rules_revision = 2`` in the policy files of version 2026.11 and later); a policy of version 2025.06 keeps the
rules it was published with, so a verdict signed under it re-derives the same record. docs/rules.md names the seed
and the Chinese behind each rule here, and marks every interpretation.

No Qt, no SQL, no file I/O, no floats; every number comes from the policy.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from arbiter.domain.model import Case, ClaimType, Evidence, Party, SellerResponse
from arbiter.domain.money import minor_unit
from arbiter.domain.policy import Duration, Policy

__all__ = ["DAMAGE_EXTENTS", "DAMAGE_EXTENT_OPTIONS", "DAMAGE_EXTENT_QUESTION", "NoReasonReturnFacts", "RefundCap", "execute_action", "gate_j2", "gate_j8",
           "is_late", "no_reason_return_facts", "refund_cap", "shipping_borne_by"]

DAMAGE_EXTENTS = ("complete", "partial")  # 002: only 完全损坏 (completely damaged) exempts the return
# The damage_extent question in the reviewer's languages, for front ends (the GUI words it from here).
DAMAGE_EXTENT_QUESTION = {
    "en": "How badly are the goods damaged? Only completely damaged goods need not be returned (002).",
    "zh": "商品损坏程度如何?只有完全损坏的商品无需退货(002)。",
}
DAMAGE_EXTENT_OPTIONS = {
    "complete": {"en": "Completely damaged", "zh": "完全损坏"},
    "partial": {"en": "Partly damaged", "zh": "部分损坏"},
}

_RESPONSE_ZH = {"agreed": "同意", "rejected": "拒绝", "no_response": "未处理", "partial_offer": "提出部分方案"}


# ------------------------------------------------------------------------------------------------ helpers

def _span(delta: timedelta, unit: str) -> tuple[str, str]:
    from arbiter.domain.checklist import _span as span  # one way to write a span, shared with the 2025.06 rules

    return span(delta, "d" if unit == "wd" else unit)


def _elapsed(start: datetime, end: datetime, unit: str, tz: tzinfo) -> timedelta:
    if unit in ("d", "wd"):
        return end.astimezone(tz).replace(tzinfo=None) - start.astimezone(tz).replace(tzinfo=None)
    return end - start


def _after(delta: timedelta, unit: str, what_en: str, what_zh: str) -> tuple[str, str]:
    if delta < timedelta(0):
        return f"before {what_en}", f"{what_zh}之前"
    en, zh = _span(delta, unit)
    return f"{en} after {what_en}", f"{what_zh}后{zh}"


def _limit(passed: bool, limit: Duration) -> tuple[str, str]:
    if passed:
        return f"within {limit.en}", f"在{limit.zh}内"
    return f"later than {limit.en}", f"超过{limit.zh}"


# ------------------------------------------------------------------------------------------------ J2 (004, 003)

def gate_j2(case: Case, policy: Policy, tz: tzinfo) -> tuple[bool, str, str]:
    """J2_in_time on the original application (r2). Douyin (004): intervention within 48 h of the seller's
    rejection, a partial offer counting as a rejection. TikTok Shop (003): claim within 7 days of delivery. For an
    appeal the appeal's own filing time never enters J2."""
    rule = policy.application
    limit = rule.limit
    after_sale = case.after_sale
    appeal = after_sale.appeal_info
    pre_en = "an appeal, judged on the original application: " if appeal is not None else ""
    pre_zh = "本案为申诉,按原售后申请判断:" if appeal is not None else ""
    if rule.counted_from == "seller_rejection":
        response = after_sale.seller_response
        rejecting = {SellerResponse.REJECTED}
        if rule.partial_offer_is_rejection:
            rejecting.add(SellerResponse.PARTIAL_OFFER)
        if response not in rejecting:
            return (True,
                    f"{pre_en}the seller did not reject the request (seller response: {response.value}); the "
                    f"{limit.en} limit after a rejection does not apply",
                    f"{pre_zh}商家未拒绝售后申请(商家处理:{_RESPONSE_ZH.get(response.value, response.value)}),"
                    f"拒绝后{limit.zh}内申请平台介入的时限不适用")
        what_en = "the seller's rejection" if response is SellerResponse.REJECTED else \
            "the seller's partial offer (a rejection of the request)"
        what_zh = "商家拒绝" if response is SellerResponse.REJECTED else "商家提出部分方案(视为拒绝)"
        if after_sale.seller_responded_at is None:
            return (True, f"{pre_en}the bundle gives no time for {what_en}, so the {limit.en} limit cannot be "
                          "counted",
                    f"{pre_zh}案卷未载明{what_zh}的时间,无法计算{limit.zh}时限")
        if appeal is not None and after_sale.appeal is None:
            # interpretation: a pre-r2 appeal bundle carries the appeal's time in intervention_requested_at
            return (True, f"{pre_en}this bundle (without after_sale.appeal) carries the appeal's time in "
                          "intervention_requested_at, not the original intervention time; J2 is not judged again",
                    f"{pre_zh}本案卷(无after_sale.appeal)的介入申请时间为申诉时间,而非原介入申请时间,不再重新判断")
        start, end = after_sale.seller_responded_at, after_sale.intervention_requested_at
        passed = end <= limit.after(start, tz, policy.holidays_for(case.region))
        when_en, when_zh = _after(_elapsed(start, end, limit.unit, tz), limit.unit, what_en, what_zh)
        lim_en, lim_zh = _limit(passed, limit)
        return passed, f"{pre_en}applied {when_en}: {lim_en}", f"{pre_zh}{when_zh}申请平台介入:{lim_zh}"
    delivered = case.order.delivered_at
    if case.claim.type is ClaimType.NOT_RECEIVED or delivered is None:
        reason_en = ("the claim is that the goods were not received" if case.claim.type is ClaimType.NOT_RECEIVED
                     else "the order has no delivery time")
        reason_zh = "买家主张未收到商品" if case.claim.type is ClaimType.NOT_RECEIVED else "订单没有签收时间"
        return (True, f"{pre_en}no delivery to count from ({reason_en}); the {limit.en} limit does not apply",
                f"{pre_zh}无签收时间可计算期限({reason_zh}),{limit.zh}时限不适用")
    submitted = case.claim.submitted_at
    passed = submitted <= limit.after(delivered, tz, policy.holidays_for(case.region))
    when_en, when_zh = _after(_elapsed(delivered, submitted, limit.unit, tz), limit.unit, "delivery", "签收")
    lim_en, lim_zh = _limit(passed, limit)
    return passed, f"{pre_en}claim submitted {when_en}: {lim_en}", f"{pre_zh}{when_zh}提交售后申请:{lim_zh}"


# ------------------------------------------------------------------------------------------------ J8 (002)

def gate_j8(case: Case, policy: Policy, tz: tzinfo) -> tuple[bool, str, str]:
    """J8_appeal_allowed (r2, 002: "同一件商品,买家最多可以发起两次申诉 ... 纠纷判罚后的两天内只能提出一次申诉"): a count
    rule, not a deadline. A buyer's appeal needs fewer than ``buyer_max`` earlier appeals, and when it is filed
    within ``window`` of the decision it appeals, no earlier appeal may have been filed within that window. A
    seller appeals by ticket, without a stated limit. ``appeals.period``, where a policy sets one, is a deadline."""
    after_sale = case.after_sale
    appeal = after_sale.appeal_info
    if appeal is None:
        return True, "not an appeal: the appeal limits do not apply", "本案不是申诉,申诉限制不适用"
    cfg = policy.appeals
    holidays = policy.holidays_for(case.region)
    # interpretation: a pre-r2 bundle (previous_decision_at, no after_sale.appeal) was filed at the intervention
    filed = appeal.filed_at or after_sale.intervention_requested_at
    decided = appeal.decision_appealed.decided_at
    window = cfg.window
    window_end = window.after(decided, tz, holidays)
    when_en, when_zh = _after(_elapsed(decided, filed, window.unit, tz), window.unit,
                              "the decision appealed", "被申诉的判罚")
    ok = True
    en: list[str] = []
    zh: list[str] = []
    if appeal.filed_by is Party.SELLER:
        en.append(f"a seller's appeal ({cfg.seller}), filed {when_en}: no limit on the count is stated")
        zh.append(f"卖家申诉(工单),于{when_zh}提出:规则未限制次数")
    else:
        previous = after_sale.previous_appeals
        count_ok = previous < cfg.buyer_max
        ok &= count_ok
        if count_ok:
            en.append(f"a buyer's appeal with {previous} earlier appeal{'' if previous == 1 else 's'} on this item "
                      f"(fewer than the maximum of {cfg.buyer_max})")
        else:
            en.append(f"a buyer's appeal with {previous} earlier appeal{'' if previous == 1 else 's'} on this item "
                      f"(already the maximum of {cfg.buyer_max})")
        zh.append(f"买家申诉,此前已申诉{previous}次(最多{cfg.buyer_max}次{'' if count_ok else ',已达上限'})")
        if filed <= window_end:
            times = after_sale.previous_appeal_times
            if times is None:
                earlier: list[datetime] | None = None
            else:
                earlier = [t for t in times if decided <= t <= window_end]
            if earlier is None:
                en.append(f"filed {when_en}, within {window.en}; the times of the earlier appeals are not given, "
                          f"so no earlier appeal within those {window.en} is known")
                zh.append(f"于{when_zh}提出,在{window.zh}内;案卷未载明此前申诉的时间,未见该期间内已有申诉")
            elif earlier:
                ok = False
                en.append(f"filed {when_en}, within {window.en}, but an earlier appeal was already filed within "
                          f"those {window.en} (only one is allowed)")
                zh.append(f"于{when_zh}提出,在{window.zh}内,但该期间内已提出过申诉(只能提出一次)")
            else:
                en.append(f"filed {when_en}, the only appeal within {window.en}")
                zh.append(f"于{when_zh}提出,为{window.zh}内唯一一次申诉")
        else:
            en.append(f"filed {when_en}, after the first {window.en}: the one-appeal limit of those days does not "
                      "apply")
            zh.append(f"于{when_zh}提出,已过判罚后{window.zh},该期间只能申诉一次的限制不适用")
    if cfg.period is not None:
        period_ok = filed <= cfg.period.after(decided, tz, holidays)
        ok &= period_ok
        lim_en, lim_zh = _limit(period_ok, cfg.period)
        en.append(f"the appeal period: {lim_en} of the decision")
        zh.append(f"申诉期限:判罚后{lim_zh}")
    return ok, "; ".join(en), ";".join(zh)


# ------------------------------------------------------------------------------------------------ evidence (002)

def is_late(case: Case, item: Evidence) -> bool:
    """A requested supplementary item submitted after its request's ``due_at`` (002: "双方必须在规定时间内补充材料").
    An item that names no request cannot be late."""
    request = case.after_sale.request(item.request_id)
    return request is not None and item.submitted_at > request.due_at


# ------------------------------------------------------------------------------------------------ no-reason (004)

@dataclass(frozen=True, slots=True)
class NoReasonReturnFacts:
    """004 ("部分商品支持七天无理由退货,消费者可在收到商品后七天内申请退货") as computed facts: ``no_reason_return``
    can be found only when every claimed item is eligible and the claim came within the period after delivery."""

    eligible: bool
    ineligible_skus: tuple[str, ...]
    in_time: bool
    within: Duration
    after_delivery: timedelta | None  # claim.submitted_at - delivered_at on the parties' wall clock
    facts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def accepted(self) -> bool:
        return self.eligible and self.in_time


def no_reason_return_facts(case: Case, policy: Policy, tz: tzinfo) -> NoReasonReturnFacts | None:
    within = policy.no_reason_return_within
    if within is None:
        return None
    lines = case.claimed_lines()
    ineligible = tuple(item.sku for item, _ in lines if not item.no_reason_return_eligible)
    eligible = not ineligible
    if eligible:
        items_en = ("every claimed item supports the no-reason return" if case.claim.items
                    else "every item of the order supports the no-reason return")
        items_zh = "所申请的商品均支持七天无理由退货" if case.claim.items else "订单中的商品均支持七天无理由退货"
        items_zh = items_zh.replace("七天", within.zh) if within.unit == "d" else items_zh
    else:
        items_en = f"not eligible for the no-reason return: {', '.join(ineligible)}"
        items_zh = f"不支持无理由退货的商品:{'、'.join(ineligible)}"
    delivered = case.order.delivered_at
    submitted = case.claim.submitted_at
    if delivered is None:
        in_time = False
        elapsed = None
        time_en = f"the order has no delivery time, so the {within.en} after receipt cannot be counted"
        time_zh = f"订单没有签收时间,无法计算收货后{within.zh}"
    else:
        in_time = submitted <= within.after(delivered, tz, policy.holidays_for(case.region))
        elapsed = _elapsed(delivered, submitted, within.unit, tz)
        when_en, when_zh = _after(elapsed, within.unit, "delivery", "签收")
        lim_en, lim_zh = _limit(in_time, within)
        time_en = f"claim submitted {when_en}: {lim_en}"
        time_zh = f"{when_zh}提交申请:{lim_zh}"
    return NoReasonReturnFacts(
        eligible=eligible, ineligible_skus=ineligible, in_time=in_time, within=within, after_delivery=elapsed,
        facts=MappingProxyType({"en": f"{items_en}; {time_en}", "zh": f"{items_zh};{time_zh}"}))


# ------------------------------------------------------------------------------------------------ refund cap

@dataclass(frozen=True, slots=True)
class RefundCap:
    """The most a refund may be (003: never above what was paid; r2: the claimed lines, and without the postage
    where the policy does not refund it, 004 "邮费不可退款"). ``basis`` says how, in English and Chinese."""

    amount: Decimal
    postage_refunded: bool
    basis: Mapping[str, str]


def refund_cap(case: Case, policy: Policy, remedy: str | None) -> RefundCap:
    """The refund cap for ``remedy`` under revision 2 rules. The shipping share of claimed lines is the order's
    ``shipping_fee`` pro rata to the lines' value (an interpretation, rounded half up to the minor unit); the cap
    never exceeds ``total_paid`` (less the postage where it is not refunded)."""
    order = case.order
    currency = order.currency
    quantum = Decimal(1).scaleb(-minor_unit(currency))
    if policy.remedy.postage_not_refunded_for:  # the policy names the remedies whose refund excludes postage
        postage_refunded = remedy not in policy.remedy.postage_not_refunded_for
    else:
        postage_refunded = policy.remedy.postage_refunded
    paid_ceiling = order.total_paid - (Decimal(0) if postage_refunded else min(order.shipping_fee, order.total_paid))
    if not case.claim.items:
        if postage_refunded:
            basis = {"en": "the amount paid", "zh": "实付金额"}
        else:
            basis = {"en": "the amount paid less the postage, which is not refunded",
                     "zh": "实付金额扣除运费(运费不予退还)"}
        return RefundCap(paid_ceiling.quantize(quantum), postage_refunded, MappingProxyType(basis))
    goods = sum((item.unit_price * qty for item, qty in case.claimed_lines()), Decimal(0))
    all_goods = sum((item.unit_price * item.quantity for item in order.items), Decimal(0))
    share = Decimal(0)
    if postage_refunded and all_goods > 0:
        share = (order.shipping_fee * goods / all_goods).quantize(quantum, rounding=ROUND_HALF_UP)
    cap = min(goods + share, paid_ceiling).quantize(quantum)
    if postage_refunded:
        basis = {"en": "the claimed lines with their share of the postage", "zh": "所申请商品的金额及其分摊的运费"}
    else:
        basis = {"en": "the claimed lines, without postage, which is not refunded",
                 "zh": "所申请商品的金额(运费不予退还)"}
    return RefundCap(cap, postage_refunded, MappingProxyType(basis))


# ------------------------------------------------------------------------------------------------ liability (002)

def shipping_borne_by(policy: Policy, liability: str | None) -> str | None:
    """Who bears the shipping costs (002: "如果平台判定卖家需要承担责任……所有运费由卖家承担"); the policy's table by
    liability (no-reason return: the buyer, an interpretation; shared and carrier: parameters)."""
    table = policy.remedy.shipping_by_liability
    if liability is None or table is None:
        return None
    return table.get(liability)


def execute_action(remedy: str, return_required: bool) -> str:
    """What "carry out the decision" means for the seller (r2): refund (refund only, partial refund, or a
    return-and-refund whose return is exempt); approve the return and give the return address (a return and
    refund with a return: the refund follows receipt); ship (replacement, reship)."""
    if remedy in ("replacement", "reship"):
        return "ship"
    if remedy == "return_and_refund" and return_required:
        return "approve_return"
    return "refund"
