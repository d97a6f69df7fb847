"""How fast ``parley.policy.check`` is, how it grows with input size, and how it compares with Presidio.

    python bench/check_throughput.py            # 1,000-message corpus, inputs up to 10 MB
    python bench/check_throughput.py --quick    # 300 messages, inputs up to 1 MB
    python bench/check_throughput.py --profile  # cProfile over the corpus (top 25 by cumulative time),
                                                # then time per rule (corpus, 1 MB inputs)
    python bench/check_throughput.py --misses 10  # also list planted items each tool missed

What it measures, on one core (the process is pinned to one CPU) in one process:

1. A deterministic corpus (``corpus.py``) of plain-text and HTML messages, 200 B to 20 KB, in
   all ten languages, assembled from the rules' example sentences and ``examples/``, with
   e-mail addresses, phone numbers and links planted at recorded source offsets.
2. ``check(Message.parse(source), Context(...))`` per message, all rules, after a warm-up
   (the language detector loads its models once): messages/s, MB/s and p50/p99 latency,
   for messages up to 5 KB and for all.
3. Single inputs of 100 KB, 1 MB and 10 MB (corpus messages repeated, as plain text and as
   one HTML document): seconds and seconds per MB at each size, to see that time grows
   linearly with size.
4. Recall on the planted items: found when a finding of CT01 (e-mail), CT02 (phone) or LK01
   (link) overlaps the item's span in ``Message.source``.

Presidio baseline (optional): ``pip install -e '.[bench]'`` installs presidio-analyzer (it
pulls in spaCy, but no spaCy model is needed or downloaded). Its EmailRecognizer,
PhoneRecognizer (given Parley's ``DEFAULT_PHONE_REGIONS``) and UrlRecognizer then run on
each message's source in the same run, called directly with ``nlp_artifacts=None``, and
the report adds Presidio's messages/s, the Parley/Presidio throughput ratio and its recall
on the same planted items. See ``presidio_baseline.py`` for how each recognizer works
without NLP artifacts. Parley runs all its rules; Presidio runs only these three
recognizers, so the comparison flatters Presidio.

The targets are printed beside the figures with PASS or MISS; a miss never makes the exit
status non-zero: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import os
import platform
import pstats
import re
import statistics
import sys
import textwrap
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import plants
import presidio_baseline
from corpus import SMALL_BYTES, CorpusMessage, Plant, build_corpus, corpus_fingerprint, html_body
from parley.policy import Action, Context, Message, check
from parley.policy.editions import DEFAULT_EDITION, load_edition
from parley.policy.registry import all_rules
from parley.policy.rule import Rule
from parley.policy.scan import Scan

TARGET_SMALL_RATE = 2_000.0  # messages/s, messages up to 5 KB
TARGET_P99_MS = 5.0  # messages up to 5 KB
TARGET_10MB_S = 10.0
TARGET_PRESIDIO_RATIO = 20.0
LARGE_SIZES = (100_000, 1_000_000, 10_000_000)
WARM_UP = 60
KIND_LABELS = {"email": "e-mail", "phone": "phone", "url": "link"}


@dataclass
class Run:
    """Per-message latencies (seconds) and, per message, the spans found for each plant kind."""

    latencies: list[float] = field(default_factory=list)
    found: list[dict[str, list[tuple[int, int]]]] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class LargeResult:
    label: str
    size: int
    seconds: float
    findings: int
    errors: int


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    cpu = _pin_to_one_core()
    count = args.messages or (300 if args.quick else 1000)
    _progress(f"building the corpus ({count} messages) and warming up")
    messages = build_corpus(count, args.seed)
    contexts = [Context(**message.context) for message in messages]
    rules = all_rules()

    _warm_up(messages, contexts)
    if args.profile:
        _progress("profiling")
        _profile(messages, contexts, args.top)
        _rule_times(messages, contexts, min(args.top, 12))
        return 0

    gc.collect()
    _progress("timing Parley on the corpus")
    parley = _run_parley(messages, contexts)
    _progress("timing large inputs")
    large = _run_large(messages, LARGE_SIZES[:2] if args.quick else LARGE_SIZES)
    baseline = None if args.no_presidio else presidio_baseline.load()
    if baseline:
        _progress("timing Presidio on the corpus")
    presidio = _run_presidio(messages, baseline) if baseline else None

    out = _Report()
    _header(out, messages, rules, cpu, args.seed)
    _throughput(out, messages, parley)
    _large(out, large)
    _recall(out, messages, rules, parley=parley, presidio=presidio, baseline=baseline, skipped=args.no_presidio)
    if args.misses:
        codes = {rule.code for rule in rules}
        _misses(out, messages, "Parley", parley, limit=args.misses, codes=codes)
        if presidio:
            _misses(out, messages, "Presidio", presidio, limit=args.misses, codes=set(plants.RULE_FOR_KIND.values()))
    out.line()
    out.line("Targets are for reference; a MISS does not change the exit status. Details: --misses N, --profile.")
    print("\n".join(out.lines))
    return 0


def _progress(text: str) -> None:
    print(f"... {text}", file=sys.stderr, flush=True)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="300 messages and inputs up to 1 MB")
    parser.add_argument("--profile", action="store_true", help="profile the corpus run instead of timing it")
    parser.add_argument("--top", type=int, default=25, help="functions to list with --profile (25)")
    parser.add_argument("--messages", type=int, default=0, help="corpus size (1000; 300 with --quick)")
    parser.add_argument("--seed", type=int, default=20240601, help="corpus seed")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list up to N missed items per tool")
    parser.add_argument("--no-presidio", action="store_true", help="skip the Presidio baseline")
    return parser.parse_args(argv)


def _pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "one process (CPU pinning unavailable on this OS)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def _warm_up(messages: list[CorpusMessage], contexts: list[Context]) -> None:
    for message, context in list(zip(messages, contexts, strict=True))[:WARM_UP]:
        check(message.parse(), context)


def _run_parley(messages: list[CorpusMessage], contexts: list[Context]) -> Run:
    run = Run()
    rules_for_kind = {rule: kind for kind, rule in plants.RULE_FOR_KIND.items()}
    clock = time.perf_counter
    for message, context in zip(messages, contexts, strict=True):
        started = clock()
        verdict = check(Message.parse(message.source, input_format=message.format), context)
        run.latencies.append(clock() - started)
        found: dict[str, list[tuple[int, int]]] = {kind: [] for kind in plants.KINDS}
        for finding in verdict.findings:
            kind = rules_for_kind.get(finding.rule)
            if kind:
                found[kind].append(finding.span)
        run.found.append(found)
        for error in verdict.errors:
            run.errors[error.split(":", 1)[0]] += 1
    return run


def _run_presidio(messages: list[CorpusMessage], baseline: presidio_baseline.Baseline) -> Run:
    for message in messages[:WARM_UP]:
        baseline.analyze(message.source)
    gc.collect()
    run = Run()
    clock = time.perf_counter
    for message in messages:
        started = clock()
        found = baseline.analyze(message.source)
        run.latencies.append(clock() - started)
        run.found.append(found)
    return run


def _large_inputs(messages: list[CorpusMessage], size: int) -> dict[str, tuple[Literal["text", "html"], str]]:
    """Plain text and one HTML document of about ``size`` bytes, made of corpus messages."""
    texts = [m.source for m in messages if m.format == "text"]
    bodies = [html_body(m.source) for m in messages if m.format == "html"]
    html_head, html_tail = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"></head>\n<body>\n',
        "</body>\n</html>\n",
    )
    return {
        "text": ("text", _repeat(texts, size, "\n\n")),
        "html": ("html", html_head + _repeat(bodies, size - len(html_head) - len(html_tail), "\n") + html_tail),
    }


def _repeat(pieces: list[str], size: int, joiner: str) -> str:
    out, total, index = [], 0, 0
    while total < size:
        piece = pieces[index % len(pieces)]
        out.append(piece)
        total += len(piece.encode("utf-8")) + len(joiner)
        index += 1
    return joiner.join(out)


def _run_large(messages: list[CorpusMessage], sizes: tuple[int, ...]) -> list[LargeResult]:
    results = []
    for size in sizes:
        for label, (fmt, source) in _large_inputs(messages, size).items():
            best = float("inf")
            # Small inputs are timed three times and the best kept, so noise does not hide the trend.
            for _ in range(3 if size <= 1_000_000 else 1):
                gc.collect()
                started = time.perf_counter()
                verdict = check(Message.parse(source, input_format=fmt), Context())
                best = min(best, time.perf_counter() - started)
            size_bytes = len(source.encode("utf-8"))
            results.append(LargeResult(label, size_bytes, best, len(verdict.findings), len(verdict.errors)))
    return results


def _profile(messages: list[CorpusMessage], contexts: list[Context], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for message, context in zip(messages, contexts, strict=True):
        check(Message.parse(message.source, input_format=message.format), context)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"cProfile over {len(messages)} messages, all rules, after warm-up: {total:.2f} s under the profiler")
    print(f"top {top} functions by cumulative time")
    print(f"{'calls':>10} {'own s':>8} {'cum s':>8} {'cum %':>6}  function")
    rows = sorted(stats.stats.items(), key=lambda item: item[1][3], reverse=True)  # type: ignore[attr-defined]
    for (path, line, name), (_, calls, own, cumulative, _) in rows[:top]:
        share = 100 * cumulative / total if total else 0.0
        print(f"{calls:>10,} {own:>8.3f} {cumulative:>8.3f} {share:>5.1f}%  {_where(path, line, name)}")


def _rule_times(messages: list[CorpusMessage], contexts: list[Context], top: int) -> None:
    """Time per rule without the profiler's overhead, on the corpus and on 1 MB inputs."""
    totals: dict[str, float] = defaultdict(float)
    for message, context in zip(messages, contexts, strict=True):
        _time_rules(message.source, message.format, context, totals)
    _print_rule_times(f"the corpus ({len(messages)} messages)", totals, len(messages), top)
    for label, (fmt, source) in _large_inputs(messages, 1_000_000).items():
        totals = defaultdict(float)
        _time_rules(source, fmt, Context(), totals)
        _print_rule_times(f"one 1 MB {label} input", totals, 1, top)


