"""The eligibility matrix: every kind against every refusal reason (G-WHO, G-PROACTIVE-WINDOW,
G-REVIEW-REPEAT, G-ORDER-UNAVAILABLE, G-RETURN-MESSAGE, G-ENFORCE-ESCALATE)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from parley.marketplace import messaging, orders, returns
from parley.marketplace.catalog import AdjustmentReason, Channel
from parley.marketplace.messaging import Kind, Refusal, standing
from parley.marketplace.messaging.eligibility import REFUSALS
from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.models import Order
from tests.marketplace.helpers import BOUGHT, World, order, world

SETTINGS = MessagingSettings()


def _shipped(session: Session, w: World, o: Order) -> None:
    orders.confirm_shipment(
        session, w.seller, o.amazon_order_id, carrier="PostNord", tracking_number="00370726201234567", now=BOUGHT
    )


def _delivered(session: Session, w: World, o: Order, days_after_purchase: int = 4) -> datetime:
    _shipped(session, w, o)
    at = BOUGHT + timedelta(days=days_after_purchase)
    orders.mark_delivered(session, w.seller, o.amazon_order_id, at=at)
    return at


def _available(session: Session, w: World, o: Order, now: datetime) -> dict[Kind, set[Refusal]]:
    return {
        a.kind: {r.code for r in a.reasons}
        for a in messaging.actions_for_order(session, w.seller, o.amazon_order_id, now=now, settings=SETTINGS)
    }


Scenario = Callable[[Session, World], tuple[Order, datetime]]


def _mcf(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    o.is_mcf = True
    return o, BOUGHT + timedelta(hours=1)


def _pending(session: Session, w: World) -> tuple[Order, datetime]:
    return order(session, w, paid=False), BOUGHT + timedelta(hours=1)


def _window_closed(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    delivered = _delivered(session, w, o)
    return o, delivered + timedelta(days=31)


def _review_sent(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    delivered = _delivered(session, w, o)
    now = delivered + timedelta(days=6)
    outcome = messaging.send(session, w.seller, o.amazon_order_id, Kind.REVIEW_REQUEST, now=now, settings=SETTINGS)
    assert outcome.status == "accepted", outcome.message.findings
    return o, now + timedelta(hours=1)


def _too_early_for_review(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    delivered = _delivered(session, w, o)
    return o, delivered


def _unshipped(session: Session, w: World) -> tuple[Order, datetime]:
    return order(session, w), BOUGHT + timedelta(hours=1)


def _shipped_not_delivered(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    _shipped(session, w, o)
    return o, BOUGHT + timedelta(days=1)


def _canceled_customer(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    orders.cancel(session, w.seller, o.amazon_order_id, AdjustmentReason.CUSTOMER_CANCEL, now=BOUGHT)
    return o, BOUGHT + timedelta(hours=2)


def _afn(session: Session, w: World) -> tuple[Order, datetime]:
    return order(session, w, channel=Channel.AFN), BOUGHT + timedelta(hours=1)


def _opted_out(session: Session, w: World) -> tuple[Order, datetime]:
    w.buyer.opted_out = True
    return order(session, w), BOUGHT + timedelta(hours=1)


def _templates_only(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    now = BOUGHT + timedelta(hours=1)
    standing._move(session, w.seller, standing.TEMPLATES_ONLY, "violations", now, until=now + timedelta(days=14))
    return o, now


def _suspended(session: Session, w: World) -> tuple[Order, datetime]:
    o = order(session, w)
    now = BOUGHT + timedelta(hours=1)
    standing._move(session, w.seller, standing.SUSPENDED, "violations", now, until=now + timedelta(days=30))
    return o, now


# Each reason, and a situation in which it holds.
SCENARIOS: dict[Refusal, Scenario] = {
    Refusal.NOT_THE_BUYERS_SELLER: _mcf,
    Refusal.ORDER_PENDING: _pending,
    Refusal.WINDOW_CLOSED: _window_closed,
    Refusal.REVIEW_ALREADY_REQUESTED: _review_sent,
    Refusal.OUTSIDE_REVIEW_WINDOW: _too_early_for_review,
    Refusal.NOT_SHIPPED: _unshipped,
    Refusal.ALREADY_SHIPPED: _shipped_not_delivered,
    Refusal.ALREADY_DELIVERED: _window_closed,
    Refusal.ORDER_CANCELED: _canceled_customer,
    Refusal.FULFILLED_BY_MARKETPLACE: _afn,
    Refusal.NOT_UNAVAILABLE: _unshipped,
    Refusal.NO_RETURN: _unshipped,
    Refusal.NO_BUYER_MESSAGE: _unshipped,
    Refusal.BUYER_OPTED_OUT: _opted_out,
    Refusal.SELLER_TEMPLATES_ONLY: _templates_only,
    Refusal.SELLER_SUSPENDED: _suspended,
}


def test_every_reason_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(Refusal)


@pytest.mark.parametrize("reason", list(Refusal), ids=str)
def test_each_reason_refuses_exactly_its_kinds(session: Session, reason: Refusal) -> None:
    w = world(session)
    o, now = SCENARIOS[reason](session, w)
    refused = _available(session, w, o, now)
    assert set(refused) == set(Kind)
    for kind in Kind:
        assert (reason in refused[kind]) == (kind in REFUSALS[reason].kinds), (kind, refused[kind])


def test_an_unshipped_order_allows_the_messages_that_complete_it(session: Session) -> None:
    w = world(session)
    o, now = _unshipped(session, w)
    available = {kind for kind, reasons in _available(session, w, o, now).items() if not reasons}
    assert available == {
        Kind.CONFIRM_CUSTOMIZATION_DETAILS,
        Kind.CONFIRM_DELIVERY_DETAILS,
        Kind.LEGAL_DISCLOSURE,
        Kind.CONFIRM_ORDER_DETAILS,
        Kind.CONFIRM_SERVICE_DETAILS,
        Kind.DIGITAL_ACCESS_KEY,
        Kind.UNEXPECTED_PROBLEM,
        Kind.INVOICE,
        Kind.DELAY_NOTICE,
        Kind.PROACTIVE,
    }


def test_after_delivery_a_review_a_warranty_and_a_return_follow_up_become_possible(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    delivered = _delivered(session, w, o)
    item = o.items[0]
    returns.request_return(
        session, w.buyer, o.amazon_order_id, item.item_code, quantity=1, reason="too small", now=delivered
    )
    messaging.buyer_contact(session, w.buyer, w.seller, "Can I swap it for a larger size?", order_id=o.amazon_order_id)
    available = _available(session, w, o, delivered + timedelta(days=6))
    for kind in (Kind.REVIEW_REQUEST, Kind.WARRANTY, Kind.RETURN_FOLLOW_UP, Kind.BUYER_REPLY, Kind.INVOICE):
        assert available[kind] == set(), kind


def test_the_review_window_runs_from_five_days_after_the_earliest_to_thirty_after_the_latest(
    session: Session,
) -> None:
    w = world(session)
    o = order(session, w)
    _delivered(session, w, o)
    start = o.earliest_delivery_date + timedelta(days=5)
    end = o.latest_delivery_date + timedelta(days=30)
    assert Refusal.OUTSIDE_REVIEW_WINDOW in _available(session, w, o, start - timedelta(minutes=1))[Kind.REVIEW_REQUEST]
    assert _available(session, w, o, start)[Kind.REVIEW_REQUEST] == set()
    assert _available(session, w, o, end)[Kind.REVIEW_REQUEST] == set()
    late = _available(session, w, o, end + timedelta(minutes=1))[Kind.REVIEW_REQUEST]
    assert Refusal.OUTSIDE_REVIEW_WINDOW in late


def test_a_problem_with_order_needs_the_full_amount_adjusted_as_unavailable(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    orders.cancel(session, w.seller, o.amazon_order_id, AdjustmentReason.NO_INVENTORY, now=BOUGHT)
    assert _available(session, w, o, BOUGHT + timedelta(hours=1))[Kind.ORDER_PROBLEM] == set()


def test_another_sellers_order_is_not_found(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    with pytest.raises(messaging.OrderNotFoundError):
        messaging.actions_for_order(session, w.other_seller, o.amazon_order_id)
    with pytest.raises(messaging.OrderNotFoundError):
        messaging.actions_for_order(session, w.seller, "999-0000000-0000000")


def test_reasons_are_told_in_the_sellers_language(session: Session) -> None:
    w = world(session)
    o, now = _opted_out(session, w)
    reason = next(
        r for a in messaging.actions_for_order(session, w.seller, o.amazon_order_id, now=now) for r in a.reasons
    )
    assert reason.text("en") != reason.text("sv")
    assert reason.guideline.startswith("G-")
