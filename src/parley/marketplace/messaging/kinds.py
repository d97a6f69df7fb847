"""The message kinds a seller can send, and what the marketplace allows for each.

The SP-API kinds keep their operation names (``confirmDeliveryDetails``) so the HTTP API, the web
pages and the relay speak of the same thing. Text limits and attachment counts are the Messaging
API model's; which kinds are *critical* (delivered even when the buyer opted out of unsolicited
messages) is data here, not code elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from parley.policy.context import MessageKind


class Kind(StrEnum):
    CONFIRM_CUSTOMIZATION_DETAILS = "confirmCustomizationDetails"
    CONFIRM_DELIVERY_DETAILS = "confirmDeliveryDetails"
    LEGAL_DISCLOSURE = "legalDisclosure"
    CONFIRM_ORDER_DETAILS = "confirmOrderDetails"
    CONFIRM_SERVICE_DETAILS = "confirmServiceDetails"
    WARRANTY = "warranty"
    DIGITAL_ACCESS_KEY = "digitalAccessKey"
    UNEXPECTED_PROBLEM = "unexpectedProblem"
    INVOICE = "invoice"
    REVIEW_REQUEST = "productReviewAndSellerFeedback"
    ORDER_PROBLEM = "orderProblem"
    """Problem with order / order unavailable: only after a full NoInventory or CouldNotShip adjustment."""
    DELAY_NOTICE = "delayNotice"
    RETURN_FOLLOW_UP = "returnFollowUp"
    BUYER_REPLY = "buyerReply"
    """A reply in a thread the buyer opened: not proactive."""
    PROACTIVE = "proactive"
    """A free-form proactive message."""


@dataclass(frozen=True)
class KindRules:
    kind: Kind
    purpose: MessageKind | None
    """Why the policy engine is told the message is sent (G-PROACTIVE-REASONS)."""
    text_limit: int
    """Most characters of seller text; 0 when the kind carries no seller text."""
    min_attachments: int = 0
    max_attachments: int = 0
    critical: bool = False
    """Delivered despite the buyer's opt-out of non-critical messages."""
    proactive: bool = True
    spapi: bool = False
    """One of the Messaging API's operations."""


_RULES = (
    KindRules(Kind.CONFIRM_CUSTOMIZATION_DETAILS, MessageKind.CUSTOM_DESIGN, 800, 0, 5, critical=True, spapi=True),
    KindRules(Kind.CONFIRM_DELIVERY_DETAILS, MessageKind.DELIVERY_SCHEDULING, 2000, critical=True, spapi=True),
    KindRules(Kind.LEGAL_DISCLOSURE, MessageKind.NEEDED_FOR_PURCHASE, 0, 1, 5, critical=True, spapi=True),
    KindRules(Kind.CONFIRM_ORDER_DETAILS, MessageKind.ORDER_INFORMATION, 2000, critical=True, spapi=True),
    KindRules(Kind.CONFIRM_SERVICE_DETAILS, MessageKind.HOME_SERVICE, 2000, critical=True, spapi=True),
    KindRules(Kind.WARRANTY, MessageKind.NEEDED_FOR_PURCHASE, 0, 1, 5, spapi=True),
    KindRules(Kind.DIGITAL_ACCESS_KEY, MessageKind.NEEDED_FOR_PURCHASE, 400, 0, 5, critical=True, spapi=True),
    KindRules(Kind.UNEXPECTED_PROBLEM, MessageKind.ORDER_PROBLEM, 2000, critical=True, spapi=True),
    KindRules(Kind.INVOICE, MessageKind.INVOICE, 0, 1, 5, critical=True, spapi=True),
    KindRules(Kind.REVIEW_REQUEST, MessageKind.REVIEW_REQUEST, 0),
    KindRules(Kind.ORDER_PROBLEM, MessageKind.ORDER_PROBLEM, 2000, critical=True),
    KindRules(Kind.DELAY_NOTICE, MessageKind.ORDER_PROBLEM, 2000, critical=True),
    KindRules(Kind.RETURN_FOLLOW_UP, MessageKind.RETURN_QUESTION, 2000, 0, 5, critical=True),
    KindRules(Kind.BUYER_REPLY, None, 4000, 0, 5, critical=True, proactive=False),
    # Free-form, but still sent for a permitted reason: "any other contact the buyer needs to receive
    # the purchase" (G-PROACTIVE-REASONS). Content rules still catch thanks-only or marketing text.
    KindRules(Kind.PROACTIVE, MessageKind.NEEDED_FOR_PURCHASE, 2000, 0, 5),
)
RULES: dict[Kind, KindRules] = {rules.kind: rules for rules in _RULES}

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
"""All attachments of one message together."""


def parse(value: str) -> Kind:
    """A kind by its name; ``ValueError`` names the kinds there are."""
    try:
        return Kind(value)
    except ValueError:
        raise ValueError(f"unknown message kind {value!r}; known: {', '.join(k.value for k in Kind)}") from None
