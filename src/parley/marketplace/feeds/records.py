"""What a feed says, record by record, independent of its format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from parley.marketplace.catalog import AdjustmentAction, AdjustmentReason, ComponentType


class FeedType(StrEnum):
    ORDER_FULFILLMENT = "POST_ORDER_FULFILLMENT_DATA"
    FLAT_FILE_FULFILLMENT = "POST_FLAT_FILE_FULFILLMENT_DATA"
    PAYMENT_ADJUSTMENT = "POST_PAYMENT_ADJUSTMENT_DATA"
    FLAT_FILE_PAYMENT_ADJUSTMENT = "POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA"

    @property
    def is_flat_file(self) -> bool:
        return "FLAT_FILE" in self.value

    @property
    def is_fulfillment(self) -> bool:
        return "FULFILLMENT" in self.value


@dataclass(frozen=True)
class ShippedItem:
    item_code: str
    quantity: int | None = None
    """None: the whole remaining quantity."""


@dataclass(frozen=True)
class ShipmentRecord:
    message_id: int
    order_id: str
    shipped_at: datetime
    carrier: str
    method: str | None = None
    tracking_number: str | None = None
    items: tuple[ShippedItem, ...] = ()
    """Empty: the whole order shipped."""


@dataclass(frozen=True)
class AdjustedItem:
    item_code: str
    reason: AdjustmentReason
    components: dict[ComponentType, Decimal] = field(default_factory=dict)
    """Amounts, all positive: what the buyer gets back (fees: what the seller keeps)."""
    currency: str | None = None
    quantity_canceled: int = 0
    merchant_adjustment_item_id: str | None = None


@dataclass(frozen=True)
class AdjustmentRecord:
    message_id: int
    order_id: str
    action: AdjustmentAction
    items: tuple[AdjustedItem, ...]


@dataclass(frozen=True)
class RecordError:
    """A record the parser could not read: reported, and the next one is read."""

    message_id: int
    description: str
    order_id: str | None = None


Record = ShipmentRecord | AdjustmentRecord | RecordError


class FeedFormatError(ValueError):
    """The document as a whole cannot be read: not XML, wrong message type, no header row."""
