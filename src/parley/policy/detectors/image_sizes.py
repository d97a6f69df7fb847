"""The size an ``<img>`` is given in the markup: ``width``/``height`` attributes and inline CSS."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.policy.parts import Image

_LENGTH = re.compile(r"([+-]?(?:\d{1,9}(?:\.\d{0,9})?|\.\d{1,9}))(px|%|pt|em|rem|vw|cm|mm|in)?", re.IGNORECASE)
_PX_PER_UNIT = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


@dataclass(frozen=True, slots=True)
class Length:
    value: float
    unit: str
    """``px`` (also for unitless HTML attributes) or ``%`` (``vw`` counts as a percentage)."""

    def __str__(self) -> str:
        number = f"{self.value:g}"
        return f"{number}%" if self.unit == "%" else f"{number}px"


def parse_length(value: str | None) -> Length | None:
    """``"600"``, ``"600px"``, ``"100%"``, ``"12pt"`` as pixels or a percentage; None for ``auto`` and the like."""
    if value is None:
        return None
    match = _LENGTH.fullmatch(value.strip())
    if match is None:
        return None
    number = float(match.group(1))
    unit = (match.group(2) or "px").lower()
    if unit in ("%", "vw"):
        return Length(number, "%")
    return Length(round(number * _PX_PER_UNIT[unit], 2), "px")


def declared(image: Image, dimension: str) -> Length | None:
    """``width`` or ``height`` as rendered: inline CSS wins over the HTML attribute."""
    styled = parse_length(image.style.get(dimension))
    if styled is not None:
        return styled
    return parse_length(image.width if dimension == "width" else image.height)


def styled(image: Image, property_name: str) -> Length | None:
    """An inline CSS length such as ``min-width`` or ``max-width``."""
    return parse_length(image.style.get(property_name))


def tiny_size(image: Image) -> str | None:
    """``"1x1"`` (or ``"0x?"``, ...) when the image is drawn at most one pixel in size, else None.

    An image with a zero dimension is invisible whatever the other one is; an
    image with one dimension of one pixel counts when the other is also at most
    one pixel or not given (it then scales to the 1x1 source image).
    """
    width, height = declared(image, "width"), declared(image, "height")
    for limit in (styled(image, "max-width"), styled(image, "max-height")):
        if limit is not None and limit.value == 0:
            return "0x0"

    def pixels(length: Length | None) -> float | None:
        if length is None:
            return None
        return 0.0 if length.value == 0 else (length.value if length.unit == "px" else None)

    w, h = pixels(width), pixels(height)
    if w == 0 or h == 0:
        return f"{_show(w)}x{_show(h)}"
    small_w = w is not None and w <= 1
    small_h = h is not None and h <= 1
    if (small_w and (small_h or height is None)) or (small_h and width is None):
        return f"{_show(w)}x{_show(h)}"
    return None


def _show(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"
