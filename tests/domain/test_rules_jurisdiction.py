"""Step 1 of checklist.md: jurisdiction gates J1..J8 (seeds 002, 003, 004)."""
from __future__ import annotations

import pytest

from arbiter.domain.checklist import GATE_IDS, AnswerError, assess, decide
from tests.domain.conftest import (answers, custom_policy, douyin_answers, gate, make_case, policy_of, run,
                                   run_assess)

ALL_YES = {"J1_platform_order": True, "J4_actual_consumer": True, "J5_valid_transaction": True,
           "J6_unresolved": True}


# ---------------------------------------------------------------- J2 Douyin: 48 h after the rejection (004)

def test_j2_douyin_47h_after_rejection_passes_with_figures_seed_004():
    """J2 Douyin 48 h after rejection (seed 004): 47 h is in time; the fact names both figures."""
    record = run({"after_sale.intervention_requested_at": "2025-03-03T09:00:00+08:00"}, douyin=True)
    j2 = gate(record, "J2_in_time")
    assert j2["passed"] is True and j2["computed"] is True
    assert j2["fact"] == "applied 47 h after the seller's rejection: within 48 h"
    assessment = run_assess(douyin=True)
    facts = assessment.gates[GATE_IDS.index("J2_in_time")].facts
    assert facts["zh"] == "商家拒绝后47小时申请平台介入:在48小时内"


def test_j2_douyin_exactly_48h_passes_seed_004():
    """J2 Douyin (seed 004): exactly 48 h after the rejection is still in time."""
    record = run({"after_sale.intervention_requested_at": "2025-03-03T10:00:00+08:00"}, douyin=True)
    assert gate(record, "J2_in_time")["passed"] is True
    assert record["outcome"] == "buyer_favoured"


def test_j2_douyin_one_second_past_48h_declines_seed_004():
    """J2 Douyin (seed 004): 48 h and one second after the rejection is too late: declined."""
    record = run({"after_sale.intervention_requested_at": "2025-03-03T10:00:01+08:00"}, douyin=True,
                 jurisdiction=ALL_YES)
    j2 = gate(record, "J2_in_time")
    assert j2["passed"] is False
    assert j2["fact"] == "applied 48 h 1 s after the seller's rejection: later than 48 h"
    assert record["outcome"] == "declined"
    assert record["decline_reasons"] == ["J2_in_time"]


def test_j2_douyin_counts_across_offsets_seed_004():
    """J2 Douyin (seed 004): the 48 h are elapsed time, whatever offsets the timestamps are written in."""
    # rejection 10:00 +08:00 = 02:00Z; 02:00Z + 48 h = 2025-03-03T02:00Z = 2025-03-02T21:00-05:00
    ok = run({"after_sale.intervention_requested_at": "2025-03-02T21:00:00-05:00"}, douyin=True)
    late = run({"after_sale.intervention_requested_at": "2025-03-02T21:00:01-05:00"}, douyin=True,
               jurisdiction=ALL_YES)
    assert gate(ok, "J2_in_time")["passed"] is True
    assert gate(late, "J2_in_time")["passed"] is False


@pytest.mark.parametrize("response", ["agreed", "no_response", "partial_offer"])
def test_j2_douyin_not_applicable_without_rejection_seed_004(response):
    """J2 Douyin (seed 004): the 48 h run only after a rejection; other responses pass, saying why."""
    record = run({"after_sale.seller_response": response,
                  "after_sale.intervention_requested_at": "2025-03-20T10:00:00+08:00"}, douyin=True)
    j2 = gate(record, "J2_in_time")
    assert j2["passed"] is True
    assert "did not reject" in j2["fact"] and response in j2["fact"] and "48 h" in j2["fact"]


def test_j2_douyin_limit_comes_from_policy_seed_004():
    """J2 Douyin (seed 004): the 48 h is a policy parameter; a 24 h policy makes 47 h late."""
    case = make_case(douyin=True)
    policy = custom_policy("douyin", application={"limit": "24h"})
    record = decide(case, policy, douyin_answers())
    assert gate(record, "J2_in_time")["passed"] is False
    assert "later than 24 h" in gate(record, "J2_in_time")["fact"]


# ---------------------------------------------------------------- J2 TikTok Shop: 7 days after delivery (003)

def test_j2_tiktok_3_days_after_delivery_passes_seed_003():
    """J2 TikTok Shop 7 days after delivery (seed 003): 3 days is in time, with the figures."""
    record = run({"claim.submitted_at": "2025-02-27T14:00:00+00:00"})
    j2 = gate(record, "J2_in_time")
    assert j2["passed"] is True
    assert j2["fact"] == "claim submitted 3 days after delivery: within 7 days"


