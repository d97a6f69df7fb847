"""Signs that a message only poses as the marketplace: sender headers, look-alike domains, links that lie.

* A sender header (From, Reply-To, Sender, Return-Path) claims the marketplace when its display
  name contains the marketplace's name or a name it uses (``Seller Support``, lexicon
  ``phishing_claims``), or when its domain imitates the marketplace's name (``amaz0n-security.com``,
  ``arnazon.de``, Cyrillic ``а``; in Return-Path only a disguised name counts, since mail
  services put their own name there, ``amazonses.com``). It is a spoof when the address is not
  at one of the marketplace's domains.
* A link lies when its visible text shows a web address on one site and its ``href`` goes to
  another (``<a href="https://evil.example/">sellercentral.amazon.com</a>``). Two of the
  marketplace's own domains are the same site.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from parley.policy.context import LANGUAGES
from parley.policy.detectors import phrase_patterns, urls
from parley.policy.parts import Link

SENDER_HEADERS = ("from", "reply-to", "sender", "return-path")

# Characters used to imitate Latin letters in a domain, mapped to the letters they imitate.
_LOOKALIKE = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "|": "l",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "х": "x",
        "у": "y",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ո": "n",
        "ɑ": "a",
        "ı": "i",
        "ᴍ": "m",
        "ɴ": "n",
    }
)
_DIGRAPHS = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_NOT_LETTER = re.compile(r"[^a-z]")
MAX_LINKS = 500
"""Links looked at for lying text: a real message has a handful, a hostile one must not cost minutes."""
_MIN_NAME = 4
"""Shorter marketplace names would be found inside too many unrelated domains."""


@dataclass(frozen=True, slots=True)
class SenderClaim:
    header: str
    """``from``, ``reply-to``, ``sender`` or ``return-path``."""
    display: str
    """The display name, empty when there is none."""
    address: str
    domain: str
    reason: str
    """``display-name`` or ``look-alike-domain``."""


@dataclass(frozen=True, slots=True)
class LinkMismatch:
    link: Link
    shown: str
    """The host the link's text shows."""
    target: str
    """The host the link goes to."""


def skeleton(value: str) -> str:
    """``value`` with imitating characters replaced and everything but letters removed."""
    text = value.lower().translate(_LOOKALIKE)
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    return _NOT_LETTER.sub("", text)


def imitates(domain: str, marketplace_name: str, *, plainly: bool = True) -> bool:
    """True when ``domain`` contains the marketplace's name disguised (``amaz0n``), or plainly if allowed."""
    name = skeleton(marketplace_name)
    if len(name) < _MIN_NAME:
        return False
    decoded = urls.decode_host(domain)
    if name not in skeleton(decoded) and name not in skeleton(domain):
        return False
    return plainly or marketplace_name.lower() not in decoded.replace("-", "").replace(".", "")


def _claims_in_name(display: str, marketplace_name: str) -> bool:
    if not display:
        return False
    name = marketplace_name.strip().lower()
    if len(name) >= _MIN_NAME and (name in display.lower() or skeleton(name) in skeleton(display)):
        return True
    return bool(phrase_patterns.find(display, "phishing_claims", LANGUAGES, marketplace_name))


def sender_claims(
    headers: Iterable[tuple[str, str]], marketplace_name: str, marketplace_domains: tuple[str, ...]
) -> list[SenderClaim]:
    """Sender headers that claim the marketplace from an address outside its domains, in header order."""
    found = []
    values = dict(headers)
    for header in SENDER_HEADERS:
        value = values.get(header)
        if not value:
            continue
        for display, address in email.utils.getaddresses([value]):
            domain = urls.decode_host(address.rpartition("@")[2]) if "@" in address else ""
            if not domain or urls.host_matches(domain, marketplace_domains):
                continue
            if _claims_in_name(display, marketplace_name):
                found.append(SenderClaim(header, display, address, domain, "display-name"))
            # Bounce addresses of mail services carry the name plainly (amazonses.com): only a disguised
            # name counts there.
            elif imitates(domain, marketplace_name, plainly=header != "return-path"):
                found.append(SenderClaim(header, display, address, domain, "look-alike-domain"))
    return found


def _same_site(first: str, second: str, marketplace_domains: tuple[str, ...]) -> bool:
    first, second = first.removeprefix("www."), second.removeprefix("www.")
    if first == second or first.endswith("." + second) or second.endswith("." + first):
        return True
    return urls.host_matches(first, marketplace_domains) and urls.host_matches(second, marketplace_domains)


def _shown_host(text: str) -> str | None:
    if "." not in text and "。" not in text:
        return None
    return next((match.host for match in urls.find(text) if match.kind != "spelled"), None)


def mismatched_links(
    links: Iterable[Link], marketplace_domains: tuple[str, ...], limit: int = 5, examined: int = MAX_LINKS
) -> list[LinkMismatch]:
    """Up to ``limit`` links, among the first ``examined``, whose text shows an address on another site."""
    found: list[LinkMismatch] = []
    shown_hosts: dict[str, str | None] = {}
    for link in islice(links, examined):
        if not link.text:
            continue
        if link.text not in shown_hosts:
            shown_hosts[link.text] = _shown_host(link.text)
        shown = shown_hosts[link.text]
        target = urls.parse(link.href) if shown else None
        if shown is None or target is None or _same_site(shown, target.host, marketplace_domains):
            continue
        found.append(LinkMismatch(link, shown, target.host))
        if len(found) >= limit:
            break
    return found
