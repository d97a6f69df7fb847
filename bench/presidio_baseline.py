"""Presidio's e-mail, phone and URL recognizers, run directly, as the baseline for Parley.

No spaCy model can be downloaded here, so no ``AnalyzerEngine``: each recognizer's
``analyze(text, entities, nlp_artifacts=None)`` is called on the message source. Without
NLP artifacts Presidio skips its context-word score boost, which changes scores only,
never which spans are found, so recall is unaffected.

- ``EmailRecognizer``: one regex, each match validated with ``tldextract`` (the domain
  must end in a public suffix). tldextract would fetch the public suffix list on first
  use; ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` is set empty before import so it uses the
  snapshot it ships with and never touches the network.
- ``PhoneRecognizer``: ``phonenumbers.PhoneNumberMatcher`` once per region, given the
  same regions Parley uses (``DEFAULT_PHONE_REGIONS``).
- ``UrlRecognizer``: four regexes over a list of top-level domains (scheme, bare, quoted).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from parley.policy.context import DEFAULT_PHONE_REGIONS

ENTITY_FOR_KIND = {"email": "EMAIL_ADDRESS", "phone": "PHONE_NUMBER", "url": "URL"}
INSTALL_HINT = "pip install -e '.[bench]'   (or: .venv/bin/pip install presidio-analyzer)"


@dataclass(frozen=True)
class Baseline:
    version: str
    analyze: Callable[[str], dict[str, list[tuple[int, int]]]]
    """Spans found per plant kind (``email``, ``phone``, ``url``) in one text."""


def load() -> Baseline | None:
    """The three recognizers, or None when presidio-analyzer is not installed."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    try:
        from importlib.metadata import version

        from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer, UrlRecognizer
    except ImportError:
        return None
    recognizers = {
        "email": EmailRecognizer(),
        "phone": PhoneRecognizer(supported_regions=DEFAULT_PHONE_REGIONS),
        "url": UrlRecognizer(),
    }

    def analyze(text: str) -> dict[str, list[tuple[int, int]]]:
        found = {}
        for kind, recognizer in recognizers.items():
            results = recognizer.analyze(text, entities=[ENTITY_FOR_KIND[kind]], nlp_artifacts=None)  # type: ignore[arg-type]
            found[kind] = [(result.start, result.end) for result in results]
        return found

    return Baseline(version("presidio-analyzer"), analyze)
