"""Which tokens an HTML element encloses, and how much visible text is inside it.

``Message.tokens`` is a flat list; style rules need to know whether a
centred ``<td>`` holds text or only a logo, or whether some text is outside
every element that sets a font size. This pairs start and end tags with a
stack, closing the elements HTML closes implicitly (``<p>`` before a block,
``<li>`` before ``<li>``, cells before cells and rows), in one pass. Searches
down the stack are bounded, so malformed input stays linear.

Build it once per message with
``scan.cached(html_elements.index, html_elements.MessageRef(scan.message))``.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from parley.policy.html_scan import VOID_ELEMENTS, Token
from parley.policy.message import Message
from parley.policy.parts import Span

_VOID = VOID_ELEMENTS
# A start tag of one of these closes an open <p>.
_CLOSES_P = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)
# Start tag -> (open elements it closes, elements that stop the search).
_IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist"})),
}
_P_SCOPE = frozenset({"div", "td", "th", "table", "li", "blockquote", "body", "html", "button", "center"})
_SEARCH_DEPTH = 64
_P = frozenset({"p"})
_NOTHING: frozenset[str] = frozenset()
_BLANK_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|zwnj|zwj|#160|#x0{0,4}a0|#8203|#x200b);?", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]{1,256})(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]{1,2048})))?""")
_TAG_NAME = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,63}")


@dataclass(frozen=True, slots=True)
class Element:
    name: str
    index: int
    """Position of the start tag in ``Message.tokens``."""
    end: int
    """Position of the end tag, or where the element was closed implicitly (exclusive)."""
    span: Span
    """The start tag in the source."""


@dataclass(frozen=True, eq=False)
class MessageRef:
    """A message as a ``Scan.cached`` argument: equal only to a reference to the same message."""

    message: Message

    def __hash__(self) -> int:
        return id(self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MessageRef) and other.message is self.message


@dataclass
class Elements:
    source: str
    tokens: list[Token]
    elements: list[Element] = field(default_factory=list)
    visible_before: list[int] = field(default_factory=list)
    """``visible_before[i]``: visible characters in ``tokens[:i]`` (whitespace and ``&nbsp;`` do not count)."""

    @cached_property
    def by_span(self) -> dict[Span, Element]:
        return {element.span: element for element in self.elements}

    @cached_property
    def _by_name(self) -> dict[str, list[Element]]:
        found: dict[str, list[Element]] = defaultdict(list)
        for element in self.elements:
            found[element.name].append(element)
        return found

    @cached_property
    def _by_class_and_id(self) -> tuple[dict[str, list[Element]], dict[str, list[Element]]]:
        classes: dict[str, list[Element]] = defaultdict(list)
        ids: dict[str, list[Element]] = defaultdict(list)
        for element in self.elements:
            source = self.source[element.span[0] : element.span[1]]
            if "class" not in source.lower() and "id" not in source.lower():
                continue
            attributes = self.attributes(element)
            for name in attributes.get("class", "").split():
                classes[name].append(element)
            if attributes.get("id"):
                ids[attributes["id"].strip()].append(element)
        return classes, ids

    @cached_property
    def root(self) -> Element:
        """The whole document, as if it were one element (for ``html``/``body``/``*`` selectors)."""
        return Element("#document", -1, len(self.tokens), (0, 0))

    @property
    def total_visible(self) -> int:
        return self.visible_before[-1] if self.visible_before else 0

    def named(self, name: str) -> list[Element]:
        return self._by_name.get(name, [])

    def with_class(self, name: str) -> list[Element]:
        return self._by_class_and_id[0].get(name, [])

    def with_id(self, name: str) -> list[Element]:
        return self._by_class_and_id[1].get(name, [])

    def visible_inside(self, element: Element) -> int:
        """Visible characters of text between the element's start and end tags."""
        return self.visible_before[element.end] - self.visible_before[element.index + 1]

    def visible_outside(self, elements: list[Element]) -> int:
        """Visible characters that no element of ``elements`` encloses."""
        if not elements:
            return self.total_visible
        ranges = sorted((element.index + 1, element.end) for element in elements)
        covered, reach = 0, 0
        for first, end in ranges:
            start = max(first, reach)
            if end > start:
                covered += self.visible_before[end] - self.visible_before[start]
                reach = end
        return self.total_visible - covered

    def attributes(self, element: Element) -> dict[str, str]:
        """The start tag's attributes, names lower-cased, values unescaped (first one wins)."""
        tag = self.source[element.span[0] : element.span[1]]
        name = _TAG_NAME.match(tag)
        body = tag[name.end() if name else 0 :].rstrip(">")
        found: dict[str, str] = {}
        for match in _ATTRIBUTE.finditer(body):
            key = match.group(1).lower()
            value = next((group for group in match.group(2, 3, 4) if group is not None), "")
            found.setdefault(key, html.unescape(value))
        return found


def index(ref: MessageRef) -> Elements:
    return build(ref.message.source, ref.message.tokens)


def build(source: str, tokens: list[Token]) -> Elements:
    visible = [0]
    total = 0
    for token in tokens:
        if token.kind == "text":
            total += _visible_length(source[token.start : token.end])
        visible.append(total)
    result = Elements(source=source, tokens=tokens, visible_before=visible)
    stack: list[tuple[str, int]] = []
    open_count: dict[str, int] = defaultdict(int)
    found: list[Element] = []

    def close(depth: int, at: int) -> None:
        """Close the element ``depth`` from the top of the stack, and everything above it."""
        for _ in range(depth + 1):
            name, start = stack.pop()
            open_count[name] -= 1
            found.append(Element(name, start, at, (tokens[start].start, tokens[start].end)))

    def find(names: frozenset[str], stop: frozenset[str]) -> int | None:
        """How far from the top of the stack the nearest open element named in ``names`` is."""
        for depth in range(min(len(stack), _SEARCH_DEPTH)):
            name = stack[-1 - depth][0]
            if name in names:
                return depth
            if name in stop:
                return None
        return None

    for position, token in enumerate(tokens):
        kind, name = token.kind, token.name
        if kind == "start":
            if name in _CLOSES_P and open_count["p"]:
                depth = find(_P, _P_SCOPE)
                if depth is not None:
                    close(depth, position)
            implied = _IMPLIED_END.get(name)
            if implied is not None and any(open_count[other] for other in implied[0]):
                depth = find(*implied)
                if depth is not None:
                    close(depth, position)
            if name in _VOID:
                found.append(Element(name, position, position + 1, (token.start, token.end)))
            else:
                stack.append((name, position))
                open_count[name] += 1
        elif kind == "end" and open_count[name]:
            depth = find(frozenset((name,)), _NOTHING)
            if depth is not None:
                close(depth, position)
    while stack:
        close(0, len(tokens))
    found.sort(key=lambda element: element.index)
    result.elements = found
    return result


def _visible_length(chunk: str) -> int:
    if "&" in chunk:
        chunk = _BLANK_ENTITY.sub(" ", chunk)
    return len("".join(chunk.split()))


def is_blank_text(chunk: str) -> bool:
    """Only whitespace and blank entities such as ``&nbsp;``."""
    return _visible_length(chunk) == 0
