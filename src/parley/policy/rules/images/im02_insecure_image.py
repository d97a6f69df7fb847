"""IM02: an image loaded over plain http."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import image_urls
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan


class InsecureImage(Rule):
    code = "IM02"
    name = "images.insecure-image"
    title = "Image is loaded over insecure http"
    rationale = """
        An image fetched over plain http can be read and replaced by anyone on
        the network path, and mail clients warn about or block mixed content.
        The guidelines forbid insecure images. This covers <img> sources, CSS
        background images and the background attribute of tables and cells.
        Images embedded in the e-mail (cid:) or the markup (data:) are not
        fetched at all and are fine; protocol-relative addresses (//host/...)
        take the scheme of the page and are not reported.
        """
    guidelines = ("G-STYLE-INSECURE-IMAGE",)
    explanation = N_("The image %(src)s is loaded over insecure http.")
    advice = N_("Serve the image over https (an address starting with https://).")
    examples = (
        bad("en", '<p>Here is our logo:</p>[[<img src="http://shop.com/logo.png" alt="Shop logo">]]', format="html"),
        good("en", '<p>Here is our logo:</p><img src="https://shop.com/logo.png" alt="Shop logo">', format="html"),
        bad(
            "sv",
            '[[<table background="http://butik.se/bg.png">]]<tr><td>Tack för ditt köp!</td></tr></table>',
            format="html",
        ),
        good(
            "sv",
            '<table background="https://butik.se/bg.png"><tr><td>Tack för ditt köp!</td></tr></table>',
            format="html",
        ),
        bad(
            "nl",
            '[[<div style="background-image:url(http://winkel.nl/kop.png)">]]Bedankt voor uw aankoop.</div>',
            format="html",
        ),
        good(
            "nl",
            '<div style="background-image:url(https://winkel.nl/kop.png)">Bedankt voor uw aankoop.</div>',
            format="html",
        ),
        bad("de", '<p>Unser Firmenlogo:</p>[[<img src="HTTP://laden.de/logo.png" alt="Firmenlogo">]]', format="html"),
        good("de", '<p>Unser Firmenlogo:</p><img src="cid:logo@laden.de" alt="Firmenlogo">', format="html"),
        bad(
            "fr",
            '<p>Notre logo :</p>[[<img src="http://boutique.fr/logo.png" alt="Logo de la boutique">]]',
            format="html",
        ),
        good(
            "fr", '<p>Notre logo :</p><img src="https://boutique.fr/logo.png" alt="Logo de la boutique">', format="html"
        ),
        bad(
            "es",
            '<table><tr>[[<td background="http://tienda.es/fondo.jpg">]]Gracias por su compra.</td></tr></table>',
            format="html",
        ),
        good("es", "<table><tr><td>Gracias por su compra.</td></tr></table>", format="html"),
        bad(
            "it",
            '<p>Il nostro logo:</p>[[<img src="http://negozio.it/logo.png" alt="Logo del negozio">]]',
            format="html",
        ),
        good(
            "it", '<p>Il nostro logo:</p><img src="https://negozio.it/logo.png" alt="Logo del negozio">', format="html"
        ),
        bad("pl", '<p>Nasze logo:</p>[[<img src="http://sklep.pl/logo.png" alt="Logo sklepu">]]', format="html"),
        good("pl", '<p>Nasze logo:</p><img src="https://sklep.pl/logo.png" alt="Logo sklepu">', format="html"),
        bad("ja", '<p>当店のロゴです。</p>[[<img src="http://shop.jp/logo.png" alt="当店のロゴ">]]', format="html"),
        good("ja", '<p>当店のロゴです。</p><img src="https://shop.jp/logo.png" alt="当店のロゴ">', format="html"),
        bad("zh", '<p>这是我们的标志。</p>[[<img src="http://dianpu.cn/logo.png" alt="店铺标志">]]', format="html"),
        good("zh", '<p>这是我们的标志。</p><img src="https://dianpu.cn/logo.png" alt="店铺标志">', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        seen: set[tuple[tuple[int, int], str]] = set()
        for image in scan.message.images:
            if not image.src or image_urls.split(image.src).scheme != "http":
                continue
            key = (image.span, image.src)
            if key in seen:
                continue
            seen.add(key)
            yield self.finding(scan, image.span, detector="image_urls", pattern="http", src=image_urls.short(image.src))
