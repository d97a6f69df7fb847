"""A seller's messaging standing and how it moves (G-ENFORCE-BLOCK, G-ENFORCE-ESCALATE).

Messages the policy blocks count against the seller over a rolling window, even when they could
not have been sent anyway (a restricted seller trying free text still breaks the guidelines).
Enough of them restrict the seller to the marketplace's templates for a while; more suspend
proactive messaging. A
restriction ends by itself when its time is up, or when an operator lifts it. Every move is a
``StandingChange`` row with its reason, which the seller is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace.messaging.settings import MessagingSettings
from parley.policy.i18n import N_, render
from parley.store.messaging_models import Message, SellerSettings, StandingChange
from parley.store.models import Seller

NORMAL, TEMPLATES_ONLY, SUSPENDED = "normal", "templates_only", "suspended"
_SEVERITY = {NORMAL: 0, TEMPLATES_ONLY: 1, SUSPENDED: 2}

EXPLANATIONS = {
    "violations": N_(
        "%(count)s of your messages were blocked in the last %(days)s days; "
        "your messaging standing is now %(standing)s until %(until)s."
    ),
    "expired": N_("Your restriction ended on %(until)s; your messaging standing is %(standing)s again."),
    "lifted": N_("An operator lifted your restriction; your messaging standing is %(standing)s again."),
}
STANDING_NAMES = {
    NORMAL: N_("normal"),
    TEMPLATES_ONLY: N_("restricted to the marketplace's templates"),
    SUSPENDED: N_("suspended"),
}


def settings_for(session: Session, seller: Seller) -> SellerSettings:
    row = session.get(SellerSettings, seller.id)
    if row is None:
        row = SellerSettings(seller_id=seller.id, edition="current", standing_until=None)
        session.add(row)
        session.flush()
    return row


def current(session: Session, seller: Seller, now: datetime) -> tuple[str, datetime | None]:
    """The standing in force at ``now``, ending an expired restriction first."""
    row = settings_for(session, seller)
    if seller.standing != NORMAL and row.standing_until is not None and row.standing_until <= now:
        _move(session, seller, NORMAL, "expired", now, until=None, detail={"ended": row.standing_until.isoformat()})
    return seller.standing, row.standing_until


def violations(session: Session, seller: Seller, now: datetime, settings: MessagingSettings) -> int:
    since = now - timedelta(days=settings.violation_window_days)
    last_change = session.scalar(
        select(func.max(StandingChange.created_at)).where(
            StandingChange.seller_id == seller.id, StandingChange.reason == "lifted"
        )
    )
    if last_change is not None and last_change > since:
        since = last_change  # an operator's lift starts the count afresh
    count = session.scalar(
        select(func.count(Message.id)).where(
            Message.seller_id == seller.id,
            Message.direction == "outbound",
            Message.decision == "block",
            Message.created_at > since,
            Message.created_at <= now,
        )
    )
    return int(count or 0)


def record_violation(
    session: Session, seller: Seller, now: datetime, settings: MessagingSettings
) -> StandingChange | None:
    """After a blocked message: escalate when the window holds enough violations."""
    current(session, seller, now)
    count = violations(session, seller, now, settings)
    if count >= settings.suspend_after:
        target, days = SUSPENDED, settings.suspend_days
    elif count >= settings.templates_only_after:
        target, days = TEMPLATES_ONLY, settings.templates_only_days
    else:
        return None
    if _SEVERITY[target] <= _SEVERITY[seller.standing]:
        return None
    return _move(
        session,
        seller,
        target,
        "violations",
        now,
        until=now + timedelta(days=days),
        detail={"count": count, "days": settings.violation_window_days},
    )


def lift(session: Session, seller: Seller, now: datetime, operator: str) -> StandingChange | None:
    if seller.standing == NORMAL:
        return None
    return _move(session, seller, NORMAL, "lifted", now, until=None, actor=operator)


def _move(
    session: Session,
    seller: Seller,
    target: str,
    reason: str,
    now: datetime,
    *,
    until: datetime | None,
    detail: dict[str, object] | None = None,
    actor: str = "system",
) -> StandingChange:
    change = StandingChange(
        seller_id=seller.id,
        from_standing=seller.standing,
        to_standing=target,
        reason=reason,
        detail=dict(detail or {}),
        until=until,
        actor=actor,
        created_at=now,
    )
    if reason == "expired":
        change.until = settings_for(session, seller).standing_until
    seller.standing = target
    settings_for(session, seller).standing_until = until
    session.add(change)
    session.flush()
    return change


@dataclass(frozen=True)
class History:
    standing: str
    until: datetime | None
    violations: int
    changes: list[StandingChange]


def history(session: Session, seller: Seller, now: datetime, settings: MessagingSettings) -> History:
    standing, until = current(session, seller, now)
    changes = list(
        session.scalars(
            select(StandingChange)
            .where(StandingChange.seller_id == seller.id)
            .order_by(StandingChange.created_at, StandingChange.id)
        )
    )
    return History(standing, until, violations(session, seller, now, settings), changes)


def explain(change: StandingChange, language: str) -> str:
    """The change as the seller reads it."""
    until = change.until.date().isoformat() if change.until else ""
    params = {
        "count": str(change.detail.get("count", "")),
        "days": str(change.detail.get("days", "")),
        "standing": render(STANDING_NAMES[change.to_standing], language),
        "until": until,
    }
    return render(EXPLANATIONS[change.reason], language, params)
