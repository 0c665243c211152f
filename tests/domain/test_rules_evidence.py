"""Step 2 of checklist.md: evidence admissibility (seed 002)."""
from __future__ import annotations

import pytest

from arbiter.domain.checklist import AnswerError, assess
from tests.domain.conftest import answers, make_case, policy_of, run, run_assess

SUPPLEMENT = {"id": "E4", "party": "seller", "submission": 2, "submitted_at": "2025-03-02T09:00:00+00:00",
              "requested": True, "kind": "photo", "file": "evidence/E1.jpg",
              "sha256": "0" * 64, "media_type": "image/jpeg", "description": "Requested close-up"}


def _with_e4(requested: bool = True) -> dict:
    from tests.factories import case_dict
    evidence = case_dict()["evidence"] + [{**SUPPLEMENT, "requested": requested}]
    return {"evidence": evidence}


def test_unrequested_supplement_excluded_whatever_the_answer_seed_002():
    """Admissibility (seed 002): an unrequested supplementary item is excluded as not_requested, even if the
    reviewer marks it admissible; it needs no answer."""
    for value in (None, "admissible", "not_relevant"):
        ev = {"E1": "admissible", "E2": "admissible"}
        if value:
            ev["E3"] = value
        record = run(evidence=ev)
        assert {"id": "E3", "reason": "not_requested"} in record["evidence_excluded"]
        assert "E3" not in record["evidence_considered"]


def test_requested_supplement_needs_an_answer_seed_002():
    """Admissibility (seed 002): a supplementary item the platform asked for counts and must be answered."""
    with pytest.raises(AnswerError) as err:
        run(_with_e4(), evidence={"E1": "admissible", "E2": "admissible"})
    assert str(err.value) == "evidence.E4: missing answer"
    record = run(_with_e4(), evidence={"E1": "admissible", "E2": "admissible", "E4": "admissible"})
    assert record["evidence_considered"] == ["E1", "E2", "E4"]


def test_unrequested_supplement_of_either_party_is_excluded_seed_002():
    record = run(_with_e4(requested=False), evidence={"E1": "admissible", "E2": "admissible"})
    assert record["evidence_excluded"] == [{"id": "E3", "reason": "not_requested"},
                                           {"id": "E4", "reason": "not_requested"}]


@pytest.mark.parametrize("reason", ["not_authentic", "not_relevant"])
def test_reviewer_exclusions_listed_with_reason_seed_002(reason):
    """Admissibility (seed 002): every exclusion is listed with its reason."""
    record = run(evidence={"E1": "admissible", "E2": reason})
    assert record["evidence_considered"] == ["E1"]
    assert record["evidence_excluded"] == [{"id": "E2", "reason": reason},
                                           {"id": "E3", "reason": "not_requested"}]


def test_tampered_item_is_not_authentic_automatically_seed_002():
    """Admissibility (seed 002): a hash mismatch makes the item not_authentic whatever the answer."""
    record = run(tampered={"E1"}, evidence={"E1": "admissible", "E2": "admissible"},
                 rationale="The seller's message M3 does not address the crack.")
    assert "E1" not in record["evidence_considered"]
    assert {"id": "E1", "reason": "not_authentic"} in record["evidence_excluded"]
    status = run_assess(tampered={"E1"}).evidence[0]
    assert (status.id, status.status, status.forced_reason) == ("E1", "not_authentic", "not_authentic")


def test_tampered_item_needs_no_answer_seed_002():
    record = run(tampered={"E2"}, evidence={"E1": "admissible"})
    assert {"id": "E2", "reason": "not_authentic"} in record["evidence_excluded"]


def test_unknown_evidence_id_is_an_error_seed_002():
    with pytest.raises(AnswerError) as err:
        run(evidence={"E1": "admissible", "E2": "admissible", "E9": "admissible"})
    assert str(err.value) == "evidence.E9: no evidence item E9 in this case"


def test_invalid_evidence_answer_is_an_error_seed_002():
    with pytest.raises(AnswerError) as err:
        run(evidence={"E1": "maybe", "E2": "admissible"})
    assert err.value.field == "evidence.E1" and "admissible" in err.value.message


def test_missing_evidence_answer_is_required_seed_002():
    with pytest.raises(AnswerError) as err:
        run(evidence={"E1": "admissible"})
    assert str(err.value) == "evidence.E2: missing answer"


def test_review_order_buyer_primary_first_seed_002():
    """Admissibility (seed 002): the buyer's first submission is the primary evidence and comes first."""
    from tests.factories import case_dict
    evidence = case_dict()["evidence"]
    evidence.reverse()  # bundle order E3, E2, E1
    case = make_case({"evidence": evidence})
    assessment = assess(case, policy_of(case), answers())
    assert [(s.id, s.party, s.primary) for s in assessment.evidence] == [
        ("E1", "buyer", True), ("E2", "seller", False), ("E3", "buyer", False)]
    record = assessment.record
    assert record["evidence_considered"] == ["E1", "E2"]


def test_declined_case_needs_no_evidence_answers_seed_002():
    ans = answers(jurisdiction={"J1_platform_order": False, "J4_actual_consumer": True,
                                "J5_valid_transaction": True, "J6_unresolved": True})
    for key in ("evidence", "finding", "problem", "remedy", "amount"):
        del ans[key]
    case = make_case()
    assessment = assess(case, policy_of(case), ans)
    assert assessment.errors == () and assessment.missing == ()
    assert assessment.record["outcome"] == "declined"
