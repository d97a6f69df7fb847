"""Emoji, emoticons and kaomoji in visible text (G-STYLE-EMOJI).

* **Emoji** are whatever the ``emoji`` package recognises, with ZWJ
  sequences, skin tones, flags and keycaps as one match each. Symbols that
  Unicode lists as emoji but shows as plain text by default (``©``, ``™``,
  arrows, ``✔``) count only with the emoji variation selector U+FE0F; they
  are in ``lexicons/common/typographic_symbols.txt``. ``✓`` and ``★`` are
  typography, not emoji, and are never found; ``♥`` and ``☺`` are emoji.
* **Emoticons** (``:-)``, ``;)``, ``<3``) and **kaomoji** (``^_^``,
  ``(╯°□°）╯︵ ┻━┻``) come from ``emoticons.txt`` and ``kaomoji.txt``, plus a
  pattern for parenthesised faces built from ``kaomoji_parts.txt``.

An emoticon must stand apart from the words around it, which is what keeps
``Re:Order``, ``12:30``, ``http://``, ``C:\\`` and ``:Paketet`` out.

The ``emoji`` package walks text one character at a time in Python, so it
only ever sees the short runs of candidate characters a regex finds first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

import emoji as emoji_data

from parley.policy import lexicons
from parley.policy.parts import Span

Kind = Literal["emoji", "emoticon", "kaomoji"]

_VS16 = "\ufe0f"
_VS15 = "\ufe0e"
_KEYCAP_BASES = "#*0123456789"
_REPEAT_LIMIT = 16
# Letters and digits of the scripts that separate words with spaces.
_LATIN_WORD = re.compile(r"[0-9A-Za-z_\u00c0-\u024f\u0370-\u04ff]")
# An emoticon may follow these (besides whitespace, start of text and any
# character from U+2000 on, which covers CJK text and emoji).
_OPENERS = frozenset("!?,;()[]{}\"'«»“”„‘’‚")
_CLOSERS = frozenset("!?.,;:()[]{}\"'«»“”„‘’")
_SENTENCE_END = re.compile(r"[ \t]{0,8}(?:\r?\n|$|[!?.,;)\]]|[^\x00-\u1fff])")


@dataclass(frozen=True, slots=True)
class EmojiMatch:
    span: Span
    value: str
    kind: Kind
    pattern: str
    """The emoji's CLDR short name (``:thumbs_up:``) or the emoticon entry that matched."""


_Trie = dict[str, "_Trie"]


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: Kind
    line_end: bool


def find(text: str) -> list[EmojiMatch]:
    """Every emoji, emoticon and kaomoji in ``text``, in order, without overlaps."""
    candidates = [*_find_emoji(text), *_find_literals(text), *_find_faces(text)]
    if len(candidates) < 2:
        return candidates
    candidates.sort(key=lambda match: (match.span[0], -match.span[1]))
    kept: list[EmojiMatch] = []
    for match in candidates:
        if kept and match.span[0] < kept[-1].span[1]:
            continue
        kept.append(match)
    return kept


def is_only_emoji(text: str) -> bool:
    """True when ``text`` (an image's alt text, say) is nothing but emoji and spaces."""
    stripped = text.strip()
    if not stripped:
        return False
    matches = find(stripped)
    covered = sum(match.span[1] - match.span[0] for match in matches)
    return bool(matches) and covered == len("".join(stripped.split()))


# --- emoji -------------------------------------------------------------------


# A coarse superset of the code points that occur in emoji: a character class
# of a few ranges keeps the scan fast; ``emoji.analyze`` then decides.
_EMOJI_RUN = re.compile(
    "[\u00a9\u00ae\u200d\u203c\u2049\u20e3\u2122\u2139\u2194-\u2bff\u3030\u303d\u3297\u3299"
    "\ufe0e\ufe0f\U0001f000-\U0001faff\U000e0020-\U000e007f]+"
)


@cache
def _typographic() -> frozenset[str]:
    return frozenset(lexicons.load("common", "typographic_symbols"))


