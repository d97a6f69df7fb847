"""OR01: the message does not carry the order ID."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.context import Document
from parley.policy.detectors import order_ids
from parley.policy.i18n import N_, render
from parley.policy.rule import Edit, Finding, Rule, bad, good
from parley.policy.scan import Scan

_OTHER_ORDER = N_("The message mentions order %(found)s, but it is about order %(expected)s.")
_LABEL = N_("Order ID: %(order_id)s")


class MissingOrderId(Rule):
    code = "OR01"
    name = "order.missing-order-id"
    title = "Message does not carry the 17-digit order ID"
    rationale = """
        Every message to a buyer must name the order it is about, so the buyer
        and the marketplace can tie it to a purchase. Proactive messages must
        carry the full 17-digit ID (3-7-7 digits), in the subject or the body.
        """
    guidelines = ("G-ORDER-ID",)
    documents = (Document.MESSAGE, Document.PACKING_SLIP)
    fixable = True
    explanation = N_("The message does not contain the order ID (17 digits, shown as 123-1234567-1234567).")
    advice = N_('Add the order ID, for example "Order ID: 203-1234567-1234567", to the subject or the first line.')
    examples = (
        bad("en", "Hello, your parcel will be two days late. Sorry for the wait."),
        good("en", "Hello, your order 203-1234567-1234567 will be two days late. Sorry for the wait."),
        bad("sv", "Hej! Ditt paket blir två dagar försenat."),
        good("sv", "Hej! Din order 402-1234567-7654321 blir två dagar försenad."),
        bad("nl", "Hallo, uw pakket wordt twee dagen later bezorgd."),
        good("nl", "Hallo, uw bestelling 402-1234567-7654321 wordt twee dagen later bezorgd."),
        bad("de", "Hallo, Ihr Paket kommt zwei Tage später an."),
        good("de", "Hallo, Ihre Bestellung 302-1234567-7654321 kommt zwei Tage später an."),
        bad("fr", "Bonjour, votre colis arrivera avec deux jours de retard."),
        good("fr", "Bonjour, votre commande 171-1234567-7654321 arrivera avec deux jours de retard."),
        bad("es", "Hola, su paquete llegará con dos días de retraso."),
        good("es", "Hola, su pedido 171-1234567-7654321 llegará con dos días de retraso."),
        bad("it", "Salve, il suo pacco arriverà con due giorni di ritardo."),
        good("it", "Salve, il suo ordine 171-1234567-7654321 arriverà con due giorni di ritardo."),
        bad("pl", "Dzień dobry, paczka dotrze z dwudniowym opóźnieniem."),
        good("pl", "Dzień dobry, zamówienie 405-1234567-7654321 dotrze z dwudniowym opóźnieniem."),
        bad("ja", "こんにちは。お荷物の到着が二日遅れます。"),
        good("ja", "こんにちは。ご注文 503-1234567-7654321 の到着が二日遅れます。"),
        bad("zh", "您好，您的包裹将延迟两天送达。"),
        good("zh", "您好，您的订单 503-1234567-7654321 将延迟两天送达。"),
        bad("en", "Your order [[203-1111111-2222222]] is delayed.", order_id="203-1234567-1234567"),
        good("en", "Your order 203-1234567-1234567 is delayed.", order_id="203-1234567-1234567"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        if scan.context.pre_sale and not scan.context.proactive:
            return
        found = scan.cached(order_ids.find, scan.message.text)
        expected = order_ids.normalise(scan.context.order_id or "")
        if expected and any(match.order_id == expected for match in found):
            return
        if not expected and found:
            return
        if expected and found:
            for match in found:
                yield self.text_finding(
                    scan,
                    match.span,
                    detector="order_ids",
                    pattern="3-7-7 digits",
                    message_id=_OTHER_ORDER,
                    found=match.order_id,
                    expected=expected,
                )
            return
        yield self.message_finding(
            scan, detector="order_ids", pattern="3-7-7 digits", fix=self._insertion(scan, expected)
        )

    @staticmethod
    def _insertion(scan: Scan, order_id: str | None) -> Edit | None:
        if not order_id:
            return None
        message = scan.message
        label = render(_LABEL, scan.reader_language, {"order_id": order_id})
        position = message.body_start
        if message.is_html:
            body = next((t for t in message.tokens if t.kind == "start" and t.name == "body"), None)
            position = body.end if body else position
            return Edit((position, position), f"<p>{label}</p>")
        return Edit((position, position), label + "\n\n")
