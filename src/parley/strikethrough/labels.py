"""Label one clause with whom it is about, from the cues the feedback lexicons find in it.

The lists, ``lexicons/<lang>/feedback_<name>.txt`` in the phrase-pattern syntax
(``parley.policy.detectors.phrase_patterns``):

``feedback_delivery``              the carrier and the delivery: late, lost, box crushed, left outside
``feedback_marketplace_service``   the marketplace's customer service, returns and refunds
``feedback_product``               the item's condition, quality, description, size, defects
``feedback_seller_service``        the seller: replies, conduct, packaging choice, prices
``feedback_item_mentions``         words for the item itself ("item", "product"): about the product
                                   unless the clause has a delivery or marketplace cue ("the item
                                   never arrived")
``feedback_praise``                praise and exculpation that blocks nothing: "the product is fine",
                                   "not the seller's fault", "fast delivery", "not damaged"
``feedback_<name>_parts``          parts of compound words (sv, nl, de) for the delivery, marketplace and
                                   product lists: ``liefer-``, ``-zusteller`` (``compounds``)

All lists of a language are searched together, so where matches overlap the leftmost, then the
longest, then praise, wins: "not damaged" (praise) hides "damaged" (product), "box was crushed" (delivery) hides
"crushed" (product). Negation is written into the lists this way rather than guessed.

The decisions the lists follow:

* Damage to the box, parcel or packaging is delivery; damage to the item, or damage reported
  without saying what was damaged ("arrived damaged", "broken"), is the product's condition. A
  comment reporting both is mixed and keeps its rating.
* Missing or wrong contents ("box was empty", "wrong item") are about the product: precision
  first, since a wrong strike-through hides a real complaint.
* Any mention of the seller (or shop, vendor) blocks, unless praise or exculpation covers it.
* Praise of the product or the delivery is ``other``: "great product, awful courier" is eligible,
  and "fast delivery" never makes an unrelated complaint eligible.
* Generic verdicts ("terrible", "never again", "avoid") are ``other``; "junk", "rubbish" are
  taken to describe the product unless a delivery or service noun follows ("rubbish courier").
"""

from __future__ import annotations

from parley.policy.detectors.phrase_patterns import PhraseMatch, phrase_set
from parley.strikethrough import compounds
from parley.strikethrough.result import (
    BLOCKING,
    DELIVERY,
    MARKETPLACE_SERVICE,
    OTHER,
    PRODUCT,
    SELLER_SERVICE,
    STRIKEABLE,
    Clause,
)

ITEM_MENTIONS = "feedback_item_mentions"
PRAISE = "feedback_praise"
# Praise comes first: where a praise entry and a complaint match the same words ("item was not
# damaged"), the first list wins the tie.
LIST_LABELS = {
    PRAISE: OTHER,
    "feedback_delivery": DELIVERY,
    "feedback_marketplace_service": MARKETPLACE_SERVICE,
    "feedback_product": PRODUCT,
    "feedback_seller_service": SELLER_SERVICE,
    ITEM_MENTIONS: PRODUCT,
}
LISTS = tuple(LIST_LABELS)


COMPOUND_LISTS = ("feedback_delivery", "feedback_marketplace_service", "feedback_product")
"""The lists with compound parts (``feedback_<name>_parts``, see ``compounds``)."""


def cues(text: str, language: str, marketplace: str) -> list[PhraseMatch]:
    """Every cue in ``text``, leftmost-longest across all the feedback lists of ``language``, then
    the compound words that no phrase covers."""
    found = phrase_set(LISTS, (language,), marketplace).find(text)
    in_compounds = compounds.find(text, COMPOUND_LISTS, language, found)
    return sorted([*found, *in_compounds], key=lambda match: match.span) if in_compounds else found


def label(comment: str, span: tuple[int, int], language: str, marketplace: str) -> Clause:
    """The clause at ``span``: blocking cues win over delivery and service ones, which win over none."""
    text = comment[span[0] : span[1]]
    found = cues(text, language, marketplace)
    strikeable = [match for match in found if LIST_LABELS[match.list] in STRIKEABLE]
    blocking = [
        match
        for match in found
        if LIST_LABELS[match.list] in BLOCKING and not (match.list == ITEM_MENTIONS and strikeable)
    ]
    deciding = blocking or strikeable
    about = LIST_LABELS[deciding[0].list] if deciding else OTHER
    names = tuple(f"{match.list.removeprefix('feedback_')}:{match.entry}" for match in found)
    return Clause(text, about, span, names)
