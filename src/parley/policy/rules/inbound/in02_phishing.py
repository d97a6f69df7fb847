"""IN02: a buyer message with the marks of phishing."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.context import LANGUAGES, Direction
from parley.policy.detectors import phishing, phrase_patterns
from parley.policy.i18n import N_
from parley.policy.rule import Action, Finding, Rule, bad, good
from parley.policy.scan import Scan

MAX_PER_SIGNAL = 5
"""Enough to show a pattern; a long message full of the same bait is not listed line by line."""

_CLAIM = N_(
    'The message presents itself as coming from %(marketplace)s ("%(excerpt)s"), but it is not plain text. '
    "Messages that reach you through the marketplace are plain text, so this one is probably phishing."
)
_SENDER = N_(
    'The %(header)s header names "%(display)s", but the address %(address)s is not at one of %(marketplace)s\'s '
    "domains."
)
_LOOKALIKE = N_(
    "The %(header)s address %(address)s uses the domain %(domain)s, made to look like %(marketplace)s's own."
)
_LINK = N_(
    "The link shows %(shown)s but leads to %(target)s. A link that hides where it goes is a common phishing trick."
)
_IMAGE_ATTACHMENTS = ("image/",)


class Phishing(Rule):
    code = "IN02"
    name = "inbound.phishing"
    title = "Buyer message shows signs of phishing"
    rationale = """
        Fraudsters write to sellers through the buyer channel, posing as the
        marketplace ("Seller Support", "Account Health") to steal sign-in
        details. Genuine buyer messages are plain text and never need the
        seller to open a link. The rule reports each sign on its own: a message
        that poses as the marketplace yet contains HTML or images; a sender
        header that claims the marketplace from an address outside its domains
        or from a look-alike domain (amaz0n-security.com); wording that urges
        the reader to click or paste a link, visit a site or sign in to verify
        an account; and a link whose text shows one address but leads to
        another. Merely mentioning the marketplace ("I bought it on Amazon") is
        not posing as it. The seller is warned, not stopped.
        """
    guidelines = ("G-BUYER-PHISHING",)
    directions = (Direction.INBOUND,)
    default_action = Action.WARN
    explanation = N_(
        "The message presses you to open a link, visit a website or sign in, or threatens your account "
        '("%(excerpt)s"). A buyer has no reason to write this; it is a common phishing trick.'
    )
    advice = N_(
        "Do not click its links or images, open its attachments or sign in from it. To check your account, "
        "type the marketplace's address into your browser yourself."
    )
    examples = (
        bad("en", "Dear seller, [[click the link below]] to see the complaint about your listing."),
        good("en", "Hi, I bought the blue kettle (order 203-1234567-1234567) and the lid is cracked. What can I do?"),
        bad("sv", "Hej! [[Klicka här]] för att se mitt klagomål."),
        good("sv", "Hej! Jag köpte vattenkokaren på Amazon men locket är sprucket. Vad gör jag?"),
        bad("nl", "Beste verkoper, [[verifieer uw account]] om uitbetalingen te blijven ontvangen."),
        good("nl", "Hallo, mijn bestelling 402-1234567-7654321 is nog niet aangekomen. Kunt u het nakijken?"),
        bad("de", "Sehr geehrter Verkäufer, [[Ihr Konto wird gesperrt]], wenn Sie nicht antworten."),
        good("de", "Hallo, ich habe die Lampe über Amazon bestellt. Wann wird sie verschickt?"),
        bad("fr", "Bonjour, [[copiez et collez cette adresse dans votre navigateur]] pour voir ma réclamation."),
        good("fr", "Bonjour, ma commande 171-1234567-7654321 est arrivée abîmée. Pouvez-vous m'aider ?"),
        bad("es", "Estimado vendedor, [[haga clic en el enlace]] para ver mi reclamación."),
        good("es", "Hola, el cargador no funciona. ¿Me pueden enviar otro? Pedido 171-1234567-7654321."),
        bad("it", "Gentile venditore, [[verifichi il suo account]] entro oggi."),
        good("it", "Salve, ho ricevuto il prodotto sbagliato. Come posso restituirlo?"),
        bad("pl", "Szanowny sprzedawco, [[kliknij w poniższy link]], aby zobaczyć reklamację."),
        good("pl", "Dzień dobry, paczka dotarła uszkodzona. Co mam zrobić?"),
        bad("ja", "出品者様、[[以下のリンクをクリック]]して苦情をご確認ください。"),
        good("ja", "こんにちは。届いた商品が壊れていました。交換できますか？"),
        bad("zh", "卖家您好，请[[点击下面的链接]]查看投诉。"),
        good("zh", "您好，我收到的商品是坏的，可以换货吗？"),
        bad("en", "<p>Message from [[Amazon Seller Support]] about your listing.</p>", format="html"),
        bad(
            "en",
            'Order status: [[<a href="https://amaz0n-verify.example/login">]]sellercentral.amazon.com</a>',
            format="html",
        ),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message, context = scan.message, scan.context
        marketplace = context.marketplace_name
        names = {"marketplace": marketplace}

        formatted = (
            message.is_html
            or bool(message.images)
            or any(attachment.declared_type.startswith(_IMAGE_ATTACHMENTS) for attachment in message.attachments)
        )
        if formatted:
            claims = scan.cached(phrase_patterns.find, message.text, "phishing_claims", LANGUAGES, marketplace)
            if claims:
                yield self.text_finding(
                    scan,
                    claims[0].span,
                    detector="phrases:phishing_claims",
                    pattern=claims[0].entry,
                    message_id=_CLAIM,
                    **names,
                )

        headers = tuple(sorted(message.headers.items()))
        senders = scan.cached(phishing.sender_claims, headers, marketplace, context.marketplace_domains)
        if senders:
            sender = senders[0]
            yield self.message_finding(
                scan,
                detector="phishing:headers",
                pattern=sender.reason,
                message_id=_SENDER if sender.reason == "display-name" else _LOOKALIKE,
                header=sender.header.title(),
                display=sender.display,
                address=sender.address,
                domain=sender.domain,
                **names,
            )

        seen: set[str] = set()
        for urge in scan.cached(phrase_patterns.find, message.text, "phishing_urges", LANGUAGES):
            if urge.entry in seen:
                continue
            seen.add(urge.entry)
            yield self.text_finding(scan, urge.span, detector="phrases:phishing_urges", pattern=urge.entry)
            if len(seen) >= MAX_PER_SIGNAL:
                break

        for mismatch in phishing.mismatched_links(message.links, context.marketplace_domains, MAX_PER_SIGNAL):
            yield self.finding(
                scan,
                mismatch.link.span,
                detector="phishing:links",
                pattern="shown-host != href-host",
                message_id=_LINK,
                shown=mismatch.shown,
                target=mismatch.target,
            )
