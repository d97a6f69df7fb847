"""Lexicon phrases with a small pattern syntax, found in time linear in the text.

A lexicon is ``lexicons/<lang>/<name>.txt`` (or ``lexicons/common/<name>.txt``), one
entry per line. Entries are matched case-insensitively, as whole words. Within an entry:

====================  ==========================================================================
``a b``               words in a row; the space stands for one to eight characters of white space
                      or punctuation other than ``. ! ?`` (none needed between CJK characters)
``(a|b c)``           one of the alternatives; each may hold several words
``(us)?`` ``(us )?``  an optional part: ``leave (us)? a review`` matches with or without "us"
``colou?r``           the character before ``?`` is optional: color, colour
``review*``           the word goes on for up to eight letters: reviews, reviewed, reviewing
``~N``                up to N (1-9) other words in between, in the same sentence: ``leave ~3
                      review`` matches "leave us a quick review" (up to 3N characters in CJK)
``...``               the same as ``~4``
``5-star``            ``-`` matches a hyphen, a dash, a space or nothing: 5-star, 5 star, 5star
``don't``             ``'`` matches any apostrophe, or none: don't, don’t, dont
``10 %``, ``%``       ``%`` may follow a number with or without a space
``<num>``             a number: 10, 9.99, 1,5
``<amount>``          a sum of money: $10, 10 €, 10 EUR, £5
``<iban>``            an IBAN: SE45 5000 0000 0583 9825 7466
``{marketplace}``     the marketplace's name (Amazon)
``\\x``               the character x itself, even when it is one of ``( ) | ? * ~ < - ' \\``
====================  ==========================================================================

How it stays fast: the text's words are indexed once (word -> positions, shared by every list
searched in the same text). Each entry is keyed by its first word (leading alternatives are spelt
out), and what follows the key is a small regex tried only where that word starts; entries that
start with a placeholder are tried where a number (or, for ``<iban>``, a country code) starts.
CJK entries, which have no word boundaries, form one regex per list, run only on texts with CJK
characters. Gaps and repetitions are bounded, so no regex backtracks without limit. When matches
overlap, the leftmost wins, then the longest. Each match names the entry that matched, as
written in the lexicon, and the list it comes from.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import NamedTuple, Protocol

from parley.policy import lexicons
from parley.policy.context import LANGUAGES
from parley.policy.parts import Span

COMMON = "common"

_CJK_RANGES = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_STOPS = ".!?。！？"
# A word character of a script written with spaces; the index's words are runs of these.
_LATIN_WORD = r"[^\W" + _CJK_RANGES + "]"
_LATIN_TOKEN = re.compile(_LATIN_WORD + "+")
# Letters and digits of space-separated scripts in lower-cased text. A small class on purpose:
# classes that span CJK ranges take milliseconds each to compile, and there is one per entry.
_LOWER_WORD = r"[0-9_a-z\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u052f]"
_WORD_BEFORE = r"(?<!" + _LOWER_WORD + ")"
_NOT_WORD_AFTER = r"(?!" + _LOWER_WORD + ")"
_SEP = r"[^\w.!?]{1,8}"
_CJK_SEP = r"\s{0,8}"
_GAP_WORD = r"\w{1,30}"
_STAR = r"\w{0,8}"
# Countries that issue IBANs (ISO 13616 registry): courier numbers such as SF1234567890123 (SF
# Express) have the same shape but no such country code.
IBAN_COUNTRIES = (
    "ad",
    "ae",
    "al",
    "at",
    "az",
    "ba",
    "be",
    "bg",
    "bh",
    "bi",
    "br",
    "by",
    "ch",
    "cr",
    "cy",
    "cz",
    "de",
    "dj",
    "dk",
    "do",
    "ee",
    "eg",
    "es",
    "fi",
    "fk",
    "fo",
    "fr",
    "gb",
    "ge",
    "gi",
    "gl",
    "gr",
    "gt",
    "hr",
    "hu",
    "ie",
    "il",
    "iq",
    "is",
    "it",
    "jo",
    "kw",
    "kz",
    "lb",
    "lc",
    "li",
    "lt",
    "lu",
    "lv",
    "ly",
    "mc",
    "md",
    "me",
    "mk",
    "mn",
    "mr",
    "mt",
    "mu",
    "ni",
    "nl",
    "no",
    "om",
    "pk",
    "pl",
    "ps",
    "pt",
    "qa",
    "ro",
    "rs",
    "ru",
    "sa",
    "sc",
    "sd",
    "se",
    "si",
    "sk",
    "sm",
    "so",
    "st",
    "sv",
    "tl",
    "tn",
    "tr",
    "ua",
    "va",
    "vg",
    "xk",
    "ye",
)
_PLACEHOLDERS = {
    "num": r"\d{1,7}(?:[.,]\d{1,3})?",
    "amount": (
        r"(?:[$€£¥]\s?\d{1,7}(?:[.,]\d{1,3})?|\d{1,7}(?:[.,]\d{1,3})?\s?"
        r"(?:[$€£¥]|kr|zł|usd|eur|gbp|sek|pln|jpy|cny|rmb)" + _NOT_WORD_AFTER + ")"
    ),
    "iban": r"(?:" + "|".join(IBAN_COUNTRIES) + r")\d{2}(?:\s?[a-z0-9]{4}){2,7}(?:\s?\d{1,3})?",
}
_MAX_EXPANSIONS = 64
_MIN_PREFIX = 3
_JOINERS = (("lit", "-"), ("lit", "'"), ("lit", "’"), ("lit", "ʼ"))
_CURRENCY_SIGNS = "$€£¥"
_IBAN_START = re.compile(r"(?:" + "|".join(IBAN_COUNTRIES) + r")\d{2}")
_SMALL_TEXT = 65536


class PatternError(ValueError):
    """A lexicon entry that is not valid pattern syntax."""


class PhraseMatch(NamedTuple):
    span: Span
    """Where the phrase is in the text."""
    entry: str
    """The lexicon entry that matched, as written in the lexicon."""
    language: str
    """The language of the lexicon the entry comes from (``common`` for shared lists)."""
    list: str
    """The lexicon's name."""


