"""Marketplaces, sellers, buyers and the relay aliases that keep buyers' addresses private."""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.marketplace.catalog import MARKETPLACES, relay_domain
from parley.store.models import Buyer, BuyerAlias, Marketplace, Seller, SenderAddress

ALIAS_ALPHABET = string.ascii_lowercase + string.digits
ALIAS_LENGTH = 15
STANDINGS = ("normal", "templates_only", "suspended")


def ensure_marketplaces(session: Session, countries: Iterable[str] | None = None) -> list[Marketplace]:
    """The catalogue's marketplaces (or those of ``countries``), created when missing."""
    wanted = [m for m in MARKETPLACES if countries is None or m.country_code in set(countries)]
    existing = {m.id: m for m in session.scalars(select(Marketplace))}
    result = []
    for info in wanted:
        marketplace = existing.get(info.id)
        if marketplace is None:
            marketplace = Marketplace(
                id=info.id,
                country_code=info.country_code,
                name=info.name,
                domain=info.domain,
                default_language=info.default_language,
                currency=info.currency,
                relay_domain=relay_domain(),
            )
            session.add(marketplace)
        result.append(marketplace)
    session.flush()
    return result


def create_seller(
    session: Session,
    merchant_id: str,
    name: str,
    email: str,
    *,
    language: str = "en",
    sender_addresses: Iterable[str] = (),
    now: datetime | None = None,
) -> Seller:
    seller = Seller(
        merchant_id=merchant_id,
        name=name,
        email=email,
        language=language,
        standing="normal",
        created_at=now or datetime.now(UTC),
    )
    seller.sender_addresses = [SenderAddress(address=address.lower()) for address in {email, *sender_addresses}]
    session.add(seller)
    session.flush()
    return seller


def create_buyer(
    session: Session, name: str, email: str, preferred_language: str, *, now: datetime | None = None
) -> Buyer:
    buyer = Buyer(
        name=name,
        email=email.lower(),
        preferred_language=preferred_language,
        opted_out=False,
        created_at=now or datetime.now(UTC),
    )
    session.add(buyer)
    session.flush()
    return buyer


def alias_for(session: Session, buyer: Buyer, seller: Seller, marketplace: Marketplace) -> BuyerAlias:
    """The buyer's address as this seller knows it; one per buyer and seller, made on first use."""
    alias = session.scalar(select(BuyerAlias).where(BuyerAlias.buyer_id == buyer.id, BuyerAlias.seller_id == seller.id))
    if alias is not None:
        return alias
    while True:
        local = "".join(secrets.choice(ALIAS_ALPHABET) for _ in range(ALIAS_LENGTH))
        taken = session.scalar(
            select(BuyerAlias.id).where(BuyerAlias.local_part == local, BuyerAlias.domain == marketplace.relay_domain)
        )
        if taken is None:
            break
    alias = BuyerAlias(buyer_id=buyer.id, seller_id=seller.id, local_part=local, domain=marketplace.relay_domain)
    session.add(alias)
    session.flush()
    return alias
