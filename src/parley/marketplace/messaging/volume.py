"""The daily cap on a seller's proactive messages: the surplus waits for the next day.

The cap is ``multiplier × average daily orders over the last 30 days + base`` (5 × + 600 by
default, the figure sellers' tools work to). Days are UTC days.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.messaging_models import Message
from parley.store.models import Order, Seller

ORDER_DAYS = 30


def day_start(now: datetime) -> datetime:
    return datetime.combine(now.date(), time(), tzinfo=now.tzinfo)


def next_day(now: datetime) -> datetime:
    return day_start(now) + timedelta(days=1)


def daily_cap(session: Session, seller: Seller, now: datetime, settings: MessagingSettings) -> int:
    orders = session.scalar(
        select(func.count(Order.id)).where(
            Order.seller_id == seller.id,
            Order.purchase_date > now - timedelta(days=ORDER_DAYS),
            Order.purchase_date <= now,
        )
    )
    return settings.daily_cap_multiplier * int(orders or 0) // ORDER_DAYS + settings.daily_cap_base


def sent_today(session: Session, seller: Seller, now: datetime) -> int:
    count = session.scalar(
        select(func.count(Message.id)).where(
            Message.seller_id == seller.id,
            Message.proactive.is_(True),
            Message.accepted_at >= day_start(now),
            Message.accepted_at < next_day(now),
        )
    )
    return int(count or 0)


def has_room(session: Session, seller: Seller, now: datetime, settings: MessagingSettings) -> bool:
    return sent_today(session, seller, now) < daily_cap(session, seller, now, settings)
