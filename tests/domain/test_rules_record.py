"""Step 7 of checklist.md and the arbiter.decision/1 record: rationale, sign-off fields, canonical JSON."""
from __future__ import annotations

import json

import pytest

from arbiter.domain.checklist import AnswerError, assess, decide, rationale_citations, review_due
from arbiter.domain.decision import canonical_json, fingerprint
from tests.domain.conftest import answers, make_case, policy_of, run

RECORD_KEYS = ["format", "case_id", "policy", "outcome", "derived_outcome", "override", "flagged_for_supervisor",
               "decline_reasons", "jurisdiction", "finding", "problem", "remedy", "liability", "deadlines",
               "evidence_considered", "evidence_excluded", "appeals", "sea_refund_without_return",
               "seller_conduct", "rationale", "rationale_cites", "reviewer", "decided_at", "time_zone"]


def test_record_shape_is_exactly_the_architecture_json():
    record = run()
    assert list(record) == RECORD_KEYS
    assert record["format"] == "arbiter.decision/1"
    assert record["policy"] == {"id": "tiktok_shop.UK", "version": "2025.06"}
    assert list(record["remedy"]) == ["type", "amount", "currency", "return_required", "return_exemption",
                                      "refund_route", "shipping_borne_by"]
    assert set(record["appeals"]) == {"buyer_remaining", "buyer_max", "seller"}
    for item in record["jurisdiction"]:
        assert list(item) == ["id", "passed", "computed", "fact"]
    for item in record["deadlines"]:
        assert list(item) == ["id", "party", "due", "on_miss", "rule", "after", "counts_from", "extension"]
    json.dumps(record)  # plain JSON types only


def test_no_float_anywhere_in_the_record():
    def walk(value):
        assert not isinstance(value, float)
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk(run())


def test_canonical_json_and_fingerprint_are_stable():
    a, b = run(), run()
    assert canonical_json(a) == canonical_json(b)
    assert fingerprint(a) == fingerprint(b) and len(fingerprint(a)) == 64
    assert canonical_json(a) == json.dumps(a, sort_keys=True, separators=(",", ":"),
                                           ensure_ascii=False).encode("utf-8")
    assert fingerprint(run(amount="19.98")) != fingerprint(a)


def test_canonical_json_keeps_chinese_and_refuses_floats():
    assert canonical_json({"b": "退款", "a": 1}) == '{"a":1,"b":"退款"}'.encode()
    with pytest.raises(TypeError):
        canonical_json({"amount": 19.99})


# ---------------------------------------------------------------- rationale (checklist.md step 7)

def test_rationale_cites_evidence_and_messages_as_whole_words():
    known = {"E1", "E2", "M3", "M10"}
    assert rationale_citations("E1 shows the crack; seller message M3, and (M10).", known) == ["E1", "M3", "M10"]
    assert rationale_citations("see XE1 and E12 and M1", known) == []
    assert rationale_citations("E2. Then E2: again E1", known) == ["E2", "E1"]
    assert rationale_citations("照片E1显示裂痕", known) == ["E1"]  # Chinese text has no spaces between words
    assert rationale_citations("照片 E1。", known) == ["E1"]


def test_rationale_required():
    with pytest.raises(AnswerError) as err:
        run(rationale="   ")
    assert str(err.value) == "rationale: missing answer"


def test_rationale_must_cite_a_known_id_unless_declined():
    with pytest.raises(AnswerError) as err:
        run(rationale="The photos show a crack.")
    assert err.value.field == "rationale" and "cite" in err.value.message
    with pytest.raises(AnswerError):
        run(rationale="E9 shows a crack.")  # E9 does not exist
    declined = run({"after_sale.legal_proceedings": True}, rationale="Court case pending.")
    assert declined["outcome"] == "declined" and declined["rationale_cites"] == []


def test_rationale_cites_recorded():
    record = run(rationale="E2 is the packing photo; M1 reports the crack; E1.")
    assert record["rationale_cites"] == ["E2", "M1", "E1"]


# ---------------------------------------------------------------- reviewer, decided_at

@pytest.mark.parametrize("value", [None, "", "  "])
def test_reviewer_required(value):
    with pytest.raises(AnswerError) as err:
        run(reviewer=value)
    assert str(err.value) == "reviewer: missing answer"


def test_decided_at_needs_an_offset():
    with pytest.raises(AnswerError) as err:
        run(decided_at="2025-03-05T10:00:00")
    assert err.value.field == "decided_at" and "no UTC offset" in err.value.message
    assert "\n" not in str(err.value)
    with pytest.raises(AnswerError) as err:
        run(decided_at="yesterday")
    assert err.value.field == "decided_at"
    with pytest.raises(AnswerError) as err:
        run(decided_at=None)
    assert str(err.value) == "decided_at: missing answer"


def test_seller_conduct_recorded_seed_002():
    """Seller conduct (seed 002): 72 h replies, professional language, no ads or links."""
    record = run(seller_conduct={"replied_within_72h": False, "professional_language": True})
    assert record["seller_conduct"] == {"replied_within_72h": False, "professional_language": True,
                                        "no_ads_or_links": None}
    with pytest.raises(AnswerError) as err:
        run(seller_conduct={"replied_within_72h": "no"})
    assert err.value.field == "seller_conduct.replied_within_72h"


def test_decide_raises_first_problem_in_question_order():
    with pytest.raises(AnswerError) as err:
        run(evidence={"E1": "admissible"}, finding=None, reviewer=None)
    assert str(err.value) == "evidence.E2: missing answer"


def test_answers_must_be_an_object():
    case = make_case()
    with pytest.raises(AnswerError) as err:
        decide(case, policy_of(case), ["not", "a", "dict"])
    assert err.value.field == "answers"


def test_policy_platform_must_match_case():
    case = make_case()
    from arbiter.policies import load_policy
    with pytest.raises(ValueError):
        decide(case, load_policy("douyin"), answers())


def test_review_due_and_time_left_seed_003():
    """Review target (seed 003): UK 2 working days -> opened_at + 2 days; elsewhere 3-5 -> 5 days."""
    from datetime import datetime, timedelta, timezone
    case = make_case()
    due = review_due(case, policy_of(case))
    assert due.isoformat() == "2025-03-06T09:00:00+00:00"
    now = datetime(2025, 3, 5, 9, 0, tzinfo=timezone.utc)
    assert assess(case, policy_of(case), answers(), now=now).time_left == timedelta(days=1)
    us = make_case({"region": "US"})
    # 5 calendar days in New York, across the US DST start on 2025-03-09: same wall-clock time
    assert review_due(us, policy_of(us)).isoformat() == "2025-03-09T04:00:00-04:00"
