"""Content sniffing: what the first bytes of an attachment say it is."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from parley.policy.detectors.filetypes import sniff


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


ELF_HEADER = b"\x7fELF\x02\x01\x01" + bytes(9) + struct.pack("<HH", 2, 62) + bytes(100)


SNIFFED = [
        ("empty", b"", None),
        ("plain text", b"Hello, your parcel is on its way.", None),
        ("pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf"),
        ("png", b"\x89PNG\r\n\x1a\n" + bytes(20), "image/png"),
        ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        ("gif87a", b"GIF87a\x01\x00\x01\x00", "image/gif"),
        ("gif89a", b"GIF89a\x01\x00\x01\x00", "image/gif"),
        ("webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        ("heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image/heic"),
        ("apng", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x08acTL" + bytes(40), "image/apng"),
        ("windows program", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56), "application/x-msdownload"),
        ("bare MZ", b"MZ", "application/x-msdownload"),
        ("linux program with a full header", ELF_HEADER, "application/x-executable"),
        ("zip", _zip("photo.jpg"), "application/zip"),
        ("word document", _zip("[Content_Types].xml", "word/document.xml"),
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("rar", b"Rar!\x1a\x07\x00" + bytes(10), "application/x-rar-compressed"),
        ("7z", b"7z\xbc\xaf\x27\x1c" + bytes(10), "application/x-7z-compressed"),
        ("gzip", b"\x1f\x8b\x08" + bytes(10), "application/gzip"),
        ("html", b"<html><body>Hi</body></html>", "text/html"),
        ("html after white space", b"\n\n  <!DOCTYPE html><html>", "text/html"),
        ("xml", b"<?xml version='1.0'?><a/>", "application/xml"),
        ("only the first 8 KiB are read", bytes(9000) + b"%PDF-1.4", None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "expected"), SNIFFED, ids=[case[0] for case in SNIFFED])
def test_sniff(name: str, data: bytes, expected: str | None) -> None:
    assert sniff(data) == expected, name


MORE_FORMATS = [
    ("short ELF header", b"\x7fELF" + bytes(20), "application/x-executable"),
    ("shell script", b"#!/bin/sh\necho hi\n", "application/x-sh"),
    ("OLE2 container (msi, doc, xls)", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "application/x-ole-storage"),
    ("html after a byte-order mark", b"\xef\xbb\xbf<html><body>", "text/html"),
]


@pytest.mark.parametrize(("name", "data", "expected"), MORE_FORMATS, ids=[case[0] for case in MORE_FORMATS])
def test_sniff_more_formats(name: str, data: bytes, expected: str) -> None:
    assert sniff(data) == expected, name