# --- parsing -------------------------------------------------------------------------------
# An entry parses into alternatives; an alternative is a sequence of items separated by spaces;
# an item is a sequence of atoms written without spaces: ("lit", char), ("group", alts, optional),
# ("star",), ("ph", name) or, as an item of its own, ("gap", n).

Atom = tuple
Item = list[Atom]
Seq = list[Item]
Alts = list[Seq]


def is_cjk(char: str) -> bool:
    """Han, kana, hangul and full-width forms: scripts written without spaces between words."""
    return "\u2e80" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uf900" <= char <= "\uffef"


def lower(text: str) -> str:
    """``text.lower()``, keeping the length so that offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _normalise(entry: str) -> str:
    entry = re.sub(r"\s+", " ", entry.strip())
    # "(us )?a" means "(us)? a": move spaces out of group edges so that they separate items.
    entry = re.sub(r"(?<!\\)\s+\)(\??)", r")\1 ", entry)
    entry = re.sub(r"(?<!\\)\(\s+", " (", entry)
    return entry.replace(" ... ", " ~4 ").strip()


class _Parser:
    def __init__(self, entry: str) -> None:
        self.text = entry
        self.pos = 0

    def fail(self, problem: str) -> PatternError:
        return PatternError(f"{problem} at {self.pos} in {self.text!r}")

    def parse(self) -> Alts:
        alts = self.alternatives()
        if self.pos != len(self.text):
            raise self.fail("unbalanced ')'")
        return alts

    def alternatives(self) -> Alts:
        alts = [self.sequence()]
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            self.pos += 1
            alts.append(self.sequence())
        return alts

    def sequence(self) -> Seq:
        items: Seq = []
        current: Item = []
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in "|)":
                break
            if char == " ":
                if current:
                    items.append(current)
                    current = []
                self.pos += 1
                continue
            if char == "?" and current and current[-1][0] == "lit":
                current[-1] = ("group", [[[current[-1]]]], True)
                self.pos += 1
                continue
            if char == "~" and not current:
                match = re.compile(r"~([1-9])(?= |$|\||\))").match(text, self.pos)
                if not match:
                    raise self.fail("'~' needs a digit 1-9 and a space after it")
                items.append([("gap", int(match.group(1)))])
                self.pos = match.end()
                continue
            current.append(self.atom())
        if current:
            items.append(current)
        if not items:
            raise self.fail("empty alternative")
        if items[0][0][0] == "gap":
            raise self.fail("a gap cannot start a phrase")
        return items

    def atom(self) -> Atom:
        text = self.text
        char = text[self.pos]
        self.pos += 1
        if char == "\\":
            if self.pos >= len(text):
                raise self.fail("'\\' at the end")
            self.pos += 1
            return ("lit", text[self.pos - 1])
        if char == "(":
            alts = self.alternatives()
            if self.pos >= len(text) or text[self.pos] != ")":
                raise self.fail("unclosed '('")
            self.pos += 1
            optional = self.pos < len(text) and text[self.pos] == "?"
            if optional:
                self.pos += 1
            return ("group", alts, optional)
        if char == "*":
            return ("star",)
        if char == "<":
            end = text.find(">", self.pos)
            name = text[self.pos : end] if end > 0 else ""
            if name not in _PLACEHOLDERS:
                raise self.fail(f"unknown placeholder <{name}>")
            self.pos = end + 1
            return ("ph", name)
        if char in "?~":
            raise self.fail(f"unexpected {char!r}")
        return ("lit", char)


# --- compiling -----------------------------------------------------------------------------


def _literal(char: str) -> str:
    if char == "-":
        return r"[-‐‑–—\s]?"
    if char in "'’ʼ":
        return "['’ʼ]?"
    if char == "%":
        return r"\s?%"
    return re.escape(char)


class _Compiler:
    def __init__(self, cjk: bool) -> None:
        self.sep = _CJK_SEP if cjk else _SEP
        self.cjk = cjk

    def gap(self, words: int) -> str:
        if self.cjk:
            return "[^\\s" + re.escape(_STOPS) + "]{0," + str(3 * words) + "}"
        return f"(?:{self.sep}{_GAP_WORD}){{0,{words}}}"

    def alts(self, alts: Alts) -> str:
        compiled = [self.seq(seq) for seq in alts]
        return compiled[0] if len(compiled) == 1 else "(?:" + "|".join(compiled) + ")"

    def seq(self, seq: Seq, need_sep: bool = False) -> str:
        out = []
        for item in seq:
            first = item[0]
            if first[0] == "gap":
                out.append(self.gap(first[1]))
                continue
            whole_optional = len(item) == 1 and first[0] == "group" and first[2]
            if whole_optional:
                inner = self.alts(first[1])
                out.append(f"(?:{self.sep}{inner})?" if need_sep else f"(?:{inner}{self.sep})?")
                continue
            if need_sep and all(atom[0] == "lit" and not atom[1].isalnum() for atom in item):
                # punctuation written as its own item ("tevreden ~3 \\?") may touch the word before it
                out.append(self.sep.replace("{1,", "{0,") + self.item(item))
            else:
                out.append((self.sep if need_sep else "") + self.item(item))
            need_sep = True
        return "".join(out)

    def item(self, item: Item) -> str:
        out = []
        for atom in item:
            kind = atom[0]
            if kind == "lit":
                out.append(_literal(atom[1]))
            elif kind == "group":
                out.append("(?:" + self.alts(atom[1]) + (")?" if atom[2] else ")"))
            elif kind == "star":
                out.append(_STAR)
            elif kind == "ph":
                out.append(_PLACEHOLDERS[atom[1]])
        return "".join(out)


def _expand_head(seq: Seq, budget: list[int]) -> list[Seq]:
    """Spell out alternatives at the start of ``seq`` so that each result starts with a literal."""
    head = seq[0][0]
    if head[0] != "group":
        return [seq]
    rest_of_item = seq[0][1:]
    variants: list[Seq] = []
    for alt in head[1]:
        variants.append([*alt[:-1], alt[-1] + rest_of_item, *seq[1:]])
    if head[2]:
        without = [rest_of_item, *seq[1:]] if rest_of_item else seq[1:]
        if not without or without[0][0][0] == "gap":
            return [seq]
        variants.append(without)
    budget[0] -= len(variants)
    if budget[0] < 0:
        return [seq]
    expanded: list[Seq] = []
    for variant in variants:
        expanded.extend(_expand_head(variant, budget))
    return expanded


def _split_key(seq: Seq) -> tuple[str, Item, Seq]:
    """The leading run of plain letters and digits (the key), the rest of its item, the other items."""
    first = seq[0]
    length = 0
    while length < len(first) and first[length][0] == "lit" and _plain(first[length][1]):
        length += 1
    return "".join(atom[1] for atom in first[:length]), first[length:], seq[1:]


def _plain(char: str) -> bool:
    return char.isalnum() or char == "_"


def _continues_word(rest_item: Item) -> bool:
    """Whether what follows the key may go on with letters, so the key is only a word's prefix."""
    if not rest_item:
        return False
    atom = rest_item[0]
    return not (atom[0] == "lit" and not _plain(atom[1]))


