"""A buyer leaves, edits or removes feedback on a seller: 1–5 stars and a comment, once per order.

Feedback opens when the order is delivered and stays open for 90 days; the buyer may edit or
remove it for 60 days after leaving it (G-FEEDBACK-LEAVE). Orders fulfilled by the marketplace
(AFN) and by the seller (MFN) take feedback alike. A removed feedback keeps the order's one place.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace.feedback import errors
from parley.marketplace.feedback.errors import FeedbackError
from parley.marketplace.notices import buyer_language
from parley.store.feedback_models import Feedback
from parley.store.models import Buyer, Order

LEAVE_WINDOW = timedelta(days=90)
EDIT_WINDOW = timedelta(days=60)
COMMENT_LIMIT = 1000
RATINGS = range(1, 6)


def _checked(rating: int, comment: str) -> str:
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATINGS:
        raise FeedbackError("invalid_rating", errors.RATING, rating=str(rating))
    text = comment.strip()
    if not text:
        raise FeedbackError("empty_comment", errors.COMMENT_EMPTY)
    if len(text) > COMMENT_LIMIT:
        raise FeedbackError("comment_too_long", errors.COMMENT_TOO_LONG, length=len(text), limit=COMMENT_LIMIT)
    return text


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def leave(session: Session, buyer: Buyer, order_id: str, rating: int, comment: str, *, now: datetime) -> Feedback:
    """The buyer's feedback on their order ``order_id`` (the marketplace's ``203-…`` ID)."""
    order = session.scalar(select(Order).where(Order.amazon_order_id == order_id, Order.buyer_id == buyer.id))
    if order is None:  # another buyer's order is "not found", never "not yours"
        raise FeedbackError("order_not_found", errors.ORDER_NOT_FOUND, order_id=order_id)
    text = _checked(rating, comment)
    if order.delivered_at is None or order.delivered_at > now:
        raise FeedbackError("not_delivered", errors.NOT_DELIVERED, order_id=order_id)
    deadline = order.delivered_at + LEAVE_WINDOW
    if now > deadline:
        raise FeedbackError(
            "leave_window_closed",
            errors.LEAVE_WINDOW,
            order_id=order_id,
            deadline=_day(deadline),
            days=LEAVE_WINDOW.days,
        )
    if session.scalar(select(Feedback.id).where(Feedback.order_id == order.id)) is not None:
        raise FeedbackError("already_left", errors.ALREADY_LEFT, order_id=order_id)
    feedback = Feedback(
        order_id=order.id,
        seller_id=order.seller_id,
        buyer_id=buyer.id,
        marketplace_id=order.marketplace_id,
        rating=rating,
        comment=text,
        language=buyer_language(order),
        left_at=now,
        edited_at=None,
        removed_at=None,
        removed_by=None,
        removal_reason=None,
        struck_at=None,
    )
    session.add(feedback)
    session.flush()
    return feedback


def _own_open(session: Session, buyer: Buyer, feedback_id: int, now: datetime) -> Feedback:
    feedback = session.get(Feedback, feedback_id)
    if feedback is None or feedback.buyer_id != buyer.id:
        raise FeedbackError("feedback_not_found", errors.FEEDBACK_NOT_FOUND, feedback_id=feedback_id)
    if feedback.removed_at is not None:
        raise FeedbackError("feedback_removed", errors.FEEDBACK_REMOVED, feedback_id=feedback_id)
    deadline = feedback.left_at + EDIT_WINDOW
    if now > deadline:
        raise FeedbackError("edit_window_closed", errors.EDIT_WINDOW, days=EDIT_WINDOW.days, deadline=_day(deadline))
    return feedback


def edit(session: Session, buyer: Buyer, feedback_id: int, rating: int, comment: str, *, now: datetime) -> Feedback:
    """Change the rating and comment. A strike-through was decided on the old text, so it lapses."""
    feedback = _own_open(session, buyer, feedback_id, now)
    feedback.comment = _checked(rating, comment)
    feedback.rating = rating
    feedback.edited_at = now
    feedback.struck_at = None
    session.flush()
    return feedback


def remove(session: Session, buyer: Buyer, feedback_id: int, *, now: datetime) -> Feedback:
    feedback = _own_open(session, buyer, feedback_id, now)
    feedback.removed_at = now
    feedback.removed_by = "buyer"
    feedback.removal_reason = "buyer_removed"
    session.flush()
    return feedback
