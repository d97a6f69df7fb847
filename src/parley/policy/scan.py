"""One message under inspection: the message, its context and shared detector results.

Detectors run at most once per message, whichever rules ask for them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cached_property
from typing import Any, TypeVar

from parley.policy.context import Context
from parley.policy.message import Message

T = TypeVar("T")


class Scan:
    def __init__(self, message: Message, context: Context) -> None:
        self.message = message
        self.context = context
        self._memo: dict[Hashable, Any] = {}

    def cached(self, function: Callable[..., T], *args: Hashable) -> T:
        """``function(*args)``, computed once per scan."""
        key = (function, *((id(a) if isinstance(a, str) and len(a) > 256 else a) for a in args))
        if key not in self._memo:
            self._memo[key] = function(*args)
        return self._memo[key]

    @cached_property
    def language(self) -> str | None:
        """The language the message is written in (ISO 639-1), or None if unclear."""
        from parley.policy.detectors import language

        guess = language.identify(self.message.body_text, ignore=self.context.product_titles)
        return guess.language if guess else None

    @property
    def known_language(self) -> str | None:
        """The message's language if something already asked for it, without identifying it now."""
        return self.__dict__.get("language")

    @property
    def reader_language(self) -> str | None:
        """The language to explain findings in when the caller did not choose one."""
        return self.context.buyer_language_code or self.language
