"""Messages for ``parley demo``: buyers ask questions, sellers answer and send templates, review
requests go out where the window is open, and one seller's promotional message is blocked."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace import messaging
from parley.marketplace.catalog import Channel, OrderStatus
from parley.marketplace.messaging import Kind
from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.models import Order

QUESTIONS = {
    "en": "Hello, could you tell me whether the item fits a 28 cm pan?",
    "sv": "Hej! Passar den till en stekpanna på 28 cm?",
    "nl": "Hallo, past dit op een pan van 28 cm?",
    "de": "Hallo, passt das auf eine 28-cm-Pfanne?",
    "fr": "Bonjour, est-ce que cela convient à une poêle de 28 cm ?",
    "es": "Hola, ¿sirve para una sartén de 28 cm?",
    "it": "Buongiorno, va bene per una padella da 28 cm?",
    "pl": "Dzień dobry, czy pasuje do patelni 28 cm?",
    "ja": "こんにちは。28cmのフライパンに合いますか？",
    "zh": "您好，请问这个适合28厘米的平底锅吗？",
}
PROMOTION = "Thanks for your order {order_id}! Visit https://our-shop.example for 20% off your next purchase."


def seed_messages(session: Session, rng: random.Random, now: datetime) -> int:
    """Send a realistic mix of messages through the messaging service; returns how many were recorded."""
    settings = MessagingSettings()
    orders = list(session.scalars(select(Order).order_by(Order.id)))
    sent = 0
    unshipped = [o for o in orders if o.status == OrderStatus.UNSHIPPED and o.channel == Channel.MFN and not o.is_mcf]
    for order in rng.sample(unshipped, min(12, len(unshipped))):
        messaging.send(
            session, order.seller, order.amazon_order_id, Kind.CONFIRM_ORDER_DETAILS, use_template=True,
            channel="web", now=now, settings=settings,
        )  # fmt: skip
        sent += 1
    delivered = [o for o in orders if o.status == OrderStatus.DELIVERED and not o.is_mcf]
    for order in rng.sample(delivered, min(40, len(delivered))):
        start = order.earliest_delivery_date + timedelta(days=settings.review_earliest_days)
        if start <= now <= order.latest_delivery_date + timedelta(days=settings.review_latest_days):
            messaging.send(
                session, order.seller, order.amazon_order_id, Kind.REVIEW_REQUEST, now=now, settings=settings
            )
            sent += 1
    for order in rng.sample(orders, min(10, len(orders))):
        language = order.buyer.preferred_language.split("-")[0]
        inquiry = messaging.buyer_contact(
            session, order.buyer, order.seller, QUESTIONS.get(language, QUESTIONS["en"]),
            order_id=order.amazon_order_id, now=now - timedelta(hours=rng.uniform(1, 40)),
        )  # fmt: skip
        sent += 1
        if rng.random() < 0.6:
            messaging.reply(
                session, order.seller, inquiry.thread.id, _answer(language, order.amazon_order_id), now=now,
                settings=settings,
            )  # fmt: skip
            sent += 1
    if unshipped:
        order = unshipped[0]
        messaging.send(
            session, order.seller, order.amazon_order_id, Kind.PROACTIVE,
            text=PROMOTION.format(order_id=order.amazon_order_id), now=now, settings=settings,
        )  # fmt: skip
        sent += 1
    return sent


ANSWERS = {
    "en": "Hello, yes: the lid fits pans of 28 cm. Order {order_id} ships as planned.",
    "sv": "Hej! Ja, locket passar pannor på 28 cm. Order {order_id} skickas som planerat.",
    "nl": "Hallo, ja: het deksel past op pannen van 28 cm. Bestelling {order_id} wordt verzonden zoals gepland.",
    "de": "Hallo, ja: der Deckel passt auf Pfannen mit 28 cm. Bestellung {order_id} wird wie geplant versendet.",
    "fr": "Bonjour, oui : le couvercle convient aux poêles de 28 cm. La commande {order_id} part comme prévu.",
    "es": "Hola, sí: la tapa sirve para sartenes de 28 cm. El pedido {order_id} se envía según lo previsto.",
    "it": "Buongiorno, sì: il coperchio va bene per padelle da 28 cm. L'ordine {order_id} parte come previsto.",
    "pl": "Dzień dobry, tak: pokrywka pasuje do patelni 28 cm. Zamówienie {order_id} wyślemy zgodnie z planem.",
    "ja": "こんにちは。はい、このふたは28cmのフライパンに合います。ご注文 {order_id} は予定どおり発送します。",
    "zh": "您好，是的，这个锅盖适合28厘米的平底锅。订单 {order_id} 将按计划发货。",
}


def _answer(language: str, order_id: str) -> str:
    return ANSWERS.get(language, ANSWERS["en"]).format(order_id=order_id)
