"""``check``: run every rule on a message and decide."""

from __future__ import annotations

from parley.policy.context import Context, Direction
from parley.policy.editions import DEFAULT_EDITION, load_edition
from parley.policy.message import Message
from parley.policy.registry import all_rules
from parley.policy.rule import Action, Finding, Rule
from parley.policy.scan import Scan
from parley.policy.verdict import Decision, Verdict


def check(
    message: Message | str | bytes,
    context: Context | None = None,
    edition: str = DEFAULT_EDITION,
) -> Verdict:
    """Run every rule that applies and return the verdict with all findings.

    A rule that raises does not let the message through: the error is recorded
    and an outbound message is blocked (fail closed).
    """
    context = context or Context()
    if not isinstance(message, Message):
        message = Message.parse(message)
    rules_edition = load_edition(edition)
    scan = Scan(message, context)
    verdict = Verdict(
        decision=Decision.DELIVER,
        edition=rules_edition.name,
        direction=str(context.direction),
        notices=list(message.notices),
    )
    rules = all_rules()
    actions = rules_edition.actions_for(rules)
    for rule in rules:
        if context.direction not in rule.directions:
            verdict.rules_skipped[rule.code] = "direction"
            continue
        if context.document not in rule.documents:
            verdict.rules_skipped[rule.code] = "document"
            continue
        action = actions[rule.code]
        if action == Action.OFF:
            verdict.rules_skipped[rule.code] = "edition"
            continue
        try:
            findings = list(rule.check(scan))
        except Exception as error:  # a broken rule must not decide silently
            verdict.errors.append(f"{rule.code}: {type(error).__name__}: {error}")
            continue
        if findings and not _speaks(rule, scan):
            # Identifying the language costs more than most rules, so it is asked only when a
            # rule for some languages found something: its word lists may misread another language.
            verdict.rules_skipped[rule.code] = "language"
            continue
        verdict.rules_run.append(rule.code)
        for finding in findings:
            # A rule may cite a narrower set of guidelines on one finding; it stands only where one
            # of them is in force (a shipping confirmation was required in 2018, not forbidden).
            if not any(rules_edition.in_force(guideline) for guideline in finding.guidelines):
                continue
            finding.action = _action_for(finding, action)
            verdict.findings.append(finding)
    verdict.findings.sort(key=_order)
    verdict.language = scan.context.buyer_language_code or scan.known_language
    verdict.decision = _decide(verdict, context)
    return verdict


UNCERTAIN_SCORE = 0.5


def _speaks(rule: Rule, scan: Scan) -> bool:
    """Whether the rule covers the message's language (an unidentifiable language counts as covered)."""
    return rule.languages == "*" or scan.language is None or scan.language in rule.languages


def _action_for(finding: Finding, action: Action) -> Action:
    """The edition's action, except that an uncertain finding (score <= 0.5) warns instead of blocking:
    a detector that could not verify what it saw (a linked GIF whose frames it cannot count) must
    not stop a message on a guess."""
    if action == Action.BLOCK and finding.score <= UNCERTAIN_SCORE:
        return Action.WARN
    return action


def _order(finding: Finding) -> tuple[int, int, str]:
    return (finding.span[0], finding.span[1], finding.rule)


def _decide(verdict: Verdict, context: Context) -> Decision:
    if context.direction == Direction.INBOUND:
        return Decision.WARN if verdict.findings or verdict.errors else Decision.DELIVER
    if verdict.errors or any(f.action == Action.BLOCK for f in verdict.findings):
        return Decision.BLOCK
    return Decision.DELIVER
