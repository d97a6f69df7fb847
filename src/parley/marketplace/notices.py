"""The marketplace's own notices to buyers (shipped, refunded, canceled), in the buyer's language.

They are written to the outbox in the same transaction as the change they report, so a notice
exists exactly when its change does; a delivery worker sends them later.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.dates import format_date, format_interval

from parley.marketplace import money
from parley.policy.context import LANGUAGES
from parley.policy.i18n import N_, render
from parley.store.models import Order

SUBJECTS = {
    "shipped": N_("Your order %(order_id)s has shipped"),
    "refunded": N_("Your refund for order %(order_id)s has been processed"),
    "canceled": N_("Your order %(order_id)s has been canceled"),
}
BODIES = {
    "shipped": N_(
        "Hello %(name)s,\n\nyour order %(order_id)s from %(seller)s is on its way with %(carrier)s. "
        "Tracking number: %(tracking)s. Expected delivery: %(delivery)s.\n\nIn this parcel:\n%(items)s\n\n"
        "Delivery address:\n%(address)s\n\nYou can follow the delivery under Your Orders."
    ),
    "refunded": N_(
        "Hello %(name)s,\n\n%(seller)s refunded %(amount)s for order %(order_id)s on %(date)s:\n%(items)s\n\n"
        "The money goes back to your original payment method within a few days."
    ),
    "canceled": N_(
        "Hello %(name)s,\n\n%(seller)s has canceled order %(order_id)s (%(items)s). "
        "You will not be charged for the canceled items."
    ),
}
NO_TRACKING = N_("not given")
NO_ADDRESS = N_("the address given in your order")


def _window(order: Order, language: str) -> str:
    first, last = order.earliest_delivery_date.date(), order.latest_delivery_date.date()
    if first == last:
        return format_date(first, "long", locale=language)
    return format_interval(first, last, "yMMMd", locale=language)


def buyer_language(order: Order) -> str:
    """The buyer's preferred language if Parley speaks it, else the marketplace's."""
    preferred = (order.buyer.preferred_language or "").replace("_", "-").split("-")[0].lower()
    return preferred if preferred in LANGUAGES else order.marketplace.default_language


def notice(order: Order, kind: str, now: datetime, **params: str | int) -> dict[str, Any]:
    """The outbox row of a notice about ``order``, rendered in the buyer's language."""
    language = buyer_language(order)
    values: dict[str, object] = {
        "order_id": order.amazon_order_id,
        "name": order.buyer.name,
        "seller": order.seller.name,
        **params,
    }
    if "amount_minor" in values:
        values["amount"] = money.display(int(values.pop("amount_minor")), order.currency, language)  # type: ignore[call-overload]
    if kind == "shipped":
        values.setdefault("tracking", "")
        if not values["tracking"]:
            values["tracking"] = render(NO_TRACKING, language)
        values["delivery"] = _window(order, language)
        values["address"] = order.ship_to or render(NO_ADDRESS, language)
    if kind == "refunded":
        values["date"] = format_date(now.date(), "long", locale=language)
    values.setdefault("items", "")
    return {
        "buyer_id": order.buyer_id,
        "order_id": order.id,
        "kind": kind,
        "language": language,
        "subject": render(SUBJECTS[kind], language, values),
        "body": render(BODIES[kind], language, values),
        "created_at": now,
        "delivered_at": None,
        "attempts": 0,
        "next_attempt_at": None,
        "last_error": None,
    }
