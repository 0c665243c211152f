"""The bundle's Revision 2 fields (case-bundle.md, "Revision 2"): validated like the rest; every bad value is
refused in one line naming the field. Bundles without them read as before."""
from __future__ import annotations

from datetime import datetime

import pytest

from arbiter.domain.parse import CaseFormatError, case_from_dict
from tests.domain.conftest import case_data

DUE = {"id": "R1", "party": "buyer", "requested_at": "2025-02-28T12:00:00+00:00",
       "due_at": "2025-03-02T12:00:00+00:00", "what": "a receipt"}
APPEAL = {"filed_at": "2025-03-04T12:00:00+00:00", "filed_by": "buyer",
          "decision_appealed": {"decided_at": "2025-03-04T10:00:00+00:00", "fingerprint": "b" * 64,
                                "case_revision": 2}, "grounds": "new photo"}


def refused(changes: dict) -> CaseFormatError:
    with pytest.raises(CaseFormatError) as err:
        case_from_dict(case_data(changes))
    assert "\n" not in str(err.value)
    return err.value


def test_a_bundle_without_revision_2_fields_reads_as_before():
    case = case_from_dict(case_data())
    assert case.claim.items == () and case.after_sale.appeal is None and case.return_logistics is None
    assert case.after_sale.supplement_requests == () and case.after_sale.previous_appeal_times is None
    assert all(e.request_id is None for e in case.evidence)


def test_all_revision_2_fields_parse():
    case = case_from_dict(case_data({
        "claim.items": [{"sku": "MUG-01", "quantity": 1}],
        "after_sale.appeal": APPEAL, "after_sale.previous_appeals": 1,
        "after_sale.previous_appeal_times": ["2025-03-04T11:00:00+00:00"],
        "after_sale.seller_response": "partial_offer",
        "after_sale.seller_offer": {"remedy": "partial_refund", "amount": "5.00"},
        "after_sale.supplement_requests": [DUE],
        "evidence.2.requested": True, "evidence.2.request_id": "R1",
        "return_logistics": {"carrier": "Royal Mail", "tracking_no": "RM1", "tracking_uploaded_at":
                             "2025-03-06T09:00:00+00:00", "events": [
                                 {"at": "2025-03-06T08:00:00+00:00", "status": "picked_up"}]},
    }))
    assert case.claim.items[0].sku == "MUG-01"
    assert case.after_sale.appeal.decision_appealed.case_revision == 2
    assert case.after_sale.appeal_info.filed_at == datetime.fromisoformat("2025-03-04T12:00:00+00:00")
    assert case.after_sale.seller_offer.amount == 5 and case.after_sale.request("R1").party.value == "buyer"
    assert case.evidence[2].request_id == "R1"
    assert case.return_logistics.tracking_uploaded_at.hour == 9
    assert case.after_sale.is_appeal