def _escape(literal: str) -> str:
    if not literal:
        return "\x00"  # matches nothing: an unknown marketplace name leaves its alternatives out
    return re.sub(r"([()|?*~<\\])", r"\\\1", literal)


def _ends_in_word(entry: str) -> bool:
    stripped = entry.rstrip(")?")
    if not stripped:
        return False
    last = stripped[-1]
    return last in "*>" or (last.isalnum() and not is_cjk(last)) or bool(re.search(r"~[1-9]$", stripped))


def compile_entry(entry: str, marketplace: str = "") -> str:
    """The regex for one entry, without the leading word-start check (for tests and tools)."""
    text = _normalise(lower(entry.replace("{marketplace}", _escape(marketplace))))
    alts = _Parser(text).parse()
    cjk = any(is_cjk(char) for char in text)
    regex = _Compiler(cjk).alts(alts)
    if not cjk and _ends_in_word(text):
        regex += _NOT_WORD_AFTER
    return regex


class _Trie:
    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.leaves: list[str] = []

    def add(self, key: str, regex: str) -> None:
        node = self
        for char in key:
            node = node.children.setdefault(char, _Trie())
        node.leaves.append(regex)

    def emit(self) -> str:
        branches = [re.escape(char) + child.emit() for char, child in sorted(self.children.items())]
        branches.extend(self.leaves)
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    def __bool__(self) -> bool:
        return bool(self.children or self.leaves)


