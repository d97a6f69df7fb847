"""The marketplaces Parley knows, with their real marketplace IDs, and the order vocabularies."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum

RELAY_DOMAIN_VARIABLE = "PARLEY_RELAY_DOMAIN"
DEFAULT_RELAY_DOMAIN = "marketplace.parley.test"


@dataclass(frozen=True)
class MarketplaceInfo:
    id: str
    country_code: str
    domain: str
    default_language: str
    currency: str

    @property
    def name(self) -> str:
        return self.domain.capitalize()


MARKETPLACES: tuple[MarketplaceInfo, ...] = (
    MarketplaceInfo("A2NODRKZP88ZB9", "SE", "amazon.se", "sv", "SEK"),
    MarketplaceInfo("A1805IZSGTT6HS", "NL", "amazon.nl", "nl", "EUR"),
    MarketplaceInfo("A1PA6795UKMFR9", "DE", "amazon.de", "de", "EUR"),
    MarketplaceInfo("A13V1IB3VIYZZH", "FR", "amazon.fr", "fr", "EUR"),
    MarketplaceInfo("A1RKKUPIHCS9HS", "ES", "amazon.es", "es", "EUR"),
    MarketplaceInfo("APJ6JRA9NG5V4", "IT", "amazon.it", "it", "EUR"),
    MarketplaceInfo("A1C3SOZRARQ6R3", "PL", "amazon.pl", "pl", "PLN"),
    MarketplaceInfo("AMEN7PMS3EDWL", "BE", "amazon.com.be", "nl", "EUR"),
    MarketplaceInfo("A1F83G8C2ARO7P", "GB", "amazon.co.uk", "en", "GBP"),
    MarketplaceInfo("ATVPDKIKX0DER", "US", "amazon.com", "en", "USD"),
    MarketplaceInfo("A1VC38T7YXB528", "JP", "amazon.co.jp", "ja", "JPY"),
    MarketplaceInfo("AAHKV2X7AFYLW", "CN", "amazon.cn", "zh", "CNY"),
)
BY_ID = {marketplace.id: marketplace for marketplace in MARKETPLACES}
BY_COUNTRY = {marketplace.country_code: marketplace for marketplace in MARKETPLACES}

# Digits after the decimal point, per ISO 4217; the default is 2.
CURRENCY_EXPONENTS = {"JPY": 0, "KRW": 0}
CURRENCIES = frozenset({"SEK", "EUR", "PLN", "GBP", "USD", "JPY", "CNY", "CAD", "INR", "MXN", "BRL", "AUD"})


def relay_domain() -> str:
    return os.environ.get(RELAY_DOMAIN_VARIABLE) or DEFAULT_RELAY_DOMAIN


class OrderStatus(StrEnum):
    PENDING = "Pending"
    UNSHIPPED = "Unshipped"
    PARTIALLY_SHIPPED = "PartiallyShipped"
    SHIPPED = "Shipped"
    DELIVERED = "Delivered"
    CANCELED = "Canceled"


class Channel(StrEnum):
    AFN = "AFN"  # fulfilled by the marketplace's network
    MFN = "MFN"  # fulfilled by the seller


class AdjustmentAction(StrEnum):
    REFUND = "Refund"
    CANCEL = "Cancel"


class AdjustmentReason(StrEnum):
    """The OrderAdjustment feed's 18 reason codes, in the schema's order."""

    NO_INVENTORY = "NoInventory"
    CUSTOMER_RETURN = "CustomerReturn"
    GENERAL_ADJUSTMENT = "GeneralAdjustment"
    COULD_NOT_SHIP = "CouldNotShip"
    DIFFERENT_ITEM = "DifferentItem"
    ABANDONED = "Abandoned"
    CUSTOMER_CANCEL = "CustomerCancel"
    PRICE_ERROR = "PriceError"
    PRODUCT_OUT_OF_STOCK = "ProductOutofStock"
    CUSTOMER_ADDRESS_INCORRECT = "CustomerAddressIncorrect"
    EXCHANGE = "Exchange"
    OTHER = "Other"
    CARRIER_CREDIT_DECISION = "CarrierCreditDecision"
    RISK_ASSESSMENT_INFORMATION_NOT_VALID = "RiskAssessmentInformationNotValid"
    CARRIER_COVERAGE_FAILURE = "CarrierCoverageFailure"
    TRANSACTION_RECORD = "TransactionRecord"
    UNDELIVERABLE = "Undeliverable"
    REFUSED_DELIVERY = "RefusedDelivery"


UNAVAILABLE_REASONS = frozenset({AdjustmentReason.NO_INVENTORY, AdjustmentReason.COULD_NOT_SHIP})
"""The reasons that allow a "problem with order" message (G-ORDER-UNAVAILABLE)."""


class ComponentType(StrEnum):
    """The types of an adjusted item's price components (ItemPriceAdjustments)."""

    PRINCIPAL = "Principal"
    SHIPPING = "Shipping"
    TAX = "Tax"
    SHIPPING_TAX = "ShippingTax"
    RESTOCKING_FEE = "RestockingFee"
    RESTOCKING_FEE_TAX = "RestockingFeeTax"
    GIFT_WRAP = "GiftWrap"
    GIFT_WRAP_TAX = "GiftWrapTax"
    SURCHARGE = "Surcharge"
    RETURN_SHIPPING = "ReturnShipping"
    GOODWILL = "Goodwill"
    EXPORT_CHARGE = "ExportCharge"
    COD = "COD"
    COD_TAX = "CODTax"
    OTHER = "Other"
    FREE_REPLACEMENT_RETURN_SHIPPING = "FreeReplacementReturnShipping"


# Fees the seller keeps: they reduce what the buyer gets back (G-RETURN-REFUND: amount minus fees).
DEDUCTED_COMPONENTS = frozenset({ComponentType.RESTOCKING_FEE, ComponentType.RESTOCKING_FEE_TAX})
