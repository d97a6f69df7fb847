"""Feedback for ``parley demo``: buyers rate their delivered orders in their own language, and each
seller asks for a few negative feedbacks on marketplace-fulfilled orders to be struck through, so
the demo shows granted and refused decisions side by side."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace.catalog import Channel, OrderStatus
from parley.marketplace.feedback import records, strike
from parley.store.feedback_models import Feedback
from parley.store.models import Order, Seller

SHARE_RATED = 0.45
STRIKE_REQUESTS_PER_SELLER = 3
# kind: (ratings, weight). "delivery" is about the marketplace's delivery only; "mixed" adds the product.
KINDS = {"positive": ((4, 5, 5), 55), "neutral": ((3,), 10), "delivery": ((1, 2), 15), "product": ((1, 2), 10),
         "mixed": ((1, 2), 10)}  # fmt: skip
COMMENTS: dict[str, dict[str, str]] = {
    "en": {"positive": "Exactly as described and well packed. Thank you!",
           "neutral": "It does the job, nothing special.",
           "delivery": "The parcel arrived a week late and the tracking never updated.",
           "product": "The handle came loose after two days of use.",
           "mixed": "Arrived late and the lid was cracked."},
    "sv": {"positive": "Precis som beskrivet och väl förpackat. Tack!",
           "neutral": "Den fungerar, inget speciellt.",
           "delivery": "Paketet kom en vecka för sent och spårningen uppdaterades aldrig.",
           "product": "Handtaget lossnade efter två dagars användning.",
           "mixed": "Kom för sent och locket var sprucket."},
    "nl": {"positive": "Precies zoals beschreven en goed verpakt. Dank!",
           "neutral": "Doet wat het moet doen, niets bijzonders.",
           "delivery": "Het pakket kwam een week te laat en de track-and-trace werd nooit bijgewerkt.",
           "product": "Het handvat zat na twee dagen gebruik al los.",
           "mixed": "Te laat bezorgd en het deksel was gebarsten."},
    "de": {"positive": "Genau wie beschrieben und gut verpackt. Danke!",
           "neutral": "Erfüllt seinen Zweck, mehr nicht.",
           "delivery": "Das Paket kam eine Woche zu spät und die Sendungsverfolgung wurde nie aktualisiert.",
           "product": "Der Griff hat sich nach zwei Tagen gelöst.",
           "mixed": "Kam zu spät an und der Deckel hatte einen Riss."},
    "fr": {"positive": "Conforme à la description et bien emballé. Merci !",
           "neutral": "Il fait le travail, sans plus.",
           "delivery": "Le colis est arrivé avec une semaine de retard et le suivi n'a jamais été mis à jour.",
           "product": "La poignée s'est détachée après deux jours d'utilisation.",
           "mixed": "Arrivé en retard et le couvercle était fissuré."},
    "es": {"positive": "Tal como se describe y bien embalado. ¡Gracias!",
           "neutral": "Cumple, sin más.",
           "delivery": "El paquete llegó con una semana de retraso y el seguimiento nunca se actualizó.",
           "product": "El asa se soltó a los dos días de uso.",
           "mixed": "Llegó tarde y la tapa estaba rajada."},
    "it": {"positive": "Esattamente come descritto e ben imballato. Grazie!",
           "neutral": "Fa il suo lavoro, niente di speciale.",
           "delivery": "Il pacco è arrivato con una settimana di ritardo e il tracciamento non si è mai aggiornato.",
           "product": "Il manico si è staccato dopo due giorni di utilizzo.",
           "mixed": "Arrivato in ritardo e il coperchio era crepato."},
    "pl": {"positive": "Dokładnie jak w opisie i dobrze zapakowane. Dziękuję!",
           "neutral": "Spełnia swoje zadanie, nic więcej.",
           "delivery": "Paczka przyszła tydzień po terminie, a śledzenie przesyłki w ogóle się nie aktualizowało.",
           "product": "Uchwyt odpadł po dwóch dniach używania.",
           "mixed": "Przyszło z opóźnieniem, a pokrywka była pęknięta."},
    "ja": {"positive": "説明どおりで梱包も丁寧でした。ありがとうございます。",
           "neutral": "使えますが、特に良くも悪くもありません。",
           "delivery": "荷物が1週間遅れて届き、追跡情報も一度も更新されませんでした。",
           "product": "使い始めて2日で取っ手が外れました。",
           "mixed": "届くのが遅れたうえに、ふたにひびが入っていました。"},
    "zh": {"positive": "和描述完全一致，包装也很好。谢谢！",
           "neutral": "能用，没什么特别的。",
           "delivery": "包裹晚到了一个星期，物流信息也一直没有更新。",
           "product": "用了两天把手就松了。",
           "mixed": "到得很晚，而且盖子裂了。"},
}  # fmt: skip


def _kind(rng: random.Random) -> str:
    kinds = list(KINDS)
    return rng.choices(kinds, weights=[KINDS[kind][1] for kind in kinds])[0]


def seed_feedback(session: Session, rng: random.Random, now: datetime) -> int:
    """Leave feedback on about half of the orders delivered in the last 90 days; returns how many."""
    delivered = session.scalars(
        select(Order)
        .where(Order.status == OrderStatus.DELIVERED, Order.delivered_at >= now - records.LEAVE_WINDOW)
        .order_by(Order.id)
    ).all()
    left = 0
    for order in delivered:
        if order.delivered_at is None or rng.random() >= SHARE_RATED:
            continue
        kind = _kind(rng)
        language = order.buyer.preferred_language.split("-")[0]
        comment = COMMENTS.get(language, COMMENTS["en"])[kind]
        when = min(now, order.delivered_at + timedelta(days=rng.uniform(0.5, 10)))
        records.leave(session, order.buyer, order.amazon_order_id, rng.choice(KINDS[kind][0]), comment, now=when)
        left += 1
    _request_strike_throughs(session, now)
    return left


def _request_strike_throughs(session: Session, now: datetime) -> None:
    """Each seller asks about its newest negative feedbacks on marketplace-fulfilled orders."""
    for seller in session.scalars(select(Seller).order_by(Seller.id)):
        candidates = session.scalars(
            select(Feedback)
            .join(Order, Feedback.order_id == Order.id)
            .where(Feedback.seller_id == seller.id, Feedback.rating <= 2, Order.channel == Channel.AFN)
            .order_by(Feedback.left_at.desc())
            .limit(STRIKE_REQUESTS_PER_SELLER)
        ).all()
        for feedback in candidates:
            strike.request(session, seller, feedback.id, now=now)
