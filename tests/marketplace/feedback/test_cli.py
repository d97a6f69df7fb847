"""The feedback commands, run through a Typer app built here as the lead will wire them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import typer
from typer.testing import CliRunner

from parley.cli_feedback_manager import register
from parley.marketplace.catalog import Channel
from parley.store import migrate
from parley.store.database import make_engine, transaction
from tests.marketplace.feedback.helpers import delivered, world


def _app() -> typer.Typer:
    app = typer.Typer()
    feedback_app = typer.Typer()
    register(feedback_app)
    app.add_typer(feedback_app, name="feedback")
    return app


def test_leave_list_metrics_strike_and_remove(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    now = datetime.now(UTC)
    with transaction(engine) as session:
        w = world(session)
        late = delivered(session, w, channel=Channel.AFN, delivered_at=now - timedelta(days=3)).amazon_order_id
        broken = delivered(session, w, channel=Channel.MFN, delivered_at=now - timedelta(days=3)).amazon_order_id
    runner, app = CliRunner(), _app()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["feedback", *args, "--database-url", url])
        return result.exit_code, result.output

    code, out = run("leave", late, "--buyer-email", "ANNA.real@mail.example", "--rating", "1",
                    "--comment", "The parcel arrived two weeks late.", "--json")  # fmt: skip
    assert code == 0, out
    late_id = json.loads(out)["feedback_id"]
    code, out = run("leave", broken, "--buyer-email", "anna.real@mail.example", "--rating", "2",
                    "--comment", "The handle broke after two days.", "--json")  # fmt: skip
    broken_id = json.loads(out)["feedback_id"]
    code, out = run("leave", broken, "--buyer-email", "anna.real@mail.example", "--rating", "2",
                    "--comment", "x", "--json")  # fmt: skip
    assert (code, json.loads(out)["error"]) == (2, "already_left")

    code, out = run("list", "A1FBNORDIC", "--json")
    rows = json.loads(out)
    assert code == 0 and {row["feedback_id"] for row in rows} == {late_id, broken_id}
    assert "anna.real@mail.example" not in out and all(row["buyer"].count("@") == 1 for row in rows)

    code, out = run("strike", str(broken_id), "--seller", "A1FBNORDIC", "--json")
    assert (code, json.loads(out)["reason"]) == (1, "seller_fulfilled")
    code, out = run("strike", str(late_id), "--seller", "A1FBNORDIC")
    assert code == 0 and out.startswith("granted (fulfilment_only)")
    code, out = run("strike", str(late_id), "--seller", "A2FBOTHER", "--json")
    assert (code, json.loads(out)["error"]) == (2, "feedback_not_found")

    code, out = run("metrics", "A1FBNORDIC", "--json")
    lifetime = json.loads(out)[-1]
    assert (lifetime["window"], lifetime["negative"], lifetime["total"]) == ("lifetime", 1, 1)
    code, out = run("list", "A1FBNORDIC", "--language", "de")
    assert "Amazon.se versandt" in out and "struck" in out

    code, out = run("remove", str(broken_id), "--seller", "A1FBNORDIC", "--json")
    assert (code, json.loads(out)["reason"]) == (0, "product_review")
    code, out = run("metrics", "A1FBNORDIC")
    assert code == 0 and out.splitlines()[-1].split()[:2] == ["lifetime", "0"]
    assert run("list", "NOBODY")[0] == 2
