"""AT01: an attachment the buyer does not need, or one that is unsafe to open."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from parley.policy.context import MessageKind
from parley.policy.detectors import attachments as files
from parley.policy.detectors import image_urls
from parley.policy.i18n import N_
from parley.policy.parts import Attachment
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

MAX_ATTACHMENTS = 5
"""The SP-API messaging operations accept at most five attachments."""
MAX_BYTES = 10 * 1024 * 1024
"""Seller Central's limit per attachment: 10 MB."""
ATTACHMENT_KINDS = frozenset(
    {
        MessageKind.INVOICE,
        MessageKind.CUSTOM_DESIGN,
        MessageKind.ORDER_PROBLEM,
        MessageKind.RETURN_QUESTION,
        MessageKind.NEEDED_FOR_PURCHASE,
    }
)
"""Reasons for a message that may need a document: an invoice, a label, a design proof, a legal paper."""

_DISGUISED = N_(
    "The attachment name %(filename)s contains invisible direction-control characters that disguise its real extension."
)
_EXECUTABLE = N_(
    "The attachment %(filename)s is a program or script; files that run code must never be sent to buyers."
)
_MACRO = N_("The attachment %(filename)s is an Office document with macros, which can run code when opened.")
_ARCHIVE = N_("The attachment %(filename)s is a compressed archive; what it contains cannot be checked.")
_MISMATCH = N_("The attachment %(filename)s is named or declared as %(claimed)s, but its content is %(actual)s.")
_TOO_LARGE = N_("The attachment %(filename)s is %(size_mb)s MB; an attachment may be at most %(limit_mb)s MB.")
_NO_PURPOSE = N_(
    "The attachment %(filename)s is not an invoice, label, design proof, warranty or instructions, and a "
    "%(kind)s message needs no attachment."
)
_TOO_MANY = N_("The message has %(count)s attachments; at most %(limit)s are allowed.")


def _mime(body: str, filename: str, content_type: str, payload: str) -> str:
    """A small multipart e-mail with one base64 attachment (RFC 2231 file name)."""
    return (
        "From: seller@example.com\nTo: buyer@example.com\n"
        "Subject: 203-1234567-1234567\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n'
        "--b\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n"
        f"--b\nContent-Type: {content_type}\n"
        f"Content-Disposition: attachment; filename*=UTF-8''{quote(filename)}\n"
        "Content-Transfer-Encoding: base64\n\n"
        f"{payload}\n--b--\n"
    )


_PDF = "JVBERi0xLjQKJSVFT0YK"  # %PDF-1.4 %%EOF
_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"  # a PNG signature and IHDR
_EXE = "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAA=="  # an MZ header
_ZIP = "UEsDBBQAAAAIAA=="  # a ZIP local file header
_RAR = "UmFyIRoHAM+QcwAADQAAAAAAAAA="
_SCRIPT = "V1NjcmlwdC5FY2hvICJoaSI="  # WScript.Echo "hi"
_OCTET = "application/octet-stream"
_MIME: Any = "mime"  # Example.format is typed text|html; build_message also reads "mime"


