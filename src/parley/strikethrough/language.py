"""The comment's language: as given (``sv``, ``sv-SE``, ``sv_SE``), else as the policy engine detects it."""

from __future__ import annotations

from parley.policy.context import LANGUAGES
from parley.policy.detectors.language import identify

FALLBACK = "en"


class UnsupportedLanguageError(ValueError):
    """A language the classifier has no word lists for."""


def resolve(comment: str, language: str | None) -> str:
    if language is not None and language.strip():
        code = language.strip().lower().replace("_", "-").split("-")[0]
        if code not in LANGUAGES:
            raise UnsupportedLanguageError(f"unsupported language {language!r}; one of: {', '.join(LANGUAGES)}")
        return code
    guess = identify(comment)
    return guess.language if guess is not None and guess.language in LANGUAGES else FALLBACK
