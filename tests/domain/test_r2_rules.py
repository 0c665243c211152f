"""Rules revision 2 (checklist.md "(r2)", policy version 2026.11): each rule named with its seed article, tested
at its boundaries (exactly at the limit, one second past, other time zones, working days across a weekend and
a holiday). The 2025.06 rules stay as they were (test_rules_*.py, test_policy_versions.py)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from arbiter.domain.checklist import AnswerError, refund_cap
from arbiter.domain.policy import Duration
from tests.domain.conftest import (DELETE, V1, V2, answers, custom_policy, deadline, douyin_answers, gate,
                                   make_case, policy_of, run, run_assess)
from arbiter.domain.checklist import assess, decide


def r2(changes=None, *, douyin=False, **answer_overrides):
    return run(changes, douyin=douyin, version=V2, **answer_overrides)


def r2_assess(changes=None, *, douyin=False, **answer_overrides):
    return run_assess(changes, douyin=douyin, version=V2, **answer_overrides)


def r2_error(changes=None, *, douyin=False, **answer_overrides) -> AnswerError:
    with pytest.raises(AnswerError) as err:
        r2(changes, douyin=douyin, **answer_overrides)
    return err.value


# ============================================================================ J2 (004, 003)

def test_j2_douyin_partial_offer_counts_as_rejection_exactly_48h_seed_004():
    changes = {"after_sale.seller_response": "partial_offer",
               "after_sale.seller_responded_at": "2025-03-01T10:00:00+08:00",
               "after_sale.intervention_requested_at": "2025-03-03T10:00:00+08:00"}
    record = r2(changes, douyin=True)
    assert gate(record, "J2_in_time")["passed"] is True
    assert "partial offer" in gate(record, "J2_in_time")["fact"] and "within 48 h" in gate(record, "J2_in_time")["fact"]


def test_j2_douyin_partial_offer_one_second_past_48h_declines_seed_004():
    changes = {"after_sale.seller_response": "partial_offer",
               "after_sale.seller_responded_at": "2025-03-01T10:00:00+08:00",
               "after_sale.intervention_requested_at": "2025-03-03T10:00:01+08:00"}
    record = r2(changes, douyin=True)
    assert record["outcome"] == "declined" and record["decline_reasons"] == ["J2_in_time"]
    # 2025.06 did not count a partial offer as a rejection: that version still passes it
    assert gate(run(changes, douyin=True), "J2_in_time")["passed"] is True


def test_j2_douyin_rejection_in_another_time_zone_seed_004():
    """The same instants written in UTC: 48 h is elapsed time, whatever the offsets say."""
    changes = {"after_sale.seller_responded_at": "2025-03-01T02:00:00+00:00",
               "after_sale.intervention_requested_at": "2025-03-03T10:00:00+08:00"}
    assert gate(r2(changes, douyin=True), "J2_in_time")["passed"] is True
    changes["after_sale.intervention_requested_at"] = "2025-03-03T02:00:01Z"
    assert gate(r2(changes, douyin=True), "J2_in_time")["passed"] is False


def _appeal(filed_at: str, decided_at: str = "2025-03-04T10:00:00+08:00", filed_by: str = "buyer",
            previous: int = 0, times: list[str] | None = None) -> dict:
    return {"after_sale.appeal": {"filed_at": filed_at, "filed_by": filed_by,
                                  "decision_appealed": {"decided_at": decided_at}},
            "after_sale.previous_appeals": previous,
            "after_sale.previous_appeal_times": times if times is not None else []}


def test_j2_appeal_judged_on_the_original_application_seed_004_issue_example_1():
    """A Douyin appeal filed days after the seller's rejection is not declined by J2: the original intervention
    (47 h after the rejection) is what J2 judges."""
    changes = _appeal("2025-03-05T09:00:00+08:00")
    record = r2(changes, douyin=True, decided_at="2025-03-06T10:00:00+08:00")
    j2 = gate(record, "J2_in_time")
    assert j2["passed"] is True and j2["fact"].startswith("an appeal, judged on the original application")
    assert record["outcome"] == "buyer_favoured"


def test_j2_appeal_whose_original_application_was_late_stays_late_seed_004():
    changes = {**_appeal("2025-03-05T09:00:00+08:00"),
               "after_sale.intervention_requested_at": "2025-03-03T10:00:01+08:00"}
    assert gate(r2(changes, douyin=True, decided_at="2025-03-06T10:00:00+08:00"), "J2_in_time")["passed"] is False


def test_j2_legacy_appeal_bundle_is_not_judged_again_on_douyin_interpretation():
    changes = {"after_sale.previous_decision_at": "2025-03-02T10:00:00+08:00",
               "after_sale.previous_appeals": 0,
               "after_sale.intervention_requested_at": "2025-03-03T11:00:00+08:00"}  # 49 h after the rejection
    record = r2(changes, douyin=True)
    assert gate(record, "J2_in_time")["passed"] is True
    assert "not judged again" in gate(record, "J2_in_time")["fact"]


@pytest.mark.parametrize("submitted,passed", [("2025-03-03T14:00:00+00:00", True),
                                              ("2025-03-03T14:00:01+00:00", False)])
def test_j2_tiktok_appeal_counts_the_claim_from_delivery_seed_003(submitted, passed):
    changes = {**_appeal("2025-03-09T10:00:00+00:00", "2025-03-08T10:00:00+00:00"),
               "claim.submitted_at": submitted}
    record = r2(changes, decided_at="2025-03-10T10:00:00+00:00")
    assert gate(record, "J2_in_time")["passed"] is passed


# ============================================================================ J8 (002)

def test_j8_is_a_count_rule_not_a_deadline_seed_002_issue_example_6():
    """002 "纠纷判罚后的两天内只能提出一次申诉": an appeal filed 3 days after the decision is allowed (2025.06 declined
    it)."""
    changes = _appeal("2025-03-07T10:00:00+08:00")
    record = r2(changes, douyin=True, decided_at="2025-03-08T10:00:00+08:00")
    assert gate(record, "J8_appeal_allowed")["passed"] is True
    assert record["appeals"]["buyer_remaining"] == 1
    assert record["appeals"]["one_within"] == "2d" and record["appeals"]["period"] is None
    assert not deadline(record, "appeal_window")


@pytest.mark.parametrize("filed,earlier,passed", [
    ("2025-03-06T10:00:00+08:00", "2025-03-05T10:00:00+08:00", False),   # both within 2 days: second refused
    ("2025-03-06T10:00:01+08:00", "2025-03-05T10:00:00+08:00", True),    # one second past the 2 days
    ("2025-03-07T10:00:00+08:00", "2025-03-06T10:00:01+08:00", True),    # the earlier one was after the 2 days
    ("2025-03-05T10:00:00+08:00", "2025-03-04T10:00:00+08:00", False),   # earlier exactly at the decision
])
def test_j8_only_one_appeal_within_two_days_of_the_decision_seed_002(filed, earlier, passed):
    changes = _appeal(filed, previous=1, times=[earlier])
    record = r2(changes, douyin=True, decided_at="2025-03-08T10:00:00+08:00")
    assert gate(record, "J8_appeal_allowed")["passed"] is passed


def test_j8_two_earlier_buyer_appeals_is_the_maximum_seed_002():
    changes = _appeal("2025-03-09T10:00:00+08:00", previous=2,
                      times=["2025-03-04T12:00:00+08:00", "2025-03-07T12:00:00+08:00"])
    record = r2(changes, douyin=True, decided_at="2025-03-10T10:00:00+08:00")
    assert record["decline_reasons"] == ["J8_appeal_allowed"]
    assert "already the maximum of 2" in gate(record, "J8_appeal_allowed")["fact"]
    assert record["appeals"]["buyer_remaining"] == 0


def test_j8_seller_appeals_by_ticket_without_a_count_limit_seed_002():
    changes = _appeal("2025-03-05T09:00:00+08:00", filed_by="seller", previous=2,
                      times=["2025-03-04T12:00:00+08:00", "2025-03-04T13:00:00+08:00"])
    record = r2(changes, douyin=True, decided_at="2025-03-06T10:00:00+08:00")
    assert gate(record, "J8_appeal_allowed")["passed"] is True
    assert record["appeals"]["buyer_remaining"] == 0  # 2 - 2; the seller's appeal uses none of them


def test_j8_appeal_period_is_an_optional_policy_parameter():
    policy = custom_policy("douyin", "CN", version=V2, appeals={"period": "7d"})
    case = make_case(_appeal("2025-03-11T10:00:00+08:00"), douyin=True)
    record = decide(case, policy, douyin_answers(decided_at="2025-03-12T10:00:00+08:00"))
    assert gate(record, "J8_appeal_allowed")["passed"] is True
    window = deadline(record, "appeal_window")
    assert window["due"] == "2025-03-19T10:00:00+08:00" and record["appeals"]["period"] == "7d"
    late = make_case(_appeal("2025-03-11T10:00:01+08:00"), douyin=True)
    assert decide(late, policy, douyin_answers(decided_at="2025-03-12T10:00:00+08:00"))["outcome"] == "declined"


def test_j8_without_appeal_times_known_passes_the_window_part_interpretation():
    changes = {"after_sale.previous_decision_at": "2025-02-26T10:00:00+00:00", "after_sale.previous_appeals": 1}
    record = r2(changes)
    assert gate(record, "J8_appeal_allowed")["passed"] is True
    assert "not given" in gate(record, "J8_appeal_allowed")["fact"]


# ============================================================================ evidence (002)

def _requested_e3(submitted_at: str, due_at: str = "2025-03-02T12:00:00+00:00") -> dict:
    return {"after_sale.supplement_requests": [{"id": "R1", "party": "buyer", "requested_at":
                                                "2025-02-28T12:00:00+00:00", "due_at": due_at, "what": "receipt"}],
            "evidence.2.requested": True, "evidence.2.request_id": "R1", "evidence.2.submitted_at": submitted_at}


def test_late_supplement_exactly_at_due_time_counts_seed_002():
    record = r2(_requested_e3("2025-03-02T12:00:00+00:00"),
                evidence={"E1": "admissible", "E2": "admissible", "E3": "admissible"})
    assert "E3" in record["evidence_considered"]


def test_late_supplement_one_second_past_due_is_excluded_as_late_seed_002():
    record = r2(_requested_e3("2025-03-02T12:00:01+00:00"))
    assert record["evidence_excluded"] == [{"id": "E3", "reason": "late"}]
    # in another zone, the same instant
    record = r2(_requested_e3("2025-03-02T20:00:01+08:00"))
    assert record["evidence_excluded"] == [{"id": "E3", "reason": "late"}]
    # 2025.06 had no late exclusion
    assert run(_requested_e3("2025-03-02T12:00:01+00:00"),
               evidence={"E1": "admissible", "E2": "admissible", "E3": "admissible"})["evidence_excluded"] == []


def test_late_needs_no_answer_and_tampering_wins_seed_002():
    assessment = r2_assess(_requested_e3("2025-03-03T12:00:00+00:00"), tampered={"E3"})
    e3 = next(e for e in assessment.evidence if e.id == "E3")
    assert e3.forced_reason == "not_authentic"
    assessment = r2_assess(_requested_e3("2025-03-03T12:00:00+00:00"))
    e3 = next(e for e in assessment.evidence if e.id == "E3")
    assert (e3.status, e3.forced_reason) == ("late", "late")
    assert "evidence.E3" not in assessment.missing


# ============================================================================ damage_extent (002)

DAMAGED = {"claim.type": "damaged"}


def test_damaged_requires_damage_extent_seed_002():
    err = r2_error(DAMAGED, problem="damaged")
    assert str(err) == "damage_extent: missing answer"


def test_pre_r2_answers_with_damaged_are_refused_naming_the_field():
    answers_file = answers(problem="damaged")
    assert "damage_extent" not in answers_file
    with pytest.raises(AnswerError) as err:
        case = make_case(DAMAGED)
        decide(case, policy_of(case, V2), answers_file)
    assert err.value.field == "damage_extent"
    # the same answers under 2025.06 are what they were
    assert run(DAMAGED, problem="damaged")["remedy"]["return_exemption"] == "damaged"


def test_only_completely_damaged_goods_are_exempt_from_return_seed_002_issue_example_4():
    partial = r2(DAMAGED, problem="damaged", damage_extent="partial")
    assert partial["remedy"]["return_required"] is True and partial["remedy"]["return_exemption"] is None
    assert partial["damage_extent"] == "partial" and partial["liability"] == "carrier"
    complete = r2(DAMAGED, problem="damaged", damage_extent="complete")
    assert complete["remedy"]["return_required"] is False and complete["remedy"]["return_exemption"] == "damaged"


def test_damage_extent_is_refused_without_damaged_seed_002():
    err = r2_error(None, problem="serious_quality", damage_extent="complete")
    assert err.field == "damage_extent" and "only answered when the problem is damaged" in str(err)
    err = r2_error(DAMAGED, problem="damaged", damage_extent="a bit")
    assert err.field == "damage_extent"


def test_assessment_says_when_damage_extent_is_asked():
    assert r2_assess(DAMAGED, problem="damaged").asks_damage_extent is True
    assert r2_assess(None).asks_damage_extent is False
    assert run_assess(DAMAGED, problem="damaged").asks_damage_extent is False  # 2025.06


# ============================================================================ no-reason return (004)

NRR = {"claim.type": "no_reason_return", "claim.submitted_at": "2025-03-03T14:00:00+00:00"}  # delivered 02-24 14:00


def test_no_reason_return_exactly_seven_days_after_delivery_seed_004():
    assessment = r2_assess(NRR, problem="no_reason_return")
    assert assessment.no_reason_return.accepted and assessment.errors == ()
    assert "within 7 days" in assessment.no_reason_return.facts["en"]
    record = r2(NRR, problem="no_reason_return")
    assert record["liability"] == "buyer" and record["remedy"]["shipping_borne_by"] == "buyer"
    assert not deadline(record, "seller_execute")  # the buyer's own risk: the seller is not liable


def test_no_reason_return_one_second_past_seven_days_is_not_accepted_seed_004():
    # Douyin: J2 counts from the seller's rejection, so only the no-reason condition can fail here
    changes = {"claim.type": "no_reason_return", "claim.submitted_at": "2025-03-06T10:00:01+08:00"}
    err = r2_error(changes, douyin=True, problem="no_reason_return")
    assert err.field == "problem" and "later than 7 days" in err.message and "(004)" in err.message
    changes["claim.submitted_at"] = "2025-03-06T10:00:00+08:00"  # delivered 2025-02-27 10:00: exactly 7 days
    assert r2(changes, douyin=True, problem="no_reason_return")["problem"] == "no_reason_return"


def test_no_reason_return_of_an_ineligible_item_is_not_accepted_seed_004():
    err = r2_error({**NRR, "order.items.0.no_reason_return_eligible": False}, problem="no_reason_return")
    assert "not eligible for the no-reason return: MUG-01" in err.message
    facts = r2_assess({**NRR, "order.items.0.no_reason_return_eligible": False},
                      problem="no_reason_return").no_reason_return
    assert facts.ineligible_skus == ("MUG-01",) and not facts.accepted


def test_no_reason_return_counts_only_the_claimed_lines_seed_004():
    changes = {**NRR, "order.items": [
        {"sku": "MUG-01", "title": "Mug", "quantity": 1, "unit_price": "10.00", "no_reason_return_eligible": True},
        {"sku": "KNIFE", "title": "Knife", "quantity": 1, "unit_price": "7.00", "no_reason_return_eligible": False}],
        "claim.items": [{"sku": "MUG-01", "quantity": 1}]}
    assert r2_assess(changes, problem="no_reason_return", amount="10.00").no_reason_return.accepted
    changes["claim.items"] = [{"sku": "KNIFE", "quantity": 1}]
    assert not r2_assess(changes, problem="no_reason_return", amount="7.00").no_reason_return.accepted


def test_no_reason_return_across_a_time_zone_seed_004():
    """Seven calendar days on the parties' wall clock (London): the claim written in +08:00."""
    changes = {**NRR, "claim.submitted_at": "2025-03-03T22:00:00+08:00"}  # = 14:00 GMT: exactly 7 days
    assert r2_assess(changes, problem="no_reason_return").no_reason_return.in_time