class AttachmentNotPermitted(Rule):
    code = "AT01"
    name = "attachments.not-permitted"
    title = "Attachment is not permitted or not safe"
    rationale = """
        The guidelines allow attachments only when the buyer needs them to
        solve a problem: shipping or return labels, invoices, custom design
        proofs. We also allow warranty and legal documents and instructions,
        because the marketplace's own API has message types for warranties
        and legal disclosures and a manual can be what solves the buyer's
        problem. Allowed are PDF documents, images (JPEG, PNG, GIF, WebP,
        HEIC) and plain text: a buyer can open them on any device, while
        Office files can carry macros and remote content.
        Reported: programs and scripts, archives, macro documents, a name
        with hidden direction controls, content that contradicts the name or
        declared type (a .pdf that is a ZIP), any other file type, files over
        10 MB, and more than five attachments. When the caller says why the
        message is sent (context.kind) and that reason needs no document (a
        review request, say), an allowed file counts only if its name says
        what it is for (invoice, Rechnung, 請求書, label, étiquette, 面单...,
        lexicons/<lang>/attachment_purposes.txt); with no kind given the
        purpose is not judged. Images shown in the HTML body through cid:
        are images, not attachments, and are left to the IM rules.
        """
    guidelines = ("G-CONTENT-ATTACHMENT",)
    explanation = N_(
        "The attachment %(filename)s is a %(extension)s file; only PDF documents, images (JPEG, PNG, GIF, WebP, "
        "HEIC) and plain text may be attached."
    )
    advice = N_(
        "Attach only what the buyer needs, such as an invoice, a shipping or return label or a design proof, "
        "as a PDF or an image under 10 MB."
    )
    examples = (
        bad("en", _mime("Please install our app.", "setup.exe", _OCTET, _EXE), format=_MIME),
        good("en", _mime("Your invoice is attached.", "invoice-1001.pdf", "application/pdf", _PDF), format=_MIME),
        bad(
            "en",
            _mime("Thanks! Our new range.", "catalogue-2025.pdf", "application/pdf", _PDF),
            format=_MIME,
            kind="review-request",
        ),
        bad("sv", _mime("Hej! Kör programmet.", "program.exe", "application/x-msdownload", _EXE), format=_MIME),
        good("sv", _mime("Hej! Här är din faktura.", "faktura.pdf", "application/pdf", _PDF), format=_MIME),
        bad("nl", _mime("Alle foto's zitten in het archief.", "fotos.zip", "application/zip", _ZIP), format=_MIME),
        good("nl", _mime("Hierbij het retourlabel.", "retourlabel.pdf", "application/pdf", _PDF), format=_MIME),
        bad(
            "de",
            _mime("Anbei Ihre Rechnung.", "Rechnung.docm", "application/vnd.ms-word.document.macroEnabled.12", _ZIP),
            format=_MIME,
        ),
        good("de", _mime("Anbei Ihre Rechnung.", "Rechnung_1001.pdf", "application/pdf", _PDF), format=_MIME),
        bad("fr", _mime("Voici votre facture.", "facture.pdf", "application/pdf", _EXE), format=_MIME),
        good(
            "fr", _mime("Voici l'étiquette de retour.", "étiquette-retour.pdf", "application/pdf", _PDF), format=_MIME
        ),
        bad("es", _mime("Abra el archivo adjunto.", "factura.js", "text/javascript", _SCRIPT), format=_MIME),
        good("es", _mime("Adjuntamos su factura.", "factura.pdf", "application/pdf", _PDF), format=_MIME),
        bad("it", _mime("In allegato la fattura.", "fattura.pdf.exe", _OCTET, _EXE), format=_MIME),
        good("it", _mime("Ecco la bozza della targa.", "bozza-targa.png", "image/png", _PNG), format=_MIME),
        bad("pl", _mime("W załączniku zdjęcia.", "zdjecia.rar", _OCTET, _RAR), format=_MIME),
        good("pl", _mime("W załączniku faktura.", "faktura.pdf", "application/pdf", _PDF), format=_MIME),
        bad(
            "ja",
            _mime("請求書を添付します。", "請求書.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", _ZIP),
            format=_MIME,
        ),
        good("ja", _mime("請求書を添付します。", "請求書.pdf", "application/pdf", _PDF), format=_MIME),
        bad("zh", _mime("请安装附件。", "发票.apk", "application/vnd.android.package-archive", _ZIP), format=_MIME),
        good("zh", _mime("附件是您的发票。", "发票.pdf", "application/pdf", _PDF), format=_MIME),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        message = scan.message
        shown_inline = {cid for image in message.images if (cid := image_urls.content_id(image.src)) is not None}
        attached = [a for a in message.attachments if not _is_inline_image(a, shown_inline)]
        for attachment in attached:
            finding = self._inspect(scan, attachment)
            if finding is not None:
                yield finding
        if len(attached) > MAX_ATTACHMENTS:
            yield self.message_finding(
                scan,
                detector="attachments",
                pattern="too-many",
                message_id=_TOO_MANY,
                count=len(attached),
                limit=MAX_ATTACHMENTS,
            )

    def _inspect(self, scan: Scan, attachment: Attachment) -> Finding | None:
        kind = files.classify(attachment)
        name = attachment.filename or attachment.content_id or attachment.declared_type
        params = {"filename": name[:200]}

        def found(pattern: str, message_id: str, **extra: object) -> Finding:
            return self.message_finding(
                scan, detector="attachments", pattern=pattern, message_id=message_id, **params, **extra
            )

        if files.has_bidi_controls(attachment.filename):
            return found("disguised-name", _DISGUISED)
        if kind.extension in files.EXECUTABLE_EXTENSIONS or "executable" in (kind.content_family, kind.declared_family):
            return found("executable", _EXECUTABLE)
        if kind.extension in files.MACRO_EXTENSIONS:
            return found("macro-document", _MACRO)
        if kind.extension in files.ARCHIVE_EXTENSIONS or "archive" in (kind.content_family, kind.declared_family):
            return found("archive", _ARCHIVE)
        contradiction = files.contradiction(kind)
        if contradiction is not None:
            claimed = f".{files.extension(attachment.filename)}" if contradiction[0] == kind.name_family else ""
            return found(
                "type-mismatch",
                _MISMATCH,
                claimed=claimed or attachment.declared_type,
                actual=kind.content_type or contradiction[1],
            )
        if kind.extension not in files.ALLOWED_EXTENSIONS:
            return found("type-not-allowed", self.explanation, extension=kind.extension or attachment.declared_type)
        if attachment.size > MAX_BYTES:
            return found(
                "too-large",
                _TOO_LARGE,
                size_mb=f"{attachment.size / (1024 * 1024):.1f}",
                limit_mb=MAX_BYTES // (1024 * 1024),
            )
        purpose_kind = scan.context.kind
        if purpose_kind is not None and purpose_kind not in ATTACHMENT_KINDS and files.purpose(name) is None:
            return found("no-purpose", _NO_PURPOSE, kind=str(purpose_kind))
        return None


def _is_inline_image(attachment: Attachment, shown_inline: set[str]) -> bool:
    """A picture the HTML body shows through ``cid:``: an image of the message, not an attachment."""
    if not attachment.content_id or attachment.content_id.lower() not in shown_inline:
        return False
    content_type = attachment.sniffed_type or attachment.declared_type
    return (files.family(content_type) == "image") and files.family(attachment.sniffed_type) in (None, "image")
