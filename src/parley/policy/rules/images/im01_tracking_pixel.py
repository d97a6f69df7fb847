"""IM01: an image that is there to report that the buyer opened the message."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import image_sizes, image_urls
from parley.policy.i18n import N_
from parley.policy.parts import Image
from parley.policy.rule import Edit, Finding, Rule, bad, good
from parley.policy.scan import Scan

_HIDDEN = N_(
    "The image %(src)s is hidden from the reader, so it can only be there to report that the message was opened."
)
_HOST = N_("The image %(src)s is loaded from %(host)s, an e-mail tracking or analytics service.")
_PATH = N_("The image address %(src)s has the shape of an open-tracking beacon (%(signal)s).")
_QUERY = N_("The image address %(src)s carries a tracking parameter (%(signal)s) that identifies the reader.")


class TrackingPixel(Rule):
    code = "IM01"
    name = "images.tracking-pixel"
    title = "Message contains a tracking pixel or tracking image"
    rationale = """
        A tracking image tells the sender when, where and on what device the
        buyer opened the message. The guidelines forbid tracking pixels and
        tracking images. Such images are drawn at one pixel or less, hidden,
        served by e-mail analytics services, or given an address that marks
        them as a beacon (an /open or /pixel path, a recipient or utm_
        parameter). The finding says which of these signals matched. Images
        embedded in the e-mail (cid:) or in the markup (data:) load nothing
        from the network, so they cannot track and are left alone. The fix
        removes the <img> tag.
        """
    guidelines = ("G-CONTENT-TRACKING",)
    fixable = True
    explanation = N_(
        "The image %(src)s is %(size)s pixels, the size of a tracking pixel that reports when the message is opened."
    )
    advice = N_("Remove the tracking image: the marketplace does not allow tracking whether a buyer opened a message.")
    examples = (
        bad(
            "en",
            '<p>Thank you for your order!</p>[[<img src="https://mail.shop.com/i/a81f.gif" width="1" height="1">]]',
            format="html",
        ),
        good(
            "en",
            '<p>Thank you for your order!</p><img src="https://cdn.shop.com/logo.png" alt="Shop logo" width="120">',
            format="html",
        ),
        bad(
            "sv",
            '<p>Tack för din beställning!</p>[[<img src="https://cdn.butik.se/b.png" alt="" style="display:none">]]',
            format="html",
        ),
        good(
            "sv",
            '<p>Tack för din beställning!</p><img src="https://cdn.butik.se/logo.png" alt="Butikens logotyp">',
            format="html",
        ),
        bad(
            "nl",
            '<p>Bedankt voor uw bestelling.</p>[[<img src="https://winkel.us5.list-manage.com/track/open.php?u=9a">]]',
            format="html",
        ),
        good(
            "nl",
            '<p>Bedankt voor uw bestelling.</p><img src="https://cdn.winkel.nl/logo.png" alt="Logo van de winkel">',
            format="html",
        ),
        bad(
            "de",
            '<p>Vielen Dank für Ihren Einkauf.</p>[[<img src="https://u123.ct.sendgrid.net/wf/open?upn=x1">]]',
            format="html",
        ),
        good(
            "de",
            '<p>Vielen Dank für Ihren Einkauf.</p><img src="https://cdn.laden.de/logo.png" alt="Logo unseres Ladens">',
            format="html",
        ),
        bad(
            "fr",
            '<p>Merci pour votre commande.</p>[[<img src="https://www.google-analytics.com/collect?v=1&t=event">]]',
            format="html",
        ),
        good(
            "fr",
            '<p>Merci pour votre commande.</p><img src="https://cdn.boutique.fr/logo.png" alt="Logo de la boutique">',
            format="html",
        ),
        bad(
            "es",
            '<p>Gracias por su pedido.</p>[[<img src="https://tienda.es/pixel/abc123.png" alt="logo">]]',
            format="html",
        ),
        good(
            "es",
            '<p>Gracias por su pedido.</p><img src="https://tienda.es/img/logo.png" alt="Logotipo de la tienda">',
            format="html",
        ),
        bad(
            "it",
            "<p>Grazie per il suo ordine.</p>[[<img "
            'src="https://negozio.it/logo.png?utm_source=mail&amp;utm_medium=email" alt="Logo del negozio">]]',
            format="html",
        ),
        good(
            "it",
            '<p>Grazie per il suo ordine.</p><img src="https://negozio.it/logo.png?v=2" alt="Logo del negozio">',
            format="html",
        ),
        bad(
            "pl",
            '<p>Dziękujemy za zamówienie.</p>[[<img src="https://sklep.pl/x.gif" width="0" height="0">]]',
            format="html",
        ),
        good(
            "pl",
            '<p>Dziękujemy za zamówienie.</p><img src="https://sklep.pl/logo.png" alt="Logo sklepu" width="150" '
            'height="50">',
            format="html",
        ),
        bad(
            "ja",
            "<p>ご注文ありがとうございます。</p>"
            '[[<img src="https://www.facebook.com/tr?id=42&amp;ev=PageView" alt="">]]',
            format="html",
        ),
        good(
            "ja",
            '<p>ご注文ありがとうございます。</p><img src="https://cdn.shop.jp/logo.png" alt="ショップのロゴ">',
            format="html",
        ),
        bad("zh", '<p>感谢您的订购。</p>[[<img src="https://pixel.dianpu.cn/o.png?id=7">]]', format="html"),
        good("zh", '<p>感谢您的订购。</p><img src="https://cdn.dianpu.cn/logo.png" alt="店铺标志">', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        for image in scan.message.images:
            if not image.src or image_urls.is_embedded(image.src):
                continue
            finding = self._inspect(scan, image)
            if finding is not None:
                yield finding

    def _inspect(self, scan: Scan, image: Image) -> Finding | None:
        fix = Edit(image.span, "") if image.tag == "img" and image.span[1] > image.span[0] else None
        src = image_urls.short(image.src)
        if image.hidden:
            return self.finding(
                scan, image.span, detector="image_sizes", pattern="hidden", message_id=_HIDDEN, fix=fix, src=src
            )
        size = image_sizes.tiny_size(image)
        if size is not None:
            return self.finding(scan, image.span, detector="image_sizes", pattern="tiny", fix=fix, src=src, size=size)
        signal = scan.cached(image_urls.tracking_signal, image.src)
        if signal is None:
            return None
        if signal.pattern == "tracking-host":
            return self.finding(
                scan,
                image.span,
                detector="image_urls",
                pattern=signal.pattern,
                message_id=_HOST,
                fix=fix,
                src=src,
                host=signal.detail,
            )
        return self.finding(
            scan,
            image.span,
            detector="image_urls",
            pattern=signal.pattern,
            message_id=_PATH if signal.pattern == "tracking-path" else _QUERY,
            fix=fix,
            src=src,
            signal=signal.detail,
        )
