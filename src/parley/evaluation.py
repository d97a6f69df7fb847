"""Measure the engine on hand-labelled corpora: block precision and recall, per language and rule.

A corpus is ``<dir>/<lang>.yaml``::

    language: sv
    items:
      - id: sv-delay-01
        text: "Hej! Din beställning 203-1234567-1234567 blir försenad ..."
        violates: []                      # the guideline IDs the message breaks; empty = compliant
        format: text                      # or html (optional)
        direction: outbound               # or inbound: a buyer's message (optional)
        kind: order-problem               # a MessageKind, insert or packing-slip (optional)
        reply: false                      # true when it answers the buyer (optional)

Each item is checked with the buyer's preferred language set to the corpus language. An outbound
item counts as flagged when the verdict blocks it, an inbound one when the verdict warns. Per
guideline, an item counts as found when some finding cites that guideline (see ``Outcome.cited``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from parley.policy import guidelines
from parley.policy.context import LANGUAGES, Context, Direction, parse_kind
from parley.policy.engine import check
from parley.policy.message import Message
from parley.policy.verdict import Decision, Verdict

_ITEM_KEYS = frozenset({"id", "text", "violates", "format", "direction", "kind", "reply", "note"})


class CorpusError(ValueError):
    """A corpus file that does not have the documented shape."""


@dataclass(frozen=True)
class Item:
    id: str
    language: str
    text: str
    violates: frozenset[str]
    format: str = "text"
    direction: Direction = Direction.OUTBOUND
    kind: str | None = None
    reply: bool = False

    def context(self) -> Context:
        document, kind = parse_kind(self.kind)
        return Context(
            direction=self.direction,
            document=document,
            kind=kind,
            proactive=not self.reply,
            buyer_language=self.language,
        )

    def message(self) -> Message:
        return Message.from_html(self.text) if self.format == "html" else Message.from_text(self.text)


def load(path: Path) -> list[Item]:
    """The items of one corpus file, validated."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CorpusError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or data.get("language") not in LANGUAGES or not isinstance(data.get("items"), list):
        raise CorpusError(f"{path}: expected 'language' (one of {', '.join(LANGUAGES)}) and a list of 'items'")
    known = {guideline.id for guideline in guidelines.catalogue()}
    items = []
    for raw in data["items"]:
        items.append(_item(path, data["language"], raw, known))
    return items


def _item(path: Path, language: str, raw: Any, known: set[str]) -> Item:
    where = f"{path}: item {raw.get('id', '?') if isinstance(raw, dict) else '?'}"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("text"), str):
        raise CorpusError(f"{where}: needs a string 'id' and 'text'")
    if unknown_keys := set(raw) - _ITEM_KEYS:
        raise CorpusError(f"{where}: unknown keys {sorted(unknown_keys)}")
    violates = raw.get("violates") or []
    if not isinstance(violates, list) or not all(isinstance(v, str) for v in violates):
        raise CorpusError(f"{where}: 'violates' must be a list of guideline IDs")
    if unknown := set(violates) - known:
        raise CorpusError(f"{where}: unknown guideline IDs {sorted(unknown)}")
    kind = raw.get("kind")
    try:
        parse_kind(kind)
    except ValueError:
        raise CorpusError(f"{where}: unknown kind {kind!r}") from None
    if raw.get("format", "text") not in ("text", "html"):
        raise CorpusError(f"{where}: format must be text or html")
    return Item(
        id=raw["id"],
        language=language,
        text=raw["text"],
        violates=frozenset(violates),
        format=raw.get("format", "text"),
        direction=Direction(raw.get("direction", "outbound")),
        kind=kind,
        reply=bool(raw.get("reply", False)),
    )


def load_dir(directory: Path, languages: Iterable[str] = LANGUAGES) -> list[Item]:
    items: list[Item] = []
    for language in languages:
        path = directory / f"{language}.yaml"
        if path.is_file():
            items.extend(load(path))
    return items


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Outcome:
    item: Item
    verdict: Verdict

    @property
    def flagged(self) -> bool:
        return self.verdict.decision != Decision.DELIVER

    @property
    def cited(self) -> frozenset[str]:
        """The guidelines the findings cite. A finding that cites several (MK01: G-TYPE-MARKETING and
        G-WHY) counts only for those the item is labelled with, when it is labelled with any."""
        cited: set[str] = set()
        for finding in self.verdict.findings:
            own = set(finding.guidelines)
            cited |= (own & self.item.violates) or own
        return frozenset(cited)


@dataclass
class Report:
    outcomes: list[Outcome]
    overall: Counts = field(default_factory=Counts)
    by_language: dict[str, Counts] = field(default_factory=dict)
    by_guideline: dict[str, Counts] = field(default_factory=dict)

    def misses(self) -> Iterator[tuple[str, Outcome]]:
        """Each wrong decision: ``("missed", ...)`` or ``("false alarm", ...)``."""
        for outcome in self.outcomes:
            expected = bool(outcome.item.violates)
            if expected and not outcome.flagged:
                yield "missed", outcome
            elif outcome.flagged and not expected:
                yield "false alarm", outcome


def evaluate(items: Iterable[Item]) -> Report:
    outcomes = [Outcome(item, check(item.message(), item.context())) for item in items]
    report = Report(outcomes)
    every_guideline = sorted({g for o in outcomes for g in o.item.violates | o.cited})
    for outcome in outcomes:
        expected = bool(outcome.item.violates)
        report.overall.add(expected, outcome.flagged)
        report.by_language.setdefault(outcome.item.language, Counts()).add(expected, outcome.flagged)
        for guideline in every_guideline:
            report.by_guideline.setdefault(guideline, Counts()).add(
                guideline in outcome.item.violates, guideline in outcome.cited
            )
    return report
