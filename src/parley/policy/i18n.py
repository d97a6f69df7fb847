"""Explanations in the reader's language, from gettext catalogs (Babel ``.po`` files).

Message IDs are the English sentences themselves, marked with ``N_`` where they
are defined and rendered with ``render`` where they are shown.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from parley.policy.context import LANGUAGES

DOMAIN = "parley"
FALLBACK = "en"


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for extraction; it is translated when rendered."""
    return message


class LanguageName(str):
    """A parameter that is a language code (``sv``), shown as the reader calls the language
    (``Swedish``, ``svenska``, ``スウェーデン語``) when the finding is rendered."""

    __slots__ = ()


@cache
def language_name(code: str, reader: str) -> str:
    try:
        return Locale.parse(code).get_language_name(Locale.parse(reader)) or code
    except (UnknownLocaleError, ValueError):
        return code


class Term(str):
    """A parameter value that is itself a message ID: translated when the finding is rendered,
    so a word like "left" follows the reader's language, not the one current when it was found."""

    __slots__ = ()


def normalise_language(language: str | None) -> str:
    if not language:
        return FALLBACK
    code = language.replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else FALLBACK


@cache
def catalog(language: str) -> Catalog | None:
    path = resources.files("parley") / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


@cache
def _translations(language: str) -> dict[str, str]:
    loaded = catalog(language)
    if loaded is None:
        return {}
    return {
        str(entry.id): str(entry.string)
        for entry in loaded
        if entry.id and isinstance(entry.string, str) and entry.string and not entry.fuzzy
    }


def translate(message_id: str, language: str | None) -> str:
    return _translations(normalise_language(language)).get(message_id, message_id)


def _localise(value: Any, language: str | None) -> Any:
    if isinstance(value, Term):
        return translate(value, language)
    if isinstance(value, LanguageName):
        return language_name(str(value), normalise_language(language))
    return value


def render(message_id: str, language: str | None, params: dict[str, Any] | None = None) -> str:
    """Translate ``message_id`` and fill in ``%(name)s`` parameters; never raises."""
    text = translate(message_id, language)
    if not params:
        return text
    params = {key: _localise(value, language) for key, value in params.items()}
    try:
        return text % params
    except (KeyError, ValueError, TypeError):
        try:
            return message_id % params
        except (KeyError, ValueError, TypeError):
            return message_id
