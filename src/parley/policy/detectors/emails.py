"""E-mail addresses, written plainly, as ``mailto:`` or disguised.

Disguises are the ones sellers use to slip an address past a filter: spaces
around the ``@`` (``jane @ example . com``), a fullwidth ``＠``, the sign
spelled out or bracketed (``jane [at] example [dot] com``, ``jane(at)example.com``)
and the local words for it (``snabel-a``, ``apenstaartje``, ``ät``, ``małpa``,
``arobase``, ``arroba``, ``chiocciola``, ``アットマーク``, ``艾特``: see
``lexicons/<lang>/email_at_words.txt`` and ``email_dot_words.txt``).

A candidate only counts when its domain ends in a real top-level domain (the
public suffix list that ships with ``publicsuffixlist``, read offline), so
``Delivery @ 5 pm``, ``@ 12.50 each``, a lone ``@shopname`` or ``meet at the
station`` are not addresses. A spelled-out ``at`` after a word that usually
stands before "at" in a sentence (``look at example.com``,
``lexicons/en/email_at_prose_words.txt``) is read as prose.

The search is anchored on the separator: one regular expression finds an
``@`` or a spelled-out one followed by a domain that ends in a top-level
domain (compiled into a trie), and the local part is then read backwards from
it. Every repetition is bounded and possessive and every alternative opens
with a fixed character, so the time is linear in the text and most rejected
candidates never reach Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal
from urllib.parse import unquote

import publicsuffixlist

from parley.policy import lexicons
from parley.policy.detectors.wordlists import CJK, split, trie
from parley.policy.parts import Span

Kind = Literal["plain", "obfuscated", "mailto"]


@dataclass(frozen=True, slots=True)
class EmailMatch:
    span: Span
    address: str
    """``local@domain``, disguises undone, the domain in lower case."""
    kind: Kind
    pattern: str
    """How the address was written: ``name@domain.tld``, ``name [at] domain [dot] tld``, ..."""


# Scripts written without spaces between words. A local part never takes them
# (``写真をjane@example.jp`` starts at ``jane``), and a label is either all of them
# or none (``例え.jp``, ``example.jpまで``).
_CJK = CJK
# Everything that cannot be part of a local part: one negated class is much faster than an alternation.
_NOT_LOCAL = (
    r"\s\x00-\x26\x28-\x2a\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f"
    "\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u2bff\u3000-\u303f\ufe30-\ufe4f\ufff0-\uffff" + _CJK
)
_LATIN_LABEL = rf"[^\W_{_CJK}]{{1,63}}+(?:-{{1,4}}+[^\W_{_CJK}]{{1,63}}+){{0,8}}+"
_CJK_LABEL = rf"[{_CJK}]{{1,63}}+"
_OPENERS = "([{<（【「"
_OPEN = r"[(\[{<（【「]"
_CLOSE = r"[)\]}>）】」]"
_SP = r"[ \t\u00a0\u3000]"
_SPACES = " \t\u00a0\u3000"

# Fullwidth ASCII (``ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ``) is read as ASCII: one character for one, so offsets hold.
_FULLWIDTH = str.maketrans({chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {"\u3000": " "})
_MAILTO_BEFORE = re.compile(r"mailto:\s{0,2}\Z", re.IGNORECASE)
_HAS_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")
_WWW = re.compile(r"www(?![\w\-])", re.IGNORECASE)


def find(text: str) -> list[EmailMatch]:
    """Every address in ``text``, in order, without overlaps."""
    folded = text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text
    pattern = _pattern()
    found: list[EmailMatch] = []
    position = 0
    while match := pattern.search(folded, position):
        result = _accept(text, folded, match)
        if result is None:
            # What was read as the domain may hold the next address's local part.
            position = match.start("domain")
            continue
        found.append(result)
        position = result.span[1]
    return found


def mailto_addresses(href: str) -> list[str]:
    """The addresses a ``mailto:`` link writes to; none for other links."""
    if href[:7].lower() != "mailto:":
        return []
    recipients = unquote(href[7:].split("?", 1)[0])
    addresses = []
    for part in re.split(r"[,;]", recipients):
        local, at, domain = part.strip().rpartition("@")
        if at and local and domain:
            addresses.append(f"{local}@{domain.lower()}")
    return addresses


def is_relay_alias(address: str, marketplace_domains: tuple[str, ...]) -> bool:
    """Whether ``address`` is one of the marketplace's anonymised buyer or seller aliases."""
    domain = address.rpartition("@")[2].lower().rstrip(".")
    return any(domain == f"marketplace.{own.lower()}" for own in marketplace_domains)


