"""Web addresses in text: full URLs, ``www.`` hosts, bare domains and spelled-out domains.

What counts as a bare domain (no scheme, no ``www.``) is a judgement, made like this:

* its last label must be a real top-level domain in the Public Suffix List, and the host must
  have a registrable part (``example.com``, not ``co.uk``): ``file.txt``, ``e.g.``, ``v1.2``,
  ``12.50``, ``12.05.2024`` and ``bye.Thanks`` are not domains;
* followed by a path (``shop.example.se/x``) any real top-level domain will do;
* without a path the top-level domain must be a known one (``url_known_tlds.txt``) or a
  two-letter country code that is not also a file extension (``logo.ai``, ``README.md``);
* a top-level domain that is also a common word (``url_ambiguous_tlds.txt``: ``.it``, ``.de``,
  ``.me``, ``.us``, ``.co``, ``.in``, ``.is``, ``.to``, ...) without a path or ``www.`` needs a
  label of three or more characters before it that is not a common word in any project language
  (``url_common_words.txt``): ``shop.it`` is a domain, ``do.it`` and ``done.is`` are not;
* a lower-case label followed by a capitalised top-level domain (``order.Here``) is a sentence
  that lacks a space after its full stop;
* a domain right after ``@`` (or ``[at]``) is part of an e-mail address and left to that detector.

Spelled-out domains (``example dot com``, ``example [dot] se``, ``example(dot)de``,
``example punkt se``, ``example点com``) use the dot words of every project language
(``url_dot_words.txt``) and must end in a known top-level domain. Without brackets, the name
before the suffix must be three or more characters and not a common word (``the dot com bubble``),
and an ambiguous top-level domain must end the sentence (``ein wichtiger Punkt in der Liste``).

Known shorteners (``url_shorteners.txt``) are always found, even as ``t.co`` or ``bit.ly``.
Hosts written in a non-Latin script are found only in their ``xn--`` form.

Speed: no full pattern is tried at every position. A cheap search (a literal, or a short
pattern that opens with one) finds ``://``, a dot before a letter, or a dot word, and the full
pattern is matched only at the start of the run of host characters around it. Each finder stops
after ``_MAX_MATCHES`` addresses or ``_MAX_CANDIDATES`` candidates, so that a 10 MB wall of
look-alikes takes seconds, not minutes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from typing import Literal
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

from parley.policy import lexicons
from parley.policy.parts import Span

Kind = Literal["url", "bare", "spelled", "www"]

# Letters a host label may hold as written in text: ASCII, Latin-1/Extended (no × ÷) and Cyrillic.
_LETTERS = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u04ff"
_LABEL = f"[{_LETTERS}][{_LETTERS}-]{{0,62}}+"
_HOST = f"(?:{_LABEL}\\.){{0,16}}{_LABEL}"
_PATH = "[/?#][A-Za-z0-9\\-._~:/?#@!$&()*+,;=%\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]{0,2048}+"

_SCHEME_URL = re.compile(
    f"(?<![A-Za-z0-9+.\\-])(https?)://(?:[^\\s/?#@<>\"']{{1,64}}@)?({_HOST})(?::(\\d{{1,5}}))?({_PATH})?",
    re.IGNORECASE,
)
_BARE = re.compile(
    f"(?<![{_LETTERS}@＠.\\-_/\\\\+=%&?#~])((?:{_LABEL}\\.){{1,16}}{_LABEL})(?::(\\d{{1,5}}))?({_PATH})?(?![@＠])"
)
# Anchors: a full scan only looks for these, and the patterns above run where they occur.
_DOT_BEFORE_LETTER = re.compile(f"\\.[{_LETTERS.replace('0-9', '')}]")
_RUN = re.compile(f"[{_LETTERS}.\\-]{{0,1200}}+")
_RUN_BEFORE_SEPARATOR = re.compile(f"[\\s\\[({{<]{{0,7}}+[{_LETTERS}.\\-]{{0,1200}}+")
_TAIL = re.compile(f"[{_LETTERS}\\-]{{0,63}}+")
_BRACKETED_DOT = re.compile(r"\.\s{0,3}[\])}>]")
# Each finder reports at most _MAX_MATCHES addresses and looks at most at _MAX_CANDIDATES
# look-alikes per text, so that a 10 MB wall of them stays fast; such a message has been
# flagged many times over before the limit.
_MAX_MATCHES = 20_000
MAX_MATCHES = _MAX_MATCHES
_MAX_CANDIDATES = 400_000
_MAX_SPELLED_CANDIDATES = 50_000  # dot words are rare in real text; each candidate costs more
_EMAIL_BEFORE = re.compile(r"(?:[@＠]|[\[({<]\s{0,2}at\s{0,2}[\])}>])\s{0,2}\Z", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+\-]{0,31}:(?!\d)")
_TRAILING = ".,;:!?'\""
_CLOSERS = {")": "(", "]": "["}


@dataclass(frozen=True, slots=True)
class UrlMatch:
    span: Span
    """Where the address is in the text."""
    url: str
    """The address as written."""
    normalised: str
    """Lower-case scheme and host, dots for spelled-out dots; ``//host/path`` when no scheme was given."""
    scheme: Literal["https", "http", ""]
    host: str
    """Lower-case, IDNA-decoded, without port or trailing dot."""
    kind: Kind
    pattern: str
    path: str = ""
    """Path, query and fragment as written (empty for a bare host)."""


