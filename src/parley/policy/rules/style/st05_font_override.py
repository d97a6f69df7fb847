"""ST05: the message sets its own font family, line height or text colour."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import css_values, html_elements
from parley.policy.i18n import N_
from parley.policy.parts import Span, StyleDeclaration
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_STYLESHEET = N_("The style sheet overrides the default font: %(declarations)s.")
# ``font`` (the shorthand) always sets the family, and resets the line height.
_OVERRIDING = frozenset({"font", "font-family", "line-height", "color", "-webkit-text-fill-color"})
# Values that hand the decision back to the marketplace's defaults.
_NOT_OVERRIDES = frozenset({"inherit", "initial", "unset", "revert", "revert-layer", "currentcolor"})
_LISTED = 5


class FontOverride(Rule):
    code = "ST05"
    name = "style.font-override"
    title = "Font family, line height or text colour is overridden"
    rationale = """
        The marketplace shows every message in its own typeface, line height
        and text colour, so buyers recognise a genuine message and can read it
        in any theme. Setting font-family, the font shorthand, line-height or
        color (in a style attribute, a style sheet, or <font face/color>)
        overrides those defaults. Background and border colours are not font
        colours and are left alone, as are declarations on elements that hold
        no text.
        """
    guidelines = ("G-STYLE-FONT-OVERRIDE",)
    explanation = N_("This overrides the default font: %(declarations)s.")
    advice = N_("Remove font-family, font, line-height and color settings and <font face/color> from the message.")
    examples = (
        bad("en", '[[<p style="font-family: Comic Sans MS">]]Your order has shipped.</p>', format="html"),
        good("en", '<p style="font-weight: bold">Your order has shipped.</p>', format="html"),
        bad("sv", '[[<font color="#ff0000">]]Viktigt om din beställning</font>', format="html"),
        good("sv", "<p><b>Viktigt om din beställning</b></p>", format="html"),
        bad("nl", '[[<p style="line-height: 2.5">]]Uw pakket is onderweg.</p>', format="html"),
        good("nl", '<p style="margin: 0 0 12px">Uw pakket is onderweg.</p>', format="html"),
        bad("de", '[[<span style="COLOR: Red !important">]]Ihre Rechnung liegt bei.</span>', format="html"),
        good("de", '<span style="background-color: #eee">Ihre Rechnung liegt bei.</span>', format="html"),
        bad("fr", '[[<font face="Arial">]]Votre colis arrivera demain.</font>', format="html"),
        good("fr", "<p>Votre colis arrivera demain.</p>", format="html"),
        bad(
            "es",
            "[[<style>]]body { font: 14px/1.8 Georgia, serif }</style><p>Su pedido ha sido enviado.</p>",
            format="html",
        ),
        good("es", "<style>body { margin: 0 }</style><p>Su pedido ha sido enviado.</p>", format="html"),
        bad("it", '[[<div style="color:#333;font-family:Verdana">]]Grazie per il suo ordine.</div>', format="html"),
        good("it", '<div style="color: inherit">Grazie per il suo ordine.</div>', format="html"),
        bad("pl", '[[<p style="color: rgb(0, 0, 255)">]]Dziękujemy za zakup.</p>', format="html"),
        good("pl", '<p style="border-color: rgb(0, 0, 255)">Dziękujemy za zakup.</p>', format="html"),
        bad("ja", "[[<p style=\"font-family:'MS Mincho'\">]]ご注文ありがとうございます。</p>", format="html"),
        good("ja", "<p>ご注文ありがとうございます。</p>", format="html"),
        bad("zh", '[[<span style="color:red">]]您的包裹已发出。</span>', format="html"),
        good("zh", '<span style="text-decoration:underline">您的包裹已发出。</span>', format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        if not message.is_html:
            return
        elements = scan.cached(html_elements.index, html_elements.MessageRef(message))
        found: dict[Span, list[StyleDeclaration]] = {}
        for declaration in css_values.winning(message.styles, _OVERRIDING):
            if declaration.value.strip().lower() in _NOT_OVERRIDES or not declaration.value.strip():
                continue
            if declaration.origin != "stylesheet":
                element = elements.by_span.get(declaration.span)
                if element is not None and elements.visible_inside(element) == 0:
                    continue
            found.setdefault(declaration.span, []).append(declaration)
        for span, declarations in found.items():
            stylesheet = declarations[0].origin == "stylesheet"
            yield self.finding(
                scan,
                span,
                detector="css",
                pattern=", ".join(sorted({d.property for d in declarations})),
                message_id=_STYLESHEET if stylesheet else None,
                declarations=_describe(declarations),
            )


def _describe(declarations: list[StyleDeclaration]) -> str:
    shown = []
    for declaration in declarations[:_LISTED]:
        text = f"{declaration.property}: {declaration.value}"
        shown.append(f"{declaration.selector} {{ {text} }}" if declaration.selector else text)
    if len(declarations) > _LISTED:
        shown.append("…")
    return "; ".join(shown)
