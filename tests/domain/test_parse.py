"""case.json field validation (case-bundle.md): every refusal names the field, nothing is guessed."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from arbiter.domain.parse import CaseFormatError, case_from_dict, check_bundle_path
from tests.factories import case_dict


def refused(data) -> CaseFormatError:
    with pytest.raises(CaseFormatError) as info:
        case_from_dict(data)
    return info.value


def test_valid_case_parses_money_as_decimal_and_times_as_aware():
    case = case_from_dict(case_dict())
    assert case.order.total_paid == Decimal("19.99") and isinstance(case.order.total_paid, Decimal)
    assert case.order.delivered_at.utcoffset() == timedelta(0)
    assert case.evidence[0].is_primary and not case.evidence[1].is_primary


def test_unknown_format_names_the_supported_versions():
    err = refused(case_dict(format="arbiter.case/2"))
    assert err.path == "format" and "arbiter.case/1" in err.message


@pytest.mark.parametrize("value", [19.99, 20, "19,99", "-1.00", "1e3", ""])
def test_money_must_be_a_decimal_string(value):
    data = case_dict()
    data["order"]["total_paid"] = value
    assert refused(data).path == "order.total_paid"


def test_money_given_as_decimal_object_from_float_parsing_is_refused():
    data = case_dict()
    data["claim"]["amount"] = Decimal("19.99")  # what json.loads(parse_float=Decimal) yields for 19.99
    assert refused(data).path == "claim.amount"


@pytest.mark.parametrize("value", ["2025-02-24T14:00:00", "2025-02-24", "yesterday", 1740405600])
def test_timestamp_needs_a_utc_offset(value):
    data = case_dict()
    data["order"]["delivered_at"] = value
    assert refused(data).path == "order.delivered_at"


def test_other_offsets_are_kept():
    data = case_dict()
    data["opened_at"] = "2025-03-04T17:00:00+08:00"
    assert case_from_dict(data).opened_at.utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize("field", ["case_id", "platform", "order", "buyer", "claim", "after_sale"])
def test_missing_required_field_is_named(field):
    data = case_dict()
    del data[field]
    assert refused(data).path == field


def test_missing_nested_field_is_named_with_its_path():
    data = case_dict()
    del data["evidence"][1]["sha256"]
    assert refused(data).path == "evidence[1].sha256"


def test_case_id_characters():
    assert refused(case_dict(case_id="../etc")).path == "case_id"
    assert refused(case_dict(case_id="x" * 65)).path == "case_id"


def test_dangling_chat_attachment_is_refused():
    data = case_dict()
    data["chat_logs"][0]["messages"][0]["attachments"] = ["E9"]
    err = refused(data)
    assert err.path == "chat_logs[0].messages[0].attachments[0]" and "E9" in err.message


def test_duplicate_evidence_id_is_refused():
    data = case_dict()
    data["evidence"][1]["id"] = "E1"
    assert "duplicate" in refused(data).message


def test_rejection_needs_its_time():
    data = case_dict()
    del data["after_sale"]["seller_responded_at"]
    assert refused(data).path == "after_sale.seller_responded_at"


@pytest.mark.parametrize("path", ["../x.jpg", "/etc/passwd", "C:/x.jpg", "evidence\\x.jpg", "a//b", "./a",
                                  "evidence/../../x"])
def test_bundle_paths_must_stay_inside(path):
    with pytest.raises(CaseFormatError):
        check_bundle_path(path, "evidence[0].file")


@pytest.mark.parametrize("path", ["evidence/E1\n.jpg", "evidence/\x00.jpg", "evidence/a\x1f.jpg", "\x01"])
def test_bundle_paths_refuse_control_characters(path):
    with pytest.raises(CaseFormatError, match="contains control characters"):
        check_bundle_path(path, "evidence[0].file")
    assert check_bundle_path("evidence/a\x7f\u00e9 b.jpg", "evidence[0].file")  # DEL and up are not refused


def test_review_order_puts_the_buyers_first_submission_first():
    data = case_dict()
    data["evidence"] = [data["evidence"][2], data["evidence"][1], data["evidence"][0]]
    case = case_from_dict(data)
    assert [e.id for e in case.evidence_in_review_order()] == ["E1", "E2", "E3"]
