"""RV01: a review or feedback tied to compensation."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.context import Document
from parley.policy.detectors import phrase_patterns
from parley.policy.detectors.phrase_patterns import PhraseMatch
from parley.policy.i18n import N_
from parley.policy.parts import Span
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_PHRASE = N_(
    '"%(excerpt)s" offers something in return for a review or feedback. Any reward '
    "for a review is forbidden, whatever the review says."
)

TERMS = "review_terms"
INCENTIVES = "review_incentives"
STRONG_INCENTIVES = "review_incentives_strong"
PHRASES = "review_incentive_phrases"
STRONG_WINDOW = 20
"""How many words apart a review term and a plain reward (a gift card, a free product) may be."""


class ReviewIncentive(Rule):
    code = "RV01"
    name = "reviews.incentive"
    title = "Message offers compensation for a review or feedback"
    rationale = """
        Reviews and feedback must not be bought. Money, refunds, gift cards,
        free or discounted products, cashback, rebates, entries to a
        giveaway or any future benefit offered for a review break the rule,
        even when the review may be honest or negative. The rule looks for a
        review or feedback term and a reward in the same sentence (a refund
        on its own is ordinary customer service), for plain rewards such as
        gift cards within twenty words, and for wording such as "in exchange
        for a review" that ties them on its own.
        """
    guidelines = ("G-REVIEW-INCENTIVE",)
    documents = (Document.MESSAGE, Document.INSERT, Document.PACKING_SLIP)
    languages = lexicons.languages_having(TERMS, INCENTIVES)
    explanation = N_(
        '"%(excerpt)s" ties a review to a reward (%(incentive)s). Offering compensation for a review or feedback, '
        "such as a refund, a gift card, a free or discounted product or a future benefit, is forbidden."
    )
    advice = N_(
        "Ask for a review, if at all, without offering anything for it, and keep refunds and gifts out of the "
        "same message."
    )
    examples = (
        bad("en", "[[Leave us a 5-star review and we will send you a free]] phone case."),
        bad("en", "After you post your review, [[email us a screenshot]] to get your refund."),
        bad("en", "We offer a [[free sample in exchange for an honest review]]."),
        bad(
            "en", "Hi! [[Write a review of the blender. Once it is live, we will mail you a $10 gift card]] as thanks."
        ),
        bad("en", "[[Leave feedback to enter]] our monthly raffle for a new tablet."),
        good("en", "We have refunded your order 203-1234567-1234567 in full. Sorry again for the broken lid."),
        good("en", "Thank you for your feedback, we have passed it on to our packing team."),
        good("en", "We will review your refund request within two working days."),
        good("en", "If you have a moment, please leave a review of the product. It helps other buyers choose."),
        good("en", "Feel free to leave a review once you have tried the kettle."),
        good("en", "We cannot offer anything in exchange for a review, but your honest opinion helps other buyers."),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        text = scan.message.text
        languages = phrase_patterns.languages_for(scan, self.languages)
        marketplace = scan.context.marketplace_name

        def find(name: str) -> tuple[PhraseMatch, ...]:
            return scan.cached(phrase_patterns.find, text, name, languages, marketplace)

        taken: list[Span] = []
        for match in scan.cached(phrase_patterns.find_affirmed, text, PHRASES, languages, marketplace):
            taken.append(match.span)
            yield self.text_finding(
                scan, match.span, detector="phrase_patterns", pattern=match.entry, message_id=_PHRASE
            )
        terms = find(TERMS)
        if not terms:
            return
        sentences = phrase_patterns.sentences_of(text)
        pairs = phrase_patterns.pairs_near(text, terms, find(INCENTIVES), sentences=sentences)
        pairs += phrase_patterns.pairs_near(
            text, terms, find(STRONG_INCENTIVES), words=STRONG_WINDOW, sentences=sentences
        )
        pairs.sort(key=lambda pair: (pair[0].span, abs(pair[1].span[0] - pair[0].span[0])))
        cues = find(phrase_patterns.NEGATIONS)
        for term, incentive in pairs:
            span = (min(term.span[0], incentive.span[0]), max(term.span[1], incentive.span[1]))
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if cues and phrase_patterns.negated(text, span, cues, sentences, language=term.language):
                continue
            taken.append(span)
            yield self.text_finding(
                scan,
                span,
                detector="phrase_patterns",
                pattern=f"{term.entry} + {incentive.entry}",
                incentive=text[incentive.span[0] : incentive.span[1]],
                review=text[term.span[0] : term.span[1]],
            )
