"""PU01: a proactive message sent for a reason the guidelines do not permit."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.context import PERMITTED_PROACTIVE_KINDS, MessageKind
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_PERMITTED = ", ".join(str(kind) for kind in MessageKind if kind in PERMITTED_PROACTIVE_KINDS)

_MARKETING = N_(
    "Marketing and promotional messages are never permitted; a proactive message needs one of these "
    "reasons: %(permitted)s."
)
_CONFIRMATION = N_(
    "The marketplace sends order and shipping confirmations itself, so sellers may not. A proactive message "
    "needs one of these reasons: %(permitted)s."
)
_THANKS = N_(
    "A message that only says thank you, or that you are there to help if problems arise, is not permitted. "
    "A proactive message needs one of these reasons: %(permitted)s."
)

# Which requirement each reason breaks. The 2018 edition knows no list of proactive reasons (and
# required shipment confirmations), so only marketing is also against G-WHY, which it shares.
_BY_KIND: dict[MessageKind, tuple[str, tuple[str, ...]]] = {
    MessageKind.MARKETING: (_MARKETING, ("G-PROACTIVE-REASONS", "G-WHY")),
    MessageKind.ORDER_CONFIRMATION: (_CONFIRMATION, ("G-PROACTIVE-REASONS",)),
    MessageKind.SHIPPING_CONFIRMATION: (_CONFIRMATION, ("G-PROACTIVE-REASONS",)),
    MessageKind.THANK_YOU: (_THANKS, ("G-PROACTIVE-REASONS",)),
}


class NotPermittedReason(Rule):
    code = "PU01"
    name = "purpose.not-permitted-reason"
    title = "Proactive message is sent for a reason that is not permitted"
    rationale = """
        A seller may write to a buyer unprompted only when the order needs it:
        to resolve a fulfilment problem, ask for information needed to complete
        the order, ask about a return, send an invoice, request one review,
        schedule delivery of a bulky item or a home service, verify a custom
        design, or anything else the buyer needs to receive the purchase.
        Marketing, thank-you notes, and order or shipping confirmations (which
        the marketplace sends itself) are not reasons. The rule judges the
        declared kind of message; replies, and messages whose kind is not
        given, are not checked.
        """
    guidelines = ("G-PROACTIVE-REASONS", "G-WHY")
    explanation = N_(
        'A proactive message of kind "%(kind)s" is not permitted; it needs one of these reasons: %(permitted)s.'
    )
    advice = N_("Send a message only when the order needs it, or as a reply to the buyer.")
    examples = (
        bad("en", "Hi! Thank you for shopping with us. We are here if you need anything.", kind="thank-you"),
        good(
            "en", "Hi! We need the door code to deliver your wardrobe. Which day suits you?", kind="delivery-scheduling"
        ),
        bad("sv", "Hej! Nu har din beställning skickats och kommer fram inom tre dagar.", kind="shipping-confirmation"),
        good(
            "sv",
            "Hej! Vi behöver din portkod för att kunna leverera soffan. Vilken dag passar dig?",
            kind="delivery-scheduling",
        ),
        bad("nl", "Hallo! Deze week krijgt u 20% korting op al onze tuinmeubelen.", kind="marketing"),
        good(
            "nl",
            "Hallo! Helaas is de tafel beschadigd bij ons binnengekomen. Wilt u een andere kleur of uw geld terug?",
            kind="order-problem",
        ),
        bad(
            "de", "Hallo! Wir bestätigen Ihre Bestellung und bedanken uns für Ihr Vertrauen.", kind="order-confirmation"
        ),
        good("de", "Hallo! Anbei finden Sie die Rechnung zu Ihrer Bestellung.", kind="invoice"),
        bad("fr", "Bonjour ! Merci pour votre achat, nous restons à votre disposition.", kind="thank-you"),
        good("fr", "Bonjour ! Pourriez-vous nous envoyer le texte à graver sur la plaque ?", kind="order-information"),
        bad("es", "Hola, descubra nuestra nueva colección de otoño con envío gratuito.", kind="marketing"),
        good("es", "Hola, ¿nos podría indicar el motivo de la devolución para tramitarla?", kind="return-question"),
        bad("it", "Salve, il suo ordine è stato spedito oggi con il corriere.", kind="shipping-confirmation"),
        good(
            "it", "Salve, le inviamo la bozza del logo personalizzato: ci conferma che va bene?", kind="custom-design"
        ),
        bad("pl", "Dzień dobry, dziękujemy za zakupy w naszym sklepie!", kind="thank-you"),
        good(
            "pl", "Dzień dobry, technik przyjedzie zamontować pralkę. Który termin Panu odpowiada?", kind="home-service"
        ),
        bad("ja", "こんにちは。ご注文ありがとうございます。ご不明な点があればお気軽にどうぞ。", kind="free-text"),
        good("ja", "こんにちは。商品のレビューをお願いできますでしょうか。", kind="review-request"),
        bad("zh", "您好！本店新品上市，全场八折优惠。", kind="marketing"),
        good("zh", "您好！为完成您的订单，请告知您需要的尺码。", kind="needed-for-purchase"),
        good("en", "Hi! Thank you for your question: yes, it is in stock.", kind="thank-you", proactive=False),
        good("en", "Hi! Thank you for shopping with us."),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        context = scan.context
        kind = context.kind
        if not context.proactive or kind is None or kind in PERMITTED_PROACTIVE_KINDS:
            return
        message_id, guidelines = _BY_KIND.get(kind, (self.explanation, ("G-PROACTIVE-REASONS",)))
        finding = self.message_finding(
            scan,
            detector="context",
            pattern=f"kind={kind}",
            message_id=message_id,
            kind=str(kind),
            permitted=_PERMITTED,
        )
        finding.guidelines = guidelines
        yield finding
