"""Misspelt words found with a word-frequency dictionary: typos of frequent words, never rare words.

The dictionaries are wordfreq's "large" frequency lists (the PyPI package ``wordfreq``: code under
Apache-2.0, data under CC BY-SA 4.0, shipped inside the wheel, so nothing is downloaded at run time).
A list names every word seen at least once per billion words, with its frequency on the Zipf scale
(6 is "the", 3 is one per million words, 1 is one per billion).

A frequency list also holds frequent misspellings ("recieved" is 2.75 in English) and every rare
word, so a word is judged a misspelling only when all of these hold:

* it is rare: below ``KNOWN_ZIPF`` in its language, and, outside English, in English too (loanwords
  such as "tracking" or "feedback");
* it is not a compound of known words (German, Swedish, Dutch: "leveransförseningen");
* it is not an Italian or Spanish verb with pronouns attached (``arrivarle``, ``enviarlo``);
* a frequent word (``FREQUENT_ZIPF`` or more; ``FREQUENT_LONG_ZIPF`` for words of eight letters or
  more) is one slip from it: a letter missing, extra or wrong, or two neighbours swapped, but not
  in the first letter (a different first letter is mostly a prefix: ``avbeställer``, ``zlecimy``);
* no such frequent word differs from it only in its ending (``przesyłkom`` is a rare but correct
  case of ``przesyłka``, not a typo of ``przesyłkę``), and no known word differs from it only in
  accents (``envio`` for ``envío``, ``wyslane`` for ``wysłane`` are informal, not egregious).

Two slips (``tommorow``) are not looked for: among real words, a frequent word two edits away is
mostly a relative (``reembolsado``, ``reembolso``), not the word meant.

Which words are looked at at all (lower case, five letters or more, not in a link or a product
title) is the caller's business: see ``detectors/spelling.py``.

How it stays fast: a language's list is read once, on first use (about 0.1-0.25 s), into a dict
of the words at ``KNOWN_ZIPF`` or more and their frequencies; most words of a message are found
there in one lookup. Only a rare lower-case word is compared with its neighbours, every string one
slip away (some 600 for a ten-letter word), in a fraction of a millisecond, and the verdict is
cached per word. The first version kept a "symmetric delete" index instead, which answers in a few
dozen lookups but takes seconds and some 40 MB per language to build.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

LANGUAGES = ("en", "sv", "nl", "de", "fr", "es", "it", "pl")
"""The languages with a dictionary. Japanese and Chinese are written without spaces and typed
through an input method that only offers real words, so "a rare string near a frequent word" does
not describe their errors; they are left out."""

KNOWN_ZIPF = 2.0
"""A word at least this frequent (one in ten million words) is taken to be a word."""
LOANWORD_ZIPF = 2.5
"""Outside English, a word at least this frequent in English is a loanword, not a misspelling."""
FREQUENT_ZIPF = 3.5
"""Only words at least this frequent (about 30 times as frequent as any word taken to be rare) are
offered as the word that was meant."""
FREQUENT_LONG_ZIPF = 3.0
"""The same for words of ``LONG_WORD`` letters or more, whose slips are less ambiguous."""
MIN_LENGTH = 5
LONG_WORD = 8
PART_ZIPF = 2.5
"""How frequent each part of a compound must be."""
MIN_HEAD = 3
MIN_TAIL = 4
ENDINGS = {"en": 2}
"""How many final letters may differ between two forms of one word (three outside English): a word
that differs from a frequent word only there is taken to be a rare form of it, not a typo."""
LINKS = {
    "de": ("", "s", "es", "n", "en", "er", "e"),
    "sv": ("", "s", "a", "u", "e", "o"),
    "nl": ("", "s", "e", "en"),
}
"""Compounding languages, with the letters that may join two parts (Liebe-s-brief, gat-u-kök)."""
CLITICS = {
    "it": (
        "glielo",
        "gliela",
        "glieli",
        "gliele",
        "gliene",
        "gli",
        "la",
        "le",
        "lo",
        "li",
        "ne",
        "mi",
        "ti",
        "ci",
        "vi",
        "si",
    ),
    "es": ("selo", "sela", "selos", "selas", "les", "las", "los", "le", "la", "lo", "me", "te", "se", "nos"),
}
"""Pronouns that Italian and Spanish write onto a verb: spedirlo, enviarle."""


@dataclass(frozen=True, slots=True)
class Dictionary:
    language: str
    known: dict[str, float]
    """The frequency of each word at ``KNOWN_ZIPF`` or more; rarer words are not kept."""
    alphabet: str
    """The letters of the language's frequent words."""

    def zipf(self, word: str) -> float:
        return self.known.get(word, 0.0)

    def frequent(self, word: str) -> bool:
        """Whether ``word`` may be offered as the word meant."""
        return self.known.get(word, 0.0) >= (FREQUENT_LONG_ZIPF if len(word) >= LONG_WORD else FREQUENT_ZIPF)


