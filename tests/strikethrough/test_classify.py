"""The content test of a strike-through request (``parley.strikethrough.classify``)."""

from __future__ import annotations

import time

import pytest

from parley.strikethrough import ABOUT_VALUES, Classification, UnsupportedLanguageError, classify


def _labels(result: Classification) -> set[str]:
    return set(result.about) - {"other"}


# One comment per label and language, each on its own: the label is what the clause is about.
SINGLE_LABEL = [
    ("en", "The parcel turned up ten days late", "delivery"),
    ("en", "Amazon customer service hung up on me", "marketplace_service"),
    ("en", "The strap snapped after one week", "product"),
    ("en", "The seller never answered my questions", "seller_service"),
    ("sv", "Paketet kom aldrig fram", "delivery"),
    ("sv", "Kundtjänsten kopplade runt mig i en timme", "marketplace_service"),
    ("sv", "Skärmen var sprucken", "product"),
    ("sv", "Säljaren svarade aldrig", "seller_service"),
    ("nl", "Het pakket werd een week te laat bezorgd", "delivery"),
    ("nl", "De klantenservice van Amazon hielp me niet verder", "marketplace_service"),
    ("nl", "Het scherm was gebarsten", "product"),
    ("nl", "De verkoper reageerde nooit", "seller_service"),
    ("de", "Das Paket kam eine Woche zu spät", "delivery"),
    ("de", "Der Amazon Kundenservice hat mich nur vertröstet", "marketplace_service"),
    ("de", "Das Display hatte einen Sprung", "product"),
    ("de", "Der Verkäufer hat nie geantwortet", "seller_service"),
    ("fr", "Le colis est arrivé avec une semaine de retard", "delivery"),
    ("fr", "Le service client d'Amazon ne m'a pas aidé", "marketplace_service"),
    ("fr", "L'écran était fissuré", "product"),
    ("fr", "Le vendeur n'a jamais répondu", "seller_service"),
]


@pytest.mark.parametrize(("language", "comment", "label"), SINGLE_LABEL)
def test_each_label(language: str, comment: str, label: str) -> None:
    result = classify(comment, language)
    assert _labels(result) == {label}
    assert result.eligible == (label in ("delivery", "marketplace_service"))


@pytest.mark.parametrize(
    ("language", "comment"),
    [
        ("en", "arrived late and the zipper broke"),
        ("en", "box was crushed and the glass inside was cracked"),
        ("en", "The courier was late, and the item stopped working after two days"),
        ("sv", "kom sent och dragkedjan gick sönder"),
        ("nl", "te laat bezorgd en de rits was kapot"),
        ("de", "kam zu spät und der Reißverschluss ist kaputt"),
        ("fr", "arrivé en retard et la fermeture éclair est cassée"),
        ("en", "The parcel was lost and the seller did nothing"),
    ],
)
def test_mixed_comments_are_not_eligible(language: str, comment: str) -> None:
    result = classify(comment, language)
    assert not result.eligible
    assert _labels(result) & {"delivery", "marketplace_service"}
    assert _labels(result) & {"product", "seller_service"}


@pytest.mark.parametrize(
    ("language", "comment"),
    [
        ("en", "The product is fine, it just arrived late"),
        ("en", "Item was not damaged, but the courier left it in the rain"),
        ("en", "Not the seller's fault, the carrier lost it for a week"),
        ("sv", "Varan är fin, men den kom en vecka för sent"),
        ("de", "Der Artikel selbst ist einwandfrei, nur die Lieferung hat ewig gedauert"),
        ("nl", "Het product is prima, alleen de bezorging duurde veel te lang"),
        ("fr", "Le produit est très bien, mais la livraison a pris trois semaines"),
    ],
)
def test_praise_of_the_product_or_seller_does_not_block(language: str, comment: str) -> None:
    result = classify(comment, language)
    assert result.eligible
    assert "other" in result.about


@pytest.mark.parametrize(
    "comment",
    ["The product is not great and it arrived late", "Product isn't fine, delivery was late"],
)
def test_negated_praise_still_blocks(comment: str) -> None:
    assert not classify(comment, "en").eligible


def test_damage_to_the_box_is_delivery_damage_to_the_item_is_product() -> None:
    assert _labels(classify("The box was crushed", "en")) == {"delivery"}
    assert _labels(classify("The lamp was crushed", "en")) == {"product"}
    assert _labels(classify("Arrived damaged", "en")) == {"product"}


def test_praise_of_the_delivery_alone_is_not_eligible() -> None:
    result = classify("Fast delivery, but I am not happy", "en")
    assert not result.eligible
    assert result.about == ("other",)


def test_filler_only_is_not_eligible() -> None:
    result = classify("Terrible. Never again!!!", "en")
    assert (result.eligible, result.about) == (False, ("other",))


def test_result_shape() -> None:
    comment = "Great product, terrible courier"
    result = classify(comment, "en")
    assert result.language == "en"
    assert result.about == ("other", "delivery")
    for clause in result.clauses:
        assert clause.about in ABOUT_VALUES
        assert comment[clause.span[0] : clause.span[1]] == clause.text
    assert result.clauses[1].cues and result.clauses[1].cues[0].startswith("delivery:")
    assert result.to_dict() == {
        "eligible": True,
        "about": ["other", "delivery"],
        "clauses": [{"text": "Great product", "about": "other"}, {"text": "terrible courier", "about": "delivery"}],
    }


def test_empty_comment() -> None:
    for comment in ("", "   ", "😡😡"):
        result = classify(comment, "en")
        assert (result.eligible, result.about, result.clauses) == (False, (), ())


def test_language_is_detected_when_not_given() -> None:
    assert classify("Paketet kom en vecka för sent och budet var otrevligt").language == "sv"
    assert classify("Das Paket kam viel zu spät und der Karton war völlig zerdrückt").language == "de"
    assert classify("late").language == "en"  # too short to tell: the fallback


def test_language_tags_are_normalised() -> None:
    assert classify("Paketet kom för sent", "sv-SE").language == "sv"
    assert classify("Paket kam zu spät", "DE_de").language == "de"


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'pt'"):
        classify("O pacote chegou atrasado", "pt")


def test_a_100_kb_comment_is_classified_quickly() -> None:
    comment = "The parcel came late, the courier was rude. " * 2300
    assert len(comment) > 100_000
    started = time.perf_counter()
    result = classify(comment + "The zipper broke.", "en")
    assert time.perf_counter() - started < 10
    assert not result.eligible
    assert result.about == ("delivery", "product")
    assert len(result.clauses) == 2 * 2300 + 1
