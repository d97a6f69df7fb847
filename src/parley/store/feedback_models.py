"""The Feedback Manager's tables: seller feedback and the seller's strike-through and removal requests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parley.store.models import Base, Buyer, Marketplace, Order, Seller


class Feedback(Base):
    """A buyer's rating of the seller for one order (1–5 stars and a comment)."""

    __tablename__ = "seller_feedback"
    __table_args__ = (Index("ix_seller_feedback_seller_left", "seller_id", "left_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    """One feedback per order, ever: a feedback the buyer removed still holds the order's place."""
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"))
    buyer_id: Mapped[int] = mapped_column(ForeignKey("buyers.id", ondelete="CASCADE"), index=True)
    marketplace_id: Mapped[str] = mapped_column(ForeignKey("marketplaces.id"))
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10))
    """The buyer's language when the feedback was left: the comment's language as far as we know."""
    left_at: Mapped[datetime]
    edited_at: Mapped[datetime | None]
    removed_at: Mapped[datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(20))
    """``buyer`` or ``marketplace`` (a granted removal request)."""
    removal_reason: Mapped[str | None] = mapped_column(String(40))
    struck_at: Mapped[datetime | None]
    """When a strike-through request was granted: the rating stops counting, the comment stays."""

    order: Mapped[Order] = relationship()
    seller: Mapped[Seller] = relationship()
    buyer: Mapped[Buyer] = relationship()
    marketplace: Mapped[Marketplace] = relationship()


class FeedbackRequest(Base):
    """A seller's strike-through or removal request and the decision, with every step's detail."""

    __tablename__ = "feedback_requests"
    __table_args__ = (Index("ix_feedback_requests_seller_requested", "seller_id", "requested_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("seller_feedback.id", ondelete="CASCADE"), index=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    """``strike`` or ``removal``."""
    outcome: Mapped[str] = mapped_column(String(10))
    """``granted``, ``refused`` or ``throttled`` (not examined: the seller was throttled)."""
    reason: Mapped[str] = mapped_column(String(40))
    """A stable reason code (``not_negative``, ``mfn_order``, ``mixed_content``, ``obscene`` ...)."""
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """The steps as decided: scope checks, the classifier's clauses, matched terms."""
    requested_at: Mapped[datetime]

    feedback: Mapped[Feedback] = relationship()


class FeedbackThrottle(Base):
    """A period in which a seller's strike-through and removal requests are not examined."""

    __tablename__ = "feedback_throttles"
    __table_args__ = (Index("ix_feedback_throttles_seller_until", "seller_id", "until"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"))
    started_at: Mapped[datetime]
    until: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """The figures that triggered it: requests and refusals in the window, the thresholds."""
