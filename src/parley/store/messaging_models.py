"""The messaging service's tables: messages with their verdicts, threads, delivery and standing.

A message row is the audit trail: what was asked, the verdict, every finding and every rule
that ran. Deliveries are the outbox: one row per message and channel, written in the same
transaction as the message, claimed by workers and marked done once delivered.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parley.store.models import Base


class SellerSettings(Base):
    """What the messaging service keeps about a seller besides the core account."""

    __tablename__ = "seller_messaging"

    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"), primary_key=True)
    edition: Mapped[str] = mapped_column(String(40), default="current")
    """The edition of the guidelines the seller's messages are checked under."""
    standing_until: Mapped[datetime | None]
    """When a templates-only or suspended standing ends by itself; None while normal or indefinite."""


class StandingChange(Base):
    """One move of a seller's messaging standing, with its reason (G-ENFORCE-ESCALATE)."""

    __tablename__ = "standing_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"), index=True)
    from_standing: Mapped[str] = mapped_column(String(20))
    to_standing: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(40))
    """``violations``, ``expired`` or ``lifted``."""
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    until: Mapped[datetime | None]
    actor: Mapped[str] = mapped_column(String(80))
    """``system`` or the operator who lifted it."""
    created_at: Mapped[datetime]


class Thread(Base):
    """A conversation between one buyer and one seller, opened by either, perhaps about an order."""

    __tablename__ = "threads"

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"), index=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("buyers.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    opened_by: Mapped[str] = mapped_column(String(10))
    """``buyer`` or ``seller``."""
    created_at: Mapped[datetime]


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_seller_created", "seller_id", "created_at"),
        Index("ix_messages_held", "status", "deliver_after"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)
    """A UUID: the message's identity outside the database (Message-ID, API, idempotent delivery)."""
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"))
    buyer_id: Mapped[int] = mapped_column(ForeignKey("buyers.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(10))
    """``outbound`` (seller to buyer) or ``inbound``."""
    kind: Mapped[str] = mapped_column(String(40))
    """A ``Kind`` for outbound messages; ``buyerInquiry`` for inbound ones."""
    channel: Mapped[str] = mapped_column(String(10))
    """Where it came from: ``api``, ``web``, ``email`` or ``cli``."""
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10))
    """The language the recipient reads."""
    status: Mapped[str] = mapped_column(String(12))
    """``refused`` (not eligible), ``blocked`` (policy), ``held`` (over the daily cap), ``accepted``
    (queued for delivery), ``delivered``; inbound messages are ``accepted`` then ``delivered``."""
    decision: Mapped[str | None] = mapped_column(String(10))
    """The policy verdict: ``deliver``, ``warn`` or ``block``; None when refused before the check."""
    edition: Mapped[str | None] = mapped_column(String(40))
    findings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    rules_run: Mapped[list[Any]] = mapped_column(JSON, default=list)
    refusals: Mapped[list[Any]] = mapped_column(JSON, default=list)
    """Why the message could not be sent: eligibility reason codes."""
    proactive: Mapped[bool] = mapped_column(Boolean)
    critical: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    deliver_after: Mapped[datetime | None]
    """A held message waits until then; it is checked for eligibility again before it goes."""
    accepted_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    responded_at: Mapped[datetime | None]
    """Inbound: when the seller first replied in the thread."""
    no_response_needed: Mapped[bool] = mapped_column(Boolean, default=False)

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="message", cascade="all, delete-orphan", order_by="Attachment.id"
    )


class Attachment(Base):
    __tablename__ = "message_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    """As sniffed from the content, not as claimed."""
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)

    message: Mapped[Message] = relationship(back_populates="attachments")


class Delivery(Base):
    """The outbox: one row per message and channel, done exactly once."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("message_id", "channel"),
        Index("ix_deliveries_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(12))
    """``inbox`` (the recipient's in-app inbox) or ``email``."""
    status: Mapped[str] = mapped_column(String(10))
    """``pending``, ``done`` or ``failed`` (gave up after the last retry)."""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None]


class InboxEntry(Base):
    """A message in a buyer's or seller's in-app inbox; unique per message and reader."""

    __tablename__ = "inbox_entries"
    __table_args__ = (UniqueConstraint("message_id", "reader"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    reader: Mapped[str] = mapped_column(String(10))
    """``buyer`` or ``seller``."""
    received_at: Mapped[datetime]
    read_at: Mapped[datetime | None]