# --- lexicons -------------------------------------------------------------------


@cache
def _psl() -> PublicSuffixList:
    return PublicSuffixList(accept_unknown=False)


@cache
def _common(name: str) -> frozenset[str]:
    return frozenset(entry.lower() for entry in lexicons.load("common", name))


@cache
def _all_languages(name: str) -> frozenset[str]:
    return frozenset(entry.casefold() for entries in lexicons.load_all(name).values() for entry in entries)


def shorteners() -> frozenset[str]:
    return _common("url_shorteners")


@cache
def _separators() -> tuple[str, str, str]:
    """Regex sources for a bracketed dot (``[dot]``, ``(.)``), a dot word between spaces, a CJK dot word."""
    words = _all_languages("url_dot_words")
    latin = sorted((w for w in words if w.isascii() and w.isalpha()), key=len, reverse=True)
    other = sorted((w for w in words if not (w.isascii() and w.isalpha())), key=len, reverse=True)
    every = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    bracketed = f"\\s{{0,3}}[\\[({{<]\\s{{0,3}}(?:{every}|\\.)\\s{{0,3}}[\\])}}>]\\s{{0,3}}"
    worded = f"[ \\t\u00a0]{{1,3}}(?:{'|'.join(map(re.escape, latin)) or '(?!)'})[ \\t\u00a0]{{1,3}}"
    cjk = f"[ \\t\u3000]{{0,3}}(?:{'|'.join(map(re.escape, other)) or '(?!)'})[ \\t\u3000]{{0,3}}"
    return bracketed, worded, cjk


@cache
def _spelled_pattern() -> re.Pattern[str]:
    separator = "(?:" + "|".join((*_separators(), "\\.")) + ")"
    return re.compile(
        f"(?<![{_LETTERS}@＠.\\-_/])({_LABEL})((?:{separator}{_LABEL}){{1,5}})(?![{_LETTERS}@＠\\-])",
        re.IGNORECASE,
    )


@cache
def _hint_patterns(ignore_case: bool) -> tuple[re.Pattern[str], ...]:
    words = _all_languages("url_dot_words")
    latin = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w.isascii() and w.isalpha())
    other = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if not (w.isascii() and w.isalpha()))
    flags = re.IGNORECASE if ignore_case else 0
    sources = [
        f"(?:{latin or '(?!)'})[ \\t\u00a0]{{1,3}}[{_LETTERS}]",
        f"(?:{other or '(?!)'})[ \\t\u3000]{{0,3}}[{_LETTERS}]",
        f"[\\[({{<]\\s{{0,3}}(?:{latin or '(?!)'}|{other or '(?!)'})\\s{{0,3}}[\\])}}>]",
        "\\.\\s{0,3}[\\])}>]",
    ]
    return tuple(re.compile(source, flags) for source in sources)


@cache
def _separator_pattern() -> re.Pattern[str]:
    """Splits a spelled-out domain into labels: group 1 a bracketed dot, 2 a dot word, 3 a plain dot."""
    bracketed, worded, cjk = _separators()
    return re.compile(f"({bracketed})|({worded}|{cjk})|(\\.)", re.IGNORECASE)


