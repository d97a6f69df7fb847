"""Development corpus quality: eligible precision >= 0.95 and recall >= 0.85 per language."""

from __future__ import annotations

import pytest

from feedback_quality import CORPUS, TARGET_PRECISION, TARGET_RECALL, Counts, evaluate, load_dir

CORPORA = load_dir(CORPUS)


def test_every_language_has_a_corpus_of_about_half_eligible_comments() -> None:
    assert set(CORPORA) >= {"en", "sv", "nl", "de", "fr"}
    for items in CORPORA.values():
        assert len(items) >= 40
        assert 0.3 <= sum(item.eligible for item in items) / len(items) <= 0.7
        assert len({item.id for item in items}) == len(items)


@pytest.mark.parametrize("language", sorted(CORPORA))
def test_dev_precision_and_recall(language: str) -> None:
    counts: Counts = evaluate(CORPORA[language])
    misses = [f"{item.id}: {item.comment}" for item, result in counts.misses if result.eligible != item.eligible]
    assert counts.precision >= TARGET_PRECISION, misses
    assert counts.recall >= TARGET_RECALL, misses
