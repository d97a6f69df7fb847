"""Leaving, editing and removing feedback: once per order, 90 days to leave, 60 to change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from parley.marketplace.catalog import Channel
from parley.marketplace.feedback import records
from parley.marketplace.feedback.errors import FeedbackError
from tests.marketplace.feedback.helpers import NOW, delivered, feedback, world


def _code(call: object) -> str:
    with pytest.raises(FeedbackError) as caught:
        call()  # type: ignore[operator]
    return caught.value.code


def test_buyer_leaves_feedback_on_afn_and_mfn_orders(session: Session) -> None:
    w = world(session)
    for channel in (Channel.AFN, Channel.MFN):
        order = delivered(session, w, channel=channel)
        left = records.leave(session, w.buyer, order.amazon_order_id, 4, "  Snabb och bra!  ", now=NOW)
        assert (left.order_id, left.seller_id, left.rating) == (order.id, w.seller.id, 4)
        assert left.comment == "Snabb och bra!"
        assert left.language == "sv" and left.left_at == NOW and left.struck_at is None


def test_once_per_order_even_after_the_buyer_removed_it(session: Session) -> None:
    w = world(session)
    order = delivered(session, w)
    first = records.leave(session, w.buyer, order.amazon_order_id, 2, "Late", now=NOW)
    assert _code(lambda: records.leave(session, w.buyer, order.amazon_order_id, 5, "Again", now=NOW)) == "already_left"
    records.remove(session, w.buyer, first.id, now=NOW)
    assert _code(lambda: records.leave(session, w.buyer, order.amazon_order_id, 5, "Again", now=NOW)) == "already_left"


def test_leave_window_is_90_days_after_delivery(session: Session) -> None:
    w = world(session)
    order = delivered(session, w, delivered_at=NOW - timedelta(days=90))
    records.leave(session, w.buyer, order.amazon_order_id, 5, "Fine", now=NOW)
    late = delivered(session, w, delivered_at=NOW - timedelta(days=90, seconds=1))
    with pytest.raises(FeedbackError) as caught:
        records.leave(session, w.buyer, late.amazon_order_id, 5, "Fine", now=NOW)
    assert caught.value.code == "leave_window_closed"
    assert "90" in caught.value.message("en") and late.amazon_order_id in caught.value.message("sv")
    assert caught.value.message("sv") != caught.value.message("en")


def test_undelivered_unknown_and_other_buyers_orders_are_refused(session: Session) -> None:
    w = world(session)
    order = delivered(session, w)
    order.delivered_at = None
    session.flush()
    assert _code(lambda: records.leave(session, w.buyer, order.amazon_order_id, 5, "x", now=NOW)) == "not_delivered"
    future = delivered(session, w, delivered_at=NOW + timedelta(hours=1))
    assert _code(lambda: records.leave(session, w.buyer, future.amazon_order_id, 5, "x", now=NOW)) == "not_delivered"
    assert _code(lambda: records.leave(session, w.buyer, "999-0000000-0000000", 5, "x", now=NOW)) == "order_not_found"
    mine = delivered(session, w)
    assert _code(lambda: records.leave(session, w.other_buyer, mine.amazon_order_id, 1, "x", now=NOW)) == (
        "order_not_found"
    )


@pytest.mark.parametrize(
    ("rating", "comment", "code"),
    [(0, "ok", "invalid_rating"), (6, "ok", "invalid_rating"), (True, "ok", "invalid_rating"),
     (3, "   ", "empty_comment"), (3, "x" * (records.COMMENT_LIMIT + 1), "comment_too_long")],
)  # fmt: skip
def test_rating_and_comment_are_checked(session: Session, rating: int, comment: str, code: str) -> None:
    w = world(session)
    order = delivered(session, w)
    assert _code(lambda: records.leave(session, w.buyer, order.amazon_order_id, rating, comment, now=NOW)) == code


def test_edit_and_remove_within_60_days_of_leaving(session: Session) -> None:
    w = world(session)
    left = feedback(session, w, 1, "Kom aldrig fram", left_at=NOW - timedelta(days=60))
    left.struck_at = NOW - timedelta(days=1)
    edited = records.edit(session, w.buyer, left.id, 3, "Kom till slut", now=NOW)
    assert (edited.rating, edited.comment, edited.edited_at) == (3, "Kom till slut", NOW)
    assert edited.struck_at is None  # the strike-through was decided on the old comment
    assert _code(lambda: records.edit(session, w.buyer, left.id, 3, "x", now=NOW + timedelta(seconds=1))) == (
        "edit_window_closed"
    )
    assert _code(lambda: records.remove(session, w.buyer, left.id, now=NOW + timedelta(days=1))) == "edit_window_closed"
    fresh = feedback(session, w, 2, "Meh")
    assert _code(lambda: records.remove(session, w.other_buyer, fresh.id, now=NOW)) == "feedback_not_found"
    removed = records.remove(session, w.buyer, fresh.id, now=NOW)
    assert (removed.removed_at, removed.removed_by) == (NOW, "buyer")
    assert _code(lambda: records.edit(session, w.buyer, fresh.id, 5, "x", now=NOW)) == "feedback_removed"
