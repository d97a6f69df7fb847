"""Word lists per language, as data files: ``lexicons/<lang>/<name>.txt``.

One entry per line; blank lines and lines starting with ``#`` are ignored.
``common`` holds lists that belong to no single language.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from parley.policy.context import LANGUAGES


@cache
def load(language: str, name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/<language>/<name>.txt``; empty when the file does not exist."""
    path = resources.files("parley.policy.lexicons") / language / f"{name}.txt"
    if not path.is_file():
        return ()
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return tuple(entries)


def load_all(name: str) -> dict[str, tuple[str, ...]]:
    """``name`` in every project language that has it."""
    return {language: entries for language in LANGUAGES if (entries := load(language, name))}


def languages_having(*names: str) -> tuple[str, ...]:
    """The project languages that have every one of the named lists: what a lexicon rule covers.

    A rule built on word lists covers a language exactly when that language's lists exist, so
    adding a language is adding its files (and its examples), never editing the rule.
    """
    return tuple(language for language in LANGUAGES if all(load(language, name) for name in names))
