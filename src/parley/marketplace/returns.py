"""Returns: the buyer asks, the seller receives the item and refunds it through Manage Returns
(G-RETURN-REFUND): the refund is an adjustment with reason CustomerReturn, like any other."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace import money, orders
from parley.marketplace.catalog import AdjustmentReason, OrderStatus
from parley.marketplace.timeline import buyer_order
from parley.store.models import Buyer, Order, Return, Seller, TimelineEvent

RETURNABLE = (OrderStatus.SHIPPED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.DELIVERED)


class ReturnError(ValueError):
    """A return the order does not allow."""


def request_return(
    session: Session,
    buyer: Buyer,
    order_id: str,
    item_code: str,
    *,
    quantity: int,
    reason: str,
    now: datetime | None = None,
) -> Return:
    now = now or datetime.now(UTC)
    order = buyer_order(session, buyer, order_id)
    if order.status not in RETURNABLE:
        raise ReturnError(f"order {order_id} is {order.status}: only shipped items can be returned")
    item = next((i for i in order.items if i.item_code == item_code), None)
    if item is None:
        raise ReturnError(f"item {item_code} is not part of order {order_id}")
    already = session.scalar(select(func.coalesce(func.sum(Return.quantity), 0)).where(Return.order_item_id == item.id))
    if quantity < 1 or quantity > item.quantity_shipped - int(already or 0):
        raise ReturnError(
            f"{quantity} to return but {item.quantity_shipped - int(already or 0)} shipped and not returned"
        )
    request = Return(
        order_id=order.id,
        order_item_id=item.id,
        quantity=quantity,
        reason=reason[:80],
        status="requested",
        created_at=now,
    )
    session.add(request)
    session.add(
        TimelineEvent(
            order_id=order.id, kind="return_requested", occurred_at=now, data={"items": [f"{quantity} × {item.title}"]}
        )
    )
    session.flush()
    return request


def _seller_return(session: Session, seller: Seller, return_id: int) -> tuple[Return, Order]:
    found = session.execute(
        select(Return, Order)
        .join(Order, Order.id == Return.order_id)
        .where(Return.id == return_id, Order.seller_id == seller.id)
    ).first()
    if found is None:
        raise ReturnError(f"return {return_id} was not found")
    return found[0], found[1]


def receive(session: Session, seller: Seller, return_id: int) -> Return:
    request, _order = _seller_return(session, seller, return_id)
    if request.status == "requested":
        request.status = "received"
    return request


def refund(
    session: Session, seller: Seller, return_id: int, *, amount: Decimal | None = None, now: datetime | None = None
) -> Return:
    """Refund a returned item: its price times the returned quantity unless ``amount`` says less."""
    request, order = _seller_return(session, seller, return_id)
    if request.status == "refunded":
        return request
    item = next(i for i in order.items if i.id == request.order_item_id)
    full = money.to_decimal(item.price_minor * request.quantity, order.currency)
    orders.refund(
        session,
        seller,
        order.amazon_order_id,
        AdjustmentReason.CUSTOMER_RETURN,
        amounts=[(item.item_code, amount if amount is not None else full)],
        now=now,
    )
    request.status = "refunded"
    return request
