"""The Feedback Manager's tables: seller feedback and the seller's strike-through and removal requests."""

from __future__ import annotations
