"""Writing order feeds as AmazonEnvelope XML: what the demo and the feed benchmark submit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from xml.sax.saxutils import escape


def envelope_head(merchant_id: str, message_type: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>'
        f"<MerchantIdentifier>{escape(merchant_id)}</MerchantIdentifier></Header>"
        f"<MessageType>{escape(message_type)}</MessageType>\n"
    )


ENVELOPE_TAIL = "</AmazonEnvelope>\n"


def envelope(merchant_id: str, message_type: str, messages: Iterable[str]) -> bytes:
    return (envelope_head(merchant_id, message_type) + "".join(messages) + ENVELOPE_TAIL).encode()


def fulfillment_message(
    message_id: int,
    order_id: str,
    shipped_at: datetime,
    carrier: str,
    *,
    tracking: str | None = None,
    method: str | None = None,
    items: Sequence[str] = (),
) -> str:
    """One OrderFulfillment message; ``items`` are the item codes shipped (none: the whole order)."""
    data = f"<CarrierName>{escape(carrier)}</CarrierName>"
    if method:
        data += f"<ShippingMethod>{escape(method)}</ShippingMethod>"
    if tracking:
        data += f"<ShipperTrackingNumber>{escape(tracking)}</ShipperTrackingNumber>"
    shipped = "".join(f"<Item><AmazonOrderItemCode>{escape(code)}</AmazonOrderItemCode></Item>" for code in items)
    return (
        f"<Message><MessageID>{message_id}</MessageID><OrderFulfillment><AmazonOrderID>{escape(order_id)}"
        f"</AmazonOrderID><FulfillmentDate>{shipped_at.isoformat()}</FulfillmentDate>"
        f"<FulfillmentData>{data}</FulfillmentData>{shipped}</OrderFulfillment></Message>\n"
    )


def adjustment_message(message_id: int, order_id: str, action: str, items: Sequence[tuple[str, str]]) -> str:
    """One OrderAdjustment message without amounts (a cancellation): ``items`` are (item code, reason)."""
    adjusted = "".join(
        f"<AdjustedItem><AmazonOrderItemCode>{escape(code)}</AmazonOrderItemCode>"
        f"<AdjustmentReason>{escape(reason)}</AdjustmentReason></AdjustedItem>"
        for code, reason in items
    )
    return (
        f"<Message><MessageID>{message_id}</MessageID><OrderAdjustment><AmazonOrderID>{escape(order_id)}"
        f"</AmazonOrderID><ActionType>{escape(action)}</ActionType>{adjusted}</OrderAdjustment></Message>\n"
    )
