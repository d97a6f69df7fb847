"""Strike-through requests: scope (negative, AFN, not MFN even as MCF), content, note and record."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace.catalog import Channel
from parley.marketplace.feedback import metrics, strike
from parley.marketplace.feedback.errors import FeedbackError
from parley.store.feedback_models import FeedbackRequest
from tests.marketplace.feedback.helpers import NOW, feedback, world

LATE = "The parcel arrived two weeks late."
MIXED = "Arrived late and the zipper broke."


def test_afn_negative_delivery_only_is_struck_and_stops_counting(session: Session) -> None:
    w = world(session)
    left = feedback(session, w, 1, LATE)
    decision = strike.request(session, w.seller, left.id, now=NOW)
    assert (decision.granted, decision.reason) == (True, "fulfilment_only")
    assert left.struck_at == NOW and left.comment == LATE and left.removed_at is None
    assert metrics.metrics(session, w.seller, now=NOW)[0].negative == 0
    stored = session.scalars(select(FeedbackRequest).where(FeedbackRequest.feedback_id == left.id)).one()
    assert (stored.kind, stored.outcome, stored.seller_id) == ("strike", "granted", w.seller.id)
    assert stored.requested_at == NOW
    assert stored.detail["scope"]["passed"] and stored.detail["content"]["passed"]
    assert [c["about"] for c in stored.detail["content"]["clauses"]] == ["delivery"]
    with pytest.raises(FeedbackError) as caught:
        strike.request(session, w.seller, left.id, now=NOW)
    assert caught.value.code == "already_struck"


@pytest.mark.parametrize(
    ("rating", "channel", "is_mcf", "reason"),
    [(3, Channel.AFN, False, "not_negative"), (5, Channel.AFN, False, "not_negative"),
     (1, Channel.MFN, False, "seller_fulfilled"), (2, Channel.MFN, True, "multi_channel_order")],
)  # fmt: skip
def test_out_of_scope_requests_are_refused_with_both_steps_recorded(
    session: Session, rating: int, channel: Channel, is_mcf: bool, reason: str
) -> None:
    w = world(session)
    left = feedback(session, w, rating, LATE, channel=channel, is_mcf=is_mcf)
    decision = strike.request(session, w.seller, left.id, now=NOW)
    assert (decision.granted, decision.outcome, decision.reason) == (False, "refused", reason)
    assert left.struck_at is None
    detail = decision.request.detail
    assert detail["scope"]["passed"] is False
    assert detail["content"]["passed"] is True  # the comment would qualify: scope alone refuses it
    checks = {check["check"]: check for check in detail["scope"]["checks"]}
    assert checks["fulfilled_by_marketplace"]["is_mcf"] is is_mcf
    assert decision.message("en") != decision.message("de")


def test_mixed_and_off_topic_comments_keep_the_feedback(session: Session) -> None:
    w = world(session)
    mixed = strike.request(session, w.seller, feedback(session, w, 1, MIXED).id, now=NOW)
    assert (mixed.granted, mixed.reason) == (False, "mixed_content")
    assert mixed.request.detail["scope"]["passed"] is True
    assert {c["about"] for c in mixed.request.detail["content"]["clauses"]} >= {"delivery", "product"}
    assert "zipper broke" in mixed.message("en") and "the product" in mixed.message("en")
    assert "het product" in mixed.message("nl")
    unanswered = feedback(session, w, 2, "Seller never answered my emails.")
    seller_side = strike.request(session, w.seller, unanswered.id, now=NOW)
    assert (seller_side.reason, seller_side.granted) == ("not_about_fulfilment", False)
    assert "a service you provided" in seller_side.message("en")
    vague = strike.request(session, w.seller, feedback(session, w, 1, "Terrible.").id, now=NOW)
    assert (vague.reason, vague.granted) == ("not_about_fulfilment", False)


def test_note_is_localised_with_the_marketplace_name(session: Session) -> None:
    w = world(session)
    left = feedback(session, w, 1, LATE, marketplace=w.germany)
    assert strike.note(left, "en") is None
    strike.request(session, w.seller, left.id, now=NOW)
    notes = {language: strike.note(left, language) for language in ("en", "sv", "de", "ja", "zh")}
    assert notes["en"] == (
        "This item was fulfilled by Amazon.de, and we take responsibility for this fulfillment experience."
    )
    assert len(set(notes.values())) == 5 and all("Amazon.de" in str(note) for note in notes.values())


def test_requests_on_old_removed_or_other_sellers_feedback(session: Session) -> None:
    w = world(session)
    old = feedback(session, w, 1, LATE, left_at=NOW - timedelta(days=91))
    decision = strike.request(session, w.seller, old.id, now=NOW)
    assert (decision.granted, decision.reason) == (False, "too_old")
    theirs = feedback(session, w, 1, LATE, seller=w.other_seller)
    with pytest.raises(FeedbackError) as caught:
        strike.request(session, w.seller, theirs.id, now=NOW)
    assert caught.value.code == "feedback_not_found"
    assert theirs.struck_at is None
