"""The ``parley`` command: check, fix and explain messages against the guidelines."""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parley import reports
from parley.policy import i18n
from parley.policy.context import KIND_NAMES, Context, Direction, parse_kind
from parley.policy.docs import rule_markdown
from parley.policy.editions import DEFAULT_EDITION, UnknownEditionError, edition_names
from parley.policy.engine import check as run_check
from parley.policy.fixes import apply_edits
from parley.policy.message import Message
from parley.policy.registry import all_rules, rule_by_code
from parley.policy.rule import Action
from parley.policy.verdict import Decision

app = typer.Typer(
    help="Parley: check buyer-seller messages against the marketplace's communication guidelines.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
_INPUT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".eml", ".msg", ".mime", ".md"}
_MAX_INPUT = 64 * 1024 * 1024


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


class DirectionOption(StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


class UsageError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def _fail(message: str) -> NoReturn:
    typer.echo(f"parley: {message}", err=True)
    raise typer.Exit(2)


@dataclass
class Source:
    name: str
    data: bytes


def _read_inputs(paths: list[str]) -> list[Source]:
    if not paths:
        paths = ["-"]
    sources: list[Source] = []
    for raw in paths:
        if raw == "-":
            sources.append(Source("-", sys.stdin.buffer.read(_MAX_INPUT + 1)))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _INPUT_SUFFIXES)
            if not files:
                raise UsageError(f"{raw}: no .txt, .html or .eml files in this folder")
            sources.extend(_read_file(p) for p in files)
        else:
            sources.append(_read_file(path))
    for source in sources:
        if len(source.data) > _MAX_INPUT:
            raise UsageError(f"{source.name}: larger than {_MAX_INPUT // (1024 * 1024)} MB")
    return sources


def _read_file(path: Path) -> Source:
    try:
        return Source(str(path), path.read_bytes())
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read ({error.strerror or error})") from None


def _context(
    direction: DirectionOption,
    kind: str | None,
    order_id: str | None,
    days: int | None,
    buyer_lang: str | None,
    reply: bool,
    review_requests_sent: int,
) -> Context:
    try:
        document, message_kind = parse_kind(kind)
    except ValueError:
        raise UsageError(f"unknown --kind {kind!r}; one of: {', '.join(KIND_NAMES)}") from None
    return Context(
        direction=Direction(direction.value),
        document=document,
        proactive=not reply,
        kind=message_kind,
        order_id=order_id,
        days_since_completion=days,
        buyer_language=buyer_lang,
        review_requests_sent=review_requests_sent,
    )


def _reader_language(lang: str | None) -> str:
    return i18n.normalise_language(lang or os.environ.get("PARLEY_LANG") or "en")


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to check; - reads standard input.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TEXT,
    edition: Annotated[str, typer.Option(help="Guidelines edition: current or 2018.")] = DEFAULT_EDITION,
    direction: Annotated[
        DirectionOption, typer.Option(help="outbound: seller to buyer; inbound: buyer to seller.")
    ] = DirectionOption.OUTBOUND,
    kind: Annotated[
        str | None,
        typer.Option(
            help="Why the message is sent (e.g. order-problem), or insert / packing-slip for paper in the box."
        ),
    ] = None,
    order_id: Annotated[str | None, typer.Option(help="The order the message is about.")] = None,
    days_since_completion: Annotated[int | None, typer.Option(help="Days since the order was completed.")] = None,
    buyer_lang: Annotated[str | None, typer.Option(help="The buyer's preferred language (sv, de-DE, ...).")] = None,
    reply: Annotated[bool, typer.Option("--reply", help="The message answers the buyer (not proactive).")] = False,
    review_requests_sent: Annotated[int, typer.Option(help="Review requests already sent for the order.", min=0)] = 0,
    lang: Annotated[str | None, typer.Option(help="Language of the explanations (en, sv, nl, de, ...).")] = None,
) -> None:
    """Check messages; exit 0 when all are allowed, 1 when any is blocked or warned, 2 on bad usage."""
    try:
        if edition not in edition_names():
            raise UnknownEditionError(f"unknown --edition {edition!r}; one of: {', '.join(edition_names())}")
        context = _context(direction, kind, order_id, days_since_completion, buyer_lang, reply, review_requests_sent)
        sources = _read_inputs(paths or [])
    except (UsageError, UnknownEditionError) as error:
        _fail(str(error))
    reader = _reader_language(lang)
    results = [
        reports.Checked(source.name, message := Message.parse(source.data), run_check(message, context, edition))
        for source in sources
    ]
    if output_format == OutputFormat.JSON:
        typer.echo(reports.to_json(results, reader))
    elif output_format == OutputFormat.SARIF:
        typer.echo(reports.to_sarif(results, reader))
    else:
        _print_text(results, reader)
    if any(item.verdict.decision != Decision.DELIVER for item in results):
        raise typer.Exit(1)


