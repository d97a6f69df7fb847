"""Editions of the guidelines: which requirements are in force, and what each rule's finding does.

An edition is data (``editions/<name>.toml``). A rule is off in an edition when
none of the guidelines it enforces is in force there; ``[actions]`` overrides a
rule's default action.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from parley.policy.rule import Action, Rule

DEFAULT_EDITION = "current"


class UnknownEditionError(ValueError):
    pass


@dataclass(frozen=True, eq=False)
class Edition:
    name: str
    title: str
    effective_from: dt.date
    effective_until: dt.date | None
    not_in_force: frozenset[str]
    actions: dict[str, Action] = field(default_factory=dict)

    def in_force(self, guideline: str) -> bool:
        return guideline not in self.not_in_force

    def action_for(self, rule: Rule) -> Action:
        if not any(self.in_force(guideline) for guideline in rule.guidelines):
            return Action.OFF
        return self.actions.get(rule.code, rule.default_action)

    def actions_for(self, rules: tuple[Rule, ...]) -> dict[str, Action]:
        """Every rule's action in this edition, computed once per set of rules."""
        return _actions(self, rules)

    def covers(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)


@cache
def _actions(edition: Edition, rules: tuple[Rule, ...]) -> dict[str, Action]:
    return {rule.code: edition.action_for(rule) for rule in rules}


def edition_names() -> list[str]:
    folder = resources.files("parley.policy") / "editions"
    return sorted(item.name.removesuffix(".toml") for item in folder.iterdir() if item.name.endswith(".toml"))


@cache
def load_edition(name: str = DEFAULT_EDITION) -> Edition:
    if name not in edition_names():
        raise UnknownEditionError(f"unknown edition {name!r}; known: {', '.join(edition_names())}")
    path = resources.files("parley.policy") / "editions" / f"{name}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data["edition"]
    until = meta.get("effective_until")
    return Edition(
        name=name,
        title=meta["title"],
        effective_from=dt.date.fromisoformat(str(meta["effective_from"])),
        effective_until=dt.date.fromisoformat(str(until)) if until else None,
        not_in_force=frozenset(data.get("not_in_force", {}).get("guidelines", [])),
        actions={code: Action(action) for code, action in data.get("actions", {}).items()},
    )


def edition_for(day: dt.date) -> Edition:
    """The edition that was in force on ``day`` (the current one for any later day)."""
    for name in edition_names():
        edition = load_edition(name)
        if edition.covers(day):
            return edition
    return load_edition(DEFAULT_EDITION)
