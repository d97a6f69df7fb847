"""PU04: asking the buyer to cancel an order the seller cannot ship."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.detectors import phrase_patterns
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_UNAVAILABLE = N_(
    '"%(excerpt)s" asks the buyer to cancel an order you say you cannot ship ("%(reason)s"). When you cannot '
    "ship, cancel the order yourself; asking the buyer to request the cancellation is not allowed."
)

REQUESTS = "cancellation_requests"
CANNOT_SHIP = "cannot_ship"
DELAYS = "delays"


class CancellationRequest(Rule):
    code = "PU04"
    name = "purpose.cancellation-request"
    title = "Message asks the buyer to cancel an order the seller cannot ship"
    rationale = """
        A seller who cannot ship an order, for example because it is out of
        stock, must cancel it and tell the buyer why. Asking the buyer to file
        the cancellation instead shifts the seller's failure onto the buyer's
        account. After a delay the seller can still ship, so asking whether
        the buyer would rather cancel and be refunded is permitted: the rule
        stays silent when the message announces a delay or a restock date.
        """
    guidelines = ("G-ORDER-NO-CANCEL-ASK",)
    languages = lexicons.languages_having(REQUESTS, CANNOT_SHIP)
    explanation = N_(
        '"%(excerpt)s" asks the buyer to cancel the order. When you cannot fulfil an '
        "order, cancel it yourself; do not ask the buyer to request the cancellation."
    )
    advice = N_(
        "Cancel the order yourself with the reason it could not be shipped (for example no inventory), then tell "
        "the buyer that it was cancelled and refunded in full."
    )
    examples = (
        bad("en", "Sorry, this item is out of stock. [[Please cancel the order]] from your account."),
        bad("en", "We cannot ship to your address, so [[please request a cancellation]]."),
        bad("en", "The lamp was discontinued. [[Could you cancel your order]] from your side? Thank you!"),
        bad("en", "Unfortunately the item is sold out. [[You need to cancel the order]] on your end."),
        good(
            "en",
            "Your order is delayed by a week because our supplier is late. If you would rather not wait, we can "
            "cancel it and refund you in full.",
        ),
        good("en", "The item is back in stock on 12 May. Would you like to wait, or would you prefer to cancel?"),
        good("en", "This item is out of stock, so we have cancelled your order and refunded you in full."),
        good("en", "You can cancel a subscription at any time in the app settings."),
        good("en", "It has not shipped yet, so you can cancel it yourself under Your Orders.", proactive=False),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        text = scan.message.text
        languages = phrase_patterns.languages_for(scan, self.languages)
        marketplace = scan.context.marketplace_name
        requests = scan.cached(phrase_patterns.find_affirmed, text, REQUESTS, languages, marketplace)
        if not requests:
            return
        if scan.cached(phrase_patterns.find, text, DELAYS, languages, marketplace):
            return
        reasons = scan.cached(phrase_patterns.find, text, CANNOT_SHIP, languages, marketplace)
        if not reasons and not scan.context.proactive:
            return  # a reply telling a buyer who asked how to cancel is not asking them to
        for match in requests:
            if reasons:
                start, end = reasons[0].span
                yield self.text_finding(
                    scan,
                    match.span,
                    detector="phrase_patterns",
                    pattern=match.entry,
                    message_id=_UNAVAILABLE,
                    reason=text[start:end],
                )
            else:
                yield self.text_finding(scan, match.span, detector="phrase_patterns", pattern=match.entry)
