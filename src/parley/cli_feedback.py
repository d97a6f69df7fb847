"""``parley feedback classify``: which feedback comments are entirely about delivery or the
marketplace's service (the strike-through content test), as JSON lines for scripts or a table.

Input is JSON lines ``{"id": str, "comment": str, "rating": int (optional), "lang": str (optional)}``;
each prints one line ``{"id", "eligible", "about", "clauses"}``. A line that cannot be classified
prints ``{"id": ..., "error": "..."}`` instead, the rest go on, and the exit status is 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

feedback_app = typer.Typer(help="Seller feedback: classify comments for strike-through.", no_args_is_help=True)

_MAX_LINE = 1024 * 1024


class FeedbackFormat(StrEnum):
    JSON = "json"
    TEXT = "text"


class _LineError(ValueError):
    """A malformed input line: reported on stdout with the line's id, then the next line is read."""

    def __init__(self, message: str, record_id: object = None) -> None:
        super().__init__(message)
        self.record_id = record_id


def _records(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | _LineError]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield number, _parse(line, number)


def _parse(line: str, number: int) -> dict[str, Any] | _LineError:
    if len(line) > _MAX_LINE:
        return _LineError(f"line {number}: longer than {_MAX_LINE // 1024} KB")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return _LineError(f"line {number}: not valid JSON ({error.msg})")
    if not isinstance(record, dict):
        return _LineError(f"line {number}: expected a JSON object")
    record_id = record.get("id")
    if not isinstance(record_id, str | int) or isinstance(record_id, bool):
        return _LineError(f"line {number}: 'id' must be a string", record_id)
    if not isinstance(record.get("comment"), str):
        return _LineError(f"line {number}: 'comment' must be a string", record_id)
    lang = record.get("lang")
    if lang is not None and not isinstance(lang, str):
        return _LineError(f"line {number}: 'lang' must be a string", record_id)
    rating = record.get("rating")
    if rating is not None and (not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5):
        return _LineError(f"line {number}: 'rating' must be a whole number from 1 to 5", record_id)
    return record


def _open(path: str) -> TextIO:
    if path == "-":
        return sys.stdin
    try:
        return Path(path).open(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        typer.echo(f"parley: {path}: no such file", err=True)
    except IsADirectoryError:
        typer.echo(f"parley: {path}: is a folder", err=True)
    except OSError as error:
        typer.echo(f"parley: {path}: cannot read ({error.strerror or error})", err=True)
    raise typer.Exit(2)


@feedback_app.command("classify")
def classify_command(
    path: Annotated[
        str, typer.Argument(help="JSON lines file of comments; - (the default) reads standard input.")
    ] = "-",
    output_format: Annotated[
        FeedbackFormat, typer.Option("--format", help="json: one JSON line per comment; text: a table.")
    ] = FeedbackFormat.JSON,
) -> None:
    """Say, for each comment, whether it is entirely about delivery or the marketplace's service.

    Exit status 0 when every line was classified, 1 when some line had an error, 2 for a usage error.
    """
    from parley.strikethrough import UnsupportedLanguageError, classify

    errors = 0
    stream = _open(path)
    with stream if stream is not sys.stdin else _NoClose(stream):
        for number, record in _records(stream):
            if isinstance(record, _LineError):
                errors += 1
                _emit_error(record.record_id, str(record), output_format)
                continue
            try:
                result = classify(record["comment"], record.get("lang"))
            except UnsupportedLanguageError as error:
                errors += 1
                _emit_error(record["id"], f"line {number}: {error}", output_format)
                continue
            if output_format is FeedbackFormat.JSON:
                typer.echo(json.dumps({"id": record["id"], **result.to_dict()}, ensure_ascii=False))
            else:
                verdict = "ELIGIBLE" if result.eligible else "keep"
                typer.echo(f"{record['id']}  {verdict}  [{result.language}] {', '.join(result.about) or '-'}")
                for clause in result.clauses:
                    typer.echo(f"    {clause.about:<19} {clause.text}")
    raise typer.Exit(1 if errors else 0)


def _emit_error(record_id: object, message: str, output_format: FeedbackFormat) -> None:
    if output_format is FeedbackFormat.JSON:
        typer.echo(json.dumps({"id": record_id, "error": message}, ensure_ascii=False))
    else:
        typer.echo(f"{record_id if record_id is not None else '?'}  ERROR  {message}")


class _NoClose:
    """Standard input as a context manager that leaves it open."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __enter__(self) -> TextIO:
        return self.stream

    def __exit__(self, *exc: object) -> None:
        return None
