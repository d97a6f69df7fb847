"""The marketplace's tables: marketplaces, sellers, buyers, orders and what happens to them.

Money is stored in minor units (cents, öre; yen have none) as integers, with the currency beside
it, so sums are exact on every database. Times are aware UTC datetimes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from parley.store.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class Marketplace(Base):
    __tablename__ = "marketplaces"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    """The marketplace ID (Sweden ``A2NODRKZP88ZB9``)."""
    country_code: Mapped[str] = mapped_column(String(2), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    domain: Mapped[str] = mapped_column(String(80))
    default_language: Mapped[str] = mapped_column(String(10))
    currency: Mapped[str] = mapped_column(String(3))
    relay_domain: Mapped[str] = mapped_column(String(120))


class Seller(Base):
    __tablename__ = "sellers"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(50), unique=True)
    """The seller's merchant identifier, as in a feed's ``MerchantIdentifier``."""
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(10), default="en")
    standing: Mapped[str] = mapped_column(String(20), default="normal")
    """``normal``, ``templates_only`` or ``suspended`` (G-ENFORCE-ESCALATE)."""
    created_at: Mapped[datetime]

    sender_addresses: Mapped[list[SenderAddress]] = relationship(
        back_populates="seller", cascade="all, delete-orphan", order_by="SenderAddress.address"
    )


class SenderAddress(Base):
    """An address the seller may send buyer mail from (Messaging Permissions)."""

    __tablename__ = "seller_sender_addresses"
    __table_args__ = (UniqueConstraint("seller_id", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(254))

    seller: Mapped[Seller] = relationship(back_populates="sender_addresses")


class Buyer(Base):
    __tablename__ = "buyers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    """The real address: never shown to a seller."""
    preferred_language: Mapped[str] = mapped_column(String(10))
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    """Opted out of non-critical messages from sellers."""
    created_at: Mapped[datetime]


class BuyerAlias(Base):
    """The address a seller knows the buyer by: 15 random lowercase letters and digits."""

    __tablename__ = "buyer_aliases"
    __table_args__ = (UniqueConstraint("buyer_id", "seller_id"), UniqueConstraint("local_part", "domain"))

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("buyers.id", ondelete="CASCADE"))
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"))
    local_part: Mapped[str] = mapped_column(String(15))
    domain: Mapped[str] = mapped_column(String(120))

    @property
    def address(self) -> str:
        return f"{self.local_part}@{self.domain}"


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_seller_status", "seller_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    amazon_order_id: Mapped[str] = mapped_column(String(19), unique=True)
    """17 digits shown 3-7-7: ``203-1234567-1234567``."""
    marketplace_id: Mapped[str] = mapped_column(ForeignKey("marketplaces.id"))
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("buyers.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(3))
    """``AFN`` (fulfilled by the marketplace) or ``MFN`` (by the seller)."""
    is_mcf: Mapped[bool] = mapped_column(Boolean, default=False)
    """A multi-channel fulfilment order: shipped by the marketplace's network for a sale elsewhere."""
    currency: Mapped[str] = mapped_column(String(3))
    purchase_date: Mapped[datetime]
    earliest_ship_date: Mapped[datetime]
    latest_ship_date: Mapped[datetime]
    earliest_delivery_date: Mapped[datetime]
    latest_delivery_date: Mapped[datetime]
    delivered_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    """When the order was completed: delivered, or canceled."""
    ship_to: Mapped[str | None] = mapped_column(String(500))
    """The delivery address, one line per part; the shipment confirmation repeats it to the buyer."""

    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id"
    )
    marketplace: Mapped[Marketplace] = relationship()
    seller: Mapped[Seller] = relationship()
    buyer: Mapped[Buyer] = relationship()