def test_j2_tiktok_exactly_7_days_passes_seed_003():
    """J2 TikTok Shop (seed 003): exactly 7 days after delivery is in time."""
    record = run({"claim.submitted_at": "2025-03-03T14:00:00+00:00"})
    assert gate(record, "J2_in_time")["passed"] is True
    assert gate(record, "J2_in_time")["fact"] == "claim submitted 7 days after delivery: within 7 days"


def test_j2_tiktok_one_second_past_7_days_declines_seed_003():
    """J2 TikTok Shop (seed 003): 7 days and one second after delivery is too late: declined."""
    record = run({"claim.submitted_at": "2025-03-03T14:00:01+00:00"})
    j2 = gate(record, "J2_in_time")
    assert j2["passed"] is False
    assert j2["fact"] == "claim submitted 7 days 1 s after delivery: later than 7 days"
    assert record["outcome"] == "declined" and record["decline_reasons"] == ["J2_in_time"]


def test_j2_tiktok_days_are_local_calendar_days_across_dst_seed_003():
    """J2 TikTok Shop (seed 003): days count on the parties' wall clock; UK clocks go forward 2025-03-30."""
    changes = {"order.delivered_at": "2025-03-27T12:00:00+00:00",  # GMT
               "claim.submitted_at": "2025-04-03T12:00:00+01:00",  # BST, 7 calendar days later (167 h)
               "after_sale.seller_responded_at": "2025-04-03T13:00:00+01:00",
               "after_sale.intervention_requested_at": "2025-04-03T14:00:00+01:00",
               "opened_at": "2025-04-03T15:00:00+01:00"}
    ok = run(changes, decided_at="2025-04-04T10:00:00+01:00")
    assert gate(ok, "J2_in_time")["passed"] is True
    late = run({**changes, "claim.submitted_at": "2025-04-03T12:00:01+01:00"}, decided_at="2025-04-04T10:00:00+01:00")
    assert gate(late, "J2_in_time")["passed"] is False


def test_j2_tiktok_not_received_has_no_delivery_to_count_from_seed_003():
    """J2 TikTok Shop (seed 003): a not-received claim passes: no delivery to count from."""
    record = run({"claim.type": "not_received", "claim.submitted_at": "2025-04-30T09:00:00+00:00",
                  "after_sale.seller_responded_at": "2025-04-30T10:00:00+00:00",
                  "after_sale.intervention_requested_at": "2025-04-30T11:00:00+00:00"},
                 problem="lost", remedy="refund_only", decided_at="2025-05-02T10:00:00+00:00")
    j2 = gate(record, "J2_in_time")
    assert j2["passed"] is True and "no delivery to count from" in j2["fact"]


def test_j2_tiktok_no_delivered_at_passes_seed_003():
    """J2 TikTok Shop (seed 003): an order never delivered has no delivery to count from."""
    from tests.domain.conftest import DELETE
    record = run({"order.delivered_at": DELETE, "claim.submitted_at": "2025-04-30T09:00:00+00:00"})
    assert gate(record, "J2_in_time")["passed"] is True
    assert "no delivery to count from" in gate(record, "J2_in_time")["fact"]


def test_j2_tiktok_limit_comes_from_policy_seed_003():
    """J2 TikTok Shop (seed 003): the 7 days are a policy parameter."""
    case = make_case({"claim.submitted_at": "2025-02-27T14:00:00+00:00"})  # 3 days after delivery
    record = decide(case, custom_policy("tiktok_shop", "UK", application={"limit": "2d"}), answers())
    assert gate(record, "J2_in_time")["passed"] is False


def test_j2_answered_against_the_bundle_is_an_error_seed_003():
    """J2 is computed (seed 003): answering true when the bundle says late names the gate."""
    with pytest.raises(AnswerError) as err:
        run({"claim.submitted_at": "2025-03-10T09:00:00+00:00"},
            jurisdiction={**ALL_YES, "J2_in_time": True})
    assert err.value.field == "jurisdiction.J2_in_time"
    assert str(err.value).startswith("jurisdiction.J2_in_time: answered true but the bundle says claim submitted")


def test_j2_answered_in_agreement_is_accepted_seed_003():
    """J2 (seed 003): a computed gate may be answered when the answer matches the bundle."""
    record = run(jurisdiction={**ALL_YES, "J2_in_time": True})
    assert gate(record, "J2_in_time")["passed"] is True


# ---------------------------------------------------------------- J3, J7 (002)

