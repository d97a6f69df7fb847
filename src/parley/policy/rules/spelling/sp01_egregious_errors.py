"""SP01: gibberish, or several plain misspellings."""

from __future__ import annotations

from collections.abc import Iterator

from parley.policy.detectors import phrase_patterns, spelling
from parley.policy.i18n import N_
from parley.policy.rule import Action, Edit, Finding, Rule, bad, good
from parley.policy.scan import Scan

_KEYBOARD = N_('"%(excerpt)s" is not a word: it runs along a row of the keyboard, like keyboard mashing.')
_CONSONANTS = N_('"%(excerpt)s" is not a word: it has six or more consonants in a row.')
_REPEATED = N_('"%(excerpt)s" is not a word: one letter is repeated five or more times.')

MIN_MISSPELLINGS = 3
"""A message with fewer plain misspellings than this (and no gibberish) is left alone."""


class EgregiousErrors(Rule):
    code = "SP01"
    name = "spelling.egregious-errors"
    title = "Message has egregious spelling errors or gibberish"
    rationale = """
        The guidelines forbid egregious spelling and grammar errors. That
        means gibberish and careless writing, not the phrasing of someone
        writing in a second language. The rule reports words that cannot be
        words (keyboard mashing such as "asdfgh", six consonants in a row,
        one letter held down) and, when there are at least three of them,
        common misspellings from a per-language list ("recieve", "adress",
        "definately"), each with its correction. One or two slips are left
        alone. Because the judgement is a heuristic, the rule warns.
        """
    guidelines = ("G-STYLE-SPELLING",)
    languages = ("en",)
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
    )

    def check(self, scan: Scan) -> Iterator[Finding]:
        languages = phrase_patterns.languages_for(scan, self.languages)
        errors: list[spelling.SpellingError] = []
        for language in languages:
            errors.extend(scan.cached(spelling.find, scan.message.text, language))
        misspellings = [error for error in errors if error.kind == "misspelling"]
        gibberish = [error for error in errors if error.kind != "misspelling"]
        if not gibberish and len(misspellings) < MIN_MISSPELLINGS:
            return
        for error in gibberish:
            message = {"keyboard": _KEYBOARD, "consonants": _CONSONANTS}.get(error.kind, _REPEATED)
            yield self.text_finding(
                scan, error.span, detector="spelling", pattern=error.kind, message_id=message, score=0.9
            )
        for error in misspellings:
            span = scan.message.source_span(*error.span)
            suggestion = _same_case(error.word, error.suggestion)
            fix = Edit(span, suggestion) if scan.message.source[span[0] : span[1]] == error.word else None
            yield self.finding(
                scan,
                span,
                detector="spelling",
                pattern=f"{error.word.lower()} -> {error.suggestion}",
                score=0.8,
                fix=fix,
                suggestion=suggestion,
                count=len(misspellings),
            )


def _same_case(word: str, suggestion: str) -> str:
    if word.isupper() and len(word) > 1:
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
