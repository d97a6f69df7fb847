"""Links, images and styles from the HTML element tree (selectolax / Lexbor).

Element positions come from the linear scan (``html_scan``): the n-th element
of a tag name in document order is matched with the n-th start tag of that
name in the source.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import tinycss2
from selectolax.lexbor import LexborHTMLParser, LexborNode

from parley.policy.html_scan import Token
from parley.policy.parts import Image, Link, Notice, Span, StyleDeclaration

_ANCESTOR_LIMIT = 64
_LOOKAHEAD = 8
_FONT_SIZES = {"1": "x-small", "2": "small", "3": "medium", "4": "large", "5": "x-large", "6": "xx-large"}
_IMAGE_PROPERTIES = frozenset({"background", "background-image", "list-style", "list-style-image", "content"})


@dataclass
class DomParts:
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    styles: list[StyleDeclaration] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


class _Locator:
    """Finds the source span of the n-th element of each tag name."""

    def __init__(self, body: str, tokens: list[Token], base: int) -> None:
        self._body = body
        self._starts: dict[str, list[Token]] = defaultdict(list)
        self._ends: dict[str, list[Token]] = defaultdict(list)
        for token in tokens:
            if token.kind == "start":
                self._starts[token.name].append(token)
            elif token.kind == "end":
                self._ends[token.name].append(token)
        self._seen: dict[str, int] = defaultdict(int)
        self._end_starts: dict[str, list[int]] = {}
        self._base = base

    def next_span(self, tag: str, first_value: str = "") -> Span:
        """The n-th start tag of ``tag``; if the tree builder dropped an element (a stray ``<td>``),
        skip ahead to the next tag that carries the element's first attribute value."""
        index = self._seen[tag]
        starts = self._starts.get(tag, [])
        if first_value:
            for candidate in range(index, min(index + _LOOKAHEAD, len(starts))):
                token = starts[candidate]
                if first_value in self._body[token.start - self._base : token.end - self._base]:
                    index = candidate
                    break
        self._seen[tag] = index + 1
        if index < len(starts):
            return (starts[index].start, starts[index].end)
        return (self._base, self._base)

    def content_span(self, tag: str, start_span: Span) -> Span:
        """From the end of the start tag to the next end tag of the same name."""
        ends = self._ends.get(tag, [])
        positions = self._end_starts.get(tag)
        if positions is None:
            positions = self._end_starts[tag] = [token.start for token in ends]
        index = bisect_left(positions, start_span[1])
        if index < len(ends):
            return (start_span[1], ends[index].start)
        return (start_span[1], start_span[1])


def extract(body: str, base: int, tokens: list[Token], tree_input: str | None = None) -> DomParts:
    """Parts of ``body`` (which starts at ``base`` in the message source).

    ``tree_input`` is what the tree builder gets instead of ``body`` when the
    markup had to be flattened first; ``tokens`` always point into ``body``.
    """
    parts = DomParts()
    tree = LexborHTMLParser(body if tree_input is None else tree_input)
    root = tree.root
    if root is None:
        return parts
    locator = _Locator(body, tokens, base)
    for node in root.traverse(include_text=False):
        tag = (node.tag or "").lower()
        if not tag or tag.startswith("-"):
            continue
        attributes = {key.lower(): (value or "") for key, value in node.attributes.items()}
        first_value = next((value for value in attributes.values() if value), "")
        span = locator.next_span(tag, first_value)
        inline = _inline_declarations(attributes.get("style", ""), tag, span)
        parts.styles.extend(inline)
        parts.styles.extend(_presentational(tag, attributes, span))
        for declaration in inline:
            for url in _css_urls(declaration):
                parts.images.append(Image(src=url, alt=None, span=span, tag="css"))
        if tag == "a" and "href" in attributes:
            parts.links.append(
                Link(
                    href=attributes["href"].strip(),
                    text=_collapse(node.text(deep=True, separator=" ")),
                    span=span,
                    text_span=locator.content_span("a", span),
                    title=attributes.get("title", ""),
                    contains_image=node.css_first("img") is not None,
                )
            )
        elif tag == "img":
            style = {d.property: d.value for d in inline}
            parts.images.append(
                Image(
                    src=attributes.get("src", "").strip(),
                    alt=attributes.get("alt"),
                    span=span,
                    width=attributes.get("width"),
                    height=attributes.get("height"),
                    style=style,
                    link_href=_enclosing_link(node),
                    hidden=_is_hidden(node),
                )
            )
        elif tag in ("table", "td", "body") and attributes.get("background"):
            parts.images.append(Image(src=attributes["background"].strip(), alt=None, span=span, tag=tag))
        elif tag == "style":
            parts.styles.extend(_stylesheet(node.text(deep=True), span))
    return parts


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _inline_declarations(style: str, tag: str, span: Span) -> list[StyleDeclaration]:
    if not style.strip():
        return []
    return [
        StyleDeclaration(name, value, tag, span, "inline", important=important)
        for name, value, important in _declarations(style)
    ]


