"""What a seller may send for an order right now, and for every kind it may not, why.

Each refusal is a reason code with the guideline behind it and a sentence the seller reads in
their own language. The same function answers the web page's buttons, the API's
getMessagingActionsForOrder and the check made again when a held message is due.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace.catalog import Channel, OrderStatus
from parley.marketplace.messaging import standing
from parley.marketplace.messaging.kinds import RULES, Kind
from parley.marketplace.messaging.settings import MessagingSettings
from parley.marketplace.orders import fully_adjusted_unavailable
from parley.policy.i18n import N_, render
from parley.store.messaging_models import Message, Thread
from parley.store.models import Order, Return, Seller


class Refusal(StrEnum):
    NOT_THE_BUYERS_SELLER = "not_the_buyers_seller"
    ORDER_PENDING = "order_pending"
    WINDOW_CLOSED = "window_closed"
    REVIEW_ALREADY_REQUESTED = "review_already_requested"
    OUTSIDE_REVIEW_WINDOW = "outside_review_window"
    NOT_SHIPPED = "not_shipped"
    ALREADY_SHIPPED = "already_shipped"
    ALREADY_DELIVERED = "already_delivered"
    ORDER_CANCELED = "order_canceled"
    FULFILLED_BY_MARKETPLACE = "fulfilled_by_marketplace"
    NOT_UNAVAILABLE = "not_unavailable"
    NO_RETURN = "no_return"
    NO_BUYER_MESSAGE = "no_buyer_message"
    BUYER_OPTED_OUT = "buyer_opted_out"
    SELLER_TEMPLATES_ONLY = "seller_templates_only"
    SELLER_SUSPENDED = "seller_suspended"


@dataclass(frozen=True)
class RefusalInfo:
    guideline: str
    message: str
    kinds: frozenset[Kind]
    """The kinds this reason can refuse."""
    open_ended: str = ""
    """The message when a restriction has no end date."""


_ALL = frozenset(Kind)
_PROACTIVE = frozenset(kind for kind in Kind if RULES[kind].proactive)
_NOT_CRITICAL = frozenset(kind for kind in Kind if not RULES[kind].critical)
_BEFORE_SHIPPING = frozenset({Kind.CONFIRM_CUSTOMIZATION_DETAILS, Kind.DELAY_NOTICE})
_AFTER_SHIPPING = frozenset({Kind.REVIEW_REQUEST, Kind.WARRANTY})
_NOT_AFTER_CANCEL = _ALL - {Kind.ORDER_PROBLEM, Kind.BUYER_REPLY, Kind.UNEXPECTED_PROBLEM, Kind.RETURN_FOLLOW_UP}
_SELLER_SHIPS = frozenset({Kind.CONFIRM_DELIVERY_DETAILS, Kind.DELAY_NOTICE, Kind.CONFIRM_CUSTOMIZATION_DETAILS})

REFUSALS: dict[Refusal, RefusalInfo] = {
    Refusal.NOT_THE_BUYERS_SELLER: RefusalInfo(
        "G-WHO",
        N_("This order was not placed with you on the marketplace: it is a multi-channel fulfilment order."),
        _ALL,
    ),
    Refusal.ORDER_PENDING: RefusalInfo(
        "G-WHY", N_("The order is pending: the buyer's payment has not been confirmed yet."), _ALL
    ),
    Refusal.WINDOW_CLOSED: RefusalInfo(
        "G-PROACTIVE-WINDOW",
        N_("The order was completed more than %(days)s days ago; proactive messages are no longer allowed."),
        _PROACTIVE - {Kind.REVIEW_REQUEST},  # a review request keeps its own window, counted from the delivery dates
    ),
    Refusal.REVIEW_ALREADY_REQUESTED: RefusalInfo(
        "G-REVIEW-REPEAT",
        N_("A review or feedback request was already sent for this order."),
        frozenset({Kind.REVIEW_REQUEST}),
    ),
    Refusal.OUTSIDE_REVIEW_WINDOW: RefusalInfo(
        "G-PROACTIVE-WINDOW",
        N_(
            "A review can be requested from %(start)s to %(end)s: from %(first)s days after the earliest "
            "delivery date to %(last)s days after the latest."
        ),
        frozenset({Kind.REVIEW_REQUEST}),
    ),
    Refusal.NOT_SHIPPED: RefusalInfo("G-WHY", N_("The order has not shipped yet."), _AFTER_SHIPPING),
    Refusal.ALREADY_SHIPPED: RefusalInfo("G-WHY", N_("The order has already shipped."), _BEFORE_SHIPPING),
    Refusal.ALREADY_DELIVERED: RefusalInfo(
        "G-WHY", N_("The order has already been delivered."), frozenset({Kind.CONFIRM_DELIVERY_DETAILS})
    ),
    Refusal.ORDER_CANCELED: RefusalInfo("G-WHY", N_("The order was canceled."), _NOT_AFTER_CANCEL),
    Refusal.FULFILLED_BY_MARKETPLACE: RefusalInfo(
        "G-WHY", N_("The marketplace ships this order and tells the buyer about its delivery itself."), _SELLER_SHIPS
    ),
    Refusal.NOT_UNAVAILABLE: RefusalInfo(
        "G-ORDER-UNAVAILABLE",
        N_(
            "A problem-with-order message needs the full order amount adjusted first, "
            "with reason NoInventory or CouldNotShip."
        ),
        frozenset({Kind.ORDER_PROBLEM}),
    ),
    Refusal.NO_RETURN: RefusalInfo(
        "G-RETURN-MESSAGE", N_("There is no open return for this order."), frozenset({Kind.RETURN_FOLLOW_UP})
    ),
    Refusal.NO_BUYER_MESSAGE: RefusalInfo(
        "G-WHO", N_("The buyer has not written to you about this order."), frozenset({Kind.BUYER_REPLY})
    ),
    Refusal.BUYER_OPTED_OUT: RefusalInfo(
        "G-CHANNELS", N_("The buyer opted out of messages that are not needed to complete the order."), _NOT_CRITICAL
    ),
    Refusal.SELLER_TEMPLATES_ONLY: RefusalInfo(
        "G-ENFORCE-ESCALATE",
        N_("Your account may send only the marketplace's templates until %(until)s."),
        frozenset({Kind.PROACTIVE}),
        N_("Your account may send only the marketplace's templates until an operator lifts the restriction."),
    ),
    Refusal.SELLER_SUSPENDED: RefusalInfo(
        "G-ENFORCE-ESCALATE",
        N_("Your proactive messaging is suspended until %(until)s."),
        _PROACTIVE,
        N_("Your proactive messaging is suspended until an operator lifts the suspension."),
    ),
}


@dataclass(frozen=True)
class Reason:
    code: Refusal
    params: dict[str, str]

    @property
    def guideline(self) -> str:
        return REFUSALS[self.code].guideline

    def text(self, language: str) -> str:
        info = REFUSALS[self.code]
        if info.open_ended and not self.params.get("until"):
            return render(info.open_ended, language, self.params)
        return render(info.message, language, self.params)


@dataclass(frozen=True)
class Availability:
    kind: Kind
    reasons: tuple[Reason, ...]

    @property
    def available(self) -> bool:
        return not self.reasons


@dataclass(frozen=True)
class Facts:
    """Everything about an order that eligibility depends on, gathered once."""

    order: Order
    now: datetime
    standing: str
    standing_until: datetime | None
    review_requests: int
    open_return: bool
    buyer_wrote: bool
    unavailable: bool


def gather(session: Session, seller: Seller, order: Order, now: datetime, *, excluding: int | None = None) -> Facts:
    """``excluding``: a held message being checked again does not count against itself."""
    current, until = standing.current(session, seller, now)
    review_requests = session.scalar(
        select(func.count(Message.id)).where(
            Message.order_id == order.id,
            Message.kind == Kind.REVIEW_REQUEST.value,
            Message.status.in_(("held", "accepted", "delivered")),
            Message.id != (excluding or 0),
        )
    )
    open_return = session.scalar(
        select(func.count(Return.id)).where(Return.order_id == order.id, Return.status.in_(("requested", "received")))
    )
    buyer_wrote = session.scalar(
        select(func.count(Thread.id)).where(
            Thread.order_id == order.id, Thread.seller_id == seller.id, Thread.opened_by == "buyer"
        )
    )
    return Facts(
        order=order,
        now=now,
        standing=current,
        standing_until=until,
        review_requests=int(review_requests or 0),
        open_return=bool(open_return),
        buyer_wrote=bool(buyer_wrote),
        unavailable=fully_adjusted_unavailable(session, order),
    )


def _date(value: datetime) -> str:
    return value.date().isoformat()


def _order_reasons(facts: Facts, settings: MessagingSettings) -> list[Reason]:
    """Every reason that holds for this order now; each refuses only the kinds it concerns."""
    order, now = facts.order, facts.now
    found: list[Reason] = []

    def add(code: Refusal, **params: str) -> None:
        found.append(Reason(code, params))

    shipped = order.status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED) or any(
        item.quantity_shipped for item in order.items
    )
    if order.is_mcf:
        add(Refusal.NOT_THE_BUYERS_SELLER)
    if order.status == OrderStatus.PENDING:
        add(Refusal.ORDER_PENDING)
    if order.status == OrderStatus.CANCELED:
        add(Refusal.ORDER_CANCELED)
    if order.completed_at is not None and now > order.completed_at + timedelta(days=settings.proactive_window_days):
        add(Refusal.WINDOW_CLOSED, days=str(settings.proactive_window_days))
    if not shipped and order.status != OrderStatus.CANCELED:
        add(Refusal.NOT_SHIPPED)
    if shipped:
        add(Refusal.ALREADY_SHIPPED)
    if order.delivered_at is not None or order.status == OrderStatus.DELIVERED:
        add(Refusal.ALREADY_DELIVERED)
    if order.channel == Channel.AFN:
        add(Refusal.FULFILLED_BY_MARKETPLACE)
    if facts.review_requests:
        add(Refusal.REVIEW_ALREADY_REQUESTED)
    start = order.earliest_delivery_date + timedelta(days=settings.review_earliest_days)
    end = order.latest_delivery_date + timedelta(days=settings.review_latest_days)
    if not start <= now <= end:
        add(
            Refusal.OUTSIDE_REVIEW_WINDOW,
            start=_date(start),
            end=_date(end),
            first=str(settings.review_earliest_days),
            last=str(settings.review_latest_days),
        )
    if not facts.unavailable:
        add(Refusal.NOT_UNAVAILABLE)
    if not facts.open_return:
        add(Refusal.NO_RETURN)
    if not facts.buyer_wrote:
        add(Refusal.NO_BUYER_MESSAGE)
    if order.buyer.opted_out:
        add(Refusal.BUYER_OPTED_OUT)
    until = _date(facts.standing_until) if facts.standing_until else ""
    if facts.standing == "templates_only":
        add(Refusal.SELLER_TEMPLATES_ONLY, until=until)
    if facts.standing == "suspended":
        add(Refusal.SELLER_SUSPENDED, until=until)
    return found


def availability(facts: Facts, settings: MessagingSettings, kinds: Iterable[Kind] = tuple(Kind)) -> list[Availability]:
    reasons = _order_reasons(facts, settings)
    return [
        Availability(kind, tuple(reason for reason in reasons if kind in REFUSALS[reason.code].kinds)) for kind in kinds
    ]


def refusal_texts(reasons: Sequence[Reason], language: str) -> list[str]:
    return [reason.text(language) for reason in reasons]