@dataclass(frozen=True)
class Entry:
    """A lexicon line and where it comes from."""

    source: str
    language: str
    list: str


class WordIndex:
    """The lower-cased text and where each (Latin-script) word starts, built once per text."""

    def __init__(self, text: str) -> None:
        self.lowered = lower(text)
        self._positions: dict[str, list[int]] = {}
        self._placeholders: dict[str, list[int]] = {}
        self.short = len(text) <= _SMALL_TEXT
        if self.short:
            for match in _LATIN_TOKEN.finditer(self.lowered):
                self._positions.setdefault(match.group(), []).append(match.start())
            self.words = frozenset(self._positions)
            self._complete = True
        else:
            self.words = frozenset(_LATIN_TOKEN.findall(self.lowered))
            self._complete = False

    def positions(self, word: str) -> list[int]:
        """Where ``word`` occurs as a whole word."""
        found = self._positions.get(word)
        if found is None:
            if self._complete:
                return []
            # The key first, then the look-behind, so that the regex engine can search for the literal.
            pattern = re.compile(re.escape(word) + f"(?<!{_LOWER_WORD}(?s:.){{{len(word)}}}){_NOT_WORD_AFTER}")
            found = self._positions[word] = [m.start() for m in pattern.finditer(self.lowered)]
        return found

    def positions_of(self, words: Iterable[str]) -> dict[str, list[int]]:
        """Where each of ``words`` occurs: one pass over a long text, however many words are asked."""
        wanted = set(words)
        if self._complete or len(wanted) <= 2:
            return {word: self.positions(word) for word in wanted}
        found: dict[str, list[int]] = {word: [] for word in wanted}
        for match in _LATIN_TOKEN.finditer(self.lowered):
            if (token := match.group()) in found:
                found[token].append(match.start())
        self._positions.update(found)
        return found

    def token_count(self, letters_only: bool = True) -> int:
        """How many words the text has (runs of letters, with ``letters_only``)."""
        if self._complete:
            return sum(len(found) for word, found in self._positions.items() if not letters_only or word.isalpha())
        return sum(1 for match in _LATIN_TOKEN.finditer(self.lowered) if not letters_only or match.group().isalpha())

    @cached_property
    def by_prefix(self) -> dict[str, list[str]]:
        """The text's words of three or more letters, by their first three letters."""
        grouped: dict[str, list[str]] = {}
        for word in self.words:
            if len(word) >= _MIN_PREFIX:
                grouped.setdefault(word[:_MIN_PREFIX], []).append(word)
        return grouped

    @cached_property
    def prefixes(self) -> frozenset[str]:
        return frozenset(self.by_prefix)

    @cached_property
    def has_cjk(self) -> bool:
        return bool(self.lowered) and max(self.lowered) >= "\u2e80"

    def placeholder_positions(self, name: str) -> list[int]:
        """Where a placeholder (``num``, ``amount``, ``iban``) may start: number words, currency signs."""
        found = self._placeholders.get(name)
        if found is None:
            if name == "iban":
                words = [word for word in self.words if _IBAN_START.match(word)]
            else:
                words = [word for word in self.words if word[0].isdigit()]
            found = [position for word in words for position in self.positions(word)]
            if name == "amount":
                for sign in _CURRENCY_SIGNS:
                    position = self.lowered.find(sign)
                    while position >= 0:
                        found.append(position)
                        position = self.lowered.find(sign, position + 1)
            self._placeholders[name] = found
        return found


