"""Rule pages, the rule index and the guideline coverage matrix, generated from rule metadata.

Bad examples are shown with the spans an actual run finds marked «like this»,
so the docs cannot drift from what the engine does.
"""

from __future__ import annotations

import textwrap

from parley.policy.context import Document
from parley.policy.editions import edition_names, load_edition
from parley.policy.guidelines import catalogue
from parley.policy.i18n import render
from parley.policy.registry import all_rules
from parley.policy.rule import Example, Rule

LANGUAGE_NAMES = {
    "en": "English",
    "sv": "Swedish",
    "nl": "Dutch",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pl": "Polish",
    "ja": "Japanese",
    "zh": "Chinese",
}
# Requirements met by parts of Parley other than policy rules (filled in as those parts land).
SERVICE_FEATURES: dict[str, list[str]] = {
    "G-ENFORCE-BLOCK": [
        "the engine's verdict: any finding whose edition action is `block` blocks the message",
        "service: `messaging.send` records every blocked message with its findings and tells the seller each rule, "
        "excerpt and fix",
    ],
    "G-ENFORCE-ESCALATE": [
        "service: `messaging.standing`: blocked messages over a rolling window restrict the seller to templates, "
        "then suspend proactive messaging, for configurable days; `parley standing SELLER [--lift]`"
    ],
    "G-ORDER-UNAVAILABLE": [
        "service: `messaging.actions_for_order` offers orderProblem only after a full NoInventory or CouldNotShip "
        "adjustment; its template states the amount and the reason"
    ],
    "G-ORDER-DELAY": ["service: the delayNotice kind (unshipped MFN orders) and its template in ten languages"],
    "G-RETURN-MESSAGE": ["service: returnFollowUp is offered only while a return is open (`messaging.eligibility`)"],
    "G-WHO": [
        "service: sellers message only their own orders' buyers; multi-channel orders are refused; replies need a "
        "buyer message first (`messaging.eligibility`)"
    ],
    "G-PROACTIVE-WINDOW": ["service: `messaging.eligibility` refuses proactive kinds 30 days after completion"],
    "G-REVIEW-REPEAT": [
        "service: one productReviewAndSellerFeedback per order, 5 days after the earliest to 30 days after the "
        "latest delivery date"
    ],
    "G-LANGUAGE": ["service: templates for every kind in ten languages, rendered in the buyer's language"],
    "G-SUBJECT": ["service: each kind's subject line is the marketplace's, with the order ID, in the buyer's language"],
    "G-CHANNELS": [
        "service: the marketplace's templates (every kind, `use_template`), Request a Review, the messaging "
        "service's API in code and `parley messages send`; buyers' opt-out spares critical kinds only"
    ],
    "G-BUYER-CONTACT": [
        "service: `messaging.buyer_contact` opens a thread from the storefront, confirms to the buyer, "
        "and delivers to the seller's inbox and address"
    ],
    "G-SHIP-CONFIRM-2018": [
        "service: the marketplace's shipment notice gives the delivery address, items and quantities, carrier and "
        "tracking number and the expected delivery dates (`marketplace.notices`)"
    ],
    "G-RETURN-CONFIRM-2018": [
        "service: the refund notice after a return names the items, the amount refunded and the refund date"
    ],
    "G-FEEDBACK-LEAVE": [
        "service: `feedback.records`: one feedback per order, AFN or MFN, within 90 days of delivery; edit or "
        "remove within 60 days"
    ],
    "G-FEEDBACK-MANAGER": [
        "service: `feedback.metrics`: positive, neutral and negative over 30, 90, 365 days and lifetime, struck "
        "ratings excluded, each record with the buyer's relay address; `parley feedback list|metrics`"
    ],
    "G-FEEDBACK-STRIKE": [
        "service: `feedback.strike` with the clause classifier `parley.strikethrough` (ten languages); struck "
        "feedback keeps its comment and shows the localised note; see docs/feedback.md"
    ],
    "G-FEEDBACK-STRIKE-SCOPE": ["service: the scope step of `feedback.strike`: negative and AFN; MFN refused, MCF too"],
    "G-FEEDBACK-STRIKE-MIXED": [
        "service: any clause about the product or the seller's service keeps the feedback (`parley.strikethrough`)"
    ],
    "G-FEEDBACK-REMOVAL": [
        "service: `feedback.removal`: obscene language, the seller's personal information, or entirely a product review"
    ],
    "G-FEEDBACK-ABUSE": [
        "service: `feedback.throttle`: a seller whose requests are mostly refused is paused and told why"
    ],
    "G-BUYER-UNREVIEWED": [
        "service: buyer messages are always delivered; the inbound rules only add warnings (banner and header)"
    ],
    "G-FEED-SHIPPING": [
        "service: `parley.marketplace.feeds` (OrderFulfillment XML and flat file) and "
        "`orders.confirm_shipment`; see docs/feeds.md"
    ],
    "G-FEED-ADJUSTMENT": [
        "service: `parley.marketplace.feeds` (OrderAdjustment XML and flat file, 18 reason codes) and "
        "`orders.cancel` / `orders.refund`; see docs/feeds.md"
    ],
    "G-INDIRECT-UPDATES": [
        "service: the buyer's order timeline (`marketplace.timeline`) and the marketplace's shipment, refund and "
        "cancellation notices in the buyer's language, queued in the outbox (`marketplace.notices`)"
    ],
    "G-RETURN-REFUND": [
        "service: refunds only as adjustments through Manage Orders / Manage Returns (`orders.refund`, "
        "`returns.refund`) or the OrderAdjustment feed, restocking fees deducted"
    ],
}


