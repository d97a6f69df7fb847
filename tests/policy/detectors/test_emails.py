"""E-mail addresses: plain, mailto:, disguised in ten languages, and the look-alikes that are not addresses."""

from __future__ import annotations

import time

import pytest

from parley.policy.context import AMAZON_DOMAINS
from parley.policy.detectors import emails


def found(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.span[0] : m.span[1]], m.address, m.kind) for m in emails.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain
        ("Mail jane@example.com today", [("jane@example.com", "jane@example.com", "plain")]),
        ("jane.doe@example.co.uk", [("jane.doe@example.co.uk", "jane.doe@example.co.uk", "plain")]),
        ("orders+returns@shop.se", [("orders+returns@shop.se", "orders+returns@shop.se", "plain")]),
        ("O'Brien@example.ie", [("O'Brien@example.ie", "O'Brien@example.ie", "plain")]),
        ("jane_doe@sub.example.co.jp", [("jane_doe@sub.example.co.jp", "jane_doe@sub.example.co.jp", "plain")]),
        ("müller@bücher.de", [("müller@bücher.de", "müller@bücher.de", "plain")]),
        ("почта@пример.рф", [("почта@пример.рф", "почта@пример.рф", "plain")]),
        ("info@xn--bcher-kva.de", [("info@xn--bcher-kva.de", "info@xn--bcher-kva.de", "plain")]),
        ("jane@例え.jp", [("jane@例え.jp", "jane@例え.jp", "plain")]),
        ("x@example.中国请联系", [("x@example.中国", "x@example.中国", "plain")]),
        ("SALES@EXAMPLE.COM", [("SALES@EXAMPLE.COM", "SALES@example.com", "plain")]),
        ("'jane@example.com'", [("jane@example.com", "jane@example.com", "plain")]),
        ("«jane@example.fr»", [("jane@example.fr", "jane@example.fr", "plain")]),
        ("写真をjane@example.jpまでお送りください。", [("jane@example.jp", "jane@example.jp", "plain")]),
        ("jane@example.com.Thanks", [("jane@example.com", "jane@example.com", "plain")]),
        ("me at jane.doe@example.com", [("jane.doe@example.com", "jane.doe@example.com", "plain")]),
        (
            "a@example.com, b@example.org",
            [("a@example.com", "a@example.com", "plain"), ("b@example.org", "b@example.org", "plain")],
        ),
        # mailto
        ("mailto:jane@example.com", [("mailto:jane@example.com", "jane@example.com", "mailto")]),
        ("MAILTO:jane@example.com", [("MAILTO:jane@example.com", "jane@example.com", "mailto")]),
        ("mailto:jane%40example.com", [("mailto:jane%40example.com", "jane@example.com", "mailto")]),
        # disguised
        ("jane [at] example [dot] com", [("jane [at] example [dot] com", "jane@example.com", "obfuscated")]),
        ("jane(at)example.com", [("jane(at)example.com", "jane@example.com", "obfuscated")]),
        ("jane {at} example.com", [("jane {at} example.com", "jane@example.com", "obfuscated")]),
        ("jane AT example DOT com", [("jane AT example DOT com", "jane@example.com", "obfuscated")]),
        ("jane at example dot com.", [("jane at example dot com", "jane@example.com", "obfuscated")]),
        ("info at myshop.se", [("info at myshop.se", "info@myshop.se", "obfuscated")]),
        (" jane @ example . com ", [("jane @ example . com", "jane@example.com", "obfuscated")]),
        ("jane@ example.com", [("jane@ example.com", "jane@example.com", "obfuscated")]),
        ("jane＠example.com", [("jane＠example.com", "jane@example.com", "obfuscated")]),
        ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", [("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "jane@example.com", "obfuscated")]),
        ("anna snabel-a butik punkt se", [("anna snabel-a butik punkt se", "anna@butik.se", "obfuscated")]),
        ("jan apenstaartje winkel punt nl", [("jan apenstaartje winkel punt nl", "jan@winkel.nl", "obfuscated")]),
        ("max ät beispiel punkt de", [("max ät beispiel punkt de", "max@beispiel.de", "obfuscated")]),
        ("max(ät)beispiel.de", [("max(ät)beispiel.de", "max@beispiel.de", "obfuscated")]),
        ("info [at] firma [punkt] de", [("info [at] firma [punkt] de", "info@firma.de", "obfuscated")]),
        ("jan małpa sklep kropka pl", [("jan małpa sklep kropka pl", "jan@sklep.pl", "obfuscated")]),
        ("jean arobase boutique point fr", [("jean arobase boutique point fr", "jean@boutique.fr", "obfuscated")]),
        ("juan arroba tienda punto es", [("juan arroba tienda punto es", "juan@tienda.es", "obfuscated")]),
        (
            "mario chiocciola negozio punto it",
            [("mario chiocciola negozio punto it", "mario@negozio.it", "obfuscated")],
        ),
        ("taroアットマークexampleドットjp", [("taroアットマークexampleドットjp", "taro@example.jp", "obfuscated")]),
        ("zhang 艾特 example 点 com", [("zhang 艾特 example 点 com", "zhang@example.com", "obfuscated")]),
        ("请发到zhang艾特163点com", [("zhang艾特163点com", "zhang@163.com", "obfuscated")]),
        # not addresses
        ("Delivery @ 5 pm", []),
        ("Spare filters @ 12.50 each", []),
        ("@ 12.50 each", []),
        ("2 st @ 12.50 kr", []),
        ("Follow @shopname", []),
        ("Follow us @my.shop", []),
        ("meet at the station", []),
        ("I'll meet you at the station. It is near.", []),
        ("look at example", []),
        ("look at example.com", []),
        ("we look at the dot com era", []),
        ("available at amazon.de", []),
        ("visit us at www.shop.com", []),
        ("logo@2x.png", []),
        ("firmware@1.2.3", []),
        ("admin@localhost", []),
        ("backup@archive.thanks", []),
        ("jane@example.comfy", []),
        ("jane%40example.com without mailto", []),
        ("アットホームな雰囲気です。", []),
        ("下午3点发货", []),
        ("", []),
    ],
)
def test_find(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("jane@example.com", "name@domain.tld"),
        ("mailto:jane@example.com", "mailto:name@domain.tld"),
        ("jane [at] example [dot] com", "name [at] domain [dot] tld"),
        ("anna snabel-a butik punkt se", "name snabel-a domain punkt tld"),
        ("jane＠example.com", "name＠domain.tld"),
    ],
)
def test_pattern_says_how_it_was_written(text: str, pattern: str) -> None:
    assert [m.pattern for m in emails.find(text)] == [pattern]


