"""The labelled corpora: their shape, and the block decision's precision and recall on the
development corpus in every language (the targets of bench/quality.py). The held-out set is only
checked for shape here: it measures generalisation and is never tuned to."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley import evaluation
from parley.policy.context import LANGUAGES

HERE = Path(__file__).parent
PRECISION, RECALL = 0.97, 0.95


@pytest.fixture(scope="module")
def report() -> evaluation.Report:
    return evaluation.evaluate(evaluation.load_dir(HERE / "corpus"))


@pytest.mark.parametrize("directory", ["corpus", "heldout"])
def test_corpora_are_well_formed(directory: str) -> None:
    items = evaluation.load_dir(HERE / directory)
    assert {item.language for item in items} == set(LANGUAGES)
    assert len({item.id for item in items}) == len(items)
    minimum = 40 if directory == "corpus" else 20
    for language in LANGUAGES:
        mine = [item for item in items if item.language == language]
        assert len(mine) >= minimum, language
        compliant = sum(1 for item in mine if not item.violates)
        assert 0.3 <= compliant / len(mine) <= 0.7, language


@pytest.mark.xdist_group("corpus")
@pytest.mark.parametrize("language", LANGUAGES)
def test_block_decision_meets_the_targets(report: evaluation.Report, language: str) -> None:
    counts = report.by_language[language]
    misses = [(what, outcome.item.id) for what, outcome in report.misses() if outcome.item.language == language]
    assert counts.precision >= PRECISION and counts.recall >= RECALL, misses


def test_a_bad_corpus_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sv.yaml"
    path.write_text("language: sv\nitems:\n  - id: x\n    text: hej\n    violates: [G-NOPE]\n", encoding="utf-8")
    with pytest.raises(evaluation.CorpusError, match="G-NOPE"):
        evaluation.load(path)