# ============================================================================ refund cap (003, 004)

def test_refund_cap_is_what_was_paid_for_the_whole_order_seed_003():
    assessment = r2_assess(None)
    assert assessment.refund_cap.amount == Decimal("19.99")
    err = r2_error(None, amount="20.00")
    assert str(err) == "amount: 20.00 is above the refund cap of 19.99 GBP (the amount paid)"


def test_douyin_return_flow_cap_excludes_postage_seed_004_issue_example_5():
    changes = {"order.shipping_fee": "10.00"}
    err = r2_error(changes, douyin=True, amount="199.00")
    assert "refund cap of 189.00 CNY" in str(err) and "postage" in str(err)
    record = r2(changes, douyin=True, amount="189.00")
    assert record["remedy"]["refund_cap"] == "189.00" and record["remedy"]["postage_refunded"] is False
    # refund only (no return flow) refunds the postage: an interpretation
    assert r2(changes, douyin=True, remedy="refund_only", amount="199.00")["remedy"]["postage_refunded"] is True


MULTI = {"order.total_paid": "70.95", "order.shipping_fee": "4.95", "claim.amount": "25.80", "order.items": [
    {"sku": "HB-4", "title": "Highball set", "quantity": 2, "unit_price": "24.00"},
    {"sku": "JUG", "title": "Jug", "quantity": 1, "unit_price": "18.00"}],
    "claim.items": [{"sku": "HB-4", "quantity": 1}]}