@pytest.mark.parametrize(
    ("href", "addresses"),
    [
        ("mailto:jane@example.com", ["jane@example.com"]),
        ("MAILTO:Jane@Example.COM?subject=Hi", ["Jane@example.com"]),
        ("mailto:a@example.com,b@example.org", ["a@example.com", "b@example.org"]),
        ("mailto:jane%40example.com", ["jane@example.com"]),
        ("mailto:?subject=Order", []),
        ("https://example.com/?mail=jane@example.com", []),
    ],
)
def test_mailto_addresses(href: str, addresses: list[str]) -> None:
    assert emails.mailto_addresses(href) == addresses


@pytest.mark.parametrize(
    ("address", "relay"),
    [
        ("knsrqr1h8bkp9yh@marketplace.amazon.com", True),
        ("6bmcx2l1t7cwrwb@marketplace.amazon.co.uk", True),
        ("abc@MARKETPLACE.AMAZON.DE", True),
        ("abc@amazon.com", False),
        ("abc@marketplace.amazon.com.example.net", False),
        ("abc@marketplace.example.com", False),
    ],
)
def test_relay_alias(address: str, relay: bool) -> None:
    assert emails.is_relay_alias(address, AMAZON_DOMAINS) is relay


@pytest.mark.parametrize(("label", "known"), [("com", True), ("SE", True), ("рф", True), ("png", False), ("50", False)])
def test_top_level_domain(label: str, known: bool) -> None:
    assert emails.is_top_level_domain(label) is known


@pytest.mark.parametrize(
    "text",
    [
        "a at b dot " * 20_000,
        "a@b.c " * 40_000,
        "@" * 200_000,
        "x@" + "a." * 100_000,
        ("a" * 63 + "@" + "b" * 62 + ".") * 3_000,
        "jane [at] example [dot] " * 10_000,
    ],
)
def test_hostile_input_takes_linear_time(text: str) -> None:
    started = time.perf_counter()
    emails.find(text)
    assert time.perf_counter() - started < 5
