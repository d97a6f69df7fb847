"""The SQL for orders: loading them with what the services need, and the buyer's timeline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from parley.store.models import Adjustment, Order, OrderItem, OutboxNotice, Shipment, TimelineEvent


@dataclass
class LoadedOrder:
    """An order with its items and the fingerprints of what was already applied to it."""

    order: Order
    items: dict[str, OrderItem]
    shipment_prints: set[str] = field(default_factory=set)
    adjustment_prints: set[str] = field(default_factory=set)


def load_for_seller(session: Session, seller_id: int, order_ids: Iterable[str]) -> dict[str, LoadedOrder]:
    """The seller's orders among ``order_ids``: another seller's order is simply not there."""
    wanted = sorted(set(order_ids))
    if not wanted:
        return {}
    orders = session.scalars(
        select(Order)
        .where(Order.seller_id == seller_id, Order.amazon_order_id.in_(wanted))
        .options(selectinload(Order.items), selectinload(Order.buyer), selectinload(Order.marketplace))
    ).all()
    loaded = {o.amazon_order_id: LoadedOrder(o, {item.item_code: item for item in o.items}) for o in orders}
    by_pk = {entry.order.id: entry for entry in loaded.values()}
    if by_pk:
        for order_pk, print_ in session.execute(
            select(Shipment.order_id, Shipment.fingerprint).where(Shipment.order_id.in_(by_pk))
        ):
            by_pk[order_pk].shipment_prints.add(print_)
        for order_pk, print_ in session.execute(
            select(Adjustment.order_id, Adjustment.fingerprint).where(Adjustment.order_id.in_(by_pk))
        ):
            by_pk[order_pk].adjustment_prints.add(print_)
    return loaded


def timeline(session: Session, order: Order) -> Sequence[TimelineEvent]:
    return session.scalars(
        select(TimelineEvent)
        .where(TimelineEvent.order_id == order.id)
        .order_by(TimelineEvent.occurred_at, TimelineEvent.id)
    ).all()


def adjustments(session: Session, order: Order) -> Sequence[Adjustment]:
    return session.scalars(select(Adjustment).where(Adjustment.order_id == order.id).order_by(Adjustment.id)).all()


def pending_notices(session: Session, limit: int = 100) -> Sequence[OutboxNotice]:
    return session.scalars(
        select(OutboxNotice).where(OutboxNotice.delivered_at.is_(None)).order_by(OutboxNotice.id).limit(limit)
    ).all()


def notices_for_order(session: Session, order: Order) -> Sequence[OutboxNotice]:
    return session.scalars(
        select(OutboxNotice).where(OutboxNotice.order_id == order.id).order_by(OutboxNotice.id)
    ).all()


def confirmations_since(session: Session, seller_id: int, since: datetime) -> list[tuple[datetime, datetime]]:
    """(confirmed at, latest ship date) of each order's first shipment confirmed since ``since``."""
    first = (
        select(Shipment.order_id, func.min(Shipment.confirmed_at).label("confirmed_at"))
        .group_by(Shipment.order_id)
        .subquery()
    )
    rows = session.execute(
        select(first.c.confirmed_at, Order.latest_ship_date)
        .join(Order, Order.id == first.c.order_id)
        .where(Order.seller_id == seller_id, first.c.confirmed_at >= since)
    )
    return [(confirmed, latest) for confirmed, latest in rows]