@lru_cache(maxsize=8)
def word_index(text: str) -> WordIndex:
    """The word index of ``text``, shared by every search in the same text."""
    return WordIndex(text)


class PhraseSet:
    """Compiled lexicon entries, searched with :meth:`find`."""

    def __init__(self, entries: Iterable[Entry], marketplace: str = "") -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        whole: dict[str, list[_Body]] = {}
        prefix: dict[str, list[_Body]] = {}
        placeholders: dict[str, list[_Body]] = {}
        scanned, cjk = _Trie(), _Trie()
        order = sorted(range(len(self.entries)), key=lambda i: -len(self.entries[i].source))
        for index in order:
            entry = self.entries[index]
            text = _normalise(lower(entry.source.replace("{marketplace}", _escape(marketplace))))
            try:
                alts = _Parser(text).parse()
            except PatternError as error:
                raise PatternError(f"lexicon {entry.language}/{entry.list}: {error}") from None
            is_cjk_entry = any(is_cjk(char) for char in text)
            compiler = _Compiler(is_cjk_entry)
            tail = "" if is_cjk_entry or not _ends_in_word(text) else _NOT_WORD_AFTER
            expanded = [s for alt in alts for s in _expand_head(alt, [_MAX_EXPANSIONS])]
            for variant, seq in enumerate(expanded):
                key, rest_item, items = _split_key(seq)
                marker = f"(?P<e{index}_{variant}>)"
                if is_cjk_entry:
                    rest = compiler.item(rest_item) + compiler.seq(items, need_sep=True) if key else compiler.seq(seq)
                    cjk.add(key, rest + marker)
                    continue
                continues = _continues_word(rest_item)
                head = seq[0][0]
                if not key and head[0] == "ph":
                    body = (compiler.seq(seq) + tail, index, _requirements(seq), 0)
                    placeholders.setdefault(head[1], []).append(body)
                    continue
                if not key or (continues and len(key) < _MIN_PREFIX):
                    scanned.add("", compiler.seq(seq) + tail + marker)
                    continue
                rest = compiler.item(rest_item) + compiler.seq(items, need_sep=True)
                body = (rest + tail, index, _requirements([rest_item, *items]), len(key))
                (prefix if continues else whole).setdefault(key, []).append(body)
                joined = _joined_key(key, rest_item)
                if joined:
                    # "5-star" also matches "5star" and "don't" "dont", which the text has as one word.
                    joined_continues = _continues_word(rest_item[len(joined) - len(key) + 1 :])
                    if not joined_continues:
                        whole.setdefault(joined, []).append(body)
                    elif len(joined) >= _MIN_PREFIX:
                        prefix.setdefault(joined, []).append(body)
        compiled: dict[str, re.Pattern[str]] = {}
        self._whole = {key: _compile_bodies(bodies, compiled) for key, bodies in whole.items()}
        self._whole_keys = frozenset(self._whole)
        self._prefix: dict[str, list[tuple[str, _Alternatives]]] = {}
        for key, bodies in prefix.items():
            self._prefix.setdefault(key[:_MIN_PREFIX], []).append((key, _compile_bodies(bodies, compiled)))
        self._prefix_keys = frozenset(self._prefix)
        self._placeholders = {name: _compile_bodies(bodies, compiled) for name, bodies in placeholders.items()}
        self._scanned = re.compile(_WORD_BEFORE + scanned.emit()) if scanned else None
        self._cjk = re.compile(cjk.emit()) if cjk else None

    @classmethod
    def of(cls, entries: Iterable[str], language: str = "", list: str = "", marketplace: str = "") -> PhraseSet:
        """A set from entries given directly rather than from a lexicon file."""
        return cls((Entry(entry, language, list) for entry in entries), lower(marketplace))

    def find(self, text: str) -> list[PhraseMatch]:
        """Every non-overlapping match, in order of position; the leftmost, then the longest, wins."""
        if not text or not self.entries:
            return []
        index = word_index(text)
        lowered = index.lowered
        found: list[_Found] = []
        words = index.words
        for key in self._whole_keys & words:
            if self._whole[key].possible(index):
                _match_at(self._whole[key], index, index.positions(key), found)
        if self._prefix_keys:
            by_prefix = index.by_prefix
            for first_letters in self._prefix_keys & index.prefixes:
                for key, alternatives in self._prefix[first_letters]:
                    if not alternatives.possible(index):
                        continue
                    for word in by_prefix[first_letters]:
                        if word.startswith(key):
                            _match_at(alternatives, index, index.positions(word), found)
        for name, alternatives in self._placeholders.items():
            if alternatives.possible(index):
                _match_at(alternatives, index, index.placeholder_positions(name), found)
        cjk = self._cjk if self._cjk is not None and index.has_cjk else None
        for pattern in (self._scanned, cjk):
            if pattern is not None:
                for m in pattern.finditer(lowered):
                    found.append((m.start(), -m.end(), int(str(m.lastgroup)[1:].partition("_")[0])))
        if not found:
            return []
        found.sort()
        matches: list[PhraseMatch] = []
        last_end = -1
        for start, negative_end, entry_index in found:
            if start >= last_end:
                entry = self.entries[entry_index]
                matches.append(PhraseMatch((start, -negative_end), entry.source, entry.language, entry.list))
                last_end = -negative_end
        return matches


