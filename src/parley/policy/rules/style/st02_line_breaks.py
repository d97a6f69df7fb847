"""ST02: more than two line breaks in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from parley.policy.detectors.html_elements import is_blank_text
from parley.policy.html_scan import Token
from parley.policy.i18n import N_
from parley.policy.rule import Edit, Finding, Rule, bad, good
from parley.policy.scan import Scan

_HTML_RUN = N_("%(count)s line breaks or empty paragraphs in a row: use at most two.")
# Four or more line ends with nothing but spaces between them: three or more empty lines.
_EMPTY_LINES = re.compile(r"\r?\n(?:[ \t\f\v\u00a0\u3000]{0,256}\r?\n){3,}")
_VISIBLE = re.compile(r"\S")
_KEEP = 2
_EMPTY_BLOCKS = frozenset({"p", "div"})
# Phrasing elements that can wrap a <br> or an empty paragraph's content without showing anything.
_INLINE = frozenset(
    {"span", "font", "b", "i", "u", "strong", "em", "small", "big", "sub", "sup", "s", "strike", "o:p", "tt", "mark"}
)
_LOOKAHEAD = 64


@dataclass(frozen=True, slots=True)
class _Unit:
    """One line break: a ``<br>`` or a whole empty paragraph, as token positions (inclusive)."""

    first: int
    last: int


class LineBreaks(Rule):
    code = "ST02"
    name = "style.line-breaks"
    title = "More than two line breaks in a row"
    rationale = """
        Long runs of blank lines push the message apart and make it look like
        a flyer rather than a note about an order. The guidelines allow at most
        two line breaks (paragraph spaces) in a row: in plain text at most two
        empty lines, in HTML at most two consecutive <br> or empty paragraphs.
        Runs before the first or after the last visible content are not shown
        between anything and are left alone.
        """
    guidelines = ("G-STYLE-LINE-BREAKS",)
    fixable = True
    explanation = N_("%(count)s empty lines in a row: use at most two.")
    advice = N_("Separate paragraphs with one empty line, two at most.")
    examples = (
        bad("en", "Hello,[[\n\n\n\n\n]]your refund has been issued."),
        good("en", "Hello,\n\nyour refund has been issued.\n\n\nKind regards"),
        bad("sv", "Hej![[\n\n\n\n]]Paketet är på väg."),
        good("sv", "Hej!\n\nPaketet är på väg."),
        bad("nl", "Beste klant,[[\n \n\t\n\n]]uw pakket is verzonden."),
        good("nl", "Beste klant,\n\nuw pakket is verzonden."),
        bad("de", "<p>Guten Tag,[[<br><br><br>]]Ihre Bestellung ist unterwegs.</p>", format="html"),
        good("de", "<p>Guten Tag,<br><br>Ihre Bestellung ist unterwegs.</p>", format="html"),
        bad(
            "fr",
            "<p>Bonjour,</p>[[<p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p>]]<p>Votre colis est parti.</p>",
            format="html",
        ),
        good("fr", "<p>Bonjour,</p><p>&nbsp;</p><p>Votre colis est parti.</p>", format="html"),
        bad("es", "Hola:[[\n\n\n\n]]Su pedido ya está en camino."),
        good("es", "Hola:\n\nSu pedido ya está en camino."),
        bad(
            "it",
            "<div>Gentile cliente,</div>[[<div><br></div><div><br></div><div><br></div>]]<div>Grazie.</div>",
            format="html",
        ),
        good("it", "<div>Gentile cliente,</div><div><br></div><div>Grazie.</div>", format="html"),
        bad("pl", "Dzień dobry,[[\r\n\r\n\r\n\r\n]]paczka została wysłana."),
        good("pl", "Dzień dobry,\r\n\r\npaczka została wysłana."),
        bad("ja", "お客様[[\n\n\n\n]]商品を発送いたしました。"),
        good("ja", "お客様\n\n商品を発送いたしました。"),
        bad("zh", "<p>您好，[[<br>\n<br>\n<br>\n<br>]]\n您的包裹已发出。</p>", format="html"),
        good("zh", "<p>您好，<br>\n<br>\n您的包裹已发出。</p>", format="html"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        if scan.message.is_html:
            yield from self._check_html(scan)
        else:
            yield from self._check_text(scan)

    def _check_text(self, scan: Scan) -> Iterator[Finding]:
        source = scan.message.source
        body_start = scan.message.body_start
        first = _VISIBLE.search(source, body_start)
        if first is None:
            return
        content_end = len(source.rstrip())
        for match in _EMPTY_LINES.finditer(source, first.start()):
            if match.end() >= content_end:
                break
            run = match.group()
            newline = "\r\n" if "\r\n" in run else "\n"
            yield self.finding(
                scan,
                match.span(),
                detector="line_breaks",
                pattern="more than two empty lines",
                count=run.count("\n") - 1,
                fix=Edit(match.span(), newline * (_KEEP + 1)),
            )

    def _check_html(self, scan: Scan) -> Iterator[Finding]:
        source = scan.message.source
        tokens = scan.message.tokens
        content = [i for i, token in enumerate(tokens) if _is_content(source, token)]
        if not content:
            return
        first_content, last_content = content[0], content[-1]
        run: list[_Unit] = []
        position = first_content
        while position < last_content:
            token = tokens[position]
            unit = _unit_at(source, tokens, position)
            if unit is not None:
                run.append(unit)
                position = unit.last + 1
                continue
            if not _is_neutral(source, token):
                yield from self._report(scan, run)
                run = []
            position += 1
        yield from self._report(scan, run)

    def _report(self, scan: Scan, run: list[_Unit]) -> Iterator[Finding]:
        if len(run) <= _KEEP:
            return
        source = scan.message.source
        tokens = scan.message.tokens
        removed = {i for unit in run[_KEEP:] for i in range(unit.first, unit.last + 1)}
        cut_from = tokens[run[_KEEP - 1].last].end
        kept = [
            source[tokens[i].start : tokens[i].end]
            for i in range(run[_KEEP - 1].last + 1, run[-1].last + 1)
            if i not in removed and tokens[i].kind != "text"
        ]
        span = (tokens[run[0].first].start, tokens[run[-1].last].end)
        yield self.finding(
            scan,
            span,
            detector="line_breaks",
            pattern="more than two <br> or empty paragraphs",
            message_id=_HTML_RUN,
            count=len(run),
            fix=Edit((cut_from, span[1]), "".join(kept)),
        )


def _is_content(source: str, token: Token) -> bool:
    if token.kind == "text":
        return not is_blank_text(source[token.start : token.end])
    return token.kind == "start" and token.name in ("img", "hr", "input", "button", "video", "svg")


def _is_neutral(source: str, token: Token) -> bool:
    """Tokens that sit between line breaks without ending the run."""
    if token.kind == "comment":
        return True
    if token.kind == "text":
        return is_blank_text(source[token.start : token.end])
    return token.name in _INLINE


def _unit_at(source: str, tokens: list[Token], position: int) -> _Unit | None:
    token = tokens[position]
    if token.name == "br" and token.kind in ("start", "end"):  # browsers read </br> as <br>
        return _Unit(position, position)
    if token.kind != "start" or token.name not in _EMPTY_BLOCKS:
        return None
    depth = 0
    for index in range(position + 1, min(len(tokens), position + _LOOKAHEAD)):
        inner = tokens[index]
        if inner.name in _EMPTY_BLOCKS:
            if inner.kind == "start":
                depth += 1
                continue
            if inner.kind == "end":
                if depth == 0:
                    return _Unit(position, index) if inner.name == token.name else None
                depth -= 1
                continue
        if inner.name == "br" or _is_neutral(source, inner):
            continue
        return None
    return None
