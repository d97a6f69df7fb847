"""Seller metrics from the order facts: late shipment confirmation over 7, 30 and 90 days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from parley.store import orders_repository
from parley.store.models import Seller

WINDOWS = (7, 30, 90)


@dataclass(frozen=True)
class LateShipment:
    days: int
    confirmed: int
    """Orders whose first shipment was confirmed in the window."""
    late: int
    """Of those, confirmed after the order's latest ship date."""

    @property
    def rate(self) -> float:
        return self.late / self.confirmed if self.confirmed else 0.0


def late_shipment(session: Session, seller: Seller, now: datetime | None = None) -> list[LateShipment]:
    now = now or datetime.now(UTC)
    rows = orders_repository.confirmations_since(session, seller.id, now - timedelta(days=max(WINDOWS)))
    result = []
    for days in WINDOWS:
        since = now - timedelta(days=days)
        in_window = [(confirmed, latest) for confirmed, latest in rows if confirmed >= since]
        result.append(
            LateShipment(days, len(in_window), sum(1 for confirmed, latest in in_window if confirmed > latest))
        )
    return result
