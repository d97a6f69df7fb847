"""Web addresses: full URLs, www. hosts, bare and spelled-out domains, shorteners, and look-alikes that are not."""

from __future__ import annotations

import time

import pytest

from parley.policy.context import AMAZON_DOMAINS, CARRIER_TRACKING_HOSTS
from parley.policy.detectors import urls


def found(text: str) -> list[tuple[str, str, str]]:
    """(as written, host, kind) of every address in ``text``."""
    return [(text[m.span[0] : m.span[1]], m.host, m.kind) for m in urls.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # scheme URLs
        (
            "Visit https://shop.example.com/x?y=1. Thanks!",
            [("https://shop.example.com/x?y=1", "shop.example.com", "url")],
        ),
        ("HTTP://WWW.EXAMPLE.COM/A", [("HTTP://WWW.EXAMPLE.COM/A", "www.example.com", "url")]),
        (
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            [("https://en.wikipedia.org/wiki/Foo_(bar)", "en.wikipedia.org", "url")],
        ),
        ("[http://x.example.com/a]", [("http://x.example.com/a", "x.example.com", "url")]),
        ("https://example.com:8443/x", [("https://example.com:8443/x", "example.com", "url")]),
        ("http://203.0.113.7/manual.pdf", [("http://203.0.113.7/manual.pdf", "203.0.113.7", "url")]),
        ("https://xn--80ak6aa92e.com/", [("https://xn--80ak6aa92e.com/", "аррӏе.com", "url")]),
        ("请访问https://example.com获取更多", [("https://example.com", "example.com", "url")]),
        (
            "配送状況はhttps://www.kuronekoyamato.co.jp/ytc/でご確認",
            [("https://www.kuronekoyamato.co.jp/ytc/", "www.kuronekoyamato.co.jp", "url")],
        ),
        # www.
        ("See www.example.de today", [("www.example.de", "www.example.de", "www")]),
        ("www.amazon.se/dp/B01ABC.", [("www.amazon.se/dp/B01ABC", "www.amazon.se", "www")]),
        # bare domains
        ("Se shop.example.se/lampor nu", [("shop.example.se/lampor", "shop.example.se", "bare")]),
        ("We sell on example.com, too", [("example.com", "example.com", "bare")]),
        ("EXAMPLE-SHOP.COM", [("EXAMPLE-SHOP.COM", "example-shop.com", "bare")]),
        ("Example.Com", [("Example.Com", "example.com", "bare")]),
        ("amazon.co.uk", [("amazon.co.uk", "amazon.co.uk", "bare")]),
        ("sklep-przyklad.pl", [("sklep-przyklad.pl", "sklep-przyklad.pl", "bare")]),
        ("Besök butiken.se!", [("butiken.se", "butiken.se", "bare")]),
        ("negoziobello.it oggi", [("negoziobello.it", "negoziobello.it", "bare")]),
        ("a.co/d/abc123", [("a.co/d/abc123", "a.co", "bare")]),
        ("example.com:8080/x", [("example.com:8080/x", "example.com", "bare")]),
        ("ご覧ください example.co.jpをご覧", [("example.co.jp", "example.co.jp", "bare")]),
        ("谢谢。请访问shop.example.cn了解", [("shop.example.cn", "shop.example.cn", "bare")]),
        ("bücher-laden.de", [("bücher-laden.de", "bücher-laden.de", "bare")]),
        # shorteners
        ("bit.ly/3abc", [("bit.ly/3abc", "bit.ly", "bare")]),
        ("t.co/x1", [("t.co/x1", "t.co", "bare")]),
        ("tinyurl.com", [("tinyurl.com", "tinyurl.com", "bare")]),
        # spelled out
        ("example dot com", [("example dot com", "example.com", "spelled")]),
        ("example DOT com", [("example DOT com", "example.com", "spelled")]),
        ("example [dot] se", [("example [dot] se", "example.se", "spelled")]),
        ("example(dot)de", [("example(dot)de", "example.de", "spelled")]),
        ("nordic[.]com", [("nordic[.]com", "nordic.com", "spelled")]),
        ("shop dot example dot co dot uk", [("shop dot example dot co dot uk", "shop.example.co.uk", "spelled")]),
        ("shop.example dot com", [("shop.example dot com", "shop.example.com", "spelled")]),
        ("exempel punkt se.", [("exempel punkt se", "exempel.se", "spelled")]),
        ("winkel punt nl", [("winkel punt nl", "winkel.nl", "spelled")]),
        ("boutique point fr", [("boutique point fr", "boutique.fr", "spelled")]),
        ("tienda punto es", [("tienda punto es", "tienda.es", "spelled")]),
        ("sklepik kropka pl", [("sklepik kropka pl", "sklepik.pl", "spelled")]),
        ("example点com。", [("example点com", "example.com", "spelled")]),
        ("example ドット com", [("example ドット com", "example.com", "spelled")]),
        ("example．com", [("example．com", "example.com", "spelled")]),
        # not addresses
        ("e.g. the cable, i.e. later", []),
        ("file.txt, invoice.pdf, photo.JPG, data.json", []),
        ("logo.ai, README.md, setup.py, run.sh, label.zip", []),
        ("v1.2, version 2.0.1, python3.11", []),
        ("12.50 EUR, 3.99 USD", []),
        ("12.05.2024 and 2024.05.12", []),
        ("Re:Order 203-1234567-1234567", []),
        ("We sent it today.Thanks! bye.Thanks", []),
        ("Thanks for the order.Here is the invoice", []),
        ("Just do it.It works. tell us.in the meantime. It is done.is it ok", []),
        ("I'm at home.me too", []),
        ("Tack för din order.Vi skickar den idag.Se nedan", []),
        ("z.B. u.a. d.h. bzw. ca.", []),
        ("bl.a. t.ex. s.k. fr.o.m.", []),
        ("m.in. np. tzn. ul.Długa 5", []),
        ("Gracias por su pedido.Se envió ayer. EE.UU. p.ej.", []),
        ("jane@example.com and jane.doe@shop.example.co.uk", []),
        ("jane [at] example [dot] com", []),
        ("files/label.zip and C:\\docs\\shop.com", []),
        ("polka dot is, the dot com bubble", []),
        ("ein wichtiger Punkt in der Liste", []),
        ("le point de vue, votre point de retrait", []),
        ("co.uk alone", []),
        ("example.thisisnotatld", []),
        ("--example.com", []),
        ("example-.com", []),
        ("https://", []),
        ("", []),
    ],
)
def test_find(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("https://example.com", "scheme-url"),
        ("https://bit.ly/x", "shortener"),
        ("www.example.com", "www"),
        ("example.com/x", "bare-path"),
        ("example.com", "bare-known-tld"),
        ("negoziobello.it", "bare-ambiguous-tld"),
        ("example [dot] com", "spelled-bracketed"),
        ("example dot com", "spelled-word"),
        ("bit dot ly", "spelled-shortener"),
    ],
)
def test_pattern_names(text: str, pattern: str) -> None:
    (match,) = urls.find(text)
    assert match.pattern == pattern


