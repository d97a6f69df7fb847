"""What strike-through and removal requests share: finding the seller's feedback, the pause
check, and recording the decision with every step's detail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from parley import strikethrough
from parley.marketplace.feedback import errors, throttle
from parley.marketplace.feedback.errors import FeedbackError
from parley.marketplace.feedback.throttle import ThrottleConfig
from parley.policy.context import LANGUAGES
from parley.policy.detectors.language import identify
from parley.policy.i18n import N_, render
from parley.store.feedback_models import Feedback, FeedbackRequest, FeedbackThrottle
from parley.store.models import Seller

REQUEST_WINDOW = timedelta(days=90)
CONFIDENT = 0.5
TOO_OLD = N_("Feedback %(feedback_id)s was left on %(left)s; requests are taken for %(days)s days after that.")


@dataclass(frozen=True)
class Outcome:
    """What one examination decided, before it is recorded."""

    granted: bool
    reason: str
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    request: FeedbackRequest
    message_id: str
    params: dict[str, Any]
    throttle: FeedbackThrottle | None = None
    """A pause that this decision started, or the one that stopped the request from being examined."""

    @property
    def outcome(self) -> str:
        return self.request.outcome

    @property
    def granted(self) -> bool:
        return self.request.outcome == "granted"

    @property
    def reason(self) -> str:
        return self.request.reason

    def message(self, language: str | None) -> str:
        return render(self.message_id, language, self.params)

    def to_dict(self, language: str | None) -> dict[str, Any]:
        result: dict[str, Any] = {
            "request_id": self.request.id,
            "feedback_id": self.request.feedback_id,
            "kind": self.request.kind,
            "outcome": self.request.outcome,
            "reason": self.request.reason,
            "message": self.message(language),
            "requested_at": self.request.requested_at.isoformat(),
            "detail": self.request.detail,
        }
        if self.throttle is not None:
            result["throttle"] = {
                "until": self.throttle.until.isoformat(),
                "message": render(throttle.THROTTLED, language, throttle.message_params(self.throttle)),
            }
        return result


def comment_language(feedback: Feedback) -> str:
    """The language the comment is written in: buyers do not always write in their preferred one,
    so a confident guess from the text wins over the buyer's setting."""
    guess = identify(feedback.comment)
    if guess is not None and guess.language in LANGUAGES and guess.confidence >= CONFIDENT:
        return guess.language
    return feedback.language


def classify(feedback: Feedback) -> strikethrough.Classification:
    brand = feedback.marketplace.name.split(".")[0]  # buyers write "Amazon", not "Amazon.se"
    return strikethrough.classify(feedback.comment, comment_language(feedback), marketplace=brand)


def sellers_feedback(session: Session, seller: Seller, feedback_id: int) -> Feedback:
    """The seller's own feedback; another seller's is "not found", never "not yours"."""
    feedback = session.get(Feedback, feedback_id)
    if feedback is None or feedback.seller_id != seller.id:
        raise FeedbackError("feedback_not_found", errors.FEEDBACK_NOT_FOUND, feedback_id=feedback_id)
    if feedback.removed_at is not None:
        raise FeedbackError("feedback_removed", errors.FEEDBACK_REMOVED, feedback_id=feedback_id)
    return feedback


def decide(
    session: Session,
    seller: Seller,
    feedback: Feedback,
    kind: str,
    examine: Callable[[Feedback], Outcome],
    *,
    now: datetime,
    config: ThrottleConfig,
) -> Decision:
    """Examine the request unless the seller is paused, record it, then review the seller's pause."""
    paused = throttle.active(session, seller, now)
    if paused is not None:
        detail = {"throttle_id": paused.id}
        request = _record(
            session, seller, feedback, kind, outcome="throttled", reason="throttled", detail=detail, now=now
        )
        return Decision(request, throttle.THROTTLED, throttle.message_params(paused), paused)
    if now - feedback.left_at > REQUEST_WINDOW:
        outcome = Outcome(
            False,
            "too_old",
            TOO_OLD,
            {"feedback_id": feedback.id, "left": feedback.left_at.date().isoformat(), "days": REQUEST_WINDOW.days},
            {"left_at": feedback.left_at.isoformat(), "window_days": REQUEST_WINDOW.days},
        )
    else:
        outcome = examine(feedback)
    outcome_word = "granted" if outcome.granted else "refused"
    request = _record(
        session, seller, feedback, kind, outcome=outcome_word, reason=outcome.reason, detail=outcome.detail, now=now
    )
    started = throttle.review(session, seller, now, config)
    return Decision(request, outcome.message_id, outcome.params, started)


def _record(
    session: Session,
    seller: Seller,
    feedback: Feedback,
    kind: str,
    *,
    outcome: str,
    reason: str,
    detail: dict[str, Any],
    now: datetime,
) -> FeedbackRequest:
    request = FeedbackRequest(
        feedback_id=feedback.id,
        seller_id=seller.id,
        kind=kind,
        outcome=outcome,
        reason=reason,
        detail=detail,
        requested_at=now,
    )
    session.add(request)
    session.flush()
    return request
