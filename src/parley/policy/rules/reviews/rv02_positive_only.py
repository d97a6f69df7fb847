"""RV02: asking only happy buyers for a review, or asking for a positive one."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.context import Document
from parley.policy.detectors import phrase_patterns
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

LIST = "review_positive_only"
CONDITIONS = "review_conditions"
REQUESTS = "review_request"
CONDITION_WINDOW = 20
"""How many words after a condition on the buyer's satisfaction a review request still depends on it."""
_CONDITIONAL = N_(
    '"%(excerpt)s" asks for a review after a condition on the buyer being satisfied, so only happy buyers '
    "are asked. Ask every buyer the same way, whatever their experience."
)


class PositiveReviewsOnly(Rule):
    code = "RV02"
    name = "reviews.positive-only"
    title = "Message asks only satisfied buyers, or asks for a positive review"
    rationale = """
        A review request must be neutral: the same for every buyer, whatever
        their experience. Asking only if the buyer is happy ("review gating"),
        asking for five stars or a positive review, asking the buyer to bring
        problems to the seller first instead of leaving feedback, soft
        pressure such as "we depend on your 5 stars", and telling the buyer
        what to write all try to influence the review.
        """
    guidelines = ("G-REVIEW-POSITIVE-ONLY",)
    documents = (Document.MESSAGE, Document.INSERT, Document.PACKING_SLIP)
    languages = lexicons.languages_having(LIST)
    explanation = N_(
        '"%(excerpt)s" tries to steer the review. A review request may not depend on '
        "the buyer being happy, ask for a positive rating, send complaints to you instead, or say what to write."
    )
    advice = N_(
        'Ask every buyer the same neutral question, for example: "If you have a moment, please share your '
        'experience with the product in a review."'
    )
    examples = (
        bad("en", "[[If you are happy with your new lamp, please leave us a review]]. If not, contact us first."),
        bad("en", "Please [[contact us before leaving negative feedback]], we will fix any problem."),
        bad("en", "We are a small family business and [[depend on your 5 stars]]."),
        bad("en", "Would you [[leave a 5-star review]]? It really helps us."),
        bad("en", "When you write it, please [[mention our fast shipping in your review]]."),
        bad("en", "[[Rate us 5 stars]] on the product page!"),
        good("en", "If you have a moment, please share your experience with the product in a review."),
        good("en", "Thank you for your positive feedback, it means a lot to the whole team."),
        good("en", "If you are not satisfied with the lamp, please contact us and we will replace it."),
        good("en", "Before returning the item, please contact us first so we can send a prepaid label."),
        good("en", "Does the size fit? If not, we will exchange it for a larger one."),
        bad("en", "[[Are you happy with the kettle? Then please leave a review]] on the product page."),
        good("en", "Are you happy with the fit? If not, reply and we will send the other size."),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        text = scan.message.text
        languages = phrase_patterns.languages_for(scan, self.languages)
        marketplace = scan.context.marketplace_name
        found = scan.cached(phrase_patterns.find_affirmed, text, LIST, languages, marketplace)
        taken = []
        for match in found:
            taken.append(match.span)
            yield self.text_finding(scan, match.span, detector="phrase_patterns", pattern=match.entry)
        conditions = scan.cached(phrase_patterns.find_affirmed, text, CONDITIONS, languages, marketplace)
        if not conditions:
            return
        requests = scan.cached(phrase_patterns.find, text, REQUESTS, languages, marketplace)
        sentences = phrase_patterns.sentences_of(text)
        pairs = phrase_patterns.pairs_near(text, conditions, requests, words=CONDITION_WINDOW, sentences=sentences)
        for condition, request in sorted(pairs, key=lambda pair: (pair[0].span, pair[1].span)):
            if request.span[0] < condition.span[1]:
                continue  # "leave a review if you like": a request before the condition is the phrase list's job
            span = (condition.span[0], request.span[1])
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            yield self.text_finding(
                scan,
                span,
                detector="phrase_patterns",
                pattern=f"{condition.entry} + {request.entry}",
                message_id=_CONDITIONAL,
            )
