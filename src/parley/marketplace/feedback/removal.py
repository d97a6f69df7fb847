"""Removal requests (G-FEEDBACK-REMOVAL): feedback is removed when it is obscene, holds personal
information, or is entirely a product review; anything else stays, and the seller is told why.

- Obscene: the policy engine's offensive lexicons (the sensitive-content rule's lists), matched
  with its phrase matcher in the comment's language.
- Personal information: an e-mail address or a phone number (the policy engine's detectors;
  numbers a buyer quotes as a carrier's or manufacturer's are not personal), or the seller's own
  name when it is a person's name rather than a business's.
- Product review: every clause that says anything is about the product. A review mixed with
  anything about the order's service is not removed (a seller asks for a strike-through instead).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from parley.marketplace.feedback.decisions import Decision, Outcome, classify, decide, sellers_feedback
from parley.marketplace.feedback.throttle import ThrottleConfig
from parley.policy import lexicons
from parley.policy.detectors import emails, phones, phrase_patterns
from parley.policy.i18n import N_, Term
from parley.policy.rules.sensitive.sn01_offensive_content import LISTS as OFFENSIVE_LISTS
from parley.store.feedback_models import Feedback
from parley.store.models import Seller

OBSCENE = N_('Feedback %(feedback_id)s is removed: it contains obscene language ("%(excerpt)s").')
PERSONAL = N_("Feedback %(feedback_id)s is removed: it contains personal information (%(what)s).")
PRODUCT_REVIEW = N_(
    "Feedback %(feedback_id)s is removed: it is entirely a review of the product, which belongs in a product "
    "review rather than in seller feedback."
)
MIXED_REVIEW = N_(
    "Feedback %(feedback_id)s stays: it reviews the product but also speaks of the order's service, "
    "and such a mix is not removed."
)
STAYS = N_(
    "Feedback %(feedback_id)s stays: it holds no obscene language or personal information and is not "
    "entirely a product review."
)
WHAT = {"email": N_("an e-mail address"), "phone": N_("a phone number"), "name": N_("a person's full name")}

# Words that mark a business name; a seller called "Anna Berg" is a person, "Berg Kök AB" is not.
BUSINESS_WORDS = frozenset({
    "ab", "hb", "kb", "gmbh", "ag", "kg", "ug", "ohg", "ltd", "limited", "llc", "inc", "corp", "co", "plc", "bv",
    "nv", "vof", "sarl", "sas", "sa", "sl", "srl", "spa", "snc", "sp", "oy", "as", "aps", "shop", "store", "trading",
    "handel", "company", "group", "株式会社", "有限会社", "有限公司", "公司", "商店",
})  # fmt: skip
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?")


def _obscene(comment: str, languages: tuple[str, ...], marketplace: str) -> list[dict[str, Any]]:
    covered = lexicons.languages_having(OFFENSIVE_LISTS[0])
    found: list[dict[str, Any]] = []
    for language in languages:
        if language not in covered:
            continue
        for match in phrase_patterns.find(comment, OFFENSIVE_LISTS, (language,), marketplace):
            found.append({"list": match.list, "entry": match.entry, "language": match.language,
                          "span": list(match.span)})  # fmt: skip
    return sorted(found, key=lambda item: item["span"])


def person_like(name: str) -> bool:
    """Whether a seller's display name reads as a person's full name (two to four capitalised words)."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(word.lower().strip(".,&") in BUSINESS_WORDS for word in words):
        return False
    return all(_NAME_WORD.fullmatch(word) and word[0].isupper() for word in words)


def _personal(comment: str, seller: Seller, region: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [{"kind": "email", "span": list(match.span)} for match in emails.find(comment)]
    numbers = phones.find(comment, (region,))
    for number, exempt in zip(numbers, phones.exempt_context(comment, numbers), strict=True):
        if exempt is None:
            found.append({"kind": "phone", "span": list(number.span)})
    if person_like(seller.name):
        words = r"[\s\u00a0]+".join(re.escape(word) for word in seller.name.split())
        for match in re.finditer(rf"(?<!\w){words}(?!\w)", comment, re.IGNORECASE):
            found.append({"kind": "name", "span": [match.start(), match.end()]})
    return sorted(found, key=lambda item: item["span"])


def _examine(feedback: Feedback) -> Outcome:
    comment = feedback.comment
    found = classify(feedback)
    languages = tuple(dict.fromkeys((found.language, feedback.language)))
    obscene = _obscene(comment, languages, feedback.marketplace.name)
    personal = _personal(comment, feedback.seller, feedback.marketplace.country_code)
    said = [clause.about for clause in found.clauses if clause.about != "other"]
    product_only = bool(said) and all(about == "product" for about in said)
    detail = {
        "obscene": {"passed": bool(obscene), "matches": obscene},
        "personal_information": {"passed": bool(personal), "matches": personal},
        "product_review": {
            "passed": product_only,
            "language": found.language,
            "about": list(found.about),
            "clauses": [{"text": clause.text, "about": clause.about} for clause in found.clauses],
        },
    }
    params: dict[str, Any] = {"feedback_id": feedback.id}
    if obscene:
        start, end = obscene[0]["span"]
        return Outcome(True, "obscene", OBSCENE, {**params, "excerpt": comment[start:end]}, detail)
    if personal:
        return Outcome(
            True, "personal_information", PERSONAL, {**params, "what": Term(WHAT[personal[0]["kind"]])}, detail
        )
    if product_only:
        return Outcome(True, "product_review", PRODUCT_REVIEW, params, detail)
    if "product" in said:
        return Outcome(False, "mixed_review", MIXED_REVIEW, params, detail)
    return Outcome(False, "not_removable", STAYS, params, detail)


def request(
    session: Session, seller: Seller, feedback_id: int, *, now: datetime, config: ThrottleConfig | None = None
) -> Decision:
    """Decide the seller's request to remove feedback ``feedback_id``, and record it."""
    feedback = sellers_feedback(session, seller, feedback_id)
    decision = decide(
        session, seller, feedback, "removal", _examine, now=now, config=config or ThrottleConfig.from_environment()
    )
    if decision.granted:
        feedback.removed_at = now
        feedback.removed_by = "marketplace"
        feedback.removal_reason = decision.reason
        session.flush()
    return decision
