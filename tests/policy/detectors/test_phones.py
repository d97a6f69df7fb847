"""Phone numbers in ten countries' formats, the numbers that only look like them, and exempt contexts."""

from __future__ import annotations

import time

import pytest

from parley.policy.context import DEFAULT_PHONE_REGIONS
from parley.policy.detectors import phones


def found(text: str, regions: tuple[str, ...] = DEFAULT_PHONE_REGIONS) -> list[tuple[str, str]]:
    return [(text[m.span[0] : m.span[1]], m.e164) for m in phones.find(text, regions)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # local formats
        ("Ring 08-123 456 78.", [("08-123 456 78", "+46812345678")]),
        ("Mobil 070-123 45 67", [("070-123 45 67", "+46701234567")]),
        ("Bel 020 123 4567", [("020 123 4567", "+46201234567")]),
        ("Bel 06-12345678", [("06-12345678", "+46612345678")]),
        ("Telefon 030 12345678", [("030 12345678", "+493012345678")]),
        ("Tel. 030/12345678", [("030/12345678", "+493012345678")]),
        ("Appelez le 01 23 45 67 89", [("01 23 45 67 89", "+46123456789")]),
        ("Tél. 01.23.45.67.89", [("01.23.45.67.89", "+46123456789")]),
        ("Llame al 912 345 678", [("912 345 678", "+34912345678")]),
        ("Tel. 22 123 45 67", [("22 123 45 67", "+48221234567")]),
        ("電話03-1234-5678まで", [("03-1234-5678", "+46312345678")]),
        ("電話：０３−１２３４−５６７８", [("０３−１２３４−５６７８", "+46312345678")]),
        ("手机13800138000", [("13800138000", "+8613800138000")]),
        ("请打138 0013 8000", [("138 0013 8000", "+8613800138000")]),
        ("Call (212) 555-0143", [("(212) 555-0143", "+12125550143")]),
        ("Call 212-555-0143", [("212-555-0143", "+12125550143")]),
        # international
        ("Call +44 20 7946 0958.", [("+44 20 7946 0958", "+442079460958")]),
        ("Call 0044 20 7946 0958.", [("0044 20 7946 0958", "+442079460958")]),
        ("Ring +46 (0)8-123 456 78", [("+46 (0)8-123 456 78", "+46812345678")]),
        ("WhatsApp +46701234567", [("+46701234567", "+46701234567")]),
        ("WhatsApp 0046701234567", [("0046701234567", "+46701234567")]),
        ("+1 (212) 555-0143", [("+1 (212) 555-0143", "+12125550143")]),
        # several
        (
            "Ring 08-123 456 78 eller 070-123 45 67.",
            [("08-123 456 78", "+46812345678"), ("070-123 45 67", "+46701234567")],
        ),
        (
            "08-123 456 78 / 070-123 45 67",
            [("08-123 456 78", "+46812345678"), ("070-123 45 67", "+46701234567")],
        ),
        ("（03-1234-5678）", [("03-1234-5678", "+46312345678")]),
        ("Questions about your order: 070-123 45 67", [("070-123 45 67", "+46701234567")]),
        # order IDs and tracking numbers
        ("Order 203-1234567-1234567", []),
        ("Order 203 1234567 1234567", []),
        ("Order 20312345671234567", []),
        ("Tracking 1Z999AA10123456784", []),
        ("Parcel 00340434161094042557", []),
        ("USPS 9400111899223856928499", []),
        ("RR123456785SE", []),
        ("JJD000390007880058", []),
        ("Sendungsnummer 1234567890 bei DHL", []),
        ("Your DHL tracking number is 1234567890.", []),
        ("Spårningsnummer hos DHL: 1234567890", []),
        # dates and times
        ("Shipped 2024-05-12", []),
        ("Versand am 12.05.2024", []),
        ("Expédié le 12/05/2024", []),
        ("Betriebsferien 07.05.2024-08.05.2024", []),
        ("2024年5月12日に発送", []),
        ("12.05.2024 08:00", []),
        ("Öppet 08:00-17:00, lördag 10.00–14.00", []),
        # prices
        ("Preis: € 1.234,56", []),
        ("Totalt 1,299.00 SEK", []),
        ("Soffan kostar 1 299 000 kr.", []),
        ("価格は¥12,800です", []),
        ("价格1280000元", []),
        # postcodes
        ("Storgatan 12, 114 55 Stockholm", []),
        ("Kerkstraat 12, 1012 AB Amsterdam", []),
        ("Hauptstraße 5, 10115 Berlin", []),
        ("ul. Prosta 1, 00-950 Warszawa", []),
        ("〒100-0001 東京都", []),
        # codes
        ("ASIN B08N5WRWNW", []),
        ("SKU-4711-0815", []),
        ("EAN 4006381333931", []),
        ("Barcode 4 006381 333931", []),
        ("ISBN 978-3-16-148410-0", []),
        ("IBAN SE45 5000 0000 0583 9825 7466", []),
        ("Momsreg.nr SE556677889901", []),
        ("USt-IdNr. DE 123 456 789", []),
        ("Item 12345678X", []),
        # numbers after labels
        ("Invoice no. 2024001234", []),
        ("Invoice 2024001234", []),
        ("Faktura nr 123 456 789", []),
        ("Rechnung Nr. 2024001234", []),
        ("Ihre Kundennummer 123 456 789", []),
        ("注文番号：2501234567", []),
        ("运单号：SF1234567890123", []),
        ("Bankgiro 123-4567", []),
        # inside URLs and addresses
        ("https://example.com/item/0701234567", []),
        ("0701234567@example.com", []),
        # too short, or glued to a word
        ("Room 12345", []),
        ("Tel0701234567", []),
        ("", []),
    ],
)
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        ("Ring 08-123 456 78", ("US",), []),
        ("Ring 08-123 456 78", ("DE", "SE"), [("08-123 456 78", "+49812345678")]),
        ("Call +44 20 7946 0958", (), [("+44 20 7946 0958", "+442079460958")]),
        ("電話03-1234-5678", ("JP", "SE"), [("03-1234-5678", "+81312345678")]),
        ("电话010-1234-5678", ("CN", "IT"), [("010-1234-5678", "+861012345678")]),
        ("Call 0044 20 7946 0958", ("US",), [("0044 20 7946 0958", "+442079460958")]),
    ],
)
def test_regions_decide_national_formats(text: str, regions: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    assert found(text, regions) == expected


def test_match_says_how_it_was_read() -> None:
    international, national = phones.find("+44 20 7946 0958 or 08-123 456 78", ("SE",))
    assert (international.pattern, international.region) == ("international", "GB")
    assert (national.pattern, national.region) == ("national (SE)", "SE")


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("For warranty claims call the manufacturer on 0800 123 4567.", ["manufacturer"]),
        ("Warranty hotline: 0800 111 2222 or 0800 111 3333", ["Warranty", "Warranty"]),
        ("Warranty: 0800 111 2222, my mobile 070-123 45 67", ["Warranty", None]),
        ("Warranty? Call me: 070-123 45 67", [None]),
        ("The warranty is 2 years. Call us on 070-123 45 67.", [None]),
        ("Garantie-Hotline des Herstellers:\n0800 123 4567", ["Herstellers"]),
        ("Der Paketdienst ist informiert.\nMeine Nummer: 030 12345678", [None]),
        ("PostNord kundtjänst: 0771-33 33 10", ["PostNord"]),
        ("Bring it back and call 070-123 45 67", [None]),
        ("Ring tillverkaren på 08-123 456 78", ["tillverkaren"]),
        ("Garantin gäller hos oss, ring 070-123 45 67", ["Garantin"]),
        ("Bel de vervoerder: 020 123 4567", ["vervoerder"]),
        ("Appelez le fabricant au 01 23 45 67 89", ["fabricant"]),
        ("Llame al fabricante: 912 345 678", ["fabricante"]),
        ("Il corriere risponde allo 02 1234 5678", ["corriere"]),
        ("Dzwonić do producenta: 22 123 45 67", ["producenta"]),
        ("保証はメーカー（03-1234-5678）へ", ["メーカー"]),
        ("保修请联系制造商：010-1234-5678", ["制造商"]),
    ],
)
def test_exempt_context(text: str, reasons: list[str | None]) -> None:
    assert phones.exempt_context(text, phones.find(text, DEFAULT_PHONE_REGIONS)) == reasons


