"""What each sentence of a message does: greet, thank, offer help, confirm an order, or say something.

A sentence is judged after the phrases that carry no purpose are taken out of it (thanks,
greetings, sign-offs, "we are here if you need anything", pleasantries) together with order
confirmations, order IDs and numbers. What is left decides:

* a purpose term (a delay, a refund, a question, a photo, an address ...) or a question mark
  next to real words makes it ``substance``;
* so do three or more content words: words that are neither filler (``filler_words``), nor
  capitalised inside the sentence (names, shops, carriers), nor numbers;
* otherwise it is ``confirmation`` if it confirmed an order or shipment, ``phatic`` if it
  thanked, greeted or offered help, and ``empty`` if nothing at all was said (an order ID line).

Lists per language: ``thanks``, ``availability``, ``greetings``, ``sign_offs``, ``pleasantries``,
``confirmations``, ``purpose_terms`` and ``filler_words``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from parley.policy import lexicons
from parley.policy.detectors import order_ids
from parley.policy.detectors.phrase_patterns import PhraseMatch, find, is_cjk, sentences_of
from parley.policy.parts import Span

Role = Literal["substance", "confirmation", "phatic", "empty"]

PHATIC_LISTS = ("thanks", "availability", "greetings", "sign_offs", "pleasantries")
CONFIRMATION_LISTS = ("confirmations",)
_CONTENT_WORDS = 3
_SIGNATURE_LINE = 60
# Characters of whole sentences judged at a time: most messages show a purpose in their first lines.
_FIRST_CHUNK = 256
_LAST_CHUNK = 8192
_LONGEST = 400  # no phrase match is longer than this
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class SentenceRole:
    span: Span
    role: Role
    phrases: tuple[PhraseMatch, ...]
    """The thanks, greeting, help or confirmation phrases found in the sentence."""
    content_words: tuple[str, ...]
    """What was left that counts as saying something."""
    purpose: PhraseMatch | None = None
    """The purpose term that made the sentence substantive, if one did."""


@cache
def _filler(languages: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for language in languages:
        words.update(entry.lower() for entry in lexicons.load(language, "filler_words"))
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class Summary:
    """What a whole message does, as far as the rules need it."""

    substance: SentenceRole | None
    """The first sentence with a purpose of its own; None if there is none."""
    saying: tuple[SentenceRole, PhraseMatch] | None
    """The first sentence that thanks, offers help or says something friendly, and the phrase."""
    confirmation: tuple[SentenceRole, PhraseMatch] | None
    """The first sentence that confirms the order or its shipment, and the phrase."""


SAYING_LISTS = ("thanks", "availability", "pleasantries")


def summarise(text: str, languages: tuple[str, ...], marketplace: str = "") -> Summary:
    """Read sentences until one has a purpose: enough to tell thanks-only and confirmation-only messages."""
    saying = confirmation = None
    for role in iter_roles(text, languages, marketplace):
        if role.role == "substance":
            return Summary(role, saying, confirmation)
        for match in role.phrases:
            if saying is None and match.list in SAYING_LISTS:
                saying = (role, match)
            if confirmation is None and role.role == "confirmation" and match.list in CONFIRMATION_LISTS:
                confirmation = (role, match)
    return Summary(None, saying, confirmation)


def classify(text: str, languages: tuple[str, ...], marketplace: str = "") -> tuple[SentenceRole, ...]:
    """The role of each sentence of ``text``, in order."""
    return tuple(iter_roles(text, languages, marketplace))


def iter_roles(text: str, languages: tuple[str, ...], marketplace: str = "") -> Iterator[SentenceRole]:
    """The role of each sentence of ``text``, in order, computed as they are asked for.

    The text is read in chunks of whole sentences, so a long message whose first sentences
    already have a purpose costs no more than a short one.
    """
    spans = sentences_of(text).spans
    first = 0
    size = _FIRST_CHUNK
    while first < len(spans):
        last = first
        while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= size:
            last += 1
        size = min(size * 2, _LAST_CHUNK)
        offset, stop = spans[first][0], spans[last][1]
        chunk = [(start - offset, end - offset) for start, end in spans[first : last + 1]]
        for role in _roles(text[offset:stop], chunk, languages, marketplace):
            start, end = role.span
            yield SentenceRole(
                (start + offset, end + offset),
                role.role,
                tuple(m._replace(span=(m.span[0] + offset, m.span[1] + offset)) for m in role.phrases),
                role.content_words,
                role.purpose._replace(span=(role.purpose.span[0] + offset, role.purpose.span[1] + offset))
                if role.purpose
                else None,
            )
        first = last + 1


def _roles(text: str, spans: list[Span], languages: tuple[str, ...], marketplace: str) -> Iterator[SentenceRole]:
    phrases = find(text, PHATIC_LISTS + CONFIRMATION_LISTS, languages, marketplace)
    purposes = find(text, "purpose_terms", languages, marketplace)
    removed = sorted([m.span for m in phrases] + [m.span for m in order_ids.find(text)])
    removed_starts = [a for a, _ in removed]
    phrase_starts = [m.span[0] for m in phrases]
    purpose_starts = [m.span[0] for m in purposes]
    filler = _filler(languages)
    # A capital inside a sentence marks a name (a shop, a carrier), except in German, which
    # capitalises every noun: there only the filler list tells content from form.
    capitals_are_names = languages != ("de",)
    signed = False
    for start, end in spans:
        inside = phrases[bisect_left(phrase_starts, start) : bisect_left(phrase_starts, end)]
        nearby = removed[bisect_left(removed_starts, start - _LONGEST) : bisect_left(removed_starts, end)]
        cut = [(max(a, start), min(b, end)) for a, b in nearby if a < end and b > start]
        leftover = _blank(text, start, end, cut)
        candidates = purposes[bisect_left(purpose_starts, start) : bisect_left(purpose_starts, end)]
        purpose = next((m for m in candidates if not any(a <= m.span[0] < b for a, b in cut)), None)
        content = _content_words(leftover, filler, capitals_are_names=capitals_are_names)
        question = "?" in leftover or "？" in leftover
        role: Role
        if signed and purpose is None and not question and end - start <= _SIGNATURE_LINE:
            # After "Best regards" come the sender's name and shop: in scripts without capitals
            # (Japanese, Chinese) they would otherwise count as content words.
            yield SentenceRole((start, end), "empty", inside, (), None)
            continue
        signed = signed or any(m.list == "sign_offs" for m in inside)
        if purpose is not None or len(content) >= _CONTENT_WORDS or (question and content):
            role = "substance"
        elif any(m.list in CONFIRMATION_LISTS for m in inside):
            role = "confirmation"
        elif inside or content:
            role = "phatic"
        else:
            role = "empty"
        yield SentenceRole((start, end), role, inside, tuple(content), purpose)


def _blank(text: str, start: int, end: int, cut: list[Span]) -> str:
    """``text[start:end]`` with the ``cut`` spans replaced by spaces."""
    chars = list(text[start:end])
    for a, b in cut:
        chars[a - start : b - start] = " " * (b - a)
    return "".join(chars)


def _content_words(leftover: str, filler: frozenset[str], *, capitals_are_names: bool = True) -> list[str]:
    words = []
    for index, word in enumerate(_tokens(leftover, filler)):
        if (capitals_are_names and index and word[0].isupper()) or not word.isalpha() or word.lower() in filler:
            continue
        words.append(word)
        if len(words) >= _CONTENT_WORDS:
            break
    return words


def _tokens(leftover: str, filler: frozenset[str]) -> Iterator[str]:
    """Words of the leftover; a run of CJK characters, written without spaces, is cut into pairs
    after its filler words (particles, ``です``) are taken out, since a pair of characters is
    about one word of those languages."""
    for token in _TOKEN.findall(leftover):
        if not is_cjk(token[0]):
            yield token
            continue
        rest = token
        for word in sorted((w for w in filler if w and is_cjk(w[0]) and w in token), key=len, reverse=True):
            rest = rest.replace(word, " ")
        for piece in rest.split():
            for start in range(0, len(piece) - 1, 2):
                yield piece[start : start + 2]
