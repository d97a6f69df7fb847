"""ST01: emoji, emoticons and kaomoji."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import emoji
from parley.policy.i18n import N_
from parley.policy.parts import Span
from parley.policy.rule import Edit, Finding, Rule, bad, good
from parley.policy.scan import Scan

_EMOTICON = N_("%(value)s is an emoticon: messages to buyers must not contain emoticons.")
_KAOMOJI = N_("%(value)s is a kaomoji (a text face): messages to buyers must not contain emoticons.")
_EMOJI_IMAGE = N_("This image shows the emoji %(alt)s: messages to buyers must not contain emoji.")
_MESSAGES = {"emoticon": _EMOTICON, "kaomoji": _KAOMOJI}
_SPACES = " \t\u00a0"
_LINE_START = "\n\r("
_AFTER_REMOVED = " \t\u00a0\n\r.,!?;:)"


class Emoji(Rule):
    code = "ST01"
    name = "style.emoji"
    title = "Message contains emoji or emoticons"
    rationale = """
        The guidelines ask for plain, businesslike messages: no emoji, and no
        emoticons or kaomoji typed from punctuation either. They render
        differently on every device, can read as unserious in a complaint,
        and are easy to misread across languages.
        """
    guidelines = ("G-STYLE-EMOJI",)
    fixable = True
    explanation = N_("%(value)s is an emoji: messages to buyers must not contain emoji.")
    advice = N_("Remove the emoji and emoticons; if they carried meaning, say it in words.")
    examples = (
        bad("en", "Your parcel is on its way [[📦]] Thanks for your patience [[:)]]"),
        good("en", "Your parcel is on its way. Thank you for your patience."),
        bad("sv", "Paketet skickades i dag [[😊]]"),
        good("sv", "Paketet skickades i dag. Hör av dig om du har frågor."),
        bad("nl", "Uw bestelling is onderweg [[;-)]]"),
        good("nl", "Uw bestelling is onderweg. Met vriendelijke groet, het team."),
        bad("de", "Vielen Dank für Ihre Geduld [[🙏🏽]]"),
        good("de", "Re:Bestellung – vielen Dank für Ihre Geduld. Lieferung zwischen 10:00-18:00."),
        bad("fr", "Merci pour votre commande [[❤️]] [[:-D]]"),
        good("fr", "Merci pour votre commande. Livraison prévue demain à 12:30."),
        bad("es", "¡Su pedido ya ha salido [[🚚]]!"),
        good("es", "Su pedido ya ha salido. Nota:Entrega en 2 días hábiles."),
        bad("it", "Grazie mille per l'acquisto [[^_^]]"),
        good("it", "Grazie per l'acquisto. Rapporto qualità/prezzo 3:2 come indicato."),
        bad("pl", "Przepraszamy za opóźnienie [[:(]]"),
        good("pl", "Przepraszamy za opóźnienie. Paczka dotrze w piątek."),
        bad("ja", "ご注文ありがとうございます[[(^_^)]]"),
        good("ja", "ご注文ありがとうございます。明日発送いたします。"),
        bad("zh", "感谢您的耐心等待[[👍]]"),
        good("zh", "感谢您的耐心等待，包裹将于明天发出。"),
        bad("en", "<p>Thanks for your order <b>[[🎉]]</b></p>", format="html"),
        good("en", "<p>Thanks for your order &#9733;&#10003;</p>", format="html"),
        bad("de", '<p>Danke! [[<img src="https://mail.example/emoji/1f600.png" alt="😀">]]</p>', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        text = message.text
        for match in scan.cached(emoji.find, text):
            span = message.source_span(*match.span)
            yield self.finding(
                scan,
                span,
                detector="emoji",
                pattern=match.pattern,
                score=1.0 if match.kind == "emoji" else 0.9,
                message_id=_MESSAGES.get(match.kind),
                value=match.value,
                fix=Edit(self._removal(scan, match.span, span), ""),
            )
        if not message.is_html:
            return
        for image in message.images:
            if image.tag == "img" and image.alt and emoji.is_only_emoji(image.alt):
                yield self.finding(
                    scan,
                    image.span,
                    detector="emoji",
                    pattern="image with emoji alt text",
                    message_id=_EMOJI_IMAGE,
                    alt=image.alt.strip(),
                    fix=Edit(image.span, ""),
                )

    @staticmethod
    def _removal(scan: Scan, text_span: Span, source_span: Span) -> Span:
        """The source to delete: the emoji, and one space next to it when that would be left over.

        "Thanks 😀!" becomes "Thanks!", "😀 Hello" becomes "Hello", "a 😀 b" becomes "a b".
        A space is taken along only when it sits right next to the emoji in the source,
        never across markup.
        """
        message = scan.message
        text = message.text
        start, end = text_span
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else "\n"
        if before in _SPACES and after in _AFTER_REMOVED:
            space = message.source_span(start - 1, start)
            if space[1] == source_span[0]:
                return (space[0], source_span[1])
        elif after in _SPACES and before in _LINE_START:
            space = message.source_span(end, end + 1)
            if space[0] == source_span[1]:
                return (source_span[0], space[1])
        return source_span
