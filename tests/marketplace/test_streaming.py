"""A 100,000-record feed is read as a stream: memory stays flat however long the feed is."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Iterator

from parley.marketplace.feeds import flat_feed, xml_feed
from parley.marketplace.feeds.records import FeedType, ShipmentRecord

RECORDS = 100_000


class _Generated(io.RawIOBase):
    """A file whose content is made as it is read, so the test itself holds no feed in memory."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray) -> int:  # type: ignore[override]
        while len(self._buffer) < len(target):
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def _xml() -> Iterator[bytes]:
    yield b"<AmazonEnvelope><Header><MerchantIdentifier>A1</MerchantIdentifier></Header>"
    yield b"<MessageType>OrderFulfillment</MessageType>"
    for n in range(1, RECORDS + 1):
        yield (
            f"<Message><MessageID>{n}</MessageID><OrderFulfillment><AmazonOrderID>203-{n:07d}-1234567</AmazonOrderID>"
            "<FulfillmentDate>2026-05-05T10:00:00Z</FulfillmentDate><FulfillmentData><CarrierName>DHL</CarrierName>"
            "</FulfillmentData></OrderFulfillment></Message>"
        ).encode()
    yield b"</AmazonEnvelope>"


def _flat() -> Iterator[bytes]:
    yield b"order-id\tship-date\tcarrier-code\ttracking-number\n"
    for n in range(1, RECORDS + 1):
        yield f"203-{n:07d}-1234567\t2026-05-05\tDHL\tT{n}\n".encode()


def _peak(records: Iterator[object]) -> tuple[int, int]:
    tracemalloc.start()
    count = sum(1 for record in records if isinstance(record, ShipmentRecord))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


def test_xml_feed_streams() -> None:
    stream = io.BufferedReader(_Generated(_xml()))
    count, peak = _peak(xml_feed.read(stream, FeedType.ORDER_FULFILLMENT))
    assert count == RECORDS
    assert peak < 8_000_000  # the feed itself is about 25 MB


def test_flat_feed_streams() -> None:
    stream = io.BufferedReader(_Generated(_flat()))
    count, peak = _peak(flat_feed.read(stream, FeedType.FLAT_FILE_FULFILLMENT))
    assert count == RECORDS
    assert peak < 8_000_000
