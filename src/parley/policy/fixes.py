"""Apply the safe fixes that rules propose, as edits to the source."""

from __future__ import annotations

from collections.abc import Iterable

from parley.policy.rule import Edit


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; of two that overlap, the earlier one wins."""
    chosen: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.span[0], e.span[1])):
        if chosen and edit.span[0] < chosen[-1].span[1]:
            continue
        chosen.append(edit)
    pieces, cursor = [], 0
    for edit in chosen:
        pieces.append(source[cursor : edit.span[0]])
        pieces.append(edit.replacement)
        cursor = edit.span[1]
    pieces.append(source[cursor:])
    return "".join(pieces)
