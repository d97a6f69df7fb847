"""Attachment kinds: extensions, extra content sniffing, type families, contradictions, purposes."""

from __future__ import annotations

import pytest

from parley.policy.detectors import attachments
from parley.policy.detectors.filetypes import sniff as base_sniff
from parley.policy.parts import Attachment


@pytest.mark.parametrize(
    ("filename", "extension"),
    [
        ("invoice.pdf", "pdf"),
        ("Invoice.PDF", "pdf"),
        ("invoice.pdf.exe", "exe"),
        ("invoice.exe.", "exe"),
        ("invoice.exe  ", "exe"),
        ("archive.tar.gz", "gz"),
        ("README", ""),
        (".htaccess", ""),
        ("", ""),
        ("C:\\Users\\me\\label.png", "png"),
        ("folder/label.png", "png"),
    ],
)
def test_extension(filename: str, extension: str) -> None:
    assert attachments.extension(filename) == extension


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x7fELF" + bytes(20), "application/x-executable"),
        (b"\xcf\xfa\xed\xfe" + bytes(20), "application/x-mach-binary"),
        (b"\xca\xfe\xba\xbe" + bytes(20), "application/java-vm"),
        (b"#!/usr/bin/env python\n", "application/x-sh"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "application/x-ole-storage"),
        (b"%PDF-1.4", "application/pdf"),
        (b"just text", None),
        (b"", None),
    ],
)
def test_sniff_adds_executables(data: bytes, expected: str | None) -> None:
    assert attachments.sniff(data) == expected


@pytest.mark.parametrize(
    ("mime_type", "family"),
    [
        ("image/png", "image"),
        ("IMAGE/JPEG; name=a.jpg", "image"),
        ("image/svg+xml", "markup"),
        ("application/pdf", "pdf"),
        ("text/plain", "text"),
        ("text/csv", "text"),
        ("text/html", "markup"),
        ("application/zip", "zip"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip"),
        ("application/vnd.ms-excel.sheet.macroEnabled.12", "zip"),
        ("application/msword", "ole"),
        ("application/x-rar-compressed", "archive"),
        ("application/gzip", "archive"),
        ("application/x-msdownload", "executable"),
        ("text/javascript", "executable"),
        ("application/octet-stream", None),
        ("", None),
        (None, None),
        ("application/x-something-new", None),
    ],
)
def test_family(mime_type: str | None, family: str | None) -> None:
    assert attachments.family(mime_type) == family


def attachment(filename: str, declared: str, data: bytes) -> Attachment:
    return Attachment(filename, declared, base_sniff(data), len(data), data)


PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(20)
ZIP = b"PK\x03\x04" + bytes(26)


@pytest.mark.parametrize(
    ("item", "extension", "contradiction"),
    [
        (attachment("invoice.pdf", "application/pdf", PDF), "pdf", None),
        (attachment("invoice.pdf", "application/octet-stream", PDF), "pdf", None),
        (attachment("label.jpg", "image/jpeg", PNG), "jpg", None),
        (attachment("invoice.pdf", "application/pdf", ZIP), "pdf", ("pdf", "zip")),
        (attachment("label.png", "image/png", PDF), "png", ("image", "pdf")),
        (attachment("label", "image/png", PDF), "pdf", ("image", "pdf")),
        (attachment("", "application/octet-stream", b"MZ" + bytes(60)), "exe", None),
        (attachment("notes.txt", "text/plain", b"Engraving: Anna"), "txt", None),
        (attachment("notes.txt", "text/plain", b"#!/bin/sh\nrm -rf /"), "txt", ("text", "executable")),
        (attachment("data.bin", "application/octet-stream", b"\x00\x01"), "bin", None),
    ],
)
def test_classify_and_contradiction(item: Attachment, extension: str, contradiction: tuple[str, str] | None) -> None:
    kind = attachments.classify(item)
    assert kind.extension == extension
    assert attachments.contradiction(kind) == contradiction


@pytest.mark.parametrize(
    ("filename", "bidi"),
    [("invoice\u202efdp.exe", True), ("faktura\u2066.pdf", True), ("faktura.pdf", False), ("فاتورة.pdf", False)],
)
def test_bidi_controls(filename: str, bidi: bool) -> None:
    assert attachments.has_bidi_controls(filename) is bidi


@pytest.mark.parametrize(
    ("filename", "word"),
    [
        ("Invoice-1001.pdf", "invoice"),
        ("return_label.png", "return"),
        ("faktura_1001.pdf", "faktura"),
        ("Följesedel.pdf", "följesedel"),
        ("retourlabel.pdf", "retourlabel"),
        ("RECHNUNG 1001.pdf", "rechnung"),
        ("Rücksendung.pdf", "rücksendung"),
        ("facture-1001.pdf", "facture"),
        ("étiquette.pdf", "étiquette"),
        ("factura.pdf", "factura"),
        ("diseño final.png", "diseño"),
        ("fattura.pdf", "fattura"),
        ("etykieta_zwrotna.pdf", "etykieta"),
        ("請求書_1001.pdf", "請求書"),
        ("返品ラベル.pdf", "返品"),
        ("退货面单.png", "退货"),
        ("保修卡.pdf", "保修"),
        ("catalogue-2025.pdf", None),
        ("photo.jpg", None),
        ("", None),
    ],
)
def test_purpose(filename: str, word: str | None) -> None:
    assert attachments.purpose(filename) == word


def test_purpose_matches_decomposed_accents() -> None:
    decomposed = "e\u0301tiquette.pdf"  # é as e + combining acute, as macOS writes file names
    assert attachments.purpose(decomposed) == "étiquette"