def _time_rules(source: str, fmt: Literal["text", "html"], context: Context, totals: dict[str, float]) -> None:
    """Add each rule's time on one message to ``totals``, skipping rules as the engine does.

    Detectors are cached per message, so the first rule to ask for one pays for it.
    """
    edition = load_edition(DEFAULT_EDITION)
    clock = time.perf_counter
    started = clock()
    message = Message.parse(source, input_format=fmt)
    totals["(parse)"] += clock() - started
    scan = Scan(message, context)
    started = clock()
    language = scan.language
    totals["(language)"] += clock() - started
    for rule in all_rules():
        if context.direction not in rule.directions or edition.action_for(rule) == Action.OFF:
            continue
        if rule.languages != "*" and language is not None and language not in rule.languages:
            continue
        started = clock()
        with contextlib.suppress(Exception):
            list(rule.check(scan))
        totals[rule.code] += clock() - started


def _print_rule_times(what: str, totals: dict[str, float], count: int, top: int) -> None:
    total = sum(totals.values())
    print()
    print(f"time per rule on {what}, without the profiler: {total:.2f} s")
    print("(the first rule to use a shared detector pays for it; (parse) and (language) are the engine's)")
    for code, seconds in sorted(totals.items(), key=lambda item: item[1], reverse=True)[:top]:
        per_message = f"  {seconds / count * 1e3:.3f} ms/msg" if count > 1 else ""
        print(f"  {code:<12} {seconds:>7.3f} s  {100 * seconds / total:>5.1f}%{per_message}")