def test_refund_cap_per_claimed_line_with_its_share_of_postage():
    assessment = r2_assess(MULTI, amount="25.80")
    assert assessment.refund_cap.amount == Decimal("25.80")  # 24.00 + 4.95 x 24/66 = 1.80
    assert assessment.errors == ()
    err = r2_error(MULTI, amount="25.81")
    assert "refund cap of 25.80 GBP (the claimed lines with their share of the postage)" in str(err)
    err = r2_error(MULTI, remedy="partial_refund", amount="25.80")
    assert "partial refund must be less" in str(err)
    case = make_case({**MULTI, "claim.items": [{"sku": "HB-4", "quantity": 2}, {"sku": "JUG", "quantity": 1}]})
    assert refund_cap(case, policy_of(case, V2), "refund_only").amount == Decimal("70.95")


def test_refund_cap_without_postage_on_claimed_lines_douyin_seed_004():
    changes = {**MULTI, "order.currency": "CNY"}
    case = make_case(changes, douyin=True)
    cap = refund_cap(case, policy_of(case, V2), "return_and_refund")
    assert cap.amount == Decimal("24.00") and not cap.postage_refunded


def test_full_refund_prefills_the_cap_from_the_assessment():
    assessment = r2_assess(MULTI, amount=None)
    assert "amount" in assessment.missing
    assert str(assessment.refund_cap.amount) == "25.80"


