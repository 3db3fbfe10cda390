"""Money is an integer count of minor units plus an ISO-4217 currency; never a float."""

from __future__ import annotations

# Minor-unit exponents of the currencies merchants have asked for so far.
CURRENCY_EXPONENTS: dict[str, int] = {
    "CNY": 2, "HKD": 2, "TWD": 2, "USD": 2, "EUR": 2, "GBP": 2, "CAD": 2, "AUD": 2,
    "SGD": 2, "MYR": 2, "THB": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2, "NZD": 2,
    "JPY": 0, "KRW": 0, "VND": 0,
}  # fmt: skip


def is_currency(code: str) -> bool:
    return code in CURRENCY_EXPONENTS


def format_amount(minor: int, currency: str) -> str:
    """Human form for messages, e.g. 123456 CNY -> '1234.56 CNY'."""
    exponent = CURRENCY_EXPONENTS[currency]
    if exponent == 0:
        return f"{minor} {currency}"
    sign = "-" if minor < 0 else ""
    units, cents = divmod(abs(minor), 10**exponent)
    return f"{sign}{units}.{cents:0{exponent}d} {currency}"


def major_to_minor(major_units: int, currency: str) -> int:
    return major_units * 10 ** CURRENCY_EXPONENTS[currency]
