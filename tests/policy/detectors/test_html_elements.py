"""Table tests for pairing HTML start and end tags and measuring the text inside."""

from __future__ import annotations

import time

import pytest

from parley.policy.detectors import html_elements
from parley.policy.html_scan import scan_html
from parley.policy.message import Message


def _elements(source: str) -> html_elements.Elements:
    message = Message.from_html(source)
    return html_elements.build(message.source, message.tokens)


def _inside(source: str, tag: str, nth: int = 0) -> int:
    elements = _elements(source)
    return elements.visible_inside(elements.named(tag)[nth])


@pytest.mark.parametrize(
    ("source", "tag", "nth", "visible"),
    [
        ("<p>Hello</p>", "p", 0, 5),
        ("<p> Hello  world </p>", "p", 0, 10),
        ("<p>&nbsp;</p>", "p", 0, 0),
        ("<p><br></p>", "p", 0, 0),
        ("<div><img src=a.png></div>", "div", 0, 0),
        ("<div><p>a</p><p>bc</p></div>", "div", 0, 3),
        ("<p>one<p>two", "p", 0, 3),
        ("<p>one<div>two</div>", "p", 0, 3),
        ("<ul><li>a<li>bb</ul>", "li", 1, 2),
        ("<table><tr><td>a<td>bb</table>", "td", 0, 1),
        ("<table><tr><td>a<td>bb</table>", "table", 0, 3),
        ("<DIV>Upper</DIV>", "div", 0, 5),
        ("<div><span>a</div>b", "div", 0, 1),
        ("<div>unclosed text", "div", 0, 12),
        ("<p>x</span>y</p>", "p", 0, 2),
        ("<style>p{color:red}</style><p>a</p>", "style", 0, 0),
        ("<p>a &amp; b</p>", "p", 0, 7),
    ],
)
def test_visible_inside(source: str, tag: str, nth: int, visible: int) -> None:
    assert _inside(source, tag, nth) == visible


@pytest.mark.parametrize(
    ("source", "sized", "outside"),
    [
        ("<p>ab</p><p>cd</p>", ["p"], 0),
        ("<p>ab</p>cd", ["p"], 2),
        ("<div><p>ab</p>cd</div>ef", ["p"], 4),
        ("<div><p>ab</p>cd</div>ef", ["div", "p"], 2),
        ("ab", [], 2),
    ],
)
def test_visible_outside(source: str, sized: list[str], outside: int) -> None:
    elements = _elements(source)
    chosen = [element for name in sized for element in elements.named(name)]
    assert elements.visible_outside(chosen) == outside


@pytest.mark.parametrize(
    ("tag", "attributes"),
    [
        ('<p class="a b" id=x>', {"class": "a b", "id": "x"}),
        ("<TABLE WIDTH='300' ALIGN=Center>", {"width": "300", "align": "Center"}),
        ('<p title="a &amp; b" hidden>', {"title": "a & b", "hidden": ""}),
        ('<p class="first" class="second">', {"class": "first"}),
        ("<br/>", {}),
    ],
)
def test_attributes(tag: str, attributes: dict[str, str]) -> None:
    elements = _elements(tag + "x")
    assert elements.attributes(elements.elements[0]) == attributes


def test_classes_and_ids_are_indexed() -> None:
    elements = _elements('<p class="note big">a</p><span class=note>b</span><div id=main>c</div>')
    assert [element.name for element in elements.with_class("note")] == ["p", "span"]
    assert [element.name for element in elements.with_id("main")] == ["div"]
    assert elements.with_class("missing") == []


def test_root_covers_everything() -> None:
    elements = _elements("<p>ab</p>cd")
    assert elements.visible_inside(elements.root) == 4


def test_deep_unclosed_nesting_stays_linear() -> None:
    source = "<div>" * 50000 + "text" + "</span>" * 50000 + "</b>" * 50000
    tokens = scan_html(source).tokens
    started = time.process_time()
    elements = html_elements.build(source, tokens)
    assert elements.total_visible == 4
    assert len(elements.elements) == 50000
    assert time.process_time() - started < 20  # quadratic pairing would take minutes


def test_message_ref_caches_per_message() -> None:
    message = Message.from_html("<p>a</p>")
    assert html_elements.MessageRef(message) == html_elements.MessageRef(message)
    assert hash(html_elements.MessageRef(message)) == hash(html_elements.MessageRef(message))
    assert html_elements.MessageRef(message) != html_elements.MessageRef(Message.from_html("<p>a</p>"))
