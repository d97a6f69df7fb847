"""Amounts in minor units, parsed from and shown as decimal text."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from babel.numbers import format_currency

from parley.marketplace.catalog import CURRENCY_EXPONENTS


class AmountError(ValueError):
    """Text that is not an amount of money in the given currency."""


def exponent(currency: str) -> int:
    return CURRENCY_EXPONENTS.get(currency.upper(), 2)


def to_minor(text: str | Decimal | int, currency: str) -> int:
    """``"12.50"`` EUR → 1250; ``"1200"`` JPY → 1200. More decimals than the currency has is an error."""
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise AmountError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise AmountError(f"{text!r} is not a finite amount")
    scaled = value.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise AmountError(f"{text!r} has more decimals than {currency} allows")
    if abs(scaled) >= 10**15:
        raise AmountError(f"{text!r} is too large")
    return int(scaled.to_integral_value(ROUND_HALF_EVEN))


def to_decimal(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-exponent(currency))


def display(minor: int, currency: str, language: str) -> str:
    """``12,50 €`` for German readers, ``€12.50`` for English ones."""
    return format_currency(to_decimal(minor, currency), currency, locale=language.replace("-", "_"))
