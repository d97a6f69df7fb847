"""IM03: an image without alt text, or whose alt text is only a file name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parley.policy.detectors import image_sizes, image_urls
from parley.policy.i18n import N_
from parley.policy.parts import Image
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_EMPTY = N_("The image %(src)s has an empty alt text.")
_FILE_NAME = N_('The alt text of the image %(src)s is only a file name ("%(alt)s").')

_FILE_NAME_ALT = re.compile(
    r"[\w\-.() ]{0,120}\.(?:jpe?g|png|gif|webp|bmp|tiff?|heic|heif|svg|avif)"
    r"|(?:img|dsc[nf]?|dcim|pxl|mvimg|screenshot|scan|image|photo|foto|bild|bilde)[_-]?\d{2,}[\w-]{0,40}",
    re.IGNORECASE,
)


def file_name_alt(alt: str, src: str) -> bool:
    """``IMG_1234.jpg``, ``DSC01234``, or the image's own file name without its extension (``logo_v2``)."""
    alt = alt.strip()
    if _FILE_NAME_ALT.fullmatch(alt):
        return True
    stem = image_urls.file_name(src).rsplit(".", 1)[0]
    return bool(stem) and alt.lower() == stem.lower() and re.search(r"[\d_]", stem) is not None


class MissingAltText(Rule):
    code = "IM03"
    name = "images.missing-alt-text"
    title = "Image has no alt text"
    rationale = """
        Alt text is what a buyer hears from a screen reader, and what a mail
        client shows while images are blocked. The guidelines forbid images
        and graphics without alt text. An alt attribute that is missing,
        empty or only white space is reported, and so is one that is only a
        file name (IMG_1234.jpg, or the image's own file name), which says
        nothing about the picture. Hidden and one-pixel images are left to
        IM01: they should not be there at all. Background images cannot
        carry alt text and are not checked.
        """
    guidelines = ("G-STYLE-LINK-TEXT",)
    explanation = N_("The image %(src)s has no alt text.")
    advice = N_("Add an alt attribute that says what the image shows, in the buyer's language.")
    examples = (
        bad("en", '<p>Our new packaging:</p>[[<img src="https://shop.com/box.png">]]', format="html"),
        good(
            "en",
            '<p>Our new packaging:</p><img src="https://shop.com/box.png" alt="The gift box your order ships in">',
            format="html",
        ),
        bad("sv", '<p>Så här monterar du hyllan:</p>[[<img src="https://butik.se/steg1.png" alt="">]]', format="html"),
        good(
            "sv",
            '<p>Så här monterar du hyllan:</p><img src="https://butik.se/steg1.png" alt="Steg 1: skruva fast benen">',
            format="html",
        ),
        bad(
            "nl",
            '<p>Zo sluit u de lamp aan:</p>[[<img src="https://winkel.nl/aansluiten.jpg" alt="IMG_2045.JPG">]]',
            format="html",
        ),
        good(
            "nl",
            '<p>Zo sluit u de lamp aan:</p><img src="https://winkel.nl/aansluiten.jpg" alt="De bruine draad gaat naar '
            'L">',
            format="html",
        ),
        bad(
            "de", '<p>So sieht Ihr Entwurf aus:</p>[[<img src="https://laden.de/entwurf.png" alt="  ">]]', format="html"
        ),
        good(
            "de",
            '<p>So sieht Ihr Entwurf aus:</p><img src="https://laden.de/entwurf.png" alt="Ihr Entwurf mit der Gravur '
            'Anna">',
            format="html",
        ),
        bad(
            "fr",
            '<p>Voici notre logo.</p>[[<img src="https://boutique.fr/logo_2024_v3.png" alt="logo_2024_v3">]]',
            format="html",
        ),
        good(
            "fr",
            '<p>Voici notre logo.</p><img src="https://boutique.fr/logo_2024_v3.png" alt="Logo de la boutique">',
            format="html",
        ),
        bad("es", '<p>Así debe doblar la caja:</p>[[<img src="https://tienda.es/caja.png">]]', format="html"),
        good(
            "es",
            '<p>Así debe doblar la caja:</p><img src="https://tienda.es/caja.png" alt="Cómo doblar la caja de '
            'devolución">',
            format="html",
        ),
        bad(
            "it",
            '<p>Ecco la bozza della targa:</p>[[<img src="https://negozio.it/bozza.png" alt="DSC01234">]]',
            format="html",
        ),
        good(
            "it",
            '<p>Ecco la bozza della targa:</p><img src="https://negozio.it/bozza.png" alt="Bozza della targa con il '
            'nome Marco">',
            format="html",
        ),
        bad("pl", '<p>Tak należy zapakować zwrot:</p>[[<img src="https://sklep.pl/zwrot.png">]]', format="html"),
        good(
            "pl",
            '<p>Tak należy zapakować zwrot:</p><img src="https://sklep.pl/zwrot.png" alt="Sposób pakowania zwrotu">',
            format="html",
        ),
        bad("ja", '<p>刻印のデザイン案です。</p>[[<img src="https://shop.jp/design.png" alt="">]]', format="html"),
        good(
            "ja",
            '<p>刻印のデザイン案です。</p><img src="https://shop.jp/design.png" alt="お名前入りの刻印デザイン案">',
            format="html",
        ),
        bad("zh", '<p>这是定制图案的效果图。</p>[[<img src="https://dianpu.cn/xiaoguo.png">]]', format="html"),
        good(
            "zh",
            '<p>这是定制图案的效果图。</p><img src="https://dianpu.cn/xiaoguo.png" alt="刻有您名字的定制图案效果图">',
            format="html",
        ),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        for image in scan.message.images:
            if image.tag != "img" or not image.src or _is_tracking(scan, image):
                continue
            src = image_urls.short(image.src)
            if image.alt is None:
                yield self.finding(scan, image.span, detector="html_dom", pattern="missing", src=src)
            elif not image.alt.strip():
                yield self.finding(scan, image.span, detector="html_dom", pattern="empty", message_id=_EMPTY, src=src)
            elif file_name_alt(image.alt, image.src):
                yield self.finding(
                    scan,
                    image.span,
                    detector="html_dom",
                    pattern="file-name",
                    message_id=_FILE_NAME,
                    src=src,
                    alt=image.alt.strip()[:100],
                )


def _is_tracking(scan: Scan, image: Image) -> bool:
    """What IM01 reports: hidden, tiny or beacon images, which need removing rather than alt text."""
    if image.hidden or image_sizes.tiny_size(image) is not None:
        return True
    return not image_urls.is_embedded(image.src) and scan.cached(image_urls.tracking_signal, image.src) is not None
