"""PY01: payment or refund outside the marketplace."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.context import LANGUAGES, Direction, Document
from parley.policy.detectors import phrase_patterns
from parley.policy.detectors.phrase_patterns import PhraseMatch
from parley.policy.i18n import N_
from parley.policy.parts import Span
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_PHRASE = N_(
    '"%(excerpt)s" arranges payment outside the marketplace. Payments and refunds '
    "must go through the marketplace's own payment system."
)
_DETAILS = N_(
    '"%(excerpt)s" is a payment detail for a transfer outside the marketplace. Payments and refunds must go '
    "through the marketplace's own payment system."
)

METHODS = "payment_methods"
DETAILS = "payment_details"
VERBS = "payment_verbs"
NEGATIONS = "payment_negations"
PHRASES = "payment_phrases"
_GATE = (METHODS, DETAILS, PHRASES)
WINDOW = 8
"""How many words apart a payment service and a word about paying may be."""


class OffPlatformPayment(Rule):
    code = "PY01"
    name = "payments.off-platform"
    title = "Message arranges a payment or refund outside the marketplace"
    rationale = """
        Payments and refunds happen only through the marketplace, which is
        what protects both sides. A seller who asks to be paid by PayPal,
        bank transfer, Swish, BLIK, Alipay or crypto, or who offers a refund
        that way, moves money where no one can help if it goes wrong; a buyer
        who proposes it is a common start of fraud, so inbound messages are
        checked too. A payment service counts when a word about paying is
        near it; IBANs and similar payment details count on their own. A
        sentence that rules the method out ("we cannot refund via PayPal")
        is not flagged.
        """
    guidelines = ("G-PAYMENTS-ON-PLATFORM",)
    documents = (Document.MESSAGE, Document.INSERT, Document.PACKING_SLIP)
    directions = (Direction.OUTBOUND, Direction.INBOUND)
    explanation = N_(
        '"%(excerpt)s" is a payment service outside the marketplace, mentioned for paying or refunding '
        '("%(verb)s"). Payments and refunds must go through the marketplace\'s own payment system.'
    )
    advice = N_(
        "Take payments and give refunds only through the marketplace (for refunds: Manage Orders). Do not ask "
        "for or give bank or payment-app details."
    )
    examples = (
        bad("en", "To save the fee, please pay the balance via [[PayPal]] to my account."),
        bad("en", "We will refund you through [[Zelle]] today."),
        bad("en", "Our bank account: [[SE45 5000 0000 0583 9825 7466]]. Send the money there."),
        good("en", "We have refunded you through Amazon; PayPal is not needed."),
        good("en", "We cannot accept PayPal, please pay through the order page."),
        good("en", "The parcel goes by PostNord and should arrive on Tuesday."),
        bad("sv", "Du kan [[swisha]] beloppet till mig så skickar jag en ny direkt."),
        good("sv", "Vi har återbetalat hela beloppet via Amazon, det syns på ditt konto inom fem dagar."),
        bad("nl", "Ik stuur u een [[Tikkie]] om het verschil te betalen."),
        good("nl", "Wij hebben het bedrag via Amazon terugbetaald."),
        bad("de", "Bitte zahlen Sie den Restbetrag per [[PayPal]] an uns."),
        good("de", "Wir haben Ihnen den Betrag über Amazon erstattet."),
        bad("fr", "Nous vous remboursons par [[virement]] dès aujourd'hui."),
        good("fr", "Nous vous avons remboursé via Amazon, sous cinq jours ouvrés."),
        bad("es", "Puede pagar la diferencia por [[Bizum]] a este número."),
        good("es", "Le hemos reembolsado el importe a través de Amazon."),
        bad("it", "Le rimborsiamo la differenza con un [[bonifico]] sul suo conto."),
        good("it", "Abbiamo rimborsato l'importo tramite Amazon."),
        bad("pl", "Proszę zapłacić przez [[BLIK]] na mój numer telefonu."),
        good("pl", "Zwrot pieniędzy zleciliśmy przez Amazon, pojawi się w ciągu pięciu dni."),
        bad("ja", "差額は[[PayPal]]でお支払いください。"),
        good("ja", "返金はAmazonを通じて手続きいたしました。"),
        bad("zh", "请用[[支付宝]]付款给我们。"),
        good("zh", "我们已经通过亚马逊为您办理了退款。"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        text = scan.message.text
        marketplace = scan.context.marketplace_name
        # A cheap gate over every language's lists first: most messages name no payment at all,
        # and only those that do are worth identifying the language for.
        if not any(scan.cached(phrase_patterns.find, text, name, LANGUAGES, marketplace) for name in _GATE):
            return
        languages = phrase_patterns.languages_for(scan, self.languages)

        def find(name: str) -> tuple[PhraseMatch, ...]:
            return scan.cached(phrase_patterns.find, text, name, languages, marketplace)

        methods, details, phrases = find(METHODS), find(DETAILS), find(PHRASES)
        if not (methods or details or phrases):
            return
        sentences = phrase_patterns.sentences_of(text)
        negated = {sentences.index(m.span[0]) for m in find(NEGATIONS)}
        taken: list[Span] = []

        def free(match: PhraseMatch) -> bool:
            start, end = match.span
            if sentences.index(start) in negated or any(start < b and a < end for a, b in taken):
                return False
            taken.append(match.span)
            return True

        for match in sorted(details + phrases, key=lambda m: m.span):
            if free(match):
                message = _DETAILS if match.list == DETAILS else _PHRASE
                yield self.text_finding(
                    scan, match.span, detector="phrase_patterns", pattern=match.entry, message_id=message
                )
        verbs = find(VERBS)
        for method, verb in phrase_patterns.pairs_near(text, methods, verbs, words=WINDOW, sentences=sentences):
            if free(method):
                yield self.text_finding(
                    scan,
                    method.span,
                    detector="phrase_patterns",
                    pattern=method.entry,
                    verb=text[verb.span[0] : verb.span[1]],
                )
