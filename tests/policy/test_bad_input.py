"""Hostile and broken input: every case gets a verdict or a clear error, never a traceback or a hang.

The timeouts guard against hangs; they are not performance targets (see bench/).
"""

from __future__ import annotations

import base64

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.policy import Context, Direction, Message, check
from parley.policy.verdict import Verdict

MB = 1024 * 1024


def _sound(verdict: Verdict, message: Message) -> None:
    """Every finding points inside the source and quotes it."""
    assert not verdict.errors, verdict.errors
    for finding in verdict.findings:
        start, end = finding.span
        assert 0 <= start <= end <= len(message.source), finding
        assert message.excerpt(finding.span) == finding.excerpt


@pytest.mark.timeout(120)
def test_html_nested_100000_deep() -> None:
    html = "<div>" * 100_000 + "Write to jane@example.com" + "</div>" * 100_000
    message = Message.parse(html.encode())
    verdict = check(message)
    _sound(verdict, message)
    assert "jane@example.com" in message.text


@pytest.mark.timeout(120)
def test_unclosed_tags_100000_deep() -> None:
    html = "<b><i><span>" * 33_000 + "text"
    message = Message.parse(html.encode())
    _sound(check(message), message)


@pytest.mark.timeout(180)
def test_ten_megabyte_single_line() -> None:
    line = ("Your order 203-1234567-1234567 is delayed, sorry for the wait. " * (10 * MB // 64 + 1))[: 10 * MB]
    message = Message.parse(line.encode())
    _sound(check(message), message)


@pytest.mark.timeout(120)
def test_pathological_markup_is_linear_enough_to_finish() -> None:
    # Unterminated constructs repeated: a quadratic scanner would not finish in time.
    for chunk in ("<!--", "<a title='", "<a ", "&#", "<", "&amp", "<!", "</"):
        data = (chunk * (MB // len(chunk))).encode()
        message = Message.parse(data, input_format="html")
        _sound(check(message), message)


def test_nul_bytes_are_said() -> None:
    message = Message.parse(b"Order 203-1234567-1234567\x00 is late\x00")
    verdict = check(message)
    _sound(verdict, message)
    assert any(n.code == "nul-bytes" for n in verdict.notices)


def test_invalid_utf8_is_said() -> None:
    message = Message.parse(b"Order 203-1234567-1234567 \xc3\x28 is late")
    verdict = check(message)
    assert [n.code for n in verdict.notices] == ["invalid-utf8"]


@pytest.mark.parametrize(
    "raw",
    [
        b"From: a@b.example\r\nSubject: =?utf-8?b?!!!?=\r\nContent-Type: text/plain\r\n\r\nhi",
        b"From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\nno parts at all",
        b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@",
        b"From: <<<\r\nTo: ,,,@@\r\nSubject: x\r\nMIME-Version: 1.0\r\n\r\nbody",
        b'From: a@b.example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="a"\r\n\r\n'
        b"--a\r\nContent-Type: text/html\r\n\r\n<p>unterminated",
    ],
)
def test_malformed_mime_gets_a_verdict(raw: bytes) -> None:
    message = Message.parse(raw)
    assert message.format == "mime"
    _sound(check(message), message)


def test_zip_and_exe_attachments_are_read() -> None:
    def part(name: str, data: bytes) -> str:
        return (
            f'--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="{name}"\r\n'
            f"Content-Transfer-Encoding: base64\r\n\r\n{base64.b64encode(data).decode()}\r\n"
        )

    raw = (
        "From: s@example.com\r\nSubject: Order 203-1234567-1234567\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
        + part("photos.zip", b"PK\x03\x04" + b"\x00" * 40)
        + part("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 60)
        + "--b--\r\n"
    ).encode()
    message = Message.parse(raw)
    types = {a.filename: a.sniffed_type for a in message.attachments}
    assert types["photos.zip"] == "application/zip"
    assert types["invoice.pdf"] == "application/x-msdownload"
    _sound(check(message), message)


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.text(max_size=2000))
def test_any_text_gets_a_sound_verdict(text: str) -> None:
    message = Message.parse(text, input_format="text")
    _sound(check(message), message)


_TAGS = st.sampled_from(["p", "div", "a", "img", "br", "b", "span", "table", "td", "font", "center", "style"])
_ATTRS = st.sampled_from(
    [
        "",
        ' href="https://x.example/a"',
        ' src="http://i.example/p.gif" width="1"',
        ' style="text-align:center"',
        ' alt=""',
        " style='font-size:40px;color:red'",
        ' href="mailto:a@b.example"',
        ' title="a > b"',
    ]
)
_FRAGMENT = st.recursive(
    st.text(max_size=40),
    lambda inner: (
        st.builds(
            lambda tag, attrs, body, close: f"<{tag}{attrs}>{body}" + (f"</{tag}>" if close else ""),
            _TAGS,
            _ATTRS,
            inner,
            st.booleans(),
        )
        | st.lists(inner, max_size=4).map("".join)
    ),
    max_leaves=25,
)


@_SETTINGS
@given(_FRAGMENT)
def test_any_html_gets_a_sound_verdict(html: str) -> None:
    message = Message.parse(html, input_format="html")
    _sound(check(message), message)


@_SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_get_a_sound_verdict(data: bytes) -> None:
    message = Message.parse(data)
    _sound(check(message), message)
    inbound = check(message, Context(direction=Direction.INBOUND))
    assert inbound.decision in ("deliver", "warn")
