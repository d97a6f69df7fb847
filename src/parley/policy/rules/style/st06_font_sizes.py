"""ST06: more than three font sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from parley.policy.detectors import css_values, html_elements
from parley.policy.detectors.html_elements import Element, Elements
from parley.policy.i18n import N_
from parley.policy.parts import Span, StyleDeclaration
from parley.policy.rule import Action, Finding, Rule, bad, good
from parley.policy.scan import Scan

MAX_SIZES = 3
# Browser default sizes of elements that change the font size by themselves (at a 16 px body).
_ELEMENT_SIZES = {
    "h1": 32.0,
    "h2": 24.0,
    "h3": 18.72,
    "h4": 16.0,
    "h5": 13.28,
    "h6": 10.72,
    "small": 16.0 / 1.2,
    "big": 16.0 * 1.2,
}
_WHOLE_DOCUMENT = frozenset({"html", "body", ":root"})
_INHERITED = frozenset({"", "inherit", "unset", "revert", "revert-layer"})
_COMBINATOR = re.compile(r"[\s>+~]+")
_PSEUDO = re.compile(r"::?[A-Za-z-]{1,64}(?:\([^)]{0,256}\))?|\[[^\]]{0,256}\]")
_COMPOUND = re.compile(r"(\*|[A-Za-z][A-Za-z0-9-]{0,63})?((?:[.#][A-Za-z0-9_-]{1,128}){0,16})$")
_CLASS_OR_ID = re.compile(r"[.#][A-Za-z0-9_-]{1,128}")


@dataclass(frozen=True, slots=True)
class _Source:
    """Where an element's font size comes from: a declaration, or the element's default."""

    rank: int
    """Cascade strength: element default < <font size> < style sheet < style attribute < !important."""
    order: int
    key: float | None
    """The size in pixels (2 decimals), or None when it cannot be told (``var()``, ``calc()``)."""
    label: str
    span: Span


class FontSizes(Rule):
    code = "ST06"
    name = "style.font-sizes"
    title = "Message uses more than three font sizes"
    rationale = """
        A message in many type sizes looks like a flyer and buries the facts
        the buyer needs. The guidelines allow at most three font sizes. A size
        counts when some text is shown in it: the size that wins on an element
        (font-size, the font shorthand, <font size>, or the browser default of
        a heading or <small>/<big>) counts when the element has text of its
        own, and the default body size counts when some text is not inside any
        sized element. Sizes are compared in pixels, with em and % taken
        relative to 16 px, so nested relative sizes can be miscounted: the
        rule warns.
        """
    guidelines = ("G-STYLE-FONT-SIZES",)
    default_action = Action.WARN
    explanation = N_("%(size)s is font size number %(count)s in this message (%(sizes)s): use at most three sizes.")
    advice = N_("Use one size for the text and at most two more, for example for a heading and small print.")
    examples = (
        bad(
            "en",
            '<h1>Order update</h1><p>Your order has shipped.</p><p style="font-size:12px">Tracking follows.</p>'
            '[[<p style="font-size:20px">]]Thank you!</p>',
            format="html",
        ),
        good(
            "en",
            "<h1>Order update</h1><p>Your order has shipped.</p><p><small>Tracking follows.</small></p>",
            format="html",
        ),
        bad(
            "sv",
            '<p style="font-size:14px">Hej!</p><p style="font-size:18px">Paketet är på väg.</p>'
            '<p style="font-size:22px">Tack!</p>[[<p style="font-size:10px">]]Mvh</p>',
            format="html",
        ),
        good("sv", '<p style="font-size:14px">Hej!</p><p style="font-size:14px">Paketet är på väg.</p>', format="html"),
        bad(
            "nl",
            "<h1>Beste klant</h1><h2>Verzending</h2><p>Uw pakket is onderweg.</p>[[<h3>]]Vragen?</h3>",
            format="html",
        ),
        good("nl", "<h1>Beste klant</h1><h2>Verzending</h2><p>Uw pakket is onderweg.</p>", format="html"),
        bad(
            "de",
            '<p>Guten Tag,</p><font size="5">Wichtig</font> <font size="2">Hinweis</font> '
            '[[<font size="+3">]]Danke</font>',
            format="html",
        ),
        good("de", '<p>Guten Tag,</p><font size="3">Ihre Rechnung liegt bei.</font>', format="html"),
        bad(
            "fr",
            "[[<style>]].a{font-size:11pt}.b{font-size:9pt}.c{font:bold 20pt Arial}</style>"
            '<p>Bonjour,</p><p class="a">Votre colis</p><p class="b">arrive</p><p class="c">demain.</p>',
            format="html",
        ),
        good(
            "fr",
            "<style>.a{font-size:12pt}.unused{font-size:30pt}</style><p class='a'>Votre colis arrive.</p>",
            format="html",
        ),
        bad(
            "es",
            '<div style="font-size:13px">Hola:</div><h1>Pedido</h1><h2>Envío</h2>'
            '[[<span style="font-size:1.25em">]]¡Gracias!</span>',
            format="html",
        ),
        good("es", '<div style="font-size:13px">Hola:</div><h1>Pedido</h1><h2>Envío</h2>', format="html"),
        bad(
            "it",
            '<p style="font-size:1em">Gentile cliente,</p><p style="font-size:1.5em">Grazie</p>'
            '<p style="font-size:0.75em">per il suo</p>[[<p style="font-size:2.5em">]]ordine.</p>',
            format="html",
        ),
        good("it", '<p style="font-size:1em">Gentile cliente,</p><p style="font-size:16px">Grazie.</p>', format="html"),
        bad(
            "pl",
            '<p>Dzień dobry,</p><p style="font-size:x-large">Dziękujemy</p><p style="font-size:small">za</p>'
            '[[<p style="font-size:xx-large">]]zakup.</p>',
            format="html",
        ),
        good("pl", '<p>Dzień dobry,</p><p style="font-size:medium">Dziękujemy za zakup.</p>', format="html"),
        bad(
            "ja",
            '<p>お客様</p><p style="font-size:20px">ご注文</p><p style="font-size:12px">ありがとう</p>'
            '[[<p style="font-size:28px">]]ございます。</p>',
            format="html",
        ),
        good("ja", '<p>お客様</p><p style="font-size:12px">ご注文ありがとうございます。</p>', format="html"),
        bad(
            "zh",
            '<p>您好，</p><h2>订单</h2><p style="font-size:11px">您的包裹</p>'
            '[[<p style="font-size:30px">]]已发出。</p>',
            format="html",
        ),
        good(
            "zh",
            '<p>您好，</p><p style="font-size:11px">您的包裹已发出。</p><td style="font-size:0"></td>',
            format="html",
        ),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        if not message.is_html:
            return
        elements = scan.cached(html_elements.index, html_elements.MessageRef(message))
        winners = _winning_sizes(message.styles, elements)
        own = _own_text(elements, [element for element, _ in winners.values()])
        shown: dict[tuple[Span, int], _Source] = {}
        for element, source in winners.values():
            if own[element.index] > 0 and source.key:
                shown.setdefault((source.span, source.order), source)
        distinct: dict[float, str] = {}
        if elements.visible_outside([element for element, _ in winners.values()]) > 0:
            distinct[css_values.DEFAULT_FONT_PX] = css_values.format_px(css_values.DEFAULT_FONT_PX)
        introduced: dict[Span, list[str]] = {}
        for source in sorted(shown.values(), key=lambda source: (source.span[0], source.order)):
            if source.key is None or source.key in distinct:
                continue
            distinct[source.key] = source.label
            if len(distinct) > MAX_SIZES:
                introduced.setdefault(source.span, []).append(source.label)
        listed = ", ".join(distinct.values())
        for span, labels in introduced.items():
            yield self.finding(
                scan,
                span,
                detector="css",
                pattern="more than three font sizes",
                size=", ".join(labels),
                count=len(distinct),
                sizes=listed,
            )


def _winning_sizes(styles: list[StyleDeclaration], elements: Elements) -> dict[int, tuple[Element, _Source]]:
    """Each sized element's font size as the cascade decides it (specificity aside), by token index."""
    winners: dict[int, tuple[Element, _Source]] = {}

    def offer(element: Element, source: _Source) -> None:
        current = winners.get(element.index)
        if current is None or (source.rank, source.order) >= (current[1].rank, current[1].order):
            winners[element.index] = (element, source)

    for name, default in _ELEMENT_SIZES.items():
        label = f"{css_values.format_px(default)} (<{name}>)"
        for element in elements.named(name):
            offer(element, _Source(0, -1, round(default, 2), label, element.span))
    matches: dict[str, list[Element]] = {}
    for order, declaration in enumerate(styles):
        raw = _size_value(declaration)
        if raw is None or raw.strip().lower() in _INHERITED:
            continue
        html_font = declaration.origin == "attribute" and declaration.element == "font"
        pixels = css_values.font_size_px(raw, html_font=html_font)
        label = css_values.format_px(pixels) if pixels is not None else raw.strip()
        if raw.strip().lower() != label:
            label = f"{label} ({raw.strip()})"
        source = _Source(
            _rank(declaration), order, None if pixels is None else round(pixels, 2), label, declaration.span
        )
        if declaration.origin == "stylesheet":
            if declaration.selector not in matches:
                matches[declaration.selector] = _select(elements, declaration.selector)
            targets = matches[declaration.selector]
        else:
            own = elements.by_span.get(declaration.span)
            targets = [own] if own is not None else []
        for element in targets:
            offer(element, source)
    return winners


