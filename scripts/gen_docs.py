"""Generate the rule docs and the guideline coverage matrix; ``--check`` fails when they are stale.

Writes docs/rules/<CODE>.md, docs/rules/index.md, docs/guidelines.md, docs/messaging-reference.md, and the
packaged catalogue src/parley/policy/guidelines.json (from ../shared/GUIDELINES.md
when that file is beside the checkout).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parley.marketplace.messaging import reference
from parley.policy import docs
from parley.policy.guidelines import parse_markdown, to_json
from parley.policy.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED_GUIDELINES = ROOT.parent / "shared" / "GUIDELINES.md"
CATALOGUE = ROOT / "src" / "parley" / "policy" / "guidelines.json"
RULE_DOCS = ROOT / "docs" / "rules"


def expected_files() -> dict[Path, str]:
    files: dict[Path, str] = {}
    if SHARED_GUIDELINES.is_file():
        files[CATALOGUE] = to_json(parse_markdown(SHARED_GUIDELINES.read_text(encoding="utf-8")))
    for rule in all_rules():
        files[RULE_DOCS / f"{rule.code}.md"] = docs.rule_markdown(rule)
    files[RULE_DOCS / "index.md"] = docs.index_markdown()
    files[ROOT / "docs" / "guidelines.md"] = docs.guidelines_markdown()
    files[ROOT / "docs" / "messaging-reference.md"] = reference.markdown()
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if any generated file is stale")
    args = parser.parse_args()
    files = expected_files()
    strays = [p for p in RULE_DOCS.glob("*.md") if p not in files]
    # Bytes, not text: reading text would turn the CRLF of an example that tests line endings into LF.
    stale = [p for p, text in files.items() if not p.is_file() or p.read_bytes() != text.encode("utf-8")]
    if args.check:
        for path in stale + strays:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        if stale or strays:
            print("Generated docs are stale: run `python scripts/gen_docs.py` and commit.", file=sys.stderr)
            return 1
        print(f"docs up to date ({len(files)} files)")
        return 0
    for path in strays:
        path.unlink()
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path].encode("utf-8"))
    print(f"wrote {len(stale)} file(s), removed {len(strays)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
