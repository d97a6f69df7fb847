"""Sending a seller's message about an order: validate, check eligibility, run the policy, record,
then queue it for delivery, hold it for tomorrow, or block it and say exactly why.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace import notices
from parley.marketplace.messaging import checking, eligibility, outbox, standing, threads, volume
from parley.marketplace.messaging.kinds import RULES, Kind
from parley.marketplace.messaging.requests import NewAttachment, validate
from parley.marketplace.messaging.settings import MessagingSettings
from parley.marketplace.messaging.templates import render_template
from parley.policy import Context, Verdict
from parley.policy.i18n import N_, normalise_language, render
from parley.store.messaging_models import Attachment, Message, StandingChange, Thread
from parley.store.models import Buyer, Order, Seller

SUMMARIES = {
    "blocked": N_(
        "This message was not sent: it does not meet the communication guidelines. "
        "%(count)s problem(s) are listed below, each with how to fix it."
    ),
    "refused": N_("This message cannot be sent for this order now: %(reasons)s"),
    "held": N_("Your daily limit of proactive messages is reached; this message goes out on %(date)s."),
    "accepted": N_("The message was accepted and is being delivered to the buyer."),
}


class OrderNotFoundError(LookupError):
    """No such order for this seller: the same answer whether another seller has it or nobody does."""


@dataclass
class Outcome:
    """What became of one send request."""

    message: Message
    verdict: Verdict | None
    reasons: tuple[eligibility.Reason, ...] = ()
    standing_change: StandingChange | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return self.message.status

    @property
    def sent(self) -> bool:
        return self.message.status in ("accepted", "delivered", "held")

    def summary(self, language: str) -> str:
        params = {
            "count": str(len(self.blocking_findings())),
            "reasons": " ".join(reason.text(language) for reason in self.reasons),
            "date": self.message.deliver_after.date().isoformat() if self.message.deliver_after else "",
        }
        return render(SUMMARIES.get(self.status, SUMMARIES["accepted"]), language, params)

    def blocking_findings(self) -> list[dict[str, Any]]:
        return [finding for finding in self.message.findings if finding.get("action") == "block"]

    def explain(self, language: str) -> list[dict[str, Any]]:
        """Every finding as the seller reads it: rule, guidelines, excerpt, why, and the fix."""
        if self.verdict is None:
            return []
        return [
            {
                **self.verdict.finding_dict(finding, language),
                "fix": self.verdict.advise(finding, language) if finding.advice_id else "",
            }
            for finding in self.verdict.findings
        ]


def seller_order(session: Session, seller: Seller, order_id: str) -> Order:
    order = session.scalar(select(Order).where(Order.amazon_order_id == order_id, Order.seller_id == seller.id))
    if order is None:
        raise OrderNotFoundError(order_id)
    return order


def order_thread(session: Session, order: Order, opened_by: str, subject: str, now: datetime) -> Thread:
    """The order's conversation between its buyer and seller, opened now if there is none."""
    thread = session.scalar(
        select(Thread)
        .where(Thread.order_id == order.id, Thread.seller_id == order.seller_id, Thread.buyer_id == order.buyer_id)
        .order_by(Thread.id)
        .limit(1)
    )
    if thread is None:
        thread = Thread(
            seller_id=order.seller_id,
            buyer_id=order.buyer_id,
            order_id=order.id,
            subject=subject[:300],
            opened_by=opened_by,
            created_at=now,
        )
        session.add(thread)
        session.flush()
    return thread


def send(
    session: Session,
    seller: Seller,
    order_id: str,
    kind: Kind,
    *,
    text: str = "",
    subject: str | None = None,
    attachments: Sequence[NewAttachment] = (),
    use_template: bool = False,
    fields: Mapping[str, str] | None = None,
    channel: str = "api",
    now: datetime | None = None,
    settings: MessagingSettings | None = None,
) -> Outcome:
    """Send ``kind`` for the seller's order. Raises ``OrderNotFoundError`` and ``InvalidRequestError``;
    every other outcome (refused, blocked, held, accepted) is recorded and returned."""
    now = now or datetime.now(UTC)
    settings = settings or MessagingSettings.from_environment()
    order = seller_order(session, seller, order_id)
    rules = RULES[kind]
    if use_template and text.strip():
        use_template = False
    language = notices.buyer_language(order)
    template = render_template(kind, order, language, **dict(fields or {}))
    body = template.body if use_template or rules.text_limit == 0 else text
    types = validate(kind, body if rules.text_limit else text, attachments)
    facts = eligibility.gather(session, seller, order, now)
    reasons = list(eligibility.availability(facts, settings, [kind])[0].reasons)
    if facts.standing == standing.TEMPLATES_ONLY and rules.proactive and not use_template and rules.text_limit:
        reasons.append(
            eligibility.Reason(
                eligibility.Refusal.SELLER_TEMPLATES_ONLY,
                {"until": facts.standing_until.date().isoformat() if facts.standing_until else ""},
            )
        )
    subject = (subject or "").strip() or template.subject
    verdict = checking.run(
        checking.policy_message(body, subject, attachments, types),
        checking.order_context(order, kind, language, now, review_requests_sent=facts.review_requests),
        standing.settings_for(session, seller).edition,
    )
    thread = order_thread(session, order, "seller", subject, now)
    message = _new_message(
        seller,
        order.buyer_id,
        thread,
        kind=kind,
        channel=channel,
        subject=subject,
        body=body,
        language=language,
        verdict=verdict,
        now=now,
    )
    message.order_id = order.id
    return _finish(
        session,
        seller,
        message,
        verdict,
        reasons=reasons,
        attachments=attachments,
        types=types,
        thread=thread,
        now=now,
        settings=settings,
    )