# The regex for what follows the key, the entry, the words the text must have, the key's length.
_Body = tuple[str, int, tuple[frozenset[str], ...], int]
_Found = tuple[int, int, int]  # start, minus end (so that sorting puts the longest first), entry


class _Alternatives(NamedTuple):
    """The entries that start with one key: each is tried where the key is, and the longest wins."""

    rests: tuple[tuple[re.Pattern[str], int, int], ...]  # regex after the key, entry, key length
    needs: tuple[tuple[frozenset[str], ...], ...]

    def possible(self, index: WordIndex) -> bool:
        """Whether some alternative can match a long text with these words: skips hopeless work.

        Short texts are simply tried: checking would cost more than it saves.
        """
        if index.short:
            return True
        words = index.words
        return any(all(not need.isdisjoint(words) for need in needs) for needs in self.needs)


def _compile_bodies(bodies: list[_Body], compiled: dict[str, re.Pattern[str]]) -> _Alternatives:
    rests = []
    for regex, entry, _, key_length in bodies:
        if regex not in compiled:
            # Expanded alternatives share what follows their first word: compile it once.
            compiled[regex] = re.compile(regex)
        rests.append((compiled[regex], entry, key_length))
    return _Alternatives(tuple(rests), tuple(body[2] for body in bodies))


def _match_at(alternatives: _Alternatives, index: WordIndex, positions: list[int], found: list[_Found]) -> None:
    lowered = index.lowered
    for rest, entry, key_length in alternatives.rests:
        for position in positions:
            match = rest.match(lowered, position + key_length)
            if match is not None:
                found.append((position, -match.end(), entry))


def _requirements(items: Seq) -> tuple[frozenset[str], ...]:
    """For each required item that is a plain word or a choice of them: the words it may be."""
    needs = []
    for item in items:
        words = _item_words(item)
        if words:
            needs.append(words)
    return tuple(needs)


def _item_words(item: Item) -> frozenset[str] | None:
    if item and all(atom[0] == "lit" and _plain(atom[1]) for atom in item):
        return frozenset({"".join(atom[1] for atom in item)})
    if len(item) == 1 and item[0][0] == "group" and not item[0][2]:
        words: set[str] = set()
        for alternative in item[0][1]:
            first = _item_words(alternative[0])
            if first is None:
                return None
            words |= first
        return frozenset(words)
    return None


def _joined_key(key: str, rest_item: Item) -> str:
    """For ``5-star``: ``5star``, the key and the plain letters after an optional hyphen or apostrophe."""
    if not rest_item or rest_item[0] not in _JOINERS:
        return ""
    letters = []
    for atom in rest_item[1:]:
        if atom[0] != "lit" or not _plain(atom[1]):
            break
        letters.append(atom[1])
    return key + "".join(letters) if letters else ""