def test_match_fields() -> None:
    (match,) = urls.find("Go to HTTPS://Shop.Example.com:443/Path?q=1 now")
    assert match.url == "HTTPS://Shop.Example.com:443/Path?q=1"
    assert match.scheme == "https"
    assert match.host == "shop.example.com"
    assert match.path == "/Path?q=1"
    assert match.normalised == "https://shop.example.com/Path?q=1"
    (bare,) = urls.find("shop.example.se/x")
    assert (bare.scheme, bare.normalised) == ("", "//shop.example.se/x")
    (spelled,) = urls.find("example [dot] se")
    assert spelled.normalised == "//example.se"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://www.amazon.de/dp/B01?x=1", ("https", "www.amazon.de", "/dp/B01?x=1")),
        ("http://sellercentral.amazon.nl", ("http", "sellercentral.amazon.nl", "")),
        ("//cdn.example.com/a.png", ("", "cdn.example.com", "/a.png")),
        ("  https://amzn.to/abc  ", ("https", "amzn.to", "/abc")),
        ("https://user:pw@Evil.COM:8443/x", ("https", "evil.com", "/x")),
        ("HTTPS://XN--80AK6AA92E.COM", ("https", "аррӏе.com", "")),
        ("www.example.com/x", ("", "www.example.com", "/x")),
        ("example.com", ("", "example.com", "")),
        ("mailto:jane@example.com", None),
        ("tel:+46812345678", None),
        ("#top", None),
        ("/relative/path", None),
        ("javascript:void(0)", None),
        ("cid:logo@example", None),
    ],
)
def test_parse(href: str, expected: tuple[str, str, str] | None) -> None:
    match = urls.parse(href)
    assert (match and (match.scheme, match.host, match.path)) == expected


