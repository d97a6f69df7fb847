"""Ready-made messages for every kind, in the buyer's language (G-LANGUAGE).

Every subject carries the order ID, as the marketplace's subject lines do (G-SUBJECT, G-ORDER-ID);
every body carries it too, with the order's items. The texts are gettext message IDs, translated
through the catalogs, and filled in from the order unless the caller overrides a value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.orm import object_session

from parley.marketplace import money
from parley.marketplace.catalog import UNAVAILABLE_REASONS, AdjustmentReason
from parley.marketplace.messaging.kinds import Kind
from parley.marketplace.notices import buyer_language
from parley.policy.i18n import N_, normalise_language, render
from parley.store.models import Adjustment, Order

DELAY_DAYS = 3
"""How much later than the latest ship date a delay notice proposes to ship, unless told."""

SUBJECTS: dict[Kind, str] = {
    Kind.CONFIRM_CUSTOMIZATION_DETAILS: N_("Please confirm the design for order %(order_id)s"),
    Kind.CONFIRM_DELIVERY_DETAILS: N_("Delivery appointment for order %(order_id)s"),
    Kind.LEGAL_DISCLOSURE: N_("Legal information for order %(order_id)s"),
    Kind.CONFIRM_ORDER_DETAILS: N_("Information needed for order %(order_id)s"),
    Kind.CONFIRM_SERVICE_DETAILS: N_("Service appointment for order %(order_id)s"),
    Kind.WARRANTY: N_("Warranty for order %(order_id)s"),
    Kind.DIGITAL_ACCESS_KEY: N_("Access key for order %(order_id)s"),
    Kind.UNEXPECTED_PROBLEM: N_("Unexpected problem with order %(order_id)s"),
    Kind.INVOICE: N_("Invoice for order %(order_id)s"),
    Kind.REVIEW_REQUEST: N_("Review your order %(order_id)s"),
    Kind.ORDER_PROBLEM: N_("Problem with order %(order_id)s"),
    Kind.DELAY_NOTICE: N_("Shipping delay for order %(order_id)s"),
    Kind.RETURN_FOLLOW_UP: N_("Your return for order %(order_id)s"),
    Kind.BUYER_REPLY: N_("Your message about order %(order_id)s"),
    Kind.PROACTIVE: N_("About your order %(order_id)s"),
}

BODIES: dict[Kind, str] = {
    Kind.CONFIRM_CUSTOMIZATION_DETAILS: N_(
        "Hello %(buyer_name)s,\n\n"
        "Before we make the personalised items of order %(order_id)s, please check the design:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "Please reply to confirm the design or tell us what to change. We start production as soon as you "
        "confirm.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.CONFIRM_DELIVERY_DETAILS: N_(
        "Hello %(buyer_name)s,\n\n"
        "We would like to agree on a delivery time with you for order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "The delivery is planned for %(delivery_window)s. %(details)s\n\n"
        "Please reply with the day and time that suit you best.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.LEGAL_DISCLOSURE: N_(
        "Hello %(buyer_name)s,\n\n"
        "Attached is the legal information we are required to give you for order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "Please keep the document with your order papers.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.CONFIRM_ORDER_DETAILS: N_(
        "Hello %(buyer_name)s,\n\n"
        "We need some information from you to complete order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "We will ship the order as soon as we have your answer.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.CONFIRM_SERVICE_DETAILS: N_(
        "Hello %(buyer_name)s,\n\n"
        "We would like to book the service appointment for order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "Please reply with the days and times that suit you.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.WARRANTY: N_(
        "Hello %(buyer_name)s,\n\n"
        "Attached are the warranty terms for the items of order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "Please keep the document in case you need to make a warranty claim.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.DIGITAL_ACCESS_KEY: N_(
        "Hello %(buyer_name)s,\n\n"
        "Here is the access key for order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.UNEXPECTED_PROBLEM: N_(
        "Hello %(buyer_name)s,\n\n"
        "We have run into an unexpected problem with order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "We are sorry for the inconvenience and will write to you again as soon as we know more.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.INVOICE: N_(
        "Hello %(buyer_name)s,\n\n"
        "Attached is the invoice for order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "Please keep it for your records.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.REVIEW_REQUEST: N_(
        "Hello %(buyer_name)s,\n\n"
        "How was your order %(order_id)s from %(seller_name)s?\n\n"
        "%(items)s\n\n"
        "Please review the products and rate the seller. Your review helps other customers choose.\n\n"
        "Kind regards,\n%(marketplace)s"
    ),
    Kind.ORDER_PROBLEM: N_(
        "Hello %(buyer_name)s,\n\n"
        "Unfortunately we cannot deliver order %(order_id)s: %(reason)s.\n\n"
        "%(items)s\n\n"
        "We have cancelled the order and refunded the full amount of %(amount)s to your payment method. "
        "We are sorry for the inconvenience.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.DELAY_NOTICE: N_(
        "Hello %(buyer_name)s,\n\n"
        "We are sorry, but order %(order_id)s will ship later than planned:\n\n"
        "%(items)s\n\n"
        "We now expect to ship it by %(new_ship_date)s instead of %(ship_date)s. If you would rather not wait, "
        "reply to this message and we will cancel the order and refund you in full.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.RETURN_FOLLOW_UP: N_(
        "Hello %(buyer_name)s,\n\n"
        "We need a little more information to complete your return for order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "As soon as we have your answer, we will process the return.\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.BUYER_REPLY: N_(
        "Hello %(buyer_name)s,\n\n"
        "Thank you for your message about order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
    Kind.PROACTIVE: N_(
        "Hello %(buyer_name)s,\n\n"
        "We are writing to you about order %(order_id)s:\n\n"
        "%(items)s\n\n"
        "%(details)s\n\n"
        "Kind regards,\n%(seller_name)s"
    ),
}

DETAILS: dict[Kind, str] = {
    Kind.CONFIRM_CUSTOMIZATION_DETAILS: N_("The design uses the text and colours you chose when you ordered."),
    Kind.CONFIRM_DELIVERY_DETAILS: N_("The carrier needs someone at home to receive the delivery."),
    Kind.CONFIRM_ORDER_DETAILS: N_("Could you please confirm which size you would like?"),
    Kind.CONFIRM_SERVICE_DETAILS: N_("The installation takes about two hours."),
    Kind.DIGITAL_ACCESS_KEY: N_("The key is in the attached file. Enter it when you activate the product."),
    Kind.UNEXPECTED_PROBLEM: N_("The carrier has reported damage to the parcel, so we are preparing a replacement."),
    Kind.RETURN_FOLLOW_UP: N_("Could you tell us what is wrong with the item?"),
    Kind.BUYER_REPLY: N_("Here is the information you asked for."),
    Kind.PROACTIVE: N_("To complete the order, could you please confirm your flat number for the delivery?"),
}

REASONS: dict[str, str] = {
    AdjustmentReason.NO_INVENTORY: N_("the item is out of stock"),
    AdjustmentReason.COULD_NOT_SHIP: N_("we could not ship the item"),
}


@dataclass(frozen=True)
class Rendered:
    kind: Kind
    language: str
    subject: str
    body: str


def _date(moment: datetime, language: str) -> str:
    return format_date(moment.date(), format="long", locale=language)


def _window(order: Order, language: str) -> str:
    earliest, latest = order.earliest_delivery_date, order.latest_delivery_date
    if earliest.date() == latest.date():
        return _date(earliest, language)
    return f"{_date(earliest, language)} – {_date(latest, language)}"


def _adjustments(order: Order) -> list[Adjustment]:
    session = object_session(order)
    if session is None or order.id is None:
        return []
    return list(session.scalars(select(Adjustment).where(Adjustment.order_id == order.id).order_by(Adjustment.id)))


def _amount(order: Order, adjustments: list[Adjustment], language: str) -> str:
    adjusted = sum(adjustment.amount_minor for adjustment in adjustments)
    if not adjusted:
        # nothing adjusted yet: the order's total is what a full adjustment would give back
        adjusted = sum(item.price_minor * item.quantity for item in order.items)
    return money.display(adjusted, order.currency, language)


def _reason(adjustments: list[Adjustment]) -> str:
    unavailable = [a.reason for a in adjustments if a.reason in UNAVAILABLE_REASONS]
    return REASONS[unavailable[-1] if unavailable else AdjustmentReason.NO_INVENTORY]


def template_values(order: Order, language: str, *, kind: Kind | None = None, **overrides: str) -> dict[str, str]:
    """Every placeholder's value for ``order`` in ``language``; ``overrides`` win.

    ``kind`` chooses the default ``details`` sentence that suits the message; without it, the
    free-form starter's question stands in.
    """
    language = normalise_language(language)
    adjustments = _adjustments(order)
    values = {
        "order_id": order.amazon_order_id,
        "buyer_name": order.buyer.name,
        "seller_name": order.seller.name,
        "marketplace": order.marketplace.name,
        "items": "\n".join(f"{item.quantity} × {item.title}" for item in order.items),
        "delivery_window": _window(order, language),
        "ship_date": _date(order.latest_ship_date, language),
        "new_ship_date": _date(order.latest_ship_date + timedelta(days=DELAY_DAYS), language),
        "amount": _amount(order, adjustments, language),
        "reason": render(_reason(adjustments), language),
        "details": render(DETAILS.get(kind or Kind.PROACTIVE, DETAILS[Kind.PROACTIVE]), language),
    }
    values.update(overrides)
    return values


def render_template(kind: Kind, order: Order, language: str | None = None, **overrides: str) -> Rendered:
    """The message of ``kind`` about ``order``, in ``language`` (the buyer's by default)."""
    language = normalise_language(language or buyer_language(order))
    values = template_values(order, language, kind=kind, **overrides)
    return Rendered(
        kind=kind,
        language=language,
        subject=render(SUBJECTS[kind], language, values),
        body=render(BODIES[kind], language, values),
    )
