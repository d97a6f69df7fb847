"""What a parsed message is made of: links, images, style declarations, attachments."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Link:
    """An ``<a href>`` element; ``span`` is its start tag, ``text_span`` its visible text."""

    href: str
    text: str
    span: Span
    text_span: Span
    title: str = ""
    contains_image: bool = False


@dataclass(frozen=True, slots=True)
class Image:
    """An ``<img>`` element, or a CSS background image (``tag == "css"``)."""

    src: str
    alt: str | None
    span: Span
    width: str | None = None
    height: str | None = None
    style: dict[str, str] = field(default_factory=dict)
    link_href: str | None = None
    hidden: bool = False
    tag: str = "img"


@dataclass(frozen=True, slots=True)
class StyleDeclaration:
    """One CSS declaration or presentational attribute that applies to an element.

    ``origin`` is ``inline`` (a ``style`` attribute), ``stylesheet`` (a
    ``<style>`` block, with its ``selector``) or ``attribute`` (``align``,
    ``<font size>``, ``<center>`` and their kin, given as a CSS equivalent).
    """

    property: str
    value: str
    element: str
    span: Span
    origin: str
    selector: str = ""
    important: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    declared_type: str
    sniffed_type: str | None
    size: int
    data: bytes = field(repr=False, default=b"")
    inline: bool = False
    content_id: str | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the parser had to repair, said to the user rather than hidden.

    ``code`` is stable (``invalid-utf8``, ``unknown-charset``, ``mime-defect``,
    ``nul-bytes``, ``html-depth``); ``detail`` is free English text for logs.
    """

    code: str
    detail: str = ""
