"""Masking of personal data in every document that leaves the workstation (notice, exports).

Pure functions, no I/O. Each keeps just enough for the parties to recognise their own data and nothing that
identifies them to anyone else:

- ``mask_phone("13812345678") == "138****5678"``; ``mask_phone("+44 7700 900123") == "+44 770****0123"``
  (country code and the first three national digits, then four stars, then the last four digits);
- ``mask_email("alice@example.com") == "a****@example.com"``;
- ``mask_address("12 Example Road, London N1 2AB") == "**** London N1 ****"`` (locality and the outward
  postcode district only); ``mask_address("广东省深圳市南山区科技园路1号") == "广东省****"`` (the first
  administrative unit only);
- ``mask_name("Alice Walker") == "A****"``, ``mask_name("张小明") == "张**"``.

``None`` and empty strings come back unchanged (``None`` / ``""``). The masks never reveal the length of what
they hide (always four stars for Latin text).
"""
from __future__ import annotations

import re

MASK = "****"

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# The first Chinese administrative unit: a province, an autonomous region, a municipality or a SAR, or, when
# the address starts lower down, a city / prefecture / league.
_CN_UNIT = re.compile(
    r"^\s*(?:中国|中华人民共和国)?\s*("
    r"[\u4e00-\u9fff]{2,3}?(?:特别行政区)"
    r"|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区"
    r"|[\u4e00-\u9fff]{2,3}?省"
    r"|(?:北京|上海|天津|重庆)市?"
    r"|[\u4e00-\u9fff]{2,4}?(?:自治州|地区|盟|市)"
    r")")
# A UK postcode (outward code kept, inward code hidden) and generic postcodes.
_UK_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def mask_phone(phone: str | None) -> str | None:
    """Keep the country code (when written with ``+``), the first three digits of the number and the last
    four; everything between becomes ``****``. Short numbers keep only their last two digits."""
    if not phone:
        return phone
    text = phone.strip()
    country = ""
    rest = text
    if text.startswith("+") or text.startswith("00"):
        # "+44 7700 900123", "+86-138...", "0044 ..." : the country code is the first digit group
        body = text[1:] if text.startswith("+") else text[2:]
        match = re.match(r"\s*\(?(\d{1,3})\)?[\s\-.]*(.*)$", body)
        if match and match.group(2):
            country = "+" + match.group(1) + " "
            rest = match.group(2)
    digits = _digits(rest)
    if len(digits) >= 9:
        return f"{country}{digits[:3]}{MASK}{digits[-4:]}"
    if len(digits) >= 5:
        return f"{country}{MASK}{digits[-2:]}"
    return f"{country}{MASK}"


def mask_email(email: str | None) -> str | None:
    """First character of the local part, ``****``, then the domain unchanged."""
    if not email:
        return email
    text = email.strip()
    local, sep, domain = text.rpartition("@")
    if not sep or not local:
        return MASK
    return f"{local[0]}{MASK}@{domain}"


def mask_address(address: str | None) -> str | None:
    """Only the coarse locality survives: for a Chinese address its first administrative unit (province,
    region, municipality), for a Western one the town and the outward postcode district; the street, house
    number and inward postcode never do."""
    if not address:
        return address
    text = " ".join(address.split())
    if _CJK.search(text):
        match = _CN_UNIT.match(text)
        if match:
            return match.group(1) + MASK
        return MASK
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) <= 1:
        return MASK
    # The locality is the last comma-separated part; when that is only a postcode or only a country, the
    # part before it joins it unless that part is a street (starts with a house number).
    locality = [parts[-1]]
    last_is_postcode = bool(re.fullmatch(r"[A-Z0-9]{2,4}\s*[A-Z0-9]{0,4}", parts[-1], re.IGNORECASE)) \
        and bool(re.search(r"\d", parts[-1]))
    last_is_country = not re.search(r"\d", parts[-1])
    # "OR 97205", "NY 10001-1234", "75008": codes only (a region abbreviation and/or a postcode)
    last_is_codes = all(re.fullmatch(r"[\d\-]+|[A-Za-z]{1,3}", token) for token in parts[-1].split())
    if len(parts) >= 2 and (last_is_postcode or last_is_country or last_is_codes) \
            and not re.match(r"^\d{1,4}[A-Za-z]?\s", parts[-2]):
        locality.insert(0, parts[-2])
    shown = ", ".join(locality)
    masked = _UK_POSTCODE.sub(lambda m: m.group(1).upper() + " " + MASK, shown)
    if masked == shown:
        # other postcodes (four or more digits) keep their first two digits only
        masked = re.sub(r"\b(\d{2})\d{2,}\b", lambda m: m.group(1) + MASK, shown)
    # any remaining house-number-like digits go too
    masked = re.sub(r"(?<![\w*])\d+[A-Za-z]?\b(?![*])", MASK, masked) if re.match(r"^\d", masked) else masked
    return f"{MASK} {masked}"


def mask_name(name: str | None) -> str | None:
    """First character, then stars: ``****`` for Latin names, one star per hidden character for Chinese
    names (the way Chinese platforms show them, ``张**``)."""
    if not name:
        return name
    text = name.strip()
    if _CJK.match(text):
        return text[0] + "*" * max(1, len(text) - 1)
    return text[0] + MASK