def reply(
    session: Session,
    seller: Seller,
    thread_id: int,
    text: str,
    *,
    attachments: Sequence[NewAttachment] = (),
    channel: str = "web",
    now: datetime | None = None,
    settings: MessagingSettings | None = None,
) -> Outcome:
    """Answer the buyer in a thread the buyer opened; a reply is not proactive (G-WHO)."""
    now = now or datetime.now(UTC)
    settings = settings or MessagingSettings.from_environment()
    thread = threads.seller_thread(session, seller, thread_id)
    subject = thread.subject if thread.subject.lower().startswith("re:") else f"Re: {thread.subject}"
    if thread.order_id is not None:
        order = session.get_one(Order, thread.order_id)
        return send(
            session,
            seller,
            order.amazon_order_id,
            Kind.BUYER_REPLY,
            text=text,
            subject=subject,
            attachments=attachments,
            channel=channel,
            now=now,
            settings=settings,
        )
    types = validate(Kind.BUYER_REPLY, text, attachments)
    buyer = session.get_one(Buyer, thread.buyer_id)
    language = normalise_language(buyer.preferred_language)
    reasons = []
    if thread.opened_by != "buyer":
        reasons.append(eligibility.Reason(eligibility.Refusal.NO_BUYER_MESSAGE, {}))
    verdict = checking.run(
        checking.policy_message(text, subject, attachments, types),
        Context(proactive=False, pre_sale=True, buyer_language=language),
        standing.settings_for(session, seller).edition,
    )
    message = _new_message(
        seller,
        buyer.id,
        thread,
        kind=Kind.BUYER_REPLY,
        channel=channel,
        subject=subject,
        body=text,
        language=language,
        verdict=verdict,
        now=now,
    )
    return _finish(
        session,
        seller,
        message,
        verdict,
        reasons=reasons,
        attachments=attachments,
        types=types,
        thread=thread,
        now=now,
        settings=settings,
    )


def _new_message(
    seller: Seller,
    buyer_id: int,
    thread: Thread,
    *,
    kind: Kind,
    channel: str,
    subject: str,
    body: str,
    language: str,
    verdict: Verdict,
    now: datetime,
) -> Message:
    rules = RULES[kind]
    return Message(
        public_id=str(uuid.uuid4()),
        seller_id=seller.id,
        buyer_id=buyer_id,
        thread_id=thread.id,
        direction="outbound",
        kind=kind.value,
        channel=channel,
        subject=subject[:300],
        body=body,
        language=language,
        decision=str(verdict.decision),
        edition=verdict.edition,
        findings=[checking.stored_finding(verdict, finding) for finding in verdict.findings],
        rules_run=list(verdict.rules_run),
        proactive=rules.proactive,
        critical=rules.critical,
        created_at=now,
    )


def _finish(
    session: Session,
    seller: Seller,
    message: Message,
    verdict: Verdict,
    *,
    reasons: Sequence[eligibility.Reason],
    attachments: Sequence[NewAttachment],
    types: Sequence[str],
    thread: Thread,
    now: datetime,
    settings: MessagingSettings,
) -> Outcome:
    """Decide the message's fate, record it with its attachments, and queue, hold or count it."""
    message.refusals = [{"code": reason.code.value, "params": reason.params} for reason in reasons]
    message.attachments = [
        Attachment(file_name=a.file_name, content_type=t, size=len(a.data), data=a.data)
        for a, t in zip(attachments, types, strict=True)
    ]
    outcome = Outcome(message, verdict, tuple(reasons))
    if reasons:
        message.status = "refused"
    elif not verdict.allowed:
        message.status = "blocked"
    elif message.proactive and not volume.has_room(session, seller, now, settings):
        message.status = "held"
        message.deliver_after = volume.next_day(now)
    else:
        message.status = "accepted"
        message.accepted_at = now
    session.add(message)
    session.flush()
    if message.status == "accepted":
        outbox.queue(session, message, now)
        if not message.proactive:
            answered(session, thread, now)
    if not verdict.allowed:
        outcome.standing_change = standing.record_violation(session, seller, now, settings)
    return outcome


def answered(session: Session, thread: Thread, now: datetime) -> None:
    """A seller's reply answers every buyer message in the thread still waiting for one."""
    for waiting in session.scalars(
        select(Message).where(
            Message.thread_id == thread.id, Message.direction == "inbound", Message.responded_at.is_(None)
        )
    ):
        waiting.responded_at = now
