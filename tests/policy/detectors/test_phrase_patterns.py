"""The lexicon pattern syntax, matching, sentences and windows (``detectors/phrase_patterns.py``)."""

from __future__ import annotations

import time

import pytest

from parley.policy.context import LANGUAGES
from parley.policy.detectors.phrase_patterns import (
    PatternError,
    PhraseSet,
    Sentences,
    find,
    languages_for,
    pairs_near,
    phrase_set,
    words_between,
)

# (entries, text, [(matched text, entry), ...])
MATCHES = [
    (["gift card"], "Get a Gift  Card today", [("Gift  Card", "gift card")]),
    (["gift card"], "a giftcard", []),
    (["card"], "cardboard and discard", []),
    (
        ["review*"],
        "Reviews, reviewed, reviewing; review.",
        [
            ("Reviews", "review*"),
            ("reviewed", "review*"),
            ("reviewing", "review*"),
            ("review", "review*"),
        ],
    ),
    (
        ["leave (us )?a review"],
        "Please leave a review, or leave us a review.",
        [
            ("leave a review", "leave (us )?a review"),
            ("leave us a review", "leave (us )?a review"),
        ],
    ),
    (["leave (us)? a review"], "leave us a review", [("leave us a review", "leave (us)? a review")]),
    (
        ["(5|five)-star review"],
        "a 5-star review, a five star review, a 5star review",
        [
            ("5-star review", "(5|five)-star review"),
            ("five star review", "(5|five)-star review"),
            ("5star review", "(5|five)-star review"),
        ],
    ),
    (["leave ~3 review"], "Leave us a quick review", [("Leave us a quick review", "leave ~3 review")]),
    (["leave ~3 review"], "Leave us a very very quick review", []),
    (["leave ~3 review"], "Please leave. A review helps.", []),
    (["leave ... review"], "leave us a short honest review", [("leave us a short honest review", "leave ... review")]),
    (
        ["don't worry"],
        "Don’t worry, dont worry, don't worry",
        [
            ("Don’t worry", "don't worry"),
            ("dont worry", "don't worry"),
            ("don't worry", "don't worry"),
        ],
    ),
    (["colou?r*"], "colour, colors", [("colour", "colou?r*"), ("colors", "colou?r*")]),
    (
        ["cancel(l)?ation"],
        "cancelation or cancellation",
        [
            ("cancelation", "cancel(l)?ation"),
            ("cancellation", "cancel(l)?ation"),
        ],
    ),
    (["<num>% off"], "Get 10% off or 12.5 % off", [("10% off", "<num>% off"), ("12.5 % off", "<num>% off")]),
    (
        ["<amount> off"],
        "$10 off, 10 EUR off, £5 off",
        [
            ("$10 off", "<amount> off"),
            ("10 EUR off", "<amount> off"),
            ("£5 off", "<amount> off"),
        ],
    ),
    (["<iban>"], "IBAN: SE45 5000 0000 0583 9825 7466.", [("SE45 5000 0000 0583 9825 7466", "<iban>")]),
    (["f\\*ck*"], "what the f*cking hell", [("f*cking", "f\\*ck*")]),
    (
        ["leave feedback on {marketplace}"],
        "Please leave feedback on Amazon.",
        [
            ("leave feedback on Amazon", "leave feedback on {marketplace}"),
        ],
    ),
    # Whole words only: the Scunthorpe problem.
    (["cunt*", "sex", "ass"], "Scunthorpe, Essex, Sussex, assistance, class", []),
    # Leftmost, then longest.
    (
        ["thank you", "thank you for your order"],
        "Thank you for your order!",
        [
            ("Thank you for your order", "thank you for your order"),
        ],
    ),
    (["your order", "order has shipped"], "your order has shipped", [("your order", "your order")]),
    # Latin words next to CJK text, and CJK entries anywhere.
    (["paypal", "支付宝"], "请用PayPal或支付宝付款", [("PayPal", "paypal"), ("支付宝", "支付宝")]),
    (["お支払い"], "差額はPayPalでお支払いください", [("お支払い", "お支払い")]),
    # Non-ASCII Latin letters are word characters.
    (["betala*"], "Du kan betala eller återbetala", [("betala", "betala*")]),
    (["överföring"], "banköverföring", []),
]


@pytest.mark.parametrize(("entries", "text", "expected"), MATCHES, ids=[repr(case[0]) for case in MATCHES])
def test_matches(entries: list[str], text: str, expected: list[tuple[str, str]]) -> None:
    found = PhraseSet.of(entries, "en", "test", marketplace="Amazon").find(text)
    assert [(text[m.span[0] : m.span[1]], m.entry) for m in found] == expected


