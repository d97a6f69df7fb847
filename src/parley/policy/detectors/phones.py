"""Phone numbers, and the numbers that only look like them.

libphonenumber (``phonenumbers``) decides what a phone number is:
``PhoneNumberMatcher`` with ``Leniency.VALID``, for every region the deployment
lists (``Context.phone_regions``) and for any number written with ``+`` or
``00``. It only sees runs of at least six digits that survive a pre-pass which
masks every other kind of number:

- order IDs (``203-1234567-1234567``) and any run of 12 or more digits
  (tracking numbers, EAN-13 and ISBN-13 barcodes, 17-digit order IDs);
- codes that mix capitals and digits: UPS ``1Z…``, S10 ``RR123456785SE``,
  ``JJD…``, ASINs ``B0…``, SKUs, VAT numbers, IBANs (also in groups of four);
- dates (``2024-05-12``, ``12.05.2024``, ``12/05/2024``, ``2024年5月12日``) and
  time ranges (``9.00–17.00``);
- prices (a currency sign, code or name next to the number,
  ``lexicons/common/currencies.txt``);
- postcodes before a place name (``114 55 Stockholm``, ``00-950 Warszawa``);
- grouped EANs and hyphenated ISBNs;
- the number after a label such as "invoice no.", "Kundennummer", "注文番号" or
  "IBAN" (``lexicons/<lang>/phone_reference_labels.txt`` and
  ``phone_reference_codes.txt``), and an unbroken run of 8–22
  digits shortly after a tracking word or a carrier's name (DHL's ten digits);
- digits inside URLs and e-mail addresses.

Each surviving run is offered to libphonenumber only for the regions whose
national number pattern it could fit, so text without phone-like numbers costs
one pass of a regular expression, and each candidate a few small ones.

``exempt_context`` tells whether a number is a warranty, carrier or
manufacturer number (G-CONTENT-PHONE), from the words before it in the same
sentence or line (``lexicons/<lang>/phone_exempt_context.txt``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, PhoneMetadata, PhoneNumber, PhoneNumberFormat, PhoneNumberMatcher

from parley.policy import lexicons
from parley.policy.detectors import order_ids
from parley.policy.detectors.wordlists import is_cjk, word_pattern
from parley.policy.parts import Span


@dataclass(frozen=True, slots=True)
class PhoneMatch:
    span: Span
    e164: str
    """``+46812345678``."""
    region: str
    """The region the number belongs to (``SE``); ``001`` for non-geographic numbers."""
    pattern: str
    """How it was recognised: ``international`` or ``national (SE)``."""


MIN_DIGITS = 6
MAX_CANDIDATES = 5000
"""Past this many digit runs in one message the rest are not examined (a 10 MB table of numbers)."""

_DIGIT = "0-9０-９"
_SEPARATORS = r" \t\u00a0().\-/–‐‑−－（）+＋"
# A run that may hold phone numbers. It must not continue a word or a number (checked in Python, so
# that a long run of digits is skipped in one step rather than retried at every position).
_RUN = re.compile(rf"[{_DIGIT}+＋(（][{_DIGIT}{_SEPARATORS}]{{4,200}}+")
_BLOCKERS = frozenset("0123456789０１２３４５６７８９+＋_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_MAX_GROUPS = 7
"""A phone number is written in at most this many digit groups (``+46 (0)8-123 456 78``)."""
_MAX_RUN_GROUPS = 16
"""A run of more digit groups is a table of figures, not text with phone numbers in it."""
_LAST_DIGIT = re.compile(rf"[{_DIGIT}](?=[^{_DIGIT}]*\Z)")
_ASCII_DIGITS = str.maketrans({chr(0xFF10 + n): str(n) for n in range(10)})

# --- numbers that are not phone numbers ---------------------------------------------------------

_PLACE_NAME = "[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][a-zà-öø-ÿąćęłńóśźż]"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"


def _dates() -> list[str]:
    """One alternative per separator, spelled out: back-references would clash once the shapes are joined."""
    found = []
    for sep in "-/.":
        s = re.escape(sep)
        tail = rf"(?!\d)(?!{s}\d)"
        found.append(rf"(?<![\d./\-])(?:19|20)\d\d{s}{_MONTH}{s}{_DAY}{tail}")
        found.append(rf"(?<![\d./])(?:{_DAY}{s}{_MONTH}|{_MONTH}{s}{_DAY}){s}(?:19|20)\d\d{tail}")
        if sep != "-":
            found.append(rf"(?<![\d./\-])(?:{_DAY}{s}{_MONTH}|{_MONTH}{s}{_DAY}){s}\d\d{tail}")
    return found


# Masks that can be told from the run itself and a few characters around it.
_SHAPES = (
    # 12 or more digits in a row (one written with "+" or "00" in front is let through: _is_international).
    r"(?<![\d+＋])\d{12,64}+",
    *_dates(),
    r"\d{2,4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|\d{1,2}\s?月\s?\d{1,2}\s?日",
    # Time ranges: 9.00-17.00, 08:00–17:00, 9h00-18h00.
    r"(?<![\d.])\d{1,2}[.:h]\d\d\s?[-–—]\s?\d{1,2}[.:h]\d\d(?![\d.])",
    # Codes that mix capitals and digits, with the run as their tail: SKU-4711-0815, INV-2024-0012.
    r"(?<![\w\-/])[A-Z][A-Z0-9_]{0,20}+[-/]\d[\w\-/]{0,60}+",
    # IBANs in groups of four: SE45 5000 0000 0583 9825 7466.
    r"(?<![A-Za-z0-9])[A-Z]{2}\d\d(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?(?![A-Za-z0-9])",
    # EAN-13 printed in groups (4 006381 333931), ISBN-13 with hyphens (978-3-16-148410-0).
    r"(?<![\d\-])\d \d{6} \d{6}(?![\d\-])",
    r"(?<![\d\-])97[89](?:[- ]?\d){10}(?![\d\-])",
    # Postcodes before a place name: 114 55 Stockholm, 00-950 Warszawa, 10115 Berlin; 〒100-0001; 邮编 100000.
    rf"(?<![\d\-])(?:[A-Z]{{1,2}}-)?(?:\d{{3}} \d\d|\d\d-\d{{3}}|\d{{5}})(?= {_PLACE_NAME})",
    r"〒\s?\d{3}[-−－ー]\d{4}",
    r"邮编[:：]?\s?\d{6}",
    order_ids.ORDER_ID.pattern,
)
# Every shape opens with a digit, a capital, 〒 or 邮: other positions fail on the first look-ahead.
_SHAPE = re.compile("(?=[0-9A-Z〒邮])(?:" + "|".join(f"(?:{shape})" for shape in _SHAPES) + ")")
_GLUED_LETTER = re.compile(r"[A-Za-z]")
_URL_OR_EMAIL = re.compile(
    r"(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)[^\s<>\"']{1,2000}+|[\w.+\-]{1,64}+@[\w\-]{1,63}+(?:\.[\w\-]{1,63}+){1,8}+"
)
_TRACKING_RUN = re.compile(r"(?<!\d)\d{8,22}(?!\d)")


def _words(name: str) -> list[str]:
    """A lexicon in every language, as one list."""
    return [word for words in lexicons.load_all(name).values() for word in words]


@cache
def _label_before() -> re.Pattern[str]:
    """A label that introduces some other number, right before the run: "Invoice no. ", "注文番号："."""
    gap = r"[ \t\u00a0:：#.\-–]{0,4}+"
    codes = word_pattern([*_words("phone_reference_codes"), *lexicons.load("common", "phone_reference_codes")])
    labels = word_pattern(_words("phone_reference_labels"))
    abbreviations = word_pattern(_words("phone_number_abbreviations"))
    return re.compile(
        rf"(?:(?P<code>{codes})|(?P<label>{labels})){gap}(?:(?P<abbr>{abbreviations})\.?{gap})?(?:[A-Z]{{2}} ?)?[#№]?\Z"
    )


@cache
def _tracking_before() -> re.Pattern[str]:
    words = word_pattern(_words("phone_tracking_context"))
    carriers = word_pattern(lexicons.load("common", "phone_carriers"), fold=False)
    return re.compile(f"{words}|{carriers}")


@cache
def _currency() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A currency right before or right after the run."""
    signs = word_pattern(lexicons.load("common", "currencies"))
    return re.compile(rf"(?:{signs})[ \u00a0]?\Z"), re.compile(rf"[ \u00a0]?(?:{signs})")