@cache
def phrase_set(names: tuple[str, ...], languages: tuple[str, ...], marketplace: str = "") -> PhraseSet:
    """The entries of lists ``names`` in ``languages`` (plus ``common``), compiled once."""
    entries: list[Entry] = []
    for name in names:
        for language in (*languages, COMMON):
            entries.extend(Entry(source, language, name) for source in lexicons.load(language, name))
    return PhraseSet(entries, lower(marketplace))


def find(
    text: str, names: str | tuple[str, ...], languages: tuple[str, ...], marketplace: str = ""
) -> tuple[PhraseMatch, ...]:
    """Matches of lists ``names`` (one name or several) in ``languages``; cache with ``scan.cached``."""
    if isinstance(names, str):
        names = (names,)
    return tuple(phrase_set(names, languages, marketplace).find(text))


class _KnowsLanguage(Protocol):
    @property
    def language(self) -> str | None: ...


def languages_for(scan: _KnowsLanguage, supported: str | Sequence[str]) -> tuple[str, ...]:
    """Whose lexicons to use: the message's language if the rule supports it, else all it supports.

    A rule for one language does not ask which language the message is in: identifying it costs
    more than the matching, and the engine asks anyway when such a rule finds something. Several
    languages' lists are not searched at once, since one language's word can hide in another's
    text (French ``pay*`` in ``PayPalでお支払い``).
    """
    covered = LANGUAGES if supported == "*" else tuple(supported)
    if len(covered) == 1:
        return covered
    detected = scan.language
    return (detected,) if detected in covered else covered


# --- sentences and windows ----------------------------------------------------------------

_NEAR_LIMIT = 64
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]”’»]*(?=\s|$)|[。！？]|\n")
_WORD = re.compile(r"\w+")


class Sentences:
    """Sentence spans of a text: split after ``. ! ?`` (and CJK stops) and at line breaks."""

    def __init__(self, text: str) -> None:
        self.text = text
        ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        self.ends = [end for i, end in enumerate(ends) if not i or end != ends[i - 1]]

    def index(self, position: int) -> int:
        """The number of the sentence that holds ``position``."""
        return bisect.bisect_right(self.ends, position)

    @cached_property
    def spans(self) -> list[Span]:
        """Each sentence, trimmed of white space; empty ones left out."""
        spans = []
        start = 0
        for end in [*self.ends, len(self.text)]:
            piece = self.text[start:end]
            stripped = piece.strip()
            if stripped:
                left = start + len(piece) - len(piece.lstrip())
                spans.append((left, left + len(stripped)))
            start = end
        return spans

    def same(self, first: Span, second: Span) -> bool:
        """Whether both spans lie within one sentence."""
        points = (first[0], max(first[0], first[1] - 1), second[0], max(second[0], second[1] - 1))
        return len({self.index(point) for point in points}) == 1


@lru_cache(maxsize=4)
def sentences_of(text: str) -> Sentences:
    """``Sentences(text)``, shared by the rules that ask about the same text."""
    return Sentences(text)


