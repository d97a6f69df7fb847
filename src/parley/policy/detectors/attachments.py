"""What kind of file an attachment is, by name, declared type and content, and what it is for.

``filetypes.sniff`` recognises the common formats; this module adds the
executable formats it leaves unnamed (ELF, Mach-O, Java classes, ``#!`` scripts,
OLE2 containers such as ``.msi`` and old Office files) and groups MIME types
into a few families that can be compared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from parley.policy import lexicons
from parley.policy.detectors import filetypes
from parley.policy.parts import Attachment

EXECUTABLE_EXTENSIONS = frozenset(lexicons.load("common", "attachment_executable_extensions"))
ARCHIVE_EXTENSIONS = frozenset(lexicons.load("common", "attachment_archive_extensions"))
MACRO_EXTENSIONS = frozenset({"docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm"})
ALLOWED_EXTENSIONS = frozenset({"pdf", "jpg", "jpeg", "jpe", "png", "gif", "webp", "heic", "heif", "txt"})
"""PDF documents, the image formats phones and browsers show, and plain text."""

# What a file's name promises, as the content families ``family`` returns.
_EXTENSION_FAMILY = {
    "pdf": "pdf",
    **dict.fromkeys(
        ("jpg", "jpeg", "jpe", "png", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff", "avif"), "image"
    ),
    **dict.fromkeys(("txt", "csv"), "text"),
    **dict.fromkeys(("docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "zip", "jar", "apk"), "zip"),
    **dict.fromkeys(("doc", "xls", "ppt", "msi"), "ole"),
    **dict.fromkeys(("html", "htm", "xml", "svg"), "markup"),
    **dict.fromkeys(("rar", "7z", "gz", "tgz", "bz2", "xz"), "archive"),
    **dict.fromkeys(("exe", "dll", "scr", "com"), "executable"),
}
_GENERIC_TYPES = frozenset({"", "application/octet-stream", "application/x-unknown", "application/unknown"})
_EXECUTABLE_TYPES = frozenset(lexicons.load("common", "attachment_executable_types"))
_ARCHIVE_TYPES = frozenset(lexicons.load("common", "attachment_archive_types"))
_MACRO_TYPES = frozenset(
    {
        "application/vnd.ms-word.document.macroenabled.12",
        "application/vnd.ms-excel.sheet.macroenabled.12",
        "application/vnd.ms-powerpoint.presentation.macroenabled.12",
        "application/vnd.ms-excel.addin.macroenabled.12",
        "application/vnd.ms-word.template.macroenabled.12",
        "application/vnd.ms-excel.template.macroenabled.12",
    }
)
_ZIP_TYPES = frozenset({"application/zip", "application/x-zip-compressed", "application/epub+zip"})
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def sniff(data: bytes) -> str | None:
    """The type the bytes show (kept here so the attachment rules have one place to ask)."""
    return filetypes.sniff(data)


def family(mime_type: str | None) -> str | None:
    """``image``, ``pdf``, ``text``, ``zip``, ``ole``, ``markup``, ``archive``, ``executable`` or None."""
    if not mime_type:
        return None
    mime_type = mime_type.lower().split(";", 1)[0].strip()
    if mime_type in _GENERIC_TYPES:
        return None
    if mime_type in _EXECUTABLE_TYPES:
        return "executable"
    if mime_type in _ARCHIVE_TYPES:
        return "archive"
    if mime_type in _MACRO_TYPES:
        return "zip"
    if mime_type.startswith("image/"):
        return "markup" if mime_type == "image/svg+xml" else "image"
    if mime_type == "application/pdf":
        return "pdf"
    if mime_type in _ZIP_TYPES or mime_type.startswith(
        ("application/vnd.openxmlformats", "application/vnd.oasis.opendocument")
    ):
        return "zip"
    if mime_type in ("application/x-ole-storage", "application/msword", "application/vnd.ms-excel") or (
        mime_type.startswith("application/vnd.ms-")
    ):
        return "ole"
    if mime_type in ("text/html", "application/xml", "text/xml", "application/xhtml+xml"):
        return "markup"
    if mime_type.startswith("text/"):
        return "text"
    return None


def clean_name(filename: str) -> str:
    """NFC, without the spaces and dots Windows ignores at the end of a name."""
    return unicodedata.normalize("NFC", filename).rstrip(" .\t")


def extension(filename: str) -> str:
    """The last extension, lower-case, without the dot; ``""`` when the name has none."""
    name = clean_name(filename).rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if "." not in name.strip("."):
        return ""
    return name.rsplit(".", 1)[-1].lower()


def has_bidi_controls(filename: str) -> bool:
    """Direction controls (U+202E and kin) make ``invoice\u202efdp.exe`` display as ``invoiceexe.pdf``."""
    return _BIDI_CONTROLS.search(filename) is not None


@dataclass(frozen=True, slots=True)
class FileKind:
    extension: str
    """From the name, or derived from the content or declared type when the name has none."""
    name_family: str | None
    declared_family: str | None
    content_family: str | None
    content_type: str | None


def classify(attachment: Attachment) -> FileKind:
    """The attachment's extension and the families its name, declared type and content point to."""
    content_type = attachment.sniffed_type or sniff(attachment.data[:8192])
    named = extension(attachment.filename)
    return FileKind(
        extension=named or _extension_for(content_type) or _extension_for(attachment.declared_type),
        name_family=_EXTENSION_FAMILY.get(named),
        declared_family=family(attachment.declared_type),
        content_family=family(content_type),
        content_type=content_type,
    )


_TYPE_EXTENSIONS = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/apng": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/heic": "heic",
    "image/heif": "heif",
    "text/plain": "txt",
    "application/zip": "zip",
    "application/x-msdownload": "exe",
    "application/x-executable": "elf",
    "application/x-mach-binary": "app",
    "application/java-vm": "class",
    "application/x-sh": "sh",
}


def _extension_for(mime_type: str | None) -> str:
    if not mime_type:
        return ""
    mime_type = mime_type.lower().split(";", 1)[0].strip()
    if mime_type in _TYPE_EXTENSIONS:
        return _TYPE_EXTENSIONS[mime_type]
    kind = family(mime_type)
    return {"executable": "exe", "archive": "zip"}.get(kind or "", "")


def contradiction(kind: FileKind) -> tuple[str, str] | None:
    """(what the name or declared type promises, what the content is) when they disagree."""
    if kind.content_family is None:
        return None
    for promised in (kind.name_family, kind.declared_family):
        if promised is not None and promised != kind.content_family:
            return promised, kind.content_family
    return None


# --- purpose -----------------------------------------------------------------------------------


@cache
def _purpose_pattern() -> re.Pattern[str] | None:
    words = {word.casefold() for entries in lexicons.load_all("attachment_purposes").values() for word in entries}
    words = {unicodedata.normalize("NFC", word) for word in words}
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))


def purpose(filename: str) -> str | None:
    """The purpose word (``invoice``, ``Rechnung``, ``面单``) found in a file name, or None."""
    pattern = _purpose_pattern()
    if pattern is None or not filename:
        return None
    match = pattern.search(clean_name(filename).casefold())
    return match.group() if match else None
