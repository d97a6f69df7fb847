"""Cues inside compound words (``parley.strikethrough.compounds``): sv, nl, de."""

from __future__ import annotations

import time

import pytest

from parley.strikethrough import classify
from parley.strikethrough.compounds import find


@pytest.mark.parametrize(
    ("language", "comment", "label"),
    [
        ("de", "Lieferverzögerung von zwei Wochen", "delivery"),
        ("de", "Der Paketzusteller hat nicht geklingelt", "delivery"),
        ("de", "Materialfehler nach einer Woche", "product"),
        ("nl", "De pakketbezorger smeet alles neer", "delivery"),
        ("sv", "Leveransförseningen var orimlig", "delivery"),
        ("sv", "Tydligt tillverkningsfel", "product"),
    ],
)
def test_a_compound_word_is_a_cue_of_its_part(language: str, comment: str, label: str) -> None:
    result = classify(comment, language)
    assert set(result.about) - {"other"} == {label}


def test_a_listed_phrase_wins_over_a_part() -> None:
    # "Lieferumfang" starts like "Lieferung" but is about the item's contents.
    assert set(classify("Lieferumfang unvollständig", "de").about) == {"product"}


def test_a_part_needs_more_word_around_it() -> None:
    assert find("liefer zusteller", ("feedback_delivery",), "de", []) == []
    # The last part is the better reason: a "Paketzusteller" is a kind of "Zusteller".
    assert [match.entry for match in find("Paketzusteller", ("feedback_delivery",), "de", [])] == ["-zusteller"]


def test_languages_without_parts_find_nothing() -> None:
    assert find("Lieferverzögerung", ("feedback_delivery",), "fr", []) == []


def test_a_long_compound_text_is_fast() -> None:
    text = "Lieferverzögerungszustellungsbote " * 20_000
    started = time.perf_counter()
    found = find(text, ("feedback_delivery",), "de", [])
    assert len(found) == 20_000
    assert time.perf_counter() - started < 2.0
