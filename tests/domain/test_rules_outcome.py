"""Steps 3-4 of checklist.md: findings and the outcome table, and the reviewer override (seed 002)."""
from __future__ import annotations

import pytest

from arbiter.domain.checklist import AnswerError, assess
from tests.domain.conftest import answers, make_case, policy_of, run, run_assess

SELLER_SIDE = {"remedy": "none", "amount": None, "problem": None}


def test_supported_finding_favours_buyer_seed_002():
    """Outcome table (seed 002): evidence supporting the buyer -> buyer_favoured."""
    record = run()
    assert record["outcome"] == record["derived_outcome"] == "buyer_favoured"
    assert record["finding"] == "supported" and record["problem"] == "serious_quality"


def test_supported_with_partial_refund_is_partial_seed_002():
    """Outcome table (seed 002): supported with a partial refund -> partial."""
    record = run(remedy="partial_refund", amount="5.00")
    assert record["outcome"] == "partial"
    assert record["remedy"]["type"] == "partial_refund" and record["remedy"]["amount"] == "5.00"


@pytest.mark.parametrize("finding", ["contradicted", "insufficient"])
def test_contradicted_or_insufficient_favours_seller_seed_002(finding):
    """Outcome table (seed 002): evidence for the seller, or insufficient buyer evidence -> seller_favoured."""
    record = run(finding=finding, **SELLER_SIDE)
    assert record["outcome"] == "seller_favoured"
    assert record["remedy"] == {"type": "none", "amount": "0.00", "currency": "GBP", "return_required": False,
                                "return_exemption": None, "refund_route": None, "shipping_borne_by": None}
    assert record["liability"] is None and record["problem"] is None
    assert [d["id"] for d in record["deadlines"]] == ["appeal_window"]


def test_seller_favoured_remedy_may_be_omitted_seed_002():
    ans = answers(finding="contradicted")
    for key in ("remedy", "amount", "problem"):
        del ans[key]
    case = make_case()
    assert assess(case, policy_of(case), ans).record["outcome"] == "seller_favoured"


def test_finding_missing_and_invalid_seed_002():
    with pytest.raises(AnswerError) as err:
        run(finding=None)
    assert str(err.value) == "finding: missing answer"
    with pytest.raises(AnswerError) as err:
        run(finding="probably")
    assert err.value.field == "finding"


def test_problem_required_when_supported_seed_002():
    with pytest.raises(AnswerError) as err:
        run(problem=None)
    assert str(err.value) == "problem: missing answer"
    with pytest.raises(AnswerError) as err:
        run(problem="broken")
    assert err.value.field == "problem"


def test_override_requires_justification_and_flags_supervisor():
    """Neutrality 4 (checklist.md): an override needs a written justification and flags the verdict."""
    with pytest.raises(AnswerError) as err:
        run(override={"outcome": "seller_favoured", "justification": "  "}, **SELLER_SIDE)
    assert str(err.value) == "override.justification: missing answer"
    record = run(override={"outcome": "seller_favoured", "justification": "E1 is a stock photo."},
                 **SELLER_SIDE)
    assert record["outcome"] == "seller_favoured" and record["derived_outcome"] == "buyer_favoured"
    assert record["flagged_for_supervisor"] is True
    assert record["override"] == {"outcome": "seller_favoured", "justification": "E1 is a stock photo."}


def test_no_override_not_flagged():
    record = run()
    assert record["override"] is None and record["flagged_for_supervisor"] is False


def test_override_to_the_derived_outcome_is_an_error():
    with pytest.raises(AnswerError) as err:
        run(override={"outcome": "buyer_favoured", "justification": "agree"})
    assert err.value.field == "override.outcome"


def test_override_outcome_must_be_known():
    with pytest.raises(AnswerError) as err:
        run(override={"outcome": "maybe", "justification": "x"})
    assert err.value.field == "override.outcome"


def test_override_a_declined_case_to_buyer_favoured_then_needs_findings_seed_002():
    """An override of a decline needs the findings, evidence and remedy a buyer-favoured verdict needs."""
    record = run({"after_sale.settled_between_parties": True},
                 override={"outcome": "buyer_favoured", "justification": "The settlement was never honoured."})
    assert record["derived_outcome"] == "declined" and record["outcome"] == "buyer_favoured"
    assert record["decline_reasons"] == ["J3_not_settled"]
    assert record["remedy"]["type"] == "return_and_refund"
    with pytest.raises(AnswerError) as err:
        run({"after_sale.settled_between_parties": True}, remedy=None,
            override={"outcome": "buyer_favoured", "justification": "x"})
    assert str(err.value) == "remedy: missing answer"


def test_override_to_declined_gives_no_remedy():
    record = run(override={"outcome": "declined", "justification": "Not a platform order after all."})
    assert record["outcome"] == "declined" and record["remedy"]["type"] == "none"
    assert record["deadlines"] == [] and record["decline_reasons"] == []


def test_override_to_partial_needs_partial_refund():
    with pytest.raises(AnswerError) as err:
        run(finding="contradicted", override={"outcome": "partial", "justification": "goodwill"})
    assert err.value.field == "remedy"
    record = run(finding="contradicted", remedy="partial_refund", amount="3.00",
                 override={"outcome": "partial", "justification": "goodwill"})
    assert record["outcome"] == "partial" and record["derived_outcome"] == "seller_favoured"


def test_assess_is_live_preview():
    """assess() derives the outcome from partial answers without raising."""
    assessment = run_assess(rationale=None, reviewer=None)
    assert assessment.derived_outcome == "buyer_favoured" and assessment.outcome == "buyer_favoured"
    assert assessment.missing == ("rationale", "reviewer") and assessment.record is None
    bad = run_assess(amount="25.00", reviewer="")
    assert [str(e) for e in bad.errors] == ["amount: 25.00 is above the 19.99 GBP paid"]
    assert bad.missing == ("reviewer",)