# --- host helpers ------------------------------------------------------------------


@lru_cache(maxsize=8192)
def decode_host(host: str) -> str:
    """Lower-case, without port or trailing dot, ``xn--`` labels decoded."""
    host = host.strip().lower().rstrip(".")
    if host.startswith("["):
        return host
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    if "xn--" not in host:
        return host
    return ".".join(_decode_label(label) for label in host.split("."))


def _decode_label(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except (UnicodeError, ValueError):
        return label


def host_matches(host: str, domains: Iterable[str]) -> bool:
    """``host`` is one of ``domains`` or a subdomain of one: ``www.amazon.se``, not ``amazon.se.evil.com``."""
    wanted = _domain_set(domains if isinstance(domains, (tuple, frozenset)) else tuple(domains))
    host = decode_host(host)
    while host:
        if host in wanted:
            return True
        _, _, host = host.partition(".")
    return False


@lru_cache(maxsize=64)
def _domain_set(domains: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    return frozenset(filter(None, map(decode_host, domains)))


@lru_cache(maxsize=8192)
def is_shortener(host: str) -> bool:
    return host_matches(host, shorteners())


@lru_cache(maxsize=8192)
def _registrable(host: str) -> bool:
    psl = _psl()
    return psl.publicsuffix(host) is not None and psl.privatesuffix(host) is not None


def _registrable_label(host: str) -> str:
    """``example`` in ``shop.example.co.uk``: the name its owner chose."""
    return (_psl().privatesuffix(host) or host).split(".", 1)[0]


@lru_cache(maxsize=4096)
def _bare_tld_known(tld: str) -> bool:
    if tld in _common("url_known_tlds"):
        return True
    return len(tld) == 2 and tld.isalpha() and tld not in _common("url_file_extension_tlds") and _psl().is_public(tld)


def _plausible_label(label: str) -> bool:
    """A label that, before an ambiguous top-level domain, reads as a name rather than a word."""
    return (
        len(label) >= 3
        and any(c.isalpha() for c in label)
        and label.casefold() not in _all_languages("url_common_words")
    )


def _sentence_break(label: str, tld: str) -> bool:
    """``order.Here``: a lower-case word, a full stop, then a capitalised word."""
    return len(tld) > 1 and tld[0].isupper() and tld[1:].islower() and label.islower()


# --- finding ------------------------------------------------------------------------


def _span_length(pattern: re.Pattern[str], text: str, position: int) -> int:
    """How many characters ``pattern`` (which can match nothing) takes at ``position``."""
    match = pattern.match(text, position)
    return match.end() - position if match else 0


def _trim(url: str) -> str:
    """Drop punctuation that ends the sentence rather than the URL, and unbalanced closers."""
    while url:
        last = url[-1]
        unbalanced = last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last])
        if last in _TRAILING or unbalanced:
            url = url[:-1]
        else:
            break
    return url


def _normalised(scheme: str, host: str, port: str | None, path: str) -> str:
    default = {"http": "80", "https": "443"}.get(scheme)
    port_part = f":{port}" if port and port != default else ""
    return f"{scheme + ':' if scheme else ''}//{host}{port_part}{path}"


def _after_email_marker(text: str, start: int) -> bool:
    return bool(_EMAIL_BEFORE.search(text, max(0, start - 10), start))


def _scheme_url_matches(text: str) -> Iterator[re.Match[str]]:
    position = text.find("://")
    while position >= 0:
        start = position - 5 if text[max(0, position - 5) : position].lower() == "https" else position - 4
        match = _SCHEME_URL.match(text, start) if start >= 0 else None
        if match is not None:
            yield match
        position = text.find("://", max(position + 3, match.end() if match else 0))


def _scheme_urls(text: str) -> list[UrlMatch]:
    found: list[UrlMatch] = []
    for match in islice(_scheme_url_matches(text), _MAX_CANDIDATES):
        if len(found) >= _MAX_MATCHES:
            break
        scheme = match.group(1).lower()
        raw_host, port, path = match.group(2), match.group(3), _trim(match.group(4) or "")
        host = decode_host(raw_host)
        if not host:
            continue
        if path:
            end = match.start(4) + len(path)
        elif port:
            end = match.end(3)
        else:
            end = match.end(2)
        start = match.start()
        found.append(
            UrlMatch(
                (start, end),
                text[start:end],
                _normalised(scheme, host, port, path),
                scheme,  # type: ignore[arg-type]
                host,
                "url",
                "shortener" if is_shortener(host) else "scheme-url",
                path,
            )
        )
    return found


