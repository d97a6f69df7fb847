"""Strike-through requests (G-FEEDBACK-STRIKE, -SCOPE, -MIXED), decided in two recorded steps.

1. Scope: the rating is negative (1–2) and the order was fulfilled by the marketplace (AFN). A
   seller-fulfilled (MFN) order is out of scope even when it was shipped through Multi-Channel
   Fulfilment.
2. Content: the comment, read clause by clause by ``parley.strikethrough``, is entirely about the
   marketplace's delivery or customer service; one clause about the product or about a service
   the seller provided keeps the feedback.

Both steps are always run and recorded, so the seller sees everything that stands in the way;
the reason given is the first step that failed. Struck feedback keeps its comment and shows
``NOTE`` in the reader's language; its rating leaves the seller's metrics.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from parley.marketplace.catalog import Channel
from parley.marketplace.feedback import errors
from parley.marketplace.feedback.decisions import Decision, Outcome, classify, decide, sellers_feedback
from parley.marketplace.feedback.errors import FeedbackError
from parley.marketplace.feedback.throttle import ThrottleConfig
from parley.policy.i18n import N_, Term, render
from parley.store.feedback_models import Feedback
from parley.store.models import Seller

NOTE = N_("This item was fulfilled by %(marketplace)s, and we take responsibility for this fulfillment experience.")
GRANTED = N_(
    "Feedback %(feedback_id)s is struck through: the comment is only about the delivery or customer service of "
    "%(marketplace)s, so its rating no longer counts in your metrics. The comment stays, with a note."
)
NOT_NEGATIVE = N_(
    "Feedback %(feedback_id)s is rated %(rating)s: only negative feedback (1 or 2 stars) can be struck through."
)
SELLER_FULFILLED = N_(
    "Order %(order_id)s was fulfilled by you, not by %(marketplace)s: only feedback on orders the marketplace "
    "fulfilled can be struck through."
)
MULTI_CHANNEL = N_(
    "Order %(order_id)s is a seller-fulfilled order that was only shipped through Multi-Channel Fulfilment by "
    "%(marketplace)s, which does not make its feedback eligible for strike-through."
)
MIXED = N_(
    'Only part of the comment is about the delivery or customer service: "%(excerpt)s" is about %(topic)s, '
    "so the feedback and its rating stay."
)
OFF_TOPIC = N_(
    'The comment is about %(topic)s ("%(excerpt)s"), not about the delivery or customer service of '
    "%(marketplace)s, so the feedback and its rating stay."
)
NOT_FULFILMENT = N_(
    "The comment does not say that the delivery or the customer service of %(marketplace)s was the problem, "
    "so the feedback and its rating stay."
)
TOPICS = {"product": N_("the product"), "seller_service": N_("a service you provided")}
FULFILMENT = ("delivery", "marketplace_service")
NEGATIVE = (1, 2)


def note(feedback: Feedback, language: str | None) -> str | None:
    """The note shown under a struck feedback, or None when it is not struck."""
    if feedback.struck_at is None:
        return None
    return render(NOTE, language, {"marketplace": feedback.marketplace.name})


def _scope(feedback: Feedback) -> tuple[dict[str, Any], Outcome | None]:
    order = feedback.order
    params = {"feedback_id": feedback.id, "order_id": order.amazon_order_id, "marketplace": feedback.marketplace.name}
    negative = feedback.rating in NEGATIVE
    by_marketplace = order.channel == Channel.AFN
    step = {
        "passed": negative and by_marketplace,
        "checks": [
            {"check": "negative", "passed": negative, "rating": feedback.rating},
            {"check": "fulfilled_by_marketplace", "passed": by_marketplace, "channel": order.channel,
             "is_mcf": order.is_mcf},
        ],
    }  # fmt: skip
    if not negative:
        return step, Outcome(False, "not_negative", NOT_NEGATIVE, {**params, "rating": feedback.rating})
    if not by_marketplace and order.is_mcf:
        return step, Outcome(False, "multi_channel_order", MULTI_CHANNEL, params)
    if not by_marketplace:
        return step, Outcome(False, "seller_fulfilled", SELLER_FULFILLED, params)
    return step, None


def _content(feedback: Feedback) -> tuple[dict[str, Any], Outcome | None]:
    found = classify(feedback)
    step: dict[str, Any] = {
        "passed": found.eligible,
        "language": found.language,
        "about": list(found.about),
        "clauses": [
            {**asdict(clause), "span": list(clause.span), "cues": list(clause.cues)} for clause in found.clauses
        ],
    }
    params: dict[str, Any] = {"marketplace": feedback.marketplace.name}
    if found.eligible:
        return step, None
    blocking = next((clause for clause in found.clauses if clause.about in TOPICS), None)
    if blocking is None:
        return step, Outcome(False, "not_about_fulfilment", NOT_FULFILMENT, params)
    params |= {"excerpt": blocking.text.strip(), "topic": Term(TOPICS[blocking.about])}
    if any(clause.about in FULFILMENT for clause in found.clauses):
        return step, Outcome(False, "mixed_content", MIXED, params)
    return step, Outcome(False, "not_about_fulfilment", OFF_TOPIC, params)


def _examine(feedback: Feedback) -> Outcome:
    scope, refused_in_scope = _scope(feedback)
    content, refused_in_content = _content(feedback)
    detail = {"scope": scope, "content": content}
    refused = refused_in_scope or refused_in_content
    if refused is not None:
        return Outcome(False, refused.reason, refused.message_id, refused.params, detail)
    params = {"feedback_id": feedback.id, "marketplace": feedback.marketplace.name}
    return Outcome(True, "fulfilment_only", GRANTED, params, detail)


def request(
    session: Session, seller: Seller, feedback_id: int, *, now: datetime, config: ThrottleConfig | None = None
) -> Decision:
    """Decide the seller's request to strike feedback ``feedback_id`` through, and record it."""
    feedback = sellers_feedback(session, seller, feedback_id)
    if feedback.struck_at is not None:
        raise FeedbackError("already_struck", errors.ALREADY_STRUCK, feedback_id=feedback_id)
    decision = decide(
        session, seller, feedback, "strike", _examine, now=now, config=config or ThrottleConfig.from_environment()
    )
    if decision.granted:
        feedback.struck_at = now
        session.flush()
    return decision
