"""SP01: gibberish, or several plain misspellings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parley.policy.detectors import phrase_patterns, spelling
from parley.policy.i18n import N_
from parley.policy.rule import Action, Edit, Finding, Rule, bad, good
from parley.policy.scan import Scan

_TYPO = N_(
    '"%(excerpt)s" is not a word; it looks like a misspelling of "%(suggestion)s". The message has %(count)s '
    "misspelt words, which reads as careless."
)
_SHARE = N_("%(count)s of the message's %(words)s words are misspelt, which reads as careless: %(examples)s.")
_KEYBOARD = N_('"%(excerpt)s" is not a word: it runs along a row of the keyboard, like keyboard mashing.')
_CONSONANTS = N_('"%(excerpt)s" is not a word: it has six or more consonants in a row.')
_REPEATED = N_('"%(excerpt)s" is not a word: one letter is repeated five or more times.')

_WORD = re.compile(r"\w+")

MIN_MISSPELLINGS = 3
"""A message with fewer plain misspellings than this (and no gibberish) is left alone..."""
MIN_SHARED = 2
SHARE = 0.2
"""...unless it has at least ``MIN_SHARED`` and they are this share of its words or more."""


class EgregiousErrors(Rule):
    code = "SP01"
    name = "spelling.egregious-errors"
    title = "Message has egregious spelling errors or gibberish"
    rationale = """
        The guidelines forbid egregious spelling and grammar errors. That
        means gibberish and careless writing, not the phrasing of someone
        writing in a second language. The rule reports words that cannot be
        words (keyboard mashing such as "asdfgh", six consonants in a row,
        one letter held down) in any language, and plain misspellings: common
        ones from a per-language list ("recieved", "vieleicht"), and typos
        found with a dictionary of the message's language, each with its
        correction. A word counts as a typo only when it is written in lower
        case, has five letters or more, is not in the dictionary, and is one
        slip (a letter missing, extra, wrong or swapped) from a frequent word:
        "pakage", "bestelung", "skickdes". Rare words, names and nouns written
        with a capital, brands, product titles, codes, order and tracking
        numbers, links, e-mail addresses, words joined to digits, hyphens or
        apostrophes, English loanwords, and compounds of known words
        ("leveransförseningen") are left alone, and so is a word that differs
        from a frequent word only in its ending (a rare inflection) or its
        accents. One or two slips are left alone too, unless they are a fifth
        of a short message's words. The dictionaries are the word-frequency
        lists of the wordfreq package, for English, Swedish, Dutch, German,
        French, Spanish, Italian and Polish. Japanese and Chinese are not
        covered: they are typed through an input method that only produces
        real words, so their errors are wrong words rather than misspelt ones,
        and a word list cannot tell them. Because the judgement is a
        heuristic, the rule warns.
        """
    guidelines = ("G-STYLE-SPELLING",)
    languages = spelling.LANGUAGES
    default_action = Action.WARN
    fixable = True
    explanation = N_(
        '"%(excerpt)s" is misspelt; the correct spelling is "%(suggestion)s". The message has %(count)s '
        "misspelt words, which reads as careless."
    )
    advice = N_("Correct the spelling (a spell checker finds these) and reread the message before sending it.")
    examples = (
        bad(
            "en",
            "We [[recieved]] your message and will send the [[adress]] label [[tommorow]], [[definately]] before noon.",
        ),
        bad("en", "Your parcel is on the way [[asdfghj]]"),
        bad("en", "Hello, the [[pakage]] was [[shiped]] late, [[sincerly]] sorry."),
        good("en", "We received your message and will send the return label tomorrow, definitely before noon."),
        good("en", "We recieved your message and will send the label tomorrow."),
        good("en", "Your QWERTY keyboard ships today; the tracking code is BKPRTX1Z999."),
        good("en", "Thank you for your patience. I am very sorry, our warehouse made a mistake with the size."),
        bad("en", "Our [[custmer]] service team sent a [[replacment]] from the [[warehose]] today."),
        good(
            "en",
            "Your Zojirushi rice cooker (SKU NS-ZCC10) ships today with UPS; see https://shop.example/descaling-guide.",
        ),
        # One of each in the other languages; more in tests/policy/cases/SP01.yaml.
        bad("sv", "Hej! Vi har nu [[skickdes]] din [[beställnigen]] och [[pakettet]] kommer fram på fredag."),
        good("sv", "Hej! Vi ber om ursäkt för leveransförseningen. Returfraktsedeln ligger i paketet."),
        bad("nl", "Hallo, uw [[bestleling]] is [[helas]] nog niet verzonden, het [[pakkket]] staat klaar."),
        good("nl", "Hallo, de verzendkostenvergoeding wordt vandaag teruggestort op uw rekening."),
        bad("de", "Hallo, wir haben Ihr Paket [[leiderr]] zu spät [[verschikt]] und möchten uns [[entschuldgen]]."),
        good(
            "de", "Die Versandkostenpauschale wird erstattet; die Trinkflasche ist auslaufsicher und spülmaschinenfest."
        ),
        bad(
            "fr",
            "Bonjour, votre [[comande]] est partie, le [[remboursemnt]] suivra demain, désolé pour le [[retrad]].",
        ),
        good(
            "fr",
            "Bonjour, votre commande a été expédiée aujourd'hui avec Colissimo ; le numéro de suivi est 6A12345678901.",
        ),
        bad(
            "es",
            "Hola, su [[pedidio]] ya salió, el [[reembolzo]] se hará mañana y le pedimos [[disulpas]] por la espera.",
        ),
        good("es", "Hola, su pedido ya salió; le pedimos disculpas por el retraso y quisiéramos enviarle un regalo."),
        bad("it", "Buongiorno, [[purtropo]] la [[spedizone]] è in ritardo e il [[rimbroso]] arriverà domani."),
        good(
            "it", "Buongiorno, purtroppo la spedizione è in ritardo; vorremmo rimborsarla subito e spedirlo di nuovo."
        ),
        bad("pl", "Dzień dobry, [[przepraszmy]], ale [[niesety]] [[zamuwienie]] zostanie wysłane dopiero jutro."),
        good(
            "pl", "Dzień dobry, przepraszamy, ale niestety zamówienie zostanie wysłane dopiero jutro kurierem InPost."
        ),
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        languages = phrase_patterns.languages_for(scan, self.languages)
        # The dictionary only when the language is known: a word of one language is a typo in another.
        dictionary = len(languages) == 1
        ignore = _title_words(scan.context.product_titles) if dictionary else frozenset()
        found: dict[tuple[int, int], spelling.SpellingError] = {}
        for language in languages:
            for error in scan.cached(spelling.find, scan.message.text, language, dictionary, ignore):
                found.setdefault(error.span, error)
        errors = sorted(found.values(), key=lambda error: error.span)
        plain = [error for error in errors if error.kind in spelling.PLAIN]
        gibberish = [error for error in errors if error.kind not in spelling.PLAIN]
        words = spelling.word_count(scan.message.text) if len(plain) >= MIN_SHARED else 0
        shared = len(plain) >= MIN_SHARED and len(plain) >= SHARE * words
        if not gibberish and len(plain) < MIN_MISSPELLINGS and not shared:
            return
        for error in gibberish:
            message = {"keyboard": _KEYBOARD, "consonants": _CONSONANTS}.get(error.kind, _REPEATED)
            yield self.text_finding(
                scan, error.span, detector="spelling", pattern=error.kind, message_id=message, score=0.9
            )
        if len(plain) < MIN_MISSPELLINGS and not shared:
            return
        for error in plain:
            span = scan.message.source_span(*error.span)
            suggestion = _same_case(error.word, error.suggestion)
            as_written = scan.message.source[span[0] : span[1]] == error.word
            typo = error.kind == "typo"
            yield self.finding(
                scan,
                span,
                detector="spelling-dictionary" if typo else "spelling",
                pattern=f"{error.word.lower()} -> {error.suggestion}",
                score=0.6 if typo else 0.8,
                message_id=_TYPO if typo else None,
                fix=Edit(span, suggestion) if as_written and error.fixable else None,
                suggestion=suggestion,
                count=len(plain),
            )
        if len(plain) < MIN_MISSPELLINGS:  # reported for their share of a short message: say so
            yield self.message_finding(
                scan,
                detector="spelling",
                pattern="share",
                score=0.7,
                message_id=_SHARE,
                count=len(plain),
                words=words,
                examples=", ".join(f'"{error.word}"' for error in plain[:3]),
            )


def _title_words(titles: tuple[str, ...]) -> frozenset[str]:
    """The product titles' words, in lower case: a title's words are the seller's to spell."""
    return frozenset(word.lower() for title in titles for word in _WORD.findall(title))


def _same_case(word: str, suggestion: str) -> str:
    if word.isupper() and len(word) > 1:
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
