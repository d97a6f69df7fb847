"""Sending: validation, the policy verdict with its audit trail, refusals, enforcement, the daily cap
and opt-out (G-ENFORCE-BLOCK, G-ENFORCE-ESCALATE, G-CHANNELS, G-LANGUAGE)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace import messaging
from parley.marketplace.messaging import Kind, NewAttachment, standing
from parley.marketplace.messaging.settings import MessagingSettings, SettingsError
from parley.store.messaging_models import Delivery, Message, StandingChange
from tests.marketplace.helpers import order, world
from tests.marketplace.messaging.helpers import BAD_SV, NOW, SETTINGS, send

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def test_an_allowed_message_is_recorded_with_its_audit_trail_and_queued(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    outcome = send(session, w.seller, o)
    assert outcome.status == "accepted", outcome.explain("en")
    stored = session.scalars(select(Message).where(Message.order_id == o.id)).one()
    assert stored.decision == "deliver"
    assert stored.language == "sv"
    assert o.amazon_order_id in stored.subject
    assert len(stored.rules_run) > 20
    channels = set(session.scalars(select(Delivery.channel).where(Delivery.message_id == stored.id)))
    assert channels == {"inbox", "email"}


def test_a_blocked_message_says_every_rule_excerpt_and_fix_in_the_sellers_language(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    outcome = send(session, w.seller, o, BAD_SV)
    assert outcome.status == "blocked"
    explained = outcome.explain("sv")
    rules = {finding["rule"] for finding in explained}
    assert len(rules) >= 2  # the external link and the discount
    assert any("nordic-kitchen.example" in finding["excerpt"] for finding in explained)
    assert all(finding["message"] for finding in explained)
    assert any(finding["fix"] for finding in explained)
    assert outcome.summary("en") != outcome.summary("sv")
    assert session.scalars(select(Delivery).where(Delivery.message_id == outcome.message.id)).all() == []
    stored = outcome.message.findings
    assert {finding["rule"] for finding in stored} == rules
    assert all(finding["guidelines"] for finding in stored)


def test_an_ineligible_kind_is_refused_and_recorded_without_counting_as_a_violation(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    outcome = messaging.send(session, w.seller, o.amazon_order_id, Kind.REVIEW_REQUEST, now=NOW, settings=SETTINGS)
    assert outcome.status == "refused"
    assert {reason.code for reason in outcome.reasons} >= {messaging.Refusal.NOT_SHIPPED}
    assert standing.violations(session, w.seller, NOW, SETTINGS) == 0


def test_another_sellers_order_cannot_be_messaged(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    with pytest.raises(messaging.OrderNotFoundError):
        messaging.send(session, w.other_seller, o.amazon_order_id, Kind.PROACTIVE, text="Hej", now=NOW)


@pytest.mark.parametrize(
    ("kind", "text", "attachments", "codes"),
    [
        (Kind.DIGITAL_ACCESS_KEY, "x" * 401, [], {"text_too_long"}),
        (Kind.CONFIRM_CUSTOMIZATION_DETAILS, "x" * 801, [], {"text_too_long"}),
        (Kind.CONFIRM_ORDER_DETAILS, "x" * 2001, [], {"text_too_long"}),
        (Kind.CONFIRM_ORDER_DETAILS, "   ", [], {"text_required"}),
        (Kind.INVOICE, "", [], {"too_few_attachments"}),
        (Kind.INVOICE, "Here is the invoice", [NewAttachment("a.pdf", PDF)], {"text_not_allowed"}),
        (Kind.INVOICE, "", [NewAttachment(f"{n}.pdf", PDF) for n in range(6)], {"too_many_attachments"}),
        (Kind.INVOICE, "", [NewAttachment("setup.pdf", b"MZ\x90\x00" + b"\x00" * 60)], {"attachment_type"}),
        (Kind.INVOICE, "", [NewAttachment("../etc/passwd.pdf", PDF)], {"attachment_name"}),
        (Kind.CONFIRM_ORDER_DETAILS, "Hi", [NewAttachment("a.pdf", PDF)], {"too_many_attachments"}),
        (
            Kind.RETURN_FOLLOW_UP,
            "Hi",
            [NewAttachment("big.pdf", PDF + b"\x00" * (10 * 1024 * 1024))],
            {"attachments_too_large"},
        ),
    ],
)
def test_bad_requests_list_every_problem(
    session: Session, kind: Kind, text: str, attachments: list[NewAttachment], codes: set[str]
) -> None:
    w = world(session)
    o = order(session, w)
    with pytest.raises(messaging.InvalidRequestError) as raised:
        messaging.send(
            session, w.seller, o.amazon_order_id, kind, text=text, attachments=attachments, now=NOW, settings=SETTINGS
        )
    assert {problem.code for problem in raised.value.problems} == codes
    assert all(problem.text("de") for problem in raised.value.problems)
    assert session.scalars(select(Message)).all() == []


def test_attachment_types_are_sniffed_not_taken_from_the_name(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    outcome = messaging.send(
        session,
        w.seller,
        o.amazon_order_id,
        Kind.INVOICE,
        attachments=[NewAttachment("faktura.pdf", PDF), NewAttachment("kvitto.png", PNG)],
        now=NOW,
        settings=SETTINGS,
    )
    assert [a.content_type for a in outcome.message.attachments] == ["application/pdf", "image/png"]
    assert outcome.message.body  # the covering note of the marketplace's template


def test_violations_restrict_to_templates_then_suspend_and_every_move_is_recorded(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    moves = []
    for n in range(SETTINGS.suspend_after):
        outcome = send(session, w.seller, o, BAD_SV, now=NOW + timedelta(minutes=n))
        if outcome.standing_change is not None:
            moves.append((n + 1, outcome.standing_change.to_standing))
    assert moves == [(SETTINGS.templates_only_after, "templates_only"), (SETTINGS.suspend_after, "suspended")]
    changes = session.scalars(select(StandingChange).where(StandingChange.seller_id == w.seller.id)).all()
    assert [c.reason for c in changes] == ["violations", "violations"]
    text = standing.explain(changes[-1], "sv")
    assert str(SETTINGS.suspend_after) in text and text != standing.explain(changes[-1], "en")
    later = NOW + timedelta(hours=1)
    refused = send(session, w.seller, o, now=later)
    assert refused.status == "refused"
    assert messaging.Refusal.SELLER_SUSPENDED in {r.code for r in refused.reasons}


def test_templates_only_allows_templates_but_not_free_text(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    standing._move(session, w.seller, standing.TEMPLATES_ONLY, "violations", NOW, until=NOW + timedelta(days=14))
    free = send(session, w.seller, o)
    assert free.status == "refused"
    assert {r.code for r in free.reasons} == {messaging.Refusal.SELLER_TEMPLATES_ONLY}
    templated = messaging.send(
        session, w.seller, o.amazon_order_id, Kind.CONFIRM_ORDER_DETAILS, use_template=True, now=NOW, settings=SETTINGS
    )
    assert templated.status == "accepted", templated.explain("en")


def test_a_restriction_ends_by_itself_and_an_operator_can_lift_one(session: Session) -> None:
    w = world(session)
    standing._move(session, w.seller, standing.SUSPENDED, "violations", NOW, until=NOW + timedelta(days=3))
    assert standing.current(session, w.seller, NOW + timedelta(days=1))[0] == "suspended"
    assert standing.current(session, w.seller, NOW + timedelta(days=3))[0] == "normal"
    standing._move(session, w.seller, standing.TEMPLATES_ONLY, "violations", NOW + timedelta(days=4), until=None)
    assert standing.current(session, w.seller, NOW + timedelta(days=400))[0] == "templates_only"
    change = standing.lift(session, w.seller, NOW + timedelta(days=5), "ops@parley.test")
    assert change is not None and change.actor == "ops@parley.test"
    assert w.seller.standing == "normal"
    history = standing.history(session, w.seller, NOW + timedelta(days=5), SETTINGS)
    assert [c.reason for c in history.changes] == ["violations", "expired", "violations", "lifted"]
    assert standing.lift(session, w.seller, NOW, "ops") is None


def test_violations_outside_the_window_do_not_count(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    for n in range(SETTINGS.templates_only_after - 1):
        send(session, w.seller, o, BAD_SV, now=NOW + timedelta(minutes=n))
    later = NOW + timedelta(days=SETTINGS.violation_window_days + 1)
    assert send(session, w.seller, o, BAD_SV, now=later).standing_change is None
    assert standing.violations(session, w.seller, later, SETTINGS) == 1


def test_over_the_daily_cap_messages_wait_for_the_next_day_and_are_checked_again(session: Session) -> None:
    from parley.marketplace.messaging import held

    w = world(session)
    first, second, third = order(session, w), order(session, w), order(session, w)
    settings = replace(SETTINGS, daily_cap_base=1, daily_cap_multiplier=0)
    outcomes = [send(session, w.seller, o, settings=settings) for o in (first, second, third)]
    assert [o.status for o in outcomes] == ["accepted", "held", "held"]
    tomorrow = outcomes[1].message.deliver_after
    assert tomorrow is not None and tomorrow.date() == (NOW + timedelta(days=1)).date()
    from parley.marketplace import orders
    from parley.marketplace.catalog import AdjustmentReason

    orders.cancel(session, w.seller, third.amazon_order_id, AdjustmentReason.CUSTOMER_CANCEL, now=NOW)
    assert held.release_due(session, NOW + timedelta(hours=1), settings) == 0
    assert held.release_due(session, tomorrow, settings) == 1
    assert outcomes[1].message.status == "accepted"
    assert outcomes[2].message.status == "refused"
    assert outcomes[2].message.refusals[0]["code"] == "order_canceled"


def test_the_cap_grows_with_the_sellers_orders(session: Session) -> None:
    from parley.marketplace.messaging import volume

    w = world(session)
    settings = replace(SETTINGS, daily_cap_base=10)
    assert volume.daily_cap(session, w.seller, NOW, settings) == 10
    for _ in range(12):
        order(session, w)
    assert volume.daily_cap(session, w.seller, NOW, settings) == 10 + 5 * 12 // 30


def test_an_opted_out_buyer_gets_critical_messages_only(session: Session) -> None:
    w = world(session)
    o = order(session, w)
    w.buyer.opted_out = True
    critical = send(session, w.seller, o)
    assert critical.status == "accepted"
    free = send(session, w.seller, o, kind=Kind.PROACTIVE)
    assert free.status == "refused"
    assert {r.code for r in free.reasons} == {messaging.Refusal.BUYER_OPTED_OUT}


def test_settings_come_from_the_environment() -> None:
    settings = MessagingSettings.from_environment({"PARLEY_SUSPEND_AFTER": "9", "PARLEY_DAILY_CAP_BASE": "50"})
    assert (settings.suspend_after, settings.daily_cap_base, settings.templates_only_after) == (9, 50, 3)
    with pytest.raises(SettingsError, match="PARLEY_SUSPEND_AFTER"):
        MessagingSettings.from_environment({"PARLEY_SUSPEND_AFTER": "many"})
    with pytest.raises(SettingsError):
        MessagingSettings.from_environment({"PARLEY_SUSPEND_AFTER": "-1"})
