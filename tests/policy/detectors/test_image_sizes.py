"""Declared image sizes: CSS lengths, attribute versus style, one-pixel images."""

from __future__ import annotations

import pytest

from parley.policy.detectors.image_sizes import Length, declared, parse_length, styled, tiny_size
from parley.policy.parts import Image


def img(width: str | None = None, height: str | None = None, **style: str) -> Image:
    return Image(
        src="https://a.com/x.png",
        alt="x",
        span=(0, 0),
        width=width,
        height=height,
        style={key.rstrip("_").replace("_", "-"): value for key, value in style.items()},
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("600", Length(600, "px")),
        (" 600px ", Length(600, "px")),
        ("600PX", Length(600, "px")),
        ("100%", Length(100, "%")),
        ("100vw", Length(100, "%")),
        ("12.5%", Length(12.5, "%")),
        (".5px", Length(0.5, "px")),
        ("40em", Length(640, "px")),
        ("36pt", Length(48, "px")),
        ("0", Length(0, "px")),
        ("auto", None),
        ("calc(100% - 20px)", None),
        ("600 px", None),
        ("", None),
        (None, None),
        ("9" * 50, None),
    ],
)
def test_parse_length(value: str | None, expected: Length | None) -> None:
    assert parse_length(value) == expected


def test_length_is_shown_with_its_unit() -> None:
    assert str(Length(600, "px")) == "600px"
    assert str(Length(12.5, "%")) == "12.5%"


def test_style_wins_over_the_attribute() -> None:
    assert declared(img(width="600", width_="300px"), "width") == Length(300, "px")
    assert declared(img(width="600", width_="auto"), "width") == Length(600, "px")
    assert declared(img(height="20"), "height") == Length(20, "px")
    assert declared(img(), "width") is None
    assert styled(img(max_width="100%"), "max-width") == Length(100, "%")


@pytest.mark.parametrize(
    ("image", "size"),
    [
        (img("1", "1"), "1x1"),
        (img("1px", "1px"), "1x1"),
        (img("0", "0"), "0x0"),
        (img("1"), "1x?"),
        (img(None, "1"), "?x1"),
        (img("0", "300"), "0x300"),
        (img(width_="1px", height_="1px"), "1x1"),
        (img("300", "300", width_="1px", height_="1px"), "1x1"),
        (img("300", "300", max_height="0"), "0x0"),
        (img("1", "20"), None),
        (img("100%", "1"), None),
        (img("2", "2"), None),
        (img("120", "40"), None),
        (img(), None),
        (img("1", "1", width_="120px", height_="40px"), None),
    ],
)
def test_tiny_size(image: Image, size: str | None) -> None:
    assert tiny_size(image) == size
