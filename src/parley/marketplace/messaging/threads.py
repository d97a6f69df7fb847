"""Buyers write to sellers (G-BUYER-CONTACT), sellers answer, and response times are measured.

A buyer's message arrives as plain text only (G-BUYER-PLAIN-TEXT): whatever markup it had is
rendered to text before anyone reads it. The inbound rules run on the original, so a seller is
warned about a message that pretends to be the marketplace or pushes a link or an off-platform
payment (G-BUYER-PHISHING, G-PAYMENTS-ON-PLATFORM), and the warnings are kept with the message.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace import notices
from parley.marketplace.messaging import checking, outbox
from parley.marketplace.messaging.settings import MessagingSettings
from parley.policy import Context, Direction
from parley.policy.i18n import N_, normalise_language, render
from parley.store.messaging_models import Message, Thread
from parley.store.models import Buyer, Order, Seller

INQUIRY = "buyerInquiry"
MAX_INQUIRY_CHARACTERS = 4000
CONFIRMATION = N_(
    "Your message to %(seller)s was sent. The seller will answer in your messages and by e-mail, "
    "usually within 24 hours."
)
INQUIRY_SUBJECT = N_("Question from a customer")
INQUIRY_SUBJECT_ORDER = N_("Question from a customer about order %(order_id)s")


class ThreadNotFoundError(LookupError):
    """No such conversation for this reader."""


class InquiryError(ValueError):
    """An inquiry that cannot be sent: empty or too long."""


@dataclass(frozen=True)
class Inquiry:
    message: Message
    thread: Thread
    confirmation: str
    """What the buyer is told, in the buyer's language."""
    warnings: list[dict[str, object]]


def buyer_contact(
    session: Session,
    buyer: Buyer,
    seller: Seller,
    text: str,
    *,
    order_id: str | None = None,
    subject: str | None = None,
    channel: str = "web",
    now: datetime | None = None,
) -> Inquiry:
    """A buyer writes to a seller from the storefront, about an order or about buying."""
    now = now or datetime.now(UTC)
    order = None
    if order_id is not None:
        order = session.scalar(
            select(Order).where(
                Order.amazon_order_id == order_id, Order.buyer_id == buyer.id, Order.seller_id == seller.id
            )
        )
        if order is None:
            raise ThreadNotFoundError(order_id)
    parsed = checking.policy_message(text, subject)
    plain = parsed.body_text.strip()
    if not plain:
        raise InquiryError("the message is empty")
    if len(plain) > MAX_INQUIRY_CHARACTERS:
        raise InquiryError(f"the message has {len(plain)} characters; at most {MAX_INQUIRY_CHARACTERS} are allowed")
    language = normalise_language(seller.language)
    if order is not None:
        context = checking.order_context(order, None, language, now, direction=Direction.INBOUND)
        default_subject = render(INQUIRY_SUBJECT_ORDER, language, {"order_id": order.amazon_order_id})
    else:
        context = Context(direction=Direction.INBOUND, proactive=False)
        default_subject = render(INQUIRY_SUBJECT, language)
    verdict = checking.run(parsed, context, "current")
    subject = (subject or "").strip() or default_subject
    thread = _thread(session, buyer, seller, order, subject=subject, now=now)
    message = Message(
        public_id=str(uuid.uuid4()),
        seller_id=seller.id,
        buyer_id=buyer.id,
        order_id=order.id if order is not None else None,
        thread_id=thread.id,
        direction="inbound",
        kind=INQUIRY,
        channel=channel,
        subject=subject[:300],
        body=plain,
        language=language,
        status="accepted",
        decision=str(verdict.decision),
        edition=verdict.edition,
        findings=[checking.stored_finding(verdict, finding) for finding in verdict.findings],
        rules_run=list(verdict.rules_run),
        refusals=[],
        proactive=False,
        critical=True,
        created_at=now,
        accepted_at=now,
    )
    session.add(message)
    session.flush()
    outbox.queue(session, message, now)
    buyer_language = (
        notices.buyer_language(order) if order is not None else normalise_language(buyer.preferred_language)
    )
    confirmation = render(CONFIRMATION, buyer_language, {"seller": seller.name})
    warnings = [verdict.finding_dict(finding, language) for finding in verdict.findings]
    return Inquiry(message, thread, confirmation, warnings)


def _thread(
    session: Session, buyer: Buyer, seller: Seller, order: Order | None, *, subject: str, now: datetime
) -> Thread:
    query = select(Thread).where(Thread.seller_id == seller.id, Thread.buyer_id == buyer.id)
    query = query.where(Thread.order_id == order.id) if order is not None else query.where(Thread.order_id.is_(None))
    thread = session.scalar(query.order_by(Thread.id).limit(1))
    if thread is None:
        thread = Thread(
            seller_id=seller.id,
            buyer_id=buyer.id,
            order_id=order.id if order is not None else None,
            subject=subject[:300],
            opened_by="buyer",
            created_at=now,
        )
        session.add(thread)
        session.flush()
    elif thread.opened_by != "buyer" and order is not None:
        thread.opened_by = "buyer"  # the buyer wrote in a thread the seller opened: replies are now allowed
    return thread


def seller_thread(session: Session, seller: Seller, thread_id: int) -> Thread:
    thread = session.get(Thread, thread_id)
    if thread is None or thread.seller_id != seller.id:
        raise ThreadNotFoundError(str(thread_id))
    return thread


def mark_no_response_needed(session: Session, seller: Seller, public_id: str) -> Message:
    message = session.scalar(
        select(Message).where(
            Message.public_id == public_id, Message.seller_id == seller.id, Message.direction == "inbound"
        )
    )
    if message is None:
        raise ThreadNotFoundError(public_id)
    message.no_response_needed = True
    return message


@dataclass(frozen=True)
class ResponseMetrics:
    days: int
    counted: int
    """Buyer messages in the window that needed an answer and whose 24 hours are over (or answered)."""
    late: int
    unanswered: int
    average_hours: float | None

    @property
    def late_rate(self) -> float:
        return (self.late + self.unanswered) / self.counted if self.counted else 0.0


def response_metrics(
    session: Session, seller: Seller, now: datetime, days: int, settings: MessagingSettings | None = None
) -> ResponseMetrics:
    """Late responses over the last ``days`` days: answered after 24 hours, weekends included, or not
    at all once 24 hours passed; messages marked "no response needed" do not count."""
    settings = settings or MessagingSettings()
    limit = timedelta(hours=settings.response_hours)
    messages = session.scalars(
        select(Message).where(
            Message.seller_id == seller.id,
            Message.direction == "inbound",
            Message.no_response_needed.is_(False),
            Message.created_at > now - timedelta(days=days),
        )
    )
    counted = late = unanswered = 0
    hours: list[float] = []
    for message in messages:
        if message.responded_at is None:
            if now - message.created_at > limit:
                counted += 1
                unanswered += 1
            continue
        counted += 1
        waited = message.responded_at - message.created_at
        hours.append(waited.total_seconds() / 3600)
        if waited > limit:
            late += 1
    average = sum(hours) / len(hours) if hours else None
    return ResponseMetrics(days, counted, late, unanswered, average)