def test_2025_06_keeps_total_paid_as_the_only_cap():
    assert run(MULTI, amount="70.95")["remedy"]["amount"] == "70.95"
    assert run_assess(MULTI).refund_cap is None


# ============================================================================ shipping and seller_execute (002)

@pytest.mark.parametrize("problem,remedy,amount,liability,shipping,action", [
    ("serious_quality", "return_and_refund", "19.99", "seller", "seller", "approve_return"),
    ("wrong_item", "refund_only", "19.99", "seller", "seller", "refund"),
    ("counterfeit", "return_and_refund", "19.99", "seller", "seller", "refund"),   # exempt: refunded directly
    ("not_as_described", "replacement", None, "seller", "seller", "ship"),
    ("missing_parts", "reship", None, "seller", "seller", "ship"),
    ("minor_quality", "partial_refund", "5.00", "shared", "shared", "refund"),
    ("lost", "refund_only", "19.99", "carrier", "carrier", None),
])
def test_seller_execute_only_when_liable_worded_by_remedy_seed_002(problem, remedy, amount, liability, shipping,
                                                                 action):
    record = r2(None, problem=problem, remedy=remedy, amount=amount)
    assert record["liability"] == liability and record["remedy"]["shipping_borne_by"] == shipping
    execute = deadline(record, "seller_execute")
    if action is None:
        assert execute is None
    else:
        assert execute["action"] == action and execute["due"] == "2025-03-07T10:00:00+00:00"  # exactly 48 h
        assert execute["on_miss"] == "auto_deduction"