@pytest.mark.parametrize(
    ("href", "number"),
    [
        ("tel:+46812345678", "+46812345678"),
        ("tel:+44-20-7946-0958", "+442079460958"),
        ("TEL:0046812345678", "+46812345678"),
        ("tel:08-123%2045678", "+46812345678"),
        ("callto:+12125550143", "+12125550143"),
        ("sms:+46701234567?body=hi", "+46701234567"),
        ("tel:12", None),
        ("mailto:jane@example.com", None),
        ("https://example.com/tel:123", None),
    ],
)
def test_tel_number(href: str, number: str | None) -> None:
    assert phones.tel_number(href, DEFAULT_PHONE_REGIONS) == number


@pytest.mark.parametrize(
    "text",
    [
        "The parcel arrives tomorrow. " * 20_000,
        "1" * 1_000_000,
        "1 " * 50_000,
        "070-123 45 67, " * 300,
        "Order 203-1234567-1234567 shipped 12.05.2024, € 1.234,56. " * 1_000,
    ],
)
def test_hostile_input_stays_bounded(text: str) -> None:
    started = time.perf_counter()
    phones.find(text, DEFAULT_PHONE_REGIONS)
    assert time.perf_counter() - started < 10


def test_numbers_past_the_candidate_limit_are_reported_as_unexamined() -> None:
    from parley.policy.detectors.phones import MAX_CANDIDATES, first_unexamined

    assert first_unexamined("Order 203-1234567-1234567, call 070-123 45 67") is None
    padded = "Lot 1234567 ok. " * (MAX_CANDIDATES + 1)
    span = first_unexamined(padded)
    assert span is not None and padded[span[0] : span[1]] == "1234567"
    assert span[0] == len("Lot 1234567 ok. ") * MAX_CANDIDATES + len("Lot ")
