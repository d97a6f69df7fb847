"""OR03: a proactive message that is not in the buyer's preferred language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from parley.policy import lexicons
from parley.policy.context import LANGUAGES
from parley.policy.detectors import language_share
from parley.policy.i18n import N_, LanguageName
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

MOSTLY = 0.5
"""The share of the message (by letters, weighted by confidence) that makes it "in" a language."""


class WrongLanguage(Rule):
    code = "OR03"
    name = "order.wrong-language"
    title = "Proactive message is not in the buyer's preferred language"
    rationale = """
        A message the buyer cannot read is no help with their order. Proactive
        messages must be written in the language the buyer chose on the
        marketplace. Quotes (the buyer's own words), product titles and product
        names copied into the message do not count: a Swedish message about
        "Wireless Noise Cancelling Headphones" is still Swedish. A message whose
        greeting is in the buyer's language but whose body is not is reported.
        Replies are not checked, nor messages whose buyer's language is unknown
        or not one the detector knows.
        """
    guidelines = ("G-LANGUAGE",)
    explanation = N_(
        "The buyer's preferred language is %(expected_name)s (%(expected)s), but this message is mostly in "
        "%(found_name)s (%(found)s)."
    )
    advice = N_(
        "Write the message in the buyer's preferred language, or use the marketplace's templates, "
        "which are translated automatically."
    )
    examples = (
        bad("en", "Hello! Your parcel has been delayed by the carrier and will arrive on Friday.", buyer_language="de"),
        bad("en", "Sorry, the blue mug is out of stock. Would you like the green one instead?", buyer_language="ja"),
        bad("en", "Your replacement ships tomorrow with tracking.", buyer_language="pl-PL"),
        good(
            "en",
            "Your Bosch Serie 4 dishwasher ships on Monday; the installation kit is in the box.",
            buyer_language="en",
        ),
        good("en", "Thanks, we received the photo. A new lid is on its way.", buyer_language="en-US"),
        good(
            "en",
            "Hello! Your parcel has been delayed by the carrier and will arrive on Friday.",
            buyer_language="en-GB",
        ),
        bad("sv", "Hej! Ditt paket har försenats hos transportören och kommer fram på fredag.", buyer_language="en"),
        good(
            "sv",
            "Hej! Din Philips Sonicare DiamondClean Smart Electric Toothbrush with Travel Case är på väg.",
            buyer_language="sv-SE",
        ),
        bad("nl", "Hallo! Uw pakket is vertraagd bij de vervoerder en komt vrijdag aan.", buyer_language="de-DE"),
        good("nl", "Hallo, uw Anker PowerCore Essential Portable Charger is onderweg.", buyer_language="nl"),
        bad(
            "de",
            "Hallo! Ihr Paket wurde beim Versanddienstleister aufgehalten und kommt am Freitag an.",
            buyer_language="nl-NL",
        ),
        good(
            "de",
            'Hallo! Sie schrieben: "The box was damaged." Wir schicken Ihnen heute einen Ersatz.',
            buyer_language="de-DE",
        ),
        bad("fr", "Bonjour ! Votre colis a été retardé par le transporteur et arrivera vendredi.", buyer_language="it"),
        good(
            "fr",
            "Bonjour, votre Stainless Steel Insulated Water Bottle for Kids arrive demain.",
            buyer_language="fr_FR",
        ),
        bad(
            "es",
            "Hola, su paquete se ha retrasado en la empresa de transporte y llegará el viernes.",
            buyer_language="pl",
        ),
        good(
            "es",
            "Hola, su paquete se ha retrasado en la empresa de transporte y llegará el viernes.",
            buyer_language="es-ES",
        ),
        bad("it", "Salve, il suo pacco è stato trattenuto dal corriere e arriverà venerdì.", buyer_language="fr"),
        good(
            "it",
            "Salve, il suo Bluetooth Speaker Mini Waterproof è stato trattenuto dal corriere e arriverà venerdì.",
            buyer_language="it",
        ),
        bad("pl", "Dzień dobry, paczka została zatrzymana przez przewoźnika i dotrze w piątek.", buyer_language="sv"),
        good(
            "pl", "Dzień dobry, paczka została zatrzymana przez przewoźnika i dotrze w piątek.", buyer_language="pl-PL"
        ),
        bad("ja", "こんにちは。お荷物は配送業者で遅れており、金曜日に到着する予定です。", buyer_language="zh"),
        good(
            "ja",
            "こんにちは。「Bluetooth Speaker Mini」は配送業者で遅れており、金曜日に到着する予定です。",
            buyer_language="ja-JP",
        ),
        bad("zh", "您好，您的包裹在承运商处延误，预计将于星期五送达。", buyer_language="ja"),
        good("zh", "您好，您的包裹在承运商处延误，预计将于星期五送达。", buyer_language="zh_CN"),
        bad(
            "sv",
            "Hej Anna! Your parcel has been delayed by the carrier and will arrive on Friday. Sorry!",
            buyer_language="sv",
        ),
        good(
            "en", "Hello! Your parcel has been delayed and will arrive on Friday.", buyer_language="de", proactive=False
        ),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        context = scan.context
        expected = context.buyer_language_code
        if not context.proactive or expected not in LANGUAGES:
            return
        found = scan.language
        if found is None or found == expected:
            return
        # The first guess can be swayed by product names; count sentence by sentence before reporting.
        shares = scan.cached(language_share.shares, scan.message.body_text, context.product_titles)
        if shares is None or shares.dominant != found or shares.share(found) < MOSTLY:
            return
        if _speaks_briefly(scan.message.body_text, expected, found):
            return
        yield self.message_finding(
            scan,
            detector="language",
            pattern=f"{found} {shares.share(found):.0%} / {expected} {shares.share(expected):.0%}",
            score=shares.share(found),
            expected=expected,
            found=found,
            expected_name=LanguageName(expected),
            found_name=LanguageName(found),
        )


SHORT = 160
"""Letters up to which a text counts as short: a few loanwords can outweigh it for the identifier."""
FUNCTION_WORDS = 2
SALUTATION = 40


def _speaks_briefly(text: str, expected: str, found: str) -> bool:
    """A short text that uses the buyer's function words is written in the buyer's language, however
    many loanwords it carries ("Sorry voor de delay!", "Track & trace volgt"): function words are
    what a short mixed text gets right. Words the two languages share do not count."""
    if sum(char.isalpha() for char in text) > SHORT:
        return False
    lines = text.strip().splitlines()
    if len(lines) > 1 and len(lines[0]) <= SALUTATION:
        text = "\n".join(lines[1:])  # "Hallo Frau Berg," greets in the buyer's language, the rest may not
    own = _function_words(expected) - _function_words(found)
    words = re.findall(r"[^\W\d_]+", text.lower())
    return sum(1 for word in words if word in own) >= FUNCTION_WORDS


@cache
def _function_words(language: str) -> frozenset[str]:
    return frozenset(word.lower() for word in lexicons.load(language, "filler_words") if " " not in word)
