"""Strike-through content test: precision and recall of ``eligible`` per language.

    python bench/feedback_quality.py                 # the development corpus, tests/strikethrough/corpus/
    python bench/feedback_quality.py --heldout       # the held-out set, tests/strikethrough/heldout/
    python bench/feedback_quality.py --lang sv --misses
    python bench/feedback_quality.py --detect        # let the classifier detect each comment's language

A corpus is ``<dir>/<lang>.yaml``, a list of items ``{id, comment, rating, eligible, about}``
(``about``: the expected labels other than ``other``). "Positive" is eligible for strike-through,
so a false positive is a real complaint that would be hidden. The held-out set is written by
other hands than the word lists and is never tuned to.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from parley import evaluation
from parley.policy.context import LANGUAGES
from parley.strikethrough import ABOUT_VALUES, Classification, classify

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "strikethrough" / "corpus"
HELDOUT = ROOT / "tests" / "strikethrough" / "heldout"
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.85
_LABELS = frozenset(ABOUT_VALUES) - {"other"}


class CorpusError(ValueError):
    """A corpus file that does not have the documented shape."""


@dataclass(frozen=True)
class Item:
    id: str
    language: str
    comment: str
    eligible: bool
    about: frozenset[str]


@dataclass
class Counts(evaluation.Counts):
    """The policy corpus's confusion counts, plus how often the labels were right and what was missed."""

    labels_right: int = 0
    misses: list[tuple[Item, Classification]] = field(default_factory=list)

    @property
    def items(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def passes(self) -> bool:
        return self.precision >= TARGET_PRECISION and self.recall >= TARGET_RECALL

    def add_result(self, item: Item, result: Classification) -> None:
        self.add(item.eligible, result.eligible)
        if set(result.about) - {"other"} == item.about:
            self.labels_right += 1
        else:
            self.misses.append((item, result))


def load(path: Path, language: str) -> list[Item]:
    """The items of one corpus file, validated."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CorpusError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, list):
        raise CorpusError(f"{path}: expected a list of items")
    items = []
    for raw in data:
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("comment"), str)
            or not isinstance(raw.get("eligible"), bool)
        ):
            raise CorpusError(f"{path}: each item needs a 'comment' string and an 'eligible' true/false: {raw!r}")
        about = frozenset(raw.get("about") or ())
        if not about <= _LABELS:
            raise CorpusError(f"{path}: {raw.get('id')}: unknown labels {sorted(about - _LABELS)}")
        items.append(Item(str(raw.get("id", "")), language, raw["comment"], raw["eligible"], about))
    return items


def load_dir(directory: Path, languages: tuple[str, ...] = LANGUAGES) -> dict[str, list[Item]]:
    """The corpus files under ``directory`` for ``languages``; absent files are left out."""
    return {
        language: load(directory / f"{language}.yaml", language)
        for language in languages
        if (directory / f"{language}.yaml").is_file()
    }


def evaluate(items: list[Item], *, detect: bool = False) -> Counts:
    counts = Counts()
    for item in items:
        counts.add_result(item, classify(item.comment, None if detect else item.language))
    return counts


def _row(name: str, counts: Counts) -> str:
    return (
        f"  {name:<6} {counts.items:>5} {counts.tp:>4} {counts.fp:>4} {counts.fn:>4}"
        f"  {counts.precision:>9.3f} {counts.recall:>7.3f} {counts.labels_right / max(counts.items, 1):>7.3f}"
        + ("   PASS" if counts.passes else "   MISS")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heldout", action="store_true", help="measure the held-out set instead")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="only these languages")
    parser.add_argument("--misses", action="store_true", help="list every item whose labels are wrong")
    parser.add_argument(
        "--detect", action="store_true", help="detect each comment's language instead of using the file's"
    )
    args = parser.parse_args()
    directory = HELDOUT if args.heldout else CORPUS
    corpora = load_dir(directory, tuple(args.lang or LANGUAGES))
    if not corpora:
        print(f"no corpus under {directory.relative_to(ROOT)} (yet)", file=sys.stderr)
        return 1
    classify("warm up: load the word lists and the language models", None)
    started = time.perf_counter()
    results = {language: evaluate(items, detect=args.detect) for language, items in corpora.items()}
    elapsed = time.perf_counter() - started
    total = Counts()
    for counts in results.values():
        for name in ("tp", "fp", "fn", "tn", "labels_right"):
            setattr(total, name, getattr(total, name) + getattr(counts, name))
        total.misses.extend(counts.misses)
    print(
        f"{directory.relative_to(ROOT)}: {total.items} comments, {elapsed:.2f} s "
        f"({total.items / max(elapsed, 1e-9):.0f} comments/s){', languages detected' if args.detect else ''}"
    )
    print(f"Eligible for strike-through (target precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL})")
    print(f"  {'':<6} {'n':>5} {'TP':>4} {'FP':>4} {'FN':>4}  {'precision':>9} {'recall':>7} {'labels':>7}")
    print(_row("all", total))
    for language in LANGUAGES:
        if language in results:
            print(_row(language, results[language]))
    print("  labels: share of comments whose set of labels (other than 'other') is exactly the expected one")
    if args.misses:
        print("Wrong labels (FP/FN marks a wrong eligibility)")
        for item, result in total.misses:
            mark = (
                "FP"
                if result.eligible and not item.eligible
                else "FN"
                if item.eligible and not result.eligible
                else "  "
            )
            expected = ", ".join(sorted(item.about)) or "-"
            print(f"  {mark} {item.id}: expected [{expected}] got [{', '.join(result.about)}] {item.comment[:120]!r}")
            for clause in result.clauses:
                cues = "; ".join(cue[:50] for cue in clause.cues)
                print(f"       {clause.about:<19} {clause.text[:60]!r} {cues}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
