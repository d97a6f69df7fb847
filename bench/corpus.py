"""A deterministic benchmark corpus built from the project's own sentences, with planted contact details.

The material is every rule's example sentences (``Rule.examples``, all ten languages) and
the messages in ``examples/``. Messages are assembled from that material, in plain text or
HTML, between 200 bytes and 20 KB, and e-mail addresses, phone numbers and links are
planted in them. Each plant's position in ``Message.source`` is recorded as it is written,
so recall can be measured: a plant counts as found when a finding of its rule overlaps it.

The corpus grows with the rules: more rules bring more example sentences. Compare runs by
the fingerprint (``corpus_fingerprint``), which changes whenever a message does.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import plants
from parley.policy.context import LANGUAGES
from parley.policy.message import Message, detect_format
from parley.policy.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
MIN_BYTES = 200
MAX_BYTES = 20_000
SMALL_BYTES = 5_000

_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source", "track"})
_PROBE = "zqxbenchprobe"
_BODY = re.compile(r"<body[^>]{0,500}>(.*)</body>", re.IGNORECASE | re.DOTALL)
_HTML_WRAPPERS = (
    ("<p>", "</p>\n"),
    ("<p>", "</p>\n"),
    ("<div>", "</div>\n"),
    ('<p><span style="color:#333333">', "</span></p>\n"),
    ("<table><tr><td>", "</td></tr></table>\n"),
    ("<ul><li>", "</li></ul>\n"),
    ("<blockquote>", "</blockquote>\n"),
)


@dataclass(frozen=True)
class Plant:
    """A planted item: ``source[span[0]:span[1]] == value``; ``where`` is ``text`` or ``href``."""

    kind: str
    rule: str
    value: str
    style: str
    span: tuple[int, int]
    where: str = "text"
    region: str = ""


@dataclass(frozen=True)
class CorpusMessage:
    id: int
    lang: str
    format: Literal["text", "html"]
    source: str
    plants: tuple[Plant, ...]
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def size(self) -> int:
        """Size in bytes (UTF-8)."""
        return len(self.source.encode("utf-8"))

    def parse(self) -> Message:
        return Message.parse(self.source, input_format=self.format)


@dataclass(frozen=True)
class Material:
    text: dict[str, tuple[str, ...]]
    """Plain-text blocks (sentences or paragraphs) per language."""
    html: dict[str, tuple[str, ...]]
    """HTML fragments per language that close every element they open."""


@cache
def gather_material() -> Material:
    text: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    fragments: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for rule in all_rules():
        for example in rule.examples:
            if example.format == "html":
                if _closes_cleanly(example.text):
                    fragments[example.lang].append(example.text.strip())
            else:
                text[example.lang].extend(_blocks(_visible_body(example.text)))
    for path in sorted(EXAMPLES_DIR.glob("*")):
        lang = path.stem.rsplit("-", 1)[-1]
        if lang not in text or not path.is_file():
            continue
        message = Message.parse(path.read_bytes())
        text[lang].extend(_blocks(message.body_text))
        if message.is_html:
            inner = html_body(message.source).strip()
            if _closes_cleanly(inner):
                fragments[lang].append(inner)
    missing = [lang for lang in LANGUAGES if not text[lang]]
    if missing:
        raise RuntimeError(f"no example sentences in {', '.join(missing)}: are the rules importable?")
    return Material(
        text={lang: tuple(_unique(blocks)) for lang, blocks in text.items()},
        html={lang: tuple(_unique(blocks)) for lang, blocks in fragments.items()},
    )


def build_corpus(count: int = 1000, seed: int = 20240601) -> list[CorpusMessage]:
    """``count`` messages, the same ones for the same seed and the same project material."""
    material = gather_material()
    rng = random.Random(seed)
    messages = []
    for index in range(count):
        lang = LANGUAGES[index % len(LANGUAGES)]
        fmt: Literal["text", "html"] = "html" if rng.random() < 0.5 else "text"
        target = _target_size(rng)
        builder = _HtmlBuilder(rng, lang) if fmt == "html" else _TextBuilder(rng, lang)
        messages.append(builder.build(index, material, target))
    return messages


def corpus_fingerprint(messages: Iterable[CorpusMessage]) -> str:
    digest = hashlib.sha256()
    for message in messages:
        digest.update(message.source.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()[:12]


def html_body(source: str) -> str:
    """What is between ``<body>`` and ``</body>``, or the whole source when there is no body element."""
    body = _BODY.search(source)
    return body.group(1) if body else source


def _target_size(rng: random.Random) -> int:
    """Mostly short messages, as sellers write them; one in ten between 5 and 20 KB."""
    roll = rng.random()
    if roll < 0.65:
        low, high = MIN_BYTES, 2_000
    elif roll < 0.9:
        low, high = 2_000, SMALL_BYTES
    else:
        low, high = SMALL_BYTES, MAX_BYTES - 1_000
    return int(low * (high / low) ** rng.random())


def _plant_count(rng: random.Random, target: int) -> int:
    count = rng.choices((0, 1, 2, 3), weights=(25, 40, 25, 10))[0]
    if target > SMALL_BYTES:
        count += rng.randint(1, 3)
    return count


class _Builder:
    """Appends pieces and keeps track of the source offset, so plants know where they are."""

    format: Literal["text", "html"]

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng = rng
        self.lang = lang
        self.pieces: list[str] = []
        self.length = 0
        self.size = 0
        self.plants: list[Plant] = []

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self.length += len(piece)
        self.size += len(piece.encode("utf-8"))

    def add_plant(self, item: plants.Item, where: str = "text") -> None:
        start = self.length
        self.add(item.value)
        self.plants.append(
            Plant(
                item.kind,
                plants.RULE_FOR_KIND[item.kind],
                item.value,
                item.style,
                (start, self.length),
                where,
                item.region,
            )
        )

    def build(self, index: int, material: Material, target: int) -> CorpusMessage:
        blocks = material.text[self.lang]
        fragments = material.html[self.lang]
        pending = [self.rng.choice(plants.KINDS) for _ in range(_plant_count(self.rng, target))]
        self.open()
        limit = max(MIN_BYTES, target)
        while self.size < limit or pending:
            if pending and (self.size >= limit or self.rng.random() < 0.25):
                self.plant_sentence(plants.make(self.rng, pending.pop(), self.lang))
                continue
            if self.size > MAX_BYTES - 1_500:
                pending.clear()
                break
            if fragments and self.format == "html" and self.rng.random() < 0.15:
                self.add(self.rng.choice(fragments) + "\n")
            else:
                self.block(self.rng.choice(blocks))
        self.close()
        source = "".join(self.pieces)
        for plant in self.plants:
            assert source[plant.span[0] : plant.span[1]] == plant.value, plant
        context: dict[str, Any] = {}
        if self.rng.random() < 0.5:
            context["buyer_language"] = self.lang
        return CorpusMessage(index, self.lang, self.format, source, tuple(self.plants), context)

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def block(self, text: str) -> None:
        raise NotImplementedError

    def plant_sentence(self, item: plants.Item) -> None:
        raise NotImplementedError


class _TextBuilder(_Builder):
    format = "text"

    def __init__(self, rng: random.Random, lang: str) -> None:
        super().__init__(rng, lang)
        self.newline = "\r\n" if rng.random() < 0.1 else "\n"
        self.quoting = False

    def separator(self) -> None:
        if not self.pieces:
            return
        roll = self.rng.random()
        self.add(" " if roll < 0.3 and not self.quoting else self.newline * (1 if roll < 0.5 else 2))

    def block(self, text: str) -> None:
        self.separator()
        if self.rng.random() < 0.03:
            self.quoting = not self.quoting
        if self.quoting:
            text = "> " + text.replace("\n", "\n> ")
        self.add(text.replace("\n", self.newline))

    def plant_sentence(self, item: plants.Item) -> None:
        self.separator()
        before, after = plants.template(self.rng, item.kind, self.lang)
        self.add(before)
        self.add_plant(item)
        self.add(after)


class _HtmlBuilder(_Builder):
    format = "html"

    def open(self) -> None:
        self.document = self.rng.random() < 0.6
        if self.document:
            self.add(
                f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
                "<style>p { margin: 0 0 1em; } td { padding: 4px; }</style>\n</head>\n<body>\n"
            )
        else:
            self.add('<div style="font-family: Arial, sans-serif; font-size: 14px">\n')

    def close(self) -> None:
        self.add("</body>\n</html>\n" if self.document else "</div>\n")

    def block(self, text: str) -> None:
        opening, closing = self.rng.choice(_HTML_WRAPPERS)
        self.add(opening + html.escape(text, quote=False).replace("\n", "<br>\n") + closing)

    def plant_sentence(self, item: plants.Item) -> None:
        before, after = plants.template(self.rng, item.kind, self.lang)
        self.add("<p>" + html.escape(before, quote=False))
        assert html.escape(item.value) == item.value, item
        if item.kind == "url" and self.rng.random() < 0.4:
            self.add('<a href="')
            href = item.value if item.style in ("https", "http") else "https://" + item.value
            self.add_plant(plants.Item(item.kind, href, item.style + "-href", item.region), where="href")
            self.add('">' + html.escape(plants.LINK_TEXTS[self.lang]) + "</a>")
        elif self.rng.random() < 0.3:
            self.add("<b>")
            self.add_plant(item)
            self.add("</b>")
        else:
            self.add_plant(item)
        self.add(html.escape(after, quote=False) + "</p>\n")


def _visible_body(text: str) -> str:
    """The body of an example written as a whole e-mail (headers, MIME parts); other text as it is."""
    data = text.encode("utf-8")
    if detect_format(data) != "mime":
        return text
    message = Message.parse(data)
    return "" if message.is_html else message.body_text


def _blocks(text: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _closes_cleanly(fragment: str) -> bool:
    """True if the fragment closes what it opens, so text placed after it is ordinary visible text."""
    if re.search(r"<(?:body|html|head)\b", fragment, re.IGNORECASE):
        return False
    message = Message.from_html(fragment + f"<p>{_PROBE}</p>")
    if not message.text.rstrip().endswith(_PROBE):
        return False
    depth: dict[str, int] = {}
    for token in message.tokens:
        if token.name in _VOID:
            continue
        if token.kind == "start":
            depth[token.name] = depth.get(token.name, 0) + 1
        elif token.kind == "end":
            depth[token.name] = depth.get(token.name, 0) - 1
    return all(value == 0 for value in depth.values())
