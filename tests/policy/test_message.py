"""Parsing: visible text, offsets back into the source, links, images, styles and e-mail parts."""

from __future__ import annotations

import base64

import pytest

from parley.policy.message import Message, detect_format
from parley.policy.offsets import OffsetMap


def _located(message: Message, needle: str) -> str:
    start = message.text.index(needle)
    a, b = message.source_span(start, start + len(needle))
    return message.source[a:b]


def test_plain_text_maps_to_itself() -> None:
    message = Message.from_text("Hello jane@example.com")
    assert message.text == message.source
    assert _located(message, "jane@example.com") == "jane@example.com"


def test_html_text_maps_through_tags_and_entities() -> None:
    message = Message.from_html("<p>Write to <b>jane&#64;example.com</b> &amp; wait</p>")
    assert "jane@example.com & wait" in message.text
    assert _located(message, "jane@example.com") == "jane&#64;example.com"
    assert _located(message, "&") == "&amp;"


def test_script_style_and_comments_are_not_visible() -> None:
    message = Message.from_html("<style>p{color:red}</style><!-- hidden --><script>x()</script><p>Hi</p>")
    assert "color" not in message.text and "hidden" not in message.text and "x()" not in message.text
    assert "Hi" in message.text


def test_unterminated_comment_swallows_the_rest() -> None:
    message = Message.from_html("<p>Shown</p><!-- never closed <p>hidden")
    assert "Shown" in message.text and "hidden" not in message.text


def test_quoted_greater_than_inside_attribute() -> None:
    message = Message.from_html('<a title="a > b" href="https://x.example">Link text</a>')
    assert message.text.strip() == "Link text"
    assert message.links[0].href == "https://x.example"


def test_links_images_and_styles_carry_source_spans() -> None:
    html = (
        '<body style="text-align:center"><a href="https://shop.example/x">our <i>shop</i></a>'
        '<a href="https://amazon.se"><img src="http://cdn.example/logo.png" width="700"></a></body>'
    )
    message = Message.from_html(html)
    first, second = message.links
    assert first.text == "our shop"
    assert message.source[first.span[0] : first.span[1]] == '<a href="https://shop.example/x">'
    assert message.source[first.text_span[0] : first.text_span[1]] == "our <i>shop</i>"
    assert second.contains_image
    image = message.images[0]
    assert image.link_href == "https://amazon.se"
    assert image.width == "700"
    assert message.source[image.span[0] : image.span[1]].startswith("<img src=")
    align = [s for s in message.styles if s.property == "text-align"]
    assert align and align[0].value == "center" and align[0].element == "body"


def test_presentational_attributes_become_declarations() -> None:
    message = Message.from_html('<center><font size="5" face="Comic Sans MS" color="red">Hi</font></center>')
    found = {(s.property, s.value) for s in message.styles}
    assert ("text-align", "center") in found
    assert ("font-size", "x-large") in found
    assert ("font-family", "Comic Sans MS") in found
    assert ("color", "red") in found


def test_stylesheet_rules_and_media_queries() -> None:
    html = "<style>body { line-height: 2 } @media (max-width: 600px) { p { font-size: 20px } }</style><p>x</p>"
    message = Message.from_html(html)
    found = {(s.property, s.value, s.selector) for s in message.styles}
    assert ("line-height", "2", "body") in found
    assert ("font-size", "20px", "p") in found


def test_hidden_images_and_css_backgrounds() -> None:
    html = (
        '<div style="display:none"><img src="https://t.example/p.gif"></div>'
        "<table><tr><td style=\"background-image:url('http://x.example/bg.jpg')\">x</td></tr></table>"
    )
    message = Message.from_html(html)
    assert message.images[0].hidden
    assert any(i.tag == "css" and i.src == "http://x.example/bg.jpg" for i in message.images)


def _mime(body_html: str, attachment: bytes) -> bytes:
    encoded = base64.b64encode(body_html.encode()).decode()
    payload = base64.b64encode(attachment).decode()
    return (
        "From: Seller <seller@example.com>\r\nTo: buyer@marketplace.amazon.se\r\n"
        "Subject: =?utf-8?q?Din_order_203-1234567-1234567?=\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{encoded}\r\n"
        '--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="faktura.pdf"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{payload}\r\n--b1--\r\n"
    ).encode()