def is_top_level_domain(label: str) -> bool:
    return label.lower() in _top_level_domains()


# --- the pattern ------------------------------------------------------------


@cache
def _top_level_domains() -> frozenset[str]:
    """ICANN top-level domains, in Unicode and in punycode."""
    names: set[str] = set()
    icann = False
    with open(publicsuffixlist.PSLFILE, encoding="utf-8") as lines:
        for raw in lines:
            line = raw.strip()
            if line.startswith("// ===BEGIN ICANN"):
                icann = True
            elif line.startswith("// ===END ICANN"):
                break
            elif icann and line and not line.startswith("//"):
                names.add(line.split(".")[-1].lower())
    encoded = set()
    for name in names:
        try:
            encoded.add(name.encode("idna").decode("ascii").lower())
        except UnicodeError:
            continue
    return frozenset(names | encoded)


def _words(name: str) -> tuple[list[str], list[str]]:
    """A lexicon in every language, split into words written between spaces and words written without."""
    return split(word for words in lexicons.load_all(name).values() for word in words)


def _separator(sign: str, latin: list[str], cjk: list[str]) -> list[str]:
    """A spelled-out, spaced or bracketed ``@`` or ``.``, as alternatives that each open with one literal.

    The bare sign, without spaces, is left to the caller.
    """
    words = trie(latin + cjk, fold=True)
    after_open = rf"{_SP}?(?:{re.escape(sign)}|{words}){_SP}?{_CLOSE}{_SP}{{0,3}}"
    after_space = [rf"{re.escape(sign)}{_SP}{{1,3}}", _OPEN + after_open, rf"{trie(latin, fold=True)}{_SP}{{1,3}}"]
    if cjk:
        after_space.append(rf"{trie(cjk)}{_SP}{{0,3}}")
    spaced = rf"{_SP}{{0,2}}+(?:{'|'.join(after_space)})"
    branches = [re.escape(space) + spaced for space in _SPACES]
    branches += [re.escape(opener) + after_open for opener in _OPENERS]
    by_first: dict[str, set[str]] = {}
    for word in cjk:
        by_first.setdefault(word[0], set()).add(word[1:])
    for first, rests in sorted(by_first.items()):
        tail = trie(rests - {""})
        branches.append(rf"{re.escape(first)}{f'(?:{tail})?' if '' in rests else tail}{_SP}{{0,3}}")
    return branches


def _dot_separator() -> str:
    dot_latin, dot_cjk = _words("email_dot_words")
    return "(?:" + "|".join([r"\.", "[。｡]", *_separator(".", dot_latin, dot_cjk)]) + ")"


@cache
def _pattern() -> re.Pattern[str]:
    """Separator, then domain; the local part is read backwards afterwards (``_local_before``).

    Every alternative opens with one literal character, so the engine skips
    ahead to the next candidate character and tries only what it opens.
    """
    at_latin, at_cjk = _words("email_at_words")
    at = "|".join([rf"@{_SP}{{0,3}}+", "%40", *_separator("@", at_latin, at_cjk)])
    label = rf"(?:{_LATIN_LABEL}|{_CJK_LABEL})"
    # After a Latin top-level domain no letter, digit or hyphen may follow; CJK text may.
    tld = rf"{trie(_top_level_domains(), fold=True)}(?![^\W_{_CJK}]|-)"
    domain = rf"(?P<domain>(?:{label}{_dot_separator()}){{1,6}}{tld})"
    return re.compile(rf"(?:{at}){domain}")


_LOCAL_REVERSED = re.compile(rf"[^{_NOT_LOCAL}]{{1,65}}")


def _local_before(text: str, end: int) -> int | None:
    """Where the local part that ends at ``end`` starts; None if there is none or it is too long."""
    window = text[max(0, end - 65) : end][::-1]
    match = _LOCAL_REVERSED.match(window)
    if match is None or match.end() > 64:
        return None
    return end - match.end()


@cache
def _dot_splitter() -> re.Pattern[str]:
    return re.compile(_dot_separator())


@cache
def _prose_words() -> frozenset[str]:
    return frozenset(word.casefold() for words in lexicons.load_all("email_at_prose_words").values() for word in words)


