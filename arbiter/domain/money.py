"""Money without floats: currency minor units (ISO 4217), quantizing, parsing and formatting decimal strings.

Every amount is a :class:`~decimal.Decimal`. A float is refused wherever money enters, because a binary float
cannot hold ``0.10`` exactly.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

#: ISO 4217 minor units for currencies that do not use two decimals. Everything else uses two.
_MINOR_UNITS: dict[str, int] = {
    # zero decimals
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
    "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
    # three decimals
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    # four decimals
    "CLF": 4, "UYW": 4,
}
DEFAULT_MINOR_UNIT = 2

_AMOUNT_RE = re.compile(r"[0-9]{1,15}(\.[0-9]{1,8})?")  # fullmatch: "$" passes "1.00\n"


class MoneyError(ValueError):
    """A money value is malformed; ``str(e)`` is a one-line explanation without a field name."""


def minor_unit(currency: str) -> int:
    """Number of decimals of ``currency`` (ISO 4217), e.g. 2 for GBP, 0 for VND."""
    return _MINOR_UNITS.get(currency.upper(), DEFAULT_MINOR_UNIT)


def _exponent(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_unit(currency))


def decimals_of(amount: Decimal) -> int:
    """How many decimals ``amount`` is written with (``Decimal("1.50")`` -> 2, ``Decimal("3")`` -> 0)."""
    exponent = amount.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def quantize(amount: Decimal, currency: str) -> Decimal:
    """``amount`` at the currency's minor unit (banker's rounding, only ever applied to exact values here)."""
    if isinstance(amount, float):
        raise MoneyError("money must be a Decimal, never a float")
    return Decimal(amount).quantize(_exponent(currency), rounding=ROUND_HALF_EVEN)


def format_amount(amount: Decimal, currency: str) -> str:
    """Decimal string at the currency's minor unit: ``format_amount(Decimal("19.9"), "GBP") == "19.90"``."""
    return format(quantize(amount, currency), "f")


def format_money(amount: Decimal, currency: str) -> str:
    """Human form with the currency code: ``"19.99 GBP"``."""
    return f"{format_amount(amount, currency)} {currency}"


def zero(currency: str) -> str:
    """The zero amount as a decimal string at the currency's minor unit (``"0.00"``, ``"0"``)."""
    return format_amount(Decimal(0), currency)


def parse_amount(value: object, currency: str) -> Decimal:
    """A non-negative decimal string with no more decimals than ``currency`` allows. Raises :class:`MoneyError`."""
    if isinstance(value, bool) or not isinstance(value, str):
        kind = "a number" if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else "not text"
        raise MoneyError(f"must be a decimal string such as \"19.99\", got {kind}")
    text = value.strip()
    if not _AMOUNT_RE.fullmatch(text):
        raise MoneyError(f"{value!r} is not a decimal amount such as \"19.99\"")
    try:
        amount = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex rules this out
        raise MoneyError(f"{value!r} is not a decimal amount") from None
    places = minor_unit(currency)
    if decimals_of(amount) > places:
        raise MoneyError(f"{text} has more decimals than {currency} allows ({places})")
    return amount
