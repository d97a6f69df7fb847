"""E-mail out of the outbox: to the buyer's real address, to the seller, and the buyer's receipt.

The seller never sees the buyer's real address: mail from a buyer reaches the seller from the
buyer's relay alias. Mail goes through the SMTP smarthost in ``PARLEY_SMTP_SMARTHOST``
(``host:port``). Each e-mail's Message-ID is derived from the message and the channel, so a
copy resent after a crash is recognisably the same e-mail.
"""

from __future__ import annotations

import os
import smtplib
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from sqlalchemy.orm import Session

from parley.marketplace import accounts
from parley.marketplace.messaging import checking, threads
from parley.marketplace.messaging.outbox import DeliveryError
from parley.policy.i18n import N_, normalise_language, render
from parley.store.messaging_models import Message
from parley.store.models import Buyer, Marketplace, Order, OutboxNotice, Seller

SMARTHOST_VARIABLE = "PARLEY_SMTP_SMARTHOST"
WARNING_HEADER = "X-Parley-Warning"
WARNING_BANNER = N_(
    "Warning: this message shows signs of phishing or of a payment outside the marketplace. "
    "Do not click its links, open its attachments or pay outside the marketplace. Reasons: %(reasons)s"
)
SELLER_VIA = N_("%(seller)s via %(marketplace)s")


class SmarthostError(ValueError):
    """``PARLEY_SMTP_SMARTHOST`` is not ``host:port``."""


def smarthost(value: str | None = None) -> tuple[str, int] | None:
    value = value if value is not None else os.environ.get(SMARTHOST_VARIABLE, "")
    if not value:
        return None
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise SmarthostError(f"{SMARTHOST_VARIABLE} must be host:port, not {value!r}")
    return host, int(port)


def _marketplace(session: Session, message: Message, seller: Seller) -> Marketplace:
    if message.order_id is not None:
        return session.get_one(Order, message.order_id).marketplace
    existing = accounts.ensure_marketplaces(session)
    return existing[0]


def seller_address(seller: Seller, marketplace: Marketplace) -> str:
    """The seller's relay address, which buyers write to."""
    return f"seller-{seller.merchant_id.lower()}@{marketplace.relay_domain}"


def compose(session: Session, message: Message, channel: str) -> EmailMessage:
    seller = session.get_one(Seller, message.seller_id)
    buyer = session.get_one(Buyer, message.buyer_id)
    marketplace = _marketplace(session, message, seller)
    email = EmailMessage()
    email["Message-ID"] = f"<{message.public_id}.{channel}@{marketplace.relay_domain}>"
    email["Date"] = format_datetime(message.created_at)
    alias = accounts.alias_for(session, buyer, seller, marketplace).address
    if message.direction == "outbound":
        name = render(SELLER_VIA, message.language, {"seller": seller.name, "marketplace": marketplace.name})
        email["From"] = formataddr((name, seller_address(seller, marketplace)))
        email["To"] = formataddr((buyer.name, buyer.email))
        email["Reply-To"] = seller_address(seller, marketplace)
        email["Subject"] = message.subject
        email.set_content(message.body)
        for attachment in message.attachments:
            main, _, sub = attachment.content_type.partition("/")
            email.add_attachment(attachment.data, maintype=main, subtype=sub, filename=attachment.file_name)
    elif channel == "receipt":
        language = normalise_language(buyer.preferred_language)
        email["From"] = formataddr((marketplace.name, f"no-reply@{marketplace.relay_domain}"))
        email["To"] = formataddr((buyer.name, buyer.email))
        email["Subject"] = message.subject
        email.set_content(render(threads.CONFIRMATION, language, {"seller": seller.name}) + "\n\n" + message.body)
    else:
        email["From"] = formataddr((buyer.name.split(" ")[0], alias))
        email["To"] = formataddr((seller.name, seller.email))
        email["Subject"] = message.subject
        body = message.body
        warnings = [finding for finding in message.findings if finding.get("action") in ("warn", "block")]
        if warnings:
            email[WARNING_HEADER] = "; ".join(sorted({str(finding.get("name")) for finding in warnings}))
            reasons = " ".join(dict.fromkeys(checking.retell(finding, message.language) for finding in warnings))
            body = render(WARNING_BANNER, message.language, {"reasons": reasons}) + "\n\n" + body
        email.set_content(body)
    return email


def envelope_recipient(session: Session, message: Message, channel: str) -> str:
    if message.direction == "outbound" or channel == "receipt":
        return session.get_one(Buyer, message.buyer_id).email
    return session.get_one(Seller, message.seller_id).email


class SMTPSender:
    """Sends outbox e-mail through the smarthost; a failure becomes a retry."""

    def __init__(self, host: str, port: int, timeout: float = 30.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout

    def __call__(self, session: Session, message: Message, channel: str) -> None:
        self._send(compose(session, message, channel), envelope_recipient(session, message, channel))

    def notice(self, session: Session, notice: OutboxNotice) -> None:
        self._send(compose_notice(session, notice), session.get_one(Buyer, notice.buyer_id).email)

    def _send(self, email: EmailMessage, recipient: str) -> None:
        sender = email["From"].addresses[0].addr_spec if email["From"].addresses else ""
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as client:
                client.send_message(email, from_addr=sender, to_addrs=[recipient])
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryError(f"{self.host}:{self.port}: {error}") from error


def compose_notice(session: Session, notice: OutboxNotice) -> EmailMessage:
    """One of the marketplace's own notices (shipped, refunded, canceled) as an e-mail to the buyer."""
    order = session.get_one(Order, notice.order_id)
    buyer = session.get_one(Buyer, notice.buyer_id)
    marketplace = order.marketplace
    email = EmailMessage()
    email["Message-ID"] = f"<notice-{notice.id}.{order.amazon_order_id}@{marketplace.relay_domain}>"
    email["Date"] = format_datetime(notice.created_at)
    email["From"] = formataddr((marketplace.name, f"no-reply@{marketplace.relay_domain}"))
    email["To"] = formataddr((buyer.name, buyer.email))
    email["Subject"] = notice.subject
    email.set_content(notice.body)
    return email


def no_email(session: Session, message: Message, channel: str) -> None:
    """Without a smarthost, e-mail is composed (so errors show) and kept in the in-app inbox only."""
    compose(session, message, channel)
