"""``parley feedback list|metrics|strike|remove|leave``: the Feedback Manager from the command line.

``register(feedback_app)`` adds the commands to the ``feedback`` group. Messages are printed in the
seller's (or, for ``leave``, the buyer's) language unless ``--language`` says otherwise. Exit codes:
0 done or granted, 1 refused or paused, 2 a request the rules do not allow (unknown seller, window
closed ...), with the stable error code in the ``--json`` output.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from parley.cli_marketplace import DatabaseOption, _upgrade

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from parley.store.models import Seller

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
LanguageOption = Annotated[str | None, typer.Option("--language", help="Language of the messages (sv, de, ...).")]
SellerOption = Annotated[str, typer.Option("--seller", help="The seller's merchant ID.")]


def _now() -> datetime:
    return datetime.now(UTC)


def _emit(payload: dict[str, Any] | list[Any], as_json: bool, text: str) -> None:
    typer.echo(json.dumps(payload, indent=2, ensure_ascii=False) if as_json else text)


def _fail(code: str, message: str, as_json: bool) -> typer.Exit:
    if as_json:
        typer.echo(json.dumps({"error": code, "message": message}, ensure_ascii=False))
    else:
        typer.echo(f"parley: {message}", err=True)
    return typer.Exit(2)


def _seller(session: Session, merchant_id: str, as_json: bool) -> Seller:
    from sqlalchemy import select

    from parley.store.models import Seller

    seller = session.scalar(select(Seller).where(Seller.merchant_id == merchant_id))
    if seller is None:
        raise _fail("seller_not_found", f"no seller {merchant_id!r}", as_json)
    return seller


def feedback_list(
    seller: Annotated[str, typer.Argument(help="The seller's merchant ID.")],
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
    include_removed: Annotated[bool, typer.Option("--include-removed", help="List removed feedback too.")] = False,
) -> None:
    """List the seller's feedback: rating, comment, order and the buyer's relay address."""
    from parley.marketplace.feedback import metrics
    from parley.store.database import transaction

    with transaction(_upgrade(database_url)) as session:
        owner = _seller(session, seller, as_json)
        rows = metrics.records(session, owner, language=language, include_removed=include_removed)
        payload = [row.to_dict() for row in rows]
    lines = [
        f"{row['feedback_id']:>6}  {row['rating']}★ {row['status']:<8} {row['order_id']}  {row['buyer']}\n"
        f"        {row['comment']}" + (f"\n        ({row['note']})" if row["note"] else "")
        for row in payload
    ]
    _emit(payload, as_json, "\n".join(lines) or "no feedback")


def feedback_metrics(
    seller: Annotated[str, typer.Argument(help="The seller's merchant ID.")],
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Positive, neutral and negative counts and percentages over 30, 90, 365 days and lifetime."""
    from parley.marketplace.feedback import metrics
    from parley.store.database import transaction

    with transaction(_upgrade(database_url)) as session:
        windows = metrics.metrics(session, _seller(session, seller, as_json), now=_now())
    payload = [window.to_dict() for window in windows]

    def percent(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}%"

    lines = [f"{'window':<9} {'total':>5} {'positive':>15} {'neutral':>15} {'negative':>15}"]
    for row in payload:
        cells = [f"{row[kind]:>5} {percent(row['percent'][kind]):>8}" for kind in ("positive", "neutral", "negative")]
        lines.append(f"{row['window']:<9} {row['total']:>5} " + " ".join(f"{cell:>15}" for cell in cells))
    _emit(payload, as_json, "\n".join(lines))


def _request(
    kind: str, feedback_id: int, *, seller: str, database_url: str | None, as_json: bool, language: str | None
) -> None:
    from parley.marketplace.feedback import removal, strike
    from parley.marketplace.feedback.errors import FeedbackError
    from parley.store.database import transaction

    decide = strike.request if kind == "strike" else removal.request
    with transaction(_upgrade(database_url)) as session:
        owner = _seller(session, seller, as_json)
        reader = language or owner.language
        try:
            payload = decide(session, owner, feedback_id, now=_now()).to_dict(reader)
        except FeedbackError as error:
            raise _fail(error.code, error.message(reader), as_json) from None
    text = f"{payload['outcome']} ({payload['reason']}): {payload['message']}"
    if "throttle" in payload:
        text += f"\n{payload['throttle']['message']}"
    _emit(payload, as_json, text)
    raise typer.Exit(0 if payload["outcome"] == "granted" else 1)


def feedback_strike(
    feedback_id: Annotated[int, typer.Argument(help="The feedback's ID (see feedback list).")],
    seller: SellerOption,
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """Ask for a negative feedback on a marketplace-fulfilled order to be struck through."""
    _request("strike", feedback_id, seller=seller, database_url=database_url, as_json=as_json, language=language)


def feedback_remove(
    feedback_id: Annotated[int, typer.Argument(help="The feedback's ID (see feedback list).")],
    seller: SellerOption,
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """Ask for a feedback to be removed (obscene, personal information, entirely a product review)."""
    _request("removal", feedback_id, seller=seller, database_url=database_url, as_json=as_json, language=language)


def feedback_leave(
    order_id: Annotated[str, typer.Argument(help="The order ID, 3-7-7 digits.")],
    *,
    buyer_email: Annotated[str, typer.Option("--buyer-email", help="The buyer's own e-mail address.")],
    rating: Annotated[int, typer.Option(help="1 to 5 stars.")],
    comment: Annotated[str, typer.Option(help="The buyer's comment.")],
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """Leave feedback on a delivered order as its buyer."""
    from sqlalchemy import select

    from parley.marketplace.feedback import records
    from parley.marketplace.feedback.errors import FeedbackError
    from parley.store.database import transaction
    from parley.store.models import Buyer

    with transaction(_upgrade(database_url)) as session:
        buyer = session.scalar(select(Buyer).where(Buyer.email == buyer_email.strip().lower()))
        if buyer is None:
            raise _fail("buyer_not_found", f"no buyer {buyer_email!r}", as_json)
        reader = language or buyer.preferred_language
        try:
            left = records.leave(session, buyer, order_id, rating, comment, now=_now())
        except FeedbackError as error:
            raise _fail(error.code, error.message(reader), as_json) from None
        payload = {
            "feedback_id": left.id,
            "order_id": order_id,
            "rating": left.rating,
            "left_at": left.left_at.isoformat(),
        }
    _emit(payload, as_json, f"feedback {payload['feedback_id']} left on order {order_id}: {rating}★")


def register(feedback_app: typer.Typer) -> None:
    feedback_app.command("list")(feedback_list)
    feedback_app.command("metrics")(feedback_metrics)
    feedback_app.command("strike")(feedback_strike)
    feedback_app.command("remove")(feedback_remove)
    feedback_app.command("leave")(feedback_leave)