def test_j3_settled_between_parties_declines_seed_002():
    """J3 not settled (seed 002): parties who agreed to settle themselves get no intervention."""
    record = run({"after_sale.settled_between_parties": True})
    assert record["outcome"] == "declined" and record["decline_reasons"] == ["J3_not_settled"]
    assert gate(record, "J3_not_settled")["fact"] == "the parties settled between themselves"


def test_j3_answered_against_the_bundle_message_seed_002():
    """J3 (seed 002): the one-line error names the gate and what the bundle says."""
    with pytest.raises(AnswerError) as err:
        run({"after_sale.settled_between_parties": True}, jurisdiction={**ALL_YES, "J3_not_settled": True})
    assert str(err.value) == ("jurisdiction.J3_not_settled: answered true but the bundle says the parties "
                              "settled between themselves")


def test_j7_legal_proceedings_decline_seed_002():
    """J7 no legal action (seed 002): once legal proceedings start, the platform stops."""
    record = run({"after_sale.legal_proceedings": True})
    assert record["outcome"] == "declined" and record["decline_reasons"] == ["J7_no_legal_action"]
    with pytest.raises(AnswerError) as err:
        run({"after_sale.legal_proceedings": True}, jurisdiction={**ALL_YES, "J7_no_legal_action": True})
    assert err.value.field == "jurisdiction.J7_no_legal_action"
    with pytest.raises(AnswerError) as err:
        run(jurisdiction={**ALL_YES, "J7_no_legal_action": False})
    assert str(err.value) == ("jurisdiction.J7_no_legal_action: answered false but the bundle says no legal "
                              "proceedings have started")


# ---------------------------------------------------------------- reviewer gates J1, J4, J5, J6 (002)

@pytest.mark.parametrize("gate_id", ["J1_platform_order", "J4_actual_consumer", "J5_valid_transaction",
                                     "J6_unresolved"])
def test_reviewer_gate_false_declines_seed_002(gate_id):
    """J1/J4/J5/J6 reviewer gates (seed 002): a 'no' declines; findings and remedy are then not required."""
    ans = answers(jurisdiction={**ALL_YES, gate_id: False})
    for key in ("finding", "problem", "remedy", "amount", "evidence"):
        ans.pop(key)
    case = make_case()
    record = decide(case, policy_of(case), ans)
    assert record["outcome"] == "declined" and record["decline_reasons"] == [gate_id]
    assert record["remedy"]["type"] == "none" and record["liability"] is None
    assert gate(record, gate_id)["passed"] is False and gate(record, gate_id)["computed"] is False


@pytest.mark.parametrize("gate_id", ["J1_platform_order", "J4_actual_consumer", "J5_valid_transaction",
                                     "J6_unresolved"])
def test_reviewer_gate_missing_is_required_seed_002(gate_id):
    """J1/J4/J5/J6 (seed 002): required when no computed gate fails."""
    jur = {k: v for k, v in ALL_YES.items() if k != gate_id}
    with pytest.raises(AnswerError) as err:
        run(jurisdiction=jur)
    assert str(err.value) == f"jurisdiction.{gate_id}: missing answer"


def test_reviewer_gates_tolerated_missing_when_computed_gate_fails_seed_002():
    """Reviewer gates (seed 002) may stay unanswered when a computed gate already fails."""
    record = run({"after_sale.settled_between_parties": True}, jurisdiction={})
    assert record["outcome"] == "declined"
    assert gate(record, "J1_platform_order")["passed"] is None


def test_reviewer_gate_must_be_boolean_seed_002():
    with pytest.raises(AnswerError) as err:
        run(jurisdiction={**ALL_YES, "J4_actual_consumer": "yes"})
    assert err.value.field == "jurisdiction.J4_actual_consumer"


def test_unknown_gate_is_an_error():
    with pytest.raises(AnswerError) as err:
        run(jurisdiction={**ALL_YES, "J9_whatever": True})
    assert err.value.field == "jurisdiction.J9_whatever"


def test_all_failing_gates_listed_in_order_seed_002_004():
    """decline_reasons (002, 004) lists every failing gate in checklist order."""
    record = run({"after_sale.legal_proceedings": True, "after_sale.settled_between_parties": True,
                  "claim.submitted_at": "2025-03-10T09:00:00+00:00"},
                 jurisdiction={**ALL_YES, "J5_valid_transaction": False})
    assert record["decline_reasons"] == ["J2_in_time", "J3_not_settled", "J5_valid_transaction",
                                         "J7_no_legal_action"]
    assert [g["id"] for g in record["jurisdiction"]] == list(GATE_IDS)


