"""Lexicon words as fast regular expressions: a trie, so a failed position costs a few comparisons.

Python's engine checks the first literal or character class of each
alternative before trying it; an alternation of 300 words compiled as a trie
fails at most positions after one or two such checks, where a flat
alternation (or the ignore-case flag, which turns literals into slower
ops) retries every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
"""Scripts written without spaces between words: no word boundaries apply there."""
SPACE = r"[ \t\u00a0\u3000]"

_CJK_CHAR = re.compile(f"[{CJK}]")
_END = ""
_WORD_SPACE = r"[ \t\u00a0\-]{1,2}"
_WORD_END = r"(?!\w)"


def is_cjk(word: str) -> bool:
    return bool(_CJK_CHAR.match(word))


def split(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """Words written between spaces, and words written without (CJK)."""
    every = list(words)
    return [w for w in every if not is_cjk(w)], [w for w in every if is_cjk(w)]


def trie(words: Iterable[str], *, fold: bool = False, space: str = f"{SPACE}{{1,2}}", ending: str = "") -> str:
    """A pattern that matches exactly ``words``.

    ``fold`` matches letters in either case, written as ``[aA]`` rather than
    with the ignore-case flag. A space in a word matches ``space``. A word
    ending in ``*`` matches any word ending after it; the others are followed
    by ``ending`` (for instance a word-boundary lookahead).
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        open_ended = word.endswith("*") and len(word) > 1
        node = root
        for ch in (word[:-1] if open_ended else word).lower() if fold else (word[:-1] if open_ended else word):
            node = node.setdefault(ch, {})
        node[_END] = "*" if open_ended or node.get(_END) == "*" else "$"

    def char(ch: str) -> str:
        if ch == " ":
            return space
        if fold and ch.upper() != ch and len(ch.upper()) == 1:
            return f"[{re.escape(ch)}{re.escape(ch.upper())}]"
        return re.escape(ch)

    def render(node: dict[str, Any]) -> str:
        branches = [char(ch) + render(child) for ch, child in sorted(node.items()) if ch != _END]
        if _END in node:
            branches.append(r"[\w\-]{0,30}+" if node[_END] == "*" else ending)
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return render(root) if root else "(?!)"


def word_pattern(words: Iterable[str], *, fold: bool = True) -> str:
    """Latin words as whole words (``*``: any ending) and CJK words anywhere, as one pattern."""
    latin, cjk = split(words)
    parts = []
    if latin:
        words = trie(latin, fold=fold, space=_WORD_SPACE, ending=_WORD_END)
        parts.append(rf"(?<!\w)(?=\w){words}")
        # Entries that open with a sign ("#", "s/n") need no word boundary in front.
        signs = [w for w in latin if not w[:1].isalnum()]
        if signs:
            parts.append(trie(signs, fold=fold, space=_WORD_SPACE, ending=_WORD_END))
    if cjk:
        parts.append(trie(cjk))
    return "|".join(parts) if parts else "(?!)"
