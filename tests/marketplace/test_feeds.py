"""Order feeds on both databases: XML and flat files, reports, duplicates and bad input."""

from __future__ import annotations

import io
from xml.etree.ElementTree import fromstring

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parley.marketplace.catalog import OrderStatus
from parley.marketplace.feeds import processing
from parley.marketplace.feeds.records import FeedType
from parley.store.models import Adjustment, OutboxNotice, Shipment
from tests.marketplace.helpers import NOW, order, world


def _envelope(message_type: str, messages: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="amzn-envelope.xsd"><Header><DocumentVersion>1.01</DocumentVersion>'
        f"<MerchantIdentifier>A1SELLERNORDIC</MerchantIdentifier></Header><MessageType>{message_type}</MessageType>"
        f"{messages}</AmazonEnvelope>"
    ).encode()


def _fulfillment(message_id: int, order_id: str, tracking: str = "1Z999AA10123456784", items: str = "") -> str:
    return (
        f"<Message><MessageID>{message_id}</MessageID><OrderFulfillment><AmazonOrderID>{order_id}</AmazonOrderID>"
        "<FulfillmentDate>2026-05-05T10:00:00+02:00</FulfillmentDate><FulfillmentData><CarrierCode>UPS</CarrierCode>"
        f"<ShippingMethod>Standard</ShippingMethod><ShipperTrackingNumber>{tracking}</ShipperTrackingNumber>"
        f"</FulfillmentData>{items}</OrderFulfillment></Message>"
    )


def _process(session: Session, seller: object, feed_type: FeedType, data: bytes) -> processing.ProcessingReport:
    return processing.process(session, seller, feed_type, io.BytesIO(data), feed_id="50001", now=NOW)  # type: ignore[arg-type]


def test_xml_fulfillment_applies_good_records_and_reports_bad_ones(session: Session) -> None:
    w = world(session)
    first, second = order(session, w), order(session, w)
    foreign = order(session, w)
    foreign.seller_id = w.other_seller.id
    session.flush()
    feed = _envelope(
        "OrderFulfillment",
        _fulfillment(1, first.amazon_order_id)
        + _fulfillment(2, "not-an-order")
        + _fulfillment(3, "999-0000000-0000000")
        + _fulfillment(4, foreign.amazon_order_id)
        + _fulfillment(
            5, second.amazon_order_id, items="<Item><AmazonOrderItemCode>12345678901234</AmazonOrderItemCode></Item>"
        )
        + _fulfillment(6, second.amazon_order_id, tracking="T6"),
    )
    report = _process(session, w.seller, FeedType.ORDER_FULFILLMENT, feed)
    assert (report.processed, report.successful, report.with_error, report.with_warning) == (6, 2, 4, 0)
    codes = {result.message_id: result.message_code for result in report.results}
    assert codes == {2: 5000, 3: 5001, 4: 5001, 5: 5002}
    assert first.status == OrderStatus.SHIPPED and second.status == OrderStatus.SHIPPED
    assert foreign.status == OrderStatus.UNSHIPPED
    session.expire_all()  # the bulk writes reached the database, not only the objects in memory
    assert first.status == OrderStatus.SHIPPED and second.status == OrderStatus.SHIPPED
    assert [item.quantity_shipped for item in first.items] == [2, 1]
    assert foreign.status == OrderStatus.UNSHIPPED
    # the report never tells a seller that another seller's order exists
    assert report.results[2].description == f"order {foreign.amazon_order_id} was not found"


