"""Marketplace order IDs: 17 digits shown 3-7-7 (``203-1234567-1234567``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.policy.parts import Span

ORDER_ID = re.compile(r"(?<![\d-])(\d{3})[-‐‑–—\s]?(\d{7})[-‐‑–—\s]?(\d{7})(?![\d-])")


@dataclass(frozen=True, slots=True)
class OrderIdMatch:
    span: Span
    order_id: str
    """Normalised to ``ddd-ddddddd-ddddddd``."""


def normalise(value: str) -> str | None:
    match = ORDER_ID.fullmatch(value.strip())
    return "-".join(match.groups()) if match else None


def find(text: str) -> list[OrderIdMatch]:
    return [OrderIdMatch(m.span(), "-".join(m.groups())) for m in ORDER_ID.finditer(text)]
