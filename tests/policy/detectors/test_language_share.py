"""Language shares: sentence by sentence, with product names and quotes left out."""

from __future__ import annotations

import pytest

from parley.policy.detectors import language_share


@pytest.mark.parametrize(
    ("text", "dominant", "at_least"),
    [
        ("Hej! Ditt paket har försenats hos transportören och kommer fram på fredag.", "sv", 0.9),
        ("Hallo, uw pakket is vertraagd bij de vervoerder en komt vrijdag aan.", "nl", 0.9),
        ("Die Lieferung Ihrer Bestellung verzögert sich um zwei Tage. Wir bitten um Entschuldigung.", "de", 0.9),
        ("Bonjour, votre Stainless Steel Insulated Water Bottle for Kids arrive demain.", "fr", 0.6),
        (
            "Hej! Din Philips Sonicare DiamondClean Smart Electric Toothbrush har skickats och kommer på fredag.",
            "sv",
            0.5,
        ),
        ("Hej Anna! Regarding your order: the parcel has been delayed and will arrive on Friday.", "en", 0.8),
        ("Ciao, grazie per l'ordine. The parcel is delayed by two days due to the strike, we apologise.", "en", 0.6),
        ('Hej! Du skrev: "The box arrived crushed and the glass was broken." Vi skickar en ny i dag.', "sv", 0.7),
        ("こんにちは。「Bluetooth Speaker Mini」は明日発送します。", "ja", 0.9),
        ("您好，您的订单已发货，预计三天内送达。如有任何问题，请随时联系我们。Thank you!", "zh", 0.7),
        ("Dzień dobry! Wysyłamy dziś nową ładowarkę. Dziękujemy za cierpliwość.", "pl", 0.9),
    ],
)
def test_dominant_language(text: str, dominant: str, at_least: float) -> None:
    shares = language_share.shares(text)
    assert shares is not None
    assert shares.dominant == dominant
    assert shares.share(dominant) >= at_least


def test_mixed_message_has_both_languages() -> None:
    shares = language_share.shares(
        "Dear customer, thank you for your order. Vielen Dank für Ihre Bestellung, Ihr Paket ist unterwegs."
    )
    assert shares is not None
    assert shares.share("en") > 0.2
    assert shares.share("de") > 0.4


def test_product_titles_are_ignored() -> None:
    title = "Ultra Slim Wireless Charging Pad for iPhone and Android, fast charging, black"
    shares = language_share.shares(f"Hallo, de {title} is onderweg naar u.", [title])
    assert shares is not None
    assert shares.dominant == "nl"


@pytest.mark.parametrize("text", ["", "Hi!", "12345 67890", "Thank You For Your Order"])
def test_too_little_text(text: str) -> None:
    assert language_share.shares(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your Philips Sonicare DiamondClean Smart is here", " is here"),
        ("Die Lieferung verzögert sich", "Die Lieferung verzögert sich"),
        ("Tack för Anker PowerCore Essential!", "Tack för  !"),
    ],
)
def test_strip_names(text: str, expected: str) -> None:
    assert language_share.strip_names(text) == expected


def test_sentences_join_short_ones() -> None:
    assert language_share.sentences("Hej! Vi skickar en ny laddare i dag. Tack!") == [
        "Hej! Vi skickar en ny laddare i dag.",
        "Tack!",
    ] or language_share.sentences("Hej! Vi skickar en ny laddare i dag. Tack!") == [
        "Hej! Vi skickar en ny laddare i dag. Tack!"
    ]


def test_long_input_is_sampled() -> None:
    shares = language_share.shares("Hallo, uw pakket komt vrijdag aan. " * 300_000)
    assert shares is not None
    assert shares.dominant == "nl"
