"""The engine's decisions, editions and failure handling."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from parley.policy import Context, Decision, Direction, Message, check
from parley.policy.editions import UnknownEditionError, edition_for, load_edition
from parley.policy.registry import all_rules, rule_by_code
from parley.policy.rule import Action, Finding, Rule, bad, good
from parley.policy.scan import Scan

CLEAN = "Hello, your order 203-1234567-1234567 will arrive two days later than planned."


def test_a_clean_message_is_delivered_and_every_rule_is_accounted_for() -> None:
    verdict = check(CLEAN)
    assert verdict.allowed and verdict.decision == Decision.DELIVER
    codes = {rule.code for rule in all_rules()}
    assert set(verdict.rules_run) | set(verdict.rules_skipped) == codes


def test_missing_order_id_blocks_and_is_explained_in_the_readers_language() -> None:
    verdict = check("Hello, your parcel will arrive two days later than planned.")
    assert not verdict.allowed
    [finding] = [f for f in verdict.findings if f.rule == "OR01"]
    assert finding.action == Action.BLOCK
    assert "order ID" in verdict.explain(finding, "en")


def test_findings_come_in_source_order() -> None:
    verdict = check("Write to a@example.com or call +46 8 123 456 78 about your parcel.")
    starts = [f.span[0] for f in verdict.findings]
    assert starts == sorted(starts)


def test_inbound_messages_are_warned_never_blocked() -> None:
    verdict = check("<p>Hi, please <a href='https://x.example'>click</a></p>", Context(direction=Direction.INBOUND))
    assert verdict.decision in (Decision.WARN, Decision.DELIVER)
    assert verdict.allowed


def test_unknown_edition_is_a_clear_error() -> None:
    with pytest.raises(UnknownEditionError, match="unknown edition"):
        check(CLEAN, edition="1999")


def test_edition_by_date() -> None:
    assert edition_for(dt.date(2019, 5, 1)).name == "2018"
    assert edition_for(dt.date(2024, 5, 1)).name == "current"
    assert edition_for(dt.date(2010, 1, 1)).name == "current"


def test_2018_edition_switches_off_rules_for_later_requirements() -> None:
    old = load_edition("2018")
    order_id = rule_by_code("OR01")
    assert order_id is not None and old.action_for(order_id) == Action.BLOCK
    later_only = [r for r in all_rules() if all(g.startswith("G-STYLE-") for g in r.guidelines)]
    for rule in later_only:
        assert old.action_for(rule) == Action.OFF, rule.code


class _Exploding(Rule):
    abstract = True  # not registered; used directly below
    code = "ZZ01"
    name = "test.exploding"
    title = "Raises"
    rationale = "For the test."
    guidelines = ("G-WHY",)
    languages = ("en",)
    explanation = "x"
    advice = "y"
    examples = (bad("en", "a"), good("en", "b"))

    def check(self, scan: Scan) -> Iterator[Finding]:
        raise RuntimeError("boom")


def test_a_rule_that_raises_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.policy import engine

    monkeypatch.setattr(engine, "all_rules", lambda: (*all_rules(), _Exploding()))
    verdict = check(CLEAN)
    assert verdict.decision == Decision.BLOCK
    assert verdict.errors and "ZZ01: RuntimeError: boom" in verdict.errors[0]


def test_message_level_findings_have_an_empty_span() -> None:
    message = Message.from_text("No order here, but the parcel is late.")
    finding = next(f for f in check(message).findings if f.rule == "OR01")
    assert finding.span == (0, 0) and finding.excerpt == ""


def test_uncertain_findings_warn_instead_of_blocking() -> None:
    html = (
        "<p>Order 203-1234567-1234567: here is the assembly step.</p>"
        '<img src="https://cdn.example.com/step.gif" alt="Assembly step">'
    )
    verdict = check(Message.from_html(html))
    gif = [f for f in verdict.findings if f.rule == "IM04"]
    assert gif and all(f.score <= 0.5 and f.action == Action.WARN for f in gif)
    assert all(f.action != Action.BLOCK for f in gif)


def test_term_parameters_follow_the_readers_language() -> None:
    verdict = check(Message.from_html('<p style="margin-left:200px">Order 203-1234567-1234567 is late.</p>'))
    [finding] = [f for f in verdict.findings if f.rule == "ST04"]
    assert "left" in verdict.explain(finding, "en")
    assert "vänster" in verdict.explain(finding, "sv")
    assert "left" not in verdict.explain(finding, "de")


def test_language_names_follow_the_readers_language() -> None:
    text = "Order 203-1234567-1234567: your parcel will arrive two days later than we promised, sorry for the wait."
    verdict = check(text, Context(buyer_language="sv"))
    [finding] = [f for f in verdict.findings if f.rule == "OR03"]
    assert "Swedish" in verdict.explain(finding, "en")
    assert "svenska" in verdict.explain(finding, "sv")
    assert "Schwedisch" in verdict.explain(finding, "de")
