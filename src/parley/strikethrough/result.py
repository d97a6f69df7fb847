"""What the classifier answers: the comment's clauses, each labelled with whom it is about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DELIVERY = "delivery"
MARKETPLACE_SERVICE = "marketplace_service"
PRODUCT = "product"
SELLER_SERVICE = "seller_service"
OTHER = "other"
ABOUT_VALUES = (DELIVERY, MARKETPLACE_SERVICE, PRODUCT, SELLER_SERVICE, OTHER)
STRIKEABLE = frozenset({DELIVERY, MARKETPLACE_SERVICE})
"""What the marketplace takes responsibility for: a comment entirely about these can be struck."""
BLOCKING = frozenset({PRODUCT, SELLER_SERVICE})
"""What keeps the feedback as it is, whatever else the comment says (G-FEEDBACK-STRIKE-MIXED)."""


@dataclass(frozen=True)
class Clause:
    text: str
    about: str
    span: tuple[int, int]
    """Where the clause is in the comment: ``comment[span[0]:span[1]] == text``."""
    cues: tuple[str, ...] = ()
    """The lexicon entries that decided the label, as ``list:entry`` (praise included)."""


@dataclass(frozen=True)
class Classification:
    eligible: bool
    """The content test alone: some clause is about delivery or the marketplace's service, none about
    the product or the seller."""
    about: tuple[str, ...]
    """The clauses' distinct labels, in order of first appearance."""
    clauses: tuple[Clause, ...]
    language: str

    def to_dict(self) -> dict[str, Any]:
        """The shape ``parley feedback classify --format json`` prints (without the input's id)."""
        return {
            "eligible": self.eligible,
            "about": list(self.about),
            "clauses": [{"text": clause.text, "about": clause.about} for clause in self.clauses],
        }


def decide(clauses: tuple[Clause, ...], language: str) -> Classification:
    labels = tuple(dict.fromkeys(clause.about for clause in clauses))
    eligible = bool(STRIKEABLE.intersection(labels)) and not BLOCKING.intersection(labels)
    return Classification(eligible, labels, clauses, language)