def _find_emoji(text: str) -> list[EmojiMatch]:
    found: list[EmojiMatch] = []
    typographic = _typographic()
    table = emoji_data.EMOJI_DATA
    for run in _EMOJI_RUN.finditer(text):
        start, end = run.span()
        if text[start] in (_VS16, "\u20e3") and start > 0 and text[start - 1] in _KEYCAP_BASES:
            start -= 1
        chunk = text[start:end]
        if chunk in table:  # the common case: one emoji standing alone
            if chunk not in typographic:
                found.append(EmojiMatch((start, end), chunk, "emoji", table[chunk].get("en", "emoji")))
            continue
        for token in emoji_data.analyze(chunk, non_emoji=False, join_emoji=True):
            match = token.value
            if not isinstance(match, emoji_data.EmojiMatch) or match.emoji in typographic:
                continue
            match_start, match_end = start + match.start, start + match.end
            while match_end < end and text[match_end] in (_VS15, _VS16):
                match_end += 1
            name = (match.data or {}).get("en") or "emoji sequence"
            found.append(EmojiMatch((match_start, match_end), text[match_start:match_end], "emoji", name))
    return found


# --- emoticons and kaomoji ---------------------------------------------------


@cache
def _entries() -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    lists: tuple[tuple[Kind, str], ...] = (("emoticon", "emoticons"), ("kaomoji", "kaomoji"))
    for kind, name in lists:
        for line in lexicons.load("common", name):
            value, _, flag = line.partition("\t")
            entries[value.strip()] = _Entry(kind, flag.strip() == "end")
    return entries


@cache
def _literal_pattern() -> re.Pattern[str]:
    return re.compile(_trie_regex(_entries()))


def _trie_regex(words: Iterable[str]) -> str:
    """One alternation for many literals, shaped as a trie so that matching never backtracks far."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _find_literals(text: str) -> list[EmojiMatch]:
    pattern = _literal_pattern()
    entries = _entries()
    found: list[EmojiMatch] = []
    position = 0
    length = len(text)
    while True:
        match = pattern.search(text, position)
        if match is None:
            return found
        start, end = match.span()
        literal = match.group()
        entry = entries.get(literal)
        if entry is None or start == end:
            position = start + 1
            continue
        if entry.kind == "emoticon":
            last = literal[-1]
            limit = min(length, end + _REPEAT_LIMIT)
            while end < limit and text[end] == last:
                end += 1
        if _stands_apart(text, start, end, literal, entry):
            found.append(EmojiMatch((start, end), text[start:end], entry.kind, literal))
            position = end
        else:
            position = start + 1


def _stands_apart(text: str, start: int, end: int, literal: str, entry: _Entry) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if entry.kind == "emoticon":
        if before and not (before.isspace() or before in _OPENERS or before >= "\u2000"):
            return False
        if after and not (after.isspace() or after in _CLOSERS or after >= "\u2000"):
            return False
        return not entry.line_end or _SENTENCE_END.match(text, end) is not None
    first, last = literal[0], literal[-1]
    if before:
        if _LATIN_WORD.match(first):
            if _LATIN_WORD.match(before):
                return False
        elif before.isdigit() or before == first:
            return False
    if after:
        if _LATIN_WORD.match(last):
            if _LATIN_WORD.match(after):
                return False
        elif after.isdigit() or after == last:
            return False
    return True


@dataclass(frozen=True, slots=True)
class _Faces:
    pattern: re.Pattern[str]
    arms_left: frozenset[str]
    arms_right: frozenset[str]


@cache
def _faces() -> _Faces:
    parts: dict[str, str] = {}
    for line in lexicons.load("common", "kaomoji_parts"):
        name, _, characters = line.partition(" ")
        parts[name] = characters.replace(" ", "")
    eye = "[" + "".join(re.escape(char) for char in parts["eye"]) + "]"
    mouth = "[" + "".join(re.escape(char) for char in parts["mouth"]) + "]"
    pattern = re.compile(f"[(（]{mouth}{{0,3}}(?:{eye}{mouth}{{0,3}}){{2,4}}[)）]")
    return _Faces(pattern, frozenset(parts["arm_left"]), frozenset(parts["arm_right"]))


def _find_faces(text: str) -> list[EmojiMatch]:
    if "(" not in text and "（" not in text:
        return []
    faces = _faces()
    found = []
    for match in faces.pattern.finditer(text):
        start, end = match.span()
        if start > 0 and text[start - 1] in faces.arms_left:
            start -= 1
        if end < len(text) and text[end] in faces.arms_right:
            end += 1
        found.append(EmojiMatch((start, end), text[start:end], "kaomoji", "(eye…eye)"))
    return found
