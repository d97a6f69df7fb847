"""Latency of the engine on the project's own example messages, one at a time.

Run: python bench/example_latency.py [--repeat N]

Real seller messages are short (the SP-API caps most at 2,000 characters), so
this complements check_throughput.py, whose corpus is larger and dense with
planted e-mail addresses, phone numbers and links.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from parley.policy import Message, check

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    files = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    messages = [(path.name, path.read_bytes()) for path in files]
    for _, data in messages:  # load models and compile word lists once
        check(Message.parse(data))
    print(f"{'example':32} {'bytes':>6} {'decision':>8} {'ms/message':>11}")
    for name, data in messages:
        verdict = check(Message.parse(data))
        start = time.perf_counter()
        for _ in range(args.repeat):
            check(Message.parse(data))
        elapsed = (time.perf_counter() - start) / args.repeat * 1000
        print(f"{name:32} {len(data):>6} {verdict.decision!s:>8} {elapsed:>11.3f}")


if __name__ == "__main__":
    main()
