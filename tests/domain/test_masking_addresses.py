"""Addresses the parties gave are masked in free text too: whole, or only their street line, house number or
postcode (issue 9: a street address typed into the rationale printed unmasked)."""
from __future__ import annotations

import pytest

from arbiter.domain.masking import MASK, address_fragments, mask_address, mask_addresses_in_text

UK = "12 Example Road, London N1 2AB"
CN = "广东省深圳市南山区科技园路1号"
TH = "99/12 ถนนเจริญกรุง แขวงบางรัก เขตบางรัก กรุงเทพฯ 10500"
MY = "Jalan Ampang 25, 50450 Kuala Lumpur"


def test_fragments():
    assert address_fragments(UK) == [UK, "12 Example Road", "London N1 2AB"]
    assert address_fragments(CN) == [CN, "深圳市南山区科技园路1号", "科技园路1号"]
    assert "ถนนเจริญกรุง" in address_fragments(TH) and "10500" in address_fragments(TH)
    assert "Jalan Ampang 25" in address_fragments(MY)
    assert address_fragments(None) == [] and address_fragments("  ") == []
    assert all(len(p) >= 4 for a in (UK, CN, TH, MY) for p in address_fragments(a))


@pytest.mark.parametrize("address, text, gone", [
    (UK, "The parcel was left at 12 Example Road by the courier.", "12 Example Road"),
    (UK, "left at 12  EXAMPLE road, london n1 2ab", "Example"),
    (UK, "Whole: 12 Example Road, London N1 2AB.", "Example Road"),
    (CN, "快递放在科技园路1号门口", "科技园路1号"),
    (CN, "地址广东省深圳市南山区科技园路1号无误", "科技园路"),
    (TH, "ส่งไปที่ ถนนเจริญกรุง แล้ว", "เจริญกรุง"),
    (MY, "dihantar ke Jalan Ampang 25 semalam", "Ampang 25"),
])
def test_address_in_free_text_is_masked(address, text, gone):
    masked = mask_addresses_in_text(text, [address])
    assert gone.lower() not in masked.lower(), masked
    assert MASK in masked


def test_whole_address_keeps_its_masked_locality():
    assert mask_addresses_in_text(f"at {UK}.", [UK]) == f"at {mask_address(UK)}."


def test_ordinary_words_and_numbers_stay():
    text = "Order 112 Example Roads were fine; E12 shows the crack; London is large."
    assert mask_addresses_in_text(text, [UK]) == text
    assert mask_addresses_in_text(None, [UK]) is None
    assert mask_addresses_in_text("anything", [None, ""]) == "anything"