@lru_cache(maxsize=4096)
def _declarations(css: str) -> tuple[tuple[str, str, bool], ...]:
    """Declarations of a style attribute or block; cached because e-mail markup repeats its styles."""
    found = []
    for item in tinycss2.parse_declaration_list(css, skip_whitespace=True, skip_comments=True):
        if item.type == "declaration":
            found.append((item.lower_name, tinycss2.serialize(item.value).strip(), bool(item.important)))
    return tuple(found)


def _stylesheet(css: str, span: Span) -> list[StyleDeclaration]:
    found: list[StyleDeclaration] = []
    pending = list(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    while pending:
        rule = pending.pop(0)
        if rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            content = tinycss2.serialize(rule.content)
            found.extend(
                StyleDeclaration(name, value, "style", span, "stylesheet", selector, important)
                for name, value, important in _declarations(content)
            )
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword == "media":
            pending.extend(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
    return found


def _presentational(tag: str, attributes: dict[str, str], span: Span) -> list[StyleDeclaration]:
    """Old HTML attributes that do what CSS does, expressed as CSS."""
    found = []
    if tag == "center":
        found.append(StyleDeclaration("text-align", "center", tag, span, "attribute"))
    if attributes.get("align") and tag not in ("img", "table"):
        found.append(StyleDeclaration("text-align", attributes["align"].strip(), tag, span, "attribute"))
    if tag == "font":
        if attributes.get("size"):
            size = attributes["size"].strip()
            found.append(StyleDeclaration("font-size", _FONT_SIZES.get(size, size), tag, span, "attribute"))
        if attributes.get("face"):
            found.append(StyleDeclaration("font-family", attributes["face"], tag, span, "attribute"))
        if attributes.get("color"):
            found.append(StyleDeclaration("color", attributes["color"], tag, span, "attribute"))
    if attributes.get("width") and tag in ("table", "td", "div", "body"):
        found.append(StyleDeclaration("width", attributes["width"].strip(), tag, span, "attribute"))
    for side in ("leftmargin", "rightmargin", "marginwidth"):
        if attributes.get(side) and tag == "body":
            found.append(StyleDeclaration("margin", attributes[side].strip() + "px", tag, span, "attribute"))
    return found


def _css_urls(declaration: StyleDeclaration) -> list[str]:
    if declaration.property not in _IMAGE_PROPERTIES:
        return []
    urls = []
    for token in tinycss2.parse_component_value_list(declaration.value):
        if token.type == "url":
            urls.append(token.value.strip())
        elif token.type == "function" and token.lower_name == "url":
            urls.extend(arg.value for arg in token.arguments if arg.type == "string")
    return urls


def _ancestors(node: LexborNode) -> list[LexborNode]:
    found: list[LexborNode] = []
    current = node.parent
    while current is not None and len(found) < _ANCESTOR_LIMIT:
        found.append(current)
        current = current.parent
    return found


def _enclosing_link(node: LexborNode) -> str | None:
    for ancestor in _ancestors(node):
        if (ancestor.tag or "").lower() == "a":
            href = ancestor.attributes.get("href")
            if href:
                return href.strip()
    return None


def _is_hidden(node: LexborNode) -> bool:
    for element in (node, *_ancestors(node)):
        style = element.attributes.get("style") or ""
        if not style:
            continue
        for name, value, _ in _declarations(style):
            compact = value.replace(" ", "").lower()
            if (name == "display" and compact == "none") or (name == "visibility" and compact == "hidden"):
                return True
            if name == "opacity" and compact in ("0", "0.0", "0%"):
                return True
    return False