# --- judging a candidate ----------------------------------------------------


def _accept(text: str, folded: str, match: re.Match[str]) -> EmailMatch | None:
    separator = folded[match.start() : match.start("domain")]
    written = separator.strip(_SPACES)
    spaced_before = separator[0] in _SPACES
    if written == "@":
        if spaced_before and separator[-1] not in _SPACES:
            return None  # "@handle" after a word: a social-media handle
        at_kind = "at_spaced" if separator != "@" else "at_sign"
    elif written == "%40":
        at_kind = "at_pct"
    elif written[0] in "([{<（【「":
        at_kind = "at_bracket"
    else:
        at_kind = "at_word"
    local_start = _local_before(folded, match.start())
    if local_start is None:
        return None
    local = folded[local_start : match.start()]
    stripped = local.lstrip(".'-+")
    start = local_start + len(local) - len(stripped)
    local = stripped.rstrip("'")
    if not any(ch.isalnum() for ch in local):
        return None
    if at_kind == "at_word" and written.casefold() == "at" and local.casefold() in _prose_words():
        return None
    plain_at = at_kind == "at_word" and written.casefold() == "at"
    if plain_at and not _spelled_dot(match.group("domain")) and not _looks_like_mailbox(local, match):
        return None  # "photos at shop.se": a website named in a sentence, which the link rules report
    if at_kind not in ("at_sign", "at_pct") and _WWW.match(match.group("domain")):
        return None  # a website spelled out, not a mailbox
    mailto = _MAILTO_BEFORE.search(folded, max(0, start - 9), start)
    if at_kind == "at_pct" and not mailto:
        return None
    end = match.end("domain")
    labels, separators = _split_domain(match.group("domain"))
    address = f"{local}@{'.'.join(label.lower() for label in labels)}"
    if mailto:
        return EmailMatch((mailto.start(), end), address, "mailto", "mailto:name@domain.tld")
    plain_dots = all(separator == "." for separator in separators)
    fullwidth = text[start:end] != folded[start:end]
    if at_kind == "at_sign" and plain_dots and not fullwidth:
        return EmailMatch((start, end), address, "plain", "name@domain.tld")
    original = text[match.start() : match.start("domain")].strip(_SPACES)
    return EmailMatch((start, end), address, "obfuscated", _describe(original, at_kind, separators))


_MAILBOX_MARKS = re.compile(r"[._+\-\d]")


@cache
def _mail_providers() -> frozenset[str]:
    return frozenset(domain.casefold() for domain in lexicons.load("common", "mail_providers"))


@cache
def _mailbox_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in lexicons.load("common", "mailbox_names"))


def _spelled_dot(domain: str) -> bool:
    """Whether the domain's dots are disguised too (``example dot com``, ``example[.]com``)."""
    _labels, separators = _split_domain(domain)
    return any(separator != "." for separator in separators)


def _looks_like_mailbox(local: str, match: re.Match[str]) -> bool:
    """Whether "X at domain.tld" with a plain dot names a mailbox rather than a website.

    Only the "@" is disguised, so the words before it decide: a local part with the marks of an
    address (``jane.doe``, ``shop_2``), a mailbox name (``info``, ``kundservice``) or a public
    mail provider after it (``jane at gmail.com``).
    """
    labels, _separators = _split_domain(match.group("domain"))
    domain = ".".join(label.casefold() for label in labels)
    folded = local.casefold()
    return bool(_MAILBOX_MARKS.search(folded)) or folded in _mailbox_names() or domain in _mail_providers()


def _split_domain(domain: str) -> tuple[list[str], list[str]]:
    """The labels of a matched domain and the separators between them, trimmed."""
    labels: list[str] = []
    separators: list[str] = []
    position = 0
    for separator in _dot_splitter().finditer(domain):
        labels.append(domain[position : separator.start()])
        separators.append(separator.group().strip(_SPACES))
        position = separator.end()
    labels.append(domain[position:])
    return labels, separators


def _describe(written: str, at_kind: str, separators: list[str]) -> str:
    if at_kind == "at_bracket":
        at = " " + written[0] + written[1:-1].strip(_SPACES).lower() + written[-1] + " "
    elif at_kind == "at_sign":
        at = written
    else:
        at = f" {written} "
    dot = next((sep for sep in separators if sep != "."), ".")
    if dot not in (".", "。", "｡"):
        dot = f" {dot} "
    return f"name{at}domain{dot}tld"
