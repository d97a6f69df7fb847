"""The demo marketplace is built through real feeds and covers every state and both channels."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace import demo
from parley.marketplace.catalog import Channel, OrderStatus
from parley.policy.context import LANGUAGES
from parley.store.models import Buyer, BuyerAlias, OutboxNotice


def test_demo_marketplace(session: Session) -> None:
    summary = demo.build(session, now=datetime(2026, 11, 1, tzinfo=UTC))
    assert summary.marketplaces == 3 and summary.sellers == 4 and summary.buyers == 80 and summary.orders == 500
    assert set(summary.by_status) == set(OrderStatus)
    assert set(summary.by_channel) == set(Channel)
    assert {feed["feed_type"] for feed in summary.feeds} >= {
        "POST_ORDER_FULFILLMENT_DATA",
        "POST_FLAT_FILE_FULFILLMENT_DATA",
        "POST_PAYMENT_ADJUSTMENT_DATA",
        "POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA",
    }
    assert all(feed["with_error"] == 0 for feed in summary.feeds)
    languages = set(session.scalars(select(Buyer.preferred_language)))
    assert languages == set(LANGUAGES)
    notice_languages = set(session.scalars(select(OutboxNotice.language)))
    assert len(notice_languages) == len(LANGUAGES)
    aliases = session.scalars(select(BuyerAlias.local_part)).all()
    assert aliases and all(len(a) == 15 and a.isalnum() and a == a.lower() for a in aliases)
    assert demo.has_data(session)
    assert session.scalar(select(func.count()).select_from(BuyerAlias)) == len(set(aliases))