def _bare_pattern(labels: list[str], host: str, path: str) -> tuple[Kind, str] | None:
    """How a bare host qualifies as a web address, or None when it does not (see the module doc)."""
    tld_written, label_written = labels[-1], labels[-2]
    tld = tld_written.lower()
    if host.startswith("www.") and len(labels) >= 3:
        return "www", "www"
    if is_shortener(host):
        return "bare", "shortener"
    if not any(c.isalpha() for label in labels[:-1] for c in label):
        return None
    if path:
        return "bare", "bare-path"
    if not _bare_tld_known(tld) or _sentence_break(label_written, tld_written):
        return None
    if not any(c.isalpha() for c in label_written):
        return None
    if tld in _common("url_ambiguous_tlds"):
        return ("bare", "bare-ambiguous-tld") if _plausible_label(label_written) else None
    return "bare", "bare-known-tld"


def _bare_matches(text: str) -> Iterator[re.Match[str]]:
    """``_BARE.finditer(text)``, but trying only at the start of runs of host characters that hold a dot."""
    reversed_text = ""
    done = 0
    dot = _DOT_BEFORE_LETTER.search(text)
    while dot is not None:
        if not reversed_text:
            reversed_text = text[::-1]
        from_end = len(text) - dot.start()
        start = dot.start() - _span_length(_RUN, reversed_text, from_end)
        match = _BARE.match(text, start) if start >= done else None
        if match is None:
            done = max(dot.end(), dot.start() + 1 + _span_length(_RUN, text, dot.start() + 1))
        else:
            done = match.end()
            yield match
        dot = _DOT_BEFORE_LETTER.search(text, done)


def _bare_domains(text: str) -> list[UrlMatch]:
    found: list[UrlMatch] = []
    for match in islice(_bare_matches(text), _MAX_CANDIDATES):
        if len(found) >= _MAX_MATCHES:
            break
        raw_host, port, path = match.group(1), match.group(2), _trim(match.group(3) or "")
        labels = raw_host.split(".")
        if any(label.endswith("-") for label in labels):
            continue
        host = decode_host(raw_host)
        if not _registrable(host) or _after_email_marker(text, match.start()):
            continue
        qualified = _bare_pattern(labels, host, path)
        if qualified is None:
            continue
        if path:
            end = match.start(3) + len(path)
        elif port:
            end = match.end(2)
        else:
            end = match.end(1)
        start = match.start()
        found.append(
            UrlMatch(
                (start, end),
                text[start:end],
                _normalised("", host, port, path),
                "",
                host,
                qualified[0],
                qualified[1],
                path,
            )
        )
    return found


