"""Table tests for the emoji, emoticon and kaomoji detector."""

from __future__ import annotations

import pytest

from parley.policy.detectors import emoji

# (text, the values found in order)
CASES: list[tuple[str, list[str]]] = [
    # emoji, one match per sequence
    ("Thanks 😀", ["😀"]),
    ("Thumbs 👍🏽 up", ["👍🏽"]),
    ("Family 👨‍👩‍👧 photo", ["👨‍👩‍👧"]),
    ("Non-standard ZWJ 👨‍🦲‍👩 pair", ["👨‍🦲‍👩"]),
    ("Flags 🇸🇪🇩🇪", ["🇸🇪", "🇩🇪"]),
    ("Scotland 🏴󠁧󠁢󠁳󠁣󠁴󠁿", ["🏴󠁧󠁢󠁳󠁣󠁴󠁿"]),
    ("Step 1️⃣ then #️⃣", ["1️⃣", "#️⃣"]),
    ("Red heart ❤️ and plain ❤", ["❤️", "❤"]),
    ("Suit ♥ and face ☺", ["♥", "☺"]),
    ("Heart with text selector ♥︎", ["♥︎"]),
    ("Two in a row 👋🏻👋", ["👋🏻", "👋"]),
    ("Stars ⭐⭐", ["⭐", "⭐"]),
    ("Done ✅", ["✅"]),
    ("Copyright as emoji ©️", ["©️"]),
    # typography, not emoji
    ("✓ Shipped, ★★★★☆", []),
    ("Brand® Cable™ © 2024", []),
    ("Arrows ➡ ⬅ ↩ and ✔ ✖ ▶ ▪", []),
    ("Sizes ♀ ♂ and ‼ ⁉", []),
    ("Bullets • ● and … – —", []),
    # western emoticons
    ("Thanks :)", [":)"]),
    ("Thanks :-) bye ;-)", [":-)", ";-)"]),
    ("Great :D and :-D", [":D", ":-D"]),
    ("Tongue :P :p :-P", [":P", ":p", ":-P"]),
    ("Sad :( and :-( and :'(", [":(", ":-(", ":'("]),
    ("Hmm :-/ ok", [":-/"]),
    ("Cool 8-) and =)", ["8-)", "=)"]),
    ("Back (: there", ["(:"]),
    ("Angry >:( now", [">:("]),
    ("Many :)))", [":)))"]),
    ("Thanks!:)", [":)"]),
    ("ありがとう:)", [":)"]),
    ("Love <3", ["<3"]),
    ("Love <333!", ["<333"]),
    ("Haha XD", ["XD"]),
    # kaomoji
    ("Thanks ^_^", ["^_^"]),
    ("Thanks^^", ["^^"]),
    ("Sorry ^^;", ["^^;"]),
    ("(^_^) hello", ["(^_^)"]),
    ("Oops (>_<)", ["(>_<)"]),
    ("Yay (*^▽^*)", ["(*^▽^*)"]),
    ("Flip (╯°□°）╯︵ ┻━┻", ["(╯°□°）╯︵ ┻━┻"]),
    ("Shrug ¯\\_(ツ)_/¯", ["¯\\_(ツ)_/¯"]),
    ("Cute (｡◕‿◕｡)", ["(｡◕‿◕｡)"]),
    ("Bow m(_ _)m", ["m(_ _)m"]),
    ("Crying T_T", ["T_T"]),
    ("What o_O", ["o_O"]),
    ("Defeated orz", ["orz"]),
    ("Unlisted (◕ω◕)", ["(◕ω◕)"]),
    ("Arms ヽ(°ー°)ノ", ["ヽ(°ー°)ノ"]),
    ("Heart inside a face ヽ(♥‿♥)ノ", ["ヽ(♥‿♥)ノ"]),
    # not emoticons
    ("Re:Order 203-1234567-1234567", []),
    ("Note:Delivery tomorrow", []),
    ("Open 12:30 and 10:00-18:00", []),
    ("See http://x.example and https://y.example/a", []),
    ("Scale 1:1, ratio 3:2, 16:9", []),
    ("Article Art.:D-123", []),
    ("Path C:\\Invoices", []),
    ("Id x:D and y:P", []),
    ("Lists (1) (2) a) b) c)", []),
    ("Swedish :Paketet", []),
    ("Less than <3 days", []),
    ("Model XD-200 and XD 300", []),
    ("Word orzeł and Orz", []),
    ("Math x^2 and 10^^3", []),
    ("Identifier SKU_T_T_1", []),
    ("Temperatures (25°C) (°F)", []),
    ("Smiley-like a;) b:)", []),
    ("Footnote text:*", []),
    ("Empty (    ) and (...) and (*)", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_find(text: str, expected: list[str]) -> None:
    assert [match.value for match in emoji.find(text)] == expected


def test_spans_point_at_the_match() -> None:
    text = "Hi :-) and 👍🏽!"
    for match in emoji.find(text):
        assert text[match.span[0] : match.span[1]] == match.value


@pytest.mark.parametrize(
    ("text", "kind"),
    [("😀", "emoji"), (":-)", "emoticon"), ("^_^", "kaomoji"), ("(◕ω◕)", "kaomoji"), ("<3", "emoticon")],
)
def test_kinds(text: str, kind: str) -> None:
    (match,) = emoji.find(text)
    assert match.kind == kind


def test_emoji_pattern_is_the_cldr_name() -> None:
    (match,) = emoji.find("👍")
    assert match.pattern == ":thumbs_up:"


@pytest.mark.parametrize(
    ("alt", "expected"),
    [("😀", True), (" 👍🏽 🎉 ", True), ("Logo", False), ("Logo 😀", False), ("", False), ("©", False)],
)
def test_is_only_emoji(alt: str, expected: bool) -> None:
    assert emoji.is_only_emoji(alt) is expected


def test_large_input_is_fast_enough() -> None:
    text = "Hello, order 12:30 (see note) Re:Order http://x.example :) 😀 " * 20000
    found = emoji.find(text)
    assert len(found) == 40000
