"""ST04: margins wider than 20% of the message width."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from parley.policy.detectors import css_values, html_elements
from parley.policy.detectors.css_values import MAX_WIDTH_PX
from parley.policy.i18n import N_, Term
from parley.policy.parts import Span, StyleDeclaration
from parley.policy.rule import Action, Finding, Rule, bad, good
from parley.policy.scan import Scan

MAX_MARGIN_SHARE = 0.20
"""G-STYLE-MARGIN: a margin may take at most 20% of the maximum width (120 px of 600 px)."""
_NARROW_CENTRED = N_(
    "This centred block is %(width)s wide, which leaves margins of %(share)s of the %(max_width)s message "
    "width on each side (at most 20%% is allowed)."
)
_MOST_TEXT = 0.5
_BOX_PROPERTIES = frozenset(
    {
        "margin",
        "margin-left",
        "margin-right",
        "margin-inline",
        "margin-inline-start",
        "margin-inline-end",
        "padding",
        "padding-left",
        "padding-right",
        "padding-inline",
        "padding-inline-start",
        "padding-inline-end",
    }
)
_CENTRED_CONTAINERS = frozenset({"table", "div", "center", "section", "article", "main"})

_SIDES = {"left": N_("left"), "right": N_("right")}


class Margin(Rule):
    code = "ST04"
    name = "style.margin"
    title = "Margins wider than 20% of the message width"
    rationale = """
        Wide margins squeeze the message into a narrow column, which is hard
        to read on a phone and is typical of newsletter templates. The
        guidelines cap margins at 20% of the maximum width: the message
        column is taken as 600 px, so 120 px, 20% or 7.5em (at 16 px) per
        side. A centred container narrower than 60% of the column that holds
        most of the text leaves margins over 20% too. The judgement rests on
        an assumed column width, so it warns.
        """
    guidelines = ("G-STYLE-MARGIN",)
    default_action = Action.WARN
    explanation = N_(
        "A %(side)s %(property)s of %(value)s is %(share)s of the %(max_width)s message width; at most 20%% is allowed."
    )
    advice = N_("Reduce the margins and padding to a fifth of the width or less (120 px in a 600 px message).")
    examples = (
        bad("en", '[[<div style="margin: 0 150px">]]Your order has shipped.</div>', format="html"),
        good("en", '<div style="margin: 0 20px">Your order has shipped.</div>', format="html"),
        bad("sv", '[[<p style="padding-left:30%">]]Tack för din beställning.</p>', format="html"),
        good("sv", '<p style="padding-left:5%">Tack för din beställning.</p>', format="html"),
        bad("nl", '[[<body leftmargin="200">]]<p>Uw pakket is onderweg.</p></body>', format="html"),
        good("nl", '<body leftmargin="10"><p>Uw pakket is onderweg.</p></body>', format="html"),
        bad("de", '[[<div style="MARGIN-LEFT: 10em !important">]]Ihre Rechnung liegt bei.</div>', format="html"),
        good("de", '<div style="margin-left: 2em; margin-top: 300px">Ihre Rechnung liegt bei.</div>', format="html"),
        bad("fr", "[[<style>]]body { margin: 10px 25% }</style><p>Votre colis arrivera demain.</p>", format="html"),
        good("fr", "<style>body { margin: 10px 5% }</style><p>Votre colis arrivera demain.</p>", format="html"),
        bad(
            "es",
            '[[<table width="300" align="center">]]<tr><td>Su pedido ha sido enviado hoy.</td></tr></table>',
            format="html",
        ),
        good(
            "es",
            '<table width="560" align="center"><tr><td>Su pedido ha sido enviado hoy.</td></tr></table>',
            format="html",
        ),
        bad("it", '[[<div style="max-width:280px;margin:0 auto">]]Grazie per il suo ordine.</div>', format="html"),
        good("it", '<div style="max-width:560px;margin:0 auto">Grazie per il suo ordine.</div>', format="html"),
        bad(
            "pl", '<table><tr>[[<td style="padding: 10px 100pt">]]Dziękujemy za zakup.</td></tr></table>', format="html"
        ),
        good("pl", '<table><tr><td style="padding: 10px 20pt">Dziękujemy za zakup.</td></tr></table>', format="html"),
        bad("ja", '[[<div style="padding:0 0 0 160px">]]ご注文ありがとうございます。</div>', format="html"),
        good("ja", '<div style="padding:0 0 0 16px">ご注文ありがとうございます。</div>', format="html"),
        bad("zh", '[[<p style="margin-right:25vw">]]您的包裹已发出。</p>', format="html"),
        good("zh", '<p style="margin-right:2vw">您的包裹已发出。</p>', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        if not message.is_html:
            return
        reported: set[Span] = set()
        by_element: dict[Span, list[StyleDeclaration]] = defaultdict(list)
        for declaration in message.styles:
            if declaration.origin != "stylesheet":
                by_element[declaration.span].append(declaration)
            if declaration.property not in _BOX_PROPERTIES or declaration.span in reported:
                continue
            wide = _widest_side(declaration)
            if wide is None:
                continue
            side, value, share = wide
            reported.add(declaration.span)
            yield self.finding(
                scan,
                declaration.span,
                detector="css",
                pattern=f"{declaration.property} > 20%",
                side=Term(_SIDES.get(side, side)),
                property=declaration.property.split("-")[0],
                value=value,
                share=_percent(share),
                max_width=css_values.format_px(MAX_WIDTH_PX),
            )
        yield from self._narrow_centred(scan, by_element, reported)

    def _narrow_centred(
        self, scan: Scan, by_element: dict[Span, list[StyleDeclaration]], reported: set[Span]
    ) -> Iterator[Finding]:
        """Centred containers narrower than 60% that hold most of the message's text."""
        elements = scan.cached(html_elements.index, html_elements.MessageRef(scan.message))
        total = elements.total_visible
        if not total:
            return
        for span, declarations in by_element.items():
            if span in reported:
                continue
            width = _width_share(declarations)
            if width is None or width[1] >= 1 - 2 * MAX_MARGIN_SHARE:
                continue
            element = elements.by_span.get(span)
            if element is None or element.name not in _CENTRED_CONTAINERS:
                continue
            if not _is_centred(declarations, elements.attributes(element)):
                continue
            if elements.visible_inside(element) < total * _MOST_TEXT:
                continue
            reported.add(span)
            yield self.finding(
                scan,
                span,
                detector="css",
                pattern="centred block narrower than 60%",
                message_id=_NARROW_CENTRED,
                width=width[0],
                share=_percent((1 - width[1]) / 2),
                max_width=css_values.format_px(MAX_WIDTH_PX),
            )