def words_between(text: str, first: Span, second: Span) -> int:
    """How many words lie between two spans (0 when they touch or overlap)."""
    start, end = (first[1], second[0]) if first[0] <= second[0] else (second[1], first[0])
    if end <= start:
        return 0
    # A run of CJK characters is one \w+ match however long; about two characters make a word.
    return sum(max(1, len(word) // 2) if is_cjk(word[0]) else 1 for word in _WORD.findall(text, start, end))


def pairs_near(
    text: str,
    first: Sequence[PhraseMatch],
    second: Sequence[PhraseMatch],
    *,
    words: int = 0,
    sentences: Sentences | None = None,
) -> list[tuple[PhraseMatch, PhraseMatch]]:
    """Pairs from ``first`` and ``second`` that share a sentence or lie within ``words`` words.

    For each match of ``first``, the matches of ``second`` in its sentence, and the nearest ones
    before and after it, are considered, so the cost stays linear in the number of matches.
    """
    if not first or not second:
        return []
    sentences = sentences or Sentences(text)
    ordered = sorted(second, key=lambda match: match.span)
    starts = [match.span[0] for match in ordered]
    by_sentence: dict[int, list[PhraseMatch]] = {}
    for match in ordered:
        by_sentence.setdefault(sentences.index(match.span[0]), []).append(match)
    reach = 40 * (words + 4)
    pairs = []
    for a in first:
        candidates = list(by_sentence.get(sentences.index(a.span[0]), ()))
        if words:
            low = bisect.bisect_left(starts, a.span[0] - reach)
            high = bisect.bisect_right(starts, a.span[1] + reach)
            candidates.extend(ordered[low:high][:_NEAR_LIMIT])
        seen = set()
        for b in candidates:
            if b.span in seen or (a.span[0] < b.span[1] and b.span[0] < a.span[1]):
                continue
            seen.add(b.span)
            if sentences.same(a.span, b.span) or (words and words_between(text, a.span, b.span) <= words):
                pairs.append((a, b))
    return pairs


# --- negation and reported speech ---------------------------------------------------------

NEGATIONS = "negations"
"""The list of cues that turn a phrase around: "we cannot offer", "we are not allowed to"."""
NEGATION_REACH = 6
TRAILING_REACH = 12
"""Characters between a phrase and a negation that follows it, for languages that negate at the end
of the clause (Japanese: 星5つの評価をお願いすることはできません)."""
TRAILING_LANGUAGES = frozenset({"ja"})
AFTER_REACH = {"de": 3, "nl": 3}
"""Languages whose verb, and so the negation, may come after the phrase ("Einen Rabatt für eine
Bewertung dürfen wir leider nicht geben"): a cue this many words after it, in the same clause, counts."""
_CLAUSE_MARKS = ("、", "，", ",", "が", "けど", "ので")
# A negation before a phrase does not reach past a clause break: "we don't ask for much, just leave
# us 5 stars" still asks for 5 stars.
_LEADING_BREAKS = (",", ";", ":", "，", "、", "；", "：")
# A negative that ends in a question is a polite request, not a refusal: お願いできませんでしょうか.
_POLITE_QUESTIONS = ("でしょうか", "か", "かね")


def negated(
    text: str,
    span: Span,
    cues: Sequence[PhraseMatch],
    sentences: Sentences,
    *,
    language: str = "",
    words: int = NEGATION_REACH,
) -> bool:
    """Whether a negation cue governs the phrase at ``span``, written in ``language``.

    A cue governs it when it lies inside the phrase, or ends before it in the same sentence with at
    most ``words`` words between them: "we *cannot offer* anything in exchange for a review".
    Cues are whole phrases in ``negations.txt`` ("(cannot|may not) ~2 (offer|give)"), never a bare
    "not", so "don't forget to follow us" stays marketing. In Japanese, which negates at the end of
    the clause (``TRAILING_LANGUAGES``), only a cue inside the phrase or right after it, in the same
    clause, counts: in 発送できませんので、キャンセルを… the できません ends the clause before the
    request. In German and Dutch (``AFTER_REACH``) a cue a few words after the phrase counts too.
    """
    trailing = language in TRAILING_LANGUAGES
    after = AFTER_REACH.get(language, 0)
    for cue in cues:
        start, end = cue.span
        if text.startswith(_POLITE_QUESTIONS, end):
            continue
        if span[0] <= start < span[1]:
            return True  # in the phrase, or starting in it: "una recensione, positiva o negativa che sia"
        if not trailing and start < span[0] < end:
            return True  # the cue runs into the phrase: "il est interdit de vous offrir ... contre un avis"
        if (
            not trailing
            and end <= span[0]
            and sentences.same(cue.span, span)
            and words_between(text, cue.span, span) <= words
            and not any(mark in text[end : span[0]] for mark in _LEADING_BREAKS)
        ):
            return True
        if (
            after
            and start >= span[1]
            and sentences.same(cue.span, span)
            and words_between(text, span, cue.span) <= after
            and not any(mark in text[span[1] : start] for mark in _CLAUSE_MARKS)
        ):
            return True
        if (
            trailing
            and span[0] <= start <= span[1] + TRAILING_REACH
            and sentences.same(cue.span, span)
            and not any(mark in text[span[1] : max(start, span[1])] for mark in _CLAUSE_MARKS)
        ):
            return True
    return False


def find_affirmed(
    text: str, names: str | tuple[str, ...], languages: tuple[str, ...], marketplace: str = ""
) -> tuple[PhraseMatch, ...]:
    """``find``, leaving out the matches a negation cue governs ("we may not ask for 5 stars")."""
    found = find(text, names, languages, marketplace)
    if not found:
        return found
    cues = find(text, NEGATIONS, languages, marketplace)
    if not cues:
        return found
    sentences = sentences_of(text)
    return tuple(match for match in found if not negated(text, match.span, cues, sentences, language=match.language))
