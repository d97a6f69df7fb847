"""What a seller sees of its feedback (G-FEEDBACK-MANAGER): positive (4–5), neutral (3) and
negative (1–2) counts and shares over 30, 90 and 365 days and lifetime, and every record with its
comment, rating, order and the buyer's relay address, never the real one.

Struck-through and removed feedback do not count; struck feedback is still listed, with its note.
A seller sees only its own feedback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.sql.elements import ColumnElement

from parley.marketplace import accounts
from parley.marketplace.feedback import strike
from parley.store.feedback_models import Feedback
from parley.store.models import Seller

WINDOWS: tuple[int | None, ...] = (30, 90, 365, None)
"""Days back from now; ``None`` is the seller's lifetime."""


def sentiment(rating: int) -> str:
    return "positive" if rating >= 4 else "neutral" if rating == 3 else "negative"


@dataclass(frozen=True)
class WindowMetrics:
    days: int | None
    positive: int
    neutral: int
    negative: int

    @property
    def total(self) -> int:
        return self.positive + self.neutral + self.negative

    def share(self, count: int) -> float | None:
        """Percent of the window's ratings, one decimal; None when there are none."""
        return round(100 * count / self.total, 1) if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "window": f"{self.days}d" if self.days else "lifetime",
            "total": self.total,
            **{kind: getattr(self, kind) for kind in ("positive", "neutral", "negative")},
            "percent": {kind: self.share(getattr(self, kind)) for kind in ("positive", "neutral", "negative")},
        }


def metrics(session: Session, seller: Seller, *, now: datetime) -> list[WindowMetrics]:
    """The seller's counts per window, one query: ratings that count are neither struck nor removed."""
    columns = []
    for days in WINDOWS:
        for low, high in ((4, 5), (3, 3), (1, 2)):
            counted: ColumnElement[bool] = Feedback.rating.between(low, high)
            if days:
                counted = and_(counted, Feedback.left_at >= now - timedelta(days=days))
            columns.append(func.coalesce(func.sum(case((counted, 1), else_=0)), 0))
    row = session.execute(
        select(*columns).where(
            Feedback.seller_id == seller.id,
            Feedback.struck_at.is_(None),
            Feedback.removed_at.is_(None),
            Feedback.left_at <= now,
        )
    ).one()
    values = [int(value) for value in row]
    return [WindowMetrics(days, *values[3 * n : 3 * n + 3]) for n, days in enumerate(WINDOWS)]


@dataclass(frozen=True)
class FeedbackRow:
    feedback_id: int
    order_id: str
    rating: int
    sentiment: str
    comment: str
    buyer: str
    """The buyer's relay address for this seller."""
    left_at: datetime
    edited_at: datetime | None
    status: str
    """``counted``, ``struck`` or ``removed``."""
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "feedback_id": self.feedback_id,
            "order_id": self.order_id,
            "rating": self.rating,
            "sentiment": self.sentiment,
            "comment": self.comment,
            "buyer": self.buyer,
            "left_at": self.left_at.isoformat(),
            "edited_at": self.edited_at.isoformat() if self.edited_at else None,
            "status": self.status,
            "note": self.note,
        }


def records(
    session: Session, seller: Seller, *, language: str | None = None, include_removed: bool = False
) -> list[FeedbackRow]:
    """The seller's feedback, newest first; notes in ``language`` (default the seller's)."""
    query = (
        select(Feedback)
        .where(Feedback.seller_id == seller.id)
        .options(joinedload(Feedback.order), joinedload(Feedback.buyer), joinedload(Feedback.marketplace))
        .order_by(Feedback.left_at.desc(), Feedback.id.desc())
    )
    if not include_removed:
        query = query.where(Feedback.removed_at.is_(None))
    rows = []
    for feedback in session.scalars(query):
        alias = accounts.alias_for(session, feedback.buyer, seller, feedback.marketplace)
        status = "removed" if feedback.removed_at else "struck" if feedback.struck_at else "counted"
        rows.append(
            FeedbackRow(
                feedback_id=feedback.id,
                order_id=feedback.order.amazon_order_id,
                rating=feedback.rating,
                sentiment=sentiment(feedback.rating),
                comment=feedback.comment,
                buyer=alias.address,
                left_at=feedback.left_at,
                edited_at=feedback.edited_at,
                status=status,
                note=strike.note(feedback, language or seller.language),
            )
        )
    return rows