# ---------------------------------------------------------------- J8 appeals (002)

def _appeal(previous_appeals: int, decision_at: str, intervention_at: str) -> dict:
    return {"after_sale.previous_appeals": previous_appeals, "after_sale.previous_decision_at": decision_at,
            "after_sale.intervention_requested_at": intervention_at}


def test_j8_not_an_appeal_passes_and_two_appeals_remain_seed_002():
    """J8 appeal allowed (seed 002): a first dispute is not an appeal; the buyer keeps both appeals."""
    record = run()
    assert gate(record, "J8_appeal_allowed")["passed"] is True
    assert "not an appeal" in gate(record, "J8_appeal_allowed")["fact"]
    assert record["appeals"] == {"buyer_remaining": 2, "buyer_max": 2, "seller": "ticket"}


def test_j8_first_appeal_within_2_days_passes_seed_002():
    """J8 (seed 002): an appeal exactly 2 days after the decision, with no earlier appeal, is allowed."""
    record = run(_appeal(0, "2025-02-27T10:00:00+00:00", "2025-03-01T10:00:00+00:00"))
    j8 = gate(record, "J8_appeal_allowed")
    assert j8["passed"] is True
    assert "within 2 days" in j8["fact"] and "0 earlier appeals" in j8["fact"]
    assert record["appeals"]["buyer_remaining"] == 1


def test_j8_appeal_one_second_past_2_days_declines_seed_002():
    """J8 (seed 002): the appeal window closes 2 days after the decision."""
    record = run(_appeal(0, "2025-02-27T10:00:00+00:00", "2025-03-01T10:00:01+00:00"))
    assert gate(record, "J8_appeal_allowed")["passed"] is False
    assert record["decline_reasons"] == ["J8_appeal_allowed"]
    assert "later than 2 days" in gate(record, "J8_appeal_allowed")["fact"]


def test_j8_second_appeal_allowed_then_none_remaining_seed_002():
    """J8 (seed 002): at most two appeals per item: the second is allowed, leaving none."""
    record = run(_appeal(1, "2025-02-27T10:00:00+00:00", "2025-02-28T10:00:00+00:00"))
    assert gate(record, "J8_appeal_allowed")["passed"] is True
    assert record["appeals"]["buyer_remaining"] == 0
    assert all(d["id"] != "appeal_window" for d in record["deadlines"])


def test_j8_third_appeal_declines_seed_002():
    """J8 (seed 002): a third appeal on the same item is not allowed."""
    record = run(_appeal(2, "2025-02-27T10:00:00+00:00", "2025-02-28T10:00:00+00:00"))
    assert gate(record, "J8_appeal_allowed")["passed"] is False
    assert "2 earlier appeals" in gate(record, "J8_appeal_allowed")["fact"]
    assert record["appeals"]["buyer_remaining"] == 0


def test_j8_answered_against_the_bundle_seed_002():
    with pytest.raises(AnswerError) as err:
        run(_appeal(2, "2025-02-27T10:00:00+00:00", "2025-02-28T10:00:00+00:00"),
            jurisdiction={**ALL_YES, "J8_appeal_allowed": True})
    assert err.value.field == "jurisdiction.J8_appeal_allowed"


def test_j8_max_appeals_from_policy_seed_002():
    """J8 (seed 002): two appeals is a policy parameter."""
    case = make_case(_appeal(1, "2025-02-27T10:00:00+00:00", "2025-02-28T10:00:00+00:00"))
    record = decide(case, custom_policy("tiktok_shop", "UK", appeals={"buyer_max": 1}), answers())
    assert gate(record, "J8_appeal_allowed")["passed"] is False
    assert record["appeals"]["buyer_max"] == 1


def test_gate_facts_are_bilingual_with_figures_seed_003():
    """Every GateResult has English and Chinese facts; computed ones carry the actual figures."""
    assessment = run_assess({"claim.submitted_at": "2025-02-27T14:00:00+00:00"})
    for result in assessment.gates:
        assert set(result.facts) == {"en", "zh"} and result.facts["en"] and result.facts["zh"]
    j2 = assessment.gates[GATE_IDS.index("J2_in_time")]
    assert "3" in j2.facts["zh"] and "7天" in j2.facts["zh"]


def test_assess_reports_open_gates_without_raising():
    case = make_case()
    assessment = assess(case, policy_of(case), {})
    assert assessment.derived_outcome is None and assessment.record is None
    assert assessment.missing[:4] == tuple(f"jurisdiction.{g}" for g in ALL_YES)
    assert [g.passed for g in assessment.gates] == [None, True, True, None, None, None, True, True]
