"""LK02: a link to an allowed site (the marketplace or a carrier) uses http instead of https."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parley.policy.i18n import N_
from parley.policy.rule import Edit, Finding, Rule, bad, good
from parley.policy.rules.links._targets import Target, is_external, targets
from parley.policy.scan import Scan

_HREF_SCHEME = re.compile(r"""\shref\s*=\s*["']?\s*(http)(?=:)""", re.IGNORECASE)


class InsecureLink(Rule):
    code = "LK02"
    name = "links.insecure-link"
    title = "Link to an allowed site uses http instead of https"
    rationale = """
        Even a link the buyer needs, to the carrier's tracking page or to the
        marketplace, must be secure. An http:// link can be read and altered on
        the way, and browsers warn about it. External links are reported as
        external links, not here.
        """
    guidelines = ("G-CONTENT-LINK",)
    languages = "*"
    fixable = True
    explanation = N_("The link to %(host)s is not secure: it starts with http:// instead of https://.")
    advice = N_("Use the https:// address of the same page.")
    examples = (
        bad("en", "Track your parcel at [[http://www.ups.com/track?tracknum=1Z999AA10123456784]]."),
        bad(
            "en",
            '<p>[[<a href="http://www.amazon.co.uk/gp/css/order-history">]]Your orders</a></p>',
            format="html",
        ),
        good("en", "Track your parcel at https://www.ups.com/track?tracknum=1Z999AA10123456784."),
        bad("sv", "Följ paketet här: [[http://www.postnord.se/track?id=00370712345]]"),
        good("sv", "Följ paketet här: https://www.postnord.se/track?id=00370712345"),
        bad("nl", "Volg uw pakket via [[http://www.postnl.nl/tracktrace/?B=3SABC1234567]]."),
        good("nl", "Volg uw pakket via https://www.postnl.nl/tracktrace/?B=3SABC1234567."),
        bad("de", "Die Sendungsverfolgung finden Sie unter [[http://www.dhl.de/sendung?id=00340434]]."),
        good("de", "Die Sendungsverfolgung finden Sie unter https://www.dhl.de/sendung?id=00340434."),
        bad("fr", "Suivez votre colis sur [[http://www.colissimo.fr/suivi?code=6A123]]."),
        good("fr", "Suivez votre colis sur https://www.colissimo.fr/suivi?code=6A123."),
        bad("es", "Puede ver su pedido en [[http://www.amazon.es/gp/your-account/order-history]]."),
        good("es", "Puede ver su pedido en https://www.amazon.es/gp/your-account/order-history."),
        bad("it", "Segua la spedizione su [[http://www.brt.it/tracking?id=1AB23]]."),
        good("it", "Segua la spedizione su https://www.brt.it/tracking?id=1AB23."),
        bad("pl", "Status przesyłki: [[http://inpost.pl/sledzenie-przesylek?number=6800123]]"),
        good("pl", "Status przesyłki: https://inpost.pl/sledzenie-przesylek?number=6800123"),
        bad("ja", "配送状況は[[http://www.kuronekoyamato.co.jp/ytc/customer/]]でご確認ください。"),
        good("ja", "配送状況はhttps://www.kuronekoyamato.co.jp/ytc/customer/でご確認ください。"),
        bad("zh", "请在[[http://www.sf-express.com/chn/sc/waybill/list]]查询物流。"),
        good("zh", "请在https://www.sf-express.com/chn/sc/waybill/list查询物流。"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        reported: set[tuple[int, int]] = set()
        for target in targets(scan):
            match = target.match
            if match.scheme != "http" or target.span in reported or is_external(scan, match.host):
                continue
            reported.add(target.span)
            yield self.finding(
                scan,
                target.span,
                detector="urls",
                pattern="http",
                score=target.score,
                fix=self._upgrade(scan, target),
                host=match.host,
            )

    @staticmethod
    def _upgrade(scan: Scan, target: Target) -> Edit | None:
        """Turn ``http`` into ``https`` where the source says ``http``."""
        source = scan.message.source
        if target.link is not None:
            start, end = target.span
            found = _HREF_SCHEME.search(source, start, end)
            return Edit(found.span(1), "https") if found else None
        if target.text_span is None:
            return None
        begin = target.text_span[0]
        span = scan.message.source_span(begin, begin + 4)
        return Edit(span, "https") if source[span[0] : span[1]].lower() == "http" else None