def _print_text(results: list[reports.Checked], reader: str) -> None:
    console = Console(highlight=False, soft_wrap=True)
    marks = {
        Decision.DELIVER: "[green]✔ deliver[/]",
        Decision.BLOCK: "[bold red]✘ block[/]",
        Decision.WARN: "[yellow]! warn[/]",
    }
    for item in results:
        verdict = item.verdict
        count = len(verdict.findings)
        console.print(f"{marks[verdict.decision]}  [bold]{escape(item.name)}[/]  ({count} finding{'s' * (count != 1)})")
        for notice in verdict.notices:
            console.print(f"    [dim]note:[/] {escape(reports.notice_text(notice.code, reader))}")
        for error in verdict.errors:
            console.print(f"    [red]engine error:[/] {escape(error)}")
        for finding in verdict.findings:
            line, column = reports.line_column(item.message.source, finding.span[0])
            colour = "red" if finding.action == Action.BLOCK else "yellow"
            where = f"{line}:{column}" if finding.span != (0, 0) else "message"
            console.print(
                f"  [{colour}]{finding.action}[/] {finding.rule} [dim]{finding.name}[/]  {where}  "
                f"[dim]{', '.join(finding.guidelines)}[/]"
            )
            console.print(f"      {escape(verdict.explain(finding, reader))}")
            if finding.excerpt:
                console.print(f"      [dim]>[/] [reverse]{escape(_one_line(finding.excerpt))}[/]")
            console.print(f"      [dim]fix:[/] {escape(verdict.advise(finding, reader))}")
    blocked = sum(item.verdict.decision == Decision.BLOCK for item in results)
    warned = sum(item.verdict.decision == Decision.WARN for item in results)
    console.print(
        f"\n{len(results)} checked: {len(results) - blocked - warned} deliver, {blocked} block, {warned} warn"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())[:160]


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, what it does, default action, languages, fixable."""
    table = Table(title="Parley rules")
    for column in ("Code", "Name", "What it does", "Action", "Languages", "Fix"):
        table.add_column(column)
    for row in reports.rules_table_rows():
        table.add_row(*row)
    Console().print(table)


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="Rule code (CT01) or name (contact.email-address).")]) -> None:
    """Print a rule's documentation page."""
    rule = rule_by_code(code)
    if rule is None:
        _fail(f"no rule {code!r}; `parley rules` lists them")
    typer.echo(rule_markdown(rule))


@app.command()
def fix(
    path: Annotated[Path, typer.Argument(help="A text or HTML file.")],
    write: Annotated[bool, typer.Option("--write", help="Write the fixed file instead of showing the diff.")] = False,
    order_id: Annotated[str | None, typer.Option(help="The order ID to insert when it is missing.")] = None,
    edition: Annotated[str, typer.Option(help="Guidelines edition.")] = DEFAULT_EDITION,
) -> None:
    """Apply the safe fixes (emojis, line breaks, tracking pixels, order ID) and show the diff."""
    try:
        source = _read_file(path)
        if edition not in edition_names():
            raise UsageError(f"unknown --edition {edition!r}")
    except UsageError as error:
        _fail(str(error))
    message = Message.parse(source.data)
    if message.format == "mime":
        _fail(f"{path}: fixes apply to text and HTML files, not to whole e-mails")
    verdict = run_check(message, Context(order_id=order_id), edition)
    fixable = {rule.code for rule in all_rules() if rule.fixable}
    edits = [f.fix for f in verdict.findings if f.fix is not None and f.rule in fixable and f.action != Action.OFF]
    fixed = apply_edits(message.source, edits)
    if fixed == message.source:
        typer.echo(f"{path}: nothing to fix automatically")
        return
    if write:
        path.write_text(fixed, encoding="utf-8")
        typer.echo(f"{path}: {len(edits)} fix(es) written")
        return
    diff = difflib.unified_diff(
        message.source.splitlines(keepends=True),
        fixed.splitlines(keepends=True),
        fromfile=str(path),
        tofile=f"{path} (fixed)",
    )
    typer.echo("".join(diff), nl=False)


def _add_marketplace_commands() -> None:
    from parley import cli_feedback, cli_feedback_manager, cli_marketplace, cli_messaging

    if any(group.name == "db" for group in app.registered_groups):
        return
    app.add_typer(cli_marketplace.db_app, name="db")
    app.add_typer(cli_marketplace.feeds_app, name="feeds")
    app.command("demo")(cli_marketplace.demo)
    app.add_typer(cli_messaging.messages_app, name="messages")
    app.command("standing")(cli_messaging.standing)
    app.command("worker")(cli_messaging.worker)
    cli_feedback_manager.register(cli_feedback.feedback_app)
    app.add_typer(cli_feedback.feedback_app, name="feedback")


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("check", "fix", "rules", "rule"):
        _add_marketplace_commands()
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("parley: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