_DOCUMENT_NAMES = {Document.MESSAGE: "messages", Document.INSERT: "inserts", Document.PACKING_SLIP: "packing slips"}


def _languages(rule: Rule) -> str:
    return "all" if rule.languages == "*" else ", ".join(rule.covered_languages())


def _marked(rule: Rule, example: Example) -> str:
    from parley.policy.testing import Case, case_from_example, run_case

    case: Case = case_from_example(type(rule), "doc", example)
    message, findings = run_case(rule, case)
    spans = sorted({f.span for f in findings if f.span[1] > f.span[0]})
    source, pieces, cursor = message.source, [], 0
    for start, end in spans:
        if start < cursor:
            continue
        pieces.extend([source[cursor:start], "«", source[start:end], "»"])
        cursor = end
    pieces.append(source[cursor:])
    text = "".join(pieces)
    if not spans and findings:
        text += "\n→ " + render(findings[0].message_id, "en", findings[0].params)
    return text


def _example_block(rule: Rule, examples: list[Example], *, bad: bool) -> list[str]:
    lines: list[str] = []
    for language in rule.covered_languages():
        chosen = [e for e in examples if e.lang == language and e.bad == bad]
        if not chosen:
            continue
        lines.append(f"**{LANGUAGE_NAMES.get(language, language)}**")
        lines.append("")
        for example in chosen:
            body = _marked(rule, example) if bad else example.text
            fence = "html" if example.format == "html" else "text"
            if example.context:
                lines.extend(["Context: " + ", ".join(f"{key}={value!r}" for key, value in example.context), ""])
            lines.extend([f"```{fence}", body, "```", ""])
    return lines


def rule_markdown(rule: Rule) -> str:
    guideline_text = {g.id: g.requirement for g in catalogue()}
    editions = ", ".join(f"{name}: {load_edition(name).action_for(rule)}" for name in edition_names())
    lines = [
        f"# {rule.code} {rule.name}: {rule.title}",
        "",
        f"Default action: {rule.default_action} · Editions: {editions} · Languages: {_languages(rule)} · "
        f"Fixable: {'yes' if rule.fixable else 'no'} · Directions: {', '.join(rule.directions)} · "
        f"Governs: {', '.join(_DOCUMENT_NAMES[d] for d in rule.documents)} · Source: `{type(rule).__module__}`",
        "",
        "## What it does",
        "",
        rule.title + ".",
        "",
        "## Why is this bad?",
        "",
        textwrap.dedent(rule.rationale).strip(),
        "",
        "## What the seller is told",
        "",
        f"> {render(rule.explanation, 'en', {'excerpt': '…'})}",
        ">",
        f"> {render(rule.advice, 'en', {'excerpt': '…'})}",
        "",
        "## Example",
        "",
        *_example_block(rule, list(rule.examples), bad=True),
        "## Use instead",
        "",
        *_example_block(rule, list(rule.examples), bad=False),
        "## References",
        "",
    ]
    for guideline in rule.guidelines:
        lines.append(f"- `{guideline}`: {guideline_text.get(guideline, '(not in the catalogue)')}")
    return "\n".join(lines).rstrip() + "\n"


def index_markdown() -> str:
    lines = [
        "# Rules",
        "",
        "Generated by `scripts/gen_docs.py` from the rules' metadata; do not edit by hand.",
        "",
        "| Code | Name | What it does | Default action | Languages | Fixable | Guidelines |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in all_rules():
        lines.append(
            f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.title} | {rule.default_action} | "
            f"{_languages(rule)} | {'yes' if rule.fixable else 'no'} | {', '.join(rule.guidelines)} |"
        )
    lines.extend(
        [
            "",
            "## Paper in the box",
            "",
            "The review rules govern every communication, shipping-box inserts included, and the order ID",
            "belongs on packing slips. `parley check --kind insert FILE` and `--kind packing-slip` run only",
            "the rules that govern such paper:",
            "",
            "| Kind | Rules |",
            "|---|---|",
        ]
    )
    for document in (Document.INSERT, Document.PACKING_SLIP):
        codes = [f"[{r.code}]({r.code}.md)" for r in all_rules() if document in r.documents]
        lines.append(f"| `{document}` | {', '.join(codes)} |")
    return "\n".join(lines) + "\n"


def guidelines_markdown() -> str:
    """Every requirement ID with what enforces it, or "not yet"."""
    enforced: dict[str, list[str]] = {}
    for rule in all_rules():
        for cited in rule.guidelines:
            enforced.setdefault(cited, []).append(f"[{rule.code}](rules/{rule.code}.md) `{rule.name}`")
    lines: list[str] = []
    section = None
    covered = 0
    rows = list(catalogue())
    for guideline in rows:
        if guideline.section != section:
            section = guideline.section
            lines.extend(["", f"## {section}", "", "| ID | Requirement | Enforced by |", "|---|---|---|"])
        by = enforced.get(guideline.id, []) + SERVICE_FEATURES.get(guideline.id, [])
        covered += bool(by)
        summary = guideline.requirement if len(guideline.requirement) <= 140 else guideline.requirement[:139] + "…"
        lines.append(f"| `{guideline.id}` | {summary} | {'<br>'.join(by) if by else 'not yet'} |")
    header = [
        "# Guideline coverage",
        "",
        "Every requirement in GUIDELINES.md, with the rules (and later the service features) that enforce it.",
        "Generated by `scripts/gen_docs.py`; do not edit by hand.",
        "",
        f"Covered: {covered} of {len(rows)} requirements.",
    ]
    return "\n".join(header + lines) + "\n"
