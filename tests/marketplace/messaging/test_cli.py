"""``parley messages``, ``parley standing`` and ``parley worker`` on a demo database."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from parley.cli import _add_marketplace_commands, app
from parley.store.database import make_engine, transaction
from parley.store.models import Order, Seller

SELLER = "A1NORDICKITCHEN"


def _unshipped_order(url: str) -> str:
    engine = make_engine(url)
    with transaction(engine) as session:
        order_id = session.scalars(
            select(Order.amazon_order_id)
            .join(Seller, Seller.id == Order.seller_id)
            .where(Seller.merchant_id == SELLER, Order.status == "Unshipped", Order.channel == "MFN")
            .limit(1)
        ).one()
    engine.dispose()
    return order_id


def test_actions_send_worker_and_standing(tmp_path: Path) -> None:
    _add_marketplace_commands()
    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert runner.invoke(app, ["demo", "--database-url", url]).exit_code == 0
    order_id = _unshipped_order(url)

    listed = runner.invoke(app, ["messages", "actions", order_id, "--seller", SELLER, "--database-url", url, "--json"])
    rows = {row["kind"]: row for row in json.loads(listed.stdout)}
    assert rows["confirmOrderDetails"]["available"] is True
    assert rows["productReviewAndSellerFeedback"]["reasons"][0]["code"] == "not_shipped"

    blocked = runner.invoke(
        app,
        [
            "messages",
            "send",
            order_id,
            "--seller",
            SELLER,
            "--kind",
            "confirmOrderDetails",
            "--database-url",
            url,
            "--text",
            "Visit https://my-shop.example for 20% off",
            "--json",
        ],
    )
    assert blocked.exit_code == 1
    result = json.loads(blocked.stdout)
    assert result["status"] == "blocked"
    assert {"LK01", "MK01"} <= {finding["rule"] for finding in result["findings"]}

    sent = runner.invoke(
        app,
        [
            "messages",
            "send",
            order_id,
            "--seller",
            SELLER,
            "--kind",
            "confirmOrderDetails",
            "--template",
            "--database-url",
            url,
        ],
    )
    assert sent.exit_code == 0, sent.output
    unknown = runner.invoke(app, ["messages", "send", order_id, "--seller", SELLER, "--kind", "nope"])
    assert unknown.exit_code == 2 and "confirmOrderDetails" in unknown.output
    other = runner.invoke(
        app, ["messages", "actions", order_id, "--seller", "A2DUTCHCYCLES", "--database-url", url, "--json"]
    )
    assert other.exit_code == 1 and "not found" in other.output

    delivered = runner.invoke(app, ["worker", "--once", "--database-url", url])
    assert delivered.exit_code == 0
    assert int(re.search(r"delivered (\d+)", delivered.output).group(1)) >= 2  # type: ignore[union-attr]
    again = runner.invoke(app, ["worker", "--once", "--database-url", url])
    assert "delivered" not in again.output.replace("delivering", "")

    shown = runner.invoke(app, ["standing", SELLER, "--database-url", url, "--json"])
    assert json.loads(shown.stdout)["violations"] >= 1
    lifted = runner.invoke(app, ["standing", SELLER, "--lift", "--database-url", url])
    assert "nothing to lift" in lifted.output