def test_return_and_refund_does_not_tell_the_seller_to_pay_before_the_goods_return_issue_example_2():
    execute = deadline(r2(None), "seller_execute")
    assert execute["action"] == "approve_return"
    assert "approves the return" in execute["rule"] and "follows the seller's receipt" in execute["rule"]


def test_carrier_liability_has_no_seller_deadline_and_a_policy_text_seed_002():
    record = r2({"claim.type": "not_received"}, problem="lost", remedy="refund_only")
    assert not deadline(record, "seller_execute")
    assert "platform decides how the buyer is refunded" in record["remedy"]["note"]


def test_douyin_has_no_48h_system_agrees_deadline_after_a_decision_seed_004_issue_example_3():
    record = r2(None, douyin=True)
    assert [d["id"] for d in record["deadlines"]] == ["buyer_return_ship", "seller_confirm_receipt"]
    assert all(d["on_miss"] != "auto_agree" for d in record["deadlines"])
    assert deadline(run(None, douyin=True), "seller_execute")["on_miss"] == "auto_agree"  # 2025.06


# ============================================================================ Douyin cash on delivery (004)

def test_douyin_cod_refund_proof_counts_from_receipt_with_a_return_seed_004():
    record = r2({"order.payment_method": "cod"}, douyin=True)
    proof = deadline(record, "seller_refund_proof")
    assert proof["due"] is None and proof["counts_from"] == "seller_receipt_confirmation"
    assert proof["after"] == "48h" and proof["on_miss"] == "advance_compensation"
    assert record["remedy"]["refund_route"] == "cod_seller_refund"