@pytest.mark.parametrize(
    ("host", "domains", "expected"),
    [
        ("amazon.se", AMAZON_DOMAINS, True),
        ("www.amazon.se", AMAZON_DOMAINS, True),
        ("sellercentral.amazon.nl", AMAZON_DOMAINS, True),
        ("AMAZON.DE.", AMAZON_DOMAINS, True),
        ("amzn.to", AMAZON_DOMAINS, True),
        ("amazon.se.evil.com", AMAZON_DOMAINS, False),
        ("notamazon.se", AMAZON_DOMAINS, False),
        ("amazon.se-login.com", AMAZON_DOMAINS, False),
        ("www.postnord.se", CARRIER_TRACKING_HOSTS, True),
        ("nolp.dhl.de", CARRIER_TRACKING_HOSTS, True),
        ("dhl.de.example.com", CARRIER_TRACKING_HOSTS, False),
        ("xn--bcher-kva.de", ("bücher.de",), True),
        ("", AMAZON_DOMAINS, False),
    ],
)
def test_host_matches(host: str, domains: tuple[str, ...], expected: bool) -> None:
    assert urls.host_matches(host, domains) is expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [("bit.ly", True), ("www.bit.ly", True), ("t.co", True), ("amzn.to", False), ("example.com", False)],
)
def test_is_shortener(host: str, expected: bool) -> None:
    assert urls.is_shortener(host) is expected


@pytest.mark.parametrize(
    "text",
    [
        "a" * 2_000_000,
        "a." * 1_000_000,
        "a dot " * 300_000,
        "a [dot] " * 250_000,
        "点" * 1_000_000,
        "http://" * 250_000,
        ("abcdefghij." * 10 + " ") * 18_000,
        "ab.com " * 100_000,
    ],
    ids=["letters", "dots", "dot-words", "bracketed", "cjk-dots", "schemes", "long-hosts", "many-domains"],
)
def test_large_inputs_stay_fast(text: str) -> None:
    urls.find("warm up example.com")
    start = time.perf_counter()
    urls.find(text)
    assert time.perf_counter() - start < 10


def test_where_the_limits_stop_the_search_is_reported() -> None:
    from parley.policy.detectors.urls import MAX_MATCHES, find, first_unexamined

    text = "See https://www.amazon.se/dp/B000000001 for the manual."
    assert first_unexamined(text, find(text)) is None
    padded = "https://www.amazon.se/a " * MAX_MATCHES + "https://shop.example.com/x"
    found = find(padded)
    assert len(found) == MAX_MATCHES
    span = first_unexamined(padded, found)
    assert span is not None and padded[span[0] : span[1]] == "https://www.amazon.se/a"
    assert span[0] == len("https://www.amazon.se/a ") * (MAX_MATCHES - 1)
