"""What each sentence does (``detectors/sentence_roles.py``)."""

from __future__ import annotations

import pytest

from parley.policy.detectors.sentence_roles import classify, summarise

# (text, [role of each sentence])
ROLES = [
    ("Hi John,", ["phatic"]),
    ("Thank you for your order 203-1234567-1234567!", ["phatic"]),
    ("Order ID: 203-1234567-1234567", ["empty"]),
    ("We hope you enjoy your new kettle.", ["phatic"]),
    ("If you have any questions, feel free to contact us.", ["phatic"]),
    # the lines after a sign-off are the sender's name and shop: they say nothing
    ("Best regards,\nAnna\nKettle World", ["phatic", "empty", "empty"]),
    ("Your order has been shipped with DHL.", ["confirmation"]),
    ("The tracking number is 1Z999AA10123456784.", ["confirmation"]),
    ("Thanks, your parcel is on its way and should arrive on Friday.", ["confirmation"]),
    ("Your order will be two days late.", ["substance"]),
    ("Sorry for the wait.", ["substance"]),
    ("Which engraving text would you like?", ["substance"]),
    ("Please send us a photo of the label.", ["substance"]),
    ("Let us know your preferred delivery day and time.", ["substance"]),
    ("Any questions?", ["phatic"]),
    ("Thank you, valued customer!", ["phatic"]),
    ("Your order has shipped, but the carrier reports a delay.", ["substance"]),
    ("If you have a moment, please leave a review.", ["substance"]),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_roles(text: str, expected: list[str]) -> None:
    assert [role.role for role in classify(text, ("en",), "Amazon")] == expected


def test_a_japanese_shop_name_after_the_sign_off_says_nothing() -> None:
    text = "ありがとうございました。\nよろしくお願いいたします。\n株式会社サンライズトレーディング"
    assert [role.role for role in classify(text, ("ja",), "Amazon")] == ["phatic", "phatic", "empty"]


def test_summary_of_a_thanks_only_message() -> None:
    text = "Hi Sarah,\n\nThanks for shopping with us! We are here if you need anything.\n\nBest,\nAnna"
    summary = summarise(text, ("en",), "Amazon")
    assert summary.substance is None and summary.confirmation is None
    assert summary.saying is not None
    role, phrase = summary.saying
    assert text[role.span[0] : role.span[1]] == "Thanks for shopping with us!"
    assert phrase.list == "thanks"


def test_summary_stops_at_the_first_sentence_with_a_purpose() -> None:
    text = "Your order is delayed. " + "Thank you! " * 5000
    summary = summarise(text, ("en",), "Amazon")
    assert summary.substance is not None and summary.substance.span == (0, 22)


def test_spans_are_offsets_in_the_whole_text_across_chunks() -> None:
    text = "Thank you for your order! " * 200 + "Your order has been shipped."
    roles = classify(text, ("en",), "Amazon")
    last = roles[-1]
    assert text[last.span[0] : last.span[1]] == "Your order has been shipped."
    assert all(text[m.span[0] : m.span[1]].lower().startswith("your order") for m in last.phrases)
