"""Buyer inquiries and replies (G-BUYER-CONTACT, G-BUYER-PLAIN-TEXT, G-BUYER-PHISHING,
G-PAYMENTS-ON-PLATFORM, G-WHO) and response times."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace import accounts, messaging
from parley.marketplace.messaging import Kind, threads
from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.messaging_models import Delivery, Message
from tests.marketplace.helpers import BOUGHT, order, world

NOW = BOUGHT + timedelta(hours=2)
SETTINGS = MessagingSettings()


def test_an_inquiry_opens_a_thread_confirms_to_the_buyer_and_reaches_the_seller(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    inquiry = messaging.buyer_contact(
        session, w.buyer, w.seller, "Hej! Går det att få den i blått?", order_id=o.amazon_order_id, now=NOW
    )
    assert inquiry.thread.opened_by == "buyer"
    assert w.seller.name in inquiry.confirmation
    assert inquiry.confirmation != threads.CONFIRMATION  # told in Swedish, the buyer's language
    assert inquiry.warnings == []
    assert o.amazon_order_id in inquiry.message.subject
    channels = set(session.scalars(select(Delivery.channel).where(Delivery.message_id == inquiry.message.id)))
    assert channels == {"inbox", "email", "receipt"}


def test_a_buyer_message_arrives_as_plain_text(session: Session) -> None:
    w = world(session)
    html = '<p>Hello, <b>where</b> is my parcel?<img src="https://x.example/a.png"></p><script>alert(1)</script>'
    inquiry = messaging.buyer_contact(session, w.buyer, w.seller, html, now=NOW)
    assert "<" not in inquiry.message.body
    assert "where is my parcel" in inquiry.message.body.replace("  ", " ")


@pytest.mark.parametrize(
    ("text", "guideline"),
    [
        (
            "Amazon Seller Support: your account is suspended. Click http://secure-amazon-login.example/verify now",
            "G-BUYER-PHISHING",
        ),
        (
            "Can I pay you directly by bank transfer to IBAN SE45 5000 0000 0583 9825 7466 instead?",
            "G-PAYMENTS-ON-PLATFORM",
        ),
    ],
)
def test_suspicious_buyer_messages_carry_warnings_for_the_seller(session: Session, text: str, guideline: str) -> None:
    w = world(session)
    inquiry = messaging.buyer_contact(session, w.buyer, w.seller, text, now=NOW)
    assert inquiry.warnings
    assert any(guideline in warning["guidelines"] for warning in inquiry.warnings)  # type: ignore[operator]
    assert inquiry.message.status == "accepted"  # warned, never withheld (G-BUYER-UNREVIEWED)


def test_inquiries_must_say_something_and_only_about_the_buyers_own_orders(session: Session) -> None:
    w = world(session)
    other = accounts.create_buyer(session, "Bo", "bo@mail.example", "sv")
    o = order(session, w)
    with pytest.raises(threads.InquiryError):
        messaging.buyer_contact(session, w.buyer, w.seller, "   ", now=NOW)
    with pytest.raises(threads.InquiryError):
        messaging.buyer_contact(session, w.buyer, w.seller, "x" * 4001, now=NOW)
    with pytest.raises(threads.ThreadNotFoundError):
        messaging.buyer_contact(session, other, w.seller, "Hej", order_id=o.amazon_order_id, now=NOW)


def test_a_reply_is_not_proactive_and_answers_the_thread(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    w.buyer.opted_out = True  # replies reach buyers who opted out of unsolicited messages
    inquiry = messaging.buyer_contact(
        session, w.buyer, w.seller, "Hej! Går det att få den i blått?", order_id=o.amazon_order_id, now=NOW
    )
    answer = messaging.reply(
        session,
        w.seller,
        inquiry.thread.id,
        f"Hej Anna! Ja, order {o.amazon_order_id} kan vi skicka i blått. Vi byter färg innan leveransen.",
        now=NOW + timedelta(hours=3),
        settings=SETTINGS,
    )
    assert answer.status == "accepted", answer.explain("en")
    assert answer.message.proactive is False
    assert answer.message.subject.startswith("Re: ")
    assert inquiry.message.responded_at == NOW + timedelta(hours=3)


def test_no_reply_without_a_buyer_message(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    outcome = messaging.send(
        session, w.seller, o.amazon_order_id, Kind.BUYER_REPLY, text="Hej Anna!", now=NOW, settings=SETTINGS
    )
    assert outcome.status == "refused"
    assert {r.code for r in outcome.reasons} == {messaging.Refusal.NO_BUYER_MESSAGE}


def test_a_storefront_question_without_an_order_can_be_answered(session: Session) -> None:
    w = world(session)
    inquiry = messaging.buyer_contact(session, w.buyer, w.seller, "Does the pan work on induction?", now=NOW)
    answer = messaging.reply(
        session,
        w.seller,
        inquiry.thread.id,
        "Hello Anna, yes: the pan works on induction, gas and electric hobs.",
        now=NOW + timedelta(hours=1),
        settings=SETTINGS,
    )
    assert answer.status == "accepted", answer.explain("en")
    with pytest.raises(threads.ThreadNotFoundError):
        messaging.reply(session, w.other_seller, inquiry.thread.id, "Hello", now=NOW, settings=SETTINGS)


def test_response_time_counts_24_hours_with_weekends_and_skips_no_response_needed(session: Session) -> None:
    w = world(session)
    start = NOW
    quick = messaging.buyer_contact(session, w.buyer, w.seller, "Question one about sizes", now=start)
    messaging.reply(
        session,
        w.seller,
        quick.thread.id,
        "Hello Anna, size M fits chest 96 to 100 cm.",
        now=start + timedelta(hours=2),
    )
    o = order(session, w)
    slow = messaging.buyer_contact(session, w.buyer, w.seller, "Where is it?", order_id=o.amazon_order_id, now=start)
    slow.message.responded_at = start + timedelta(hours=30)
    o2 = order(session, w)
    ignored = messaging.buyer_contact(session, w.buyer, w.seller, "Hello?", order_id=o2.amazon_order_id, now=start)
    o3 = order(session, w)
    thanks = messaging.buyer_contact(session, w.buyer, w.seller, "Thanks!", order_id=o3.amazon_order_id, now=start)
    threads.mark_no_response_needed(session, w.seller, thanks.message.public_id)
    session.flush()
    metrics = messaging.response_metrics(session, w.seller, start + timedelta(days=2), 7)
    assert (metrics.counted, metrics.late, metrics.unanswered) == (3, 1, 1)
    assert metrics.late_rate == pytest.approx(2 / 3)
    assert ignored.message.responded_at is None
    assert session.scalar(select(Message.no_response_needed).where(Message.id == thanks.message.id)) is True
    with pytest.raises(threads.ThreadNotFoundError):
        threads.mark_no_response_needed(session, w.other_seller, thanks.message.public_id)
