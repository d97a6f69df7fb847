"""The requirement catalogue (GUIDELINES.md), packaged so the engine can cite it without the repo.

``guidelines.json`` is generated from ``GUIDELINES.md`` by ``scripts/gen_docs.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_ROW = re.compile(r"^\|\s*(G-[A-Z0-9-]+)\s*\|(.*)\|\s*([^|]*?)\s*\|\s*$")
_SECTION = re.compile(r"^##\s+(\d+)\.\s+(.*)$")


@dataclass(frozen=True)
class Guideline:
    id: str
    section: str
    requirement: str
    sources: str


def parse_markdown(text: str) -> list[Guideline]:
    """Every ``| G-ID | requirement | source |`` row, with the section it stands in."""
    found: list[Guideline] = []
    section = ""
    for line in text.splitlines():
        heading = _SECTION.match(line)
        if heading:
            section = f"{heading.group(1)}. {heading.group(2).strip()}"
            continue
        row = _ROW.match(line)
        if row:
            found.append(Guideline(row.group(1), section, row.group(2).strip(), row.group(3).strip()))
    return found


def to_json(guidelines: list[Guideline]) -> str:
    rows = [{"id": g.id, "section": g.section, "requirement": g.requirement, "sources": g.sources} for g in guidelines]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


@cache
def catalogue() -> tuple[Guideline, ...]:
    path = resources.files("parley.policy") / "guidelines.json"
    return tuple(Guideline(**row) for row in json.loads(path.read_text(encoding="utf-8")))
