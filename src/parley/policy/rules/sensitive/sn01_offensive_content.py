"""SN01: profanity, slurs, sexual content or threats."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.context import Document
from parley.policy.detectors import phrase_patterns
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_ADULT = N_('"%(excerpt)s" is sexual or adult content, which messages to buyers must not contain.')
_VIOLENCE = N_('"%(excerpt)s" is violent or threatening, which messages to buyers must not contain.')

LISTS = ("offensive_profanity", "offensive_adult", "offensive_violence")


class OffensiveContent(Rule):
    code = "SN01"
    name = "sensitive.offensive-content"
    title = "Message contains offensive language, adult content or violence"
    rationale = """
        Messages to buyers must not contain offensive or adult language,
        nudity, violence or gore. The rule matches whole words from
        per-language lists of profanity and slurs, explicit sexual terms and
        threats, so words that merely contain one (Scunthorpe, Essex,
        assistance, cocktail, shiitake) are safe. Mild words and product
        words that only look risky ("nude" as a colour, "kills 99% of germs")
        are deliberately left out.
        """
    guidelines = ("G-CONTENT-SENSITIVE",)
    documents = (Document.MESSAGE, Document.INSERT, Document.PACKING_SLIP)
    languages = lexicons.languages_having("offensive_profanity")
    explanation = N_('"%(excerpt)s" is offensive language, which messages to buyers must not contain.')
    advice = N_("Remove the word or sentence and keep the message polite and factual, even when the buyer is not.")
    examples = (
        bad("en", "Stop sending me this [[bullshit]], the parcel was delivered."),
        bad("en", "[[You idiot]], read the manual before you complain."),
        bad("en", "If you leave that review again, [[I will hurt you]]."),
        bad("en", "Check out the [[porn]] site in my profile."),
        good("en", "Our warehouse in Scunthorpe ships your order tomorrow by courier from Essex."),
        good("en", "Thank you for your patience; our assistance team will call you about the cocktail glasses."),
        good("en", "The spray kills 99% of germs. The tights come in nude and black."),
        good("en", "We will shoot you an update as soon as the courier confirms the new date."),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        languages = phrase_patterns.languages_for(scan, self.languages)
        found = scan.cached(phrase_patterns.find, scan.message.text, LISTS, languages, scan.context.marketplace_name)
        messages = {"offensive_adult": _ADULT, "offensive_violence": _VIOLENCE}
        for match in found:
            yield self.text_finding(
                scan,
                match.span,
                detector="phrase_patterns",
                pattern=match.entry,
                message_id=messages.get(match.list, self.explanation),
            )
