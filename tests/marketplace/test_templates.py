"""Message templates: every kind in every language, rendered for a realistic order, passes the policy
engine without a single finding, names the order and its items, and fits the kind's text limit."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from parley.marketplace import accounts, intake, money, orders
from parley.marketplace.catalog import AdjustmentReason
from parley.marketplace.messaging.kinds import RULES, Kind
from parley.marketplace.messaging.templates import (
    BODIES,
    DETAILS,
    REASONS,
    SUBJECTS,
    Rendered,
    render_template,
    template_values,
)
from parley.policy import Context, Message, check
from parley.policy.context import LANGUAGES
from parley.policy.i18n import translate
from parley.store.models import Marketplace, Order

BOUGHT = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)

# The marketplace a buyer of each language shops on, and two products as that marketplace lists them.
SHOPS: dict[str, tuple[str, str, str]] = {
    "en": ("GB", "Cast Iron Skillet, 28 cm, Pre-Seasoned", "Oak Cutting Board with Juice Groove"),
    "sv": ("SE", "Gjutjärnspanna 28 cm", "Skärbräda i ek med saftränna"),
    "nl": ("NL", "Gietijzeren koekenpan 28 cm", "Eikenhouten snijplank met sapgeul"),
    "de": ("DE", "Gusseisenpfanne 28 cm, eingebrannt", "Schneidebrett aus Eiche mit Saftrille"),
    "fr": ("FR", "Poêle en fonte 28 cm", "Planche à découper en chêne avec rigole"),
    "es": ("ES", "Sartén de hierro fundido de 28 cm", "Tabla de cortar de roble con canal"),
    "it": ("IT", "Padella in ghisa da 28 cm", "Tagliere in rovere con scanalatura"),
    "pl": ("PL", "Patelnia żeliwna 28 cm", "Deska do krojenia z drewna dębowego"),
    "ja": ("JP", "南部鉄器 スキレット 28cm", "オーク材 まな板 溝付き"),
    "zh": ("CN", "铸铁煎锅 28厘米", "橡木砧板 带导流槽"),
}
BUYERS = {
    "en": "Sarah Miller",
    "sv": "Anna Lindqvist",
    "nl": "Daan de Vries",
    "de": "Jonas Becker",
    "fr": "Camille Martin",
    "es": "Lucía García",
    "it": "Giulia Rossi",
    "pl": "Katarzyna Nowak",
    "ja": "佐藤 花子",
    "zh": "王芳",
}
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _marketplace(session: Session, language: str) -> Marketplace:
    [marketplace] = accounts.ensure_marketplaces(session, [SHOPS[language][0]])
    return marketplace


def _order(session: Session, language: str) -> Order:
    """An order of two products, two of the first, from a buyer who prefers ``language``."""
    marketplace = _marketplace(session, language)
    seller = accounts.create_seller(session, f"A1SELLER{language.upper()}", "Nordic Kitchen AB", "shop@nordic.example")
    buyer = accounts.create_buyer(session, BUYERS[language], f"buyer-{language}@mail.example", language)
    _, first, second = SHOPS[language]
    items = [
        intake.NewItem("SKU-1", "B0SKILLET1", first, 2, 39900),
        intake.NewItem("SKU-2", "B0BOARD002", second, 1, 24900),
    ]
    return intake.place_order(session, marketplace, seller, buyer, items, purchase_date=BOUGHT)


def _context(kind: Kind, order: Order, language: str) -> Context:
    rules = RULES[kind]
    purpose = rules.purpose
    return Context(
        kind=purpose,
        proactive=rules.proactive,
        order_id=order.amazon_order_id,
        buyer_language=language,
        days_since_completion=2,
        product_titles=tuple(item.title for item in order.items),
        marketplace_name=order.marketplace.name,
    )


def _findings(rendered: Rendered, context: Context) -> list[str]:
    verdict = check(Message.from_text(rendered.body, subject=rendered.subject), context)
    return [f"{f.rule} {f.action} {f.excerpt!r}" for f in verdict.findings] + verdict.errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_passes_the_policy_with_no_finding_at_all(session: Session, language: str) -> None:
    placed = _order(session, language)
    failures = {}
    for kind in Kind:
        rendered = render_template(kind, placed, language)
        findings = _findings(rendered, _context(kind, placed, language))
        if findings:
            failures[kind.value] = (findings, rendered.subject, rendered.body)
    assert not failures


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_names_the_order_and_its_items_within_the_text_limit(session: Session, language: str) -> None:
    placed = _order(session, language)
    for kind in Kind:
        rendered = render_template(kind, placed, language)
        assert rendered.kind == kind
        assert rendered.language == language
        assert placed.amazon_order_id in rendered.subject, kind
        assert placed.amazon_order_id in rendered.body, kind
        for item in placed.items:
            assert f"{item.quantity} × {item.title}" in rendered.body, kind
        if RULES[kind].text_limit:
            assert len(rendered.body) <= RULES[kind].text_limit, kind
        assert "\n\n\n" not in rendered.body, kind
        assert "%(" not in rendered.subject + rendered.body, kind


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    messages = [*SUBJECTS.values(), *BODIES.values(), *DETAILS.values(), *REASONS.values()]
    for message_id in messages:
        translated = translate(message_id, language)
        assert translated != message_id, message_id
        expected = set(PLACEHOLDER.findall(message_id))
        found = set(PLACEHOLDER.findall(translated))
        # A greeting may go without the name where the language greets without one (Polish "Dzień dobry").
        assert found <= expected and expected - found <= {"%(buyer_name)s"}, (message_id, translated)


def test_the_buyers_language_is_the_default(session: Session) -> None:
    placed = _order(session, "de")
    rendered = render_template(Kind.DELAY_NOTICE, placed)
    assert rendered.language == "de"
    assert rendered.body.startswith("Hallo Jonas Becker,")


def test_a_buyer_language_parley_does_not_speak_falls_back_to_the_marketplaces(session: Session) -> None:
    placed = _order(session, "nl")
    placed.buyer.preferred_language = "fy-NL"
    assert render_template(Kind.INVOICE, placed).language == "nl"


def test_values_come_from_the_order_localised(session: Session) -> None:
    placed = _order(session, "de")
    values = template_values(placed, "de")
    assert values["order_id"] == placed.amazon_order_id
    assert values["buyer_name"] == "Jonas Becker"
    assert values["seller_name"] == "Nordic Kitchen AB"
    assert values["marketplace"] == placed.marketplace.name
    assert values["items"].splitlines() == [
        "2 × Gusseisenpfanne 28 cm, eingebrannt",
        "1 × Schneidebrett aus Eiche mit Saftrille",
    ]
    # bought 4 May, shipped within two days, delivered three to five days after the purchase
    assert values["ship_date"] == "6. Mai 2026"
    assert values["new_ship_date"] == "9. Mai 2026"
    assert values["delivery_window"] == "7. Mai 2026 – 9. Mai 2026"
    assert values["amount"] == money.display(2 * 39900 + 24900, "EUR", "de")
    assert values["reason"] == translate(REASONS[AdjustmentReason.NO_INVENTORY], "de")


def test_overrides_win(session: Session) -> None:
    placed = _order(session, "fr")
    rendered = render_template(Kind.DELAY_NOTICE, placed, new_ship_date="15 mai 2026", seller_name="Cuisine Nordique")
    assert "le 15 mai 2026 au lieu du 6 mai 2026" in rendered.body
    assert rendered.body.endswith("Cuisine Nordique")
    asked = render_template(Kind.CONFIRM_ORDER_DETAILS, placed, details="Quelle gravure souhaitez-vous ?")
    assert "Quelle gravure souhaitez-vous ?" in asked.body


def test_each_kind_fills_in_its_own_default_details(session: Session) -> None:
    placed = _order(session, "en")
    for kind, details in DETAILS.items():
        assert details in render_template(kind, placed).body, kind
    assert template_values(placed, "en")["details"] == DETAILS[Kind.PROACTIVE]


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        (AdjustmentReason.COULD_NOT_SHIP, "we could not ship the item"),
        (AdjustmentReason.NO_INVENTORY, "the item is out of stock"),
    ],
)
def test_order_problem_gives_the_adjustments_reason_and_amount(
    session: Session, reason: AdjustmentReason, expected: str
) -> None:
    placed = _order(session, "en")
    orders.refund(session, placed.seller, placed.amazon_order_id, reason, now=BOUGHT + timedelta(days=1))
    rendered = render_template(Kind.ORDER_PROBLEM, placed)
    assert f"cannot deliver order {placed.amazon_order_id}: {expected}." in rendered.body
    assert f"full amount of {money.display(2 * 39900 + 24900, 'GBP', 'en')}" in rendered.body
    assert not _findings(rendered, _context(Kind.ORDER_PROBLEM, placed, "en"))


def test_a_partial_refund_reports_what_was_refunded(session: Session) -> None:
    placed = _order(session, "sv")
    code = placed.items[1].item_code
    orders.refund(
        session,
        placed.seller,
        placed.amazon_order_id,
        AdjustmentReason.NO_INVENTORY,
        amounts=[(code, money.to_decimal(24900, "SEK"))],
        now=BOUGHT + timedelta(days=1),
    )
    assert template_values(placed, "sv")["amount"] == money.display(24900, "SEK", "sv")


def test_a_wrong_language_template_would_be_caught(session: Session) -> None:
    """The language check is live: the English text sent to a Swedish buyer is reported."""
    placed = _order(session, "sv")
    english = render_template(Kind.UNEXPECTED_PROBLEM, placed, "en")
    findings = _findings(english, _context(Kind.UNEXPECTED_PROBLEM, placed, "sv"))
    assert any(finding.startswith("OR03") for finding in findings)


def test_a_bad_fill_in_would_be_caught(session: Session) -> None:
    """The check is live: a seller's own text with an address and an emoticon is reported."""
    placed = _order(session, "en")
    rendered = render_template(Kind.PROACTIVE, placed, details="Any problems, write to help@nordic-kitchen.se :)")
    rules = {finding.split()[0] for finding in _findings(rendered, _context(Kind.PROACTIVE, placed, "en"))}
    assert {"CT01", "ST01"} <= rules