def _where(path: str, line: int, name: str) -> str:
    if path == "~":
        return name
    short = re.sub(r"^.*?/(?:site-packages|src|lib/python3\.\d+)/", "", path)
    return f"{short}:{line}({name})"


# --- report -----------------------------------------------------------------


class _Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str = "") -> None:
        self.lines.append(text.rstrip())

    def row(self, label: str, measured: str, target: str = "", verdict: str = "") -> None:
        self.line(f"  {label:<34} {measured:>22}   {target:<12} {verdict}")


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _header(out: _Report, messages: list[CorpusMessage], rules: tuple[Rule, ...], cpu: str, seed: int) -> None:
    total = sum(m.size for m in messages)
    formats = Counter(m.format for m in messages)
    languages = sorted({m.lang for m in messages})
    planted = Counter(p.kind for m in messages for p in m.plants)
    out.line("Parley check throughput")
    out.line(f"  python {platform.python_version()} on {_cpu_model()}, {cpu}")
    if hasattr(os, "getloadavg"):
        load, cpus = os.getloadavg()[0], os.cpu_count() or 1
        # The benchmark itself keeps one CPU busy; more than that means other work competed with it.
        busy = "  (other work was running: timings are pessimistic)" if load > 1.5 else ""
        out.line(f"  load average {load:.1f} on {cpus} CPUs{busy}")
    out.line(
        f"  corpus: {len(messages):,} messages ({formats['text']} text, {formats['html']} HTML), "
        f"{total / 1e6:.2f} MB, {len(languages)} languages, seed {seed}, fingerprint {corpus_fingerprint(messages)}"
    )
    out.line("  planted: " + ", ".join(f"{planted[kind]} {KIND_LABELS[kind]}s" for kind in plants.KINDS))
    codes = textwrap.wrap(" ".join(rule.code for rule in rules), 96)
    out.line(f"  engine: {len(rules)} rules: " + "\n            ".join(codes))