@pytest.mark.parametrize("changes,field,needle", [
    ({"claim.items": [{"sku": "NOPE", "quantity": 1}]}, "claim.items[0].sku", "names no line of order.items"),
    ({"claim.items": [{"sku": "MUG-01", "quantity": 2}]}, "claim.items[0].quantity", "more than the 1 ordered"),
    ({"claim.items": [{"sku": "MUG-01", "quantity": 0}]}, "claim.items[0].quantity", "at least 1"),
    ({"claim.items": [{"sku": "MUG-01", "quantity": "1"}]}, "claim.items[0].quantity", "whole number"),
    ({"claim.items": []}, "claim.items", "is empty"),
    ({"claim.items": [{"sku": "MUG-01", "quantity": 1}, {"sku": "MUG-01", "quantity": 1}]},
     "claim.items[1].sku", "claimed twice"),
    ({"after_sale.supplement_requests": [DUE], "evidence.2.requested": True, "evidence.2.request_id": "R9"},
     "evidence[2].request_id", "names no request"),
    ({"evidence.2.requested": True, "evidence.2.request_id": "R1"}, "evidence[2].request_id", "names no request"),
    ({"after_sale.supplement_requests": [DUE], "evidence.2.request_id": "R1"}, "evidence[2].request_id",
     "requested is not true"),
    ({"after_sale.supplement_requests": [dict(DUE, party="seller")], "evidence.2.requested": True,
      "evidence.2.request_id": "R1"}, "evidence[2].request_id", "asked the seller"),
    ({"after_sale.supplement_requests": [dict(DUE, due_at="2025-02-27T12:00:00+00:00")]},
     "after_sale.supplement_requests[0].due_at", "before requested_at"),
    ({"after_sale.supplement_requests": [dict(DUE, due_at="2025-03-02T12:00:00")]},
     "after_sale.supplement_requests[0].due_at", "no UTC offset"),
    ({"after_sale.supplement_requests": [DUE, DUE]}, "after_sale.supplement_requests[1].id", "duplicate"),
    ({"after_sale.previous_appeals": 2, "after_sale.previous_appeal_times": ["2025-03-04T11:00:00+00:00"]},
     "after_sale.previous_appeal_times", "has 1 entry but previous_appeals is 2"),
    ({"after_sale.previous_appeals": 2, "after_sale.previous_appeal_times": [
        "2025-03-04T11:00:00+00:00", "2025-03-03T11:00:00+00:00"]}, "after_sale.previous_appeal_times",
     "oldest first"),
    ({"after_sale.appeal": {k: v for k, v in APPEAL.items() if k != "filed_at"}}, "after_sale.appeal.filed_at",
     "required"),
    ({"after_sale.appeal": dict(APPEAL, filed_by="platform")}, "after_sale.appeal.filed_by", "not one of"),
    ({"after_sale.appeal": dict(APPEAL, filed_at="2025-03-04T09:00:00+00:00")}, "after_sale.appeal.filed_at",
     "before the decision"),
    ({"after_sale.appeal": dict(APPEAL, decision_appealed={"decided_at": "2025-03-04T10:00:00+00:00",
                                                           "fingerprint": "XYZ"})},
     "after_sale.appeal.decision_appealed.fingerprint", "64 lowercase"),
    ({"after_sale.appeal": {k: v for k, v in APPEAL.items() if k != "decision_appealed"}},
     "after_sale.appeal.decision_appealed", "required"),
    ({"after_sale.appeal": APPEAL, "after_sale.previous_decision_at": "2025-03-01T10:00:00+00:00"},
     "after_sale.previous_decision_at", "differs"),
    ({"after_sale.seller_offer": {"remedy": "partial_refund", "amount": "5.00"}}, "after_sale.seller_offer",
     "only given when seller_response is 'partial_offer'"),
    ({"after_sale.seller_response": "partial_offer", "after_sale.seller_offer": {"remedy": "partial_refund",
                                                                                 "amount": 5}},
     "after_sale.seller_offer.amount", "decimal string"),
    ({"return_logistics": {"carrier": "X", "tracking_no": "1", "tracking_uploaded_at": "yesterday"}},
     "return_logistics.tracking_uploaded_at", "not a timestamp"),
])
def test_each_bad_revision_2_value_is_refused_naming_the_field(changes, field, needle):
    err = refused(changes)
    assert err.path == field, str(err)
    assert needle in err.message, str(err)


def test_previous_decision_at_alone_still_reads_as_an_appeal():
    case = case_from_dict(case_data({"after_sale.previous_decision_at": "2025-03-01T10:00:00+00:00"}))
    info = case.after_sale.appeal_info
    assert info.filed_at is None and info.filed_by.value == "buyer"
    assert info.decision_appealed.decided_at.day == 1


def test_decision_appealed_may_come_from_previous_decision_at():
    appeal = {k: v for k, v in APPEAL.items() if k != "decision_appealed"}
    case = case_from_dict(case_data({"after_sale.appeal": appeal,
                                     "after_sale.previous_decision_at": "2025-03-04T10:00:00+00:00"}))
    assert case.after_sale.appeal.decision_appealed.decided_at.hour == 10