def test_the_same_feed_twice_changes_nothing_the_second_time(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    feed = _envelope("OrderFulfillment", _fulfillment(1, placed.amazon_order_id))
    _process(session, w.seller, FeedType.ORDER_FULFILLMENT, feed)
    counts = [session.scalar(select(func.count()).select_from(t)) for t in (Shipment, OutboxNotice)]
    again = _process(session, w.seller, FeedType.ORDER_FULFILLMENT, feed)
    assert (again.successful, again.with_warning, again.with_error) == (1, 1, 0)
    assert again.results[0].message_code == 5008
    assert [session.scalar(select(func.count()).select_from(t)) for t in (Shipment, OutboxNotice)] == counts


def test_xml_adjustment_refund_and_cancel(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    first, second = (item.item_code for item in placed.items)
    feed = _envelope(
        "OrderAdjustment",
        f"<Message><MessageID>1</MessageID><OrderAdjustment><AmazonOrderID>{placed.amazon_order_id}</AmazonOrderID>"
        f"<ActionType>Cancel</ActionType><AdjustedItem><AmazonOrderItemCode>{first}</AmazonOrderItemCode>"
        "<AdjustmentReason>NoInventory</AdjustmentReason></AdjustedItem>"
        f"<AdjustedItem><AmazonOrderItemCode>{second}</AmazonOrderItemCode>"
        "<AdjustmentReason>CouldNotShip</AdjustmentReason></AdjustedItem></OrderAdjustment></Message>"
        f"<Message><MessageID>2</MessageID><OrderAdjustment><AmazonOrderID>{placed.amazon_order_id}</AmazonOrderID>"
        f"<AdjustedItem><AmazonOrderItemCode>{first}</AmazonOrderItemCode><AdjustmentReason>Bogus</AdjustmentReason>"
        "</AdjustedItem></OrderAdjustment></Message>",
    )
    report = _process(session, w.seller, FeedType.PAYMENT_ADJUSTMENT, feed)
    assert (report.successful, report.with_error) == (1, 1)
    assert "Bogus" in report.results[0].description
    assert placed.status == OrderStatus.CANCELED


def test_flat_files_for_shipping_and_refunds(session: Session) -> None:
    w = world(session)
    placed = order(session, w)
    first, second = (item.item_code for item in placed.items)
    shipping = (
        "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\n"
        f"{placed.amazon_order_id}\t{first}\t2\t2026-05-05\tPostNord\t\tAB123\tStandard\n"
        f"{placed.amazon_order_id}\t{second}\t1\t2026-05-05\tPostNord\t\tAB123\tStandard\n"
        f"{placed.amazon_order_id}\t{second}\tlots\t2026-05-05\tPostNord\t\tAB124\tStandard\n"
    )
    report = _process(session, w.seller, FeedType.FLAT_FILE_FULFILLMENT, shipping.encode())
    assert (report.processed, report.successful, report.with_error) == (2, 1, 1)
    assert report.results[0].message_id == 4  # the line of the bad row
    assert placed.status == OrderStatus.SHIPPED
    assert session.scalar(select(func.count()).select_from(Shipment).where(Shipment.order_id == placed.id)) == 1
    refunds = (
        "order-id\torder-item-id\tadjustment-reason-code\tcurrency\titem-price-adj\titem-tax-adj\n"
        f"{placed.amazon_order_id}\t{first}\tCustomerReturn\tSEK\t109.00\t0\n"
        f"{placed.amazon_order_id}\t{first}\tCustomerReturn\tEUR\t1.00\t0\n"
    )
    report = _process(session, w.seller, FeedType.FLAT_FILE_PAYMENT_ADJUSTMENT, refunds.encode())
    assert (report.successful, report.with_error) == (1, 1)
    assert report.results[0].message_code == 5007
    [adjustment] = session.scalars(select(Adjustment).where(Adjustment.order_id == placed.id)).all()
    assert adjustment.amount_minor == 10900
    assert adjustment.reason == "CustomerReturn"


def test_unreadable_documents_are_rejected_with_a_reason(session: Session) -> None:
    w = world(session)
    cases = [
        (FeedType.ORDER_FULFILLMENT, b"<AmazonEnvelope><MessageType>OrderFulfillment</MessageType><Message>"),
        (FeedType.ORDER_FULFILLMENT, _envelope("OrderAdjustment", "")),
        (FeedType.ORDER_FULFILLMENT, b'<!DOCTYPE x [<!ENTITY a "aaaa">]><AmazonEnvelope/>'),
        (FeedType.FLAT_FILE_FULFILLMENT, b"order-id\tship-date\n\xff\xfe\n"),
        (FeedType.FLAT_FILE_FULFILLMENT, b""),
        (FeedType.FLAT_FILE_PAYMENT_ADJUSTMENT, b"order-id\tcurrency\n"),
    ]
    for feed_type, data in cases:
        report = _process(session, w.seller, feed_type, data)
        assert report.status == "Rejected", data
        assert report.with_error == 0 and report.results and report.results[0].message_code == 5000


def test_a_damaged_xml_tail_keeps_what_came_before(session: Session) -> None:
    w = world(session)
    placed = [order(session, w, quantities=(1,)) for _ in range(60)]
    body = "".join(_fulfillment(n, o.amazon_order_id) for n, o in enumerate(placed, 1))
    feed = _envelope("OrderFulfillment", body)[: -len("</AmazonEnvelope>")] + b"<Message><MessageID>61</Mess"
    report = _process(session, w.seller, FeedType.ORDER_FULFILLMENT, feed)
    assert report.status == "Complete"
    assert report.successful >= 50  # all but those the parser had not yet handed over in its last block
    assert sum(o.status == OrderStatus.SHIPPED for o in placed) == report.successful
    assert report.results[-1].message_code == 5000


def test_the_report_as_xml(session: Session) -> None:
    w = world(session)
    report = _process(
        session, w.seller, FeedType.ORDER_FULFILLMENT, _envelope("OrderFulfillment", _fulfillment(7, "x"))
    )
    root = fromstring(processing.to_xml(report, "A1SELLERNORDIC"))
    assert root.findtext("MessageType") == "ProcessingReport"
    summary = root.find("Message/ProcessingReport/ProcessingSummary")
    assert summary is not None and summary.findtext("MessagesWithError") == "1"
    assert root.findtext("Message/ProcessingReport/Result/MessageID") == "7"


def test_every_message_code_is_documented() -> None:
    from pathlib import Path

    from parley.marketplace import orders

    documented = (Path(__file__).parents[2] / "docs" / "feeds.md").read_text(encoding="utf-8")
    codes = {
        value for name, value in vars(orders).items() if name.isupper() and isinstance(value, int) and value >= 5000
    }
    assert len(codes) == 11
    for code in codes:
        assert f"| {code} |" in documented, code


def test_written_feed_documents_read_back() -> None:
    from datetime import UTC, datetime

    from parley.marketplace.feeds import documents, xml_feed
    from parley.marketplace.feeds.records import AdjustmentRecord, ShipmentRecord

    shipped = datetime(2026, 5, 5, 10, tzinfo=UTC)
    fulfillment = documents.envelope(
        "A1 & Co",
        "OrderFulfillment",
        [
            documents.fulfillment_message(
                1, "203-1234567-1234567", shipped, "Bring & Co", tracking="T<1>", items=["12345678901234"]
            )
        ],
    )
    [record] = xml_feed.read(io.BytesIO(fulfillment), FeedType.ORDER_FULFILLMENT)
    assert isinstance(record, ShipmentRecord)
    assert (record.carrier, record.tracking_number, record.shipped_at) == ("Bring & Co", "T<1>", shipped)
    assert [item.item_code for item in record.items] == ["12345678901234"]
    cancel = documents.envelope(
        "A1",
        "OrderAdjustment",
        [documents.adjustment_message(2, "203-1234567-1234567", "Cancel", [("12345678901234", "NoInventory")])],
    )
    [adjustment] = xml_feed.read(io.BytesIO(cancel), FeedType.PAYMENT_ADJUSTMENT)
    assert isinstance(adjustment, AdjustmentRecord)
    assert adjustment.action == "Cancel" and adjustment.items[0].reason == "NoInventory"
