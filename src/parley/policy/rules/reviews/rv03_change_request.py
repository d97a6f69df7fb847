"""RV03: asking the buyer to remove or change a review or feedback."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.context import Document
from parley.policy.detectors import phrase_patterns
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

LIST = "review_change"


class ReviewChangeRequest(Rule):
    code = "RV03"
    name = "reviews.change-request"
    title = "Message asks the buyer to remove or change a review or feedback"
    rationale = """
        Once a buyer has left a review or feedback, the seller must not ask
        for it to be removed, updated, revised or raised, not even after the
        problem has been solved. Reviews reflect the buyer's experience as it
        happened; a seller who thinks feedback breaks the marketplace's rules
        asks the marketplace, not the buyer.
        """
    guidelines = ("G-REVIEW-CHANGE",)
    documents = (Document.MESSAGE, Document.INSERT, Document.PACKING_SLIP)
    languages = lexicons.languages_having(LIST)
    explanation = N_(
        '"%(excerpt)s" asks the buyer to remove or change a review or feedback. '
        "This is not allowed, even after the problem has been solved."
    )
    advice = N_(
        "Solve the buyer's problem and say what you did, without mentioning their review. If you think the "
        "feedback breaks the marketplace's rules, ask the marketplace to look at it."
    )
    examples = (
        bad("en", "Now that your replacement has arrived, could you [[update your review]]?"),
        bad("en", "We have refunded you in full. Would you consider [[removing the negative feedback]]?"),
        bad("en", "Please [[change your rating]] to reflect the solution we found."),
        bad("en", "We would be grateful to [[have the feedback removed]] now that the issue is resolved."),
        bad("en", "Could you [[give us a better rating]] now that the parcel has arrived?"),
        good("en", "We have updated the listing after reading your review, thank you for pointing it out."),
        good("en", "We will update you with feedback from the carrier tomorrow."),
        good("en", "Your replacement has been sent and should arrive on Friday."),
        good("en", "Thank you for your feedback. We have changed our packaging so this will not happen again."),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        languages = phrase_patterns.languages_for(scan, self.languages)
        found = scan.cached(
            phrase_patterns.find_affirmed, scan.message.text, LIST, languages, scan.context.marketplace_name
        )
        for match in found:
            yield self.text_finding(scan, match.span, detector="phrase_patterns", pattern=match.entry)
