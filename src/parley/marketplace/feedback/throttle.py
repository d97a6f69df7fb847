"""Sellers who send many requests that are refused are paused for a while and told why
(G-FEEDBACK-ABUSE: large volumes of erroneous or speculative requests are prohibited).

Only examined requests count (granted or refused); those sent while paused do not. Counting
starts afresh when a pause ends, so one old run of refusals does not pause the seller again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace.environment import SettingsError, overrides
from parley.policy.i18n import N_
from parley.store.feedback_models import FeedbackRequest, FeedbackThrottle
from parley.store.models import Seller

THROTTLED = N_(
    "Your strike-through and removal requests are paused until %(until)s: %(refused)s of your %(requests)s "
    "requests in the last %(days)s days were refused. Send a request only when the feedback clearly meets the rules."
)
EXAMINED = ("granted", "refused")


@dataclass(frozen=True)
class ThrottleConfig:
    window_days: int = 30
    min_requests: int = 10
    """Fewer requests than this in the window never pause a seller, however many were refused."""
    refused_share: float = 0.5
    """Paused when strictly more than this share of the window's requests was refused."""
    pause_days: int = 14

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> ThrottleConfig:
        """Defaults, overridden by ``PARLEY_FEEDBACK_<FIELD>`` (``PARLEY_FEEDBACK_PAUSE_DAYS``) where set."""
        values = overrides(cls, "PARLEY_FEEDBACK_", environ)
        if values.get("refused_share", 0) > 1:
            raise SettingsError("PARLEY_FEEDBACK_REFUSED_SHARE is a share: 0 to 1")
        return cls(**values)


def active(session: Session, seller: Seller, now: datetime) -> FeedbackThrottle | None:
    return session.scalar(
        select(FeedbackThrottle)
        .where(
            FeedbackThrottle.seller_id == seller.id, FeedbackThrottle.started_at <= now, FeedbackThrottle.until > now
        )
        .order_by(FeedbackThrottle.until.desc())
        .limit(1)
    )


def message_params(throttle: FeedbackThrottle) -> dict[str, str | int]:
    detail = throttle.detail
    return {
        "until": throttle.until.date().isoformat(),
        "refused": int(detail["refused"]),
        "requests": int(detail["requests"]),
        "days": int(detail["window_days"]),
    }


def review(session: Session, seller: Seller, now: datetime, config: ThrottleConfig) -> FeedbackThrottle | None:
    """After a decision: pause the seller when the window's requests are mostly refused."""
    since = now - timedelta(days=config.window_days)
    last_end = session.scalar(
        select(func.max(FeedbackThrottle.until)).where(
            FeedbackThrottle.seller_id == seller.id, FeedbackThrottle.until <= now
        )
    )
    if last_end is not None and last_end > since:
        since = last_end
    rows = session.execute(
        select(FeedbackRequest.outcome, func.count())
        .where(
            FeedbackRequest.seller_id == seller.id,
            FeedbackRequest.requested_at >= since,
            FeedbackRequest.requested_at <= now,
            FeedbackRequest.outcome.in_(EXAMINED),
        )
        .group_by(FeedbackRequest.outcome)
    ).all()
    counts = {outcome: int(count) for outcome, count in rows}
    requests = sum(counts.values())
    refused = counts.get("refused", 0)
    if requests < config.min_requests or refused <= config.refused_share * requests:
        return None
    throttle = FeedbackThrottle(
        seller_id=seller.id,
        started_at=now,
        until=now + timedelta(days=config.pause_days),
        reason="mostly_refused",
        detail={
            "requests": requests,
            "refused": refused,
            "window_days": config.window_days,
            "min_requests": config.min_requests,
            "refused_share": config.refused_share,
            "pause_days": config.pause_days,
        },
    )
    session.add(throttle)
    session.flush()
    return throttle
