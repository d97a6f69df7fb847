"""A small marketplace with delivered orders to leave feedback on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from parley.marketplace import accounts, intake
from parley.marketplace.catalog import Channel, OrderStatus
from parley.marketplace.feedback import records
from parley.store.feedback_models import Feedback
from parley.store.models import Buyer, Marketplace, Order, Seller

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@dataclass
class FeedbackWorld:
    sweden: Marketplace
    germany: Marketplace
    seller: Seller
    other_seller: Seller
    buyer: Buyer
    other_buyer: Buyer


def world(session: Session) -> FeedbackWorld:
    marketplaces = {m.country_code: m for m in accounts.ensure_marketplaces(session, ["SE", "DE"])}
    seller = accounts.create_seller(session, "A1FBNORDIC", "Nordic Kitchen AB", "shop@nordic.example", language="sv")
    other = accounts.create_seller(session, "A2FBOTHER", "Other Shop", "other@shop.example", language="en")
    buyer = accounts.create_buyer(session, "Anna", "anna.real@mail.example", "sv-SE")
    other_buyer = accounts.create_buyer(session, "Jonas", "jonas.real@mail.example", "de-DE")
    return FeedbackWorld(marketplaces["SE"], marketplaces["DE"], seller, other, buyer, other_buyer)


def delivered(
    session: Session,
    w: FeedbackWorld,
    *,
    channel: Channel = Channel.AFN,
    is_mcf: bool = False,
    delivered_at: datetime | None = None,
    seller: Seller | None = None,
    buyer: Buyer | None = None,
    marketplace: Marketplace | None = None,
) -> Order:
    delivered_at = delivered_at or NOW - timedelta(days=5)
    order = intake.place_order(
        session,
        marketplace or w.sweden,
        seller or w.seller,
        buyer or w.buyer,
        [intake.NewItem("SKU-1", "B000000001", "Kettle", 1, 44900)],
        channel=channel,
        is_mcf=is_mcf,
        purchase_date=delivered_at - timedelta(days=4),
    )
    order.status = OrderStatus.DELIVERED
    order.delivered_at = order.completed_at = delivered_at
    session.flush()
    return order


def feedback(
    session: Session,
    w: FeedbackWorld,
    rating: int,
    comment: str,
    *,
    left_at: datetime = NOW - timedelta(days=2),
    **order_options: object,
) -> Feedback:
    order_options.setdefault("delivered_at", left_at - timedelta(days=3))
    order = delivered(session, w, **order_options)  # type: ignore[arg-type]
    return records.leave(session, order.buyer, order.amazon_order_id, rating, comment, now=left_at)
