"""Building a small marketplace for a test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from parley.marketplace import accounts, intake
from parley.marketplace.catalog import Channel
from parley.store.models import Buyer, Marketplace, Order, Seller

NOW = datetime(2026, 5, 10, 12, 0, tzinfo=UTC)
BOUGHT = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


@dataclass
class World:
    sweden: Marketplace
    seller: Seller
    other_seller: Seller
    buyer: Buyer


def world(session: Session) -> World:
    marketplaces = accounts.ensure_marketplaces(session, ["SE", "NL", "DE"])
    sweden = next(m for m in marketplaces if m.country_code == "SE")
    seller = accounts.create_seller(
        session, "A1SELLERNORDIC", "Nordic Kitchen AB", "shop@nordic.example", language="sv"
    )
    other = accounts.create_seller(session, "A2SELLEROTHER", "Other Shop", "other@shop.example")
    buyer = accounts.create_buyer(session, "Anna", "anna@mail.example", "sv-SE")
    return World(sweden, seller, other, buyer)


def order(
    session: Session,
    w: World,
    *,
    channel: Channel = Channel.MFN,
    quantities: tuple[int, ...] = (2, 1),
    paid: bool = True,
) -> Order:
    items = [
        intake.NewItem(f"SKU-{n}", f"B0{n:08d}", f"Item {n}", quantity, 19900 + n * 1000)
        for n, quantity in enumerate(quantities, 1)
    ]
    return intake.place_order(
        session, w.sweden, w.seller, w.buyer, items, channel=channel, purchase_date=BOUGHT, paid=paid
    )
