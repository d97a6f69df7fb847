"""``parley demo``: a realistic marketplace to try Parley on, built through the real code paths.

Three marketplaces (Sweden, the Netherlands, Germany), four sellers, 80 buyers speaking the ten
languages and 500 orders in every state and both channels. Sellers' shipments and adjustments go
through real feeds (XML and flat files), so the processing reports, timelines and notices are
the ones production would make. The same seed gives the same marketplace.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace import accounts, intake, orders
from parley.marketplace.catalog import AdjustmentReason, Channel, OrderStatus
from parley.marketplace.feedback.demo import seed_feedback
from parley.marketplace.feeds import documents, processing
from parley.marketplace.feeds.records import FeedType, ShipmentRecord
from parley.marketplace.messaging.demo import seed_messages
from parley.policy.context import LANGUAGES
from parley.store import orders_repository
from parley.store.feedback_models import Feedback
from parley.store.messaging_models import Message
from parley.store.models import Buyer, Marketplace, Order, OutboxNotice, Seller

ORDERS = 500
BUYERS_PER_LANGUAGE = 8
SELLERS = (
    ("A1NORDICKITCHEN", "Nordic Kitchen AB", "orders@nordic-kitchen.example", "sv"),
    ("A2DUTCHCYCLES", "Fietsonderdelen BV", "verkoop@fietsonderdelen.example", "nl"),
    ("A3BERLINAUDIO", "Berlin Audio GmbH", "service@berlin-audio.example", "de"),
    ("A4EUROGADGETS", "EuroGadgets Ltd", "support@eurogadgets.example", "en"),
)
PRODUCTS = (
    ("Cast iron frying pan 28 cm", 34900),
    ("Bicycle chain 11-speed", 2999),
    ("Bluetooth headphones", 7999),
    ("Stainless steel kettle 1.7 l", 44900),
    ("LED bicycle light set", 2450),
    ("USB-C charger 65 W", 3499),
    ("Chef's knife 20 cm", 59900),
    ("Studio monitor stand", 4990),
)
NAMES = {
    "en": ("Oliver", "Amelia", "Harry", "Isla"), "sv": ("Anna", "Erik", "Maja", "Lars"),
    "nl": ("Daan", "Sanne", "Bram", "Fleur"), "de": ("Lukas", "Hannah", "Jonas", "Lea"),
    "fr": ("Louis", "Chloé", "Hugo", "Manon"), "es": ("Lucía", "Mateo", "Sofía", "Pablo"),
    "it": ("Giulia", "Marco", "Chiara", "Luca"), "pl": ("Zofia", "Jakub", "Maja", "Kacper"),
    "ja": ("Haruto", "Yui", "Sota", "Hina"), "zh": ("Wei", "Fang", "Jing", "Lei"),
}  # fmt: skip
CARRIERS = {"SE": ("PostNord", "DHL"), "NL": ("PostNL", "DHL"), "DE": ("DHL", "Hermes Logistik Gruppe")}


@dataclass
class DemoSummary:
    created: bool
    marketplaces: int = 0
    sellers: int = 0
    buyers: int = 0
    orders: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)
    feeds: list[dict[str, Any]] = field(default_factory=list)
    notices: int = 0
    feedback: int = 0
    messages: dict[str, int] = field(default_factory=dict)
    sellers_login: list[dict[str, str]] = field(default_factory=list)


# A street, a postcode and a town per marketplace country, for the demo's delivery addresses.
STREETS = {
    "SE": ("Storgatan", "111 22", "Stockholm", "Sverige"),
    "NL": ("Kerkstraat", "1017 GC", "Amsterdam", "Nederland"),
    "DE": ("Hauptstraße", "10115", "Berlin", "Deutschland"),
}


def _address(buyer: Buyer, marketplace: Marketplace) -> str:
    street, postcode, town, country = STREETS.get(marketplace.country_code, STREETS["SE"])
    return f"{buyer.name}\n{street} {buyer.id % 90 + 1}\n{postcode} {town}\n{country}"


def has_data(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Order)))


def summarise(session: Session, created: bool, feeds: list[dict[str, Any]] | None = None) -> DemoSummary:
    summary = DemoSummary(created=created, feeds=feeds or [])
    summary.marketplaces = len({m for (m,) in session.execute(select(Order.marketplace_id).distinct())})
    summary.sellers = session.scalar(select(func.count()).select_from(Seller)) or 0
    summary.buyers = session.scalar(select(func.count()).select_from(Buyer)) or 0
    summary.orders = session.scalar(select(func.count()).select_from(Order)) or 0
    summary.by_status = dict(session.execute(select(Order.status, func.count()).group_by(Order.status)).all())
    summary.by_channel = dict(session.execute(select(Order.channel, func.count()).group_by(Order.channel)).all())
    summary.notices = session.scalar(select(func.count()).select_from(OutboxNotice)) or 0
    summary.feedback = session.scalar(select(func.count()).select_from(Feedback)) or 0
    summary.messages = dict(session.execute(select(Message.status, func.count()).group_by(Message.status)).all())
    summary.sellers_login = [
        {"merchant_id": s.merchant_id, "name": s.name} for s in session.scalars(select(Seller).order_by(Seller.id))
    ]
    return summary


def build(session: Session, *, seed: int = 7, now: datetime | None = None) -> DemoSummary:
    """Build the demo marketplace into an empty database (the caller commits)."""
    rng = random.Random(seed)
    now = now or datetime.now(UTC).replace(microsecond=0)
    marketplaces = accounts.ensure_marketplaces(session, ["SE", "NL", "DE"])
    sellers = [
        accounts.create_seller(session, merchant, name, email, language=lang, now=now - timedelta(days=400))
        for merchant, name, email, lang in SELLERS
    ]
    buyers = []
    for language in LANGUAGES:
        for n in range(BUYERS_PER_LANGUAGE):
            name = f"{NAMES[language][n % 4]} {chr(65 + n)}."
            email = f"{language}.buyer{n}@buyers.example"
            buyers.append(accounts.create_buyer(session, name, email, language, now=now - timedelta(days=300)))
    placed: list[Order] = []
    for number in range(ORDERS):
        marketplace = marketplaces[number % len(marketplaces)]
        seller, buyer = sellers[rng.randrange(len(sellers))], buyers[rng.randrange(len(buyers))]
        accounts.alias_for(session, buyer, seller, marketplace)
        products = rng.sample(PRODUCTS, rng.choice((1, 1, 1, 2, 3)))
        scale = {"SEK": 1, "EUR": 0.1}[marketplace.currency] if marketplace.currency in ("SEK", "EUR") else 1
        items = [
            intake.NewItem(f"SKU-{PRODUCTS.index(p):03d}", f"B0{PRODUCTS.index(p):08d}", p[0], rng.choice((1, 1, 2)),
                           max(100, int(p[1] * scale)))
            for p in products
        ]  # fmt: skip
        order = intake.place_order(
            session,
            marketplace,
            seller,
            buyer,
            items,
            channel=Channel.AFN if rng.random() < 0.3 else Channel.MFN,
            is_mcf=rng.random() < 0.05,
            purchase_date=now - timedelta(days=rng.uniform(0.2, 60)),
            paid=rng.random() > 0.04,
            order_id=f"{rng.choice('234')}0{rng.randrange(1, 9)}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}",
            ship_to=_address(buyer, marketplace),
        )
        placed.append(order)
    session.flush()
    feeds = _ship_and_adjust(session, rng, sellers, placed, now)
    seed_feedback(session, rng, now)
    seed_messages(session, rng, now)
    return summarise(session, True, feeds)


def _ship_and_adjust(
    session: Session, rng: random.Random, sellers: list[Seller], placed: list[Order], now: datetime
) -> list[dict[str, Any]]:
    feeds: list[dict[str, Any]] = []
    shipped_ids: set[int] = set()
    for index, seller in enumerate(sellers):
        mine = [o for o in placed if o.seller_id == seller.id and o.status == OrderStatus.UNSHIPPED]
        mfn = [o for o in mine if o.channel == Channel.MFN and (now - o.purchase_date).days >= 1]
        to_cancel = [o for o in mfn if rng.random() < 0.08]
        to_ship = [o for o in mfn if o not in to_cancel and rng.random() < 0.85]
        flat = index % 2 == 1
        if to_ship:
            feed_type = FeedType.FLAT_FILE_FULFILLMENT if flat else FeedType.ORDER_FULFILLMENT
            data = _fulfillment_flat(rng, to_ship, now) if flat else _fulfillment_xml(rng, seller, to_ship, now)
            feeds.append(_run(session, seller, feed_type, data, feed_id=f"{len(feeds) + 1:05d}", now=now))
            shipped_ids.update(o.id for o in to_ship)
        if to_cancel:
            feeds.append(
                _run(
                    session,
                    seller,
                    FeedType.PAYMENT_ADJUSTMENT,
                    _cancel_xml(rng, seller, to_cancel),
                    feed_id=f"{len(feeds) + 1:05d}",
                    now=now,
                )
            )
        for order in mine:
            if order.channel == Channel.AFN and (now - order.purchase_date).days >= 1:
                loaded = orders_repository.load_for_seller(session, seller.id, [order.amazon_order_id])[
                    order.amazon_order_id
                ]
                record = ShipmentRecord(
                    0, order.amazon_order_id, order.purchase_date + timedelta(hours=20), "DHL",
                    tracking_number=f"JJD{rng.randrange(10**15):015d}",
                )  # fmt: skip
                orders.apply_shipment(
                    session, loaded, record, order.purchase_date + timedelta(hours=21), by_marketplace=True
                )
                shipped_ids.add(order.id)
    session.flush()
    for order in placed:
        if order.id in shipped_ids and order.status == OrderStatus.SHIPPED:
            delivered = order.purchase_date + timedelta(days=rng.uniform(2, 6))
            if delivered < now:
                orders.mark_delivered(session, order.seller, order.amazon_order_id, at=delivered)
    delivered_orders = [o for o in placed if o.status == OrderStatus.DELIVERED and o.channel == Channel.MFN]
    for seller in sellers:
        refunds = [o for o in delivered_orders if o.seller_id == seller.id and rng.random() < 0.12]
        if refunds:
            feeds.append(
                _run(
                    session,
                    seller,
                    FeedType.FLAT_FILE_PAYMENT_ADJUSTMENT,
                    _refund_flat(rng, refunds),
                    feed_id=f"{len(feeds) + 1:05d}",
                    now=now,
                )
            )
    return feeds


def _run(
    session: Session, seller: Seller, feed_type: FeedType, data: bytes, *, feed_id: str, now: datetime
) -> dict[str, Any]:
    report = processing.process(session, seller, feed_type, io.BytesIO(data), feed_id=feed_id, now=now)
    return {
        "feed_id": feed_id, "seller": seller.merchant_id, "feed_type": str(feed_type), "processed": report.processed,
        "successful": report.successful, "with_error": report.with_error, "with_warning": report.with_warning,
    }  # fmt: skip


def _ship_date(rng: random.Random, order: Order, now: datetime) -> datetime:
    late = rng.random() < 0.1
    hours = rng.uniform(50, 80) if late else rng.uniform(2, 40)
    return min(order.purchase_date + timedelta(hours=hours), now - timedelta(hours=1))


def _fulfillment_xml(rng: random.Random, seller: Seller, chosen: list[Order], now: datetime) -> bytes:
    messages = []
    for number, order in enumerate(chosen, 1):
        carrier = rng.choice(CARRIERS[order.marketplace.country_code])
        partial = len(order.items) > 1 and rng.random() < 0.4
        messages.append(
            documents.fulfillment_message(
                number,
                order.amazon_order_id,
                _ship_date(rng, order, now),
                carrier,
                method="Standard",
                tracking=f"{rng.randrange(10**17):017d}",
                items=[order.items[0].item_code] if partial else (),
            )
        )
    return documents.envelope(seller.merchant_id, "OrderFulfillment", messages)


def _fulfillment_flat(rng: random.Random, chosen: list[Order], now: datetime) -> bytes:
    lines = ["order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method"]
    for order in chosen:
        date = _ship_date(rng, order, now).isoformat()
        carrier = rng.choice(CARRIERS[order.marketplace.country_code])
        tracking = f"{rng.randrange(10**12):012d}"
        for item in order.items:
            lines.append(
                f"{order.amazon_order_id}\t{item.item_code}\t{item.quantity}\t{date}\t{carrier}\t\t{tracking}\tStandard"
            )
    return ("\n".join(lines) + "\n").encode()


def _cancel_xml(rng: random.Random, seller: Seller, chosen: list[Order]) -> bytes:
    messages = []
    for number, order in enumerate(chosen, 1):
        reason = rng.choice(
            (AdjustmentReason.NO_INVENTORY, AdjustmentReason.COULD_NOT_SHIP, AdjustmentReason.CUSTOMER_CANCEL)
        )
        items = [(item.item_code, str(reason)) for item in order.items]
        messages.append(documents.adjustment_message(number, order.amazon_order_id, "Cancel", items))
    return documents.envelope(seller.merchant_id, "OrderAdjustment", messages)


def _refund_flat(rng: random.Random, chosen: list[Order]) -> bytes:
    lines = ["order-id\torder-item-id\tadjustment-reason-code\tcurrency\titem-price-adj\titem-tax-adj"]
    for order in chosen:
        item = order.items[0]
        share = rng.choice((1.0, 1.0, 0.5, 0.2))
        amount = int(item.price_minor * item.quantity * share) / 100
        reason = rng.choice(("CustomerReturn", "GeneralAdjustment", "DifferentItem"))
        lines.append(f"{order.amazon_order_id}\t{item.item_code}\t{reason}\t{order.currency}\t{amount:.2f}\t0")
    return ("\n".join(lines) + "\n").encode()
