"""The seller's metrics and feedback list: windows, exclusions, isolation and relay addresses."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy.orm import Session

from parley.marketplace.feedback import metrics, records
from parley.store.models import BuyerAlias
from tests.marketplace.feedback.helpers import NOW, feedback, world


def test_counts_and_percentages_per_window(session: Session) -> None:
    w = world(session)
    for days_ago, rating in [(1, 5), (10, 4), (20, 1), (45, 3), (80, 2), (200, 5), (400, 1), (700, 4)]:
        feedback(session, w, rating, "comment", left_at=NOW - timedelta(days=days_ago))
    by_window = {m.days: m for m in metrics.metrics(session, w.seller, now=NOW)}
    assert [(m.positive, m.neutral, m.negative) for m in by_window.values()] == [
        (2, 0, 1), (2, 1, 2), (3, 1, 2), (4, 1, 3)
    ]  # fmt: skip
    assert by_window[30].share(2) == 66.7 and by_window[None].total == 8
    assert by_window[90].to_dict()["percent"] == {"positive": 40.0, "neutral": 20.0, "negative": 40.0}
    assert by_window[None].to_dict()["window"] == "lifetime"


def test_struck_and_removed_feedback_do_not_count(session: Session) -> None:
    w = world(session)
    kept = feedback(session, w, 1, "Broke on day one")
    struck = feedback(session, w, 1, "Parcel came a week late")
    struck.struck_at = NOW - timedelta(hours=1)
    gone = feedback(session, w, 2, "Meh")
    records.remove(session, w.buyer, gone.id, now=NOW)
    thirty = metrics.metrics(session, w.seller, now=NOW)[0]
    assert (thirty.negative, thirty.total) == (1, 1)
    listed = {row.feedback_id: row for row in metrics.records(session, w.seller)}
    assert set(listed) == {kept.id, struck.id}
    assert listed[struck.id].status == "struck" and listed[kept.id].status == "counted"
    assert listed[struck.id].comment == "Parcel came a week late"
    assert listed[struck.id].note is not None and "Amazon.se" in listed[struck.id].note
    assert listed[kept.id].note is None
    with_removed = metrics.records(session, w.seller, include_removed=True)
    assert {row.feedback_id: row.status for row in with_removed}[gone.id] == "removed"


def test_a_seller_sees_only_its_own_feedback(session: Session) -> None:
    w = world(session)
    mine = feedback(session, w, 5, "Lovely")
    theirs = feedback(session, w, 1, "Awful", seller=w.other_seller)
    assert [row.feedback_id for row in metrics.records(session, w.seller)] == [mine.id]
    assert [row.feedback_id for row in metrics.records(session, w.other_seller)] == [theirs.id]
    assert metrics.metrics(session, w.other_seller, now=NOW)[-1].negative == 1
    assert metrics.metrics(session, w.seller, now=NOW)[-1].negative == 0


def test_rows_show_the_relay_address_never_the_real_one(session: Session) -> None:
    w = world(session)
    left = feedback(session, w, 4, "Good seller")
    feedback(session, w, 3, "Fine", buyer=w.other_buyer, marketplace=w.germany)
    rows = metrics.records(session, w.seller)
    alias = session.query(BuyerAlias).filter_by(buyer_id=w.buyer.id, seller_id=w.seller.id).one()
    row = next(r for r in rows if r.feedback_id == left.id)
    assert row.buyer == alias.address and row.order_id == left.order.amazon_order_id
    assert (row.rating, row.comment, row.sentiment) == (4, "Good seller", "positive")
    dumped = json.dumps([r.to_dict() for r in rows])
    assert w.buyer.email not in dumped and w.other_buyer.email not in dumped
    assert dumped.count(f"@{alias.domain}") == 2
