"""IM05: an image wider than 80% of the message width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from parley.policy.detectors import image_sizes, image_urls
from parley.policy.detectors.image_sizes import Length
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

MAX_WIDTH_PX = 600
"""The width of an e-mail body as mail clients and templates lay it out."""
MAX_SHARE = 0.8
LIMIT_PX = int(MAX_WIDTH_PX * MAX_SHARE)
LIMIT_PERCENT = int(MAX_SHARE * 100)

_MIN_WIDTH = N_(
    "The image %(src)s has a minimum width of %(width)s, more than 80%% of the %(max_width)s px message width "
    "(%(limit)s px)."
)


def _too_wide(length: Length) -> bool:
    if length.unit == "%":
        return length.value > LIMIT_PERCENT
    return length.value > LIMIT_PX


class TooWide(Rule):
    code = "IM05"
    name = "images.too-wide"
    title = "Image is wider than 80% of the message width"
    rationale = """
        The guidelines forbid images or graphics wider than 80% of the maximum
        width. We read the maximum width as the 600 px body that e-mail
        templates and mail clients use (MAX_WIDTH_PX), so an image may be at
        most 480 px wide, or 80% when given as a percentage. The width comes
        from the inline style (width or min-width) or else the width
        attribute; a max-width that keeps the image within the limit
        (width:100%; max-width:400px) makes it acceptable. Images with no
        declared width, and widths set in a style sheet, are not judged.
        """
    guidelines = ("G-STYLE-IMAGE-WIDTH",)
    explanation = N_(
        "The image %(src)s is %(width)s wide, more than 80%% of the %(max_width)s px message width (%(limit)s px)."
    )
    advice = N_("Make the image at most %(limit)s px (80%%) wide.")
    examples = (
        bad(
            "en",
            '<p>Your custom mug:</p>[[<img src="https://shop.com/mug.png" alt="Your mug design" width="600">]]',
            format="html",
        ),
        good(
            "en",
            '<p>Your custom mug:</p><img src="https://shop.com/mug.png" alt="Your mug design" width="400">',
            format="html",
        ),
        bad(
            "sv",
            '<p>Din gravyr:</p>[[<img src="https://butik.se/gravyr.png" alt="Din gravyr" style="width:100%">]]',
            format="html",
        ),
        good(
            "sv",
            '<p>Din gravyr:</p><img src="https://butik.se/gravyr.png" alt="Din gravyr" '
            'style="width:100%;max-width:400px">',
            format="html",
        ),
        bad(
            "nl",
            '<p>Uw ontwerp:</p>[[<img src="https://winkel.nl/ontwerp.png" alt="Uw ontwerp" width="90%">]]',
            format="html",
        ),
        good(
            "nl",
            '<p>Uw ontwerp:</p><img src="https://winkel.nl/ontwerp.png" alt="Uw ontwerp" width="80%">',
            format="html",
        ),
        bad(
            "de",
            '<p>Ihr Entwurf:</p>[[<img src="https://laden.de/entwurf.png" alt="Ihr Entwurf" style="min-width:550px">]]',
            format="html",
        ),
        good(
            "de",
            '<p>Ihr Entwurf:</p><img src="https://laden.de/entwurf.png" alt="Ihr Entwurf" style="width:300px">',
            format="html",
        ),
        bad(
            "fr",
            '<p>Votre maquette :</p>[[<img src="https://boutique.fr/maquette.png" alt="Votre maquette" width="640" '
            'height="480">]]',
            format="html",
        ),
        good(
            "fr",
            '<p>Votre maquette :</p><img src="https://boutique.fr/maquette.png" alt="Votre maquette" width="480" '
            'height="360">',
            format="html",
        ),
        bad(
            "es",
            '<p>Su diseño:</p>[[<img src="https://tienda.es/diseno.png" alt="Su diseño" style="width: 500px">]]',
            format="html",
        ),
        good(
            "es",
            '<p>Su diseño:</p><img src="https://tienda.es/diseno.png" alt="Su diseño" style="width: 50%">',
            format="html",
        ),
        bad(
            "it",
            '<p>La sua bozza:</p>[[<img src="https://negozio.it/bozza.png" alt="La sua bozza" width="100%">]]',
            format="html",
        ),
        good(
            "it",
            '<p>La sua bozza:</p><img src="https://negozio.it/bozza.png" alt="La sua bozza" width="240">',
            format="html",
        ),
        bad(
            "pl",
            '<p>Twój projekt:</p>[[<img src="https://sklep.pl/projekt.png" alt="Twój projekt" width="720">]]',
            format="html",
        ),
        good(
            "pl",
            '<p>Twój projekt:</p><img src="https://sklep.pl/projekt.png" alt="Twój projekt" width="360">',
            format="html",
        ),
        bad(
            "ja",
            '<p>デザイン案です。</p>[[<img src="https://shop.jp/an.png" alt="デザイン案" style="width:100%">]]',
            format="html",
        ),
        good(
            "ja",
            '<p>デザイン案です。</p><img src="https://shop.jp/an.png" alt="デザイン案" style="width:60%">',
            format="html",
        ),
        bad(
            "zh", '<p>设计稿如下。</p>[[<img src="https://dianpu.cn/gao.png" alt="设计稿" width="800">]]', format="html"
        ),
        good("zh", '<p>设计稿如下。</p><img src="https://dianpu.cn/gao.png" alt="设计稿" width="300">', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        for image in scan.message.images:
            if image.tag != "img":
                continue
            params: dict[str, Any] = {"src": image_urls.short(image.src), "max_width": MAX_WIDTH_PX, "limit": LIMIT_PX}
            minimum = image_sizes.styled(image, "min-width")
            if minimum is not None and _too_wide(minimum):
                yield self.finding(
                    scan,
                    image.span,
                    detector="image_sizes",
                    pattern="min-width",
                    message_id=_MIN_WIDTH,
                    width=str(minimum),
                    **params,
                )
                continue
            width = image_sizes.declared(image, "width")
            if width is None or not _too_wide(width):
                continue
            maximum = image_sizes.styled(image, "max-width")
            if maximum is not None and not _too_wide(maximum):
                continue
            yield self.finding(
                scan,
                image.span,
                detector="image_sizes",
                pattern="percent" if width.unit == "%" else "px",
                width=str(width),
                **params,
            )
