"""IM07: a stock photo, meme, GIF or social-media picture in a seller's message."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import image_urls
from parley.policy.i18n import N_
from parley.policy.rule import Action, Finding, Rule, bad, good
from parley.policy.scan import Scan


class UnrelatedImage(Rule):
    code = "IM07"
    name = "images.unrelated-image"
    title = "Image comes from a stock-photo, meme or social-media site"
    rationale = """
        The guidelines forbid images unrelated to the seller's brand or
        business. Whether a picture is related cannot be seen from its pixels
        here, but where it comes from says a lot: GIF and meme sites, image
        sharing sites, social networks and stock-photo agencies
        (lexicons/common/image_unrelated_hosts.txt) do not host a seller's
        own logo or product photos. The judgement is heuristic, so the
        finding warns rather than blocks.
        """
    guidelines = ("G-CONTENT-UNRELATED-IMAGE",)
    default_action = Action.WARN
    explanation = N_(
        "The image %(src)s comes from %(host)s, a stock-photo, meme or social-media site, "
        "not from the seller's own brand or business."
    )
    advice = N_("Use only images of your own brand or business, such as your logo, or remove the image.")
    examples = (
        bad(
            "en",
            '<p>Thanks a lot!</p>[[<img src="https://media.giphy.com/media/3o7abKhOpu0NwenH3O/giphy.gif" alt="Thank '
            'you">]]',
            format="html",
        ),
        good("en", '<p>Thanks a lot!</p><img src="https://cdn.shop.com/logo.png" alt="Shop logo">', format="html"),
        bad(
            "sv", '<p>Tack så mycket!</p>[[<img src="https://i.imgur.com/Xb3k9Qz.jpg" alt="Glad hund">]]', format="html"
        ),
        good(
            "sv",
            '<p>Tack så mycket!</p><img src="https://cdn.butik.se/logo.png" alt="Butikens logotyp">',
            format="html",
        ),
        bad(
            "nl",
            '<p>Hartelijk dank!</p>[[<img src="https://media.tenor.com/abc123/dank.gif" alt="Dank je">]]',
            format="html",
        ),
        good(
            "nl",
            '<p>Hartelijk dank!</p><img src="https://cdn.winkel.nl/logo.png" alt="Logo van de winkel">',
            format="html",
        ),
        bad(
            "de",
            '<p>Vielen Dank!</p>[[<img src="https://i.pinimg.com/564x/ab/cd/ef/blumen.jpg" alt="Blumen">]]',
            format="html",
        ),
        good(
            "de",
            '<p>Vielen Dank!</p><img src="https://cdn.laden.de/logo.png" alt="Logo unseres Ladens">',
            format="html",
        ),
        bad(
            "fr",
            '<p>Merci beaucoup !</p>[[<img src="https://image.shutterstock.com/image-photo/merci-260nw-1.jpg" '
            'alt="Merci">]]',
            format="html",
        ),
        good(
            "fr",
            '<p>Merci beaucoup !</p><img src="https://cdn.boutique.fr/logo.png" alt="Logo de la boutique">',
            format="html",
        ),
        bad(
            "es",
            '<p>¡Muchas gracias!</p>[[<img src="https://images.unsplash.com/photo-1516117172878?w=400" alt="Flores">]]',
            format="html",
        ),
        good(
            "es",
            '<p>¡Muchas gracias!</p><img src="https://cdn.tienda.es/logo.png" alt="Logotipo de la tienda">',
            format="html",
        ),
        bad("it", '<p>Grazie mille!</p>[[<img src="https://i.imgflip.com/1ur9b0.jpg" alt="Meme">]]', format="html"),
        good(
            "it",
            '<p>Grazie mille!</p><img src="https://cdn.negozio.it/logo.png" alt="Logo del negozio">',
            format="html",
        ),
        bad(
            "pl",
            '<p>Dziękujemy!</p>[[<img src="https://cdn.pixabay.com/photo/2016/kwiaty.jpg" alt="Kwiaty">]]',
            format="html",
        ),
        good("pl", '<p>Dziękujemy!</p><img src="https://cdn.sklep.pl/logo.png" alt="Logo sklepu">', format="html"),
        bad(
            "ja",
            "<p>ありがとうございました。</p>"
            '[[<img src="https://media.istockphoto.com/id/12345/photo/hana.jpg" alt="花">]]',
            format="html",
        ),
        good(
            "ja",
            '<p>ありがとうございました。</p><img src="https://cdn.shop.jp/logo.png" alt="ショップのロゴ">',
            format="html",
        ),
        bad(
            "zh",
            '<p>非常感谢！</p>[[<img src="https://images.pexels.com/photos/1/hua.jpeg" alt="鲜花">]]',
            format="html",
        ),
        good("zh", '<p>非常感谢！</p><img src="https://cdn.dianpu.cn/logo.png" alt="店铺标志">', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        hosts = image_urls.host_list("image_unrelated_hosts")
        for image in scan.message.images:
            if not image.src or image_urls.is_embedded(image.src):
                continue
            host = hosts.match(image.src)
            if host is not None:
                yield self.finding(
                    scan,
                    image.span,
                    detector="image_urls",
                    pattern="unrelated-host",
                    src=image_urls.short(image.src),
                    host=host,
                )
