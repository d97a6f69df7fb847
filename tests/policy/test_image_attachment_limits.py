"""Limits the case files cannot hold: 10 MB attachments and very large image-heavy messages."""

from __future__ import annotations

import base64
import time

import pytest

from parley.policy.context import Context
from parley.policy.message import Message
from parley.policy.parts import Attachment
from parley.policy.registry import rule_by_code
from parley.policy.rule import Finding
from parley.policy.scan import Scan

PDF = b"%PDF-1.4\n%%EOF\n"
MIB = 1024 * 1024


def run(code: str, message: Message, context: Context | None = None) -> list[Finding]:
    rule = rule_by_code(code)
    assert rule is not None
    return list(rule.check(Scan(message, context or Context())))


def with_attachment(size: int) -> Message:
    message = Message.from_text("Order 203-1234567-1234567: your invoice is attached.")
    message.attachments.append(Attachment("invoice.pdf", "application/pdf", "application/pdf", size, PDF))
    return message


@pytest.mark.parametrize(("size", "too_large"), [(10 * MIB, False), (10 * MIB + 1, True), (25 * MIB, True)])
def test_attachment_size_limit(size: int, too_large: bool) -> None:
    findings = run("AT01", with_attachment(size))
    assert [f.pattern for f in findings] == (["too-large"] if too_large else [])
    if too_large:
        assert findings[0].params["filename"] == "invoice.pdf"
        assert findings[0].params["limit_mb"] == 10


def test_too_large_and_too_many_are_both_reported() -> None:
    message = with_attachment(11 * MIB)
    for index in range(5):
        message.attachments.append(Attachment(f"label-{index}.pdf", "application/pdf", "application/pdf", 15, PDF))
    assert sorted(f.pattern for f in run("AT01", message)) == ["too-large", "too-many"]


def test_large_animated_data_uri_is_counted_quickly() -> None:
    header = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
    frame = b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02" + (b"\xff" + bytes(255)) * 20000 + b"\x00"
    data = base64.b64encode(header + frame + frame + b"\x3b").decode()
    html = f'<p>Hi</p><img src="data:image/gif;base64,{data}" alt="Van">'
    assert len(html) > 10_000_000
    message = Message.from_html(html)
    started = time.perf_counter()
    findings = {code: run(code, message) for code in ("IM01", "IM02", "IM03", "IM04", "IM05", "IM06", "IM07")}
    assert time.perf_counter() - started < 3.0
    assert [f.params["frames"] for f in findings["IM04"]] == [2]
    assert all(not found for code, found in findings.items() if code != "IM04")
    assert len(findings["IM04"][0].params["src"]) < 40


def test_many_images_stay_linear() -> None:
    html = "".join(
        f'<img src="https://cdn.shop.com/{i}.png?utm_source=x" alt="Item {i}" width="{i % 700}">' for i in range(5000)
    )
    message = Message.from_html(html)
    started = time.perf_counter()
    counts = {code: len(run(code, message)) for code in ("IM01", "IM02", "IM03", "IM04", "IM05", "IM06", "IM07")}
    assert time.perf_counter() - started < 3.0
    assert counts["IM01"] == 5000
    assert counts["IM05"] == sum(1 for i in range(5000) if i % 700 > 480)
