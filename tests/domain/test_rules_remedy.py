"""Step 5 of checklist.md: remedy, refund route, return and exemptions, liability (seeds 002, 003, 004)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from arbiter.domain.checklist import AnswerError, decide, sea_qualifies
from arbiter.domain.policy import PROBLEMS
from tests.domain.conftest import custom_policy, make_case, policy_of, run

# ---------------------------------------------------------------- amount (003)


def test_amount_above_total_paid_is_refused_seed_003():
    """Refund amount (seed 003): never more than order.total_paid."""
    with pytest.raises(AnswerError) as err:
        run(amount="25.00")
    assert str(err.value) == "amount: 25.00 is above the 19.99 GBP paid"


def test_amount_equal_to_total_paid_is_accepted_seed_003():
    record = run(remedy="refund_only", amount="19.99")
    assert record["remedy"]["amount"] == "19.99" and record["remedy"]["currency"] == "GBP"


def test_amount_one_minor_unit_above_is_refused_seed_003():
    with pytest.raises(AnswerError):
        run(remedy="refund_only", amount="20.00")


@pytest.mark.parametrize("remedy", ["refund_only", "return_and_refund", "partial_refund"])
def test_amount_required_for_refunds_seed_003(remedy):
    with pytest.raises(AnswerError) as err:
        run(remedy=remedy, amount=None)
    assert str(err.value) == "amount: missing answer"


@pytest.mark.parametrize("value", ["0", "0.00"])
def test_amount_must_be_positive_seed_003(value):
    with pytest.raises(AnswerError) as err:
        run(remedy="refund_only", amount=value)
    assert err.value.field == "amount" and "more than 0" in err.value.message


def test_partial_refund_strictly_below_paid_seed_003():
    with pytest.raises(AnswerError) as err:
        run(remedy="partial_refund", amount="19.99")
    assert err.value.field == "amount" and "below" in err.value.message
    assert run(remedy="partial_refund", amount="19.98")["remedy"]["amount"] == "19.98"


@pytest.mark.parametrize("value", [19.99, 19, True])
def test_amount_must_be_a_decimal_string_never_a_float(value):
    """Money as decimal strings (case-bundle.md): a JSON number is refused."""
    with pytest.raises(AnswerError) as err:
        run(remedy="refund_only", amount=value)
    assert err.value.field == "amount" and "decimal string" in err.value.message


def test_amount_decimals_limited_by_currency_minor_unit():
    with pytest.raises(AnswerError) as err:
        run(remedy="refund_only", amount="10.005")
    assert str(err.value) == "amount: 10.005 has more decimals than GBP allows (2)"


def test_amount_in_zero_decimal_currency():
    """VND has no minor unit: "10000" is fine, "10000.5" is not; the record keeps no decimals."""
    changes = {"order.currency": "VND", "order.total_paid": "250000", "order.shipping_fee": "0",
               "claim.amount": "250000"}
    record = run(changes, remedy="refund_only", amount="10000")
    assert record["remedy"]["amount"] == "10000" and record["remedy"]["currency"] == "VND"
    with pytest.raises(AnswerError) as err:
        run(changes, remedy="refund_only", amount="10000.5")
    assert "VND allows (0)" in err.value.message


def test_amount_quantized_to_minor_unit_as_string():
    record = run(remedy="partial_refund", amount="5.5")
    assert record["remedy"]["amount"] == "5.50"
    assert isinstance(record["remedy"]["amount"], str)
    assert Decimal(record["remedy"]["amount"]) == Decimal("5.5")


@pytest.mark.parametrize("remedy", ["replacement", "reship"])
def test_replacement_and_reship_refund_nothing_seed_002(remedy):
    record = run(remedy=remedy, amount=None)
    assert record["remedy"]["amount"] == "0.00" and record["remedy"]["refund_route"] is None
    with pytest.raises(AnswerError) as err:
        run(remedy=remedy, amount="5.00")
    assert err.value.field == "amount"


# ---------------------------------------------------------------- remedy vs outcome (002)

def test_remedy_none_refused_when_buyer_favoured_seed_002():
    with pytest.raises(AnswerError) as err:
        run(remedy="none", amount=None)
    assert err.value.field == "remedy" and "buyer is favoured" in err.value.message


def test_remedy_must_be_none_when_seller_favoured_seed_002():
    with pytest.raises(AnswerError) as err:
        run(finding="contradicted", problem=None)
    assert err.value.field == "remedy" and "seller is favoured" in err.value.message


def test_remedy_missing_when_buyer_favoured_seed_002():
    with pytest.raises(AnswerError) as err:
        run(remedy=None)
    assert str(err.value) == "remedy: missing answer"


def test_unknown_remedy_seed_002():
    with pytest.raises(AnswerError) as err:
        run(remedy="voucher")
    assert err.value.field == "remedy"


# ---------------------------------------------------------------- refund route (000, 001, 003, 004)

def test_refund_goes_back_by_original_payment_seed_003():
    assert run(remedy="refund_only")["remedy"]["refund_route"] == "original_payment"


def test_cod_refund_by_seller_with_proof_seed_004():
    """Refund route (seed 004): cash on delivery -> the seller refunds and uploads proof within 48 h."""
    record = run({"order.payment_method": "cod"}, douyin=True, remedy="refund_only")
    assert record["remedy"]["refund_route"] == "cod_seller_refund"
    execute = next(d for d in record["deadlines"] if d["id"] == "seller_execute")
    assert "proof" in execute["rule"] and "48 h" in execute["rule"]


def test_cod_proof_hours_from_policy_seed_004():
    case = make_case({"order.payment_method": "cod"}, douyin=True)
    from tests.domain.conftest import douyin_answers
    record = decide(case, custom_policy("douyin", remedy={"cod_refund_proof": "24h"}),
                    douyin_answers(remedy="refund_only"))
    assert "24 h" in next(d for d in record["deadlines"] if d["id"] == "seller_execute")["rule"]


# ---------------------------------------------------------------- shipping (002, 004)

def test_tiktok_shipping_borne_by_seller_seed_002():
    assert run()["remedy"]["shipping_borne_by"] == "seller"


def test_douyin_postage_not_refunded_buyer_bears_shipping_seed_004():
    record = run(douyin=True)
    assert record["remedy"]["shipping_borne_by"] == "buyer"
    assert record["policy"] == {"id": "douyin", "version": "2025.06"}


# ---------------------------------------------------------------- return required and exemptions (002)

@pytest.mark.parametrize("remedy,required", [("return_and_refund", True), ("replacement", True),
                                             ("refund_only", False), ("partial_refund", False),
                                             ("reship", False)])
def test_return_required_by_remedy_seed_002(remedy, required):
    """Return (seed 002): required for return_and_refund and replacement, never for the others."""
    amount = {"partial_refund": "5.00", "replacement": None, "reship": None}.get(remedy, "19.99")
    record = run(remedy=remedy, amount=amount)
    assert record["remedy"]["return_required"] is required
    assert record["remedy"]["return_exemption"] is None
    ids = [d["id"] for d in record["deadlines"]]
    assert ("buyer_return_ship" in ids) is required and ("seller_confirm_receipt" in ids) is required


@pytest.mark.parametrize("problem", ["counterfeit", "damaged", "lost"])
@pytest.mark.parametrize("remedy", ["return_and_refund", "replacement"])
def test_return_exemption_by_problem_seed_002(problem, remedy):
    """Return exemption (seed 002): counterfeit, completely damaged or lost goods are not sent back."""
    record = run(problem=problem, remedy=remedy, amount="19.99" if remedy == "return_and_refund" else None)
    assert record["remedy"]["return_required"] is False
    assert record["remedy"]["return_exemption"] == problem
    assert all(d["id"] not in ("buyer_return_ship", "seller_confirm_receipt") for d in record["deadlines"])


def test_return_exemption_custom_made_seed_002():
    """Return exemption (seed 002): a custom-made item is not sent back."""
    record = run({"order.items.0.custom_made": True})
    assert record["remedy"]["return_required"] is False
    assert record["remedy"]["return_exemption"] == "custom_made"


def test_no_exemption_named_when_no_return_would_be_needed_seed_002():
    record = run(problem="counterfeit", remedy="refund_only")
    assert record["remedy"]["return_exemption"] is None and record["remedy"]["return_required"] is False


# ---------------------------------------------------------------- SEA refund without return (002)

SEA_MY = {"region": "MY", "case_id": "TTS-MY-0001", "order.cross_border": True, "order.currency": "MYR",
          "order.total_paid": "45.00", "order.shipping_fee": "0.00", "claim.amount": "45.00",
          "order.placed_at": "2025-02-20T18:00:00+08:00"}


def test_sea_qualifies_cross_border_my_in_range_seed_002():
    """SEA refund without return (seed 002): MY cross-border order after 2025-01-08 within the range."""
    record = run(SEA_MY, amount="45.00")
    assert record["sea_refund_without_return"] is True
    assert record["policy"]["id"] == "tiktok_shop.MY"
    assert record["remedy"]["return_required"] is False
    assert record["remedy"]["return_exemption"] == "sea_refund_without_return"


@pytest.mark.parametrize("change", [
    {"order.cross_border": False},
    {"order.placed_at": "2025-01-07T23:59:59+08:00"},  # the day before, local time
    {"order.placed_at": "2025-01-07T16:30:00+00:00"},  # 2025-01-08 00:30 in Kuala Lumpur: qualifies
    {"order.total_paid": "100.01", "claim.amount": "100.01"},
    {"order.currency": "USD"},
])
def test_sea_qualification_conditions_seed_002(change):
    case = make_case({**SEA_MY, **change})
    expected = change.get("order.placed_at") == "2025-01-07T16:30:00+00:00"
    assert sea_qualifies(case, policy_of(case)) is expected


def test_sea_start_date_on_the_day_qualifies_seed_002():
    case = make_case({**SEA_MY, "order.placed_at": "2025-01-08T00:00:00+08:00"})
    assert sea_qualifies(case, policy_of(case)) is True


def test_sea_range_bounds_inclusive_and_from_policy_seed_002():
    case = make_case({**SEA_MY, "order.total_paid": "100.00", "claim.amount": "100.00"})
    assert sea_qualifies(case, policy_of(case)) is True
    narrow = custom_policy("tiktok_shop", "MY", sea_refund_without_return={"max_amount": "99.99"})
    assert sea_qualifies(case, narrow) is False


def test_sea_not_in_other_regions_seed_002():
    """SEA (seed 002): the policy applies to South-East Asia only; a UK cross-border order never qualifies."""
    case = make_case({"order.cross_border": True})
    assert sea_qualifies(case, policy_of(case)) is False


@pytest.mark.parametrize("region,currency,total", [("TH", "THB", "500.00"), ("VN", "VND", "200000"),
                                                   ("PH", "PHP", "1000.00"), ("SG", "SGD", "20.00"),
                                                   ("ID", "IDR", "150000")])
def test_sea_regions_each_have_a_local_currency_range_seed_002(region, currency, total):
    case = make_case({**SEA_MY, "region": region, "order.currency": currency, "order.total_paid": total,
                      "claim.amount": total})
    policy = policy_of(case)
    assert policy.id == f"tiktok_shop.{region}" and policy.sea.currency == currency
    assert sea_qualifies(case, policy) is True


def test_sea_not_for_douyin_seed_002():
    case = make_case({**SEA_MY, "platform": "douyin"})
    assert sea_qualifies(case, policy_of(case)) is False


# ---------------------------------------------------------------- liability (002)

EXPECTED_LIABILITY = {"wrong_item": "seller", "counterfeit": "seller", "not_as_described": "seller",
                      "missing_parts": "seller", "serious_quality": "seller", "minor_quality": "shared",
                      "lost": "carrier", "damaged": "carrier", "no_reason_return": "buyer"}


@pytest.mark.parametrize("problem", PROBLEMS)
@pytest.mark.parametrize("douyin", [False, True])
def test_liability_by_problem_seed_002(problem, douyin):
    """Liability for transit risk (seed 002), per checklist.md."""
    record = run(douyin=douyin, problem=problem, remedy="refund_only")
    assert record["liability"] == EXPECTED_LIABILITY[problem]


def test_liability_null_when_seller_favoured_or_declined_seed_002():
    assert run(finding="insufficient", remedy="none", amount=None)["liability"] is None
    assert run({"after_sale.legal_proceedings": True})["liability"] is None


def test_liability_from_policy_table_seed_002():
    case = make_case()
    from tests.domain.conftest import answers
    record = decide(case, custom_policy("tiktok_shop", "UK", liability={"serious_quality": "shared"}), answers())
    assert record["liability"] == "shared"
