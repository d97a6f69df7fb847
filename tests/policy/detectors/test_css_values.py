"""Table tests for CSS lengths, box shorthands and font sizes."""

from __future__ import annotations

import pytest

from parley.policy.detectors import css_values


@pytest.mark.parametrize(
    ("value", "bare_is_px", "share"),
    [
        ("120px", False, 0.2),
        ("150PX", False, 0.25),
        ("25%", False, 0.25),
        ("10vw", False, 0.1),
        ("7.5em", False, 0.2),
        ("8rem", False, 128 / 600),
        ("90pt", False, 0.2),
        ("1in", False, 0.16),
        ("200", True, 200 / 600),
        ("200", False, None),
        ("0", False, 0.0),
        ("auto", False, None),
        ("calc(50% - 10px)", False, None),
        ("10px 20px", False, None),
    ],
)
def test_share_of_width(value: str, bare_is_px: bool, share: float | None) -> None:
    length = css_values.parse_length(value)
    got = None if length is None else length.share_of_width(bare_is_px=bare_is_px)
    assert got == pytest.approx(share) if share is not None else got is None


@pytest.mark.parametrize(
    ("prop", "value", "sides"),
    [
        ("margin", "10px", {"left": "10px", "right": "10px"}),
        ("margin", "0 auto", {"left": "auto", "right": "auto"}),
        ("padding", "1px 2px 3px", {"left": "2px", "right": "2px"}),
        ("padding", "1px 2px 3px 4px", {"left": "4px", "right": "2px"}),
        ("margin", "1px 2px 3px 4px 5px", {}),
        ("margin", "", {}),
        ("margin-left", " 30% ", {"left": "30%"}),
        ("padding-right", "2em", {"right": "2em"}),
        ("margin-inline", "5px 9px", {"left": "5px", "right": "9px"}),
        ("margin-inline", "7px", {"left": "7px", "right": "7px"}),
        ("padding-inline-start", "8em", {"left": "8em"}),
        ("margin-top", "300px", {}),
        ("margin", "0 calc(50% - 10px)", {"left": "calc(50% - 10px)", "right": "calc(50% - 10px)"}),
    ],
)
def test_horizontal_sides(prop: str, value: str, sides: dict[str, str]) -> None:
    assert css_values.horizontal_sides(prop, value) == sides


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("italic bold 12px/30px Georgia, serif", "12px"),
        ("14px Arial", "14px"),
        ("bold 1.2em/1.5 sans-serif", "1.2em"),
        ("italic 700 small-caps x-large Verdana", "x-large"),
        ("smaller serif", "smaller"),
        ("inherit", None),
        ("caption", None),
        ("Arial 12px", None),
    ],
)
def test_font_shorthand_size(value: str, size: str | None) -> None:
    assert css_values.font_shorthand_size(value) == size


@pytest.mark.parametrize(
    ("value", "html_font", "pixels"),
    [
        ("12px", False, 12.0),
        ("9pt", False, 12.0),
        ("0.75em", False, 12.0),
        ("75%", False, 12.0),
        ("1rem", False, 16.0),
        ("medium", False, 16.0),
        ("X-Large", False, 24.0),
        ("smaller", False, 16 / 1.2),
        ("0", False, 0.0),
        ("inherit", False, None),
        ("var(--size)", False, None),
        ("3", True, 16.0),
        ("7", True, 48.0),
        ("+1", True, 18.0),
        ("-2", True, 10.0),
        ("+9", True, 48.0),
        ("x-small", True, 10.0),
    ],
)
def test_font_size_px(value: str, html_font: bool, pixels: float | None) -> None:
    got = css_values.font_size_px(value, html_font=html_font)
    assert got == pytest.approx(pixels) if pixels is not None else got is None


@pytest.mark.parametrize(("pixels", "text"), [(16.0, "16px"), (18.72, "18.72px"), (13.333333, "13.33px")])
def test_format_px(pixels: float, text: str) -> None:
    assert css_values.format_px(pixels) == text
