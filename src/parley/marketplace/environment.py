"""Settings dataclasses overridden from ``PARLEY_*`` environment variables, one variable per field."""

from __future__ import annotations

import os
from dataclasses import fields
from typing import Any


class SettingsError(ValueError):
    """A setting that is not a number of the right kind, or is out of range."""


def overrides(cls: type, prefix: str, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """The fields of dataclass ``cls`` that ``<prefix><FIELD>`` sets, converted to each default's type
    (whole numbers for ``int`` fields); negative values are refused."""
    environ = dict(os.environ if environ is None else environ)
    found: dict[str, Any] = {}
    for field in fields(cls):
        name = f"{prefix}{field.name.upper()}"
        if name not in environ:
            continue
        kind: type[int] | type[float] = float if isinstance(field.default, float) else int
        try:
            value = kind(environ[name])
        except ValueError:
            noun = "a whole number" if kind is int else "a number"
            raise SettingsError(f"{name} must be {noun}, not {environ[name]!r}") from None
        if value < 0:
            raise SettingsError(f"{name} must not be negative")
        found[field.name] = value
    return found
