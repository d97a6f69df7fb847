"""IN01: a buyer message that is not plain text (HTML, links, images, active content, attachments)."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.context import Direction
from parley.policy.detectors import urls
from parley.policy.i18n import N_
from parley.policy.parts import Span
from parley.policy.rule import Action, Finding, Rule, bad, good
from parley.policy.scan import Scan

ACTIVE_TAGS = frozenset({"script", "object", "embed", "applet", "iframe", "frame", "form"})

_LINK = N_("The buyer's message contains a link to %(target)s; buyer messages arrive as plain text, without links.")
_IMAGE = N_("The buyer's message contains an image; buyer messages arrive as plain text, without images.")
_ACTIVE = N_(
    "The buyer's message contains active content (<%(tag)s>), such as Flash, scripts or forms; "
    "buyer messages arrive as plain text only."
)
_ATTACHMENT = N_(
    "The buyer's message has an attachment (%(filename)s, %(type)s); buyer messages arrive as plain text only."
)


class NotPlainText(Rule):
    code = "IN01"
    name = "inbound.not-plain-text"
    title = "Buyer message is not plain text"
    rationale = """
        Messages that buyers send through the marketplace arrive as plain text:
        no formatting, images, Flash or hyperlinks. A message that has them did
        not come the usual way, or was altered on the way, and may be an attempt
        to make the seller open something harmful. The seller is warned, not
        stopped. Reported once per kind of problem, at its first occurrence:
        HTML formatting, active content (Flash, scripts, forms, frames), links
        (HTML links, and web addresses in the text that lead neither to the
        marketplace nor to a carrier), images, and attachments other than text.
        """
    guidelines = ("G-BUYER-PLAIN-TEXT",)
    directions = (Direction.INBOUND,)
    default_action = Action.WARN
    explanation = N_("The buyer's message is formatted as HTML (<%(tag)s>); buyer messages arrive as plain text only.")
    advice = N_(
        "Read the message carefully before acting on it, and do not open its links, images or attachments "
        "unless you are sure who sent them."
    )
    examples = (
        bad("en", "Hi, photos of the damage are here: [[https://photos.example.com/album/123]]"),
        good("en", "Hi, the kettle from order 203-1234567-1234567 arrived with a cracked lid. Can you send a new one?"),
        bad("sv", "[[<p>]]Hej! Paketet har inte kommit fram. <b>Var är det?</b></p>", format="html"),
        good("sv", "Hej! Paketet för order 402-1234567-7654321 har inte kommit fram. Var är det?"),
        bad("nl", 'Hallo, zie de foto: [[<img src="https://img.example.nl/schade.jpg" alt="schade">]]', format="html"),
        good("nl", "Hallo, de lamp doet het niet meer. Kunt u mij helpen? Bestelling 402-1234567-7654321."),
        bad(
            "de", "Hallo, bitte lesen Sie die Anleitung unter [[www.anleitung-beispiel.de/pdf]], dann verstehen Sie es."
        ),
        good("de", "Hallo, gilt die Garantie auch für das Netzteil? Bestellnummer 302-1234567-7654321."),
        bad(
            "fr", 'Bonjour, [[<object data="video.swf" type="application/x-shockwave-flash">]]</object>', format="html"
        ),
        good("fr", "Bonjour, le colis est arrivé ouvert. Que dois-je faire ? Commande 171-1234567-7654321."),
        bad("es", "Hola, he subido el vídeo aquí: [[https://video.example.es/v/9876]] ¿Lo puede ver?"),
        good("es", "Hola, ¿la funda sirve para el modelo de 2021? Pedido 171-1234567-7654321."),
        bad("it", 'Salve, ecco il [[<a href="https://file.example.it/scontrino">]]mio scontrino</a>.', format="html"),
        good("it", "Salve, quando arriva il mio ordine 171-1234567-7654321?"),
        bad("pl", "Dzień dobry, zdjęcia wrzuciłem na [[https://zdjecia.example.pl/abc]]"),
        good("pl", "Dzień dobry, kiedy zostanie wysłane zamówienie 405-1234567-7654321?"),
        bad("ja", "こんにちは。破損の写真はこちらです：[[https://photo.example.jp/x/1]]"),
        good("ja", "こんにちは。注文番号 503-1234567-7654321 の商品がまだ届いていません。"),
        bad("zh", "[[<div>]]您好，我的包裹还没到。</div>", format="html"),
        good("zh", "您好，我的订单 503-1234567-7654321 还没有到，请问什么时候发货？"),
        good("en", "Hi, is this the same charger as https://www.amazon.com/dp/B000000000 ? Thanks"),
        good(
            "en", "Hi, DHL says it was delivered: https://www.dhl.de/en/privatkunden.html?piececode=123 but it was not."
        ),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        if message.is_html:
            first = next((t for t in message.tokens if t.kind == "start"), None)
            if first is not None:
                yield self.finding(scan, (first.start, first.end), detector="html", pattern="markup", tag=first.name)
            active = next((t for t in message.tokens if t.kind == "start" and t.name in ACTIVE_TAGS), None)
            if active is not None:
                yield self.finding(
                    scan,
                    (active.start, active.end),
                    detector="html",
                    pattern="active",
                    message_id=_ACTIVE,
                    tag=active.name,
                )
        link = self._first_link(scan)
        if link is not None:
            span, target = link
            yield self.finding(scan, span, detector="urls", pattern="link", message_id=_LINK, target=target)
        if message.images:
            image = min(message.images, key=lambda image: image.span)
            yield self.finding(scan, image.span, detector="html", pattern="image", message_id=_IMAGE, src=image.src)
        referenced = {image.src[4:].strip("<>") for image in message.images if image.src.lower().startswith("cid:")}
        for attachment in message.attachments:
            kind = attachment.sniffed_type or attachment.declared_type
            if kind.startswith("text/plain") or (attachment.content_id and attachment.content_id in referenced):
                continue
            yield self.message_finding(
                scan,
                detector="mime",
                pattern="attachment",
                message_id=_ATTACHMENT,
                filename=attachment.filename or "?",
                type=kind,
            )
            break

    @staticmethod
    def _first_link(scan: Scan) -> tuple[Span, str] | None:
        """The first HTML link, or web address in the text that leads off the marketplace and its carriers."""
        message = scan.message
        candidates: list[tuple[Span, str]] = []
        if message.links:
            link = min(message.links, key=lambda link: link.span)
            parsed = urls.parse(link.href)
            candidates.append((link.span, parsed.host if parsed else link.href))
        for match in scan.cached(urls.find, message.text):
            if match.kind == "spelled" or (match.kind == "bare" and not match.path):
                continue
            if urls.host_matches(match.host, scan.context.link_hosts):
                continue
            candidates.append((message.source_span(*match.span), match.host))
            break
        return min(candidates, default=None)
