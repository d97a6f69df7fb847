"""Which of the project's languages a text is written in (lingua, models preloaded once).

Quoted passages, product titles, URLs, addresses and numbers are removed first,
so a Swedish message that quotes an English product name stays Swedish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from parley.policy.context import LANGUAGES

_SAMPLE = 400
_MIN_LETTERS = 12
_QUOTED = re.compile(
    r"\"[^\"\n]{0,200}\"|“[^”\n]{0,200}”|„[^“”\n]{0,200}[“”]|«[^»\n]{0,200}»|「[^」\n]{0,200}」|『[^』\n]{0,200}』"
)
_NOISE = re.compile(
    r"\S+@\S+|(?:https?://|www\.)\S+|[\w.-]+\.(?:com|se|nl|de|jp|cn|fr|es|it|pl|co\.uk)\S*|\d[\d\s.,:/-]*"
)


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    confidence: float


@cache
def _detector() -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


def clean(text: str, ignore: Iterable[str] = ()) -> str:
    """The text without quotes, product titles, links, addresses and numbers."""
    for phrase in ignore:
        if phrase:
            text = text.replace(phrase, " ")
    text = _QUOTED.sub(" ", text[: _SAMPLE * 2])
    return _NOISE.sub(" ", text)[:_SAMPLE]


def identify(text: str, ignore: Iterable[str] = ()) -> LanguageGuess | None:
    """The most likely language, or None when there are too few letters to tell."""
    sample = clean(text, ignore)
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS and not any(ord(ch) > 0x2E80 for ch in sample):
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return LanguageGuess(code, float(best.value))