@cache
def _abbreviations() -> tuple[str, ...]:
    return tuple(word.casefold() for word in _words("phone_number_abbreviations") if len(word) > 1)


def _names_a_number(label: str) -> bool:
    """Whether the label itself says a number follows ("Kundennummer", "Kd-Nr", "注文番号"), not only a topic."""
    if is_cjk(label):
        return True
    folded = label.casefold()
    return any(word in folded for word in _abbreviations())


def _masks(text: str, start: int, end: int) -> list[Span]:
    """Spans overlapping ``text[start:end]`` that are some other kind of number."""
    spans = [
        match.span()
        for match in _SHAPE.finditer(text, max(0, start - 24), min(len(text), end + 24))
        if match.start() < end and match.end() > start and not _is_international(text, match.span())
    ]
    run = text[start:end]
    whole = (start, end)
    if end < len(text) and _GLUED_LETTER.match(text, end):
        spans.append(whole)  # digits glued to letters: 12345678X, 1Z…, an ASIN's digits
    before = text[max(0, start - 60) : start]
    # Labels and tracking words count only on the number's own line: a tracking link in the
    # paragraph above must not turn the seller's own number into a "tracking number".
    line_before = before[before.rfind("\n") + 1 :]
    before_currency, after_currency = _currency()
    if before_currency.search(before[-12:]) or after_currency.match(text, end, end + 12):
        spans.append(whole)
    label = _label_before().search(line_before)
    if label:
        contiguous = not any(ch.isspace() for ch in run)
        named = label.group("code") or label.group("abbr") or _names_a_number(label.group("label"))
        if named or contiguous:
            spans.append(whole)
    international = start > 0 and text[start - 1] in "+＋"
    if not international and _tracking_before().search(line_before):
        spans += [(start + match.start(), start + match.end()) for match in _TRACKING_RUN.finditer(run)]
    return spans


