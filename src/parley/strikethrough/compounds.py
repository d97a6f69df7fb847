"""Cues inside compound words, for languages that write them as one word (sv, nl, de).

"Lieferverzögerung", "Paketzusteller", "pakketbezorger", "leveransförseningen": the phrase lists
match whole words (or a word's start plus a few letters), so a compound is found only when it is
listed. ``lexicons/<lang>/feedback_<name>_parts.txt`` lists parts instead: ``liefer-`` is a first
part (the word starts with it), ``-zusteller`` a last part (the word ends with it). A word counts
as a cue of ``feedback_<name>`` when it is longer than the part by at least ``MIN_REST`` letters
and no phrase of any feedback list already covers it, so a listed compound ("Lieferumfang", which
is about the item's contents) always wins over a part.

Each word is checked against the parts' lengths only, so the time is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parley.policy import lexicons
from parley.policy.detectors.phrase_patterns import PhraseMatch, lower

MIN_REST = 3
"""Letters the rest of the word needs, so that a part is never the whole word or nearly so."""
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Parts:
    first: dict[str, str]
    """First part -> the list it is a cue of."""
    last: dict[str, str]
    first_lengths: tuple[int, ...]
    last_lengths: tuple[int, ...]

    def list_of(self, word: str) -> tuple[str, str] | None:
        """The list and the entry (``liefer-``, ``-zusteller``) a compound word is a cue of, if any."""
        for length in self.last_lengths:
            if len(word) - length >= MIN_REST and (name := self.last.get(word[-length:])):
                return name, "-" + word[-length:]
        for length in self.first_lengths:
            if len(word) - length >= MIN_REST and (name := self.first.get(word[:length])):
                return name, word[:length] + "-"
        return None


@cache
def _parts(names: tuple[str, ...], language: str) -> _Parts:
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for name in names:
        for entry in lexicons.load(language, f"{name}_parts"):
            part = lower(entry.strip("-"))
            if entry.startswith("-"):
                last.setdefault(part, name)
            elif entry.endswith("-"):
                first.setdefault(part, name)
            else:
                raise ValueError(f"lexicon {language}/{name}_parts: {entry!r} needs a '-' before or after it")
    # The longest part first: "-paketzusteller" is a better reason than "-zusteller".
    return _Parts(
        first,
        last,
        tuple(sorted({len(part) for part in first}, reverse=True)),
        tuple(sorted({len(part) for part in last}, reverse=True)),
    )


def find(text: str, names: tuple[str, ...], language: str, covered: list[PhraseMatch]) -> list[PhraseMatch]:
    """Compound words of ``text`` that hold a part of one of ``names``, outside the ``covered`` spans."""
    parts = _parts(names, language)
    if not parts.first and not parts.last:
        return []
    spans = sorted(match.span for match in covered)
    found: list[PhraseMatch] = []
    index = 0
    for word in _WORD.finditer(lower(text)):
        start, end = word.span()
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        if index < len(spans) and spans[index][0] < end:
            continue  # a phrase already says what this word is about
        hit = parts.list_of(word.group())
        if hit is not None:
            found.append(PhraseMatch((start, end), hit[1], language, hit[0]))
    return found
