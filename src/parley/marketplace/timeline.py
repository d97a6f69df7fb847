"""The order timeline in the buyer's account (G-INDIRECT-UPDATES), in the buyer's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace import money, notices
from parley.policy.i18n import N_, render
from parley.store import orders_repository
from parley.store.models import Buyer, Order

LINES = {
    "placed": N_("Order placed"),
    "shipped": N_("Shipped with %(carrier)s, tracking number %(tracking)s"),
    "delivered": N_("Delivered"),
    "refunded": N_("Refund of %(amount)s processed"),
    "canceled": N_("Canceled: %(items)s"),
    "return_requested": N_("Return requested: %(items)s"),
}


class OrderNotFoundError(LookupError):
    """No such order in this account: the same answer whether it exists for someone else or not at all."""


@dataclass(frozen=True)
class Line:
    at: datetime
    kind: str
    text: str


def buyer_order(session: Session, buyer: Buyer, order_id: str) -> Order:
    order = session.scalar(select(Order).where(Order.amazon_order_id == order_id, Order.buyer_id == buyer.id))
    if order is None:
        raise OrderNotFoundError(order_id)
    return order


def for_buyer(session: Session, buyer: Buyer, order_id: str, language: str | None = None) -> list[Line]:
    """The order's events, oldest first, each told in the buyer's language (or ``language``)."""
    order = buyer_order(session, buyer, order_id)
    language = language or notices.buyer_language(order)
    lines = []
    for event in orders_repository.timeline(session, order):
        data = dict(event.data or {})
        if "amount_minor" in data:
            data["amount"] = money.display(
                int(data["amount_minor"]), str(data.get("currency", order.currency)), language
            )
        if isinstance(data.get("items"), list):
            data["items"] = ", ".join(
                item if isinstance(item, str) else f"{item.get('quantity')} × {item.get('item_code')}"
                for item in data["items"]
            )
        data.setdefault("tracking", render(notices.NO_TRACKING, language))
        if data["tracking"] is None:
            data["tracking"] = render(notices.NO_TRACKING, language)
        lines.append(Line(event.occurred_at, event.kind, render(LINES.get(event.kind, event.kind), language, data)))
    return lines
