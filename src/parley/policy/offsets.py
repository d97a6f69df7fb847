"""A map from positions in derived text back to positions in the original input.

The visible text of an HTML message, or the body of a decoded e-mail, is built
from pieces of the source. Each piece is either copied verbatim (one text
character per source character) or stands for a whole source range (an entity
such as ``&amp;`` or a line break inserted for ``<br>``). Findings are reported
in source coordinates, so every rule can point at what the seller wrote.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Pieces of text, each tied to a range of the source, in increasing order."""

    _text_starts: list[int] = field(default_factory=list)
    _source_starts: list[int] = field(default_factory=list)
    _source_ends: list[int] = field(default_factory=list)
    _verbatim: list[bool] = field(default_factory=list)
    _text_length: int = 0

    @classmethod
    def identity(cls, length: int, source_offset: int = 0) -> OffsetMap:
        mapping = cls()
        mapping.add_verbatim(source_offset, length)
        return mapping

    def add_verbatim(self, source_start: int, length: int) -> None:
        if length <= 0:
            return
        if self._verbatim and self._verbatim[-1] and self._source_ends[-1] == source_start:
            self._source_ends[-1] += length
            self._text_length += length
            return
        self._append(source_start, source_start + length, length, verbatim=True)

    def add_replacement(self, source_start: int, source_end: int, length: int) -> None:
        """``length`` text characters that stand for ``source[source_start:source_end]``."""
        if length <= 0:
            return
        self._append(source_start, source_end, length, verbatim=False)

    def extend(self, other: OffsetMap) -> None:
        """Append ``other``'s pieces after this map's text."""
        shift = self._text_length
        self._text_starts.extend(start + shift for start in other._text_starts)
        self._source_starts.extend(other._source_starts)
        self._source_ends.extend(other._source_ends)
        self._verbatim.extend(other._verbatim)
        self._text_length += other._text_length

    def _append(self, source_start: int, source_end: int, length: int, *, verbatim: bool) -> None:
        self._text_starts.append(self._text_length)
        self._source_starts.append(source_start)
        self._source_ends.append(source_end)
        self._verbatim.append(verbatim)
        self._text_length += length

    @property
    def text_length(self) -> int:
        return self._text_length

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the text span ``[start, end)`` to the smallest source span that covers it."""
        if not self._text_starts:
            return (0, 0)
        end = max(end, start)
        return (self._point(start, is_end=False), self._point(end, is_end=True))

    def _point(self, position: int, *, is_end: bool) -> int:
        position = min(max(position, 0), self._text_length)
        lookup = position - 1 if is_end and position > 0 else position
        index = max(bisect_right(self._text_starts, lookup) - 1, 0)
        text_start = self._text_starts[index]
        if self._verbatim[index]:
            return self._source_starts[index] + (position - text_start)
        return self._source_ends[index] if is_end else self._source_starts[index]
