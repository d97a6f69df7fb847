"""Manage Orders: confirm a shipment, cancel, refund, mark delivered.

Feeds and direct calls go through the same functions, which work on an order loaded with its
items and the fingerprints of what was already applied (``LoadedOrder``). A request that was
already applied is reported as a duplicate and changes nothing, so a feed submitted twice is
harmless. Nothing here commits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from parley.marketplace import money, notices
from parley.marketplace.catalog import (
    DEDUCTED_COMPONENTS,
    UNAVAILABLE_REASONS,
    AdjustmentAction,
    AdjustmentReason,
    Channel,
    ComponentType,
    OrderStatus,
)
from parley.marketplace.feeds.records import AdjustedItem, AdjustmentRecord, ShipmentRecord, ShippedItem
from parley.store import orders_repository
from parley.store.bulk import Writes
from parley.store.models import Adjustment, Order, Seller
from parley.store.orders_repository import LoadedOrder

FUTURE_TOLERANCE = timedelta(days=1)


class OrderActionError(ValueError):
    """A request the order's state does not allow; ``code`` is the processing report's message code."""

    def __init__(self, code: int, description: str, item_code: str | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.item_code = item_code


# Message codes of the processing report (Parley's own numbering, documented in docs/feeds.md).
MALFORMED = 5000
ORDER_NOT_FOUND = 5001
UNKNOWN_ITEM = 5002
QUANTITY = 5003
STATUS = 5004
FULFILLED_BY_MARKETPLACE = 5005
REFUND_TOO_LARGE = 5006
CURRENCY = 5007
DUPLICATE = 5008
DATE = 5009
NOTHING_TO_ADJUST = 5010


@dataclass(frozen=True)
class Applied:
    """What a request did: ``duplicate`` when it had been applied before and changed nothing."""

    duplicate: bool = False


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _print(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()


def load(session: Session, seller: Seller, order_id: str) -> LoadedOrder:
    """The seller's order; another seller's order is "not found", never "not yours"."""
    found = orders_repository.load_for_seller(session, seller.id, [order_id]).get(order_id)
    if found is None:
        raise OrderActionError(ORDER_NOT_FOUND, f"order {order_id} was not found")
    return found


def _remaining(loaded: LoadedOrder, code: str) -> int:
    item = loaded.items[code]
    return item.quantity - item.quantity_shipped - item.quantity_canceled


def _event(writes: Writes, order: Order, kind: str, at: datetime, **data: object) -> None:
    writes.events.append({"order_id": order.id, "kind": kind, "occurred_at": at, "data": data})


# --- shipments ------------------------------------------------------------------------------


def apply_shipment(
    session: Session,
    loaded: LoadedOrder,
    record: ShipmentRecord,
    now: datetime,
    feed_id: str | None = None,
    *,
    by_marketplace: bool = False,
    writes: Writes | None = None,
) -> Applied:
    """Confirm a shipment; ``by_marketplace`` is the marketplace's own network shipping an AFN order.

    New rows go to ``writes`` when given (the caller flushes them); otherwise they are written now.
    """
    out = writes or Writes()
    order = loaded.order
    fingerprint = _print(
        record.carrier.lower(),
        record.tracking_number or "",
        record.shipped_at.isoformat(),
        sorted((item.item_code, item.quantity or 0) for item in record.items),
    )
    if fingerprint in loaded.shipment_prints:
        return Applied(duplicate=True)
    if order.channel == Channel.AFN and not by_marketplace:
        raise OrderActionError(
            FULFILLED_BY_MARKETPLACE, f"order {order.amazon_order_id} is fulfilled by the marketplace, which ships it"
        )
    if order.status in (OrderStatus.PENDING, OrderStatus.CANCELED):
        raise OrderActionError(STATUS, f"order {order.amazon_order_id} is {order.status}: it cannot be shipped")
    if record.shipped_at < order.purchase_date or record.shipped_at > now + FUTURE_TOLERANCE:
        raise OrderActionError(
            DATE, f"ship date {record.shipped_at:%Y-%m-%d %H:%M} is before the purchase or in the future"
        )
    wanted = record.items or tuple(ShippedItem(code) for code in loaded.items if _remaining(loaded, code) > 0)
    if not wanted:
        raise OrderActionError(QUANTITY, f"order {order.amazon_order_id} has nothing left to ship")
    quantities: dict[str, int] = {}
    for item in wanted:
        if item.item_code not in loaded.items:
            raise OrderActionError(
                UNKNOWN_ITEM, f"item {item.item_code} is not part of order {order.amazon_order_id}", item.item_code
            )
        left = _remaining(loaded, item.item_code) - quantities.get(item.item_code, 0)
        quantity = item.quantity if item.quantity is not None else left
        if quantity < 1 or quantity > left:
            raise OrderActionError(
                QUANTITY, f"item {item.item_code}: {quantity} to ship but {max(left, 0)} left", item.item_code
            )
        quantities[item.item_code] = quantities.get(item.item_code, 0) + quantity
    shipment = {
        "order_id": order.id,
        "carrier": record.carrier,
        "method": record.method,
        "tracking_number": record.tracking_number,
        "shipped_at": record.shipped_at,
        "confirmed_at": now,
        "fingerprint": fingerprint,
        "feed_id": feed_id,
    }
    shipment_items = []
    for code, quantity in quantities.items():
        order_item = loaded.items[code]
        out.set_shipped(order_item, order_item.quantity_shipped + quantity)
        shipment_items.append({"order_item_id": order_item.id, "quantity": quantity})
    out.shipments.append((shipment, shipment_items))
    loaded.shipment_prints.add(fingerprint)
    everything_shipped = all(_remaining(loaded, code) == 0 for code in loaded.items)
    out.set_status(order, OrderStatus.SHIPPED if everything_shipped else OrderStatus.PARTIALLY_SHIPPED)
    _event(
        out,
        order,
        "shipped",
        record.shipped_at,
        carrier=record.carrier,
        tracking=record.tracking_number,
        items=[{"item_code": code, "quantity": quantity} for code, quantity in quantities.items()],
    )
    out.notices.append(
        notices.notice(
            order,
            "shipped",
            now,
            carrier=record.carrier,
            tracking=record.tracking_number or "",
            items="\n".join(f"{quantity} × {loaded.items[code].title}" for code, quantity in quantities.items()),
        )
    )
    if writes is None:
        out.flush(session)
    return Applied()


def confirm_shipment(
    session: Session,
    seller: Seller,
    order_id: str,
    *,
    carrier: str,
    shipped_at: datetime | None = None,
    tracking_number: str | None = None,
    method: str | None = None,
    items: Sequence[tuple[str, int]] = (),
    now: datetime | None = None,
) -> Applied:
    now = _now(now)
    record = ShipmentRecord(
        message_id=0,
        order_id=order_id,
        shipped_at=shipped_at or now,
        carrier=carrier,
        method=method,
        tracking_number=tracking_number,
        items=tuple(ShippedItem(code, quantity) for code, quantity in items),
    )
    return apply_shipment(session, load(session, seller, order_id), record, now)


# --- adjustments ----------------------------------------------------------------------------


def _minor_components(item: AdjustedItem, currency: str) -> dict[str, int]:
    try:
        return {str(kind): money.to_minor(amount, currency) for kind, amount in item.components.items()}
    except money.AmountError as error:
        raise OrderActionError(CURRENCY, f"item {item.item_code}: {error}", item.item_code) from None


def _refund_amount(components: dict[str, int]) -> int:
    given = sum(amount for kind, amount in components.items() if kind not in DEDUCTED_COMPONENTS)
    kept = sum(amount for kind, amount in components.items() if kind in DEDUCTED_COMPONENTS)
    return given - kept


def apply_adjustment(
    session: Session,
    loaded: LoadedOrder,
    record: AdjustmentRecord,
    now: datetime,
    feed_id: str | None = None,
    *,
    writes: Writes | None = None,
) -> Applied:
    """All items of the record, or none: every item is checked before anything changes."""
    out = writes or Writes()
    order = loaded.order
    if order.status == OrderStatus.PENDING and record.action == AdjustmentAction.REFUND:
        raise OrderActionError(STATUS, f"order {order.amazon_order_id} is Pending: nothing was charged to refund")
    planned: list[tuple[AdjustedItem, dict[str, int], int, str]] = []
    principal_so_far: dict[str, int] = {}
    canceled_so_far: dict[str, int] = {}
    for item in record.items:
        code = item.item_code
        if code not in loaded.items:
            raise OrderActionError(UNKNOWN_ITEM, f"item {code} is not part of order {order.amazon_order_id}", code)
        if item.currency and item.currency != order.currency:
            raise OrderActionError(
                CURRENCY, f"item {code}: amounts in {item.currency}, the order is in {order.currency}", code
            )
        components = _minor_components(item, order.currency)
        fingerprint = _print(
            record.action,
            code,
            item.reason,
            sorted(components.items()),
            item.quantity_canceled,
            item.merchant_adjustment_item_id or "",
        )
        if fingerprint in loaded.adjustment_prints:
            continue
        order_item = loaded.items[code]
        unshipped = _remaining(loaded, code) - canceled_so_far.get(code, 0)
        canceled = item.quantity_canceled
        if record.action == AdjustmentAction.CANCEL and canceled == 0:
            canceled = unshipped
        if canceled > unshipped:
            raise OrderActionError(
                QUANTITY, f"item {code}: {canceled} to cancel but {max(unshipped, 0)} unshipped", code
            )
        principal = components.get(ComponentType.PRINCIPAL, 0) + principal_so_far.get(code, 0)
        if order_item.refunded_minor + principal > order_item.price_minor * order_item.quantity:
            raise OrderActionError(
                REFUND_TOO_LARGE, f"item {code}: refunding more than the {order_item.quantity} unit(s) cost", code
            )
        amount = _refund_amount(components)
        if record.action == AdjustmentAction.REFUND and amount <= 0 and canceled == 0:
            raise OrderActionError(NOTHING_TO_ADJUST, f"item {code}: the refund adds up to nothing", code)
        if record.action == AdjustmentAction.CANCEL and canceled == 0:
            raise OrderActionError(NOTHING_TO_ADJUST, f"item {code}: nothing left to cancel", code)
        principal_so_far[code] = principal
        canceled_so_far[code] = canceled_so_far.get(code, 0) + canceled
        planned.append((item, components, canceled, fingerprint))
    if not planned:
        return Applied(duplicate=True)
    refunded = 0
    refunded_items: list[str] = []
    canceled_items = []
    for item, components, canceled, fingerprint in planned:
        order_item = loaded.items[item.item_code]
        amount = max(_refund_amount(components), 0)
        session.add(
            Adjustment(
                order_id=order.id,
                order_item_id=order_item.id,
                action=record.action,
                reason=item.reason,
                quantity_canceled=canceled,
                amount_minor=amount,
                components=components,
                created_at=now,
                fingerprint=fingerprint,
                feed_id=feed_id,
            )
        )
        order_item.refunded_minor += components.get(ComponentType.PRINCIPAL, 0)
        order_item.quantity_canceled += canceled
        loaded.adjustment_prints.add(fingerprint)
        refunded += amount
        if amount:
            refunded_items.append(order_item.title)
        if canceled:
            canceled_items.append(f"{canceled} × {order_item.title}")
    if refunded:
        _event(out, order, "refunded", now, amount_minor=refunded, currency=order.currency)
        items = "\n".join(f"- {title}" for title in dict.fromkeys(refunded_items))
        out.notices.append(notices.notice(order, "refunded", now, amount_minor=refunded, items=items))
    if canceled_items:
        if all(i.quantity_canceled == i.quantity for i in loaded.items.values()):
            order.status = OrderStatus.CANCELED
            order.completed_at = now
        elif all(_remaining(loaded, code) == 0 for code in loaded.items) and order.status in (
            OrderStatus.UNSHIPPED,
            OrderStatus.PARTIALLY_SHIPPED,
        ):
            order.status = OrderStatus.SHIPPED
        _event(out, order, "canceled", now, items=canceled_items)
        out.notices.append(notices.notice(order, "canceled", now, items=", ".join(canceled_items)))
    if writes is None:
        out.flush(session)
    return Applied()


def cancel(
    session: Session,
    seller: Seller,
    order_id: str,
    reason: AdjustmentReason,
    *,
    items: Sequence[tuple[str, int]] = (),
    now: datetime | None = None,
) -> Applied:
    """Cancel the given quantities, or everything not yet shipped."""
    loaded = load(session, seller, order_id)
    wanted = items or [(code, 0) for code in loaded.items if _remaining(loaded, code) > 0]
    record = AdjustmentRecord(
        0,
        order_id,
        AdjustmentAction.CANCEL,
        tuple(AdjustedItem(code, reason, quantity_canceled=quantity) for code, quantity in wanted),
    )
    if not record.items:
        raise OrderActionError(NOTHING_TO_ADJUST, f"order {order_id} has nothing left to cancel")
    return apply_adjustment(session, loaded, record, _now(now))


def refund(
    session: Session,
    seller: Seller,
    order_id: str,
    reason: AdjustmentReason,
    *,
    amounts: Sequence[tuple[str, Decimal]] = (),
    now: datetime | None = None,
) -> Applied:
    """Refund the principal given per item, or, with no amounts, everything not yet refunded."""
    loaded = load(session, seller, order_id)
    if amounts:
        wanted = list(amounts)
    else:
        wanted = [
            (code, money.to_decimal(item.price_minor * item.quantity - item.refunded_minor, loaded.order.currency))
            for code, item in loaded.items.items()
            if item.price_minor * item.quantity > item.refunded_minor
        ]
    if not wanted:
        raise OrderActionError(NOTHING_TO_ADJUST, f"order {order_id} has been refunded in full already")
    record = AdjustmentRecord(
        0,
        order_id,
        AdjustmentAction.REFUND,
        tuple(AdjustedItem(code, reason, {ComponentType.PRINCIPAL: amount}) for code, amount in wanted),
    )
    return apply_adjustment(session, loaded, record, _now(now))


# --- delivery and facts ---------------------------------------------------------------------


def mark_delivered(session: Session, seller: Seller, order_id: str, *, at: datetime | None = None) -> Applied:
    loaded = load(session, seller, order_id)
    order = loaded.order
    at = _now(at)
    if order.status == OrderStatus.DELIVERED:
        return Applied(duplicate=True)
    if order.status != OrderStatus.SHIPPED:
        raise OrderActionError(STATUS, f"order {order_id} is {order.status}: only a shipped order can be delivered")
    order.status = OrderStatus.DELIVERED
    order.delivered_at = at
    order.completed_at = at
    out = Writes()
    _event(out, order, "delivered", at)
    out.flush(session)
    return Applied()


def fully_adjusted_unavailable(session: Session, order: Order) -> bool:
    """Whether the whole order was canceled or refunded as NoInventory or CouldNotShip, the condition
    for a "problem with order" message (G-ORDER-UNAVAILABLE)."""
    reasons: dict[int, set[str]] = {}
    for adjustment in orders_repository.adjustments(session, order):
        reasons.setdefault(adjustment.order_item_id, set()).add(adjustment.reason)
    for item in order.items:
        whole = item.quantity_canceled == item.quantity or item.refunded_minor >= item.price_minor * item.quantity
        if not whole or not reasons.get(item.id, set()) & UNAVAILABLE_REASONS:
            return False
    return bool(order.items)
