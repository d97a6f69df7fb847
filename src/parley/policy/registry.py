"""Every rule under ``parley.policy.rules``, found by walking the package: no list to edit."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from parley.policy import rules as rules_package
from parley.policy.rule import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    for module in pkgutil.walk_packages(rules_package.__path__, rules_package.__name__ + "."):
        importlib.import_module(module.name)
    found: dict[str, type[Rule]] = {}
    for cls in _subclasses(Rule):
        if cls.__dict__.get("abstract", False):
            continue
        if cls.code in found and found[cls.code] is not cls:
            raise ValueError(f"rule code {cls.code} is used by {found[cls.code].__name__} and {cls.__name__}")
        found[cls.code] = cls
    return tuple(found[code]() for code in sorted(found))


def rule_by_code(code: str) -> Rule | None:
    code = code.upper()
    for rule in all_rules():
        if rule.code == code or rule.name == code.lower():
            return rule
    return None


def _subclasses(cls: type[Rule]) -> list[type[Rule]]:
    found = []
    pending = list(cls.__subclasses__())
    while pending:
        sub = pending.pop()
        found.append(sub)
        pending.extend(sub.__subclasses__())
    return found
