"""Send messages through the messaging service and deliver them from the outbox; print the rates.

    python bench/messaging.py                      # SQLite in a temporary file
    python bench/messaging.py --postgres postgresql://postgres@127.0.0.1:5432/parley_bench --workers 2
    python bench/messaging.py --messages 500

Sending: each message is its own transaction (eligibility, the policy engine, the audit trail and
the outbox rows, committed), as an API call would be. Delivery: workers drain the outbox to the
in-app inboxes and to an e-mail sender that only composes the mail (no network), so the figure is
the service's own cost. One message is sent before timing, so loading the language model and
compiling the lexicons (about 3 s, once per process) is not counted. The CPU time is printed too.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select, text

from parley.marketplace import accounts, intake, messaging
from parley.marketplace.messaging import mail, outbox
from parley.marketplace.messaging.settings import MessagingSettings
from parley.store import migrate
from parley.store.database import make_engine, transaction
from parley.store.models import Seller

TEXT = (
    "Hej {name}! Vi behöver veta vilken färg du vill ha på graveringen för order {order_id}. "
    "Svara gärna med färgen så skickar vi varan direkt."
)


def _prepare(url: str, count: int) -> tuple[Engine, list[str]]:
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(engine)
    now = datetime.now(UTC)
    with transaction(engine) as session:
        sweden = accounts.ensure_marketplaces(session, ["SE"])[0]
        seller = accounts.create_seller(session, "A1BENCH", "Bench AB", "bench@seller.example", language="sv")
        order_ids = []
        for n in range(count):
            buyer = accounts.create_buyer(session, f"Anna {n}", f"anna{n}@mail.example", "sv")
            item = intake.NewItem("SKU-1", "B000000001", "Gjutjärnspanna 28 cm", 1, 49900)
            placed = intake.place_order(session, sweden, seller, buyer, [item], purchase_date=now - timedelta(hours=2))
            order_ids.append(placed.amazon_order_id)
    return engine, order_ids


def _send_all(engine: Engine, order_ids: list[str]) -> list[float]:
    settings = MessagingSettings(daily_cap_base=10**9)
    latencies = []
    for order_id in order_ids:
        started = time.perf_counter()
        with transaction(engine) as session:
            seller = session.scalars(select(Seller).where(Seller.merchant_id == "A1BENCH")).one()
            outcome = messaging.send(
                session,
                seller,
                order_id,
                messaging.Kind.CONFIRM_ORDER_DETAILS,
                text=TEXT.format(name="Anna", order_id=order_id),
                settings=settings,
            )
            assert outcome.status == "accepted", outcome.explain("en")
        latencies.append(time.perf_counter() - started)
    return latencies


def _deliver(engine: Engine, workers: int) -> int:
    delivered = [0] * workers

    def work(index: int) -> None:
        while True:
            report = outbox.run_once(engine, mail.no_email, limit=200)
            delivered[index] += report.delivered
            if not report.delivered:
                return

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(delivered)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="a PostgreSQL URL (its public schema is dropped and rebuilt)")
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--workers", type=int, default=1, help="delivery workers (use 1 on SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.postgres or f"sqlite:///{Path(folder) / 'bench.db'}"
        engine, order_ids = _prepare(url, args.messages + 1)
        _send_all(engine, order_ids[:1])  # warm-up: lexicons compiled and the language model loaded
        order_ids = order_ids[1:]
        cpu, wall = time.process_time(), time.perf_counter()
        latencies = _send_all(engine, order_ids)
        send_wall, send_cpu = time.perf_counter() - wall, time.process_time() - cpu
        cpu, wall = time.process_time(), time.perf_counter()
        delivered = _deliver(engine, args.workers)
        deliver_wall, deliver_cpu = time.perf_counter() - wall, time.process_time() - cpu
        engine.dispose()
    print(f"database: {engine.dialect.name}, {args.messages} messages, {args.workers} delivery worker(s)")
    ordered = sorted(latencies)
    print(
        f"send:    {args.messages / send_wall:7.1f} messages/s  (CPU {send_cpu:.1f} s)  "
        f"p50 {statistics.median(ordered) * 1000:.1f} ms  p99 {ordered[int(len(ordered) * 0.99) - 1] * 1000:.1f} ms"
    )
    print(
        f"deliver: {delivered / deliver_wall:7.1f} deliveries/s ({delivered} inbox + e-mail, CPU {deliver_cpu:.1f} s)"
    )


if __name__ == "__main__":
    main()
