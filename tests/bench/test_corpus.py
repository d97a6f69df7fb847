"""The benchmark corpus puts its planted items exactly where its ground truth says."""

from __future__ import annotations

import itertools

import phonenumbers
import pytest

from corpus import MAX_BYTES, MIN_BYTES, CorpusMessage, Plant, build_corpus, corpus_fingerprint
from parley.policy.context import LANGUAGES
from parley.policy.message import Message
from plants import KINDS, RULE_FOR_KIND

SEED = 7


@pytest.fixture(scope="module")
def corpus() -> list[CorpusMessage]:
    return build_corpus(50, seed=SEED)


def test_corpus_is_varied(corpus: list[CorpusMessage]) -> None:
    assert {m.lang for m in corpus} == set(LANGUAGES)
    assert {m.format for m in corpus} == {"text", "html"}
    assert all(MIN_BYTES <= m.size <= MAX_BYTES for m in corpus)
    assert {p.kind for m in corpus for p in m.plants} == set(KINDS)


def test_corpus_is_deterministic(corpus: list[CorpusMessage]) -> None:
    again = build_corpus(50, seed=SEED)
    assert corpus_fingerprint(again) == corpus_fingerprint(corpus)
    assert [m.plants for m in again] == [m.plants for m in corpus]
    assert corpus_fingerprint(build_corpus(50, seed=SEED + 1)) != corpus_fingerprint(corpus)


def test_plants_are_at_their_source_spans(corpus: list[CorpusMessage]) -> None:
    for message in corpus:
        spans = sorted(p.span for p in message.plants)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), f"#{message.id} overlapping plants"
        for plant in message.plants:
            start, end = plant.span
            assert message.source[start:end] == plant.value, f"#{message.id} {plant}"
            assert plant.rule == RULE_FOR_KIND[plant.kind]


def test_plants_are_where_the_engine_looks(corpus: list[CorpusMessage]) -> None:
    """Text plants are visible text mapping back to their span; href plants are the href of a link."""
    for message in corpus:
        parsed = Message.parse(message.source, input_format=message.format)
        assert parsed.source == message.source
        for plant in message.plants:
            if plant.where == "href":
                assert any(
                    link.href == plant.value and link.span[0] <= plant.span[0] < link.span[1] for link in parsed.links
                ), f"#{message.id} {plant}"
            else:
                assert plant.span in _text_occurrences(parsed, plant), f"#{message.id} {plant}"


def test_phone_plants_are_valid_numbers_of_their_region(corpus: list[CorpusMessage]) -> None:
    phones = [p for m in corpus for p in m.plants if p.kind == "phone"]
    assert phones
    for plant in phones:
        number = phonenumbers.parse(plant.value, plant.region)
        assert phonenumbers.is_valid_number(number), plant
        assert phonenumbers.region_code_for_number(number) == plant.region, plant


def _text_occurrences(message: Message, plant: Plant) -> list[tuple[int, int]]:
    found, start = [], message.text.find(plant.value)
    while start != -1:
        found.append(message.source_span(start, start + len(plant.value)))
        start = message.text.find(plant.value, start + 1)
    return found
