"""Masking of personal data in every document that leaves the workstation (notice, exports).

Pure functions, no I/O. Each keeps just enough for the parties to recognise their own data and nothing that
identifies them to anyone else:

- ``mask_phone("13812345678") == "138****5678"``; ``mask_phone("+44 7700 900123") == "+44 770****0123"``
  (country code and the first three national digits, then four stars, then the last four digits);
- ``mask_email("alice@example.com") == "a****@example.com"``;
- ``mask_address("12 Example Road, London N1 2AB") == "**** London N1 ****"`` (locality and the outward
  postcode district only); ``mask_address("广东省深圳市南山区科技园路1号") == "广东省****"`` (the first
  administrative unit only); ``mask_address("99/12 ซอยสุขุมวิท 24 ... กรุงเทพฯ 10110") == "**** กรุงเทพฯ
  10****"`` (a Thai address: the province and the postcode's first two digits);
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
_THAI = re.compile(r"[\u0e00-\u0e7f]")
# The last two words of a Thai address: a province without digits, then a five-digit postcode.
_THAI_TAIL = re.compile(r"(?:^|\s)([^\s\d]+)\s+(\d{5})$")
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
        # A Thai address is written without commas and ends in its province and postcode
        # ("... เขตคลองเตย กรุงเทพฯ 10110"): the province and the postcode's first two digits survive.
        thai = _THAI_TAIL.search(text) if _THAI.search(text) else None
        if thai:
            return f"{MASK} {thai.group(1)} {thai.group(2)[:2]}{MASK}"
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


# --------------------------------------------------------------------------------- addresses in free text

_CN_LOWER_UNIT = re.compile(r"(?:自治区|特别行政区|省|市|区|县|旗|镇|乡|街道)")


def address_fragments(address: str | None) -> list[str]:
    """The pieces of a party's address that give away where they live, longest first, for finding them in
    free text (the rationale, the buyer's words, captions): the whole address; its street line (the first
    comma- or line-separated part) and every part holding a number (house number, postcode); for an
    address without separators, its first half of words (and each of them that is not ASCII: in Thai a
    space separates phrases, not words) and every word holding a number; for a Chinese
    address, what follows its first administrative unit and what follows its last (the street and number).
    Parts shorter than four characters (``12``, ``UK``) are left out: they would hide ordinary words."""
    if not address or not address.strip():
        return []
    text = " ".join(address.split())
    pieces = {text}
    if _CJK.search(text):
        first = _CN_UNIT.match(text)
        if first and len(text) - first.end() >= 3:
            pieces.add(text[first.end():].strip())
        last = None
        for last in _CN_LOWER_UNIT.finditer(text):
            pass
        if last is not None and len(text) - last.end() >= 3:
            pieces.add(text[last.end():].strip())
    parts = [p.strip() for p in re.split(r"[,;\n，；、]", address) if p.strip()]
    parts = [" ".join(p.split()) for p in parts]
    if len(parts) > 1:
        pieces.add(parts[0])
        pieces.update(p for p in parts if re.search(r"\d", p))
    else:
        words = text.split(" ")
        if len(words) > 1:
            street = words[:max(1, len(words) // 2)]
            pieces.add(" ".join(street))
            # in scripts written without spaces between words (Thai), a word is a phrase: a street name
            pieces.update(w for w in street if not w.isascii())
        pieces.update(w for w in words if re.search(r"\d", w))
    return sorted((p for p in pieces if len(p) >= 4), key=lambda p: (-len(p), p))


def mask_addresses_in_text(text: str | None, addresses) -> str | None:
    """``text`` with every fragment (:func:`address_fragments`) of the given addresses replaced: a whole
    address by its :func:`mask_address` form, any other piece by ``****``. Matching ignores letter case and
    how the whitespace is written."""
    if not text:
        return text
    found: list[tuple[str, str]] = []
    for address in addresses:
        if not address:
            continue
        whole = " ".join(address.split())
        for piece in address_fragments(address):
            found.append((piece, mask_address(address) if piece == whole else MASK))
    for piece, masked in sorted(found, key=lambda pair: -len(pair[0])):
        words = [re.escape(w) for w in piece.split(" ")]
        # a piece ending or starting in a Latin letter or digit must not match inside a longer word or
        # number (Chinese and Thai are written without spaces: there, no such edge is required)
        head = r"(?<![A-Za-z0-9])" if piece[0].isascii() and piece[0].isalnum() else ""
        tail = r"(?![A-Za-z0-9])" if piece[-1].isascii() and piece[-1].isalnum() else ""
        pattern = re.compile(head + r"\s+".join(words) + tail, re.IGNORECASE)
        text = pattern.sub(lambda m, masked=masked: masked, text)
    return text
