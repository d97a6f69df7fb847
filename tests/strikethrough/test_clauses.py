"""Clause splitting (``parley.strikethrough.clauses``)."""

from __future__ import annotations

import pytest

from parley.strikethrough.clauses import split


def _texts(comment: str, language: str) -> list[str]:
    return [comment[start:end] for start, end in split(comment, language)]


@pytest.mark.parametrize(
    ("comment", "language", "expected"),
    [
        ("Arrived late. Box crushed!", "en", ["Arrived late", "Box crushed"]),
        ("arrived late and the zipper broke", "en", ["arrived late", "and the zipper broke"]),
        ("Great product, but the courier was rude", "en", ["Great product", "but the courier was rude"]),
        ("kom sent och dragkedjan gick sönder", "sv", ["kom sent", "och dragkedjan gick sönder"]),
        ("Kam zu spät aber sonst gut", "de", ["Kam zu spät", "aber sonst gut"]),
        ("Te laat geleverd maar verder prima", "nl", ["Te laat geleverd", "maar verder prima"]),
        ("Arrivé en retard mais produit correct", "fr", ["Arrivé en retard", "mais produit correct"]),
        ("It cost 9.99, way too much", "en", ["It cost 9.99", "way too much"]),
        ("late 😡 never again", "en", ["late", "never again"]),
        ("  !!! 😡  ", "en", []),
        ("", "en", []),
    ],
)
def test_split(comment: str, language: str, expected: list[str]) -> None:
    assert _texts(comment, language) == expected


def test_spans_point_into_the_comment() -> None:
    comment = "  Box was crushed;  the courier left it outside\nnever again  "
    spans = split(comment, "en")
    assert len(spans) == 3
    assert all(comment[start:end] == comment[start:end].strip() for start, end in spans)
    assert [comment[start] for start, _ in spans] == ["B", "t", "n"]


def test_conjunctions_of_another_language_do_not_split() -> None:
    assert _texts("kom sent och trasig", "en") == ["kom sent och trasig"]
