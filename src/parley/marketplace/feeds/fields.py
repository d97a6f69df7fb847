"""Reading and validating single feed fields."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from parley.marketplace.catalog import AdjustmentReason, ComponentType

ORDER_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")
ITEM_CODE = re.compile(r"^\d{14}$")


class FieldError(ValueError):
    """One field with a value the feed format does not allow."""


def order_id(value: str | None) -> str:
    value = (value or "").strip()
    if not ORDER_ID.match(value):
        raise FieldError(f"order ID {value!r} is not 17 digits in the form 123-1234567-1234567")
    return value


def item_code(value: str | None) -> str:
    value = (value or "").strip()
    if not ITEM_CODE.match(value):
        raise FieldError(f"order item code {value!r} is not 14 digits")
    return value


def timestamp(value: str | None, name: str) -> datetime:
    """An ISO 8601 date-time (``2026-05-04T10:00:00+02:00``; no zone means UTC) or a date."""
    text = (value or "").strip()
    if not text:
        raise FieldError(f"{name} is missing")
    try:
        if len(text) == 10:
            parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError(f"{name} {text!r} is not an ISO 8601 date or date-time") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def positive_int(value: str | None, name: str) -> int:
    text = (value or "").strip()
    if not text.isdigit() or int(text) < 1 or len(text) > 9:
        raise FieldError(f"{name} {text!r} is not a positive whole number")
    return int(text)


def reason(value: str | None) -> AdjustmentReason:
    text = (value or "").strip()
    try:
        return AdjustmentReason(text)
    except ValueError:
        raise FieldError(
            f"adjustment reason {text!r} is not one of: {', '.join(r.value for r in AdjustmentReason)}"
        ) from None


def component_type(value: str | None) -> ComponentType:
    text = (value or "").strip()
    try:
        return ComponentType(text)
    except ValueError:
        raise FieldError(
            f"component type {text!r} is not one of: {', '.join(c.value for c in ComponentType)}"
        ) from None


def text(value: str | None, name: str, limit: int, *, required: bool = True) -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise FieldError(f"{name} is missing")
        return None
    if len(cleaned) > limit:
        raise FieldError(f"{name} is longer than {limit} characters")
    return cleaned


def amount(value: str | None, name: str) -> Decimal:
    """A decimal amount; its sign is dropped, since schema and practice differ on how refunds are
    signed: the record's kind says which way the money goes."""
    text = (value or "").strip()
    try:
        parsed = Decimal(text)
    except InvalidOperation:
        raise FieldError(f"{name} {text!r} is not a decimal amount") from None
    if not parsed.is_finite() or abs(parsed) >= Decimal(10) ** 13:
        raise FieldError(f"{name} {text!r} is not a usable amount")
    return abs(parsed)
