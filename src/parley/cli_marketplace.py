"""``parley db``, ``parley demo`` and ``parley feeds``: the marketplace's commands.

Imported lazily by the ``parley`` command, so that ``parley check`` never loads SQLAlchemy.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sqlalchemy import Engine

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database-url", help="Database URL; default PARLEY_DATABASE_URL or sqlite:///./parley.db."),
]

db_app = typer.Typer(help="Create and upgrade the database.", no_args_is_help=True)
feeds_app = typer.Typer(help="Submit order feeds (shipping confirmations, adjustments).", no_args_is_help=True)


def _engine(url: str | None) -> Engine:
    from parley.store.database import DatabaseURLError, make_engine

    try:
        return make_engine(url)
    except DatabaseURLError as error:
        typer.echo(f"parley: {error}", err=True)
        raise typer.Exit(2) from None


def _upgrade(url: str | None) -> Engine:
    from sqlalchemy.exc import OperationalError

    from parley.store import migrate

    engine = _engine(url)
    try:
        migrate.upgrade(engine)
    except OperationalError as error:
        typer.echo(f"parley: cannot reach the database {engine.url!r}: {error.orig}", err=True)
        raise typer.Exit(2) from None
    return engine


@db_app.command("upgrade")
def db_upgrade(database_url: DatabaseOption = None) -> None:
    """Run every migration that has not run yet."""
    from parley.store import migrate

    engine = _upgrade(database_url)
    typer.echo(f"database {engine.url.render_as_string(hide_password=True)} is at revision {migrate.current(engine)}")


@db_app.command("current")
def db_current(database_url: DatabaseOption = None) -> None:
    """Show the database's migration revision."""
    from parley.store import migrate

    typer.echo(migrate.current(_engine(database_url)) or "empty (run: parley db upgrade)")


def demo(
    database_url: DatabaseOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed builds the same marketplace.")] = 7,
) -> None:
    """Build a demo marketplace: 3 marketplaces, 4 sellers, 80 buyers, 500 orders, real feeds."""
    from parley.marketplace import demo as demo_data
    from parley.store.database import transaction

    engine = _upgrade(database_url)
    with transaction(engine) as session:
        if demo_data.has_data(session):
            summary = demo_data.summarise(session, created=False)
        else:
            summary = demo_data.build(session, seed=seed)
    if as_json:
        typer.echo(json.dumps(asdict(summary), indent=2, ensure_ascii=False))
        return
    where = engine.url.render_as_string(hide_password=True)
    typer.echo(("Built" if summary.created else "Already there:") + f" the demo marketplace in {where}")
    typer.echo(f"  {summary.marketplaces} marketplaces, {summary.sellers} sellers, {summary.buyers} buyers")
    typer.echo(f"  {summary.orders} orders: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_status.items())))
    typer.echo("  channels: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_channel.items())))
    typer.echo(f"  {summary.notices} notices to buyers in the outbox")
    typer.echo(f"  {summary.feedback} feedback ratings")
    typer.echo("  messages: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.messages.items())))
    for feed in summary.feeds:
        typer.echo(
            f"  feed {feed['feed_id']} {feed['feed_type']} ({feed['seller']}): {feed['processed']} processed, "
            f"{feed['successful']} successful, {feed['with_error']} with error"
        )
    typer.echo("  sellers: " + ", ".join(s["merchant_id"] for s in summary.sellers_login))


@feeds_app.command("submit")
def feeds_submit(
    path: Annotated[Path, typer.Argument(help="The feed document (XML or tab-delimited flat file).")],
    feed_type: Annotated[str, typer.Option("--type", help="The feed type, e.g. POST_ORDER_FULFILLMENT_DATA.")],
    seller: Annotated[str, typer.Option(help="The submitting seller's merchant ID.")],
    database_url: DatabaseOption = None,
    report_format: Annotated[str, typer.Option("--report", help="json or xml")] = "json",
) -> None:
    """Apply a feed and print its processing report; exit 1 when a record had an error."""
    from sqlalchemy import select

    from parley.marketplace.feeds import processing
    from parley.marketplace.feeds.records import FeedType
    from parley.store.database import transaction
    from parley.store.models import Seller

    try:
        kind = FeedType(feed_type)
    except ValueError:
        typer.echo(f"parley: unknown feed type {feed_type!r}; one of: {', '.join(t.value for t in FeedType)}", err=True)
        raise typer.Exit(2) from None
    engine = _upgrade(database_url)
    try:
        stream = path.open("rb")
    except OSError as error:
        typer.echo(f"parley: {path}: cannot read ({error.strerror})", err=True)
        raise typer.Exit(2) from None
    with stream, transaction(engine) as session:
        owner = session.scalar(select(Seller).where(Seller.merchant_id == seller))
        if owner is None:
            typer.echo(f"parley: no seller {seller!r}", err=True)
            raise typer.Exit(2)
        report = processing.process(session, owner, kind, stream, feed_id=path.stem[:40])
    if report_format == "xml":
        typer.echo(processing.to_xml(report, seller).decode())
    else:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    raise typer.Exit(1 if report.with_error or report.status != "Complete" else 0)
