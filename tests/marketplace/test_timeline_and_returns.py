"""The buyer's timeline in the buyer's language, and returns refunded through Manage Returns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from parley.marketplace import accounts, orders, returns, timeline
from parley.marketplace.catalog import AdjustmentReason
from parley.store import orders_repository
from tests.marketplace.helpers import NOW, order, world


def test_timeline_tells_each_step_in_the_buyers_language(session: Session) -> None:
    w = world(session)
    placed = order(session, w, quantities=(1,))
    orders.confirm_shipment(
        session, w.seller, placed.amazon_order_id, carrier="PostNord", tracking_number="AB1", now=NOW
    )
    orders.mark_delivered(session, w.seller, placed.amazon_order_id, at=NOW + timedelta(days=2))
    orders.refund(
        session, w.seller, placed.amazon_order_id, AdjustmentReason.GENERAL_ADJUSTMENT, now=NOW + timedelta(days=3)
    )
    swedish = timeline.for_buyer(session, w.buyer, placed.amazon_order_id)
    assert [line.kind for line in swedish] == ["placed", "shipped", "delivered", "refunded"]
    english = timeline.for_buyer(session, w.buyer, placed.amazon_order_id, language="en")
    assert english[1].text == "Shipped with PostNord, tracking number AB1"
    assert swedish[1].text != english[1].text and "PostNord" in swedish[1].text and "AB1" in swedish[1].text
    assert "209,00" in swedish[3].text  # the amount in Swedish format


def test_a_buyer_sees_only_their_own_orders(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    stranger = accounts.create_buyer(session, "Eve", "eve@mail.example", "en")
    with pytest.raises(timeline.OrderNotFoundError):
        timeline.for_buyer(session, stranger, placed.amazon_order_id)


def test_return_then_refund_through_manage_returns(session: Session) -> None:
    w = world(session)
    placed = order(session, w, quantities=(2,))
    code = placed.items[0].item_code
    with pytest.raises(returns.ReturnError):
        returns.request_return(session, w.buyer, placed.amazon_order_id, code, quantity=1, reason="too small")
    orders.confirm_shipment(session, w.seller, placed.amazon_order_id, carrier="DHL", now=NOW)
    request = returns.request_return(
        session, w.buyer, placed.amazon_order_id, code, quantity=1, reason="too small", now=NOW + timedelta(days=1)
    )
    with pytest.raises(returns.ReturnError):
        returns.request_return(session, w.buyer, placed.amazon_order_id, code, quantity=2, reason="again")
    with pytest.raises(returns.ReturnError):
        returns.receive(session, w.other_seller, request.id)
    returns.receive(session, w.seller, request.id)
    returns.refund(session, w.seller, request.id, now=NOW + timedelta(days=2))
    assert request.status == "refunded"
    [adjustment] = orders_repository.adjustments(session, placed)
    assert adjustment.reason == "CustomerReturn"
    assert adjustment.amount_minor == placed.items[0].price_minor
    kinds = [e.kind for e in orders_repository.timeline(session, placed)]
    assert kinds == ["placed", "shipped", "return_requested", "refunded"]
