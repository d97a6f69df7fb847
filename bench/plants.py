"""Contact details to plant in benchmark messages: e-mail addresses, phone numbers and links.

Everything is drawn from a ``random.Random`` passed in, so a seed gives the same items.
Phone numbers are real-format numbers of the language's countries: random digits after a
real prefix, kept only when ``phonenumbers`` calls them valid. Hosts are invented shop
names under real top-level domains, never the marketplace's or a carrier's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# Which rule must report each kind of planted item.
RULE_FOR_KIND = {"email": "CT01", "phone": "CT02", "url": "LK01"}
KINDS = tuple(RULE_FOR_KIND)

REGIONS = {
    "en": ("GB", "US"),
    "sv": ("SE",),
    "nl": ("NL", "BE"),
    "de": ("DE",),
    "fr": ("FR", "BE"),
    "es": ("ES",),
    "it": ("IT",),
    "pl": ("PL",),
    "ja": ("JP",),
    "zh": ("CN",),
}

TLDS = {
    "en": ("com", "co.uk", "net", "shop"),
    "sv": ("se", "com", "nu"),
    "nl": ("nl", "be", "eu"),
    "de": ("de", "com", "eu", "at"),
    "fr": ("fr", "be", "com"),
    "es": ("es", "com"),
    "it": ("it", "com"),
    "pl": ("pl", "com.pl", "eu"),
    "ja": ("jp", "co.jp", "com"),
    "zh": ("cn", "com.cn", "com"),
}

MAIL_PROVIDERS = {
    "en": ("gmail.com", "outlook.com", "yahoo.co.uk", "hotmail.com", "icloud.com"),
    "sv": ("gmail.com", "telia.com", "hotmail.se", "outlook.com"),
    "nl": ("gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "telenet.be"),
    "de": ("gmail.com", "web.de", "gmx.de", "t-online.de", "gmx.net"),
    "fr": ("gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr"),
    "es": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"),
    "it": ("gmail.com", "libero.it", "virgilio.it", "alice.it"),
    "pl": ("gmail.com", "wp.pl", "onet.pl", "interia.pl", "o2.pl"),
    "ja": ("gmail.com", "yahoo.co.jp", "docomo.ne.jp", "icloud.com"),
    "zh": ("qq.com", "163.com", "126.com", "sina.com", "gmail.com"),
}

NAMES = {
    "en": ("james.miller", "sarah", "tom.baker", "emma_wilson", "j.clarke"),
    "sv": ("anna.lindqvist", "erik", "karin.berg", "lars_nilsson", "m.holm"),
    "nl": ("jan.devries", "sanne", "pieter.bakker", "e.jansen", "lotte_visser"),
    "de": ("thomas.mueller", "anna", "k.schneider", "lena_weber", "markus.fischer"),
    "fr": ("claire.martin", "julien", "m.bernard", "sophie_petit", "luc.durand"),
    "es": ("lucia.garcia", "javier", "m.lopez", "carmen_ruiz", "pablo.sanchez"),
    "it": ("giulia.rossi", "marco", "f.bianchi", "chiara_romano", "luca.ricci"),
    "pl": ("anna.kowalska", "piotr", "k.nowak", "marta_wisniewska", "tomasz.wojcik"),
    "ja": ("taro.yamada", "hanako", "k.suzuki", "yuki_tanaka", "sato.ken"),
    "zh": ("wang.lei", "lihua", "zhang_wei", "chen.jing", "liu88"),
}

ROLES = ("info", "service", "kontakt", "sales", "hello", "support", "shop", "orders")
SHOP_HEADS = ("nord", "holz", "casa", "atelier", "sakura", "lotus", "green", "stern", "ville", "kettle", "lamp", "tuin")
SHOP_TAILS = ("shop", "werk", "store", "outlet", "design", "home", "craft", "market", "deals", "boutique", "textil")
PATHS = ("sale", "new", "outlet", "products/lamps", "angebote", "nieuw", "rea", "promo/spring", "catalogue", "p/4411")

# Sentences a seller would write around the item; ``{v}`` is where it goes. Half of the
# Japanese and Chinese ones put the item straight against the surrounding characters, as
# people write them.
TEMPLATES = {
    "en": {
        "email": ("You can also write to me directly at {v}.", "Questions? E-mail {v} any time."),
        "phone": ("Call us on {v} if anything is unclear.", "Our number is {v}."),
        "url": ("See more photos at {v}", "Our full range: {v} (new items every week)."),
    },
    "sv": {
        "email": ("Mejla mig gärna på {v}.", "Skriv till {v} om du har frågor."),
        "phone": ("Ring oss på {v} så hjälper vi dig.", "Vårt nummer är {v}."),
        "url": ("Fler bilder finns på {v}", "Hela sortimentet: {v} (nyheter varje vecka)."),
    },
    "nl": {
        "email": ("Mail me gerust op {v}.", "Vragen? Stuur een e-mail naar {v}."),
        "phone": ("Bel ons op {v} als u vragen heeft.", "Ons nummer is {v}."),
        "url": ("Meer foto's vindt u op {v}", "Ons volledige assortiment: {v} (elke week nieuw)."),
    },
    "de": {
        "email": ("Schreiben Sie mir gern direkt an {v}.", "Fragen? E-Mail an {v}."),
        "phone": ("Rufen Sie uns unter {v} an.", "Unsere Nummer: {v}."),
        "url": ("Weitere Fotos finden Sie unter {v}", "Unser ganzes Sortiment: {v} (jede Woche neu)."),
    },
    "fr": {
        "email": ("Écrivez-moi directement à {v}.", "Une question ? Envoyez un e-mail à {v}."),
        "phone": ("Appelez-nous au {v} du lundi au vendredi.", "Notre numéro : {v}."),
        "url": ("Plus de photos sur {v}", "Toute notre gamme : {v} (nouveautés chaque semaine)."),
    },
    "es": {
        "email": ("Puede escribirme directamente a {v}.", "¿Dudas? Escriba a {v}."),
        "phone": ("Llámenos al {v} de lunes a viernes.", "Nuestro teléfono: {v}."),
        "url": ("Más fotos en {v}", "Todo nuestro catálogo: {v} (novedades cada semana)."),
    },
    "it": {
        "email": ("Può scrivermi direttamente a {v}.", "Domande? Scriva a {v}."),
        "phone": ("Ci chiami al {v} dal lunedì al venerdì.", "Il nostro numero: {v}."),
        "url": ("Altre foto su {v}", "Tutto il catalogo: {v} (novità ogni settimana)."),
    },
    "pl": {
        "email": ("Proszę pisać bezpośrednio na {v}.", "Pytania? Proszę napisać na adres {v}."),
        "phone": ("Proszę dzwonić pod numer {v}.", "Nasz telefon: {v}."),
        "url": ("Więcej zdjęć na {v}", "Cała oferta: {v} (nowości co tydzień)."),
    },
    "ja": {
        "email": ("ご不明な点は{v}までご連絡ください。", "メール：{v}"),
        "phone": ("お電話は{v}までお願いします。", "電話番号：{v}（平日9時〜18時）"),
        "url": ("詳しい写真は{v}をご覧ください。", "商品一覧：{v}"),
    },
    "zh": {
        "email": ("如有疑问，请发邮件至{v}。", "邮箱：{v}"),
        "phone": ("请拨打{v}联系我们。", "电话：{v}（工作日9点至18点）"),
        "url": ("更多图片请访问{v}。", "全部商品：{v}"),
    },
}

# Visible text of a planted ``<a href>`` whose URL is only in the attribute.
LINK_TEXTS = {
    "en": "our shop",
    "sv": "vår butik",
    "nl": "onze winkel",
    "de": "unseren Shop",
    "fr": "notre boutique",
    "es": "nuestra tienda",
    "it": "il nostro negozio",
    "pl": "nasz sklep",
    "ja": "ショップ",
    "zh": "我们的店铺",
}

_FORMATS = {
    "international": PhoneNumberFormat.INTERNATIONAL,
    "national": PhoneNumberFormat.NATIONAL,
    "e164": PhoneNumberFormat.E164,
}


@dataclass(frozen=True)
class Item:
    """A value to plant: ``style`` says which shape it has (``national``, ``bare-domain``...)."""

    kind: str
    value: str
    style: str
    region: str = ""


def email(rng: random.Random, lang: str) -> Item:
    if rng.random() < 0.35:
        local = rng.choice(ROLES)
        domain = f"{shop_name(rng)}.{rng.choice(TLDS[lang])}"
        style = "shop"
    else:
        local = rng.choice(NAMES[lang])
        if rng.random() < 0.3:
            local += str(rng.randint(1, 99))
        if rng.random() < 0.1:
            local += "+orders"
        domain = rng.choice(MAIL_PROVIDERS[lang])
        style = "personal"
    return Item("email", f"{local}@{domain}", style)


def phone(rng: random.Random, lang: str) -> Item:
    region = rng.choice(REGIONS[lang])
    number_type = PhoneNumberType.MOBILE if rng.random() < 0.6 else PhoneNumberType.FIXED_LINE
    style = rng.choice(("national", "national", "international", "e164", *_LOCAL_STYLES.get(region, ())))
    number = random_number(rng, region, number_type)
    return Item("phone", write_number(number, style), style, region)


# How people in these countries also write numbers, besides phonenumbers' own formats.
_IDD_00 = ("idd",)
_LOCAL_STYLES = {
    "GB": (*_IDD_00, "trunk-parens"),
    "DE": (*_IDD_00, "trunk-parens", "slash"),
    "NL": (*_IDD_00, "trunk-parens"),
    "BE": (*_IDD_00, "trunk-parens", "dots"),
    "FR": (*_IDD_00, "trunk-parens", "dots"),
    "SE": (*_IDD_00, "trunk-parens"),
    "ES": _IDD_00,
    "IT": _IDD_00,
    "PL": _IDD_00,
    "US": ("dashes",),
}


def write_number(number: phonenumbers.PhoneNumber, style: str) -> str:
    if style in _FORMATS:
        return phonenumbers.format_number(number, _FORMATS[style])
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    if style == "idd":  # dialled from another European country: +49 30 ... -> 0049 30 ...
        return "00" + international[1:]
    if style == "trunk-parens":  # +44 (0)20 7946 0958
        return international.replace(" ", " (0)", 1)
    if style == "dots":  # 06.12.34.56.78
        return national.replace(" ", ".")
    if style == "slash":  # 030/1234567
        return national.replace(" ", "/", 1)
    if style == "dashes":  # 201-555-0123
        digits = phonenumbers.national_significant_number(number)
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    raise ValueError(f"unknown phone style {style!r}")


def random_number(rng: random.Random, region: str, number_type: int) -> phonenumbers.PhoneNumber:
    """A valid number of ``region`` and type: the example number's prefix, random digits after it."""
    example = phonenumbers.example_number_for_type(region, number_type)
    if example is None:
        raise ValueError(f"phonenumbers has no example {number_type} number for {region}")
    national = phonenumbers.national_significant_number(example)
    keep = min(3, len(national) - 4)
    for _ in range(200):
        digits = national[:keep] + "".join(rng.choice("0123456789") for _ in range(len(national) - keep))
        candidate = phonenumbers.parse(f"+{example.country_code}{digits}")
        if phonenumbers.is_valid_number(candidate) and phonenumbers.number_type(candidate) == number_type:
            return candidate
    return example


def url(rng: random.Random, lang: str) -> Item:
    host = f"{shop_name(rng)}.{rng.choice(TLDS[lang])}"
    path = rng.choice(PATHS)
    style = rng.choice(("https", "https", "http", "www", "bare-domain", "bare-path"))
    if style == "https":
        value = f"https://www.{host}/{path}"
    elif style == "http":
        value = f"http://{host}/{path}?ref={rng.randint(1, 9999)}"
    elif style == "www":
        value = f"www.{host}"
    elif style == "bare-domain":
        value = host
    else:
        value = f"{host}/{path}"
    return Item("url", value, style)


def shop_name(rng: random.Random) -> str:
    joiner = rng.choice(("", "-"))
    return f"{rng.choice(SHOP_HEADS)}{joiner}{rng.choice(SHOP_TAILS)}"


MAKERS = {"email": email, "phone": phone, "url": url}


def make(rng: random.Random, kind: str, lang: str) -> Item:
    return MAKERS[kind](rng, lang)


def template(rng: random.Random, kind: str, lang: str) -> tuple[str, str]:
    """The text before and after the item in a sentence of ``lang``."""
    before, after = rng.choice(TEMPLATES[lang][kind]).split("{v}")
    return before, after
