"""Throttling: a seller whose requests are mostly refused is paused, told why, then starts afresh."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from parley.marketplace.feedback import removal, strike
from parley.marketplace.feedback.throttle import ThrottleConfig
from tests.marketplace.feedback.helpers import NOW, feedback, world

CONFIG = ThrottleConfig(window_days=30, min_requests=4, refused_share=0.5, pause_days=7)
LATE = "The parcel arrived two weeks late."
PRODUCT = "The handle broke after two days and the lid leaks."


def test_mostly_refused_requests_pause_the_seller_and_it_is_told_why(session: Session) -> None:
    w = world(session)
    refused = [feedback(session, w, 5, "Great seller") for _ in range(4)]
    for n, left in enumerate(refused[:3]):
        decision = strike.request(session, w.seller, left.id, now=NOW + timedelta(minutes=n), config=CONFIG)
        assert (decision.outcome, decision.throttle) == ("refused", None)  # too few requests to judge
    fourth = strike.request(session, w.seller, refused[3].id, now=NOW + timedelta(minutes=3), config=CONFIG)
    assert fourth.outcome == "refused" and fourth.throttle is not None
    assert fourth.throttle.until == NOW + timedelta(minutes=3, days=7)
    assert fourth.throttle.detail["requests"] == 4 and fourth.throttle.detail["refused"] == 4
    told = fourth.to_dict("en")["throttle"]["message"]
    assert "paused until 2026-06-08" in told and "4 of your 4 requests" in told

    eligible = feedback(session, w, 1, LATE)
    paused = strike.request(session, w.seller, eligible.id, now=NOW + timedelta(days=1), config=CONFIG)
    assert (paused.outcome, paused.reason, eligible.struck_at) == ("throttled", "throttled", None)
    assert paused.message("sv").startswith("Dina begäranden") and "2026-06-08" in paused.message("de")
    product = feedback(session, w, 1, PRODUCT)
    assert removal.request(session, w.seller, product.id, now=NOW + timedelta(days=2), config=CONFIG).outcome == (
        "throttled"
    )
    assert product.removed_at is None

    after = NOW + timedelta(days=8)
    granted = strike.request(session, w.seller, eligible.id, now=after, config=CONFIG)
    assert (granted.outcome, granted.throttle) == ("granted", None)
    # the refusals before the pause no longer count: one more refusal does not pause again
    again = strike.request(session, w.seller, refused[0].id, now=after + timedelta(minutes=1), config=CONFIG)
    assert (again.outcome, again.throttle) == ("refused", None)


def test_half_refused_is_not_mostly_refused(session: Session) -> None:
    w = world(session)
    decisions = []
    for n in range(4):
        left = feedback(session, w, 1 if n % 2 else 5, LATE)
        decisions.append(strike.request(session, w.seller, left.id, now=NOW + timedelta(minutes=n), config=CONFIG))
    assert [d.outcome for d in decisions] == ["refused", "granted", "refused", "granted"]
    assert all(d.throttle is None for d in decisions)


def test_refusals_outside_the_window_do_not_count(session: Session) -> None:
    w = world(session)
    for n in range(3):
        left = feedback(session, w, 5, "Great", left_at=NOW - timedelta(days=40))
        strike.request(session, w.seller, left.id, now=NOW - timedelta(days=35, minutes=-n), config=CONFIG)
    left = feedback(session, w, 5, "Great")
    assert strike.request(session, w.seller, left.id, now=NOW, config=CONFIG).throttle is None


def test_throttle_thresholds_come_from_the_environment() -> None:
    from parley.marketplace.feedback.throttle import ThrottleConfig

    config = ThrottleConfig.from_environment(
        {"PARLEY_FEEDBACK_MIN_REQUESTS": "4", "PARLEY_FEEDBACK_REFUSED_SHARE": "0.75"}
    )
    assert (config.min_requests, config.refused_share, config.pause_days) == (4, 0.75, 14)
    for bad in ({"PARLEY_FEEDBACK_PAUSE_DAYS": "soon"}, {"PARLEY_FEEDBACK_REFUSED_SHARE": "1.5"}):
        with pytest.raises(ValueError, match="PARLEY_FEEDBACK_"):
            ThrottleConfig.from_environment(bad)
