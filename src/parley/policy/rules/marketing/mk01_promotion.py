"""MK01: coupons, sales, cross-selling and invitations to the seller's own channels."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy import lexicons
from parley.policy.detectors import phrase_patterns
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_CROSS_SELL = N_(
    '"%(excerpt)s" promotes other products. Messages to buyers may only be about '
    "the order they placed, so promoting the rest of your range is marketing."
)
_CHANNELS = N_(
    '"%(excerpt)s" invites the buyer to your own channels: social media, a newsletter '
    "or your website are marketing, and they take the buyer away from the marketplace."
)
_REFERRALS = N_(
    '"%(excerpt)s" refers the buyer to a third party\'s products or promotions, which the guidelines forbid.'
)

LISTS = ("marketing_discounts", "marketing_cross_sell", "marketing_channels", "marketing_referrals")
DISCOUNTS = "marketing_discounts"
EXEMPTIONS = "discount_exemptions"
"""Wording that makes a discount compensation for this order (a partial refund), not a promotion."""


class Promotion(Rule):
    code = "MK01"
    name = "marketing.promotion"
    title = "Message contains marketing: coupons, sales, other products, channels"
    rationale = """
        Sellers may write to buyers only to complete an order or to answer
        them, never to market. Coupons and discount codes, sales and special
        offers, new arrivals and "you may also like", invitations to follow a
        social media account, join a newsletter or shop on the seller's own
        website, and referrals to other companies' products are all marketing.
        The rule matches wording from per-language lists, so a partial refund
        called a discount, or a reply about the coupon the buyer used, is not
        flagged: only wording that sells is.
        """
    guidelines = ("G-TYPE-MARKETING", "G-WHY")
    languages = lexicons.languages_having("marketing_discounts")
    explanation = N_(
        '"%(excerpt)s" advertises a discount, coupon or sale. Coupons and promotions '
        "are marketing, which messages to buyers must not contain."
    )
    advice = N_(
        "Remove the promotion and keep to what the buyer needs for this order, such as its delivery, a problem "
        "with it, or a return."
    )
    examples = (
        bad("en", "Thanks for your order! [[Use code]] SAVE10 for [[10% off]] your next purchase."),
        bad("en", "We have [[new arrivals]] every week. [[Check out our other kitchen products]] on our storefront."),
        bad("en", "Don't forget to [[follow us on Instagram]] and [[join our newsletter]] for early news."),
        bad("en", "Our [[summer sale]] starts Friday: [[everything is on sale]] until Sunday."),
        bad("en", "If you liked the kettle, [[you may also like]] our matching toaster."),
        bad("en", "Next time, [[order directly from our website]] and save the marketplace fee."),
        good(
            "en", "Your order 203-1234567-1234567 will arrive on Thursday. The tracking number is 1Z999AA10123456784."
        ),
        good("en", "We have refunded 10% of the price as a partial refund for the scratch on the lid."),
        good("en", "We would like to offer you 15% off the price as a partial refund, issued through Amazon."),
        good("en", "The coupon you used was applied at checkout, so the lower price is correct."),
        good("en", "The assembly manual is also on our website under Support, if you lose the paper copy."),
        good("en", "Sorry, the blue version is sold out. Would you like the grey one instead, or a refund?"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        languages = phrase_patterns.languages_for(scan, self.languages)
        found = scan.cached(
            phrase_patterns.find_affirmed, scan.message.text, LISTS, languages, scan.context.marketplace_name
        )
        messages = {
            "marketing_cross_sell": _CROSS_SELL,
            "marketing_channels": _CHANNELS,
            "marketing_referrals": _REFERRALS,
        }
        exempt: tuple[phrase_patterns.PhraseMatch, ...] = ()
        if any(match.list == DISCOUNTS for match in found):
            exempt = scan.cached(
                phrase_patterns.find, scan.message.text, EXEMPTIONS, languages, scan.context.marketplace_name
            )
        sentences = phrase_patterns.sentences_of(scan.message.text) if exempt else None
        for match in found:
            if (
                sentences is not None
                and match.list == DISCOUNTS
                and any(sentences.same(match.span, reason.span) for reason in exempt)
            ):
                continue  # "15% off the price as a partial refund" compensates, it does not sell
            yield self.text_finding(
                scan,
                match.span,
                detector="phrase_patterns",
                pattern=match.entry,
                message_id=messages.get(match.list, self.explanation),
                pattern_list=match.list,
            )
