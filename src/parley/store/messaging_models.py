"""The messaging service's tables: messages with their verdicts, threads, delivery and standing."""

from __future__ import annotations