class OrderItem(Base):
    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(14), unique=True)
    """The 14-digit ``AmazonOrderItemCode``."""
    sku: Mapped[str] = mapped_column(String(40))
    asin: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[int] = mapped_column(Integer)
    price_minor: Mapped[int] = mapped_column(Integer)
    """The price of one unit, in minor units of the order's currency."""
    image_url: Mapped[str | None] = mapped_column(String(500))
    quantity_shipped: Mapped[int] = mapped_column(Integer, default=0)
    quantity_canceled: Mapped[int] = mapped_column(Integer, default=0)
    refunded_minor: Mapped[int] = mapped_column(Integer, default=0)
    """Everything refunded on this item so far, all components together."""

    order: Mapped[Order] = relationship(back_populates="items")


class Shipment(Base):
    __tablename__ = "shipments"
    __table_args__ = (UniqueConstraint("order_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    carrier: Mapped[str] = mapped_column(String(50))
    method: Mapped[str | None] = mapped_column(String(80))
    tracking_number: Mapped[str | None] = mapped_column(String(60))
    shipped_at: Mapped[datetime]
    confirmed_at: Mapped[datetime]
    """When the seller confirmed it (late when after the order's latest ship date)."""
    fingerprint: Mapped[str] = mapped_column(String(64))
    """What makes a confirmation the same one again: a repeated feed changes nothing."""
    feed_id: Mapped[str | None] = mapped_column(String(40))

    items: Mapped[list[ShipmentItem]] = relationship(cascade="all, delete-orphan")


class ShipmentItem(Base):
    __tablename__ = "shipment_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    order_item_id: Mapped[int] = mapped_column(ForeignKey("order_items.id", ondelete="CASCADE"))
    quantity: Mapped[int] = mapped_column(Integer)


class Adjustment(Base):
    """A refund or cancellation of one order item, with its reason and amount components."""

    __tablename__ = "adjustments"
    __table_args__ = (UniqueConstraint("order_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_item_id: Mapped[int] = mapped_column(ForeignKey("order_items.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(10))
    """``Refund`` or ``Cancel``."""
    reason: Mapped[str] = mapped_column(String(40))
    quantity_canceled: Mapped[int] = mapped_column(Integer, default=0)
    amount_minor: Mapped[int] = mapped_column(Integer, default=0)
    """The sum of the components: what the buyer gets back."""
    components: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Component type (``Principal``, ``Shipping``, ...) to its amount in minor units."""
    created_at: Mapped[datetime]
    fingerprint: Mapped[str] = mapped_column(String(64))
    feed_id: Mapped[str | None] = mapped_column(String(40))


class Return(Base):
    __tablename__ = "returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_item_id: Mapped[int] = mapped_column(ForeignKey("order_items.id", ondelete="CASCADE"))
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20), default="requested")
    """``requested``, ``received`` or ``refunded``."""
    created_at: Mapped[datetime]


class TimelineEvent(Base):
    """One line of the order's timeline in the buyer's account (G-INDIRECT-UPDATES)."""

    __tablename__ = "timeline_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    """``placed``, ``shipped``, ``delivered``, ``refunded``, ``canceled``, ``return_requested``."""
    occurred_at: Mapped[datetime]
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxNotice(Base):
    """A marketplace notice to a buyer, written in the same transaction as what it reports."""

    __tablename__ = "outbox_notices"
    __table_args__ = (Index("ix_outbox_pending", "delivered_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("buyers.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    """When to try again after a failed attempt; None until one fails."""
    last_error: Mapped[str | None] = mapped_column(Text)


class Feed(Base):
    """A submitted feed document and, once processed, its processing report."""

    __tablename__ = "feeds"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    feed_type: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))
    """``IN_QUEUE``, ``IN_PROGRESS``, ``DONE``, ``CANCELLED`` or ``FATAL`` (the Feeds API's values)."""
    created_at: Mapped[datetime]
    processing_started_at: Mapped[datetime | None]
    processing_ended_at: Mapped[datetime | None]
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# The feature tables live in modules of their own; importing them here puts them in Base.metadata.
from parley.store import feedback_models, messaging_models  # noqa: E402, F401
