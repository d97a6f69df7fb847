"""Sending the usual test messages: one a Swedish buyer needs, and one that breaks the rules."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from parley.marketplace import messaging
from parley.marketplace.messaging import Kind
from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.models import Order, Seller
from tests.marketplace.helpers import BOUGHT

NOW = BOUGHT + timedelta(hours=2)
SETTINGS = MessagingSettings()
GOOD_SV = (
    "Hej Anna! Vi behöver veta vilken färg du vill ha på graveringen för order {order_id}. "
    "Svara gärna med färgen så skickar vi varan direkt."
)
BAD_SV = (
    "Hej Anna! Din order {order_id} är på väg. Besök vår webbshop https://nordic-kitchen.example "
    "och få 20 % rabatt på nästa köp!"
)


def send(
    session: Session,
    seller: Seller,
    order: Order,
    text: str = GOOD_SV,
    *,
    kind: Kind = Kind.CONFIRM_ORDER_DETAILS,
    now: datetime = NOW,
    settings: MessagingSettings = SETTINGS,
) -> messaging.Outcome:
    """Send ``text`` (with ``{order_id}`` filled in) about ``order``."""
    return messaging.send(
        session,
        seller,
        order.amazon_order_id,
        kind,
        text=text.format(order_id=order.amazon_order_id),
        now=now,
        settings=settings,
    )
