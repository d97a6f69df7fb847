"""Delivery through the outbox: exactly once to the inbox, retries with backoff, two workers on
PostgreSQL sharing the queue, a crash between sending and marking, and real SMTP to a sink."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from parley.marketplace import messaging
from parley.marketplace.messaging import mail, outbox
from parley.marketplace.messaging.settings import MessagingSettings
from parley.store.database import transaction
from parley.store.messaging_models import Delivery, InboxEntry, Message, Thread
from parley.store.models import Buyer, Marketplace, Order, Seller
from tests.marketplace.helpers import order, world
from tests.marketplace.messaging.helpers import NOW, send

SETTINGS = MessagingSettings(delivery_backoff_seconds=10, delivery_max_attempts=3)


@pytest.fixture
def committed(engine: Engine) -> Iterator[Engine]:
    """Tests of workers need committed rows; everything they made is deleted afterwards."""
    yield engine
    with transaction(engine) as session:
        for table in (InboxEntry, Delivery, Message, Thread, Order, Buyer, Seller, Marketplace):
            session.execute(delete(table))


def _queue_messages(engine: Engine, count: int) -> list[str]:
    ids = []
    with transaction(engine) as session:
        w = world(session)
        for _ in range(count):
            o = order(session, w)
            outcome = send(session, w.seller, o, settings=SETTINGS)
            assert outcome.status == "accepted", outcome.explain("en")
            ids.append(outcome.message.public_id)
    return ids


class Recorder:
    def __init__(self, fail_first: int = 0) -> None:
        self.sent: list[tuple[str, str]] = []
        self.fail_first = fail_first
        self.lock = threading.Lock()

    def __call__(self, session: Session, message: Message, channel: str) -> None:
        with self.lock:
            if self.fail_first:
                self.fail_first -= 1
                raise outbox.DeliveryError("smarthost said 451")
            mail.compose(session, message, channel)
            self.sent.append((message.public_id, channel))


def _inbox_counts(engine: Engine) -> Counter[int]:
    with transaction(engine) as session:
        return Counter(session.scalars(select(InboxEntry.message_id)))


def test_each_message_reaches_the_inbox_and_the_mail_once(committed: Engine) -> None:
    ids = _queue_messages(committed, 3)
    recorder = Recorder()
    report = outbox.run_once(committed, recorder, SETTINGS, now=NOW)
    assert report.delivered == 6
    assert sorted(recorder.sent) == sorted((i, "email") for i in ids)
    assert set(_inbox_counts(committed).values()) == {1}
    assert outbox.run_once(committed, recorder, SETTINGS, now=NOW).delivered == 0
    with transaction(committed) as session:
        assert set(session.scalars(select(Message.status))) == {"delivered"}


def test_failures_are_retried_with_backoff_then_given_up(committed: Engine) -> None:
    _queue_messages(committed, 1)
    recorder = Recorder(fail_first=10)
    first = outbox.run_once(committed, recorder, SETTINGS, now=NOW)
    assert (first.delivered, first.retried) == (1, 1)  # the inbox went, the e-mail waits
    assert outbox.run_once(committed, recorder, SETTINGS, now=NOW + timedelta(seconds=9)).retried == 0
    assert outbox.run_once(committed, recorder, SETTINGS, now=NOW + timedelta(seconds=10)).retried == 1
    last = outbox.run_once(committed, recorder, SETTINGS, now=NOW + timedelta(seconds=40))
    assert last.failed == 1
    with transaction(committed) as session:
        email = session.scalars(select(Delivery).where(Delivery.channel == "email")).one()
        assert (email.status, email.attempts) == ("failed", 3)
        assert "451" in (email.last_error or "")


def test_a_crash_before_marking_delivers_again_but_never_duplicates_the_inbox(committed: Engine) -> None:
    ids = _queue_messages(committed, 1)

    class Crash(BaseException):
        pass

    def crash_after_sending(session: Session, message: Message, channel: str) -> None:
        raise Crash  # the process dies after the smarthost took the mail, before the commit

    assert outbox.deliver_one(committed, crash_after_sending, SETTINGS, now=NOW) == "delivered"  # the inbox
    with pytest.raises(Crash):
        outbox.deliver_one(committed, crash_after_sending, SETTINGS, now=NOW)
    with transaction(committed) as session:  # the crash rolled back: the e-mail delivery is still pending
        email = session.scalars(select(Delivery).where(Delivery.channel == "email")).one()
        assert (email.status, email.attempts) == ("pending", 0)
    recorder = Recorder()
    outbox.run_once(committed, recorder, SETTINGS, now=NOW)
    assert recorder.sent == [(ids[0], "email")]
    assert list(_inbox_counts(committed).values()) == [1]


def test_two_workers_on_postgresql_deliver_each_message_exactly_once(postgresql_engine: Engine) -> None:
    engine = postgresql_engine
    try:
        ids = _queue_messages(engine, 40)
        recorder = Recorder()
        barrier = threading.Barrier(2)

        def work() -> None:
            barrier.wait()
            outbox.run_once(engine, recorder, SETTINGS, now=NOW)

        workers = [threading.Thread(target=work) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
        assert sorted(recorder.sent) == sorted((i, "email") for i in ids)
        assert sorted(_inbox_counts(engine).values()) == [1] * 40
        with transaction(engine) as session:
            assert session.scalar(select(func.count()).where(Delivery.status != "done")) == 0
    finally:
        with transaction(engine) as session:
            for table in (InboxEntry, Delivery, Message, Thread, Order, Buyer, Seller, Marketplace):
                session.execute(delete(table))


class Sink:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def sink() -> Iterator[tuple[Sink, int]]:
    handler = Sink()
    with socket.socket() as probe:  # aiosmtpd checks readiness by connecting, so it needs a real port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def test_mail_goes_through_the_smarthost_and_never_shows_the_buyer_address_to_the_seller(
    committed: Engine, sink: tuple[Sink, int]
) -> None:
    handler, port = sink
    ids = _queue_messages(committed, 1)
    with transaction(committed) as session:
        w_seller = session.scalars(select(Seller).where(Seller.merchant_id == "A1SELLERNORDIC")).one()
        o = session.scalars(select(Order)).one()
        inquiry = messaging.buyer_contact(
            session,
            o.buyer,
            w_seller,
            "URGENT from Amazon: verify your account at http://amaz0n-verify.example/login or pay to my PayPal",
            order_id=o.amazon_order_id,
            now=NOW,
        )
        assert inquiry.warnings
    sender = mail.SMTPSender("127.0.0.1", port)
    report = outbox.run_once(committed, sender, SETTINGS, now=NOW)
    assert report.delivered == 5 and report.retried == 0
    parsed = [(rcpt, message_from_bytes(data, policy=policy.default)) for _, rcpt, data in handler.received]
    to_buyer = [email for rcpt, email in parsed if rcpt == ["anna@mail.example"]]
    assert sorted(str(email["Message-ID"]).strip().split(".")[1].split("@")[0] for email in to_buyer) == [
        "email",
        "receipt",
    ]
    assert any(str(email["Message-ID"]).strip().startswith(f"<{ids[0]}.email@") for email in to_buyer)
    to_seller = next(email for rcpt, email in parsed if rcpt == ["shop@nordic.example"])
    raw_to_seller = next(data for _, rcpt, data in handler.received if rcpt == ["shop@nordic.example"])
    assert b"anna@mail.example" not in raw_to_seller
    assert to_seller[mail.WARNING_HEADER]
    assert "amaz0n-verify" in to_seller.get_content()
    assert len(handler.received) == 3  # the seller's message, the inquiry to the seller, the buyer's receipt


def test_an_unreachable_smarthost_is_a_retry() -> None:
    with pytest.raises(mail.SmarthostError):
        mail.smarthost("no-port")
    assert mail.smarthost("") is None
    assert mail.smarthost("mail.example:2525") == ("mail.example", 2525)


def test_the_marketplaces_notices_are_mailed_once_and_retried_on_failure(
    committed: Engine, sink: tuple[Sink, int]
) -> None:
    from parley.marketplace import orders
    from parley.store.models import OutboxNotice

    handler, port = sink
    with transaction(committed) as session:
        w = world(session)
        placed = order(session, w)
        orders.confirm_shipment(session, w.seller, placed.amazon_order_id, carrier="PostNord", now=NOW)
    failing = mail.SMTPSender("127.0.0.1", 1, timeout=2)  # nothing listens on port 1
    report = outbox.run_once(committed, mail.no_email, SETTINGS, now=NOW, notices=failing.notice)
    assert report.retried == 1 and handler.received == []
    sender = mail.SMTPSender("127.0.0.1", port)
    assert outbox.run_once(committed, mail.no_email, SETTINGS, now=NOW, notices=sender.notice).delivered == 0
    later = NOW + timedelta(seconds=SETTINGS.delivery_backoff_seconds)
    assert outbox.run_once(committed, mail.no_email, SETTINGS, now=later, notices=sender.notice).delivered == 1
    assert outbox.run_once(committed, mail.no_email, SETTINGS, now=later, notices=sender.notice).delivered == 0
    [(_, recipients, data)] = handler.received
    assert recipients == ["anna@mail.example"]
    email = message_from_bytes(data, policy=policy.default)
    assert placed.amazon_order_id in str(email["Subject"]) and "PostNord" in email.get_content()
    with transaction(committed) as session:
        notice = session.scalars(select(OutboxNotice)).one()
        assert notice.delivered_at is not None and notice.attempts == 2 and notice.last_error
        session.execute(delete(OutboxNotice))
