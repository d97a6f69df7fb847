"""Phishing signs: sender headers that pose as the marketplace, look-alike domains, links that lie."""

from __future__ import annotations

import pytest

from parley.policy.context import AMAZON_DOMAINS
from parley.policy.detectors import phishing
from parley.policy.message import Message


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"from": '"Amazon Seller Support" <support@amaz0n-security.com>'}, [("from", "display-name")]),
        ({"from": "Seller Central <no-reply@sc-notify.example>"}, [("from", "display-name")]),
        ({"from": "Amaz0n Notices <n@notices.example>"}, [("from", "display-name")]),
        ({"reply-to": "<help@arnazon-support.example>"}, [("reply-to", "look-alike-domain")]),
        ({"reply-to": "help@amazon-verify.example"}, [("reply-to", "look-alike-domain")]),
        ({"return-path": "<bounce@amaz0n-mail.example>"}, [("return-path", "look-alike-domain")]),
        ({"from": "Notices <n@xn--mazon-3ve.com>"}, [("from", "look-alike-domain")]),
        (
            {"from": "Amazon Services <a@x.example>", "return-path": "<b@amaz0n.example>"},
            [("from", "display-name"), ("return-path", "look-alike-domain")],
        ),
        ({"from": '"Jane - Amazon Marketplace" <abc@marketplace.amazon.de>'}, []),
        ({"return-path": "<0102018c@amazonses.com>"}, []),
        ({"from": "Jane Doe <jane@gmail.com>"}, []),
        ({"from": "undisclosed-recipients:;"}, []),
        ({}, []),
    ],
)
def test_sender_claims(headers: dict[str, str], expected: list[tuple[str, str]]) -> None:
    found = phishing.sender_claims(headers.items(), "Amazon", AMAZON_DOMAINS)
    assert [(claim.header, claim.reason) for claim in found] == expected


def test_short_marketplace_names_are_not_searched_in_domains() -> None:
    assert not phishing.imitates("b0l-help.example", "Bol")
    assert phishing.imitates("zaland0-help.example", "Zalando")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("AMAZ0N", "amazon"), ("arnazon", "amazon"), ("аmazon", "amazon"), ("amazon-verify.com", "amazonverifycom")],
)
def test_skeleton(value: str, expected: str) -> None:
    assert phishing.skeleton(value) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<a href="https://evil.example/login">sellercentral.amazon.com</a>',
            [("sellercentral.amazon.com", "evil.example")],
        ),
        ('<a href="https://www.example.com/x">example.com/x</a>', []),
        ('<a href="https://shop.example.com/x">example.com</a>', []),
        ('<a href="https://www.amazon.com/dp/B0">amazon.de</a>', []),
        ('<a href="https://evil.example/">https://www.amazon.de/</a>', [("www.amazon.de", "evil.example")]),
        ('<a href="https://photos.example.net/1">my photos</a>', []),
        ('<a href="mailto:a@b.example">www.example.com</a>', []),
        ('<a href="https://example.com.evil.example/">example.com</a>', [("example.com", "example.com.evil.example")]),
    ],
)
def test_mismatched_links(html: str, expected: list[tuple[str, str]]) -> None:
    links = Message.from_html(html).links
    found = phishing.mismatched_links(links, AMAZON_DOMAINS)
    assert [(mismatch.shown, mismatch.target) for mismatch in found] == expected
