"""The ``parley`` command as scripts and people use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
runner = CliRunner()

CLEAN = "Hello, your order 203-1234567-1234567 will arrive two days later than planned. Sorry for the wait.\n"
DIRTY = "Hello, your order 203-1234567-1234567 is late. Write to jane@example.com for help.\n"
FINDING_KEYS = {"rule", "name", "guidelines", "action", "span", "excerpt", "message"}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_message_exits_0(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_write(tmp_path, "ok.txt", CLEAN))])
    assert result.exit_code == 0, result.output
    assert "deliver" in result.output


def test_json_contract(tmp_path: Path) -> None:
    ok, bad = _write(tmp_path, "ok.txt", CLEAN), _write(tmp_path, "bad.txt", DIRTY)
    result = runner.invoke(app, ["check", "--format", "json", str(ok), str(bad)])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert [item["input"] for item in payload] == [str(ok), str(bad)]
    for item in payload:
        assert set(item) == {"input", "allowed", "decision", "edition", "findings"}
        assert item["edition"] == "current"
        for finding in item["findings"]:
            assert set(finding) == FINDING_KEYS
            start, end = finding["span"]
            assert DIRTY[start:end] == finding["excerpt"]
    assert payload[0]["allowed"] is True and payload[0]["decision"] == "deliver"
    assert payload[1]["allowed"] is False and payload[1]["decision"] == "block"


def test_stdin_and_explanations_in_swedish() -> None:
    result = runner.invoke(app, ["check", "-", "--format", "json", "--lang", "sv"], input=DIRTY)
    assert result.exit_code == 1
    [item] = json.loads(result.stdout)
    assert item["input"] == "-"
    assert item["findings"]


def test_sarif_output(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.txt", DIRTY)
    result = runner.invoke(app, ["check", "--format", "sarif", str(bad)])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert run["results"]
    for item in run["results"]:
        assert item["ruleId"] == ids[item["ruleIndex"]]
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert item["level"] in ("error", "warning", "note")


def test_inbound_warns_and_exits_1(tmp_path: Path) -> None:
    html = _write(tmp_path, "buyer.html", "<p>Hi, <a href='https://x.example'>see my photo</a></p>")
    result = runner.invoke(app, ["check", "--direction", "inbound", "--format", "json", str(html)])
    assert result.exit_code == 1
    [item] = json.loads(result.stdout)
    assert item["decision"] == "warn" and item["allowed"] is True


@pytest.mark.parametrize(
    ("arguments", "needle"),
    [
        (["check", "/no/such/file.txt"], "no such file"),
        (["check", "--edition", "1999", "-"], "unknown --edition"),
        (["check", "--kind", "bribe", "-"], "unknown --kind"),
        (["rule", "ZZ99"], "no rule"),
    ],
)
def test_usage_errors_exit_2_with_one_line(arguments: list[str], needle: str) -> None:
    result = runner.invoke(app, arguments, input="")
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output


def test_real_process_has_no_traceback_on_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "parley.cli", "check", str(tmp_path / "missing.eml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    binary = _write(tmp_path, "junk.txt", "")
    binary.write_bytes(b"\xff\xfe\x00\x00garbage\x00\x81")
    result = subprocess.run(
        [sys.executable, "-m", "parley.cli", "check", "--format", "json", str(binary)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    json.loads(result.stdout)


def test_examples_give_verdicts() -> None:
    result = runner.invoke(app, ["check", "--format", "json", str(EXAMPLES)])
    payload = {Path(item["input"]).name: item for item in json.loads(result.stdout)}
    assert len(payload) >= 6
    for name, item in payload.items():
        expected = not any(word in name for word in ("bribe", "newsletter", "contact-me"))
        assert item["allowed"] is expected, (name, [f["rule"] for f in item["findings"]])


def test_rules_and_rule_pages() -> None:
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0 and "OR01" in listing.output
    page = runner.invoke(app, ["rule", "OR01"])
    assert page.exit_code == 0 and page.output.startswith("# OR01 order.missing-order-id")


def test_fix_shows_diff_and_writes(tmp_path: Path) -> None:
    path = _write(tmp_path, "late.txt", "Hello, the parcel is delayed.\n")
    shown = runner.invoke(app, ["fix", str(path), "--order-id", "203-1234567-1234567"])
    assert shown.exit_code == 0
    assert "+Order ID: 203-1234567-1234567" in shown.output
    assert path.read_text(encoding="utf-8") == "Hello, the parcel is delayed.\n"
    written = runner.invoke(app, ["fix", str(path), "--order-id", "203-1234567-1234567", "--write"])
    assert written.exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("Order ID: 203-1234567-1234567\n\n")
