"""Late shipment confirmation per 7, 30 and 90 days."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from parley.marketplace import intake, metrics, orders
from tests.marketplace.helpers import NOW, world


def test_late_confirmations_count_per_window(session: Session) -> None:
    w = world(session)
    item = [intake.NewItem("SKU", "B000000001", "Pan", 1, 10000)]

    def confirmed(days_ago: int, late: bool) -> None:
        bought = NOW - timedelta(days=days_ago + (5 if late else 1))
        placed = intake.place_order(session, w.sweden, w.seller, w.buyer, item, purchase_date=bought, handling_days=2)
        orders.confirm_shipment(
            session, w.seller, placed.amazon_order_id, carrier="DHL", now=NOW - timedelta(days=days_ago)
        )

    confirmed(1, late=True)
    confirmed(2, late=False)
    confirmed(20, late=True)
    confirmed(60, late=False)
    confirmed(200, late=True)  # outside every window
    other = intake.place_order(session, w.sweden, w.other_seller, w.buyer, item, purchase_date=NOW - timedelta(days=9))
    orders.confirm_shipment(session, w.other_seller, other.amazon_order_id, carrier="DHL", now=NOW)
    result = {m.days: (m.confirmed, m.late) for m in metrics.late_shipment(session, w.seller, NOW)}
    assert result == {7: (2, 1), 30: (3, 2), 90: (4, 2)}
    assert metrics.late_shipment(session, w.seller, NOW)[0].rate == 0.5
