"""LK03: the message offers a link to unsubscribe or opt out of messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from urllib.parse import unquote

from parley.policy import lexicons
from parley.policy.detectors import urls
from parley.policy.i18n import N_
from parley.policy.parts import Link
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.rules.links._targets import text_addresses, trimmed
from parley.policy.scan import Scan

# How far before a written address an opt-out phrase still labels it ("To unsubscribe, visit ...").
_LABEL_REACH = 80


@cache
def _phrases() -> re.Pattern[str]:
    """Opt-out phrases of every language; Latin ones must stand as whole words."""
    entries = {entry.casefold() for entries in lexicons.load_all("opt_out_link_text").values() for entry in entries}
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in entry.split())
        before = r"(?<!\w)" if entry[0].isascii() or (entry[0].isalpha() and ord(entry[0]) < 0x2E80) else ""
        after = r"(?!\w)" if entry[-1].isascii() or (entry[-1].isalpha() and ord(entry[-1]) < 0x2E80) else ""
        parts.append(before + body + after)
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def _url_fragments() -> re.Pattern[str]:
    """URL words, standing between non-letters: ``/list-unsubscribe?``, not ``/unsubstantiated``."""
    entries = sorted(lexicons.load("common", "url_opt_out_patterns"), key=len, reverse=True)
    return re.compile("(?<![^\\W_])(?:" + "|".join(re.escape(e.lower()) for e in entries) + ")(?![^\\W_])")


def _url_opts_out(target: str) -> bool:
    """``target`` (path and query, or a mailto: address with its subject) asks to stop messages."""
    lowered = unquote(target).lower()
    return bool(_url_fragments().search(lowered) or _phrases().search(lowered))


def _href_opts_out(href: str) -> bool:
    value = href.strip()
    if value[:7].lower() == "mailto:":
        return _url_opts_out(value[7:])
    match = urls.parse(value)
    if match is not None:
        return _url_opts_out(match.path)
    return _url_opts_out(value) if value.startswith(("/", "?")) else False


class OptOutLink(Rule):
    code = "LK03"
    name = "links.opt-out-link"
    title = "Message offers a link to opt out of messages"
    rationale = """
        Messages to buyers are about an order, not a mailing list, so there is
        nothing to unsubscribe from: buyers choose which messages they receive
        in their marketplace account. An unsubscribe or opt-out link marks the
        message as marketing and sends the buyer to a page outside the
        marketplace's control.
        """
    guidelines = ("G-CONTENT-OPT-OUT",)
    languages = "*"
    explanation = N_("The message offers a way to opt out of messages: %(excerpt)s.")
    advice = N_("Remove the opt-out link. Buyers choose which messages they receive in their marketplace account.")
    examples = (
        bad(
            "en",
            '<p>Thanks for your order!</p><p><a href="https://mail.example-shop.com/u?id=42">[[Unsubscribe]]</a></p>',
            format="html",
        ),
        bad("en", "Don't want these emails? [[https://example-shop.com/unsubscribe?u=42]]"),
        bad("en", "To stop receiving emails from us, opt out here: [[https://example-shop.com/prefs?u=42]]"),
        good("en", "Your order has shipped. Reply to this message if anything is missing."),
        good("en", '<p>Track it with <a href="https://www.dhl.com/track?id=1">DHL tracking</a>.</p>', format="html"),
        bad("sv", '<p><a href="https://butik.example.se/nyhetsbrev">[[Avregistrera dig]]</a></p>', format="html"),
        good("sv", "Ditt paket är på väg. Svara på det här meddelandet om något saknas."),
        bad(
            "nl",
            '<p>Geen berichten meer? <a href="https://winkel.example.nl/m?id=7">[[Afmelden]]</a></p>',
            format="html",
        ),
        good("nl", "Uw pakket is onderweg. Reageer op dit bericht als er iets ontbreekt."),
        bad("de", '<p><a href="https://shop.example.de/n?id=7">[[Newsletter abbestellen]]</a></p>', format="html"),
        good("de", "Ihr Paket ist unterwegs. Antworten Sie auf diese Nachricht, falls etwas fehlt."),
        bad("fr", '<p><a href="https://boutique.example.fr/n?id=7">[[Se désinscrire]]</a></p>', format="html"),
        good("fr", "Votre colis est en route. Répondez à ce message s'il manque quelque chose."),
        bad(
            "es",
            '<p>Si no quiere más correos, <a href="https://tienda.example.es/n">[[darse de baja]]</a>.</p>',
            format="html",
        ),
        good("es", "Su paquete está en camino. Responda a este mensaje si falta algo."),
        bad("it", '<p><a href="https://negozio.example.it/n?id=7">[[Annulla iscrizione]]</a></p>', format="html"),
        good("it", "Il pacco è in viaggio. Risponda a questo messaggio se manca qualcosa."),
        bad("pl", '<p><a href="https://sklep.example.pl/n?id=7">[[Wypisz się]]</a> z listy.</p>', format="html"),
        good("pl", "Paczka jest w drodze. Prosimy odpowiedzieć na tę wiadomość, jeśli czegoś brakuje."),
        bad(
            "ja",
            '<p>メールが不要な方は<a href="https://shop.example.jp/n?id=7">[[配信停止]]</a>へ。</p>',
            format="html",
        ),
        good("ja", "お荷物は発送済みです。不足があればこのメッセージにご返信ください。"),
        bad("zh", '<p>如不想再收到邮件，请<a href="https://shop.example.cn/n?id=7">[[退订]]</a>。</p>', format="html"),
        good("zh", "您的包裹已发出。如有缺件，请直接回复本消息。"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        reported: set[tuple[int, int]] = set()
        for link in scan.message.links:
            finding = self._link_finding(scan, link)
            if finding is not None and finding.span not in reported:
                reported.add(finding.span)
                yield finding
        text = scan.message.text
        for match in text_addresses(scan):
            pattern = ""
            if _url_opts_out(match.path):
                pattern = "url"
            else:
                line_start = max(text.rfind("\n", 0, match.span[0]) + 1, match.span[0] - _LABEL_REACH)
                if _phrases().search(text, line_start, match.span[0]):
                    pattern = "phrase-before-url"
            span = scan.message.source_span(*match.span)
            if pattern and span not in reported:
                reported.add(span)
                yield self.finding(scan, span, detector="urls", pattern=pattern)

    def _link_finding(self, scan: Scan, link: Link) -> Finding | None:
        if _phrases().search(link.text) or _phrases().search(link.title):
            span = trimmed(scan.message.source, link.text_span) if link.text.strip() else link.span
            return self.finding(scan, span, detector="urls", pattern="link-text")
        if _href_opts_out(link.href):
            return self.finding(scan, link.span, detector="urls", pattern="href")
        return None