def _is_international(text: str, span: Span) -> bool:
    """``+46701234567`` or ``0046701234567`` written without spaces: a phone number, not a long digit run."""
    value = text[span[0] : span[1]]
    if not value.isdigit():
        return False
    if span[0] > 0 and text[span[0] - 1] in "+＋":
        return True
    return value.startswith("00") and len(value) <= 17


# --- finding ----------------------------------------------------------------------------------------


def find(text: str, regions: Iterable[str]) -> list[PhoneMatch]:
    """Every phone number in ``text``, in order, that libphonenumber calls valid for ``regions``."""
    wanted = tuple(dict.fromkeys(region.upper() for region in regions))
    hidden = _hidden_spans(text)
    found: list[PhoneMatch] = []
    for examined, (start, end) in enumerate(_runs(text)):
        if examined >= MAX_CANDIDATES:
            break
        masks = _masks(text, start, end) + _overlapping(hidden, start, end)
        for piece_start, piece_end in _unmasked_pieces(text, start, end, masks):
            found.extend(_phones_in(text, piece_start, piece_end, wanted))
    return _without_overlaps(found)


def first_unexamined(text: str) -> Span | None:
    """The first digit run that ``find`` leaves unexamined because of ``MAX_CANDIDATES``, if any."""
    for examined, span in enumerate(_runs(text)):
        if examined >= MAX_CANDIDATES:
            return span
    return None


def _runs(text: str, offset: int = 0) -> Iterator[Span]:
    """Runs of digits and separators with enough digits to be a phone number, not glued to a word."""
    for run in _RUN.finditer(text):
        start = run.start()
        if start and text[start - 1] in _BLOCKERS:
            continue
        end = _trim_end(text, start, run.end())
        if _digit_count(text, start, end) >= MIN_DIGITS:
            yield offset + start, offset + end


def tel_number(href: str, regions: Iterable[str]) -> str | None:
    """The number a ``tel:``, ``callto:`` or ``sms:`` link dials (E.164 when it parses); None for other links."""
    scheme, _, rest = href.partition(":")
    if scheme.strip().lower() not in ("tel", "callto", "sms") or not rest:
        return None
    number = unquote(rest).split(";", 1)[0].split("?", 1)[0].strip().lstrip("/")
    digits = re.sub(r"\D", "", number)
    if len(digits) < 3:
        return None
    if number.startswith("00"):
        number = "+" + number[2:]
    tries = ("ZZ",) if number.startswith("+") else tuple(region.upper() for region in regions)
    for region in tries:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    return ("+" if number.startswith("+") else "") + digits


def _hidden_spans(text: str) -> list[Span]:
    """URLs and e-mail addresses, in order: digits inside them are not phone numbers here."""
    if "@" not in text and "://" not in text and "www." not in text and "WWW." not in text:
        return []
    return [match.span() for match in _URL_OR_EMAIL.finditer(text)]


def _overlapping(spans: list[Span], start: int, end: int) -> list[Span]:
    index = bisect_right(spans, (end, end))
    return [span for span in spans[max(0, index - 3) : index] if span[1] > start]


def _trim_end(text: str, start: int, end: int) -> int:
    last = _LAST_DIGIT.search(text, start, end)
    return last.end() if last else start


