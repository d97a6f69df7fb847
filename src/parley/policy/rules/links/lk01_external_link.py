"""LK01: the message links to, or names, a web address outside the marketplace."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import urls
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.rules.links._targets import is_external, targets
from parley.policy.scan import Scan

_SHORTENER = N_("The link goes through the URL shortener %(host)s, which hides where it leads.")
_UNEXAMINED = N_(
    "The message holds too many web addresses or look-alikes to check them all; "
    "from this point on they were not checked."
)
_SPELLED = N_("The message spells out the web address %(host)s (written as %(excerpt)s), outside the marketplace.")


class ExternalLink(Rule):
    code = "LK01"
    name = "links.external-link"
    title = "Message links to a site outside the marketplace"
    rationale = """
        A link is only allowed when the buyer needs it to complete the order,
        such as the carrier's tracking page, or when it leads to the marketplace
        itself. Anything else (the seller's shop, social media, other
        marketplaces, review sites) takes the buyer off the platform. A web
        address counts whether it is a link, plain text, or spelled out to slip
        past a filter ("example dot com"), and a shortened link always counts
        because nobody can see where it leads.
        """
    guidelines = ("G-CONTENT-LINK",)
    languages = "*"
    explanation = N_("The message links to %(host)s, which is outside the marketplace.")
    advice = N_(
        "Remove the link or address. Only links to the marketplace and to the carrier's tracking page are allowed."
    )
    examples = (
        bad("en", "For more great deals, visit our shop at [[www.nordic-gadgets.com]] today."),
        bad("en", "Our care guide is at [[https://bit.ly/3xCare]]."),
        bad("en", "Our full range is on [[nordicgadgets dot com]]."),
        bad(
            "en",
            '<p>See the <a href="https://www.amazon.com/dp/B0C1234567">listing</a> or '
            '[[<a href="https://nordic-gadgets.com/manuals">]]our manuals</a>.</p>',
            format="html",
        ),
        good("en", "You can follow the parcel here: https://www.ups.com/track?tracknum=1Z999AA10123456784"),
        good("en", "The manual is on the product page: https://www.amazon.com/dp/B0C1234567"),
        bad("sv", "Besök gärna vår webbutik [[https://www.nordiska-prylar.se/rea]] för fler erbjudanden."),
        good("sv", "Du kan följa paketet här: https://www.postnord.se/vara-verktyg/spara-brev-paket?id=00370712345"),
        bad("nl", "Kijk voor meer producten op [[mooiewinkel.nl/collectie]]."),
        good("nl", "U kunt uw pakket volgen via https://www.postnl.nl/tracktrace/?B=3SABC1234567"),
        bad("de", "Weitere Angebote finden Sie unter [[www.beispiel-laden.de]]."),
        good(
            "de", "Ihre Sendung können Sie hier verfolgen: https://www.dhl.de/de/privatkunden.html?piececode=00340434"
        ),
        bad("fr", "Retrouvez toute notre gamme sur [[boutique-exemple [point] fr]]."),
        good("fr", "Vous pouvez suivre votre colis ici : https://www.laposte.fr/outils/suivre-vos-envois?code=6A123"),
        bad("es", "Visite nuestra tienda en [[https://tienda-ejemplo.es]] para más ofertas."),
        good("es", "Puede seguir su paquete aquí: https://www.correos.es/es/es/herramientas/localizador?n=PQ4F6P"),
        bad("it", "Scopri le altre offerte su [[negozio-esempio.it/offerte]]."),
        good("it", "Può seguire il pacco qui: https://www.poste.it/cerca/index.html#/risultati-spedizioni/1AB23"),
        bad("pl", "Zapraszamy do naszego sklepu: [[https://sklep-przyklad.pl]]."),
        good("pl", "Przesyłkę można śledzić tutaj: https://inpost.pl/sledzenie-przesylek?number=6800123"),
        bad("ja", "ほかの商品は[[https://shop.example.jp]]でもご覧いただけます。"),
        good("ja", "お荷物の状況はこちらで確認できます：https://www.kuronekoyamato.co.jp/ytc/customer/"),
        bad("zh", "更多优惠请访问我们的网店[[https://shop.example.cn]]。"),
        good("zh", "您可以在这里查询包裹：https://www.sf-express.com/chn/sc/waybill/list"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        text = scan.message.text
        unexamined = urls.first_unexamined(text, scan.cached(urls.find, text))
        if unexamined is not None:
            # Fail closed: padding a message with addresses must not hide one past the limit.
            yield self.text_finding(
                scan, unexamined, detector="urls", pattern="candidate limit", message_id=_UNEXAMINED
            )
        reported: set[tuple[int, int]] = set()
        for target in targets(scan):
            match = target.match
            if target.span in reported or not is_external(scan, match.host):
                continue
            reported.add(target.span)
            message_id = None
            if match.pattern in ("shortener", "spelled-shortener"):
                message_id = _SHORTENER
            elif match.kind == "spelled":
                message_id = _SPELLED
            yield self.finding(
                scan,
                target.span,
                detector="urls",
                pattern=match.pattern,
                score=target.score,
                message_id=message_id,
                host=match.host,
            )