def _throughput(out: _Report, messages: list[CorpusMessage], run: Run) -> None:
    small = [i for i, m in enumerate(messages) if m.size <= SMALL_BYTES]
    everything = list(range(len(messages)))
    out.line()
    out.line("Corpus, one message at a time (parse + check, all rules)")
    out.row("", "measured", "target")
    rate_small = _rate(run, small)
    p50_small, p99_small = _percentiles(run, small)
    out.row(
        f"messages <= 5 KB (n={len(small)})",
        f"{rate_small:,.0f} msg/s",
        ">= 2,000",
        _verdict(rate_small >= TARGET_SMALL_RATE),
    )
    out.row("  latency p50", f"{p50_small:.2f} ms")
    out.row("  latency p99", f"{p99_small:.2f} ms", "<= 5 ms", _verdict(p99_small <= TARGET_P99_MS))
    p50_all, p99_all = _percentiles(run, everything)
    out.row(f"all messages (n={len(messages)})", f"{_rate(run, everything):,.0f} msg/s")
    out.row("  bytes", f"{_megabytes(messages, everything) / sum(run.latencies):.2f} MB/s")
    out.row("  latency p50 / p99 / max", f"{p50_all:.2f} / {p99_all:.2f} / {max(run.latencies) * 1e3:.1f} ms")
    if run.errors:
        listed = ", ".join(f"{code} x{n}" for code, n in run.errors.most_common(5))
        out.line(f"  !! rule errors (the engine fails closed on these): {listed}")


def _large(out: _Report, results: list[LargeResult]) -> None:
    out.line()
    out.line("Single large inputs (parse + check, all rules; linear growth keeps s/MB flat)")
    previous: dict[str, LargeResult] = {}
    for result in results:
        per_mb = result.seconds / (result.size / 1e6)
        growth = ""
        before = previous.get(result.label)
        if before:
            growth = f"x{result.seconds / before.seconds:.1f} time for x{result.size / before.size:.0f} size"
        label = f"{result.label:<4} {_size(result.size):>6}"
        measured = f"{result.seconds:.3f} s  {per_mb:.3f} s/MB"
        target, verdict = "", ""
        if result.size >= 9_000_000:
            target, verdict = "<= 10 s", _verdict(result.seconds <= TARGET_10MB_S)
        out.line(f"  {label:<12} {measured:>24}   {growth:<28} {target:<8} {verdict}")
        if result.errors:
            out.line(f"  !! {result.errors} rule error(s) on this input")
        previous[result.label] = result


def _recall(
    out: _Report,
    messages: list[CorpusMessage],
    rules: tuple[Rule, ...],
    *,
    parley: Run,
    presidio: Run | None,
    baseline: presidio_baseline.Baseline | None,
    skipped: bool,
) -> None:
    codes = {rule.code for rule in rules}
    out.line()
    if presidio is None or baseline is None:
        out.line("Recall on planted items (a finding of the right rule overlaps the item)")
        for kind in plants.KINDS:
            rule = plants.RULE_FOR_KIND[kind]
            out.row(f"{KIND_LABELS[kind]} ({rule})", _recall_text(messages, parley, kind, rule in codes))
        out.line()
        if skipped:
            out.line("Presidio baseline skipped (--no-presidio).")
        else:
            out.line("Presidio baseline skipped: presidio-analyzer is not installed.")
            out.line(f"  Enable it with: {presidio_baseline.INSTALL_HINT}")
        _style_misses(out, messages, {"Parley": parley}, codes)
        return
    parley_rate = len(messages) / sum(parley.latencies)
    presidio_rate = len(messages) / sum(presidio.latencies)
    ratio = parley_rate / presidio_rate
    out.line(f"Presidio {baseline.version}: EmailRecognizer + PhoneRecognizer + UrlRecognizer on each message's source")
    out.line("  (Parley runs ALL its rules; Presidio runs only these 3 recognizers, without an NLP engine)")
    out.row("", "measured", "target")
    out.row("Presidio, all messages", f"{presidio_rate:,.0f} msg/s")
    out.row("Parley, all messages", f"{parley_rate:,.0f} msg/s")
    out.row("throughput Parley / Presidio", f"x{ratio:.1f}", ">= x20", _verdict(ratio >= TARGET_PRESIDIO_RATIO))
    out.line()
    out.line("Recall on planted items (found = a finding/result of the right kind overlaps the item)")
    out.line(f"  {'':<14} {'n':>6}   {'Parley':>16}   {'Presidio':>16}   target: Parley >= Presidio")
    for kind in plants.KINDS:
        rule = plants.RULE_FOR_KIND[kind]
        total = sum(1 for m in messages for p in m.plants if p.kind == kind)
        found_parley = _found_count(messages, parley, kind)
        found_presidio = _found_count(messages, presidio, kind)
        if rule in codes:
            parley_text = f"{_percent(found_parley, total)} ({rule})"
            verdict = _verdict(found_parley >= found_presidio)
        else:
            parley_text, verdict = f"no {rule} yet", "MISS"
        presidio_text = _percent(found_presidio, total)
        out.line(f"  {KIND_LABELS[kind]:<14} {total:>6}   {parley_text:>16}   {presidio_text:>16}   {verdict}")
    _style_misses(out, messages, {"Parley": parley}, codes)
    _style_misses(out, messages, {"Presidio": presidio}, set(plants.RULE_FOR_KIND.values()))