def _digit_count(text: str, start: int, end: int) -> int:
    return sum(ch.isdigit() for ch in text[start:end])


def _unmasked_pieces(text: str, start: int, end: int, masks: list[Span]) -> Iterator[Span]:
    """The parts of ``text[start:end]`` outside ``masks`` that still look like phone numbers."""
    if not masks:
        yield start, end
        return
    chars = list(text[start:end])
    for mask_start, mask_end in masks:
        for index in range(max(mask_start, start), min(mask_end, end)):
            chars[index - start] = "#"
    yield from _runs("".join(chars), start)


def _phones_in(text: str, start: int, end: int, regions: tuple[str, ...]) -> list[PhoneMatch]:
    """Valid numbers in ``text[start:end]``, trying the regions in the order given."""
    window_start = max(0, start - 1)
    window = text[window_start : end + 1]
    body = text[start:end].lstrip("(（")
    international = body[:1] in "+＋" or body.startswith("00")
    double_zero: int | None = None
    if body.startswith("00"):
        # libphonenumber reads "00" as an international prefix only for some regions; say it plainly.
        double_zero = start + (end - start - len(body)) - window_start
        window = window[:double_zero] + " +" + window[double_zero + 2 :]
    groups = [group.translate(_ASCII_DIGITS) for group in re.findall(f"[{_DIGIT}]+", text[start:end])]
    if len(groups) > _MAX_RUN_GROUPS:
        return []
    if not international and len(groups) > 2 and all(len(group) <= 2 for group in groups) and groups[0][0] != "0":
        # "38 40 42 44 46": sizes or quantities. Numbers written in pairs open with a trunk 0 (01 23 45 67 89).
        return []
    runs = _group_runs(groups)
    total = sum(len(group) for group in groups)
    found: list[PhoneMatch] = []
    covered = 0
    for region in ("ZZ", *regions) if international else regions:
        if region != "ZZ" and not _could_be_national(runs, region):
            continue
        for match in PhoneNumberMatcher(window, region, leniency=Leniency.VALID):
            match_start = match.start
            if double_zero is not None and match_start == double_zero + 1:
                match_start -= 1
            if match.raw_string[:1] in "(（" and not any(ch in match.raw_string for ch in ")）"):
                match_start += 1  # "（03-1234-5678）": the bracket encloses the number
            found.append(_phone_match(window_start + match_start, window_start + match.end, match.number, region))
            covered += sum(ch.isdigit() for ch in match.raw_string)
        if covered >= total:
            break
    return found


def _phone_match(start: int, end: int, number: PhoneNumber, region: str) -> PhoneMatch:
    actual = phonenumbers.region_code_for_number(number) or region
    pattern = "international" if region == "ZZ" else f"national ({region})"
    return PhoneMatch((start, end), phonenumbers.format_number(number, PhoneNumberFormat.E164), actual, pattern)


_NUMBER_TYPES = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)


@dataclass(frozen=True)
class _Region:
    """What a region's valid national numbers look like, for ``_could_be_national``."""

    types: tuple[tuple[frozenset[int], re.Pattern[str]], ...]
    """Per number type (fixed line, mobile, ...): its possible lengths and its pattern."""
    trunk: re.Pattern[str] | None
    """How a national (trunk) prefix is written, when the region has one."""
    formats: tuple[tuple[re.Pattern[str] | None, re.Pattern[str], bool], ...]
    """Per number format: the leading digits it is for, its pattern, and whether it needs the trunk prefix."""

    def fits(self, digits: str) -> bool:
        return any(len(digits) in lengths and pattern.fullmatch(digits) for lengths, pattern in self.types)

    def needs_trunk(self, digits: str) -> bool:
        """Whether ``digits`` written nationally must start with the trunk prefix (Sweden's 0)."""
        for leading, pattern, required in self.formats:
            if (leading is None or leading.match(digits)) and pattern.fullmatch(digits):
                return required
        return False


_FIRST_GROUP_ONLY = re.compile(r"[(\s]*\$1[)\s]*")


