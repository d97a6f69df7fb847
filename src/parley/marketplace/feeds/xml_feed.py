"""Order feeds in the AmazonEnvelope XML, read one ``Message`` at a time with a hardened parser."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from parley.marketplace.catalog import AdjustmentAction, ComponentType
from parley.marketplace.feeds import fields
from parley.marketplace.feeds.records import (
    AdjustedItem,
    AdjustmentRecord,
    FeedFormatError,
    FeedType,
    Record,
    RecordError,
    ShipmentRecord,
    ShippedItem,
)

MESSAGE_TYPES = {FeedType.ORDER_FULFILLMENT: "OrderFulfillment", FeedType.PAYMENT_ADJUSTMENT: "OrderAdjustment"}


def read(stream: IO[bytes], feed_type: FeedType) -> Iterator[Record]:
    """The feed's records in document order. Raises ``FeedFormatError`` when the document itself is
    unreadable (after yielding whatever came before the damage)."""
    expected = MESSAGE_TYPES[feed_type]
    depth = 0
    root: Element | None = None
    message_type: str | None = None
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth == 1:
                    root = element
                    if element.tag != "AmazonEnvelope":
                        raise FeedFormatError(f"the document is a <{element.tag}>, not an <AmazonEnvelope>")
                continue
            depth -= 1
            if depth == 1 and element.tag == "MessageType":
                message_type = (element.text or "").strip()
                if message_type != expected:
                    raise FeedFormatError(f"MessageType is {message_type!r}; a {feed_type} feed needs {expected!r}")
            elif depth == 1 and element.tag == "Message":
                if message_type is None:
                    raise FeedFormatError("a <Message> comes before <MessageType>")
                yield _message(element, expected)
                if root is not None:
                    root.clear()  # what was read is not kept: a 100,000-message feed streams
    except (ParseError, DefusedXmlException) as error:
        raise FeedFormatError(f"not well-formed or not allowed XML: {error}") from None
    if root is None:
        raise FeedFormatError("the document is empty")
    if message_type is None:
        raise FeedFormatError("the envelope has no <MessageType>")


def _message(element: Element, body_tag: str) -> Record:
    raw_id = _text(element, "MessageID")
    message_id = int(raw_id) if raw_id and raw_id.isdigit() and len(raw_id) <= 20 else 0
    body = element.find(body_tag)
    if message_id == 0:
        return RecordError(0, f"MessageID {raw_id!r} is not a positive number")
    if body is None:
        return RecordError(message_id, f"the message has no <{body_tag}>")
    order_id = _text(body, "AmazonOrderID")
    try:
        if body_tag == "OrderFulfillment":
            return _fulfillment(message_id, body)
        return _adjustment(message_id, body)
    except fields.FieldError as error:
        return RecordError(message_id, str(error), order_id)


def _text(element: Element, path: str) -> str | None:
    found = element.find(path)
    return None if found is None or found.text is None else found.text.strip()


def _fulfillment(message_id: int, body: Element) -> ShipmentRecord:
    if body.find("MerchantOrderID") is not None and body.find("AmazonOrderID") is None:
        raise fields.FieldError("MerchantOrderID is not supported: give the AmazonOrderID")
    data = body.find("FulfillmentData")
    carrier = None
    if data is not None:
        carrier = _text(data, "CarrierCode") or _text(data, "CarrierName")
    items = []
    for item in body.findall("Item"):
        quantity = _text(item, "Quantity")
        items.append(
            ShippedItem(
                fields.item_code(_text(item, "AmazonOrderItemCode")),
                fields.positive_int(quantity, "Quantity") if quantity is not None else None,
            )
        )
    return ShipmentRecord(
        message_id=message_id,
        order_id=fields.order_id(_text(body, "AmazonOrderID")),
        shipped_at=fields.timestamp(_text(body, "FulfillmentDate"), "FulfillmentDate"),
        carrier=str(fields.text(carrier, "CarrierCode or CarrierName", 50)),
        method=fields.text(
            _text(data, "ShippingMethod") if data is not None else None, "ShippingMethod", 80, required=False
        ),
        tracking_number=fields.text(
            _text(data, "ShipperTrackingNumber") if data is not None else None,
            "ShipperTrackingNumber",
            60,
            required=False,
        ),
        items=tuple(items),
    )


def _adjustment(message_id: int, body: Element) -> AdjustmentRecord:
    action_text = _text(body, "ActionType") or "Refund"
    try:
        action = AdjustmentAction(action_text)
    except ValueError:
        raise fields.FieldError(f"ActionType {action_text!r} is not Refund or Cancel") from None
    items = [_adjusted_item(item) for item in body.findall("AdjustedItem")]
    if not items:
        raise fields.FieldError("an OrderAdjustment needs at least one AdjustedItem")
    return AdjustmentRecord(message_id, fields.order_id(_text(body, "AmazonOrderID")), action, tuple(items))


def _adjusted_item(item: Element) -> AdjustedItem:
    components: dict[ComponentType, Decimal] = {}
    currency = None
    for component in item.findall("ItemPriceAdjustments/Component"):
        kind = fields.component_type(_text(component, "Type"))
        amount = component.find("Amount")
        if amount is None or not (amount.text or "").strip():
            raise fields.FieldError(f"component {kind} has no Amount")
        this_currency = (amount.get("currency") or "").strip().upper() or None
        if currency and this_currency and this_currency != currency:
            raise fields.FieldError(f"components in both {currency} and {this_currency}")
        currency = currency or this_currency
        components[kind] = components.get(kind, Decimal(0)) + fields.amount(amount.text, f"{kind} amount")
    canceled = _text(item, "QuantityCancelled")
    return AdjustedItem(
        item_code=fields.item_code(_text(item, "AmazonOrderItemCode")),
        reason=fields.reason(_text(item, "AdjustmentReason")),
        components=components,
        currency=currency,
        quantity_canceled=fields.positive_int(canceled, "QuantityCancelled") if canceled is not None else 0,
        merchant_adjustment_item_id=fields.text(
            _text(item, "MerchantAdjustmentItemID"), "MerchantAdjustmentItemID", 50, required=False
        ),
    )
