"""Running the policy engine on a message about an order, with everything the order tells it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from parley.marketplace.messaging.kinds import RULES, Kind
from parley.marketplace.messaging.requests import NewAttachment
from parley.policy import Context, Direction, Finding, Message, Verdict, check
from parley.policy.context import AMAZON_DOMAINS
from parley.policy.i18n import render
from parley.policy.parts import Attachment as PolicyAttachment
from parley.store.models import Order


def order_context(
    order: Order,
    kind: Kind | None,
    language: str,
    now: datetime,
    *,
    review_requests_sent: int = 0,
    direction: Direction = Direction.OUTBOUND,
) -> Context:
    rules = RULES[kind] if kind is not None else None
    days = (now - order.completed_at).days if order.completed_at is not None else None
    domains = tuple(dict.fromkeys((order.marketplace.domain, *AMAZON_DOMAINS)))
    return Context(
        direction=direction,
        proactive=rules.proactive if rules is not None else False,
        kind=rules.purpose if rules is not None else None,
        order_id=order.amazon_order_id,
        days_since_completion=days,
        buyer_language=language,
        review_requests_sent=review_requests_sent,
        marketplace_name=order.marketplace.name,
        marketplace_domains=domains,
        product_image_urls=tuple(item.image_url for item in order.items if item.image_url),
        product_titles=tuple(item.title for item in order.items),
    )


def policy_message(
    body: str, subject: str | None, attachments: Sequence[NewAttachment] = (), types: Sequence[str] = ()
) -> Message:
    message = Message.parse(body, subject=subject)
    for attachment, sniffed in zip(attachments, types, strict=False):
        message.attachments.append(
            PolicyAttachment(
                filename=attachment.file_name,
                declared_type=sniffed,
                sniffed_type=sniffed,
                size=len(attachment.data),
                data=attachment.data,
            )
        )
    return message


def run(message: Message, context: Context, edition: str) -> Verdict:
    return check(message, context, edition=edition)


def stored_finding(verdict: Verdict, finding: Finding) -> dict[str, Any]:
    """A finding as the audit trail keeps it: English text, plus the message IDs and parameters to
    tell it again in any reader's language."""
    stored = verdict.finding_dict(finding, "en")
    stored["advice_id"] = finding.advice_id
    stored["message_id"] = finding.message_id
    stored["params"] = {key: str(value) for key, value in finding.params.items()}
    return stored


def retell(finding: dict[str, Any], language: str) -> str:
    """A stored finding's explanation in ``language``."""
    if not finding.get("message_id"):
        return str(finding.get("message", ""))
    return render(finding["message_id"], language, finding.get("params") or {})