def _recall_text(messages: list[CorpusMessage], run: Run, kind: str, rule_exists: bool) -> str:
    total = sum(1 for m in messages for p in m.plants if p.kind == kind)
    if not rule_exists:
        return f"rule {plants.RULE_FOR_KIND[kind]} not in engine yet"
    return f"{_percent(_found_count(messages, run, kind), total)} of {total}"


def _style_misses(out: _Report, messages: list[CorpusMessage], runs: dict[str, Run], codes: set[str]) -> None:
    """Which shapes of item each tool missed, e.g. ``phone/e164/de 3/12``: where to look first.

    Kinds whose rule is not in the engine yet are left out: everything of theirs is missed.
    """
    for name, run in runs.items():
        missed: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        for index, message in enumerate(messages):
            for plant in message.plants:
                if plant.rule not in codes:
                    continue
                key = f"{plant.kind}/{plant.style}" + (f"/{message.lang}" if plant.kind == "phone" else "")
                totals[key] += 1
                if not _is_found(plant, run.found[index]):
                    missed[key] += 1
        if missed:
            listed = ", ".join(f"{key} {n}/{totals[key]}" for key, n in missed.most_common(8))
            out.line(f"  {name} misses by shape: {listed}")


def _misses(out: _Report, messages: list[CorpusMessage], name: str, run: Run, *, limit: int, codes: set[str]) -> None:
    out.line()
    out.line(f"{name}: missed planted items (first {limit} per kind; kinds without their rule left out)")
    shown: Counter[str] = Counter()
    for index, message in enumerate(messages):
        for plant in message.plants:
            if plant.rule not in codes or shown[plant.kind] >= limit or _is_found(plant, run.found[index]):
                continue
            shown[plant.kind] += 1
            start, end = plant.span
            around = message.source[max(0, start - 40) : end + 40].replace("\n", " ")
            out.line(f"  #{message.id} {message.lang} {message.format} {plant.kind}/{plant.style}: {plant.value!r}")
            out.line(f"      ...{around}...")
    if not shown:
        out.line("  none")


def _is_found(plant: Plant, found: dict[str, list[tuple[int, int]]]) -> bool:
    start, end = plant.span
    return any(a < end and start < b for a, b in found.get(plant.kind, ()))


def _found_count(messages: list[CorpusMessage], run: Run, kind: str) -> int:
    return sum(
        1
        for index, message in enumerate(messages)
        for plant in message.plants
        if plant.kind == kind and _is_found(plant, run.found[index])
    )


def _rate(run: Run, indexes: list[int]) -> float:
    return len(indexes) / sum(run.latencies[i] for i in indexes)


def _percentiles(run: Run, indexes: list[int]) -> tuple[float, float]:
    values = [run.latencies[i] * 1e3 for i in indexes]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[98]


def _megabytes(messages: list[CorpusMessage], indexes: list[int]) -> float:
    return sum(messages[i].size for i in indexes) / 1e6


def _percent(part: int, total: int) -> str:
    return f"{100 * part / total:.1f}%" if total else "n/a"


def _size(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 1e6 else f"{size / 1e3:.0f} KB"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


if __name__ == "__main__":
    sys.exit(main())
