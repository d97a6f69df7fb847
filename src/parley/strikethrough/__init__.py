"""Whom a buyer's seller-feedback comment is about: the content test of a strike-through request.

``classify(comment, language)`` splits the comment into clauses (``clauses``), labels each with one
of ``ABOUT_VALUES`` from the feedback word lists (``labels``, which documents the lists and the
decisions they follow), and calls the comment eligible when some clause is about the marketplace's
delivery or customer service and none is about the product or the seller (G-FEEDBACK-STRIKE,
G-FEEDBACK-STRIKE-MIXED). Scope (negative rating, AFN order) is the caller's business.

A pure library: no database, web or file I/O beyond the packaged word lists.
"""

from __future__ import annotations

from parley.strikethrough import clauses as _clauses
from parley.strikethrough.labels import label
from parley.strikethrough.language import UnsupportedLanguageError, resolve
from parley.strikethrough.result import ABOUT_VALUES, Classification, Clause, decide

DEFAULT_MARKETPLACE = "Amazon"


def classify(comment: str, language: str | None = None, *, marketplace: str = DEFAULT_MARKETPLACE) -> Classification:
    """Label ``comment``'s clauses; ``language`` (``sv``, ``de-DE``) is detected when not given.

    Raises ``UnsupportedLanguageError`` for a language outside the project's ten. An empty comment
    has no clauses and is not eligible.
    """
    code = resolve(comment, language)
    labelled = tuple(label(comment, span, code, marketplace) for span in _clauses.split(comment, code))
    return decide(labelled, code)


__all__ = ["ABOUT_VALUES", "Classification", "Clause", "UnsupportedLanguageError", "classify"]