def test_douyin_cod_refund_proof_without_a_return_counts_from_the_decision_interpretation():
    record = r2({"order.payment_method": "cod", "claim.type": "counterfeit"}, douyin=True, problem="counterfeit")
    proof = deadline(record, "seller_refund_proof")
    assert proof["counts_from"] == "decision" and proof["due"] == "2025-03-07T10:00:00+08:00"


def test_tiktok_cod_has_no_refund_proof_deadline_but_the_cod_text():
    record = r2({"order.payment_method": "cod"}, remedy="refund_only")
    assert not deadline(record, "seller_refund_proof")
    assert "cash on delivery" in deadline(record, "seller_execute")["rule"]


# ============================================================================ tracking upload (003)

def test_receipt_deadline_gets_a_date_from_the_tracking_upload_seed_003():
    changes = {"return_logistics": {"carrier": "Royal Mail", "tracking_no": "RM1GB",
                                    "tracking_uploaded_at": "2025-03-06T09:00:00+00:00"}}
    record = r2(changes)
    assert deadline(record, "seller_confirm_receipt")["due"] == "2025-03-14T09:00:00+00:00"  # 8 days
    assert deadline(r2(None), "seller_confirm_receipt")["due"] is None


# ============================================================================ working days (003)

def test_working_days_skip_a_weekend_seed_003():
    tz = ZoneInfo("Europe/London")
    friday = datetime(2025, 3, 7, 10, 0, tzinfo=tz)
    assert Duration(2, "wd").after(friday, tz) == datetime(2025, 3, 11, 10, 0, tzinfo=tz)
    saturday = datetime(2025, 3, 8, 10, 0, tzinfo=tz)
    assert Duration(1, "wd").after(saturday, tz) == datetime(2025, 3, 10, 10, 0, tzinfo=tz)


def test_working_days_skip_listed_holidays_seed_003():
    tz = ZoneInfo("Europe/London")
    christmas_eve = datetime(2025, 12, 24, 9, 0, tzinfo=tz)  # 25, 26 holidays, 27, 28 weekend
    holidays = load_uk().holidays_for("UK")
    assert date(2025, 12, 26) in holidays
    assert Duration(2, "wd").after(christmas_eve, tz, holidays) == datetime(2025, 12, 30, 9, 0, tzinfo=tz)


def load_uk():
    from arbiter.policies import load_policy
    return load_policy("tiktok_shop", "UK", V2)


def test_review_target_counts_working_days_across_a_dst_change_seed_003():
    # opened Friday 28 March 2025 12:00 GMT; 2 working days: Tuesday 1 April 12:00 BST (clocks changed on the 30th)
    assessment = r2_assess({"opened_at": "2025-03-28T12:00:00+00:00"}, now=datetime(2025, 3, 28, 13, tzinfo=timezone.utc))
    assert assessment.review_due == datetime(2025, 4, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))
    assert assessment.review_due.utcoffset() == timedelta(hours=1)


# ============================================================================ the record

def test_r2_record_carries_the_appeal_and_the_claimed_lines():
    changes = {**MULTI, **_appeal("2025-03-04T12:00:00+00:00", "2025-03-04T10:00:00+00:00")}
    changes["after_sale.appeal"]["decision_appealed"]["fingerprint"] = "a" * 64
    record = r2(changes, amount="25.80")
    assert record["appeal"]["decision_appealed"] == {"decided_at": "2025-03-04T10:00:00+00:00",
                                                     "fingerprint": "a" * 64, "case_revision": None}
    assert record["claim_items"] == [{"sku": "HB-4", "quantity": 1}]
    assert record["policy"] == {"id": "tiktok_shop.UK", "version": V2}
    assert r2(None)["appeal"] is None and r2(None)["claim_items"] is None
