"""``parley feedback classify`` (``parley.cli_feedback``), through an app built here as the lead wires it."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from parley.cli_feedback import feedback_app

app = typer.Typer()
app.add_typer(feedback_app, name="feedback")
runner = CliRunner()

LINES = [
    {"id": "a", "comment": "Parcel arrived two weeks late", "rating": 1, "lang": "en"},
    {"id": "b", "comment": "kom sent och dragkedjan gick sönder", "lang": "sv"},
    {"id": "c", "comment": "Das Paket kam viel zu spät und der Karton war völlig zerdrückt"},
]


def _jsonl(records: list[object]) -> str:
    return "".join(
        (record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)) + "\n" for record in records
    )


def _output(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_classify_prints_one_json_line_per_input(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl(list(LINES)), encoding="utf-8")
    result = runner.invoke(app, ["feedback", "classify", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = _output(result.stdout)
    assert [line["id"] for line in out] == ["a", "b", "c"]
    assert set(out[0]) == {"id", "eligible", "about", "clauses"}
    assert out[0]["eligible"] is True and out[0]["about"] == ["delivery"]
    assert out[0]["clauses"] == [{"text": "Parcel arrived two weeks late", "about": "delivery"}]
    assert out[1]["eligible"] is False and out[1]["about"] == ["delivery", "product"]
    assert out[2]["eligible"] is True  # language detected: German


def test_standard_input_is_the_default() -> None:
    result = runner.invoke(app, ["feedback", "classify"], input=_jsonl([LINES[0]]))
    assert result.exit_code == 0
    assert _output(result.stdout)[0]["eligible"] is True


def test_bad_lines_print_an_error_line_and_go_on() -> None:
    records: list[object] = [
        "not json at all",
        LINES[0],
        {"id": "no-comment"},
        {"id": "pt", "comment": "O pacote chegou atrasado", "lang": "pt"},
        {"id": "bad-rating", "comment": "late", "rating": 9},
        "[1, 2]",
        "",
        {"id": "empty", "comment": ""},
    ]
    result = runner.invoke(app, ["feedback", "classify", "-"], input=_jsonl(records))
    assert result.exit_code == 1
    out = _output(result.stdout)
    assert len(out) == 7  # the blank line is skipped
    assert out[0]["id"] is None and "not valid JSON" in str(out[0]["error"])
    assert out[1]["id"] == "a" and out[1]["eligible"] is True
    assert out[2] == {"id": "no-comment", "error": "line 3: 'comment' must be a string"}
    assert out[3]["id"] == "pt" and "unsupported language 'pt'" in str(out[3]["error"])
    assert out[4]["id"] == "bad-rating" and "rating" in str(out[4]["error"])
    assert "expected a JSON object" in str(out[5]["error"])
    assert out[6] == {"id": "empty", "eligible": False, "about": [], "clauses": []}


def test_text_format_is_a_table() -> None:
    result = runner.invoke(app, ["feedback", "classify", "--format", "text"], input=_jsonl(LINES[:2]))
    assert result.exit_code == 0
    assert "a  ELIGIBLE  [en] delivery" in result.stdout
    assert "b  keep  [sv] delivery, product" in result.stdout
    assert "product             och dragkedjan gick sönder" in result.stdout


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["feedback", "classify", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_a_100_kb_comment_line() -> None:
    comment = "The courier was late again. " * 3700
    result = runner.invoke(
        app, ["feedback", "classify"], input=_jsonl([{"id": "big", "comment": comment, "lang": "en"}])
    )
    assert result.exit_code == 0
    assert _output(result.stdout)[0]["eligible"] is True
