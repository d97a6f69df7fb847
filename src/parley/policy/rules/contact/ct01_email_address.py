"""CT01: the message gives an e-mail address, plainly, as a mailto: link or in disguise."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import emails
from parley.policy.i18n import N_
from parley.policy.rule import Finding, Rule, bad, good
from parley.policy.scan import Scan

_DISGUISED = N_("The message spells out the e-mail address %(address)s (written as %(excerpt)s).")
_MAILTO_LINK = N_("A link in the message opens an e-mail to %(address)s.")


class EmailAddress(Rule):
    code = "CT01"
    name = "contact.email-address"
    title = "Message contains an e-mail address"
    rationale = """
        Buyer and seller talk through the marketplace, which relays every
        message through anonymised addresses. An e-mail address of the seller's
        own, even one spelled "name at example dot com" to slip past a filter,
        invites the buyer to leave that channel: the marketplace can then neither
        protect the buyer nor see what was agreed. The marketplace's own relay
        aliases (at marketplace.<its domain>) are the anonymised addresses and
        are allowed.
        """
    guidelines = ("G-CONTENT-EMAIL",)
    languages = "*"
    explanation = N_("The message contains the e-mail address %(address)s.")
    advice = N_(
        "Remove the address. The buyer can answer this message directly, "
        "and the marketplace passes the reply on to you."
    )
    examples = (
        bad("en", "Send the photos to [[jane.doe@example.com]] and I'll refund you today."),
        bad("en", "Easiest is to email me: [[jane at example dot com]]"),
        bad(
            "en",
            '<p>Questions? Write to [[<a href="mailto:support@example.com">]]our support team</a>.</p>',
            format="html",
        ),
        good("en", "Please attach the photos to your reply to this message and I'll refund you today."),
        good("en", "Delivery @ 5 pm tomorrow; the driver will meet you at the station."),
        bad("sv", "Skicka bilderna till [[anna.karlsson@exempel.se]] så ersätter vi varan."),
        bad("sv", "Mejla oss på [[kundtjanst snabel-a butiken punkt se]] så löser vi det."),
        good("sv", "Bifoga gärna bilderna i ditt svar på det här meddelandet, så ersätter vi varan."),
        bad("nl", "Stuur de foto's naar [[klantenservice@voorbeeld.nl]], dan regelen we het."),
        bad("nl", "Mail ons: [[info apenstaartje winkel punt nl]]"),
        good("nl", "Voeg de foto's gerust toe aan uw antwoord op dit bericht, dan regelen we het."),
        bad("de", "Schicken Sie die Fotos bitte an [[service@beispiel.de]]."),
        bad("de", "Schreiben Sie uns an [[kontakt(ät)beispiel.de]], dann melden wir uns."),
        good("de", "Bitte hängen Sie die Fotos an Ihre Antwort auf diese Nachricht an."),
        bad("fr", "Envoyez les photos à [[sav@exemple.fr]] et nous vous rembourserons."),
        bad("fr", "Écrivez-nous : [[contact arobase boutique point fr]]"),
        good("fr", "Vous pouvez joindre les photos à votre réponse à ce message, nous vous rembourserons."),
        bad("es", "Envíe las fotos a [[atencion@ejemplo.es]] y le devolveremos el dinero."),
        bad("es", "Escríbanos a [[ventas arroba tienda punto es]] para cualquier duda."),
        good("es", "Puede adjuntar las fotos en su respuesta a este mensaje y le devolveremos el dinero."),
        bad("it", "Invii le foto a [[assistenza@esempio.it]] e la rimborseremo subito."),
        bad("it", "Ci scriva a [[ordini chiocciola negozio punto it]]."),
        good("it", "Può allegare le foto alla risposta a questo messaggio e la rimborseremo subito."),
        bad("pl", "Proszę wysłać zdjęcia na adres [[sklep@przyklad.pl]]."),
        bad("pl", "Prosimy o kontakt: [[biuro małpa sklep kropka pl]]"),
        good("pl", "Zdjęcia można dołączyć do odpowiedzi na tę wiadomość."),
        bad("ja", "写真を[[taro.yamada@example.jp]]までお送りください。"),
        bad("ja", "お問い合わせは[[shopアットマークexampleドットjp]]までどうぞ。"),
        good("ja", "このメッセージへの返信に写真を添付してください。"),
        bad("zh", "请把照片发到[[zhang.wei@example.cn]]，我们会尽快退款。"),
        bad("zh", "有问题请发邮件到[[zhangwei艾特163点com]]。"),
        good("zh", "请在回复本消息时附上照片，我们会尽快退款。"),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        own = scan.context.marketplace_domains
        for match in scan.cached(emails.find, scan.message.text):
            if emails.is_relay_alias(match.address, own):
                continue
            yield self.text_finding(
                scan,
                match.span,
                detector="emails",
                pattern=match.pattern,
                score=1.0 if match.kind != "obfuscated" else 0.9,
                message_id=_DISGUISED if match.kind == "obfuscated" else None,
                address=match.address,
            )
        for link in scan.message.links:
            addresses = [a for a in emails.mailto_addresses(link.href) if not emails.is_relay_alias(a, own)]
            if addresses:
                yield self.finding(
                    scan,
                    link.span,
                    detector="emails",
                    pattern="mailto: link",
                    message_id=_MAILTO_LINK,
                    address=", ".join(addresses),
                )
