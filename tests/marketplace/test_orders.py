"""Manage Orders actions on both databases: shipping, cancelling, refunding, delivering."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from parley.marketplace import orders, returns
from parley.marketplace.catalog import AdjustmentReason, Channel, OrderStatus
from parley.store import orders_repository
from tests.marketplace.helpers import BOUGHT, NOW, order, world


def test_full_shipment_moves_the_order_to_shipped_with_timeline_and_notice(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    result = orders.confirm_shipment(
        session, w.seller, placed.amazon_order_id, carrier="PostNord", tracking_number="00370712345678901234", now=NOW
    )
    assert not result.duplicate
    assert placed.status == OrderStatus.SHIPPED
    assert [item.quantity_shipped for item in placed.items] == [2, 1]
    kinds = [event.kind for event in orders_repository.timeline(session, placed)]
    assert kinds == ["placed", "shipped"]
    [notice] = orders_repository.notices_for_order(session, placed)
    assert notice.language == "sv"
    assert placed.amazon_order_id in notice.subject
    assert "00370712345678901234" in notice.body
    assert "PostNord" in notice.body


def test_partial_shipment_then_the_rest(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    first = placed.items[0].item_code
    orders.confirm_shipment(session, w.seller, placed.amazon_order_id, carrier="DHL", items=[(first, 1)], now=NOW)
    assert placed.status == OrderStatus.PARTIALLY_SHIPPED
    orders.confirm_shipment(session, w.seller, placed.amazon_order_id, carrier="DHL", tracking_number="X2", now=NOW)
    assert placed.status == OrderStatus.SHIPPED
    assert [item.quantity_shipped for item in placed.items] == [2, 1]


def test_shipping_more_than_ordered_is_refused(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    with pytest.raises(orders.OrderActionError) as error:
        orders.confirm_shipment(
            session, w.seller, placed.amazon_order_id, carrier="DHL", items=[(placed.items[1].item_code, 2)], now=NOW
        )
    assert error.value.code == orders.QUANTITY
    assert placed.status == OrderStatus.UNSHIPPED


def test_afn_and_pending_orders_cannot_be_confirmed_by_the_seller(session: Session) -> None:
    w = world(session)
    afn = order(session, w, channel=Channel.AFN)
    pending = order(session, w, paid=False)
    for placed, code in ((afn, orders.FULFILLED_BY_MARKETPLACE), (pending, orders.STATUS)):
        with pytest.raises(orders.OrderActionError) as error:
            orders.confirm_shipment(session, w.seller, placed.amazon_order_id, carrier="DHL", now=NOW)
        assert error.value.code == code


def test_another_sellers_order_is_not_found(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    with pytest.raises(orders.OrderActionError) as error:
        orders.confirm_shipment(session, w.other_seller, placed.amazon_order_id, carrier="DHL", now=NOW)
    assert error.value.code == orders.ORDER_NOT_FOUND
    assert "not found" in error.value.description
    assert placed.status == OrderStatus.UNSHIPPED


def test_cancel_for_no_inventory_is_a_full_unavailable_adjustment(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    assert not orders.fully_adjusted_unavailable(session, placed)
    orders.cancel(session, w.seller, placed.amazon_order_id, AdjustmentReason.NO_INVENTORY, now=NOW)
    assert placed.status == OrderStatus.CANCELED
    assert placed.completed_at == NOW
    assert orders.fully_adjusted_unavailable(session, placed)
    kinds = [event.kind for event in orders_repository.timeline(session, placed)]
    assert kinds == ["placed", "canceled"]


def test_cancel_for_another_reason_is_not_unavailable(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    orders.cancel(session, w.seller, placed.amazon_order_id, AdjustmentReason.CUSTOMER_CANCEL, now=NOW)
    assert placed.status == OrderStatus.CANCELED
    assert not orders.fully_adjusted_unavailable(session, placed)


def test_partial_cancel_is_not_a_full_adjustment(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    orders.cancel(
        session, w.seller, placed.amazon_order_id, AdjustmentReason.NO_INVENTORY, items=[(placed.items[0].item_code, 1)]
    )
    assert placed.status == OrderStatus.UNSHIPPED
    assert not orders.fully_adjusted_unavailable(session, placed)


def test_partial_refund_then_full_refund_and_no_more(session: Session) -> None:
    w = world(session)
    placed = order(session, w, quantities=(1,))
    orders.confirm_shipment(session, w.seller, placed.amazon_order_id, carrier="DHL", now=NOW)
    code = placed.items[0].item_code
    orders.refund(
        session, w.seller, placed.amazon_order_id, AdjustmentReason.GENERAL_ADJUSTMENT, amounts=[(code, Decimal("50"))]
    )
    assert placed.items[0].refunded_minor == 5000
    orders.refund(session, w.seller, placed.amazon_order_id, AdjustmentReason.CUSTOMER_RETURN)
    assert placed.items[0].refunded_minor == placed.items[0].price_minor
    with pytest.raises(orders.OrderActionError) as error:
        orders.refund(
            session,
            w.seller,
            placed.amazon_order_id,
            AdjustmentReason.OTHER,
            amounts=[(code, Decimal("1"))],
        )
    assert error.value.code == orders.REFUND_TOO_LARGE
    notices = orders_repository.notices_for_order(session, placed)
    assert [n.kind for n in notices] == ["shipped", "refunded", "refunded"]
    assert "50,00" in notices[1].body  # Swedish money format


def test_refund_on_a_pending_order_is_refused(session: Session) -> None:
    w = world(session)
    placed = order(session, w, paid=False)
    with pytest.raises(orders.OrderActionError):
        orders.refund(session, w.seller, placed.amazon_order_id, AdjustmentReason.OTHER)


def test_mark_delivered_completes_the_order(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    with pytest.raises(orders.OrderActionError):
        orders.mark_delivered(session, w.seller, placed.amazon_order_id, at=NOW)
    orders.confirm_shipment(session, w.seller, placed.amazon_order_id, carrier="DHL", now=NOW)
    later = NOW + timedelta(days=2)
    orders.mark_delivered(session, w.seller, placed.amazon_order_id, at=later)
    assert placed.status == OrderStatus.DELIVERED
    assert placed.delivered_at == later
    assert orders.mark_delivered(session, w.seller, placed.amazon_order_id, at=later).duplicate


def test_times_come_back_as_aware_utc(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    session.expire_all()
    assert placed.purchase_date == BOUGHT
    assert placed.purchase_date.tzinfo is not None


def test_the_shipment_and_return_confirmations_carry_what_the_2018_edition_asks(session: Session) -> None:
    """G-SHIP-CONFIRM-2018: address, items and quantities, carrier and tracking, expected delivery;
    G-RETURN-CONFIRM-2018: the items returned, the amount refunded and the refund date."""
    w = world(session)
    placed = order(session, w)
    placed.ship_to = "Anna Berg\nStorgatan 5\n111 22 Stockholm"
    orders.confirm_shipment(
        session, w.seller, placed.amazon_order_id, carrier="PostNord", tracking_number="00370712345678901234", now=NOW
    )
    first = placed.items[0]
    returned = returns.request_return(
        session, w.buyer, placed.amazon_order_id, first.item_code, quantity=1, reason="too small", now=NOW
    )
    returns.receive(session, w.seller, returned.id)
    returns.refund(session, w.seller, returned.id, now=NOW)
    shipped, refunded = orders_repository.notices_for_order(session, placed)
    assert "Storgatan 5" in shipped.body and "PostNord" in shipped.body and "00370712345678901234" in shipped.body
    assert f"2 × {first.title}" in shipped.body and f"1 × {placed.items[1].title}" in shipped.body
    assert "maj 2026" in shipped.body  # the expected delivery, in Swedish
    assert first.title in refunded.body and placed.items[1].title not in refunded.body
    assert "10 maj 2026" in refunded.body
    assert "kr" in refunded.body
