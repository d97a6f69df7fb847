"""Misspellings, from a lexicon and a dictionary, and gibberish: keyboard mashing, held-down keys.

``lexicons/<lang>/misspellings.txt`` holds ``wrong -> right`` pairs of words that are never
correct. With ``dictionary``, a lower-case word of five letters or more that the language's
dictionary does not know, but that is one slip from a frequent word, is a typo of that word
(``detectors/spelling_dictionary.py`` says how that is judged). Only words written in lower case
and standing alone are looked up: not names or nouns (capitalised), codes (``BKPRTX``), words
joined to digits, hyphens or apostrophes (``couldn't``, ``e-mail``), words in a link or an e-mail
address, nor the words of the product's title.

Gibberish (keyboard mashing, vowel-less runs, held-down keys) is judged on lower-case words only,
so product codes, tracking numbers and acronyms (``BKPRTX``, ``1Z999AA1``) are left alone, and so
is anything inside a link or an e-mail address. Keyboard rows come from
``lexicons/common/keyboard_rows.txt``, and real words made of them (``qwerty``) from
``keyboard_words.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from parley.policy import lexicons
from parley.policy.detectors import spelling_dictionary
from parley.policy.detectors.phrase_patterns import PhraseSet, word_index
from parley.policy.parts import Span

Kind = Literal["misspelling", "typo", "keyboard", "consonants", "repeated"]
"""A misspelling from the list, a typo found with the dictionary, or one of three kinds of gibberish."""

LANGUAGES = spelling_dictionary.LANGUAGES
"""The languages whose typos the dictionary finds."""
PLAIN: tuple[Kind, ...] = ("misspelling", "typo")

_MASH_KEYS = 5
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{6}")
_REPEATED = re.compile(r"([a-z])\1{4}")
_LINKISH = ("://", "www.", "@", "/", "\\")
_MAX_TOKEN = 64
_MAX_WORD = 40
# What may stand right before or after a word that is looked up: not an apostrophe, a hyphen, a
# slash, a digit or a combining accent, which would make it part of something longer.
_BOUNDARY = frozenset(' \t\n\r\u00a0,.;:!?()[]{}"«»„“”…')


@dataclass(frozen=True, slots=True)
class SpellingError:
    span: Span
    word: str
    kind: Kind
    suggestion: str = ""
    """The correction, for a misspelling or a typo; empty for gibberish."""
    fixable: bool = True
    """Whether the suggestion may replace the word as it is: not when the dictionary's
    case-folded spelling may lose a letter (German "ss" for "ß")."""


@cache
def _misspellings(language: str) -> tuple[PhraseSet | None, dict[str, str]]:
    corrections = {}
    for line in lexicons.load(language, "misspellings"):
        wrong, _, right = line.partition("->")
        if wrong.strip() and right.strip():
            corrections[wrong.strip().lower()] = right.strip()
    if not corrections:
        return None, {}
    return PhraseSet.of(corrections, language, "misspellings"), corrections


@cache
def _keyboard() -> tuple[frozenset[str], frozenset[str]]:
    runs: set[str] = set()
    for row in lexicons.load("common", "keyboard_rows"):
        for line in (row, row[::-1]):
            runs.update(line[i : i + _MASH_KEYS] for i in range(len(line) - _MASH_KEYS + 1))
    words = frozenset(word.lower() for word in lexicons.load("common", "keyboard_words"))
    return frozenset(runs), words


def gibberish_kind(word: str) -> Kind | None:
    """Why a lower-case word cannot be a word, or None if it may be one."""
    runs, keyboard_words = _keyboard()
    if word not in keyboard_words and any(word[i : i + _MASH_KEYS] in runs for i in range(len(word) - 4)):
        return "keyboard"
    if _CONSONANT_RUN.search(word):
        return "consonants"
    if _REPEATED.search(word):
        return "repeated"
    return None


def _real_word(language: str, word: str) -> bool:
    return spelling_dictionary.dictionary(language) is not None and spelling_dictionary.is_known(language, word)


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the run of non-space characters around ``text[start:end]`` looks like a link or address."""
    left, right = start, end
    while left > 0 and start - left < _MAX_TOKEN and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and right - end < _MAX_TOKEN and not text[right].isspace():
        right += 1
    chunk = text[left:right]
    return any(mark in chunk for mark in _LINKISH) or bool(re.search(r"\w\.\w{2,}", chunk))


def _stands_alone(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] in _BOUNDARY) and (end == len(text) or text[end] in _BOUNDARY)


def find(
    text: str, language: str, dictionary: bool = False, ignore: frozenset[str] = frozenset()
) -> tuple[SpellingError, ...]:
    """Misspellings and gibberish words in ``text``, in order, at most one finding per word.

    With ``dictionary``, typos are looked up in ``language``'s dictionary too; words in ``ignore``
    (lower case: the product title's words) never are.
    """
    found: dict[Span, SpellingError] = {}
    phrases, corrections = _misspellings(language)
    if phrases is not None:
        for match in phrases.find(text):
            start, end = match.span
            if not _in_link(text, start, end):
                word = text[start:end]
                found[match.span] = SpellingError(match.span, word, "misspelling", corrections[match.entry.lower()])
    index = word_index(text)
    entry = spelling_dictionary.dictionary(language) if dictionary else None
    typos: list[str] = []
    gibberish: list[tuple[str, Kind]] = []
    for word in index.words:
        if len(word) < _MASH_KEYS or len(word) > _MAX_TOKEN or not word.isalpha():
            continue
        kind = gibberish_kind(word)
        if kind == "consonants" and _real_word(language, word):
            kind = None  # German and Dutch compounds join consonants: Zugangsschlüssel, Herbststurm
        if kind is not None:
            gibberish.append((word, kind))
        elif entry is not None and len(word) <= _MAX_WORD and word not in entry.known and word not in ignore:
            typos.append(word)
    # One pass finds every candidate in a long text, rather than one search per word.
    positions = index.positions_of([*typos, *(word for word, _kind in gibberish)])
    for word in sorted(typos):
        _add_typos(text, language, word, positions[word], found)
    for word, kind in gibberish:
        for start in positions[word]:
            end = start + len(word)
            # Judged in the original case: "BKPRTX" is a code, not mashing.
            if text[start + 1 : end].islower() and (start, end) not in found and not _in_link(text, start, end):
                found[(start, end)] = SpellingError((start, end), text[start:end], kind)
    return tuple(sorted(found.values(), key=lambda error: error.span))


def _add_typos(text: str, language: str, word: str, positions: list[int], found: dict[Span, SpellingError]) -> None:
    suggestion: str | None = None
    for start in positions:
        end = start + len(word)
        if (
            (start, end) in found
            or text[start:end] != word  # capitalised: a name, a noun, a brand
            or not _stands_alone(text, start, end)
            or _in_link(text, start, end)
        ):
            continue
        suggestion = suggestion or spelling_dictionary.correction(language, word)
        if not suggestion:
            return
        fixable = not (language == "de" and "ss" in suggestion)
        found[(start, end)] = SpellingError((start, end), word, "typo", suggestion, fixable)


def word_count(text: str) -> int:
    """How many words (runs of letters) ``text`` has."""
    return word_index(text).token_count()
