"""What the link rules share: every web address a message points to, and where it may point.

A message points somewhere through an ``<a href>`` (reported at the start tag) and through
addresses written in its visible text (reported where they stand, whether or not they are also
link text). Addresses inside an e-mail address are the e-mail rule's business and left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from parley.policy.detectors import emails, urls
from parley.policy.parts import Link, Span
from parley.policy.scan import Scan

# How sure a pattern is that it found a web address; shown as the finding's score.
SCORES = {
    "href": 1.0,
    "scheme-url": 1.0,
    "shortener": 1.0,
    "www": 1.0,
    "bare-path": 0.95,
    "bare-known-tld": 0.9,
    "bare-ambiguous-tld": 0.7,
    "spelled-bracketed": 0.9,
    "spelled-shortener": 0.9,
    "spelled-word": 0.75,
}


@dataclass(frozen=True, slots=True)
class Target:
    """One place the message points to."""

    match: urls.UrlMatch
    span: Span
    """Source span to report: the ``<a>`` start tag for an href, the address itself for text."""
    link: Link | None = None
    """The link, when the target is an ``href``."""
    text_span: Span | None = None
    """Span in ``message.text``, when the address is written in the text."""

    @property
    def score(self) -> float:
        return SCORES.get(self.match.pattern, 0.8)


def text_addresses(scan: Scan) -> list[urls.UrlMatch]:
    """Web addresses in the visible text that are not part of an e-mail address."""
    text = scan.message.text
    found = scan.cached(urls.find, text)
    if not found:
        return found
    mail = sorted(m.span for m in scan.cached(emails.find, text))
    if not mail:
        return found
    kept, index = [], 0
    for match in found:
        while index < len(mail) and mail[index][1] <= match.span[0]:
            index += 1
        if index < len(mail) and mail[index][0] < match.span[1]:
            continue
        kept.append(match)
    return kept


def targets(scan: Scan) -> Iterator[Target]:
    """Every ``href`` that is a web address, then every address in the visible text."""
    for link in scan.message.links:
        match = urls.parse(link.href)
        if match is not None:
            yield Target(match, link.span, link=link)
    for match in text_addresses(scan):
        yield Target(match, scan.message.source_span(*match.span), text_span=match.span)


def is_marketplace(scan: Scan, host: str) -> bool:
    return urls.host_matches(host, scan.context.marketplace_domains)


def is_external(scan: Scan, host: str) -> bool:
    """Outside the marketplace and not an allowed host; a shortener always is (its target is hidden)."""
    if is_marketplace(scan, host):
        return False
    if urls.is_shortener(host):
        return True
    return not urls.host_matches(host, scan.context.allowed_link_hosts)


def trimmed(source: str, span: Span) -> Span:
    """``span`` without the white space at either end (a link's text between its tags)."""
    start, end = span
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end
