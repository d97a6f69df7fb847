"""Orders coming in: a buyer places an order with a seller on a marketplace."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace.catalog import Channel, OrderStatus
from parley.store.models import Buyer, Marketplace, Order, OrderItem, Seller, TimelineEvent


@dataclass(frozen=True)
class NewItem:
    sku: str
    asin: str
    title: str
    quantity: int
    price_minor: int
    image_url: str | None = None


def new_order_id() -> str:
    digits = "".join(secrets.choice("0123456789") for _ in range(14))
    return f"{secrets.choice('2345')}0{secrets.choice('1234')}-{digits[:7]}-{digits[7:]}"


def _free_order_id(session: Session) -> str:
    while True:
        candidate = new_order_id()
        if session.scalar(select(Order.id).where(Order.amazon_order_id == candidate)) is None:
            return candidate


def _free_item_code(session: Session) -> str:
    while True:
        candidate = "".join(secrets.choice("0123456789") for _ in range(14))
        if session.scalar(select(OrderItem.id).where(OrderItem.item_code == candidate)) is None:
            return candidate


def place_order(
    session: Session,
    marketplace: Marketplace,
    seller: Seller,
    buyer: Buyer,
    items: Sequence[NewItem],
    *,
    channel: Channel = Channel.MFN,
    is_mcf: bool = False,
    purchase_date: datetime | None = None,
    handling_days: int = 2,
    transit_days: int = 3,
    paid: bool = True,
    order_id: str | None = None,
    ship_to: str | None = None,
) -> Order:
    """An order as the buyer placed it: ``Unshipped`` once paid, ``Pending`` until then."""
    if not items:
        raise ValueError("an order needs at least one item")
    purchase_date = purchase_date or datetime.now(UTC)
    order = Order(
        amazon_order_id=order_id or _free_order_id(session),
        marketplace_id=marketplace.id,
        seller_id=seller.id,
        buyer_id=buyer.id,
        status=OrderStatus.UNSHIPPED if paid else OrderStatus.PENDING,
        channel=channel,
        is_mcf=is_mcf,
        currency=marketplace.currency,
        purchase_date=purchase_date,
        earliest_ship_date=purchase_date,
        latest_ship_date=purchase_date + timedelta(days=handling_days),
        earliest_delivery_date=purchase_date + timedelta(days=handling_days + 1),
        latest_delivery_date=purchase_date + timedelta(days=handling_days + transit_days),
        delivered_at=None,
        completed_at=None,
        ship_to=ship_to,
    )
    order.items = [
        OrderItem(
            item_code=_free_item_code(session),
            sku=item.sku,
            asin=item.asin,
            title=item.title,
            quantity=item.quantity,
            price_minor=item.price_minor,
            image_url=item.image_url,
            quantity_shipped=0,
            quantity_canceled=0,
            refunded_minor=0,
        )
        for item in items
    ]
    session.add(order)
    session.flush()
    session.add(TimelineEvent(order_id=order.id, kind="placed", occurred_at=purchase_date, data={}))
    return order
