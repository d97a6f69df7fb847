"""Realistic compliant messages, one or more per language, must pass the whole engine.

Each rule's own examples test that rule alone; these test every rule at once, where one
rule's false positive on another rule's legitimate content would show (dates, prices,
tracking numbers, carriers' links, manufacturers' numbers, invoice numbers).
"""

from __future__ import annotations

import pytest

from parley.policy import Context, Message, check

COMPLIANT = {
    "pl": "Dzień dobry,\n\nzamówienie 405-1234567-7654321 zostało nadane 12.05.2024 przez InPost. Numer przesyłki: "
    "602677123456789012345678. Status: https://inpost.pl/sledzenie-przesylek?number=602677123456789012345678\n"
    "Kwota zwrotu 49,99 zł zostanie zaksięgowana przez Amazon.\n\nPozdrawiamy,\nSklep Drewniak",
    "ja": "山田様\n\nご注文番号 503-1234567-7654321 の商品は、5月12日にヤマト運輸で発送いたしました。"
    "お問い合わせ伝票番号は 1234-5678-9012 です。追跡はこちら：https://toi.kuronekoyamato.co.jp/cgi-bin/tneko\n"
    "到着予定は5月14日です。ご不明な点はこのメッセージにご返信ください。",
    "zh": "您好！\n\n您的订单 503-1234567-7654321 需要确认刻字内容：“张伟 2024”。"
    "请回复此消息确认，确认后我们将在两个工作日内发货，价格为 ¥128.00。",
    "it": "Gentile cliente,\n\nil suo ordine 171-1234567-7654321 subirà un ritardo di due giorni: la nuova data di "
    "consegna è il 14/05/2024. Se preferisce annullare e ricevere il rimborso, risponda a questo messaggio.\n\n"
    "Cordiali saluti",
    "es": "Hola Marta:\n\nHemos recibido la devolución del pedido 171-1234567-7654321. Para completar el reembolso "
    "parcial, ¿podría indicarnos si el jarrón llegó roto? El importe de 23,50 € se abonará a través de Amazon.\n\n"
    "Un saludo",
    "nl": "Beste klant,\n\nUw bestelling 402-1234567-7654321 kan helaas niet geleverd worden omdat het artikel niet "
    "meer leverbaar is. Wij hebben het volledige bedrag van € 34,95 terugbetaald via Amazon (reden: NoInventory).\n\n"
    "Met vriendelijke groet,\nTuinwinkel Bloei",
    "en": "Hello Sam,\n\nYour order 026-4419372-8815530 needs a delivery slot because the wardrobe is a bulky item. "
    "Could you reply with a weekday that suits you between 14 and 18 June? Our carrier DPD will call on the day.\n\n"
    "Kind regards,\nOakline Furniture",
    "de": "Sehr geehrte Frau Weber,\n\nanbei erhalten Sie die Rechnung zu Ihrer Bestellung 302-7741203-5518842 "
    "(Rechnungsnummer RE-2024-00871, Betrag 89,90 €). Bei Fragen zur Garantie erreichen Sie den Hersteller unter "
    "0800 123 4567.\n\nMit freundlichen Grüßen",
    "sv": "Hej Anna,\n\nDin order 402-5831946-2210573 skickades i dag med PostNord. Du kan följa paketet på "
    "https://www.postnord.se/vara-verktyg/spara-brev-paket-och-pall?shipmentId=00370712345678901 och det beräknas "
    "komma fram den 14 mars.\n\nVänliga hälsningar\nNordlys Textil",
    "fr": "Bonjour,\n\nConcernant votre commande 171-5520394-6672018 : le coloris bleu n'est plus disponible. "
    "Souhaitez-vous le coloris gris au même prix (39,90 €), ou préférez-vous annuler et être remboursé ? "
    "Répondez simplement à ce message.\n\nCordialement,\nClaire",
}


@pytest.mark.parametrize("language", sorted(COMPLIANT))
def test_compliant_message_is_delivered(language: str) -> None:
    verdict = check(Message.from_text(COMPLIANT[language]), Context(buyer_language=language))
    assert verdict.decision == "deliver", [(f.rule, f.excerpt) for f in verdict.findings]
    assert not verdict.findings, [(f.rule, f.excerpt) for f in verdict.findings]
