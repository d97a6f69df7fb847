"""RFC 5322 / MIME input: the subject, the body a buyer would see, and the attachments."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import Header, decode_header, make_header
from email.message import Message

from parley.policy.detectors import filetypes
from parley.policy.parts import Attachment, Notice

_KEPT_HEADERS = ("from", "to", "reply-to", "return-path", "sender", "received", "message-id", "date")


@dataclass
class ParsedMime:
    subject: str | None
    body: str
    body_is_html: bool
    attachments: list[Attachment] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)


def parse(data: bytes) -> ParsedMime:
    notices: list[Notice] = []
    # compat32 reads a message about fifteen times faster than the default policy; the few headers
    # we show are decoded by hand (RFC 2047 encoded words, folded lines).
    parsed = email.message_from_bytes(data, policy=email.policy.compat32)
    for defect in parsed.defects:
        notices.append(Notice("mime-defect", type(defect).__name__))
    subject = _header(parsed, "subject", notices)
    headers = {name: value for name in _KEPT_HEADERS if (value := _header(parsed, name, notices))}

    html_body: str | None = None
    text_body: str | None = None
    attachments: list[Attachment] = []
    for part in parsed.walk():
        if part.is_multipart():
            continue
        for defect in part.defects:
            notices.append(Notice("mime-defect", type(defect).__name__))
        content_type = part.get_content_type()
        disposition = part.get_content_disposition()
        is_body_text = content_type in ("text/plain", "text/html") and disposition != "attachment"
        if is_body_text and content_type == "text/html" and html_body is None:
            html_body = _text_of(part, notices)
        elif is_body_text and content_type == "text/plain" and text_body is None:
            text_body = _text_of(part, notices)
        else:
            attachments.append(_attachment(part, disposition))
    if html_body is not None:
        return ParsedMime(subject, html_body, True, attachments, headers, notices)
    return ParsedMime(subject, text_body or "", False, attachments, headers, notices)


_FOLD = re.compile(r"\r?\n[ \t]+")


def _header(parsed: Message, name: str, notices: list[Notice]) -> str | None:
    value = parsed.get(name)
    if value is None:
        return None
    if isinstance(value, Header):  # a header with raw 8-bit bytes, which compat32 wraps
        return _FOLD.sub(" ", "".join(_decode_part(text, charset) for text, charset in decode_header(value))).strip()
    return decode_words(str(value), notices, name)


def _decode_part(text: bytes | str, charset: str | None) -> str:
    if isinstance(text, str):
        return text
    if charset and charset != "unknown-8bit":
        try:
            return text.decode(charset, "replace")
        except LookupError:
            pass
    return text.decode("utf-8", "replace")


def decode_words(value: str, notices: list[Notice] | None = None, name: str = "header") -> str:
    """A header value with its folding undone and RFC 2047 encoded words decoded."""
    unfolded = _FOLD.sub(" ", value).strip()
    if any("\udc80" <= ch <= "\udcff" for ch in unfolded):
        # Raw 8-bit bytes in a header (common, though not allowed): most senders mean UTF-8.
        unfolded = unfolded.encode("ascii", "surrogateescape").decode("utf-8", "replace")
    try:
        return str(make_header(decode_header(unfolded)))
    except (HeaderParseError, LookupError, UnicodeDecodeError, ValueError) as error:
        if notices is not None:
            notices.append(Notice("mime-defect", f"unreadable {name} header: {error}"))
        return unfolded


def _text_of(part: Message, notices: list[Notice]) -> str:
    payload = part.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return raw.decode(charset)
    except LookupError:
        notices.append(Notice("unknown-charset", f"unknown charset {charset!r}, read as UTF-8"))
    except UnicodeDecodeError:
        notices.append(Notice("invalid-utf8", f"the body is not valid {charset}; bad bytes were replaced"))
        return raw.decode(charset, "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        notices.append(Notice("invalid-utf8", "the body is not valid UTF-8; bad bytes were replaced"))
        return raw.decode("utf-8", "replace")


def _attachment(part: Message, disposition: str | None) -> Attachment:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    try:
        filename = decode_words(part.get_filename() or "")
    except (ValueError, TypeError):
        filename = ""
    content_id = part.get("content-id")
    return Attachment(
        filename=filename,
        declared_type=part.get_content_type(),
        sniffed_type=filetypes.sniff(data),
        size=len(data),
        data=data,
        inline=disposition == "inline" or (disposition is None and content_id is not None),
        content_id=str(content_id).strip("<>") if content_id else None,
    )
