"""Every rule's examples and every case file entry, as one test each (``pytest -k CODE``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.policy.registry import all_rules, rule_by_code
from parley.policy.rule import iter_examples
from parley.policy.testing import Case, assert_case, case_from_example, cases_from_yaml

CASES_DIR = Path(__file__).parent / "cases"


def _all_cases() -> list[Case]:
    cases = []
    for rule in all_rules():
        for case_id, example in iter_examples(type(rule)):
            cases.append(case_from_example(type(rule), case_id, example))
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases.extend(cases_from_yaml(path))
    return cases


ALL_CASES = _all_cases()


@pytest.mark.parametrize("case", ALL_CASES, ids=[case.id for case in ALL_CASES])
def test_case(case: Case) -> None:
    rule = rule_by_code(case.rule)
    assert rule is not None, f"{case.id}: no rule {case.rule}"
    assert_case(rule, case)
