"""A message as the rules see it: parsed once from text, HTML or a whole e-mail.

Every span a rule reports is an offset into ``Message.source``. For plain text
and HTML that is the input itself; for an e-mail it is a short rendering of
the subject line followed by the decoded body, so a seller can be shown the
sentence that broke a rule even when the body was sent base64-encoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from parley.policy import html_dom, mime
from parley.policy.html_scan import Token, limit_depth, scan_html
from parley.policy.offsets import OffsetMap
from parley.policy.parts import Attachment, Image, Link, Notice, Span, StyleDeclaration

InputFormat = Literal["text", "html", "mime"]

_MIME_HEADER = re.compile(
    rb"\A(?:[\x21-\x39\x3b-\x7e]{1,76}:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){2,}\r?\n",
)
_KNOWN_HEADER = re.compile(
    rb"^(from|to|cc|subject|date|mime-version|content-type|message-id|received|return-path|reply-to):",
    re.IGNORECASE | re.MULTILINE,
)
_STRONG_HEADERS = frozenset({b"mime-version", b"content-type", b"message-id", b"received", b"return-path"})
_HTML_HINT = re.compile(
    r"<(?:!doctype|html|head|body|p|div|br|a|img|table|td|tr|span|b|i|u|strong|em|h[1-6]|ul|ol|li|font|"
    r"center|style|hr|blockquote|pre)[\s/>]",
    re.IGNORECASE,
)
_SNIFF_BYTES = 8192
MAX_HTML_DEPTH = 512


@dataclass
class Message:
    source: str
    format: InputFormat
    body_format: Literal["text", "html"]
    text: str
    offsets: OffsetMap
    subject: str | None = None
    subject_span: Span | None = None
    body_start: int = 0
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    styles: list[StyleDeclaration] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)

    @property
    def is_html(self) -> bool:
        return self.body_format == "html"

    @property
    def body_text(self) -> str:
        """The visible text without the subject line."""
        if self.subject is None:
            return self.text
        return self.text[len(self.subject) + 2 :]

    def source_span(self, start: int, end: int) -> Span:
        """The source span behind ``text[start:end]``."""
        return self.offsets.to_source(start, end)

    def excerpt(self, span: Span, limit: int = 200) -> str:
        start, end = span
        snippet = self.source[start:end]
        if len(snippet) > limit:
            snippet = snippet[: limit - 1] + "…"
        return snippet

    # --- constructors -----------------------------------------------------

    @classmethod
    def from_text(cls, body: str, subject: str | None = None) -> Message:
        return cls._build(body, fmt="text", body_format="text", subject=subject)

    @classmethod
    def from_html(cls, body: str, subject: str | None = None) -> Message:
        return cls._build(body, fmt="html", body_format="html", subject=subject)

    @classmethod
    def from_mime(cls, data: bytes) -> Message:
        parsed = mime.parse(data)
        return cls._build(
            parsed.body,
            fmt="mime",
            body_format="html" if parsed.body_is_html else "text",
            subject=parsed.subject,
            attachments=parsed.attachments,
            headers=parsed.headers,
            notices=parsed.notices,
        )

    @classmethod
    def parse(
        cls, data: bytes | str, *, input_format: InputFormat | None = None, subject: str | None = None
    ) -> Message:
        """Parse any input, detecting its format unless ``input_format`` is given."""
        notices: list[Notice] = []
        if isinstance(data, bytes):
            fmt = input_format or detect_format(data)
            if fmt == "mime":
                return cls.from_mime(data)
            text = decode_bytes(data, notices)
        else:
            text = data
            fmt = input_format or detect_format(text.encode("utf-8", "surrogatepass")[:_SNIFF_BYTES])
            if fmt == "mime":
                return cls.from_mime(text.encode("utf-8", "surrogateescape"))
        message = cls.from_html(text, subject) if fmt == "html" else cls.from_text(text, subject)
        message.notices[:0] = notices
        return message

    @classmethod
    def _build(
        cls,
        body: str,
        *,
        fmt: InputFormat,
        body_format: Literal["text", "html"],
        subject: str | None,
        attachments: list[Attachment] | None = None,
        headers: dict[str, str] | None = None,
        notices: list[Notice] | None = None,
    ) -> Message:
        notices = list(notices or [])
        if "\x00" in body:
            notices.append(Notice("nul-bytes", "NUL characters were ignored"))
        head = ""
        if subject is not None:
            subject = subject.replace("\r", " ").replace("\n", " ")
            head = f"Subject: {subject}\n\n"
            subject + "\n\n"
        source = head + body
        base = len(head)
        subject_span = (len("Subject: "), len("Subject: ") + len(subject)) if subject is not None else None
        message = cls(
            source=source,
            format=fmt,
            body_format=body_format,
            text="",
            offsets=OffsetMap(),
            subject=subject,
            subject_span=subject_span,
            body_start=base,
            attachments=attachments or [],
            headers=headers or {},
            notices=notices,
        )
        if body_format == "html":
            scanned = scan_html(body, base)
            message.tokens = scanned.tokens
            dom_body, dom_tokens = None, scanned.tokens
            limited = limit_depth(body, base, scanned.tokens, MAX_HTML_DEPTH)
            if limited is not None:
                dom_body, dom_tokens = limited
                message.notices.append(
                    Notice("html-depth", f"elements nested deeper than {MAX_HTML_DEPTH} were flattened")
                )
            dom = html_dom.extract(body, base, dom_tokens, dom_body)
            message.links, message.images, message.styles = dom.links, dom.images, dom.styles
            message.notices.extend(dom.notices)
            body_text, body_offsets = scanned.text, scanned.offsets
        else:
            body_text, body_offsets = body, OffsetMap.identity(len(body), base)
        message.text, message.offsets = _join_subject(subject, subject_span, body_text, body_offsets)
        return message


def _join_subject(
    subject: str | None, subject_span: Span | None, body_text: str, body_offsets: OffsetMap
) -> tuple[str, OffsetMap]:
    if subject is None or subject_span is None:
        return body_text, body_offsets
    offsets = OffsetMap()
    offsets.add_verbatim(subject_span[0], len(subject))
    offsets.add_replacement(subject_span[1], subject_span[1] + 2, 2)
    offsets.extend(body_offsets)
    return subject + "\n\n" + body_text, offsets


def detect_format(head: bytes) -> InputFormat:
    """Guess whether the input is an e-mail, HTML or plain text from its first bytes."""
    head = head[:_SNIFF_BYTES]
    block = _MIME_HEADER.match(head)
    if block:
        names = {name.lower() for name in _KNOWN_HEADER.findall(block.group())}
        if len(names) >= 2 or names & _STRONG_HEADERS:
            return "mime"
    if _HTML_HINT.search(head.decode("utf-8", "replace")):
        return "html"
    return "text"


def decode_bytes(data: bytes, notices: list[Notice]) -> str:
    """Decode UTF-8 (with or without a BOM), replacing invalid bytes and saying so."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        notices.append(Notice("invalid-utf8", f"invalid UTF-8 at byte {error.start} was replaced"))
        return data.decode("utf-8", "replace")
