"""Masking of personal data (arbiter.domain.masking): what survives is coarse, what is hidden never leaks."""
from __future__ import annotations

import pytest

from arbiter.domain.masking import mask_address, mask_email, mask_name, mask_phone


@pytest.mark.parametrize("phone, masked", [
    ("13812345678", "138****5678"),
    ("138 1234 5678", "138****5678"),
    ("+86 138 1234 5678", "+86 138****5678"),
    ("+44 7700 900123", "+44 770****0123"),
    ("+44 20 7946 0000", "+44 207****0000"),
    ("+60 12-345 6789", "+60 123****6789"),
    ("0044 7700 900123", "+44 770****0123"),
    ("020 7946 0000", "020****0000"),
    ("12345", "****45"),
    ("123", "****"),
])
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


def test_mask_phone_never_shows_the_middle():
    for phone in ("13812345678", "+44 7700 900123", "+1 (415) 555-0134"):
        masked = mask_phone(phone)
        digits = "".join(ch for ch in phone if ch.isdigit())
        assert digits not in "".join(ch for ch in masked if ch.isdigit())
        assert "****" in masked


@pytest.mark.parametrize("email, masked", [
    ("alice@example.com", "a****@example.com"),
    ("support@homegoods.example", "s****@homegoods.example"),
    ("x@y.cn", "x****@y.cn"),
    ("not-an-email", "****"),
    ("@example.com", "****"),
])
def test_mask_email(email, masked):
    assert mask_email(email) == masked


@pytest.mark.parametrize("address, masked", [
    ("12 Example Road, London N1 2AB", "**** London N1 ****"),
    ("Flat 3, 12 Road, Manchester, M1 1AA", "**** Manchester, M1 ****"),
    ("12 Example Road, London, UK", "**** London, UK"),
    ("1200 Example Ave, Portland, OR 97205", "**** Portland, OR 97****"),
    ("广东省深圳市南山区科技园路1号3栋502室", "广东省****"),
    ("北京市朝阳区建国路88号", "北京市****"),
    ("上海市浦东新区世纪大道100号", "上海市****"),
    ("新疆维吾尔自治区乌鲁木齐市天山区", "新疆维吾尔自治区****"),
    ("香港特别行政区九龙弥敦道1号", "香港特别行政区****"),
    ("杭州市西湖区文三路", "杭州市****"),
    ("somewhere without commas 12", "****"),
    # a Thai address (sample tts-th-scarf-thai): province and postcode district, never street or soi
    ("99/12 ซอยสุขุมวิท 24 แขวงคลองตัน เขตคลองเตย กรุงเทพฯ 10110", "**** กรุงเทพฯ 10****"),
    ("55 หมู่ 3 ตำบลสุเทพ อำเภอเมือง จ.เชียงใหม่ 50200", "**** จ.เชียงใหม่ 50****"),
    ("ซอยสุขุมวิท 24 แขวงคลองตัน", "****"),
])
def test_mask_address(address, masked):
    assert mask_address(address) == masked


@pytest.mark.parametrize("address, secret", [
    ("12 Example Road, London N1 2AB", "12 Example"),
    ("12 Example Road, London N1 2AB", "2AB"),
    ("广东省深圳市南山区科技园路1号", "深圳"),
    ("Jalan Ampang 50, 50450 Kuala Lumpur, Malaysia", "50450"),
    ("99/12 ซอยสุขุมวิท 24 แขวงคลองตัน เขตคลองเตย กรุงเทพฯ 10110", "ซอยสุขุมวิท"),
    ("99/12 ซอยสุขุมวิท 24 แขวงคลองตัน เขตคลองเตย กรุงเทพฯ 10110", "10110"),
])
def test_mask_address_hides_street_and_house(address, secret):
    assert secret not in mask_address(address)


def test_mask_name():
    assert mask_name("张小明") == "张**"
    assert mask_name("Alice Walker") == "A****"


@pytest.mark.parametrize("fn", [mask_phone, mask_email, mask_address, mask_name])
def test_empty_values_pass_through(fn):
    assert fn(None) is None
    assert fn("") == ""
