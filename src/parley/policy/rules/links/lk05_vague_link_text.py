"""LK05: a link's text does not say where it leads ("here", "click here", a bare address)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

from parley.policy import lexicons
from parley.policy.detectors import urls
from parley.policy.i18n import N_
from parley.policy.parts import Image, Link
from parley.policy.rule import Action, Finding, Rule, bad, good
from parley.policy.rules.links._targets import trimmed
from parley.policy.scan import Scan

_EMPTY = N_("The link has no text, so the reader cannot tell where it leads.")
_ADDRESS_ONLY = N_("The link text is only a web address (%(excerpt)s), which does not say what the page is.")

# Punctuation, arrows and bullets around a link text that do not change what it says.
_DECORATION = " \t\r\n\u00a0.,:;!?…»«›‹<>→←↗➜▶►-–—()[]{}\"'`*·•|/。、，！？：；「」『』【】《》〈〉（）"


@cache
def _vague_texts() -> frozenset[str]:
    """Every language's list: the message's language may be unknown or mixed."""
    return frozenset(
        " ".join(entry.casefold().split())
        for entries in lexicons.load_all("vague_link_text").values()
        for entry in entries
    )


def normalise(text: str) -> str:
    return " ".join(text.casefold().split()).strip(_DECORATION)


def is_vague(text: str) -> bool:
    return normalise(text) in _vague_texts()


def is_address_only(text: str) -> bool:
    stripped = text.strip().strip(_DECORATION.replace("/", ""))
    if ("." not in stripped and "/" not in stripped) or any(c.isspace() for c in stripped):
        return False
    if stripped.lower().startswith(("http://", "https://", "www.")):
        return True
    found = urls.find(stripped)
    return len(found) == 1 and found[0].span == (0, len(stripped)) and found[0].kind != "spelled"


class VagueLinkText(Rule):
    code = "LK05"
    name = "links.vague-link-text"
    title = "Link text does not say where the link leads"
    rationale = """
        A reader should know where a link goes before clicking it, and screen
        readers list links by their text alone. "Click here for warranty
        information" says where it leads; a bare "here", "read more" or a raw
        web address does not. An image that is the whole link needs alt text to
        say the same.
        """
    guidelines = ("G-STYLE-LINK-TEXT",)
    languages = "*"
    default_action = Action.WARN
    explanation = N_("The link text %(excerpt)s does not say where the link leads.")
    advice = N_('Describe the destination in the link text, for example "Track your parcel with PostNord".')
    examples = (
        bad(
            "en",
            '<p>Your parcel is on its way. <a href="https://www.ups.com/track?id=1Z9">[[Click here]]</a>.</p>',
            format="html",
        ),
        bad(
            "en",
            '<p>Tracking: <a href="https://www.ups.com/track?id=1Z9">[[https://www.ups.com/track?id=1Z9]]</a></p>',
            format="html",
        ),
        good(
            "en",
            '<p><a href="https://www.amazon.com/gp/help">Click here for warranty information</a>.</p>',
            format="html",
        ),
        bad("sv", '<p>Följ paketet <a href="https://www.postnord.se/track?id=1">[[här]]</a>.</p>', format="html"),
        good("sv", '<p><a href="https://www.postnord.se/track?id=1">Följ paketet hos PostNord</a>.</p>', format="html"),
        bad(
            "nl",
            '<p>Volg uw pakket: <a href="https://www.postnl.nl/tracktrace/?B=3S">[[klik hier]]</a>.</p>',
            format="html",
        ),
        good(
            "nl",
            '<p><a href="https://www.postnl.nl/tracktrace/?B=3S">Volg uw pakket bij PostNL</a>.</p>',
            format="html",
        ),
        bad(
            "de",
            '<p>Zur Sendungsverfolgung <a href="https://www.dhl.de/s?id=1">[[hier klicken]]</a>.</p>',
            format="html",
        ),
        good("de", '<p><a href="https://www.dhl.de/s?id=1">Sendung bei DHL verfolgen</a>.</p>', format="html"),
        bad(
            "fr",
            '<p>Pour suivre votre colis, <a href="https://www.laposte.fr/s?c=6A">[[cliquez ici]]</a>.</p>',
            format="html",
        ),
        good(
            "fr", '<p><a href="https://www.laposte.fr/s?c=6A">Suivre votre colis sur La Poste</a>.</p>', format="html"
        ),
        bad(
            "es", '<p>Puede seguir su paquete <a href="https://www.correos.es/l?n=PQ">[[aquí]]</a>.</p>', format="html"
        ),
        good("es", '<p><a href="https://www.correos.es/l?n=PQ">Seguir su paquete en Correos</a>.</p>', format="html"),
        bad("it", '<p>Può seguire il pacco <a href="https://www.poste.it/t?id=1AB">[[qui]]</a>.</p>', format="html"),
        good(
            "it", '<p><a href="https://www.poste.it/t?id=1AB">Segua il pacco su Poste Italiane</a>.</p>', format="html"
        ),
        bad(
            "pl", '<p>Status przesyłki sprawdzisz <a href="https://inpost.pl/s?n=68">[[tutaj]]</a>.</p>', format="html"
        ),
        good("pl", '<p><a href="https://inpost.pl/s?n=68">Sprawdź status przesyłki w InPost</a>.</p>', format="html"),
        bad("ja", '<p>配送状況は<a href="https://www.kuronekoyamato.co.jp/t">[[こちら]]</a>。</p>', format="html"),
        good(
            "ja", '<p><a href="https://www.kuronekoyamato.co.jp/t">ヤマト運輸で配送状況を確認</a>。</p>', format="html"
        ),
        bad("zh", '<p>查询物流请<a href="https://www.sf-express.com/w">[[点击这里]]</a>。</p>', format="html"),
        good("zh", '<p><a href="https://www.sf-express.com/w">在顺丰官网查询物流</a>。</p>', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        linked_images = [image for image in message.images if image.tag == "img" and image.link_href]
        starts = [image.span[0] for image in linked_images]
        for link in message.links:
            text = link.text.strip()
            if not text:
                if _images_named(link, linked_images, starts):
                    continue
                yield self.finding(scan, link.span, detector="link_text", pattern="empty", message_id=_EMPTY)
            elif is_vague(text):
                yield self.finding(scan, trimmed(message.source, link.text_span), detector="link_text", pattern="vague")
            elif is_address_only(text):
                span = trimmed(message.source, link.text_span)
                yield self.finding(scan, span, detector="link_text", pattern="address", message_id=_ADDRESS_ONLY)


def _images_named(link: Link, images: list[Image], starts: list[int]) -> bool:
    """The link holds an image whose alt text names it (judged like link text)."""
    index = bisect_left(starts, link.text_span[0])
    while index < len(images) and starts[index] < link.text_span[1]:
        alt = (images[index].alt or "").strip()
        if alt and not is_vague(alt):
            return True
        index += 1
    return False
