"""The demo's feedback: languages, sentiments, and strike-through decisions both ways."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace import demo
from parley.marketplace.feedback import metrics
from parley.marketplace.feedback.demo import COMMENTS
from parley.store.feedback_models import Feedback, FeedbackRequest
from parley.store.models import Seller

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def test_seed_feedback_on_the_demo_marketplace(session: Session) -> None:
    demo.build(session, seed=3, now=NOW)  # seeds the feedback itself
    count = session.scalar(select(func.count()).select_from(Feedback)) or 0
    assert count > 40
    languages = set(session.scalars(select(Feedback.language)))
    assert len(languages) >= 8
    for feedback in session.scalars(select(Feedback)):
        assert feedback.comment in COMMENTS[feedback.language].values()
    outcomes = set(session.scalars(select(FeedbackRequest.outcome)))
    assert outcomes <= {"granted", "refused"} and "refused" in outcomes
    sellers = session.scalars(select(Seller)).all()
    assert all(metrics.metrics(session, seller, now=NOW)[-1].total > 0 for seller in sellers)
