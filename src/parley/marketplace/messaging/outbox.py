"""The transactional outbox: deliveries written with their message, done by workers exactly once.

A delivery row is claimed inside a transaction (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so
several workers share the queue; SQLite serialises writers by itself). The in-app inbox is
written in the same transaction that marks the delivery done, and the inbox is unique per
message and reader, so a crash at any point neither loses nor duplicates an inbox entry. An
e-mail that went out just before a crash is sent again with the same Message-ID, which mail
systems use to drop the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.database import transaction
from parley.store.messaging_models import Delivery, InboxEntry, Message
from parley.store.models import OutboxNotice

OUTBOUND_CHANNELS = ("inbox", "email")
"""A seller's message reaches the buyer's inbox and the buyer's real address."""
INBOUND_CHANNELS = ("inbox", "email", "receipt")
"""A buyer's message reaches the seller's inbox and address; the buyer gets a receipt."""


def queue(session: Session, message: Message, now: datetime) -> None:
    channels = OUTBOUND_CHANNELS if message.direction == "outbound" else INBOUND_CHANNELS
    for channel in channels:
        session.add(Delivery(message_id=message.id, channel=channel, status="pending", attempts=0, next_attempt_at=now))
    session.flush()


class DeliveryError(RuntimeError):
    """A channel could not deliver now; the delivery is retried later."""


Sender = Callable[[Session, Message, str], None]
"""Delivers ``message`` on a channel that leaves the database (``email``, ``receipt``)."""


@dataclass
class RunReport:
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    released: int = 0


def _claim(session: Session, now: datetime) -> Delivery | None:
    query = (
        select(Delivery)
        .where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return session.scalar(query)


def _to_inbox(session: Session, message: Message, now: datetime) -> None:
    reader = "buyer" if message.direction == "outbound" else "seller"
    exists = session.scalar(
        select(InboxEntry.id).where(InboxEntry.message_id == message.id, InboxEntry.reader == reader)
    )
    if exists is None:
        session.add(InboxEntry(message_id=message.id, reader=reader, received_at=now, read_at=None))


def deliver_one(engine: Engine, send: Sender, settings: MessagingSettings, now: datetime | None = None) -> str | None:
    """Claim and deliver one due delivery in its own transaction; ``None`` when nothing is due."""
    now = now or datetime.now(UTC)
    try:
        with transaction(engine) as session:
            delivery = _claim(session, now)
            if delivery is None:
                return None
            message = session.get_one(Message, delivery.message_id)
            delivery.attempts += 1
            try:
                if delivery.channel == "inbox":
                    _to_inbox(session, message, now)
                else:
                    send(session, message, delivery.channel)
            except DeliveryError as error:
                delivery.last_error = str(error)[:2000]
                if delivery.attempts >= settings.delivery_max_attempts:
                    delivery.status = "failed"
                    return "failed"
                wait = settings.delivery_backoff_seconds * 2 ** (delivery.attempts - 1)
                delivery.next_attempt_at = now + timedelta(seconds=wait)
                return "retried"
            delivery.status = "done"
            delivery.done_at = now
            _mark_message(session, message, now)
            return "delivered"
    except IntegrityError:
        return "retried"  # another worker wrote the same inbox entry first; the row is claimed again


def _mark_message(session: Session, message: Message, now: datetime) -> None:
    session.flush()
    pending = session.scalar(
        select(Delivery.id).where(Delivery.message_id == message.id, Delivery.status != "done").limit(1)
    )
    if pending is None:
        message.status = "delivered"
        message.delivered_at = now


def run_once(
    engine: Engine,
    send: Sender,
    settings: MessagingSettings | None = None,
    now: datetime | None = None,
    *,
    limit: int = 1000,
    notices: NoticeSender | None = None,
) -> RunReport:
    """Release held messages that are due, deliver until nothing is due (or ``limit``), then e-mail
    the marketplace's due notices when a ``notices`` sender is given."""
    from parley.marketplace.messaging import held  # held queues what it releases through this module

    settings = settings or MessagingSettings.from_environment()
    report = RunReport()
    with transaction(engine) as session:
        report.released = held.release_due(session, now or datetime.now(UTC), settings)
    for _ in range(limit):
        result = deliver_one(engine, send, settings, now)
        if result is None:
            break
        setattr(report, result, getattr(report, result) + 1)
    for _ in range(limit if notices is not None else 0):
        result = deliver_notice(engine, notices, settings, now) if notices is not None else None
        if result is None:
            break
        setattr(report, result, getattr(report, result) + 1)
    return report


NoticeSender = Callable[[Session, OutboxNotice], None]
"""E-mails one of the marketplace's own notices (shipped, refunded, canceled) to its buyer."""


def deliver_notice(
    engine: Engine, send: NoticeSender, settings: MessagingSettings, now: datetime | None = None
) -> str | None:
    """Claim and e-mail one due marketplace notice; ``None`` when nothing is due."""
    now = now or datetime.now(UTC)
    with transaction(engine) as session:
        query = (
            select(OutboxNotice)
            .where(
                OutboxNotice.delivered_at.is_(None),
                OutboxNotice.attempts < settings.delivery_max_attempts,
                or_(OutboxNotice.next_attempt_at.is_(None), OutboxNotice.next_attempt_at <= now),
            )
            .order_by(OutboxNotice.id)
            .limit(1)
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        notice = session.scalar(query)
        if notice is None:
            return None
        notice.attempts += 1
        try:
            send(session, notice)
        except DeliveryError as error:
            notice.last_error = str(error)[:2000]
            if notice.attempts >= settings.delivery_max_attempts:
                return "failed"
            notice.next_attempt_at = now + timedelta(
                seconds=settings.delivery_backoff_seconds * 2 ** (notice.attempts - 1)
            )
            return "retried"
        notice.delivered_at = now
        return "delivered"
