"""Apply a feed record by record and write the processing report.

Records are read as a stream and applied in chunks: the chunk's orders are loaded with one query,
each record is checked against them and applied or reported, and the chunk is flushed. A bad
record is reported and skipped; the good ones around it are applied. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import IO, Any
from xml.etree.ElementTree import Element, SubElement, tostring

from sqlalchemy.orm import Session

from parley.marketplace import orders
from parley.marketplace.feeds import flat_feed, xml_feed
from parley.marketplace.feeds.records import (
    AdjustmentRecord,
    FeedFormatError,
    FeedType,
    Record,
    RecordError,
    ShipmentRecord,
)
from parley.store import orders_repository
from parley.store.bulk import Writes
from parley.store.models import Seller

CHUNK = 1000
MAX_RESULTS = 10_000
"""At most this many per-record results are kept; the counts cover every record."""


@dataclass(frozen=True)
class Result:
    message_id: int
    result_code: str
    """``Error`` or ``Warning``."""
    message_code: int
    description: str
    order_id: str | None = None
    item_code: str | None = None


@dataclass
class ProcessingReport:
    feed_id: str
    feed_type: str
    status: str = "Complete"
    """``Complete``, or ``Rejected`` when the document itself could not be read."""
    processed: int = 0
    successful: int = 0
    with_error: int = 0
    with_warning: int = 0
    results: list[Result] = field(default_factory=list)

    def add(self, result: Result) -> None:
        if len(self.results) < MAX_RESULTS:
            self.results.append(result)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_records(stream: IO[bytes], feed_type: FeedType) -> Iterator[Record]:
    reader = flat_feed.read if feed_type.is_flat_file else xml_feed.read
    return reader(stream, feed_type)


def process(
    session: Session,
    seller: Seller,
    feed_type: FeedType,
    stream: IO[bytes],
    *,
    feed_id: str,
    now: datetime | None = None,
) -> ProcessingReport:
    now = now or datetime.now(UTC)
    report = ProcessingReport(feed_id=feed_id, feed_type=str(feed_type))
    records = read_records(stream, feed_type)
    damage: FeedFormatError | None = None
    while damage is None:
        chunk: list[Record] = []
        try:
            for record in records:
                chunk.append(record)
                if len(chunk) == CHUNK:
                    break
        except FeedFormatError as error:
            damage = error  # what was read before the damage is still applied
        if chunk:
            _apply_chunk(session, seller, chunk, report, now=now, feed_id=feed_id)
        if len(chunk) < CHUNK:
            break
    if damage is not None:
        if report.processed == 0:
            report.status = "Rejected"
        report.add(Result(0, "Error", orders.MALFORMED, f"the feed could not be read further: {damage}"))
    return report


def _apply_chunk(
    session: Session, seller: Seller, chunk: list[Record], report: ProcessingReport, *, now: datetime, feed_id: str
) -> None:
    wanted = [record.order_id for record in chunk if not isinstance(record, RecordError)]
    loaded = orders_repository.load_for_seller(session, seller.id, wanted)
    writes = Writes()
    for record in chunk:
        report.processed += 1
        if isinstance(record, RecordError):
            report.with_error += 1
            report.add(Result(record.message_id, "Error", orders.MALFORMED, record.description, record.order_id))
            continue
        entry = loaded.get(record.order_id)
        if entry is None:
            report.with_error += 1
            report.add(
                Result(
                    record.message_id,
                    "Error",
                    orders.ORDER_NOT_FOUND,
                    f"order {record.order_id} was not found",
                    record.order_id,
                )
            )
            continue
        try:
            if isinstance(record, ShipmentRecord):
                applied = orders.apply_shipment(session, entry, record, now, feed_id, writes=writes)
            else:
                assert isinstance(record, AdjustmentRecord)
                applied = orders.apply_adjustment(session, entry, record, now, feed_id, writes=writes)
        except orders.OrderActionError as error:
            report.with_error += 1
            report.add(
                Result(record.message_id, "Error", error.code, error.description, record.order_id, error.item_code)
            )
            continue
        report.successful += 1
        if applied.duplicate:
            report.with_warning += 1
            report.add(
                Result(
                    record.message_id,
                    "Warning",
                    orders.DUPLICATE,
                    "already applied by an earlier message or feed: nothing changed",
                    record.order_id,
                )
            )
    writes.flush(session)


def to_xml(report: ProcessingReport, merchant_id: str) -> bytes:
    """The report as the marketplace returns it: an AmazonEnvelope of MessageType ProcessingReport."""
    envelope = Element("AmazonEnvelope")
    header = SubElement(envelope, "Header")
    SubElement(header, "DocumentVersion").text = "1.02"
    SubElement(header, "MerchantIdentifier").text = merchant_id
    SubElement(envelope, "MessageType").text = "ProcessingReport"
    message = SubElement(envelope, "Message")
    SubElement(message, "MessageID").text = "1"
    body = SubElement(message, "ProcessingReport")
    SubElement(body, "DocumentTransactionID").text = "".join(c for c in report.feed_id if c.isdigit()) or "0"
    SubElement(body, "StatusCode").text = report.status
    summary = SubElement(body, "ProcessingSummary")
    SubElement(summary, "MessagesProcessed").text = str(report.processed)
    SubElement(summary, "MessagesSuccessful").text = str(report.successful)
    SubElement(summary, "MessagesWithError").text = str(report.with_error)
    SubElement(summary, "MessagesWithWarning").text = str(report.with_warning)
    for result in report.results:
        node = SubElement(body, "Result")
        SubElement(node, "MessageID").text = str(result.message_id)
        SubElement(node, "ResultCode").text = result.result_code
        SubElement(node, "ResultMessageCode").text = str(result.message_code)
        SubElement(node, "ResultDescription").text = result.description
        if result.order_id or result.item_code:
            info = SubElement(node, "AdditionalInfo")
            if result.order_id:
                SubElement(info, "AmazonOrderID").text = result.order_id
            if result.item_code:
                SubElement(info, "AmazonOrderItemCode").text = result.item_code
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(envelope, encoding="utf-8", xml_declaration=False)
