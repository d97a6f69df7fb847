"""Verdicts rendered for people (text), for scripts (JSON) and for code scanning (SARIF 2.1.0)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from parley import __version__
from parley.policy import i18n
from parley.policy.message import Message
from parley.policy.registry import all_rules, rule_by_code
from parley.policy.rule import Action, Finding
from parley.policy.verdict import Verdict

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_NOTICE_TEXT = {
    "invalid-utf8": i18n.N_("Invalid UTF-8 bytes were replaced with U+FFFD before checking."),
    "unknown-charset": i18n.N_("The declared character set is unknown; the text was read as UTF-8."),
    "mime-defect": i18n.N_("The e-mail is malformed; it was read as far as possible."),
    "nul-bytes": i18n.N_("The input contains NUL characters."),
    "html-depth": i18n.N_("The HTML is nested too deeply; the deepest elements were read as plain text."),
}


@dataclass
class Checked:
    """One input and what the engine said about it."""

    name: str
    message: Message
    verdict: Verdict


def line_column(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, column


def notice_text(code: str, language: str) -> str:
    return i18n.render(_NOTICE_TEXT.get(code, code), language)


def to_json(results: list[Checked], language: str) -> str:
    payload = [{"input": item.name, **item.verdict.to_dict(language)} for item in results]
    return json.dumps(payload, ensure_ascii=False, indent=2)


def to_sarif(results: list[Checked], language: str) -> str:
    used = sorted({f.rule for item in results for f in item.verdict.findings})
    rules = [rule_by_code(code) for code in used]
    driver_rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": " ".join(rule.rationale.split())},
            "help": {"text": i18n.render(rule.advice, language)},
            "properties": {"guidelines": list(rule.guidelines), "tags": list(rule.guidelines)},
        }
        for rule in rules
        if rule is not None
    ]
    index = {rule.code: position for position, rule in enumerate(r for r in rules if r is not None)}
    sarif_results = [
        _sarif_result(item, finding, index, language) for item in results for finding in item.verdict.findings
    ]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "parley",
                        "version": __version__,
                        "rules": driver_rules,
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _sarif_result(item: Checked, finding: Finding, index: dict[str, int], language: str) -> dict[str, Any]:
    source = item.message.source
    start_line, start_column = line_column(source, finding.span[0])
    end_line, end_column = line_column(source, finding.span[1])
    level = {Action.BLOCK: "error", Action.WARN: "warning"}.get(finding.action, "note")
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": max(end_column, start_column),
        "charOffset": finding.span[0],
        "charLength": finding.span[1] - finding.span[0],
    }
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": level,
        "message": {"text": item.verdict.explain(finding, language)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": item.name}, "region": region}}],
        "properties": {
            "guidelines": list(finding.guidelines),
            "detector": finding.detector,
            "pattern": finding.pattern,
            "score": finding.score,
        },
    }


def rules_table_rows() -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for rule in all_rules():
        languages = "all" if rule.languages == "*" else ", ".join(rule.covered_languages())
        rows.append(
            (rule.code, rule.name, rule.title, str(rule.default_action), languages, "yes" if rule.fixable else "no")
        )
    return rows
