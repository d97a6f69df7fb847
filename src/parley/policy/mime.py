"""RFC 5322 / MIME input: the subject, the body a buyer would see, and the attachments."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass, field
from email.message import EmailMessage, Message

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
    parsed = email.message_from_bytes(data, policy=email.policy.default)
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


def _header(parsed: Message, name: str, notices: list[Notice]) -> str | None:
    try:
        value = parsed.get(name)
    except (ValueError, IndexError, TypeError) as error:  # malformed encoded words and addresses
        notices.append(Notice("mime-defect", f"unreadable {name} header: {error}"))
        raw = parsed.get_all(name, failobj=[None])[0] if hasattr(parsed, "get_all") else None
        return str(raw) if raw is not None else None
    return None if value is None else str(value)


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
    filename = ""
    try:
        filename = part.get_filename() or ""
    except (ValueError, TypeError):
        filename = ""
    content_id = part.get("content-id") if isinstance(part, EmailMessage) else None
    return Attachment(
        filename=filename,
        declared_type=part.get_content_type(),
        sniffed_type=filetypes.sniff(data),
        size=len(data),
        data=data,
        inline=disposition == "inline" or (disposition is None and content_id is not None),
        content_id=str(content_id).strip("<>") if content_id else None,
    )
