"""Messages held over the daily cap: when their day comes they are checked again, because an
order can change overnight (canceled, the window closed, the buyer opted out)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace.messaging import eligibility, outbox, volume
from parley.marketplace.messaging.kinds import Kind
from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.messaging_models import Message
from parley.store.models import Order, Seller


def release_due(session: Session, now: datetime, settings: MessagingSettings, limit: int = 10_000) -> int:
    """Accept or refuse each held message that is due; those still over the cap wait another day."""
    released = 0
    due = session.scalars(
        select(Message)
        .where(Message.status == "held", Message.deliver_after <= now)
        .order_by(Message.created_at, Message.id)
        .limit(limit)
    )
    for message in list(due):
        order = session.get_one(Order, message.order_id)
        seller = session.get_one(Seller, message.seller_id)
        facts = eligibility.gather(session, seller, order, now, excluding=message.id)
        reasons = eligibility.availability(facts, settings, [Kind(message.kind)])[0].reasons
        if reasons:
            message.status = "refused"
            message.refusals = [{"code": reason.code.value, "params": reason.params} for reason in reasons]
        elif volume.has_room(session, seller, now, settings):
            message.status = "accepted"
            message.accepted_at = now
            message.deliver_after = None
            session.flush()
            outbox.queue(session, message, now)
            released += 1
        else:
            message.deliver_after = volume.next_day(now)
    session.flush()
    return released
