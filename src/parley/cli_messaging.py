"""``parley messages``, ``parley standing`` and ``parley worker``: the messaging service's commands."""

from __future__ import annotations

import json
import signal
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from parley.cli_marketplace import DatabaseOption, _upgrade

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from parley.store.models import Seller

messages_app = typer.Typer(help="What a seller may send for an order, and sending it.", no_args_is_help=True)
SellerOption = Annotated[str, typer.Option("--seller", help="The seller's merchant ID.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _seller(session: Session, merchant_id: str) -> Seller:
    from sqlalchemy import select

    from parley.store.models import Seller

    seller = session.scalar(select(Seller).where(Seller.merchant_id == merchant_id))
    if seller is None:
        typer.echo(f"parley: no seller {merchant_id!r}", err=True)
        raise typer.Exit(2)
    return seller


@messages_app.command("actions")
def actions(
    order_id: str, seller: SellerOption, database_url: DatabaseOption = None, as_json: JsonOption = False
) -> None:
    """Every message kind for the order: available now, or why not (in the seller's language)."""
    from parley.marketplace import messaging
    from parley.policy.i18n import normalise_language
    from parley.store.database import transaction

    with transaction(_upgrade(database_url)) as session:
        owner = _seller(session, seller)
        language = normalise_language(owner.language)
        try:
            found = messaging.actions_for_order(session, owner, order_id)
        except messaging.OrderNotFoundError:
            typer.echo(f"parley: order {order_id} not found", err=True)
            raise typer.Exit(1) from None
        rows: list[dict[str, Any]] = [
            {
                "kind": a.kind.value,
                "available": a.available,
                "reasons": [
                    {"code": r.code.value, "guideline": r.guideline, "text": r.text(language)} for r in a.reasons
                ],
            }
            for a in found
        ]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        mark = "yes" if row["available"] else "no "
        why = "; ".join(r["text"] for r in row["reasons"])
        typer.echo(f"{mark} {row['kind']:<32} {why}")


@messages_app.command("send")
def send(
    order_id: str,
    *,
    seller: SellerOption,
    kind: Annotated[str, typer.Option("--kind", help="confirmOrderDetails, productReviewAndSellerFeedback, ...")],
    text: Annotated[str, typer.Option("--text", help="The message; - reads standard input.")] = "",
    template: Annotated[
        bool, typer.Option("--template", help="Send the kind's template in the buyer's language.")
    ] = False,
    attach: Annotated[list[Path] | None, typer.Option("--attach", help="A file to attach (repeatable).")] = None,
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Send a message about an order; exit 1 when it is refused or blocked, with every reason."""
    from parley.marketplace import messaging
    from parley.policy.i18n import normalise_language
    from parley.store.database import transaction

    try:
        message_kind = messaging.parse(kind)
    except ValueError as error:
        typer.echo(f"parley: {error}", err=True)
        raise typer.Exit(2) from None
    if text == "-":
        text = typer.get_text_stream("stdin").read()
    attachments = []
    for path in attach or []:
        try:
            attachments.append(messaging.NewAttachment(path.name, path.read_bytes()))
        except OSError as error:
            typer.echo(f"parley: {path}: cannot read ({error.strerror})", err=True)
            raise typer.Exit(2) from None
    with transaction(_upgrade(database_url)) as session:
        owner = _seller(session, seller)
        language = normalise_language(owner.language)
        try:
            outcome = messaging.send(
                session,
                owner,
                order_id,
                message_kind,
                text=text,
                use_template=template,
                attachments=attachments,
                channel="cli",
            )
        except messaging.OrderNotFoundError:
            typer.echo(f"parley: order {order_id} not found", err=True)
            raise typer.Exit(1) from None
        except messaging.InvalidRequestError as error:
            for problem in error.problems:
                typer.echo(f"parley: {problem.text(language)}", err=True)
            raise typer.Exit(2) from None
        result: dict[str, Any] = {
            "message_id": outcome.message.public_id,
            "status": outcome.status,
            "summary": outcome.summary(language),
            "reasons": [r.text(language) for r in outcome.reasons],
            "findings": outcome.explain(language),
        }
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        typer.echo(f"{result['status']}: {result['summary']}")
        for finding in result["findings"]:
            typer.echo(f"  {finding['rule']} {finding['name']}: {finding['message']}")
            typer.echo(f"      excerpt: {finding['excerpt']!r}")
            if finding["fix"]:
                typer.echo(f"      fix: {finding['fix']}")
    raise typer.Exit(0 if outcome.sent else 1)


def standing(
    seller: Annotated[str, typer.Argument(help="The seller's merchant ID.")],
    lift: Annotated[bool, typer.Option("--lift", help="Lift a restriction or suspension now.")] = False,
    operator: Annotated[str, typer.Option("--operator", help="Who lifts it (recorded).")] = "operator",
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a seller's messaging standing, its violations and its history; --lift restores it."""
    from parley.marketplace.messaging import standing as standings
    from parley.marketplace.messaging.settings import MessagingSettings
    from parley.policy.i18n import normalise_language
    from parley.store.database import transaction

    now = datetime.now(UTC)
    settings = MessagingSettings.from_environment()
    with transaction(_upgrade(database_url)) as session:
        owner = _seller(session, seller)
        if lift and standings.lift(session, owner, now, operator) is None:
            typer.echo(f"parley: {seller} is not restricted; nothing to lift", err=True)
        history = standings.history(session, owner, now, settings)
        language = normalise_language(owner.language)
        result: dict[str, Any] = {
            "seller": owner.merchant_id,
            "standing": history.standing,
            "until": history.until.isoformat() if history.until else None,
            "violations": history.violations,
            "window_days": settings.violation_window_days,
            "thresholds": {"templates_only": settings.templates_only_after, "suspended": settings.suspend_after},
            "history": [
                {
                    "at": c.created_at.isoformat(),
                    "from": c.from_standing,
                    "to": c.to_standing,
                    "reason": c.reason,
                    "actor": c.actor,
                    "explanation": standings.explain(c, language),
                }
                for c in history.changes
            ],
        }
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    until = f" until {result['until']}" if result["until"] else ""
    typer.echo(f"{owner.merchant_id}: {result['standing']}{until}")
    typer.echo(
        f"  {result['violations']} blocked message(s) in the last {settings.violation_window_days} days "
        f"(templates only at {settings.templates_only_after}, suspended at {settings.suspend_after})"
    )
    for change in result["history"]:
        typer.echo(f"  {change['at']}  {change['from']} -> {change['to']}  ({change['actor']}) {change['explanation']}")


def worker(
    once: Annotated[bool, typer.Option("--once", help="Deliver what is due, then stop.")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between polls when the queue is empty.")] = 2.0,
    database_url: DatabaseOption = None,
) -> None:
    """Deliver queued messages to in-app inboxes and, with PARLEY_SMTP_SMARTHOST, by e-mail, together
    with the marketplace's notices (shipped, refunded, canceled).

    Several workers may run at once on PostgreSQL; on SQLite run one."""
    from parley.marketplace.messaging import mail, outbox

    engine = _upgrade(database_url)
    try:
        host = mail.smarthost()
    except mail.SmarthostError as error:
        typer.echo(f"parley: {error}", err=True)
        raise typer.Exit(2) from None
    smtp = mail.SMTPSender(*host) if host else None
    sender: outbox.Sender = smtp if smtp is not None else mail.no_email
    if smtp is None:
        typer.echo("parley worker: no PARLEY_SMTP_SMARTHOST: delivering to in-app inboxes only", err=True)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    while True:
        report = outbox.run_once(engine, sender, notices=smtp.notice if smtp is not None else None)
        if report.delivered or report.failed or report.released:
            typer.echo(
                f"delivered {report.delivered}, retrying {report.retried}, failed {report.failed}, "
                f"released {report.released}"
            )
        if once or stopping:
            return
        if not report.delivered:
            time.sleep(interval)
