"""Block precision and recall on the labelled corpora, overall, per language and per guideline.

    python bench/quality.py                  # the development corpus, tests/policy/corpus/
    python bench/quality.py --heldout        # the held-out set, tests/policy/heldout/
    python bench/quality.py --lang sv --misses

The held-out set is written by other hands than the word lists and is never tuned to: it tells
how the rules generalise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from parley import evaluation
from parley.policy.context import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TARGET_PRECISION = 0.97
TARGET_RECALL = 0.95


def _row(name: str, counts: evaluation.Counts, *, targets: bool) -> str:
    items = counts.tp + counts.fp + counts.fn + counts.tn
    line = (
        f"  {name:<26} {items:>5} {counts.tp:>5} {counts.fp:>4} {counts.fn:>4}"
        f"  {counts.precision:>9.3f} {counts.recall:>7.3f}"
    )
    if targets:
        ok = counts.precision >= TARGET_PRECISION and counts.recall >= TARGET_RECALL
        line += "   PASS" if ok else "   MISS"
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heldout", action="store_true", help="measure the held-out set instead")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="only these languages")
    parser.add_argument("--misses", action="store_true", help="list every wrong decision")
    args = parser.parse_args()
    directory = ROOT / "tests" / "policy" / ("heldout" if args.heldout else "corpus")
    items = evaluation.load_dir(directory, args.lang or LANGUAGES)
    if not items:
        print(f"no corpus under {directory}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    report = evaluation.evaluate(items)
    elapsed = time.perf_counter() - started
    header = f"  {'':<26} {'items':>5} {'TP':>5} {'FP':>4} {'FN':>4}  {'precision':>9} {'recall':>7}"
    print(f"{directory.relative_to(ROOT)}: {len(items)} items, {elapsed:.2f} s ({len(items) / elapsed:.0f} items/s)")
    print(f"Block decision (target precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL})")
    print(header)
    print(_row("all languages", report.overall, targets=True))
    for language in LANGUAGES:
        if language in report.by_language:
            print(_row(language, report.by_language[language], targets=True))
    print("Per guideline (an item counts when a finding cites the guideline)")
    print(header)
    for guideline, counts in sorted(report.by_guideline.items()):
        print(_row(guideline, counts, targets=False))
    if args.misses:
        print("Wrong decisions")
        for what, outcome in report.misses():
            cited = ", ".join(sorted(outcome.cited)) or "-"
            wanted = ", ".join(sorted(outcome.item.violates)) or "-"
            print(f"  {what:<12} {outcome.item.id}: expected [{wanted}] cited [{cited}]")
            print(f"               {outcome.item.text[:160]!r}")
            for finding in outcome.verdict.findings:
                print(f"               {finding.rule} {finding.excerpt[:60]!r} ({finding.pattern[:50]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
