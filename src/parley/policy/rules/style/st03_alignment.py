"""ST03: centred or otherwise re-aligned text."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import css_values, html_elements
from parley.policy.i18n import N_
from parley.policy.parts import Span, StyleDeclaration
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_STYLESHEET = N_("The style sheet rule for %(selector)s sets text-align: %(value)s; keep the default alignment.")
_CENTER_TAG = N_("<center> centres the text inside it; keep the default alignment.")
# Left-to-right text starts at the left: these keep (or restore) the default.
_DEFAULTS = frozenset(
    {
        "left",
        "start",
        "initial",
        "inherit",
        "unset",
        "revert",
        "revert-layer",
        "match-parent",
        "auto",
        "-webkit-left",
        "-moz-left",
        "-khtml-left",
    }
)
# HTML ``align`` values that move text (HTML rendering rules; ``middle`` centres only in these elements).
_ALIGN = frozenset({"text-align"})
_ALIGN_ATTRIBUTE = frozenset({"center", "right", "justify"})
_MIDDLE_CENTRES = frozenset({"div", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"})


class Alignment(Rule):
    code = "ST03"
    name = "style.alignment"
    title = "Text alignment is overridden"
    rationale = """
        Messages are shown in the marketplace's own layout, where body text
        starts at the left. Centred, right-aligned or justified text, whether
        by CSS text-align, an align attribute or <center>, makes a message
        look like an advertisement and reads poorly on small screens.
        Alignment that only places an image or an empty cell is not text
        alignment and is left alone.
        """
    guidelines = ("G-STYLE-ALIGNMENT",)
    explanation = N_("This sets text-align: %(value)s; keep the default (left) alignment.")
    advice = N_("Remove text-align, align and <center> from the message and let the text start at the left.")
    examples = (
        bad("en", '[[<p style="text-align:center">]]Your order has shipped.</p>', format="html"),
        good("en", '<p style="text-align:left">Your order has shipped.</p>', format="html"),
        bad("sv", "[[<center>]]Tack för din beställning!</center>", format="html"),
        good("sv", "<p>Tack för din beställning!</p>", format="html"),
        bad("nl", '[[<div align="center">]]Uw pakket is onderweg.</div>', format="html"),
        good("nl", '<div align="left">Uw pakket is onderweg.</div>', format="html"),
        bad("de", '[[<p style="TEXT-ALIGN: RIGHT !important">]]Ihre Rechnung liegt bei.</p>', format="html"),
        good(
            "de",
            '<div style="text-align:center"><img src="https://example.de/logo.png" alt="Logo"></div>'
            "<p>Ihre Rechnung liegt bei.</p>",
            format="html",
        ),
        bad(
            "fr",
            '<table><tr>[[<td style="text-align: justify">]]Votre colis arrivera demain.</td></tr></table>',
            format="html",
        ),
        good(
            "fr",
            '<table><tr><td style="text-align: start">Votre colis arrivera demain.</td></tr></table>',
            format="html",
        ),
        bad("es", "[[<style>]]p { text-align: center }</style><p>Su pedido ha sido enviado.</p>", format="html"),
        good("es", "<style>p { color: inherit }</style><p>Su pedido ha sido enviado.</p>", format="html"),
        bad("it", '[[<h2 align="center">]]Grazie per il suo ordine</h2>', format="html"),
        good("it", "<h2>Grazie per il suo ordine</h2>", format="html"),
        bad("pl", '[[<span style="display:block;text-align:center">]]Dziękujemy za zakup.</span>', format="html"),
        good("pl", '<span style="display:block">Dziękujemy za zakup.</span>', format="html"),
        bad("ja", '[[<p style="text-align:center;">]]ご注文ありがとうございます。</p>', format="html"),
        good("ja", "<p>ご注文ありがとうございます。</p>", format="html"),
        bad("zh", '<table><tr>[[<td align="right">]]您的包裹已发出。</td></tr></table>', format="html"),
        good("zh", '<table><tr><td align="left">您的包裹已发出。</td></tr></table>', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        if not message.is_html:
            return
        elements = scan.cached(html_elements.index, html_elements.MessageRef(message))
        reported: set[Span] = set()
        for declaration in css_values.winning(message.styles, _ALIGN):
            if declaration.span in reported:
                continue
            value = _overriding_value(declaration)
            if value is None:
                continue
            if declaration.origin != "stylesheet":
                element = elements.by_span.get(declaration.span)
                if element is not None and elements.visible_inside(element) == 0:
                    continue
            reported.add(declaration.span)
            if declaration.origin == "stylesheet":
                message_id = _STYLESHEET
            elif declaration.element == "center" and declaration.origin == "attribute":
                message_id = _CENTER_TAG
            else:
                message_id = None
            yield self.finding(
                scan,
                declaration.span,
                detector="css",
                pattern=f"text-align: {value}",
                message_id=message_id,
                value=value,
                selector=declaration.selector,
            )


def _overriding_value(declaration: StyleDeclaration) -> str | None:
    value = declaration.value.strip().strip("\"'").lower()
    if not value:
        return None
    if declaration.origin == "attribute":
        if value in _ALIGN_ATTRIBUTE or (value == "middle" and declaration.element in _MIDDLE_CENTRES):
            return "center" if value == "middle" else value
        return None
    return None if value in _DEFAULTS else value
