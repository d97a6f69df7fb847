"""IM06: a picture of the purchased product, which the marketplace adds itself."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from parley.policy.detectors import image_urls
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_CATALOGUE = N_("The image %(src)s comes from the marketplace's product catalogue, which adds product images itself.")

_MUG = "https://m.media-amazon.com/images/I/71qXk3Zl9bL._AC_SL1500_.jpg"


@lru_cache(maxsize=256)
def _product_keys(urls: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Normalised addresses and marketplace image IDs of the order's product images."""
    normalised = frozenset(image_urls.normalise(url) for url in urls if url.strip())
    ids = frozenset(i for url in urls if (i := image_urls.marketplace_image_id(url)) is not None)
    return normalised, ids


class ProductImage(Rule):
    code = "IM06"
    name = "images.product-image"
    title = "Message contains an image of the purchased product"
    rationale = """
        The guidelines forbid images of the purchased products: the
        marketplace shows them next to the message itself. An image is
        reported when its address is one of the order's product images
        (compared without scheme and query string), when it is the same
        catalogue image in another size (the same ID under /images/I/ on the
        marketplace's image hosts), or when it is served from the
        marketplace's product catalogue at all, which only holds product
        pictures. A seller's own re-upload under another name cannot be
        recognised from its address.
        """
    guidelines = ("G-CONTENT-PRODUCT-IMAGE",)
    explanation = N_(
        "The image %(src)s is a picture of the purchased product; the marketplace adds product images itself."
    )
    advice = N_("Remove the product image and refer to the product by its name.")
    examples = (
        bad("en", f'<p>Your order:</p>[[<img src="{_MUG}" alt="Blue mug">]]', format="html"),
        good("en", "<p>Your order of the blue mug has shipped.</p>", format="html"),
        bad(
            "sv",
            '<p>Din beställning:</p>[[<img src="https://cdn.butik.se/produkter/bla-mugg.jpg?w=300" alt="Blå mugg">]]',
            format="html",
            product_image_urls=("https://cdn.butik.se/produkter/bla-mugg.jpg",),
        ),
        good(
            "sv",
            '<p>Din beställning:</p><img src="https://cdn.butik.se/logo.png" alt="Butikens logotyp">',
            format="html",
            product_image_urls=("https://cdn.butik.se/produkter/bla-mugg.jpg",),
        ),
        bad(
            "nl",
            '<p>Uw bestelling:</p>[[<img src="https://images-na.ssl-images-amazon.com/images/I/71qXk3Zl9bL.jpg" '
            'alt="Blauwe mok">]]',
            format="html",
        ),
        good("nl", "<p>Uw bestelling van de blauwe mok is verzonden.</p>", format="html"),
        bad(
            "de",
            '<p>Ihre Bestellung:</p>[[<img src="https://m.media-amazon.com/images/I/61abcDEF12L._SX300_.jpg" '
            'alt="Blaue Tasse">]]',
            format="html",
        ),
        good(
            "de",
            '<p>Ihre Bestellung:</p><img src="https://m.media-amazon.com/images/G/03/logo.png" alt="Logo">',
            format="html",
        ),
        bad("fr", f'<p>Votre commande :</p>[[<img src="{_MUG}" alt="Tasse bleue">]]', format="html"),
        good("fr", "<p>Votre commande de la tasse bleue a été expédiée.</p>", format="html"),
        bad("es", f'<p>Su pedido:</p>[[<img src="{_MUG}" alt="Taza azul">]]', format="html"),
        good("es", "<p>Su pedido de la taza azul ya está en camino.</p>", format="html"),
        bad(
            "it",
            '<p>Il suo ordine:</p>[[<img src="http://negozio.it/prodotti/tazza.jpg" alt="Tazza blu">]]',
            format="html",
            product_image_urls=("https://negozio.it/prodotti/tazza.jpg",),
        ),
        good(
            "it",
            "<p>Il suo ordine della tazza blu è stato spedito.</p>",
            format="html",
            product_image_urls=("https://negozio.it/prodotti/tazza.jpg",),
        ),
        bad("pl", f'<p>Twoje zamówienie:</p>[[<img src="{_MUG}" alt="Niebieski kubek">]]', format="html"),
        good("pl", "<p>Twoje zamówienie (niebieski kubek) zostało wysłane.</p>", format="html"),
        bad("ja", f'<p>ご注文の商品：</p>[[<img src="{_MUG}" alt="青いマグカップ">]]', format="html"),
        good("ja", "<p>ご注文の青いマグカップを発送しました。</p>", format="html"),
        bad("zh", f'<p>您订购的商品：</p>[[<img src="{_MUG}" alt="蓝色马克杯">]]', format="html"),
        good("zh", "<p>您订购的蓝色马克杯已发货。</p>", format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        urls, ids = _product_keys(scan.context.product_image_urls)
        for image in scan.message.images:
            if not image.src or image_urls.is_embedded(image.src):
                continue
            src = image_urls.short(image.src)
            if urls and image_urls.normalise(image.src) in urls:
                yield self.finding(scan, image.span, detector="image_urls", pattern="product-image-url", src=src)
                continue
            image_id = image_urls.marketplace_image_id(image.src)
            if image_id is None:
                continue
            if image_id in ids:
                yield self.finding(scan, image.span, detector="image_urls", pattern="product-image-id", src=src)
            else:
                yield self.finding(
                    scan,
                    image.span,
                    detector="image_urls",
                    pattern="marketplace-image-host",
                    message_id=_CATALOGUE,
                    src=src,
                )
