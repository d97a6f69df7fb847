"""CSS values as numbers: lengths, box shorthands and font sizes.

E-mail is laid out for a column of at most ``MAX_WIDTH_PX`` (600 px, the
width e-mail templates and the marketplace's own messages are designed for),
so "20% of the maximum width" is 120 px. Units relative to the font (``em``,
``rem``) are taken at the browser default of 16 px: a message cannot know
the size its reader's client will inherit, and 16 px is what nearly all of
them use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import tinycss2
from tinycss2.ast import DimensionToken, Node, NumberToken, PercentageToken

from parley.policy.parts import Span, StyleDeclaration

MAX_WIDTH_PX = 600.0
DEFAULT_FONT_PX = 16.0
PX_PER_UNIT = {
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 96 / 25.4,
    "q": 96 / 101.6,
    "em": DEFAULT_FONT_PX,
    "rem": DEFAULT_FONT_PX,
    "ex": DEFAULT_FONT_PX / 2,
    "ch": DEFAULT_FONT_PX / 2,
}
# Viewport units measure against the window, which for e-mail is the message column.
_PERCENT_UNITS = frozenset({"vw", "vi", "vmin", "vmax"})
# The browser defaults (CSS Fonts 4, "absolute-size" table) at a 16 px medium.
FONT_SIZE_KEYWORDS = {
    "xx-small": 9.0,
    "x-small": 10.0,
    "small": 13.0,
    "medium": 16.0,
    "large": 18.0,
    "x-large": 24.0,
    "xx-large": 32.0,
    "xxx-large": 48.0,
}
# <font size="1".."7">, relative to the default size 3.
HTML_FONT_SIZES = ("x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large")
_FONT_KEYWORDS_NOT_SIZES = frozenset(
    {"normal", "italic", "oblique", "bold", "bolder", "lighter", "small-caps", "inherit", "initial", "unset"}
)
_RELATIVE_SIZES = frozenset({"smaller", "larger"})
_SIDES = ("top", "right", "bottom", "left")


@dataclass(frozen=True, slots=True)
class Length:
    value: float
    unit: str
    """A lower-case CSS unit, ``%`` or ``""`` for a bare number."""

    def __str__(self) -> str:
        return f"{self.value:g}{self.unit}"

    def px(self, *, bare_is_px: bool = False) -> float | None:
        """The length in CSS pixels; None for percentages and units that need a reference."""
        if self.unit == "":
            return self.value if bare_is_px or self.value == 0 else None
        factor = PX_PER_UNIT.get(self.unit)
        return None if factor is None else self.value * factor

    def percent(self) -> float | None:
        """The length as a percentage of the width it is measured against, when it is one."""
        return self.value if self.unit == "%" or self.unit in _PERCENT_UNITS else None

    def share_of_width(self, *, bare_is_px: bool = False) -> float | None:
        """The length as a share (0..1) of the ``MAX_WIDTH_PX`` column; None when unknown."""
        percent = self.percent()
        if percent is not None:
            return percent / 100
        pixels = self.px(bare_is_px=bare_is_px)
        return None if pixels is None else pixels / MAX_WIDTH_PX


def components(value: str) -> list[Node]:
    """The top-level parts of a value, without whitespace and comments (a function stays one part)."""
    return [node for node in tinycss2.parse_component_value_list(value) if node.type not in ("whitespace", "comment")]


def to_length(node: Node) -> Length | None:
    if isinstance(node, DimensionToken):
        return Length(float(node.value), node.lower_unit)
    if isinstance(node, PercentageToken):
        return Length(float(node.value), "%")
    if isinstance(node, NumberToken):
        return Length(float(node.value), "")
    return None


def parse_length(value: str) -> Length | None:
    """One length (``12px``, ``20%``, ``1.5em``, ``300``); None for ``auto``, ``calc()`` and the like."""
    parts = components(value)
    return to_length(parts[0]) if len(parts) == 1 else None


def box_sides(value: str) -> dict[str, str]:
    """``margin``/``padding`` shorthand (1 to 4 values) as ``{"top": ..., "right": ..., ...}``."""
    parts = [tinycss2.serialize([node]).strip() for node in components(value)]
    if not 1 <= len(parts) <= 4:
        return {}
    top = parts[0]
    right = parts[1] if len(parts) > 1 else top
    bottom = parts[2] if len(parts) > 2 else top
    left = parts[3] if len(parts) > 3 else right
    return dict(zip(_SIDES, (top, right, bottom, left), strict=True))


def horizontal_sides(prop: str, value: str) -> dict[str, str]:
    """The left and right values a margin or padding declaration sets, by side.

    ``margin``/``padding`` (1-4 values), ``-left``/``-right``, and the logical
    ``-inline``, ``-inline-start``, ``-inline-end`` (left-to-right text assumed).
    """
    for box in ("margin", "padding"):
        if prop == box:
            sides = box_sides(value)
            return {side: sides[side] for side in ("left", "right") if side in sides}
        if prop in (f"{box}-left", f"{box}-inline-start"):
            return {"left": value.strip()}
        if prop in (f"{box}-right", f"{box}-inline-end"):
            return {"right": value.strip()}
        if prop == f"{box}-inline":
            parts = [tinycss2.serialize([node]).strip() for node in components(value)]
            if len(parts) == 1:
                return {"left": parts[0], "right": parts[0]}
            if len(parts) == 2:
                return {"left": parts[0], "right": parts[1]}
    return {}


def font_shorthand_size(value: str) -> str | None:
    """The size in a ``font`` shorthand (``italic bold 12px/1.4 Arial`` -> ``12px``); None if it has none."""
    for node in components(value):
        if node.type == "ident" and (node.lower_value in FONT_SIZE_KEYWORDS or node.lower_value in _RELATIVE_SIZES):
            return node.lower_value
        if node.type == "ident" and node.lower_value in _FONT_KEYWORDS_NOT_SIZES:
            continue
        length = to_length(node)
        if length is not None and length.unit != "":
            return str(length)
        if node.type in ("ident", "string", "literal") and length is None:
            return None  # reached the family names: no size before them
    return None


def font_size_px(value: str, *, html_font: bool = False) -> float | None:
    """A font size in pixels (``em`` and ``%`` relative to 16 px); None when it cannot be told.

    With ``html_font``, ``value`` is a ``<font size>`` attribute: ``1``-``7`` or ``+1``/``-2``.
    """
    text = value.strip().lower()
    if html_font:
        text = _html_font_keyword(text) or text
    if text in FONT_SIZE_KEYWORDS:
        return FONT_SIZE_KEYWORDS[text]
    if text == "smaller":
        return DEFAULT_FONT_PX / 1.2
    if text == "larger":
        return DEFAULT_FONT_PX * 1.2
    length = parse_length(text)
    if length is None:
        return None
    if length.unit == "%":
        return DEFAULT_FONT_PX * length.value / 100
    return length.px()


def _html_font_keyword(text: str) -> str | None:
    try:
        number = int(text)
    except ValueError:
        return None
    if text.startswith(("+", "-")):
        number += 3
    return HTML_FONT_SIZES[min(max(number, 1), 7) - 1]


def format_px(pixels: float) -> str:
    """``18.72px``, ``16px``: two decimals at most."""
    return f"{round(pixels, 2):g}px"


def winning(styles: Iterable[StyleDeclaration], properties: frozenset[str]) -> list[StyleDeclaration]:
    """The declarations of ``properties`` that take effect, in source order.

    On one element the last declaration of a property wins, an ``!important`` one over any
    other, and a style attribute over a presentational HTML attribute (``align``, ``<font>``).
    Style-sheet declarations are all kept: which elements they reach is not worked out here.
    """
    winners: dict[tuple[Span, str], StyleDeclaration] = {}
    found: list[StyleDeclaration] = []
    for declaration in styles:
        if declaration.property not in properties:
            continue
        if declaration.origin == "stylesheet":
            found.append(declaration)
            continue
        key = (declaration.span, declaration.property)
        current = winners.get(key)
        if current is None or _rank(declaration) >= _rank(current):
            winners[key] = declaration
    found.extend(winners.values())
    found.sort(key=lambda declaration: declaration.span)
    return found


def _rank(declaration: StyleDeclaration) -> int:
    if declaration.origin == "attribute":
        return 0
    return 2 if declaration.important else 1
