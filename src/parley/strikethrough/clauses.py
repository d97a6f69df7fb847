"""Split a feedback comment into clauses: the units that are each about one party.

A clause ends at a sentence stop, a comma, semicolon or colon (not between digits: 9.99, 1,5),
a dash between spaces, an ellipsis, an emoji or a line break, and a new one starts at a clause-break
conjunction of the comment's language (``feedback_clause_breaks.txt``: "but", "and", "men", "och",
"aber", "但是", "でも"), which stays with the clause it opens. Pieces without a letter or digit (a
lone emoji, "!!!") are left out.
"""

from __future__ import annotations

import re

from parley.policy.detectors.phrase_patterns import phrase_set

CLAUSE_BREAKS = "feedback_clause_breaks"
_BREAK = re.compile(
    r"(?<!\d)[.,:]|[.,:](?!\d)|[!?;\n\r\t…。！？；：，、|]"
    r"|\s[-–—~]+\s|[–—]"
    r"|[\u2600-\u27bf\U0001f000-\U0001faff]"
)
_EDGE = " \t\r\n\"'“”„«»()[]{}*_-–—~.,:;!?…。！？；：，、|\u200d\ufe0f"


def split(comment: str, language: str) -> list[tuple[int, int]]:
    """The clauses' spans in ``comment``, trimmed of white space and punctuation at their edges."""
    cuts: list[tuple[int, int]] = [(match.start(), match.end()) for match in _BREAK.finditer(comment)]
    conjunctions = {match.span for match in phrase_set((CLAUSE_BREAKS,), (language,)).find(comment)}
    cuts.extend((start, start) for start, _ in conjunctions)
    cuts.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for cut_start, cut_end in cuts:
        if cut_start >= start:
            piece = _trim(comment, start, cut_start)
            if piece in conjunctions and cut_start == cut_end:
                continue  # "aber sonst gut": a conjunction alone is no clause; it opens the next one
            _add(comment, piece, spans)
            start = cut_end
        start = max(start, cut_end)
    _add(comment, _trim(comment, start, len(comment)), spans)
    return spans


def _trim(comment: str, start: int, end: int) -> tuple[int, int]:
    while start < end and comment[start] in _EDGE:
        start += 1
    while end > start and comment[end - 1] in _EDGE:
        end -= 1
    return start, end


def _add(comment: str, span: tuple[int, int], spans: list[tuple[int, int]]) -> None:
    if any(char.isalnum() for char in comment[span[0] : span[1]]):
        spans.append(span)
