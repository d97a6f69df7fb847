"""How much of a text is written in each language, sentence by sentence.

``language.identify`` names the one language a text is most likely in. A message
can be mostly Swedish with one English sentence, or a Swedish greeting on an
English letter; to tell these apart, the text is cut into sentences (short ones
joined to the next), each sentence is identified on its own, and its letters
count for its language, weighted by the detector's confidence.

Before that, what ``language.clean`` removes (quotes, product titles, links,
numbers) is removed, and so are runs of three or more capitalised words
(``Wireless Noise Cancelling Headphones``): product names copied into a
message are usually English, whatever language the message is in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from parley.policy.detectors import language

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_TITLE_RUN = re.compile(f"(?<![\\w'’&+/-])(?:[{_UPPER}0-9][\\w'’&+/.-]{{0,40}}(?:[ \\t]{{1,4}}|(?!\\w))){{3,50}}")
_SENTENCE = re.compile(r"[^.!?。！？\n]{1,400}[.!?。！？]{0,3}")
_MIN_SENTENCE = 20
"""Letters a sentence needs to be identified alone; shorter ones join the next."""
_MIN_LETTERS = 12
_CJK_WEIGHT = 2
"""A Han or kana character says about as much as two Latin letters."""


@dataclass(frozen=True)
class LanguageShares:
    shares: dict[str, float]
    """Language code -> share of the letters, weighted by confidence; the rest is undecided."""
    letters: int
    """Letters looked at (CJK characters count double)."""

    def share(self, code: str) -> float:
        return self.shares.get(code, 0.0)

    @property
    def dominant(self) -> str | None:
        """The language with the largest share, or None when there is none."""
        if not self.shares:
            return None
        return max(self.shares, key=self.shares.__getitem__)


def _weight(text: str) -> int:
    return sum(_CJK_WEIGHT if ch >= "\u2e80" else 1 for ch in text if ch.isalpha())


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences of at least ``_MIN_SENTENCE`` letters (a short last one joins the one before)."""
    merged: list[str] = []
    pending = ""
    for match in _SENTENCE.finditer(text):
        piece = match.group().strip()
        if not piece:
            continue
        pending = f"{pending} {piece}" if pending else piece
        if _weight(pending) >= _MIN_SENTENCE:
            merged.append(pending)
            pending = ""
    if pending:
        if merged and _weight(pending) < _MIN_SENTENCE:
            merged[-1] = f"{merged[-1]} {pending}"
        else:
            merged.append(pending)
    return merged


def strip_names(text: str) -> str:
    """``text`` without runs of three or more capitalised words or model numbers."""
    return _TITLE_RUN.sub(" ", text)


def shares(text: str, ignore: Iterable[str] = ()) -> LanguageShares | None:
    """The share of ``text`` written in each language; None when too little text is left to tell."""
    sample = strip_names(language.clean(text, tuple(ignore)))
    total = 0
    weighted: dict[str, float] = {}
    for sentence in sentences(sample):
        letters = _weight(sentence)
        total += letters
        guess = language.identify(sentence)
        if guess is not None:
            weighted[guess.language] = weighted.get(guess.language, 0.0) + letters * guess.confidence
    if total < _MIN_LETTERS:
        return None
    return LanguageShares({code: value / total for code, value in weighted.items()}, total)
