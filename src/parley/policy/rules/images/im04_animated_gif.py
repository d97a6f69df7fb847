"""IM04: an animated image (GIF, APNG or WebP)."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import gif_frames, image_urls
from parley.policy.i18n import N_
from parley.policy.parts import Attachment
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_UNVERIFIED = N_(
    "The image %(src)s is a GIF that may be animated; it is not part of the message, so its frames could not be "
    "counted."
)
_ATTACHED = N_("The attached image %(filename)s is animated (%(frames)s frames).")

# Two 1x1 frames and a single one, built by hand (see tests/policy/detectors/test_gif_frames.py).
_ANIMATED = (
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAAKAAAALAAAAAABAAEAAAICRAEAIfkEAAoAAAAsAAAAAAEAAQAAAgJEAQA7"
)
_STILL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAAKAAAALAAAAAABAAEAAAICRAEAOw=="


class AnimatedGif(Rule):
    code = "IM04"
    name = "images.animated-gif"
    title = "Message contains an animated GIF"
    rationale = """
        The guidelines forbid animated GIFs. When the image's bytes are at
        hand (a data: URI, or a cid: reference to a part of the e-mail, or an
        attached image), the frames are counted by walking the GIF's blocks,
        and animated PNG (acTL) and WebP (ANMF) files count too. An image that
        is only linked (https://.../banner.gif) cannot be opened here, since
        the policy engine does no network I/O: a .gif address is still
        reported, with score 0.5 and pattern gif-url-unverified: a GIF in a
        seller's message is usually an animation, and a still one is better
        sent as PNG.
        """
    guidelines = ("G-STYLE-ANIMATED-GIF",)
    explanation = N_("The image %(src)s is animated (%(frames)s frames).")
    advice = N_("Use a still image instead, such as a PNG or JPEG, or a GIF with a single frame.")
    examples = (
        bad("en", f'<p>Your parcel is on its way!</p>[[<img src="{_ANIMATED}" alt="Moving van">]]', format="html"),
        good("en", f'<p>Your parcel is on its way!</p><img src="{_STILL}" alt="Van">', format="html"),
        bad(
            "sv",
            '<p>Ditt paket är på väg!</p>[[<img src="https://butik.se/bil.gif" alt="Lastbil som kör">]]',
            format="html",
        ),
        good("sv", '<p>Ditt paket är på väg!</p><img src="https://butik.se/bil.png" alt="Lastbil">', format="html"),
        bad(
            "nl", f'<p>Uw pakket is onderweg!</p>[[<img src="{_ANIMATED}" alt="Rijdende bestelwagen">]]', format="html"
        ),
        good(
            "nl",
            '<p>Uw pakket is onderweg!</p><img src="https://winkel.nl/wagen.jpg" alt="Bestelwagen">',
            format="html",
        ),
        bad(
            "de",
            f'<p>Ihr Paket ist unterwegs!</p>[[<img src="{_ANIMATED}" alt="Fahrender Lieferwagen">]]',
            format="html",
        ),
        good("de", f'<p>Ihr Paket ist unterwegs!</p><img src="{_STILL}" alt="Lieferwagen">', format="html"),
        bad(
            "fr",
            '<p>Votre colis est en route !</p>[[<img src="https://boutique.fr/camion.GIF?v=2" alt="Camion qui '
            'roule">]]',
            format="html",
        ),
        good(
            "fr",
            '<p>Votre colis est en route !</p><img src="https://boutique.fr/camion.png" alt="Camion">',
            format="html",
        ),
        bad(
            "es",
            f'<p>¡Su paquete está en camino!</p>[[<img src="{_ANIMATED}" alt="Furgoneta en marcha">]]',
            format="html",
        ),
        good(
            "es",
            '<p>¡Su paquete está en camino!</p><img src="https://tienda.es/furgoneta.png" alt="Furgoneta">',
            format="html",
        ),
        bad(
            "it",
            f'<p>Il suo pacco è in viaggio!</p>[[<img src="{_ANIMATED}" alt="Furgone in movimento">]]',
            format="html",
        ),
        good(
            "it",
            '<p>Il suo pacco è in viaggio!</p><img src="https://negozio.it/furgone.webp" alt="Furgone">',
            format="html",
        ),
        bad(
            "pl",
            '<p>Paczka jest w drodze!</p>[[<img src="https://sklep.pl/auto.gif" alt="Jadący samochód">]]',
            format="html",
        ),
        good(
            "pl",
            '<p>Paczka jest w drodze!</p><img src="https://sklep.pl/auto.png" alt="Samochód dostawczy">',
            format="html",
        ),
        bad("ja", f'<p>お荷物を発送しました。</p>[[<img src="{_ANIMATED}" alt="走るトラック">]]', format="html"),
        good("ja", f'<p>お荷物を発送しました。</p><img src="{_STILL}" alt="トラック">', format="html"),
        bad("zh", f'<p>您的包裹已发出。</p>[[<img src="{_ANIMATED}" alt="行驶的货车">]]', format="html"),
        good("zh", '<p>您的包裹已发出。</p><img src="https://dianpu.cn/huoche.png" alt="货车">', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        by_cid = _by_content_id(scan.message.attachments)
        referenced: set[str] = set()
        for image in scan.message.images:
            if not image.src:
                continue
            src = image_urls.short(image.src)
            data = None
            cid = image_urls.content_id(image.src)
            if cid is not None:
                referenced.add(cid)
                attachment = by_cid.get(cid)
                data = attachment.data if attachment is not None else None
            else:
                decoded = image_urls.data_uri_bytes(image.src)
                data = decoded[1] if decoded is not None else None
            if data is not None:
                frames = scan.cached(gif_frames.frame_count, data)
                if frames > 1:
                    yield self.finding(
                        scan, image.span, detector="gif_frames", pattern="frames", src=src, frames=frames
                    )
            elif cid is None and not image_urls.is_embedded(image.src) and image_urls.extension(image.src) == "gif":
                yield self.finding(
                    scan,
                    image.span,
                    detector="image_urls",
                    pattern="gif-url-unverified",
                    score=0.5,
                    message_id=_UNVERIFIED,
                    src=src,
                )
        for attachment in scan.message.attachments:
            if attachment.content_id and attachment.content_id.lower() in referenced:
                continue
            frames = scan.cached(gif_frames.frame_count, attachment.data)
            if frames > 1:
                yield self.message_finding(
                    scan,
                    detector="gif_frames",
                    pattern="frames",
                    message_id=_ATTACHED,
                    filename=attachment.filename or attachment.declared_type,
                    frames=frames,
                )


def _by_content_id(attachments: list[Attachment]) -> dict[str, Attachment]:
    return {a.content_id.lower(): a for a in attachments if a.content_id}
