"""A linear scan of HTML source into tokens and visible text with source offsets.

selectolax builds the element tree, but it cannot say where an element or a
piece of text stood in the input. This scanner walks the markup once, with
``str.find`` and bounded patterns only, so its cost grows linearly with the
input even for unterminated comments, tags or quotes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache

from parley.policy.offsets import OffsetMap

_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9:-]{0,63})")
_RAW_TEXT = frozenset({"script", "style", "title", "textarea", "xmp", "noscript", "template"})
_HIDDEN_TEXT = frozenset({"script", "style", "title", "template", "noscript"})
# Elements after or before which a browser starts a new line.
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
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
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of markup: ``kind`` is ``start``, ``end``, ``text`` or ``comment``."""

    kind: str
    name: str
    start: int
    end: int


@dataclass
class HtmlScan:
    text: str
    offsets: OffsetMap
    tokens: list[Token] = field(default_factory=list)


def scan_html(source: str, base: int = 0, *, prefix: str = "") -> HtmlScan:
    """Scan ``source`` (which sits at ``base`` in the message's whole source).

    ``prefix`` is visible text placed before the body (the subject line); it
    must already be a verbatim copy of ``[0, len(prefix))`` in the whole source.
    """
    pieces: list[str] = []
    offsets = OffsetMap()
    tokens: list[Token] = []
    if prefix:
        pieces.append(prefix)
        offsets.add_verbatim(0, len(prefix))

    def emit_text(start: int, end: int) -> None:
        if start >= end:
            return
        tokens.append(Token("text", "", base + start, base + end))
        chunk = source[start:end]
        if "&" not in chunk:
            pieces.append(chunk)
            offsets.add_verbatim(base + start, end - start)
            return
        cursor = 0
        for match in _ENTITY.finditer(chunk):
            decoded = html.unescape(match.group())
            if decoded == match.group():
                continue
            if match.start() > cursor:
                pieces.append(chunk[cursor : match.start()])
                offsets.add_verbatim(base + start + cursor, match.start() - cursor)
            pieces.append(decoded)
            offsets.add_replacement(base + start + match.start(), base + start + match.end(), len(decoded))
            cursor = match.end()
        if cursor < len(chunk):
            pieces.append(chunk[cursor:])
            offsets.add_verbatim(base + start + cursor, len(chunk) - cursor)

    def emit_break(start: int, end: int) -> None:
        # Runs of block boundaries read as one paragraph break: deep nesting must not become
        # megabytes of newlines for the text rules to wade through.
        if len(pieces) >= 2 and pieces[-1] == "\n" and pieces[-2] == "\n":
            return
        pieces.append("\n")
        offsets.add_replacement(base + start, base + end, 1)

    length = len(source)
    position = 0
    while position < length:
        lt = source.find("<", position)
        if lt < 0:
            emit_text(position, length)
            break
        following = source[lt + 1 : lt + 2]
        if source.startswith("<!--", lt):
            emit_text(position, lt)
            close = source.find("-->", lt + 4)
            end = length if close < 0 else close + 3
            tokens.append(Token("comment", "", base + lt, base + end))
            position = end
            continue
        if following in ("!", "?"):
            emit_text(position, lt)
            close = source.find(">", lt + 2)
            end = length if close < 0 else close + 1
            tokens.append(Token("comment", "", base + lt, base + end))
            position = end
            continue
        name_match = _TAG_NAME.match(source, lt + 1)
        if name_match is None:
            # A "<" that opens no tag is text, as a browser shows it.
            emit_text(position, lt + 1)
            position = lt + 1
            continue
        emit_text(position, lt)
        end = _tag_end(source, name_match.end())
        name = name_match.group(1).lower()
        is_end = source[lt + 1] == "/"
        tokens.append(Token("end" if is_end else "start", name, base + lt, base + end))
        if name in _BLOCK:
            emit_break(lt, end)
        position = end
        if not is_end and name in _RAW_TEXT:
            close_at = _find_close(source, name, position)
            if name not in _HIDDEN_TEXT:
                emit_text(position, close_at)
            position = close_at
    return HtmlScan(text="".join(pieces), offsets=offsets, tokens=tokens)


def _tag_end(source: str, position: int) -> int:
    """Index just past the ``>`` that closes a tag, honouring quoted attribute values."""
    length = len(source)
    while position < length:
        gt = source.find(">", position)
        if gt < 0:
            return length
        segment = source[position:gt]
        quote_at = _first_quote(segment)
        if quote_at < 0:
            return gt + 1
        quote = segment[quote_at]
        close = source.find(quote, position + quote_at + 1)
        if close < 0:
            return gt + 1  # an unterminated quote: browsers would eat the rest; we stop here
        position = close + 1
    return length


def _first_quote(segment: str) -> int:
    candidates = [i for i in (segment.find('"'), segment.find("'")) if i >= 0]
    return min(candidates) if candidates else -1


@cache
def _closing_tag(name: str) -> re.Pattern[str]:
    return re.compile(r"</" + re.escape(name) + r"[\s/>]", re.IGNORECASE)


def _find_close(source: str, name: str, position: int) -> int:
    match = _closing_tag(name).search(source, position)
    return match.start() if match else len(source)


VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "basefont",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


# Elements the rules need even when hostile markup buries them deep; none of them can nest
# inside itself in HTML, so keeping them cannot rebuild the deep tree.
_ALWAYS_KEPT = frozenset({"a", "img", "style", "area", "iframe", "object", "embed", "source", "form", "button"})


def limit_depth(body: str, base: int, tokens: list[Token], max_depth: int) -> tuple[str, list[Token]] | None:
    """The body without the tags nested deeper than ``max_depth``, and the tokens that remain.

    Browsers stop nesting at a fixed depth too; the element tree of hostile
    markup nested 100,000 deep would otherwise cost the tree builder quadratic
    time. Returns None when nothing is that deep (the common case).
    """
    open_kept: list[bool] = []
    dropped: set[int] = set()
    for index, token in enumerate(tokens):
        if token.kind == "start" and token.name not in VOID_ELEMENTS:
            keep = len(open_kept) < max_depth or token.name in _ALWAYS_KEPT
            open_kept.append(keep)
            if not keep:
                dropped.add(index)
        elif token.kind == "end" and open_kept and not open_kept.pop():
            dropped.add(index)
    if not dropped:
        return None
    pieces, cursor = [], 0
    for index in sorted(dropped):
        token = tokens[index]
        pieces.append(body[cursor : token.start - base])
        cursor = token.end - base
    pieces.append(body[cursor:])
    kept = [token for index, token in enumerate(tokens) if index not in dropped]
    return "".join(pieces), kept
