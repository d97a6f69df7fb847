"""Misspellings and gibberish (``detectors/spelling.py``)."""

from __future__ import annotations

import pytest

from parley.policy.detectors.spelling import find, gibberish_kind

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
