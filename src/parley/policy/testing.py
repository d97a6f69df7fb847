"""Run a rule's examples and case files: used by the test suite and by rule authors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from parley.policy.context import Context, Direction, MessageKind
from parley.policy.fixes import apply_edits
from parley.policy.message import Message
from parley.policy.rule import Example, Finding, Rule
from parley.policy.scan import Scan

_CASE_KEYS = frozenset({"pass", "fail", "spans", "fix", "lang", "format", "context", "subject"})


@dataclass
class Case:
    """One pass/fail case for one rule, from an example or a ``cases/<CODE>.yaml`` entry."""

    id: str
    rule: str
    text: str
    should_fail: bool
    lang: str
    format: str = "text"
    spans: list[tuple[int, int]] | None = None
    excerpts: list[str] | None = None
    fix: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    subject: str | None = None


def case_from_example(rule: type[Rule], case_id: str, example: Example) -> Case:
    return Case(
        id=case_id,
        rule=rule.code,
        text=example.text,
        should_fail=example.bad,
        lang=example.lang,
        format=example.format,
        spans=example.spans if example.bad and example.spans else None,
        context=dict(example.context),
    )


def cases_from_yaml(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    code = data.get("rule")
    if not isinstance(code, str):
        raise ValueError(f"{path}: the file must name its rule (rule: CODE)")
    default_lang = data.get("lang", "en")
    default_format = data.get("format", "text")
    cases = []
    for name, entry in data.items():
        if name in ("rule", "lang", "format"):
            continue
        if not isinstance(entry, dict):
            raise ValueError(f"{path}: case {name!r} must be a mapping")
        unknown = set(entry) - _CASE_KEYS
        if unknown:
            raise ValueError(f"{path}: case {name!r} has unknown keys {sorted(unknown)}")
        if ("pass" in entry) == ("fail" in entry):
            raise ValueError(f"{path}: case {name!r} needs exactly one of pass/fail")
        cases.append(
            Case(
                id=f"{code}_{name}",
                rule=code,
                text=str(entry.get("fail", entry.get("pass"))),
                should_fail="fail" in entry,
                lang=entry.get("lang", default_lang),
                format=entry.get("format", default_format),
                excerpts=entry.get("spans"),
                fix=entry.get("fix"),
                context=entry.get("context", {}) or {},
                subject=entry.get("subject"),
            )
        )
    return cases


def build_context(rule: Rule | type[Rule], values: dict[str, Any]) -> Context:
    values = dict(values)
    values.setdefault("direction", rule.directions[0])
    values["direction"] = Direction(values["direction"])
    if values.get("kind") is not None:
        values["kind"] = MessageKind(values["kind"])
    for key in ("marketplace_domains", "allowed_link_hosts", "product_image_urls", "product_titles", "phone_regions"):
        if key in values:
            values[key] = tuple(values[key])
    return Context(**values)


def build_message(case: Case) -> Message:
    if case.format == "mime":
        return Message.from_mime(case.text.encode("utf-8"))
    if case.format == "html":
        return Message.from_html(case.text, case.subject)
    return Message.from_text(case.text, case.subject)


def run_case(rule: Rule, case: Case) -> tuple[Message, list[Finding]]:
    message = build_message(case)
    scan = Scan(message, build_context(rule, case.context))
    return message, list(rule.check(scan))


def assert_case(rule: Rule, case: Case) -> None:
    """Raise AssertionError with a readable report when the case does not hold."""
    message, findings = run_case(rule, case)
    shown = [(f.span, f.excerpt, f.pattern) for f in findings]
    if not case.should_fail:
        assert not findings, f"{case.id}: expected no finding, got {shown}"
        return
    assert findings, f"{case.id}: expected a finding in {case.text!r}, got none"
    if case.spans is not None:
        got = sorted({f.span for f in findings})
        assert got == sorted(set(case.spans)), f"{case.id}: spans {got} != expected {case.spans}; {shown}"
    if case.excerpts is not None:
        got_excerpts = sorted({f.excerpt for f in findings})
        assert got_excerpts == sorted(set(case.excerpts)), (
            f"{case.id}: excerpts {got_excerpts} != expected {case.excerpts}"
        )
    if case.fix is not None:
        fixed = apply_edits(message.source, [f.fix for f in findings if f.fix is not None])
        assert fixed == case.fix, f"{case.id}: fix gave {fixed!r}, expected {case.fix!r}"
