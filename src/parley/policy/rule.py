"""What a rule is: metadata, examples that run as tests, and a ``check`` that only finds.

Whether a finding blocks, warns or is fixed is not the rule's call: the
edition (``editions/*.toml``) maps each rule to an action.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from parley.policy import example_data
from parley.policy.context import LANGUAGES, Direction, Document
from parley.policy.parts import Span

if TYPE_CHECKING:
    from parley.policy.scan import Scan

_CODE = re.compile(r"^[A-Z]{2}\d{2}$")
_NAME = re.compile(r"^[a-z]+\.[a-z0-9-]+$")
_MARK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


class Action(StrEnum):
    BLOCK = "block"
    WARN = "warn"
    FIX = "fix"
    OFF = "off"


@dataclass(frozen=True)
class Edit:
    """Replace ``source[span]`` with ``replacement``."""

    span: Span
    replacement: str


@dataclass
class Finding:
    """One problem, explained: which rule, where, what matched and why it matters."""

    rule: str
    name: str
    guidelines: tuple[str, ...]
    span: Span
    excerpt: str
    detector: str
    pattern: str
    score: float
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)
    advice_id: str = ""
    action: Action = Action.BLOCK
    fix: Edit | None = None


@dataclass(frozen=True)
class Example:
    """A good or bad example; in ``text``, ``[[...]]`` marks where a bad one must be found."""

    lang: str
    marked: str
    bad: bool
    format: Literal["text", "html"] = "text"
    context: tuple[tuple[str, Any], ...] = ()

    @property
    def text(self) -> str:
        return _MARK.sub(lambda m: m.group(1), self.marked)

    @property
    def spans(self) -> list[Span]:
        spans, removed = [], 0
        for match in _MARK.finditer(self.marked):
            start = match.start() - removed
            spans.append((start, start + len(match.group(1))))
            removed += 4
        return spans


def bad(lang: str, text: str, *, format: Literal["text", "html"] = "text", **context: Any) -> Example:
    return Example(lang, text, True, format, tuple(context.items()))


def good(lang: str, text: str, *, format: Literal["text", "html"] = "text", **context: Any) -> Example:
    return Example(lang, text, False, format, tuple(context.items()))


class RuleDefinitionError(TypeError):
    pass


class Rule:
    """Subclass, fill in the metadata, and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    title: ClassVar[str]
    rationale: ClassVar[str]
    guidelines: ClassVar[tuple[str, ...]]
    languages: ClassVar[str | tuple[str, ...]] = "*"
    directions: ClassVar[tuple[Direction, ...]] = (Direction.OUTBOUND,)
    documents: ClassVar[tuple[Document, ...]] = (Document.MESSAGE,)
    """What the rule governs: messages, and for some rules also shipping-box inserts and packing slips."""
    default_action: ClassVar[Action] = Action.BLOCK
    fixable: ClassVar[bool] = False
    explanation: ClassVar[str]
    """The message ID (English, ``%(name)s`` parameters) a finding is explained with."""
    advice: ClassVar[str]
    """The message ID that says how to fix it."""
    examples: ClassVar[tuple[Example, ...]] = ()
    abstract: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("abstract", False):
            return
        cls.examples = tuple(cls.examples) + example_data.for_rule(cls.code)
        _validate(cls)

    def check(self, scan: Scan) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def covered_languages(cls) -> tuple[str, ...]:
        return LANGUAGES if cls.languages == "*" else tuple(cls.languages)

    def finding(
        self,
        scan: Scan,
        span: Span,
        *,
        detector: str,
        pattern: str = "",
        score: float = 1.0,
        message_id: str | None = None,
        fix: Edit | None = None,
        **params: Any,
    ) -> Finding:
        """A finding at ``span`` in *source* coordinates."""
        excerpt = scan.message.excerpt(span)
        params.setdefault("excerpt", excerpt)
        return Finding(
            rule=self.code,
            name=self.name,
            guidelines=self.guidelines,
            span=span,
            excerpt=excerpt,
            detector=detector,
            pattern=pattern,
            score=score,
            message_id=message_id or self.explanation,
            params=params,
            advice_id=self.advice,
            action=self.default_action,
            fix=fix,
        )

    def text_finding(self, scan: Scan, text_span: Span, **kwargs: Any) -> Finding:
        """A finding at ``text_span`` in the message's *visible text*."""
        return self.finding(scan, scan.message.source_span(*text_span), **kwargs)

    def message_finding(self, scan: Scan, **kwargs: Any) -> Finding:
        """A finding about the message as a whole (missing order ID, late, wrong language)."""
        return self.finding(scan, (0, 0), **kwargs)

    def __repr__(self) -> str:
        return f"<{self.code} {self.name}>"


def _validate(cls: type[Rule]) -> None:
    def fail(problem: str) -> None:
        raise RuleDefinitionError(f"{cls.__module__}.{cls.__name__}: {problem}")

    for attribute in ("code", "name", "title", "rationale", "guidelines", "explanation", "advice"):
        if not getattr(cls, attribute, None):
            fail(f"missing {attribute}")
    if not _CODE.match(cls.code):
        fail(f"code {cls.code!r} is not two capitals and two digits")
    if not _NAME.match(cls.name):
        fail(f"name {cls.name!r} is not dotted lower-case")
    if len(cls.title) > 72 or cls.title.endswith("."):
        fail("title must be at most 72 characters, without a final period")
    # Coverage (good and bad examples in every covered language) is checked by the test suite,
    # not here: a language whose word lists land before its examples must not break every import.
    for example in cls.examples:
        if example.lang not in LANGUAGES:
            fail(f"example in unknown language {example.lang!r}")


def iter_examples(rule: type[Rule]) -> Iterator[tuple[str, Example]]:
    counters: dict[tuple[str, bool], int] = {}
    for example in rule.examples:
        key = (example.lang, example.bad)
        index = counters.get(key, 0)
        counters[key] = index + 1
        yield f"{rule.code}_example_{example.lang}_{'bad' if example.bad else 'good'}_{index}", example
