"""The messaging service's thresholds, with defaults and ``PARLEY_*`` environment overrides.

Operators tune enforcement and volume without code: a deployment sets, say,
``PARLEY_ENFORCEMENT_TEMPLATES_AFTER=5`` and every process reads the same value.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.marketplace.environment import SettingsError, overrides

__all__ = ["MessagingSettings", "SettingsError"]


@dataclass(frozen=True)
class MessagingSettings:
    proactive_window_days: int = 30
    """G-PROACTIVE-WINDOW: days after completion during which proactive messages may go."""
    review_earliest_days: int = 5
    """A review request from this many days after the earliest delivery date ..."""
    review_latest_days: int = 30
    """... to this many days after the latest delivery date."""
    violation_window_days: int = 30
    """Blocked messages count against a seller over this rolling window (G-ENFORCE-ESCALATE)."""
    templates_only_after: int = 3
    """Blocked messages in the window that restrict a seller to templates."""
    templates_only_days: int = 14
    """How long a restriction to templates lasts."""
    suspend_after: int = 6
    """Blocked messages in the window that suspend a seller's proactive messaging."""
    suspend_days: int = 30
    """How long a suspension lasts."""
    daily_cap_multiplier: int = 5
    """The daily cap on proactive messages: multiplier × average daily orders (last 30 days) + base."""
    daily_cap_base: int = 600
    """The base of the daily cap: what a seller without recent orders may send."""
    response_hours: int = 24
    """A buyer message counts as answered late after this many hours, weekends included."""
    delivery_max_attempts: int = 8
    """Attempts at one delivery before it is marked failed."""
    delivery_backoff_seconds: int = 30
    """The first retry waits this long; each later one twice as long as the one before."""

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> MessagingSettings:
        """Defaults, overridden by ``PARLEY_<FIELD>`` (``PARLEY_SUSPEND_AFTER``) where set."""
        return cls(**overrides(cls, "PARLEY_", environ))
