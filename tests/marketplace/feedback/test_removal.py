"""Removal requests: obscene, personal information, entirely a product review; otherwise refused."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from parley.marketplace import accounts
from parley.marketplace.feedback import metrics, removal
from tests.marketplace.feedback.helpers import NOW, feedback, world


@pytest.mark.parametrize(
    ("comment", "reason", "granted"),
    [
        ("This shitty shop sent my order late.", "obscene", True),
        ("Wrote to the owner at owner.private@gmail.com and got nothing back.", "personal_information", True),
        ("Ring ägaren på 070-123 45 67, han svarar aldrig.", "personal_information", True),
        ("The handle broke after two days and the lid leaks.", "product_review", True),
        ("The handle broke, and the seller never answered my emails.", "mixed_review", False),
        ("Seller never answered my emails.", "not_removable", False),
    ],
)
def test_removal_reasons(session: Session, comment: str, reason: str, granted: bool) -> None:
    w = world(session)
    left = feedback(session, w, 1, comment)
    decision = removal.request(session, w.seller, left.id, now=NOW)
    assert (decision.reason, decision.granted) == (reason, granted)
    assert (left.removed_at is not None) is granted
    assert left.removed_by == ("marketplace" if granted else None)
    assert set(decision.request.detail) == {"obscene", "personal_information", "product_review"}
    listed = [row.feedback_id for row in metrics.records(session, w.seller)]
    assert (left.id in listed) is not granted
    assert decision.message("sv") != decision.message("en")


def test_obscene_match_is_recorded_with_its_list(session: Session) -> None:
    w = world(session)
    left = feedback(session, w, 2, "Total bullshit, never again.")
    decision = removal.request(session, w.seller, left.id, now=NOW)
    matches = decision.request.detail["obscene"]["matches"]
    assert matches[0]["list"] == "offensive_profanity" and matches[0]["span"][0] == 6
    assert '"bullshit"' in decision.message("en")


def test_a_sellers_own_name_is_personal_only_when_it_is_a_persons(session: Session) -> None:
    w = world(session)
    person = accounts.create_seller(session, "A3FBPERSON", "Maria Lindqvist", "maria@shop.example")
    about_person = feedback(session, w, 1, "maria lindqvist promised a refund and never sent it", seller=person)
    decision = removal.request(session, person, about_person.id, now=NOW)
    assert (decision.reason, decision.request.detail["personal_information"]["matches"][0]["kind"]) == (
        "personal_information",
        "name",
    )
    assert "a person's full name" in decision.message("en") and "imię i nazwisko osoby" in decision.message("pl")
    business = feedback(session, w, 1, "Nordic Kitchen AB promised a refund and never sent it")
    assert removal.request(session, w.seller, business.id, now=NOW).reason == "not_removable"
    assert removal.person_like("Anna Berg") and not removal.person_like("Berg Kök AB")
    assert not removal.person_like("EuroGadgets") and not removal.person_like("shop 24")
