"""What a file really is, from its first bytes rather than its name."""

from __future__ import annotations

import filetype


def sniff(data: bytes) -> str | None:
    """The MIME type the bytes show (``application/zip``, ``image/gif``, ...), or None if unknown."""
    if not data:
        return None
    kind = filetype.guess(data[:8192])
    if kind is not None:
        return str(kind.mime)
    if data[:2] == b"MZ":
        return "application/x-msdownload"
    if data.lstrip()[:5] in (b"<?xml", b"<html", b"<!DOC", b"<HTML"):
        return "text/html" if b"<?xml" not in data[:5] else "application/xml"
    return None
