"""What a file really is, from its first bytes rather than its name."""

from __future__ import annotations

import filetype

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MACHO = (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe")
_BOM = b"\xef\xbb\xbf"
_MARKUP = (b"<html", b"<!doc", b"<body", b"<head")


def sniff(data: bytes) -> str | None:
    """The MIME type the bytes show (``application/zip``, ``image/gif``, ...), or None if unknown."""
    if not data:
        return None
    kind = filetype.guess(data[:8192])
    if kind is not None:
        return str(kind.mime)
    head = data[:16]
    if head[:2] == b"MZ":
        return "application/x-msdownload"
    if head.startswith(b"\x7fELF"):
        return "application/x-executable"
    if head[:4] in _MACHO:
        return "application/x-mach-binary"
    if head.startswith(b"\xca\xfe\xba\xbe"):  # a Java class, or a fat Mach-O binary: both run code
        return "application/java-vm"
    if head.startswith(b"#!"):
        return "application/x-sh"
    if head.startswith(_OLE2):
        return "application/x-ole-storage"
    text = data.removeprefix(_BOM).lstrip()[:9]
    if text.startswith(b"<?xml"):
        return "application/xml"
    if text.lower().startswith(_MARKUP):
        return "text/html"
    return None
