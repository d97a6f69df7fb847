"""Order feeds as tab-delimited flat files (UTF-8, a header row of the documented column names).

Rows are read one at a time. Consecutive fulfillment rows of one order with the same ship date,
carrier and tracking number are one package, so one shipment record; every adjustment row is a
record of its own. A record's message ID is the line number of its first row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import IO

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

FULFILLMENT_COLUMNS = (
    "order-id",
    "order-item-id",
    "quantity",
    "ship-date",
    "carrier-code",
    "carrier-name",
    "tracking-number",
    "ship-method",
)
FULFILLMENT_REQUIRED = ("order-id", "ship-date")
ADJUSTMENT_REQUIRED = ("order-id", "order-item-id", "adjustment-reason-code")
# Flat-file amount columns and the component each one adjusts.
ADJUSTMENT_AMOUNTS = {
    "item-price-adj": ComponentType.PRINCIPAL,
    "item-tax-adj": ComponentType.TAX,
    "shipping-price-adj": ComponentType.SHIPPING,
    "shipping-tax-adj": ComponentType.SHIPPING_TAX,
    "gift-wrap-price-adj": ComponentType.GIFT_WRAP,
    "gift-wrap-tax-adj": ComponentType.GIFT_WRAP_TAX,
}
MAX_FIELD = 4096


def read(stream: IO[bytes], feed_type: FeedType) -> Iterator[Record]:
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="strict", newline="")
    rows = _rows(text)
    try:
        _header_line, header = next(rows)
    except StopIteration:
        raise FeedFormatError("the file is empty: it needs a header row") from None
    columns = [name.strip().lower().lstrip("\ufeff") for name in header]
    required = FULFILLMENT_REQUIRED if feed_type.is_fulfillment else ADJUSTMENT_REQUIRED
    if missing := [name for name in required if name not in columns]:
        raise FeedFormatError(f"the header row lacks the column(s) {', '.join(missing)}")
    records = (_as_dict(line, columns, row) for line, row in rows)
    if feed_type.is_fulfillment:
        yield from _fulfillments(records)
    else:
        for line, row in records:
            yield _adjustment(line, row) if isinstance(row, dict) else RecordError(line, row)


def _rows(text: IO[str]) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
    try:
        for row in reader:
            if row and any(cell.strip() for cell in row):
                yield reader.line_num, row
    except UnicodeDecodeError as error:
        raise FeedFormatError(f"the file is not UTF-8 text (byte {error.start}: {error.reason})") from None
    except csv.Error as error:
        raise FeedFormatError(f"line {reader.line_num}: {error}") from None


def _as_dict(line: int, columns: list[str], row: list[str]) -> tuple[int, dict[str, str] | str]:
    if len(row) > len(columns):
        return line, f"line {line} has {len(row)} fields but the header names {len(columns)}"
    if any(len(cell) > MAX_FIELD for cell in row):
        return line, f"line {line} has a field longer than {MAX_FIELD} characters"
    return line, dict(zip(columns, (cell.strip() for cell in row), strict=False))


def _package_key(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(
        row.get(name, "") for name in ("order-id", "ship-date", "carrier-code", "carrier-name", "tracking-number")
    )


def _fulfillments(records: Iterator[tuple[int, dict[str, str] | str]]) -> Iterator[Record]:
    group: list[tuple[int, dict[str, str]]] = []
    for line, row in records:
        if not isinstance(row, dict):
            if group:
                yield _shipment(group)
                group = []
            yield RecordError(line, row)
            continue
        if group and _package_key(group[0][1]) != _package_key(row):
            yield _shipment(group)
            group = []
        group.append((line, row))
    if group:
        yield _shipment(group)


def _shipment(group: list[tuple[int, dict[str, str]]]) -> Record:
    line, first = group[0]
    try:
        items = []
        for _line, row in group:
            if row.get("order-item-id"):
                quantity = row.get("quantity")
                items.append(
                    ShippedItem(
                        fields.item_code(row["order-item-id"]),
                        fields.positive_int(quantity, "quantity") if quantity else None,
                    )
                )
        if items and len(items) != len(group):
            raise fields.FieldError("some rows of this package name an order-item-id and some do not")
        carrier = first.get("carrier-code") or first.get("carrier-name")
        return ShipmentRecord(
            message_id=line,
            order_id=fields.order_id(first.get("order-id")),
            shipped_at=fields.timestamp(first.get("ship-date"), "ship-date"),
            carrier=str(fields.text(carrier, "carrier-code or carrier-name", 50)),
            method=fields.text(first.get("ship-method"), "ship-method", 80, required=False),
            tracking_number=fields.text(first.get("tracking-number"), "tracking-number", 60, required=False),
            items=tuple(items),
        )
    except fields.FieldError as error:
        return RecordError(line, str(error), first.get("order-id"))


def _adjustment(line: int, row: dict[str, str]) -> Record:
    try:
        components: dict[ComponentType, Decimal] = {}
        for column, kind in ADJUSTMENT_AMOUNTS.items():
            if row.get(column):
                components[kind] = fields.amount(row[column], column)
        canceled = row.get("quantity-cancelled")
        currency = (row.get("currency") or "").upper() or None
        action = AdjustmentAction.CANCEL if canceled and not any(components.values()) else AdjustmentAction.REFUND
        item = AdjustedItem(
            item_code=fields.item_code(row.get("order-item-id")),
            reason=fields.reason(row.get("adjustment-reason-code")),
            components=components,
            currency=currency,
            quantity_canceled=fields.positive_int(canceled, "quantity-cancelled") if canceled else 0,
        )
        return AdjustmentRecord(line, fields.order_id(row.get("order-id")), action, (item,))
    except fields.FieldError as error:
        return RecordError(line, str(error), row.get("order-id"))
