"""The engine's answer: a decision, and every finding behind it, explained."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from parley.policy import i18n
from parley.policy.parts import Notice
from parley.policy.rule import Action, Finding


class Decision(StrEnum):
    DELIVER = "deliver"
    BLOCK = "block"
    WARN = "warn"


@dataclass
class Verdict:
    decision: Decision
    edition: str
    direction: str
    findings: list[Finding] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)
    rules_skipped: dict[str, str] = field(default_factory=dict)
    language: str | None = None
    notices: list[Notice] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return self.decision != Decision.BLOCK

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.action == Action.BLOCK]

    def explain(self, finding: Finding, language: str | None = None) -> str:
        return i18n.render(finding.message_id, language or self.language, finding.params)

    def advise(self, finding: Finding, language: str | None = None) -> str:
        return i18n.render(finding.advice_id, language or self.language, finding.params)

    def finding_dict(self, finding: Finding, language: str | None = None) -> dict[str, Any]:
        """The stable JSON shape of one finding."""
        return {
            "rule": finding.rule,
            "name": finding.name,
            "guidelines": list(finding.guidelines),
            "action": str(finding.action),
            "span": [finding.span[0], finding.span[1]],
            "excerpt": finding.excerpt,
            "message": self.explain(finding, language),
        }

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "decision": str(self.decision),
            "edition": self.edition,
            "findings": [self.finding_dict(f, language) for f in self.findings],
        }