def test_mime_subject_body_and_attachment() -> None:
    message = Message.parse(_mime("<p>Hej! Här är <b>fakturan</b>.</p>", b"%PDF-1.7\n..."))
    assert message.format == "mime" and message.is_html
    assert message.subject == "Din order 203-1234567-1234567"
    assert message.text.startswith("Din order 203-1234567-1234567\n\n")
    assert _located(message, "203-1234567-1234567") == "203-1234567-1234567"
    assert _located(message, "fakturan") == "fakturan"
    [attachment] = message.attachments
    assert attachment.filename == "faktura.pdf"
    assert attachment.sniffed_type == "application/pdf"
    assert message.headers["from"] == "Seller <seller@example.com>"


def test_mime_with_unknown_charset_is_read_and_said() -> None:
    raw = b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nHello there\r\n"
    message = Message.parse(raw)
    assert "Hello there" in message.text
    assert [n.code for n in message.notices] == ["unknown-charset"]


def test_invalid_utf8_is_replaced_and_said() -> None:
    message = Message.parse(b"Hello \xff\xfe world")
    assert "\ufffd" in message.text
    assert message.notices[0].code == "invalid-utf8"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"From: a@b.example\nSubject: hi\nContent-Type: text/plain\n\nbody", "mime"),
        (b"Subject: only one header\n\nbody", "text"),
        (b"<html><body><p>Hi</p></body></html>", "html"),
        (b"Hi,\nyour order <203-1234567-1234567> is late.", "text"),
        (b"Note: the parcel\nFrom: us\n\nis late", "text"),
        (b"Dear buyer, <p>thanks</p>", "html"),
    ],
)
def test_format_detection(head: bytes, expected: str) -> None:
    assert detect_format(head) == expected


def test_offset_map_pieces() -> None:
    mapping = OffsetMap()
    mapping.add_verbatim(10, 5)  # text 0-5 -> source 10-15
    mapping.add_replacement(15, 20, 1)  # text 5 -> source 15-20 (an entity)
    mapping.add_verbatim(20, 3)  # text 6-9 -> source 20-23
    assert mapping.to_source(0, 5) == (10, 15)
    assert mapping.to_source(5, 6) == (15, 20)
    assert mapping.to_source(4, 7) == (14, 21)
    assert mapping.to_source(9, 9) == (23, 23)


def test_element_dropped_by_the_tree_builder_does_not_shift_spans() -> None:
    html = (
        '<td style="color:red">stray cell</td>'
        '<table><tr><td style="background:url(http://x.example/bg.jpg)">x</td></tr></table>'
    )
    message = Message.from_html(html)
    [image] = [i for i in message.images if i.tag == "css"]
    assert "bg.jpg" in message.source[image.span[0] : image.span[1]]


def test_deep_nesting_is_flattened_and_said() -> None:
    html = "<div>" * 600 + '<a href="https://x.example/deep">deep link</a>' + "</div>" * 600
    message = Message.from_html(html)
    assert any(n.code == "html-depth" for n in message.notices)
    [link] = message.links
    assert message.source[link.span[0] : link.span[1]] == '<a href="https://x.example/deep">'


def test_raw_utf8_and_folded_headers() -> None:
    raw = (
        "From: Åsa Öberg <asa@example.se>\r\nSubject: Din beställning\r\n 203-1234567-1234567\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej!\r\n"
    ).encode()
    message = Message.parse(raw)
    assert message.subject == "Din beställning 203-1234567-1234567"
    assert message.headers["from"] == "Åsa Öberg <asa@example.se>"
    message.source.encode("utf-8")  # no lone surrogates left to break output


def test_encoded_attachment_file_name() -> None:
    raw = (
        b"From: a@example.se\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nSe bilaga.\r\n"
        b"--b\r\nContent-Type: application/pdf\r\n"
        b'Content-Disposition: attachment; filename="=?utf-8?q?r=C3=A4kning.pdf?="\r\n\r\n%PDF-1.4\r\n--b--\r\n'
    )
    [attachment] = Message.parse(raw).attachments
    assert attachment.filename == "räkning.pdf"
