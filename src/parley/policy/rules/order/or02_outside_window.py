"""OR02: a proactive message sent more than 30 days after the order was completed."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

WINDOW_DAYS = 30


class OutsideWindow(Rule):
    code = "OR02"
    name = "order.outside-window"
    title = "Proactive message sent more than 30 days after order completion"
    rationale = """
        Sellers may contact a buyer on their own initiative only while the
        purchase is recent: within 30 days of the order's completion. Later
        messages reach buyers who no longer expect to hear from the seller and
        read as unsolicited. Replies to a buyer's own message are not limited,
        and nothing is reported when the order's completion date is unknown.
        """
    guidelines = ("G-PROACTIVE-WINDOW",)
    explanation = N_(
        "The order was completed %(days)s days ago; proactive messages may only be sent within %(limit)s days."
    )
    advice = N_("Do not contact the buyer about this order any more, unless you are replying to a message from them.")
    examples = (
        bad("en", "Hello, we have a question about the delivery address of your order.", days_since_completion=45),
        good("en", "Hello, we have a question about the delivery address of your order.", days_since_completion=12),
        bad("sv", "Hej! Vi har en fråga om leveransadressen för din beställning.", days_since_completion=31),
        good("sv", "Hej! Vi har en fråga om leveransadressen för din beställning.", days_since_completion=30),
        bad("nl", "Hallo, we hebben een vraag over het afleveradres van uw bestelling.", days_since_completion=60),
        good("nl", "Hallo, we hebben een vraag over het afleveradres van uw bestelling.", days_since_completion=2),
        bad("de", "Hallo, wir haben eine Frage zur Lieferadresse Ihrer Bestellung.", days_since_completion=90),
        good("de", "Hallo, wir haben eine Frage zur Lieferadresse Ihrer Bestellung.", days_since_completion=0),
        bad(
            "fr",
            "Bonjour, nous avons une question sur l'adresse de livraison de votre commande.",
            days_since_completion=35,
        ),
        good(
            "fr",
            "Bonjour, nous avons une question sur l'adresse de livraison de votre commande.",
            days_since_completion=29,
        ),
        bad("es", "Hola, tenemos una pregunta sobre la dirección de entrega de su pedido.", days_since_completion=40),
        good("es", "Hola, tenemos una pregunta sobre la dirección de entrega de su pedido.", days_since_completion=7),
        bad("it", "Salve, abbiamo una domanda sull'indirizzo di consegna del suo ordine.", days_since_completion=32),
        good("it", "Salve, abbiamo una domanda sull'indirizzo di consegna del suo ordine.", days_since_completion=15),
        bad("pl", "Dzień dobry, mamy pytanie dotyczące adresu dostawy zamówienia.", days_since_completion=31),
        good("pl", "Dzień dobry, mamy pytanie dotyczące adresu dostawy zamówienia.", days_since_completion=20),
        bad("ja", "こんにちは。ご注文のお届け先住所について確認させてください。", days_since_completion=50),
        good("ja", "こんにちは。ご注文のお届け先住所について確認させてください。", days_since_completion=3),
        bad("zh", "您好，关于您订单的收货地址，我们有一个问题想确认。", days_since_completion=31),
        good("zh", "您好，关于您订单的收货地址，我们有一个问题想确认。", days_since_completion=10),
        good(
            "en",
            "Thanks for your question: yes, the charger fits this model.",
            days_since_completion=80,
            proactive=False,
        ),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        context = scan.context
        days = context.days_since_completion
        if not context.proactive or days is None or days <= WINDOW_DAYS:
            return
        yield self.message_finding(
            scan, detector="context", pattern="days_since_completion > 30", days=days, limit=WINDOW_DAYS
        )
