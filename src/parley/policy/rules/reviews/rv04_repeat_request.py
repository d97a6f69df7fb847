"""RV04: a second review or feedback request for the same order."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.context import LANGUAGES, MessageKind
from parley.policy.detectors import phrase_patterns
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

LEXICON = "review_request"


class RepeatRequest(Rule):
    code = "RV04"
    name = "reviews.repeat-request"
    title = "Review or feedback is requested more than once for an order"
    rationale = """
        A seller may ask for a review or seller feedback once per order. Asking
        again pressures the buyer, and repeated requests are a sign of review
        manipulation. The rule counts the requests already sent for the order
        (review_requests_sent, supplied by the caller): a message declared as a
        review request, or any message whose wording asks for a review or
        feedback ("leave a review", "lämna en recension", "Bewertung abgeben",
        "レビューをお願い", ...), is reported once one request has been sent.
        Thanking a buyer for a review they left is not a request.
        """
    guidelines = ("G-REVIEW-REPEAT",)
    explanation = N_(
        "A review or feedback request was already sent for this order (%(sent)s so far); "
        "only one is permitted per order."
    )
    advice = N_("Remove the request for a review or feedback; the buyer has already been asked once for this order.")
    examples = (
        bad("en", "Hi! If you have a moment, please [[leave a review]] of the lamp.", review_requests_sent=1),
        good("en", "Hi! If you have a moment, please leave a review of the lamp.", review_requests_sent=0),
        bad("sv", "Hej! Vi blir glada om du [[lämnar en recension]] av lampan.", review_requests_sent=1),
        good("sv", "Hej! Tack för din recension, vi har skickat en ny glödlampa.", review_requests_sent=1),
        bad("nl", "Hallo! Wilt u een [[beoordeling achterlaten]] voor de lamp?", review_requests_sent=2),
        good("nl", "Hallo! Wilt u een beoordeling achterlaten voor de lamp?", review_requests_sent=0),
        bad("de", "Hallo! Wir würden uns [[über eine kurze Bewertung freuen]].", review_requests_sent=1),
        good(
            "de", "Hallo! Danke für Ihre Bewertung, wir schicken Ihnen gern ein neues Netzteil.", review_requests_sent=1
        ),
        bad("fr", "Bonjour ! Pourriez-vous [[laisser un avis]] sur la lampe ?", review_requests_sent=1),
        good("fr", "Bonjour ! À notre avis, la lampe convient parfaitement à votre bureau.", review_requests_sent=1),
        bad("es", "Hola, ¿podría [[dejar una reseña]] sobre la lámpara?", review_requests_sent=1),
        good("es", "Hola, ¿podría dejar una reseña sobre la lámpara?", review_requests_sent=0),
        bad("it", "Salve, potrebbe [[lasciare una recensione]] sulla lampada?", review_requests_sent=3),
        good(
            "it", "Salve, abbiamo letto la sua recensione e le mandiamo un nuovo alimentatore.", review_requests_sent=1
        ),
        bad("pl", "Dzień dobry, prosimy [[wystawić opinię]] o lampie.", review_requests_sent=1),
        good("pl", "Dzień dobry, dziękujemy za opinię, wysyłamy nowy zasilacz.", review_requests_sent=1),
        bad("ja", "こんにちは。ランプの[[レビューをお願い]]いたします。", review_requests_sent=1),
        good("ja", "こんにちは。レビューをありがとうございました。新しい電源をお送りします。", review_requests_sent=1),
        bad("zh", "您好，请为台灯[[留下评价]]。", review_requests_sent=1),
        good("zh", "您好，感谢您的评价，我们会寄出新的电源。", review_requests_sent=1),
        bad("en", "Hi! How are you getting on with the lamp?", kind="review-request", review_requests_sent=1),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        sent = scan.context.review_requests_sent
        if sent < 1:
            return
        asks = scan.cached(phrase_patterns.find, scan.message.text, LEXICON, LANGUAGES)
        if asks:
            yield self.text_finding(scan, asks[0].span, detector=f"phrases:{LEXICON}", pattern=asks[0].entry, sent=sent)
        elif scan.context.kind == MessageKind.REVIEW_REQUEST:
            yield self.message_finding(scan, detector="context", pattern="kind=review-request", sent=sent)