def _rank(declaration: StyleDeclaration) -> int:
    if declaration.origin == "attribute":
        return 1
    strength = 2 if declaration.origin == "stylesheet" else 3
    return strength + 2 if declaration.important else strength


def _own_text(elements: Elements, sized: list[Element]) -> dict[int, int]:
    """Visible text of each sized element that no sized element inside it takes over."""
    own: dict[int, int] = {}
    open_elements: list[Element] = []
    for element in sorted(sized, key=lambda element: (element.index, -element.end)):
        while open_elements and element.end > open_elements[-1].end:
            open_elements.pop()
        inside = elements.visible_inside(element)
        own[element.index] = inside
        if open_elements:
            own[open_elements[-1].index] -= inside
        open_elements.append(element)
    return own


def _size_value(declaration: StyleDeclaration) -> str | None:
    if declaration.property == "font-size":
        return declaration.value
    if declaration.property == "font":
        return css_values.font_shorthand_size(declaration.value)
    return None


def _select(elements: Elements, selectors: str) -> list[Element]:
    """Elements a selector list can match, judged by the last compound selector of each (approximate)."""
    found: dict[int, Element] = {}
    for selector in selectors.split(","):
        compound = _COMBINATOR.split(selector.strip())[-1] if selector.strip() else ""
        bare = _PSEUDO.sub("", compound)
        if compound.lower() in _WHOLE_DOCUMENT:
            candidates = [elements.root]
        elif compound == "*":
            candidates = [elements.root, *elements.elements]
        else:
            match = _COMPOUND.match(bare)
            if match is None or not bare:
                continue
            tag = (match.group(1) or "").lower()
            qualifiers = _CLASS_OR_ID.findall(match.group(2))
            candidates = _candidates(elements, tag, qualifiers)
        for element in candidates:
            found.setdefault(element.index, element)
    return list(found.values())


def _candidates(elements: Elements, tag: str, qualifiers: list[str]) -> list[Element]:
    ids = [q[1:] for q in qualifiers if q.startswith("#")]
    classes = [q[1:] for q in qualifiers if q.startswith(".")]
    if ids:
        pool = elements.with_id(ids[0])
    elif classes:
        pool = elements.with_class(classes[0])
    elif tag and tag != "*":
        return elements.named(tag)
    else:
        return elements.elements
    chosen = []
    for element in pool:
        if tag and tag not in ("*", element.name):
            continue
        attributes = elements.attributes(element)
        own_classes = set(attributes.get("class", "").split())
        if all(name in own_classes for name in classes) and all(attributes.get("id") == i for i in ids):
            chosen.append(element)
    return chosen