def _spelled_hints(text: str) -> list[int]:
    """Where a dot word (followed by a label) or a bracketed dot starts: cheap scans of the lower-cased text."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered: search the original
        lowered = text
    hints: list[int] = []
    for pattern in _hint_patterns(lowered is text):
        hints.extend(match.start() for match in pattern.finditer(lowered))
    hints.sort()
    return hints


def _spelled_matches(text: str) -> Iterator[re.Match[str]]:
    """The spelled-out pattern, tried only at the host-character run before each dot word."""
    pattern = _spelled_pattern()
    reversed_text = ""
    done = 0
    hints = _spelled_hints(text)
    index = 0
    while index < len(hints):
        hint = hints[index]
        index += 1
        if hint < done:
            index = bisect_left(hints, done, index)
            continue
        if not reversed_text:
            reversed_text = text[::-1]
        from_end = len(text) - hint
        start = hint - _span_length(_RUN_BEFORE_SEPARATOR, reversed_text, from_end)
        match = pattern.match(text, max(start, done))
        if match is not None and match.end() > hint:
            done = match.end()
            yield match


def _spelled_domains(text: str) -> list[UrlMatch]:
    found: list[UrlMatch] = []
    splitter = _separator_pattern()
    ambiguous = _common("url_ambiguous_tlds")
    for match in islice(_spelled_matches(text), _MAX_SPELLED_CANDIDATES):
        if len(found) >= _MAX_MATCHES:
            break
        written = match.group(0)
        tail = written[len(written) - _span_length(_TAIL, written[::-1], 0) :]
        if not _bare_tld_known(tail.lower()):  # every shortener's is known too
            continue
        labels, bracketed, spelled = [], False, False
        position = 0
        for separator in splitter.finditer(written):
            labels.append(written[position : separator.start()])
            position = separator.end()
            bracketed = bracketed or separator.group(1) is not None
            spelled = spelled or separator.group(3) is None
        labels.append(written[position:])
        if not spelled or any(not label or label.endswith("-") for label in labels):
            continue
        host = decode_host(".".join(labels))
        if not _registrable(host) or _after_email_marker(text, match.start()):
            continue
        tld = labels[-1].lower()
        if is_shortener(host):
            pattern = "spelled-shortener"
        elif bracketed:
            pattern = "spelled-bracketed"
        elif not _plausible_label(_registrable_label(host)) or (
            tld in ambiguous and not _ends_sentence(text, match.end())
        ):
            continue
        else:
            pattern = "spelled-word"
        found.append(UrlMatch(match.span(), written, _normalised("", host, None, ""), "", host, "spelled", pattern))
    return found


def _ends_sentence(text: str, end: int) -> bool:
    rest = text[end : end + 2]
    return not rest or rest[0] in "\n\r.;!?)]}。！？）" or rest.isspace()


def _merge(first: list[UrlMatch], second: list[UrlMatch]) -> list[UrlMatch]:
    """Both lists (each sorted and non-overlapping), dropping matches of ``second`` that overlap ``first``."""
    merged: list[UrlMatch] = []
    index = 0
    for match in second:
        while index < len(first) and first[index].span[1] <= match.span[0]:
            merged.append(first[index])
            index += 1
        if index < len(first) and first[index].span[0] < match.span[1]:
            continue
        merged.append(match)
    merged.extend(first[index:])
    return merged


def first_unexamined(text: str, found: list[UrlMatch]) -> Span | None:
    """Where ``find`` stopped looking because of its limits, if it did: the first candidate it
    skipped, or the last address in ``found`` (what ``find`` returned) once there are
    ``MAX_MATCHES`` of them."""
    stops = []
    for candidates, limit in (
        (_scheme_url_matches, _MAX_CANDIDATES),
        (_bare_matches, _MAX_CANDIDATES),
        (_spelled_matches, _MAX_SPELLED_CANDIDATES),
    ):
        skipped = next(islice(candidates(text), limit, None), None)
        if skipped is not None:
            stops.append(skipped.span())
    if len(found) >= _MAX_MATCHES:
        stops.append(found[-1].span)
    return min(stops) if stops else None


def find(text: str) -> list[UrlMatch]:
    """Every web address in ``text``, in order; each stretch of text is reported at most once."""
    if "." not in text:
        return _spelled_domains(text)
    found = _merge(_scheme_urls(text), _bare_domains(text))
    return _merge(found, _spelled_domains(text))


@lru_cache(maxsize=4096)
def parse(url: str) -> UrlMatch | None:
    """An ``href`` as a web address: ``None`` for ``mailto:``, ``tel:``, fragments and relative links."""
    value = url.strip()
    lowered = value.lower()
    if lowered.startswith(("http://", "https://", "//")):
        try:
            parts = urlsplit(value)
            port = parts.port
        except ValueError:
            return None
        hostname = parts.hostname or ""
        host = f"[{hostname}]" if ":" in hostname else decode_host(hostname)
        if not host:
            return None
        scheme = parts.scheme.lower()
        path = value[value.find(parts.netloc) + len(parts.netloc) :] if parts.netloc else ""
        pattern = "shortener" if is_shortener(host) else "href"
        return UrlMatch(
            (0, len(value)),
            value,
            _normalised(scheme, host, str(port) if port else None, path),
            scheme,  # type: ignore[arg-type]
            host,
            "url",
            pattern,
            path,
        )
    if _OTHER_SCHEME.match(lowered):
        return None
    for match in find(value):
        if match.span[0] == 0 and match.kind in ("www", "bare"):
            return match
    return None
