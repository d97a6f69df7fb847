"""Checking a send request before anything else looks at it: text length, attachments, types.

Every problem is reported at once, each with a stable code, so an API client can map them to
fields and a person can fix them all in one go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from parley.marketplace.messaging.kinds import MAX_ATTACHMENT_BYTES, RULES, Kind
from parley.policy.detectors import filetypes
from parley.policy.i18n import N_, render

ALLOWED_TYPES = frozenset(
    {"application/pdf", "image/jpeg", "image/png", "image/gif", "image/tiff", "image/webp", "text/plain"}
)
"""What a buyer may be sent: documents and pictures, never archives, markup or programs."""
MAX_FILE_NAME = 255

PROBLEMS = {
    "text_required": N_("This kind of message needs text."),
    "text_not_allowed": N_("This kind of message carries no text of yours, only attachments."),
    "text_too_long": N_("The text has %(length)s characters; at most %(limit)s are allowed for this kind."),
    "too_few_attachments": N_("This kind of message needs at least %(minimum)s attachment(s)."),
    "too_many_attachments": N_("At most %(maximum)s attachments are allowed for this kind; you gave %(count)s."),
    "attachments_too_large": N_("The attachments come to %(size)s bytes; at most %(limit)s bytes are allowed."),
    "attachment_type": N_("The attachment %(name)s is %(type)s, which cannot be sent to buyers."),
    "attachment_name": N_("An attachment needs a file name of 1 to 255 characters without a path."),
    "empty": N_("The message is empty."),
}


@dataclass(frozen=True)
class NewAttachment:
    file_name: str
    data: bytes


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self, language: str) -> str:
        return render(PROBLEMS[self.code], language, self.params)


class InvalidRequestError(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(problem.text("en") for problem in problems))
        self.problems = list(problems)


def sniffed_type(data: bytes) -> str:
    """The type the bytes show; undetectable bytes that decode as UTF-8 text are plain text."""
    sniffed = filetypes.sniff(data)
    if sniffed is not None:
        return sniffed
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain"


def validate(kind: Kind, text: str, attachments: Sequence[NewAttachment]) -> list[str]:
    """The sniffed type of every attachment; raises ``InvalidRequestError`` listing every problem."""
    rules = RULES[kind]
    problems: list[Problem] = []
    length = len(text)
    if rules.text_limit == 0 and text.strip():
        problems.append(Problem("text_not_allowed"))
    elif rules.text_limit and length > rules.text_limit:
        problems.append(Problem("text_too_long", {"length": str(length), "limit": str(rules.text_limit)}))
    elif rules.text_limit and not text.strip() and not attachments:
        problems.append(Problem("text_required" if rules.max_attachments == 0 else "empty"))
    if len(attachments) < rules.min_attachments:
        problems.append(Problem("too_few_attachments", {"minimum": str(rules.min_attachments)}))
    if len(attachments) > rules.max_attachments:
        problems.append(
            Problem("too_many_attachments", {"maximum": str(rules.max_attachments), "count": str(len(attachments))})
        )
    total = sum(len(attachment.data) for attachment in attachments)
    if total > MAX_ATTACHMENT_BYTES:
        problems.append(Problem("attachments_too_large", {"size": str(total), "limit": str(MAX_ATTACHMENT_BYTES)}))
    types = []
    for attachment in attachments:
        name = attachment.file_name
        if not name or len(name) > MAX_FILE_NAME or "/" in name or "\\" in name or "\x00" in name:
            problems.append(Problem("attachment_name"))
        content_type = sniffed_type(attachment.data)
        types.append(content_type)
        if content_type not in ALLOWED_TYPES:
            problems.append(Problem("attachment_type", {"name": name[:80], "type": content_type}))
    if problems:
        raise InvalidRequestError(problems)
    return types
