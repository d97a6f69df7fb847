"""Permitted messages end to end: eligibility, templates, sending, enforcement and delivery.

This is the one entry point the HTTP API, the SMTP relay, the web pages and the CLI call:

- ``actions_for_order(session, seller, order_id)``: every kind, available or why not;
- ``send(...)``: validate, check eligibility and policy, record, then queue, hold or block;
- ``buyer_contact(...)`` and replies through ``send(..., Kind.BUYER_REPLY)``;
- ``outbox.run_once(engine, sender)``: the delivery worker's step.

Services take a Session and never commit; callers own the transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from parley.marketplace.messaging.eligibility import Availability, Reason, Refusal, availability, gather
from parley.marketplace.messaging.kinds import RULES, Kind, parse
from parley.marketplace.messaging.requests import InvalidRequestError, NewAttachment
from parley.marketplace.messaging.sending import OrderNotFoundError, Outcome, reply, seller_order, send
from parley.marketplace.messaging.settings import MessagingSettings
from parley.marketplace.messaging.threads import Inquiry, buyer_contact, response_metrics
from parley.store.models import Seller

__all__ = [
    "RULES",
    "Availability",
    "Inquiry",
    "InvalidRequestError",
    "Kind",
    "MessagingSettings",
    "NewAttachment",
    "OrderNotFoundError",
    "Outcome",
    "Reason",
    "Refusal",
    "actions_for_order",
    "buyer_contact",
    "parse",
    "reply",
    "response_metrics",
    "send",
]


def actions_for_order(
    session: Session,
    seller: Seller,
    order_id: str,
    *,
    now: datetime | None = None,
    settings: MessagingSettings | None = None,
) -> list[Availability]:
    """Every message kind for the seller's order: available now, or the reasons it is not.

    Raises ``OrderNotFoundError`` for an order that is not the seller's, exactly as for one that
    does not exist."""
    now = now or datetime.now(UTC)
    order = seller_order(session, seller, order_id)
    return availability(gather(session, seller, order, now), settings or MessagingSettings.from_environment())
