"""The catalogue of rules as a whole: metadata, coverage, cases files and translations."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from parley.policy import check
from parley.policy.context import LANGUAGES
from parley.policy.guidelines import catalogue
from parley.policy.i18n import catalog
from parley.policy.registry import all_rules
from parley.policy.rule import iter_examples
from parley.policy.testing import build_context, build_message, case_from_example

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = Path(__file__).parent / "cases"
RULES = all_rules()


def _load_script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_codes_and_names_are_unique() -> None:
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_each_family_package_has_one_code_prefix() -> None:
    prefixes: dict[str, set[str]] = defaultdict(set)
    for rule in RULES:
        family = type(rule).__module__.split(".")[-2]
        prefixes[family].add(rule.code[:2])
    assert all(len(found) == 1 for found in prefixes.values()), prefixes
    owners = [next(iter(found)) for found in prefixes.values()]
    assert len(owners) == len(set(owners)), "two families share a code prefix"


def test_module_file_names_follow_the_code() -> None:
    for rule in RULES:
        module = type(rule).__module__.rsplit(".", 1)[-1]
        assert module.startswith(rule.code.lower() + "_"), (rule.code, module)


def test_every_cited_guideline_exists() -> None:
    known = {g.id for g in catalogue()}
    for rule in RULES:
        assert rule.guidelines, rule.code
        assert set(rule.guidelines) <= known, (rule.code, set(rule.guidelines) - known)


def test_every_rule_has_a_cases_file_and_every_cases_file_a_rule() -> None:
    codes = {rule.code for rule in RULES}
    files = {path.stem for path in CASES_DIR.glob("*.yaml")}
    assert codes - files == set(), f"rules without cases/<CODE>.yaml: {sorted(codes - files)}"
    for path in CASES_DIR.glob("*.yaml"):
        named = yaml.safe_load(path.read_text(encoding="utf-8"))["rule"]
        assert named in codes, f"{path.name} names unknown rule {named}"
        assert path.stem == named or path.stem.startswith(named + "_")


def test_examples_cover_every_declared_language() -> None:
    for rule in RULES:
        for language in rule.covered_languages():
            kinds = {e.bad for e in rule.examples if e.lang == language}
            assert kinds == {True, False}, (rule.code, language)


def test_sections_4_and_5_are_fully_covered() -> None:
    covered = {g for rule in RULES for g in rule.guidelines}
    wanted = [g.id for g in catalogue() if g.section.startswith(("4.", "5."))]
    assert wanted, "the catalogue lost sections 4 and 5"
    missing = [g for g in wanted if g not in covered]
    assert not missing, f"not covered by any rule: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    messages = _load_script("update_catalogs").extract()
    loaded = catalog(language)
    assert loaded is not None, f"no catalog for {language}"
    translated = {str(m.id): m.string for m in loaded if m.id and m.string and not m.fuzzy}
    missing = [m for m in messages if m not in translated]
    assert not missing, f"{language}: {len(missing)} untranslated, e.g. {missing[:3]}"


# A greeting's name may be left out where the language's formal style greets without one
# (Polish "Dzień dobry," addressing "Państwo"); every other parameter must be kept.
OMISSIBLE_PARAMETERS = frozenset({"buyer_name"})


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_parameters(language: str) -> None:
    import re

    loaded = catalog(language)
    assert loaded is not None
    for message in loaded:
        if message.id and message.string:
            wanted = set(re.findall(r"%\((\w+)\)s", str(message.id)))
            got = set(re.findall(r"%\((\w+)\)s", str(message.string)))
            assert got <= wanted and wanted - got <= OMISSIBLE_PARAMETERS, (language, message.id, message.string)


def test_engine_runs_every_example_without_errors() -> None:
    for rule in RULES:
        for case_id, example in iter_examples(type(rule)):
            case = case_from_example(type(rule), case_id, example)
            verdict = check(build_message(case), build_context(rule, case.context))
            assert not verdict.errors, (case_id, verdict.errors)
            if example.bad:
                assert any(f.rule == rule.code for f in verdict.findings) or verdict.rules_skipped.get(rule.code), (
                    case_id
                )


# The language-understanding rules (issue 3): each must cover all ten languages with at least three
# bad and three good examples in each, counting its examples and its cases file.
LANGUAGE_RULES = ("MK01", "RV01", "RV02", "RV03", "PU02", "PU03", "PU04", "SN01", "PY01", "IN02", "OR03")
MIN_EXAMPLES = 3


@pytest.mark.parametrize("code", LANGUAGE_RULES)
def test_language_rules_cover_every_language_with_examples(code: str) -> None:
    from parley.policy.testing import cases_from_yaml

    rule = next(r for r in RULES if r.code == code)
    assert rule.covered_languages() == LANGUAGES
    counts: dict[tuple[str, bool], int] = defaultdict(int)
    for example in rule.examples:
        counts[(example.lang, example.bad)] += 1
    path = CASES_DIR / f"{code}.yaml"
    if path.exists():
        for case in cases_from_yaml(path):
            counts[(case.lang, case.should_fail)] += 1
    short = {
        (language, "bad" if bad else "good"): counts[(language, bad)]
        for language in LANGUAGES
        for bad in (True, False)
        if counts[(language, bad)] < MIN_EXAMPLES
    }
    assert not short, short
