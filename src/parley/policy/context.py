"""What the engine knows about a message besides its content.

Every field is optional. A field left at its default means "unknown", and a
rule that needs it stays silent rather than guess: linting a template
library with no order at hand must not fail for want of an order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Direction(StrEnum):
    OUTBOUND = "outbound"  # seller to buyer
    INBOUND = "inbound"  # buyer to seller


class Document(StrEnum):
    """What is being checked: a message, or paper that travels in the box (G-ORDER-ID, G-REVIEW-*)."""

    MESSAGE = "message"
    INSERT = "insert"  # a card or leaflet in the shipping box
    PACKING_SLIP = "packing-slip"


class MessageKind(StrEnum):
    """Why a message is sent (G-PROACTIVE-REASONS), or that no reason was given."""

    ORDER_PROBLEM = "order-problem"
    ORDER_INFORMATION = "order-information"
    RETURN_QUESTION = "return-question"
    INVOICE = "invoice"
    REVIEW_REQUEST = "review-request"
    DELIVERY_SCHEDULING = "delivery-scheduling"
    HOME_SERVICE = "home-service"
    CUSTOM_DESIGN = "custom-design"
    NEEDED_FOR_PURCHASE = "needed-for-purchase"
    ORDER_CONFIRMATION = "order-confirmation"
    SHIPPING_CONFIRMATION = "shipping-confirmation"
    THANK_YOU = "thank-you"
    MARKETING = "marketing"
    FREE_TEXT = "free-text"


KIND_NAMES = (*(kind.value for kind in MessageKind), Document.INSERT.value, Document.PACKING_SLIP.value)
"""What ``--kind`` (and a corpus item's ``kind``) accepts: why a message is sent, or paper in the box."""


def parse_kind(value: str | None) -> tuple[Document, MessageKind | None]:
    """``insert`` / ``packing-slip`` name a document; anything else names why a message is sent."""
    if value is None:
        return Document.MESSAGE, None
    if value in (Document.INSERT, Document.PACKING_SLIP):
        return Document(value), None
    try:
        return Document.MESSAGE, MessageKind(value)
    except ValueError:
        raise ValueError(value) from None


PERMITTED_PROACTIVE_KINDS = frozenset(
    {
        MessageKind.ORDER_PROBLEM,
        MessageKind.ORDER_INFORMATION,
        MessageKind.RETURN_QUESTION,
        MessageKind.INVOICE,
        MessageKind.REVIEW_REQUEST,
        MessageKind.DELIVERY_SCHEDULING,
        MessageKind.HOME_SERVICE,
        MessageKind.CUSTOM_DESIGN,
        MessageKind.NEEDED_FOR_PURCHASE,
    }
)

LANGUAGES = ("en", "sv", "nl", "de", "fr", "es", "it", "pl", "ja", "zh")

AMAZON_DOMAINS = (
    "amazon.com",
    "amazon.ca",
    "amazon.com.mx",
    "amazon.com.br",
    "amazon.co.uk",
    "amazon.ie",
    "amazon.de",
    "amazon.fr",
    "amazon.it",
    "amazon.es",
    "amazon.nl",
    "amazon.com.be",
    "amazon.se",
    "amazon.pl",
    "amazon.com.tr",
    "amazon.ae",
    "amazon.sa",
    "amazon.eg",
    "amazon.in",
    "amazon.sg",
    "amazon.com.au",
    "amazon.co.jp",
    "amazon.cn",
    "amzn.to",
    "amzn.eu",
    "amzn.asia",
    "a.co",
    "media-amazon.com",
    "ssl-images-amazon.com",
    "images-amazon.com",
)

# Carriers' own tracking sites in the marketplaces' countries. Aggregators are not here on purpose.
CARRIER_TRACKING_HOSTS = (
    "ups.com",
    "fedex.com",
    "usps.com",
    "dhl.com",
    "dhl.de",
    "dhl.se",
    "dhl.nl",
    "dhlparcel.nl",
    "dhlparcel.se",
    "postnord.se",
    "postnord.dk",
    "postnord.no",
    "postnord.fi",
    "postnl.nl",
    "postnl.post",
    "dpd.com",
    "dpd.de",
    "dpd.nl",
    "dpd.co.uk",
    "dpd.fr",
    "gls-group.com",
    "gls-group.eu",
    "gls-pakete.de",
    "gls-info.nl",
    "royalmail.com",
    "parcelforce.com",
    "evri.com",
    "myhermes.de",
    "bring.se",
    "bring.no",
    "budbee.com",
    "instabox.se",
    "inpost.pl",
    "inpost.eu",
    "poczta-polska.pl",
    "pocztex.pl",
    "laposte.fr",
    "colissimo.fr",
    "chronopost.fr",
    "correos.es",
    "seur.com",
    "mrw.es",
    "poste.it",
    "brt.it",
    "sda.it",
    "bpost.be",
    "canadapost-postescanada.ca",
    "canadapost.ca",
    "japanpost.jp",
    "post.japanpost.jp",
    "kuronekoyamato.co.jp",
    "sagawa-exp.co.jp",
    "sf-express.com",
    "ems.com.cn",
    "yto.net.cn",
    "zto.com",
    "sto.cn",
    "jtexpress.com",
)

DEFAULT_PHONE_REGIONS = ("SE", "NL", "DE", "GB", "US", "FR", "ES", "IT", "PL", "JP", "CN", "BE")


@dataclass(frozen=True)
class Context:
    """Facts about a message. Defaults are documented per field."""

    direction: Direction = Direction.OUTBOUND
    """Seller to buyer unless said otherwise."""
    document: Document = Document.MESSAGE
    """A message unless said otherwise; inserts and packing slips run only the rules that govern them."""
    proactive: bool = True
    """True unless the message replies to the buyer (the stricter assumption)."""
    kind: MessageKind | None = None
    """Why the message is sent; None when unknown (no purpose rule fires)."""
    order_id: str | None = None
    """The order the message is about (``203-1234567-1234567``); None when unknown."""
    pre_sale: bool = False
    """A reply to a buyer who asked before buying: there is no order to name (G-ORDER-ID)."""
    days_since_completion: int | None = None
    """Days since the order was completed; None when unknown."""
    buyer_language: str | None = None
    """The buyer's preferred language (``sv``, ``de-DE``); None when unknown."""
    review_requests_sent: int = 0
    """How many review or feedback requests were already sent for this order."""
    marketplace_name: str = "Amazon"
    marketplace_domains: tuple[str, ...] = AMAZON_DOMAINS
    """The marketplace's own domains; links to them are never external."""
    allowed_link_hosts: tuple[str, ...] = CARRIER_TRACKING_HOSTS
    """Other hosts a link may point to because the order needs them (carriers' tracking)."""
    product_image_urls: tuple[str, ...] = ()
    """Image URLs of the ordered products; the marketplace shows them itself."""
    product_titles: tuple[str, ...] = ()
    """Titles of the ordered products; ignored when identifying the message's language."""
    phone_regions: tuple[str, ...] = DEFAULT_PHONE_REGIONS
    """Regions whose national phone formats are recognised (ISO 3166 codes)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Anything a deployment wants to pass to its own rules."""

    @property
    def buyer_language_code(self) -> str | None:
        """``de-DE`` → ``de``; ``zh_CN`` → ``zh``."""
        if not self.buyer_language:
            return None
        return self.buyer_language.replace("_", "-").split("-")[0].lower()

    @property
    def link_hosts(self) -> tuple[str, ...]:
        return self.marketplace_domains + self.allowed_link_hosts
