"""LK04: an image (typically the seller's logo) links to a site outside the marketplace."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from parley.policy.detectors import urls
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.rules.links._targets import is_external
from parley.policy.scan import Scan

_LOGO = '<img src="https://cdn.example-shop.com/logo.png" alt="%s" width="120">'


def _html(lang_text: str, href: str, alt: str, marked: bool = True) -> str:
    image = _LOGO % alt
    return f'<p>{lang_text}</p><p><a href="{href}">{"[[" + image + "]]" if marked else image}</a></p>'


class LogoLink(Rule):
    code = "LK04"
    name = "links.logo-link"
    title = "Image links to a site outside the marketplace"
    rationale = """
        A logo or banner that links to the seller's website is an external link
        in disguise: the buyer clicks a picture and leaves the marketplace. A
        logo may be shown, but it must not link anywhere outside the
        marketplace. Links to a carrier's tracking page are allowed.
        """
    guidelines = ("G-CONTENT-LOGO-LINK",)
    languages = "*"
    explanation = N_("An image links to %(host)s, outside the marketplace, like a logo that links to a website.")
    advice = N_("Remove the link from the image; the image itself may stay.")
    examples = (
        bad(
            "en", _html("Thank you for your order.", "https://www.nordic-gadgets.com", "Nordic Gadgets"), format="html"
        ),
        good("en", "<p>Thank you for your order.</p><p>" + _LOGO % "Nordic Gadgets" + "</p>", format="html"),
        good("en", _html("Thank you.", "https://www.amazon.com/shops/nordicgadgets", "Shop", False), format="html"),
        bad("sv", _html("Tack för din beställning.", "https://nordiska-prylar.se", "Nordiska Prylar"), format="html"),
        good("sv", "<p>Tack för din beställning.</p><p>" + _LOGO % "Nordiska Prylar" + "</p>", format="html"),
        bad("nl", _html("Bedankt voor uw bestelling.", "https://mooiewinkel.nl", "Mooie Winkel"), format="html"),
        good("nl", "<p>Bedankt voor uw bestelling.</p><p>" + _LOGO % "Mooie Winkel" + "</p>", format="html"),
        bad("de", _html("Vielen Dank für Ihre Bestellung.", "https://www.beispiel-laden.de", "Laden"), format="html"),
        good("de", _html("Vielen Dank.", "https://www.amazon.de/stores/Laden/page/1", "Laden", False), format="html"),
        bad("fr", _html("Merci pour votre commande.", "https://boutique-exemple.fr", "Boutique"), format="html"),
        good("fr", "<p>Merci pour votre commande.</p><p>" + _LOGO % "Boutique" + "</p>", format="html"),
        bad("es", _html("Gracias por su pedido.", "https://tienda-ejemplo.es", "Tienda"), format="html"),
        good("es", "<p>Gracias por su pedido.</p><p>" + _LOGO % "Tienda" + "</p>", format="html"),
        bad("it", _html("Grazie per il suo ordine.", "https://negozio-esempio.it", "Negozio"), format="html"),
        good("it", "<p>Grazie per il suo ordine.</p><p>" + _LOGO % "Negozio" + "</p>", format="html"),
        bad("pl", _html("Dziękujemy za zamówienie.", "https://sklep-przyklad.pl", "Sklep"), format="html"),
        good("pl", "<p>Dziękujemy za zamówienie.</p><p>" + _LOGO % "Sklep" + "</p>", format="html"),
        bad("ja", _html("ご注文ありがとうございます。", "https://shop.example.jp", "ショップ"), format="html"),
        good("ja", "<p>ご注文ありがとうございます。</p><p>" + _LOGO % "ショップ" + "</p>", format="html"),
        bad("zh", _html("感谢您的订购。", "https://shop.example.cn", "网店"), format="html"),
        good("zh", "<p>感谢您的订购。</p><p>" + _LOGO % "网店" + "</p>", format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        covered: list[tuple[int, int]] = []
        for image in message.images:
            if image.tag != "img" or not image.link_href:
                continue
            covered.append(image.span)
            match = urls.parse(image.link_href)
            if match is not None and is_external(scan, match.host):
                yield self.finding(scan, image.span, detector="urls", pattern="linked-image", host=match.host)
        starts = sorted(start for start, _ in covered)
        for link in message.links:
            if not link.contains_image:
                continue
            first = bisect_left(starts, link.text_span[0])
            if first < len(starts) and starts[first] < link.text_span[1]:
                continue
            match = urls.parse(link.href)
            if match is not None and is_external(scan, match.host):
                yield self.finding(scan, link.span, detector="urls", pattern="linked-image", host=match.host)