def _widest_side(declaration: StyleDeclaration) -> tuple[str, str, float] | None:
    """The side whose length is over the limit, with its value and its share of the width."""
    bare_is_px = declaration.origin == "attribute"
    widest: tuple[str, str, float] | None = None
    for side, raw in css_values.horizontal_sides(declaration.property, declaration.value).items():
        length = css_values.parse_length(raw)
        share = length.share_of_width(bare_is_px=bare_is_px) if length is not None else None
        if share is not None and share > MAX_MARGIN_SHARE and (widest is None or share > widest[2]):
            widest = (side, raw, share)
    return widest


def _width_share(declarations: list[StyleDeclaration]) -> tuple[str, float] | None:
    """The narrowest of ``width`` and ``max-width``, as written and as a share of the column."""
    narrowest: tuple[str, float] | None = None
    for declaration in declarations:
        if declaration.property not in ("width", "max-width"):
            continue
        length = css_values.parse_length(declaration.value)
        if length is None:
            continue
        share = length.share_of_width(bare_is_px=declaration.origin == "attribute")
        if share is not None and share > 0 and (narrowest is None or share < narrowest[1]):
            shown = declaration.value.strip()
            narrowest = (shown + "px" if shown.isdigit() else shown, share)
    return narrowest


def _is_centred(declarations: list[StyleDeclaration], attributes: dict[str, str]) -> bool:
    if attributes.get("align", "").strip().lower() == "center":
        return True
    sides: dict[str, str] = {}
    for declaration in declarations:
        if declaration.property in ("margin", "margin-left", "margin-right", "margin-inline"):
            sides.update(css_values.horizontal_sides(declaration.property, declaration.value))
    return sides.get("left", "").lower() == "auto" and sides.get("right", "").lower() == "auto"


def _percent(share: float) -> str:
    return f"{share * 100:.1f}".rstrip("0").rstrip(".") + "%"
