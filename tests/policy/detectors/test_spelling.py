"""Misspellings and gibberish (``detectors/spelling.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.policy.detectors import spelling_dictionary
from parley.policy.detectors.spelling import LANGUAGES, find, gibberish_kind, word_count

# (text, [(word, kind, suggestion), ...])
CASES = [
    ("We recieved your adress.", [("recieved", "misspelling", "received"), ("adress", "misspelling", "address")]),
    ("Tommorow, definately.", [("Tommorow", "misspelling", "tomorrow"), ("definately", "misspelling", "definitely")]),
    ("We received your address.", []),
    ("Your parcel asdfghj is on the way", [("asdfghj", "keyboard", "")]),
    ("Asdfgh", [("Asdfgh", "keyboard", "")]),
    ("the code BKPRTXZ and ASDFGH", []),
    ("a QWERTY or qwerty keyboard", []),
    ("xcvbnmk", [("xcvbnmk", "keyboard", "")]),
    ("brrrrrrr and zzzzzz", [("brrrrrrr", "consonants", ""), ("zzzzzz", "consonants", "")]),
    ("sooooooo good", [("sooooooo", "repeated", "")]),
    ("soooo good", []),
    ("twelfths and strengths and rhythms", []),
    ("see www.adress-shop.com or mail info@recieve.net", []),
    ("tracking 1z999aa10123456784", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find(text, "en")
    assert [(error.word, error.kind, error.suggestion) for error in found] == expected
    assert all(text[error.span[0] : error.span[1]] == error.word for error in found)


@pytest.mark.parametrize(
    ("word", "kind"),
    [("asdfg", "keyboard"), ("poiuy", "keyboard"), ("qwerty", None), ("kjhgf", "keyboard"), ("hello", None)],
)
def test_gibberish_kind(word: str, kind: str | None) -> None:
    assert gibberish_kind(word) == kind


def test_a_language_without_a_list_still_finds_gibberish() -> None:
    assert [error.kind for error in find("asdfghjk recieve", "ja")] == ["keyboard"]


# --- typos found with the dictionary (detectors/spelling_dictionary.py) ---------------------------

TYPOS = [
    ("en", "the warehose sent it", [("warehose", "warehouse")]),
    ("sv", "Vi har skickdes varan", [("skickdes", "skickades")]),
    ("nl", "uw bestleling is helas vertraagd", [("bestleling", "bestelling"), ("helas", "helaas")]),
    ("de", "wir haben es verschikt", [("verschikt", "verschickt")]),
    ("fr", "votre comande est partie", [("comande", "commande")]),
    ("es", "su pedidio ya salió", [("pedidio", "pedido")]),
    ("it", "la spedizone è partita", [("spedizone", "spedizione")]),
    ("pl", "niesety zamuwienie jest opóźnione", [("niesety", "niestety"), ("zamuwienie", "zamówienie")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), TYPOS)
def test_dictionary_typos(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = find(text, language, True)
    assert [(error.word, error.suggestion) for error in found] == expected
    assert all(error.kind == "typo" for error in found)
    assert not [error for error in find(text, language) if error.kind == "typo"]  # only when asked


@pytest.mark.parametrize(
    "text",
    [
        "Warehose and Replacment",  # capitalised: names, nouns, brands
        "warehose-2, re-warehose, warehose's, warehose_1, 2warehose",  # joined to something
        "see shop.example/warehose or warehose@shop.example",  # links and addresses
        "the warehouse, the warehouses, the shipper",  # words, rare or not
    ],
)
def test_words_that_are_not_looked_up_or_are_fine(text: str) -> None:
    assert not [error for error in find(text, "en", True) if error.kind == "typo"]


def test_product_title_words_are_ignored() -> None:
    assert find("the warehose lamp", "en", True, frozenset({"warehose"})) == ()
    assert [error.word for error in find("the warehose lamp", "en", True)] == ["warehose"]


@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("sv", "leveransförseningen"),  # compounds of known words
        ("sv", "returfraktsedeln"),
        ("de", "lieferzeitverzögerung"),
        ("de", "versandkostenpauschale"),
        ("nl", "verzendkostenvergoeding"),
        ("sv", "tracking"),  # English loanwords
        ("pl", "feedback"),
        ("it", "arrivarle"),  # verbs with pronouns attached
        ("es", "enviarle"),
        ("pl", "przesyłkom"),  # a rare form of a frequent word
        ("es", "envio"),  # accents left out
        ("pl", "wyslane"),
        ("sv", "avbeställer"),  # a prefix, not a slip in the first letter
        ("es", "adjuntamos"),
        ("en", "shipper"),  # a word, if a rarer one than "shipped"
        ("de", "ware"),  # too short to judge
    ],
)
def test_words_that_are_not_typos(language: str, word: str) -> None:
    assert spelling_dictionary.correction(language, word) is None


def test_a_suggestion_that_may_need_an_eszett_is_not_a_fix() -> None:
    (error,) = find("die strase ist gesperrt", "de", True)
    assert (error.suggestion, error.fixable) == ("strasse", False)


def test_japanese_and_chinese_have_no_dictionary() -> None:
    assert set(LANGUAGES) == {"en", "sv", "nl", "de", "fr", "es", "it", "pl"}
    assert spelling_dictionary.dictionary("ja") is None
    assert spelling_dictionary.dictionary("zh") is None
    assert find("asdfghjk 注文", "zh", True)[0].kind == "keyboard"


def test_the_dictionaries_ship_inside_the_package() -> None:
    import wordfreq

    for language in LANGUAGES:
        path = Path(wordfreq.available_languages("large")[language])
        assert path.is_file(), language  # read from disk: nothing is downloaded


def test_word_count() -> None:
    assert word_count("We recieved 2 parcels, order 123-4567; thanks!") == 5
