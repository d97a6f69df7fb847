"""Rule examples kept as data, one file per language: ``examples/<lang>.yaml``.

A rule's examples in English sit in its module, next to the code they explain. The examples in
the other languages are many (every language-aware rule needs good and bad ones in all ten), so
each language keeps them in one file, written by whoever writes that language's word lists::

    MK01:
      - bad: "Använd [[rabattkoden SOMMAR10]] nästa gång."
      - good: "Din beställning 203-1234567-1234567 skickas i dag."
      - bad: "<p>[[Följ oss på Instagram]]</p>"
        format: html

``[[...]]`` marks where a bad example must be found, as in the modules. Any other key is passed
to the example's context (``buyer_language: sv``, ``kind: order-problem``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from parley.policy.context import LANGUAGES

if TYPE_CHECKING:
    from parley.policy.rule import Example


class ExampleDataError(ValueError):
    """An examples file that does not have the documented shape."""


@cache
def _load(language: str) -> dict[str, tuple[Example, ...]]:
    from parley.policy.rule import bad, good  # rule.py imports this module

    path = resources.files("parley.policy.examples") / f"{language}.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ExampleDataError(f"examples/{language}.yaml: expected a mapping of rule codes")
    loaded: dict[str, tuple[Example, ...]] = {}
    for code, items in data.items():
        if not isinstance(items, list):
            raise ExampleDataError(f"examples/{language}.yaml: {code}: expected a list")
        examples = []
        for item in items:
            examples.append(_example(language, code, item, bad, good))
        loaded[str(code)] = tuple(examples)
    return loaded


def _example(language: str, code: str, item: Any, bad: Any, good: Any) -> Example:
    if not isinstance(item, dict) or len({"bad", "good"} & item.keys()) != 1:
        raise ExampleDataError(f"examples/{language}.yaml: {code}: each item needs exactly one of bad/good")
    item = dict(item)
    make = bad if "bad" in item else good
    text = item.pop("bad", None) or item.pop("good", None)
    if not isinstance(text, str) or not text.strip():
        raise ExampleDataError(f"examples/{language}.yaml: {code}: empty example")
    fmt = item.pop("format", "text")
    if fmt not in ("text", "html"):
        raise ExampleDataError(f"examples/{language}.yaml: {code}: format must be text or html")
    return make(language, text, format=fmt, **item)


def for_rule(code: str) -> tuple[Example, ...]:
    """Every data example of the rule ``code``, in project-language order."""
    return tuple(example for language in LANGUAGES for example in _load(language).get(code, ()))
