"""PU03: a proactive message that only confirms an order or its shipment."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.detectors import phrase_patterns, sentence_roles
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan


class Confirmation(Rule):
    code = "PU03"
    name = "purpose.confirmation"
    title = "Proactive message only confirms an order or a shipment"
    rationale = """
        The marketplace itself tells buyers that their order was received and
        when it shipped, with the tracking number, so the current guidelines
        forbid sellers to send order or shipping confirmations. The rule fires
        when every sentence of a proactive message is a confirmation ("your
        order has been shipped", "the tracking number is ..."), a greeting,
        thanks or a sign-off. A delay notice, a refund notice or a question
        gives the message a purpose of its own, and a reply that happens to
        include tracking is an answer, not a confirmation.
        """
    guidelines = ("G-TYPE-CONFIRMATION",)
    languages = lexicons.languages_having("confirmations", "filler_words")
    explanation = N_(
        'The message only confirms the order or its shipment ("%(sentence)s"). The marketplace sends these '
        "confirmations itself, so sellers may not."
    )
    advice = N_(
        "Do not send the confirmation: confirm the shipment with its tracking number in the marketplace, which "
        "then tells the buyer. Write to the buyer only if the order needs something more, such as a delay notice."
    )
    examples = (
        bad("en", "Hello! Your order has been shipped with DHL. The tracking number is 1Z999AA10123456784."),
        bad("en", "Dear customer,\n\nWe have received your order 203-1234567-1234567.\n\nKind regards,\nThe Lamp Shop"),
        bad("en", "Good news: your package is on its way and should arrive on Friday. Thank you for your order!"),
        good("en", "Your order has shipped, but the carrier reports a two-day delay because of the storm."),
        good("en", "We have refunded your order 203-1234567-1234567 in full; the money is back within five days."),
        good("en", "Your parcel was sent on Monday; the tracking number is 1Z999AA10123456784.", proactive=False),
        good("en", "Your order has shipped. Which day suits you for the delivery of the wardrobe?"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.context.proactive:
            return
        text = scan.message.text
        languages = phrase_patterns.languages_for(scan, self.languages)
        summary = scan.cached(sentence_roles.summarise, text, languages, scan.context.marketplace_name)
        if summary.substance is not None or summary.confirmation is None:
            return
        role, phrase = summary.confirmation
        start, end = role.span
        yield self.message_finding(scan, detector="sentence_roles", pattern=phrase.entry, sentence=text[start:end])