@cache
def _region(region: str) -> _Region | None:
    """None when the region's metadata is unknown or rewrites numbers while parsing."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.national_prefix_transform_rule or metadata.general_desc is None:
        return None
    general = frozenset(metadata.general_desc.possible_length or ())
    types = tuple(
        (frozenset(desc.possible_length or ()) or general, re.compile(desc.national_number_pattern))
        for desc in (getattr(metadata, name, None) for name in _NUMBER_TYPES)
        if desc is not None and desc.national_number_pattern
    )
    prefix = metadata.national_prefix_for_parsing or metadata.national_prefix
    formats = tuple(
        (
            re.compile(rule.leading_digits_pattern[-1]) if rule.leading_digits_pattern else None,
            re.compile(rule.pattern or "(?!)"),
            bool(
                metadata.national_prefix
                and rule.national_prefix_formatting_rule
                and not rule.national_prefix_optional_when_formatting
                and not _FIRST_GROUP_ONLY.fullmatch(rule.national_prefix_formatting_rule)
            ),
        )
        for rule in metadata.number_format or ()
    )
    return _Region(types, re.compile(prefix) if prefix else None, formats) if types else None


def _could_be_national(runs: list[str], region: str) -> bool:
    """Whether some run of consecutive digit groups (``_group_runs``) could be a valid number of the region.

    A cheap test before ``PhoneNumberMatcher``, which costs far more: it holds
    the digits against the region's number types and lengths, with and without
    a trunk prefix, as libphonenumber's validity check does, and so never rules
    out a number the matcher would accept.
    """
    known = _region(region)
    if known is None:
        return True
    for digits in runs:
        if known.fits(digits) and not known.needs_trunk(digits):
            return True
        trunk = known.trunk.match(digits) if known.trunk else None
        if trunk and trunk.end() and known.fits(digits[trunk.end() :]):
            return True
    return False


def _group_runs(groups: list[str]) -> list[str]:
    """The digits of every run of up to ``_MAX_GROUPS`` consecutive groups, long enough for a number."""
    runs = []
    for first in range(len(groups)):
        digits = ""
        for group in groups[first : first + _MAX_GROUPS]:
            digits += group
            if len(digits) > 17:
                break
            if len(digits) >= MIN_DIGITS - 1:
                runs.append(digits)
    return list(dict.fromkeys(runs))


def _without_overlaps(found: list[PhoneMatch]) -> list[PhoneMatch]:
    kept: list[PhoneMatch] = []
    for match in sorted(found, key=lambda m: (m.span[0], -(m.span[1] - m.span[0]))):
        if kept and match.span[0] < kept[-1].span[1]:
            continue
        kept.append(match)
    return kept


# --- exemptions ----------------------------------------------------------------------------------

# Where a sentence or line ends: ". " before a capital, a CJK full stop, or a line break, except after a
# colon ("Warranty hotline:\n0800 …" belongs together).
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ¿¡\"“„«(])|[。！？]|(?<![:：])\n")
_CONTEXT_REACH = 160


@cache
def _exempt_words() -> re.Pattern[str]:
    # Carriers' names keep their case: "Bring", "SEUR" and "EMS" are ordinary words too.
    words = word_pattern(_words("phone_exempt_context"))
    carriers = word_pattern(lexicons.load("common", "phone_carriers"), fold=False)
    return re.compile(f"{words}|{carriers}")


@cache
def _connector() -> re.Pattern[str]:
    words = word_pattern(_words("phone_connectors"))
    return re.compile(rf"[\s,;/|]{{0,3}}(?:(?:{words})[\s:]{{0,3}})?\Z")


def exempt_context(text: str, phones: list[PhoneMatch]) -> list[str | None]:
    """For each of ``phones`` (in order), the word that makes it a warranty, carrier or manufacturer number.

    The word must stand before the number in the same sentence or line. Two
    numbers joined only by "or" or a comma share the first one's context
    ("Warranty hotline: 0800 111 2222 or 0800 111 3333"); any other words in
    between start afresh ("Warranty: 0800 111 2222, my mobile 070-123 45 67").
    """
    reasons: list[str | None] = []
    previous_end = 0
    previous_reason: str | None = None
    for phone in phones:
        start = phone.span[0]
        sentence_start = _sentence_start(text, start)
        if previous_end > sentence_start and _connector().match(text, previous_end, start):
            reason = previous_reason
        else:
            reason = exempt_word_before(text, start, max(sentence_start, previous_end))
        reasons.append(reason)
        previous_end, previous_reason = phone.span[1], reason
    return reasons


def exempt_word_before(text: str, position: int, floor: int = 0) -> str | None:
    """The last warranty, carrier or manufacturer word between the sentence start (or ``floor``) and ``position``."""
    reason = None
    for match in _exempt_words().finditer(text, max(floor, _sentence_start(text, position)), position):
        reason = match.group()
    return reason


def _sentence_start(text: str, position: int) -> int:
    start = max(0, position - _CONTEXT_REACH)
    for match in _SENTENCE_END.finditer(text, start, position):
        start = match.end()
    return start
