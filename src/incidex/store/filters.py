"""The checks of incident filters shared by the API and ``incidex export``: one rule and one message for each, so
a value one of them refuses the other refuses too (``--country USA`` and ``?country=USA`` alike)."""

from __future__ import annotations

from ..errors import InputError
from ..types import INCIDENT_TYPES


def country_code(value: str | None) -> str | None:
    """The upper-case ISO 3166 alpha-2 code given (None when blank); :class:`InputError` for anything else."""
    if value is None or not value.strip():
        return None
    code = value.strip()
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise InputError(f"country {value!r} is not an ISO 3166 alpha-2 code; use two letters such as RU")
    return code.upper()


def incident_type(value: str | None) -> str | None:
    """One of :data:`~incidex.types.INCIDENT_TYPES` (None when blank); :class:`InputError` for anything else."""
    if value is None or not value.strip():
        return None
    if value.strip() not in INCIDENT_TYPES:
        raise InputError(f"unknown type {value.strip()!r}; use one of: {', '.join(INCIDENT_TYPES)}")
    return value.strip()
