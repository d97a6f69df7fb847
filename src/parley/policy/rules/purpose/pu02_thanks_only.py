"""PU02: a proactive message that only thanks the buyer or offers help."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.detectors import phrase_patterns, sentence_roles
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan


class ThanksOnly(Rule):
    code = "PU02"
    name = "purpose.thanks-only"
    title = "Proactive message only says thank you or offers help"
    rationale = """
        A message that only thanks the buyer, or only says the seller is
        there if anything goes wrong, has no purpose the buyer needs, and the
        guidelines forbid it. The rule reads the message sentence by
        sentence: greetings, sign-offs, order ID lines, thanks, offers of help
        and pleasantries carry no purpose; a question, a delay, a refund, a
        review request or any sentence with real content does. It fires only
        when nothing but the former is left. Replies to the buyer are not
        judged: thanking a buyer who wrote first is fine.
        """
    guidelines = ("G-TYPE-THANKS-ONLY",)
    languages = lexicons.languages_having("thanks", "filler_words")
    explanation = N_(
        'The message only thanks the buyer or offers help (for example "%(sentence)s") and says nothing the '
        "order needs. Messages that only say thank you are not permitted."
    )
    advice = N_(
        "Send a message only when the order needs one, for example to solve a problem, ask for information or "
        "request a review. A thank-you may open such a message, but cannot be its only content."
    )
    examples = (
        bad(
            "en",
            "Hi Sarah,\n\nThank you for your order 203-1234567-1234567! We hope you enjoy your new kettle. "
            "If you have any questions, feel free to contact us.\n\nBest regards,\nAnna\nKettle World",
        ),
        bad("en", "Thanks for shopping with us! We are here if you need anything. Have a great day!"),
        bad("en", "Dear customer, we truly appreciate your business. Don't hesitate to reach out to us anytime."),
        good(
            "en",
            "Hi Sarah,\n\nThank you for your order! Unfortunately the kettle will ship two days later than "
            "planned. Sorry for the wait.\n\nBest regards,\nAnna",
        ),
        good("en", "Thank you for your order! Which engraving text would you like on the lid?"),
        good("en", "Thanks for your purchase. If you have a moment, please leave a review of the product."),
        good("en", "Thank you for your message, you are welcome!", proactive=False),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.context.proactive:
            return
        text = scan.message.text
        languages = phrase_patterns.languages_for(scan, self.languages)
        summary = scan.cached(sentence_roles.summarise, text, languages, scan.context.marketplace_name)
        if summary.substance is not None or summary.confirmation is not None or summary.saying is None:
            return
        role, phrase = summary.saying
        start, end = role.span
        yield self.message_finding(scan, detector="sentence_roles", pattern=phrase.entry, sentence=text[start:end])