def test_a_match_names_its_list_and_language() -> None:
    match = PhraseSet.of(["gift card"], "sv", "incentives").find("a gift card")[0]
    assert (match.span, match.entry, match.language, match.list) == ((2, 11), "gift card", "sv", "incentives")


def test_offsets_survive_lower_casing_that_changes_length() -> None:
    text = "İstanbul: use code SAVE"
    found = PhraseSet.of(["use code"]).find(text)
    assert [text[m.span[0] : m.span[1]] for m in found] == ["use code"]


@pytest.mark.parametrize(
    "entry",
    ["leave (us a review", "leave us) a review", "~3 review", "leave ~x review", "<nothing>", "a || b", "(|)"],
)
def test_invalid_entries_are_rejected(entry: str) -> None:
    with pytest.raises(PatternError):
        PhraseSet.of([entry]).find("leave us a review")


def test_unknown_marketplace_name_leaves_its_alternatives_out() -> None:
    entries = ["leave feedback on {marketplace}", "(review|feedback) on ({marketplace}|the marketplace)"]
    found = PhraseSet.of(entries).find("Leave feedback on Amazon, or feedback on the marketplace.")
    assert [m.entry for m in found] == [entries[1]]


OWN_LISTS = (
    "marketing_discounts",
    "marketing_cross_sell",
    "marketing_channels",
    "marketing_referrals",
    "review_terms",
    "review_incentives",
    "review_incentives_strong",
    "review_incentive_phrases",
    "review_positive_only",
    "review_change",
    "thanks",
    "availability",
    "greetings",
    "sign_offs",
    "pleasantries",
    "confirmations",
    "purpose_terms",
    "cancellation_requests",
    "cannot_ship",
    "delays",
    "offensive_profanity",
    "offensive_adult",
    "offensive_violence",
    "payment_methods",
    "payment_details",
    "payment_verbs",
    "payment_negations",
    "payment_phrases",
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lexicon_compiles(language: str) -> None:
    for name in OWN_LISTS:
        phrase_set((name,), (language,), "Amazon").find("warm up")


SENTENCES = [
    ("One. Two! Three?", ["One.", "Two!", "Three?"]),
    ("It costs 9.99 euros. Fine", ["It costs 9.99 euros.", "Fine"]),
    ("Line one\nLine two\n\n", ["Line one", "Line two"]),
    ("第一句。第二句！", ["第一句。", "第二句！"]),
    ('He said "hi." Then left.', ['He said "hi."', "Then left."]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in Sentences(text).spans] == expected


def test_words_between() -> None:
    text = "leave a review and we will send a gift card"
    assert words_between(text, (0, 14), (34, 43)) == 5
    assert words_between(text, (34, 43), (0, 14)) == 5
    assert words_between(text, (0, 5), (3, 10)) == 0


def test_pairs_near_same_sentence_and_window() -> None:
    text = "Leave a review. We have a gift card. Unrelated words go here for quite a long while, refund."
    terms = PhraseSet.of(["review"]).find(text)
    same = pairs_near(text, terms, PhraseSet.of(["gift card"]).find(text))
    near = pairs_near(text, terms, PhraseSet.of(["gift card"]).find(text), words=5)
    far = pairs_near(text, terms, PhraseSet.of(["refund"]).find(text), words=5)
    assert (len(same), len(near), len(far)) == (0, 1, 0)


class _Known:
    def __init__(self, language: str | None) -> None:
        self.language = language


def test_languages_for() -> None:
    assert languages_for(_Known("de"), ("en",)) == ("en",)
    assert languages_for(_Known(None), ("en",)) == ("en",)
    assert languages_for(_Known("en"), ("en", "de")) == ("en",)
    assert languages_for(_Known(None), "*") == LANGUAGES
    assert languages_for(_Known("sv"), "*") == ("sv",)


@pytest.mark.parametrize(
    "text",
    [
        "leave " * 200_000,
        "a " * 300_000,
        "review " * 150_000 + "gift card",
        "x" * 1_000_000,
        "5 " * 300_000,
    ],
    ids=["repeated first word", "short words", "many terms", "one long word", "numbers"],
)
def test_matching_stays_linear(text: str) -> None:
    lists = ("review_terms", "review_positive_only", "marketing_discounts", "thanks", "availability")
    start = time.perf_counter()
    find(text, lists, ("en",), "Amazon")
    assert time.perf_counter() - start < 20