def _edits(word: str, alphabet: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away from ``word``."""
    found = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            found.add(head + tail[1:])
            found.update(head + letter + tail[1:] for letter in alphabet)
            if len(tail) > 1:
                found.add(head + tail[1] + tail[0] + tail[2:])
        found.update(head + letter + tail for letter in alphabet)
    found.discard(word)
    return found


@cache
def dictionary(language: str) -> Dictionary | None:
    """The dictionary of ``language``, read on first use; None for a language without one."""
    if language not in LANGUAGES:
        return None
    import wordfreq

    path = wordfreq.available_languages("large").get(language)
    if path is None:  # pragma: no cover - every covered language has a large list
        return None
    # Bucket i holds the words whose frequency is 10 ** (-i / 100): Zipf 9 - i / 100.
    buckets: list[list[str]] = wordfreq.read_cBpack(path)
    known: dict[str, float] = {}
    letters: Counter[str] = Counter()
    for i, bucket in enumerate(buckets):
        zipf = 9 - i / 100
        if zipf < KNOWN_ZIPF:
            break
        known.update(dict.fromkeys(bucket, zipf))
        if zipf >= FREQUENT_ZIPF:
            letters.update("".join(bucket))
    alphabet = "".join(sorted(letter for letter, count in letters.items() if letter.isalpha() and count >= 50))
    return Dictionary(language, known, alphabet)


_BARE = str.maketrans({"ł": "l", "ø": "o", "đ": "d"})


def _unaccented(word: str) -> str:
    bare = "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.combining(char))
    return bare.translate(_BARE)


def _clitic(language: str, entry: Dictionary, word: str) -> bool:
    """Whether ``word`` is a verb with pronouns attached (arrivarle, saldarla, enviarle): Italian, Spanish."""
    for suffix in CLITICS.get(language, ()):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if len(stem) >= MIN_HEAD and (stem in entry.known or (language == "it" and stem + "e" in entry.known)):
                return True
    return False


def _inflection(language: str, word: str, other: str) -> bool:
    """Whether the two words have different endings: likely two forms of one word (przesyłk-om, -ę).

    They differ only in their last few letters, the last one included: a slip inside the ending
    that keeps its last letter (remboursemnt) is still a typo.
    """
    if word[-1] == other[-1]:
        return False
    common = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(len(word), len(other)) - ENDINGS.get(language, 3)


def _undoubled(word: str) -> str:
    return "".join(char for i, char in enumerate(word) if not i or char != word[i - 1])


def _compound(entry: Dictionary, word: str, depth: int = 0) -> bool:
    """Whether ``word`` is known parts joined (with a linking letter or two): leverans-förseningen."""
    links = LINKS.get(entry.language)
    if not links or depth > 2:
        return False
    for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        head = word[:cut]
        if any(
            head.endswith(link) and cut - len(link) >= MIN_HEAD and _part(entry, head[: cut - len(link)])
            for link in links
        ):
            tail = word[cut:]
            if _part(entry, tail) or _compound(entry, tail, depth + 1):
                return True
    return False


def _part(entry: Dictionary, word: str) -> bool:
    """Whether ``word`` can be part of a compound: frequent, and not merely English in the list (lung)."""
    zipf = entry.zipf(word)
    if zipf < PART_ZIPF:
        return False
    english = dictionary("en")
    return english is None or zipf > english.zipf(word) - 1.0


def is_known(language: str, word: str) -> bool:
    """Whether the lower-case ``word`` is a word of ``language`` (or a loanword, or a compound)."""
    entry = dictionary(language)
    if entry is None:
        return True
    return word in entry.known or _excused(entry, word)


def _excused(entry: Dictionary, word: str) -> bool:
    if entry.language != "en":
        english = dictionary("en")
        if english is not None and english.zipf(word) >= LOANWORD_ZIPF:
            return True
    return _compound(entry, word)


@lru_cache(maxsize=65536)
def correction(language: str, word: str) -> str | None:
    """The frequent word that the lower-case ``word`` misspells, or None when it is not a misspelling."""
    entry = dictionary(language)
    if entry is None or len(word) < MIN_LENGTH or word in entry.known:
        return None
    key = word.casefold()  # the lists are case-folded: "straße" is listed as "strasse"
    if key != word and (key in entry.known or len(key) != len(word)):
        return None
    if _clitic(language, entry, key) or _excused(entry, key):
        return None
    near = _edits(key, entry.alphabet) & entry.known.keys()
    # A slip in the first letter is rare; a different first letter is mostly a prefix (av-beställer).
    candidates = [edit for edit in near if edit[0] == key[0] and entry.frequent(edit)]
    if not candidates:
        return None
    bare = _unaccented(key)
    if any(_unaccented(edit) == bare for edit in near):
        return None  # the word without an accent it needs (calificaras, wyslane): informal, not egregious
    # A doubled or undoubled letter (shiped, untill) is the likelier slip among equals.
    ranked = sorted(
        (_undoubled(key) != _undoubled(candidate), -entry.known[candidate], candidate) for candidate in candidates
    )
    if any(_inflection(language, key, candidate) for _, _, candidate in ranked):
        return None  # as near to another form of a frequent word: likely a rare form of it
    return ranked[0][2]
