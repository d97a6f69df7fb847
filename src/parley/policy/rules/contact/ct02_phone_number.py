"""CT02: the message gives a phone number that is not a warranty, carrier or manufacturer number."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from parley.policy.detectors import phones
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_TEL_LINK = N_("A link in the message dials the phone number %(number)s.")
_UNEXAMINED = N_(
    "The message holds more than %(limit)s numbers; from this one on they were not checked for phone numbers."
)

# The region whose national formats come first when the message is in this language, so that
# "03-1234-5678" in a Japanese message reads as a Japanese number, not as a Swedish one.
_HOME_REGION = {
    "en": "GB",
    "sv": "SE",
    "nl": "NL",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pl": "PL",
    "ja": "JP",
    "zh": "CN",
}
_BLOCK_TAG = re.compile(r"<(?:/?(?:p|div|br|li|tr|td|th|h[1-6]|table|ul|ol|blockquote|hr))\b[^>]{0,2000}>", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
_CONTEXT_SOURCE = 600


def _home_first(regions: tuple[str, ...], language: str | None) -> tuple[str, ...]:
    home = _HOME_REGION.get(language or "")
    if home is None or home not in regions or regions[0] == home:
        return regions
    return (home, *(region for region in regions if region != home))


class PhoneNumber(Rule):
    code = "CT02"
    name = "contact.phone-number"
    title = "Message contains a phone number other than a warranty, carrier or maker"
    rationale = """
        A phone number takes the conversation off the marketplace, where
        nothing said can be checked afterwards. The guidelines allow one
        exception: the number of a warranty service, a carrier or a
        manufacturer, which the buyer may need to get the purchase working.
        The sentence must say which of these it is; any other number, the
        seller's own included, is not allowed.
        """
    guidelines = ("G-CONTENT-PHONE",)
    languages = "*"
    explanation = N_("The message contains the phone number %(number)s.")
    advice = N_(
        "Remove the number and let the buyer reply to this message. Only a warranty, carrier or manufacturer "
        "number may stay, and the sentence must say whose number it is."
    )
    examples = (
        bad("en", "If anything is wrong, just call me on [[+44 20 7946 0958]]."),
        bad("en", "Our shop is open until six, call [[(212) 555-0143]]."),
        bad(
            "en",
            '<p>Call us: [[<a href="tel:+442079460958">]][[+44 20 7946 0958]]</a></p>',
            format="html",
        ),
        good("en", "For warranty claims, please call the manufacturer on +44 20 7946 0958."),
        good("en", "Order 203-1234567-1234567 shipped on 2024-05-12 with tracking number 1Z999AA10123456784."),
        bad("sv", "Ring mig gärna på [[070-123 45 67]] om något är fel."),
        bad("sv", "Vår butik i Stockholm: [[08-123 456 78]]"),
        good("sv", "Vid garantiärenden kan du ringa tillverkaren på 08-123 456 78."),
        good("sv", "Paketet skickades 2024-05-12 med spårningsnummer RR123456785SE till 114 55 Stockholm."),
        bad("nl", "Bel ons gerust op [[020 123 4567]] als er iets mis is."),
        good("nl", "Voor garantie kunt u de fabrikant bellen: 020 123 4567."),
        good("nl", "Bestelling 402-1234567-7654321 wordt op 12-05-2024 bezorgd op 1012 AB Amsterdam."),
        bad("de", "Rufen Sie uns einfach an: [[030 12345678]]."),
        good("de", "Bei Garantiefragen erreichen Sie den Hersteller unter 030 12345678."),
        good("de", "Die Rechnung Nr. 2024001234 über 1.234,56 € liegt der Sendung bei."),
        bad("fr", "Appelez-nous au [[01 23 45 67 89]] pour tout problème."),
        good("fr", "Pour la garantie, contactez le fabricant au 01 23 45 67 89."),
        good("fr", "Votre commande a été expédiée le 12/05/2024, colis n° 1Z999AA10123456784."),
        bad("es", "Llámenos al [[912 345 678]] si tiene cualquier problema."),
        good("es", "Para la garantía, llame al fabricante: 912 345 678."),
        good("es", "Su pedido salió el 12/05/2024; el importe fue de 1.299,00 €."),
        bad("it", "Ci chiami allo [[02 1234 5678]] per qualsiasi problema."),
        good("it", "Per la garanzia chiami il produttore allo 02 1234 5678."),
        good("it", "Ordine spedito il 12.05.2024, articolo SKU-4711-0815."),
        bad("pl", "W razie problemów proszę dzwonić pod numer [[22 123 45 67]]."),
        good("pl", "W sprawie gwarancji prosimy dzwonić do producenta: 22 123 45 67."),
        good("pl", "Przesyłka została nadana 12.05.2024 na adres 00-950 Warszawa."),
        bad("ja", "ご不明な点はお電話（[[03-1234-5678]]）でお問い合わせください。"),
        good("ja", "保証についてはメーカー（03-1234-5678）へお問い合わせください。"),
        good("ja", "ご注文の商品は2024年5月12日に発送しました。価格は¥12,800です。"),
        bad("zh", "如有问题请拨打[[138 0013 8000]]联系我。"),
        good("zh", "保修问题请联系制造商：010-1234-5678。"),
        good("zh", "您的订单已于2024年5月12日发货，运单号SF1234567890123。"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        text = scan.message.text
        regions = _home_first(tuple(scan.context.phone_regions), scan.context.buyer_language_code)
        found = scan.cached(phones.find, text, regions)
        national = any(phone.pattern != "international" for phone in found)
        if national and not scan.context.buyer_language_code:
            # Only a national number reads differently by country, so only then is the message's
            # language worth identifying.
            preferred = _home_first(regions, scan.language)
            if preferred != regions:
                found = scan.cached(phones.find, text, preferred)
                regions = preferred
        for phone, reason in zip(found, phones.exempt_context(text, found), strict=True):
            if reason is None:
                yield self.text_finding(
                    scan, phone.span, detector="phones", pattern=phone.pattern, number=phone.e164, region=phone.region
                )
        unexamined = scan.cached(phones.first_unexamined, text)
        if unexamined is not None:
            # Fail closed: a message padded with numbers must not hide a phone number past the limit.
            yield self.text_finding(
                scan,
                unexamined,
                detector="phones",
                pattern="candidate limit",
                message_id=_UNEXAMINED,
                limit=phones.MAX_CANDIDATES,
            )
        for link in scan.message.links:
            number = phones.tel_number(link.href, regions)
            if number and not self._link_is_exempt(scan, link.span[0], link.text):
                yield self.finding(
                    scan, link.span, detector="phones", pattern="tel: link", message_id=_TEL_LINK, number=number
                )

    @staticmethod
    def _link_is_exempt(scan: Scan, start: int, link_text: str) -> bool:
        """Whether the words before a ``tel:`` link, or its own text, say whose number it is."""
        before = scan.message.source[max(0, start - _CONTEXT_SOURCE) : start]
        plain = html.unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", before)))
        if phones.exempt_word_before(plain, len(plain)):
            return True
        return phones.exempt_word_before(link_text, len(link_text)) is not None
