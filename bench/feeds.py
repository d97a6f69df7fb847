"""Apply a 100,000-record shipping feed and print records/s and peak memory, on SQLite and PostgreSQL.

    python bench/feeds.py                         # SQLite in a temporary file
    python bench/feeds.py --postgres postgresql://postgres@127.0.0.1:5432/parley_bench
    python bench/feeds.py --records 20000 --flat

The orders are inserted first (not timed); then the feed is generated to a file and processed
from it, streaming, in one transaction that is committed at the end (timed, commit included).
Speed is timed without tracemalloc, which slows allocation-heavy code about threefold; peak memory
(tracemalloc's peak of Python allocations while processing) comes from a second run on a fresh
database, unless --no-memory. The CPU time of this process is printed too: on a busy machine it
tells the code's own cost better than the wall clock.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from parley.marketplace import accounts
from parley.marketplace.feeds import documents, processing
from parley.marketplace.feeds.records import FeedType
from parley.store import migrate
from parley.store.database import make_engine, session_factory
from parley.store.models import Order, OrderItem, TimelineEvent


def _prepare(url: str, records: int) -> tuple[object, int, list[str]]:
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(engine)
    bought = datetime.now(UTC) - timedelta(days=2)
    with session_factory(engine)() as session, session.begin():
        [sweden] = accounts.ensure_marketplaces(session, ["SE"])
        seller = accounts.create_seller(session, "A1BENCH", "Bench AB", "bench@seller.example")
        buyer = accounts.create_buyer(session, "Bench Buyer", "bench@buyer.example", "sv")
        seller_id, buyer_id = seller.id, buyer.id
        ids = [f"203-{n // 10**7:07d}-{n % 10**7:07d}" for n in range(1, records + 1)]
        for start in range(0, records, 10_000):
            chunk = ids[start : start + 10_000]
            rows = [
                {
                    "amazon_order_id": order_id,
                    "marketplace_id": sweden.id,
                    "seller_id": seller_id,
                    "buyer_id": buyer_id,
                    "status": "Unshipped",
                    "channel": "MFN",
                    "is_mcf": False,
                    "currency": "SEK",
                    "purchase_date": bought,
                    "earliest_ship_date": bought,
                    "latest_ship_date": bought + timedelta(days=2),
                    "earliest_delivery_date": bought + timedelta(days=3),
                    "latest_delivery_date": bought + timedelta(days=5),
                    "delivered_at": None,
                    "completed_at": None,
                }
                for order_id in chunk
            ]
            pks = session.scalars(insert(Order).returning(Order.id, sort_by_parameter_order=True), rows).all()
            session.execute(
                insert(OrderItem),
                [
                    {
                        "order_id": pk,
                        "item_code": f"{start + n:014d}",
                        "sku": "SKU-1",
                        "asin": "B000000001",
                        "title": "Cast iron pan",
                        "quantity": 1,
                        "price_minor": 34900,
                        "image_url": None,
                        "quantity_shipped": 0,
                        "quantity_canceled": 0,
                        "refunded_minor": 0,
                    }
                    for n, pk in enumerate(pks)
                ],
            )
            session.execute(
                insert(TimelineEvent),
                [{"order_id": pk, "kind": "placed", "occurred_at": bought, "data": {}} for pk in pks],
            )
    return engine, seller_id, ids


def _feed(path: Path, ids: list[str], flat: bool) -> None:
    shipped = datetime.now(UTC) - timedelta(days=1)
    with path.open("w", encoding="utf-8") as out:
        if flat:
            out.write("order-id\tship-date\tcarrier-code\ttracking-number\tship-method\n")
            for n, order_id in enumerate(ids):
                out.write(f"{order_id}\t{shipped.isoformat()}\tPostNord\t00370{n:015d}\tStandard\n")
            return
        out.write(documents.envelope_head("A1BENCH", "OrderFulfillment"))
        for n, order_id in enumerate(ids, 1):
            out.write(documents.fulfillment_message(n, order_id, shipped, "PostNord", tracking=f"00370{n:015d}"))
        out.write(documents.ENVELOPE_TAIL)


def _process(url: str, records: int, flat: bool, *, trace: bool) -> tuple[str, int, float, float, int, object]:
    from parley.store.models import Seller

    engine, seller_id, ids = _prepare(url, records)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "feed.txt"
        _feed(path, ids, flat)
        size = path.stat().st_size
        if trace:
            tracemalloc.start()
        started, cpu_started = time.perf_counter(), time.process_time()
        with session_factory(engine)() as session, session.begin(), path.open("rb") as stream:  # type: ignore[arg-type]
            seller = session.get(Seller, seller_id)
            kind = FeedType.FLAT_FILE_FULFILLMENT if flat else FeedType.ORDER_FULFILLMENT
            report = processing.process(session, seller, kind, stream, feed_id="1")  # type: ignore[arg-type]
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        peak = 0
        if trace:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    name = engine.dialect.name  # type: ignore[attr-defined]
    engine.dispose()  # type: ignore[attr-defined]
    return name, size, elapsed, cpu, peak, report


def run(url: str, records: int, flat: bool, memory: bool = True) -> None:
    name, size, elapsed, cpu, _, report = _process(url, records, flat, trace=False)
    print(
        f"{name:<10} {'flat' if flat else 'xml':<4} {records:>7} records ({size / 1e6:.1f} MB): {elapsed:6.1f} s, "
        f"{records / elapsed:7.0f} records/s ({cpu:.1f} s of CPU in this process); "
        f"{report.successful} successful, {report.with_error} with error"  # type: ignore[attr-defined]
    )
    if memory:
        *_, peak, _ = _process(url, records, flat, trace=True)
        print(f"{'':<10} {'':<4} peak Python memory while processing (second run, tracemalloc): {peak / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--postgres", help="a PostgreSQL URL (its public schema is dropped and rebuilt)")
    parser.add_argument("--flat", action="store_true", help="a tab-delimited flat file instead of XML")
    parser.add_argument("--no-memory", action="store_true", help="skip the second run that measures memory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        run(f"sqlite:///{directory}/bench.db", args.records, args.flat, not args.no_memory)
    if args.postgres:
        run(args.postgres, args.records, args.flat, not args.no_memory)


if __name__ == "__main__":
    main()
