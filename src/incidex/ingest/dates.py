"""Publication dates in the common forms feeds and exports use, normalized to ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_ISO = re.compile(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
_NUMERIC = re.compile(r"(?P<first>\d{1,2})([/.-])(?P<second>\d{1,2})\2(?P<year>\d{4})")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def normalize_published(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date, datetime or a string in a common form, else None.

    Accepted strings: ISO dates and timestamps (``2024-06-16``, ``2024-06-16T09:30:00Z``, ``2024/06/16``),
    ``20240616``, ``16 June 2024``, ``June 16, 2024``, RFC 2822 (``Sun, 16 Jun 2024 09:30:00 +0000``), and
    ``16/06/2024`` when day and month cannot be confused (otherwise None). The date is kept as written, without
    time-zone conversion. Partial dates (``June 2024``) give None.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _ISO.match(text):
        return _build(match["year"], match["month"], match["day"])
    if match := _COMPACT.fullmatch(text):
        return _build(match["year"], match["month"], match["day"])
    if match := _DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text):
        return _build(match["year"], _MONTHS[match["month"].lower()], match["day"])
    if match := _NUMERIC.fullmatch(text):
        return _numeric(int(match["first"]), int(match["second"]), match["year"])
    return None


def published_or_warning(value: object) -> tuple[str | None, list[str]]:
    """The normalized publication date of a reader's field, and a warning when a value was given that is not a date
    (it is kept as unknown, the same way by every reader and the API)."""
    published = normalize_published(value)
    if published is not None or value is None or (isinstance(value, str) and not value.strip()):
        return published, []
    shown = value if isinstance(value, str) and len(value) <= 40 else f"{str(value)[:40]}…"
    return None, [f"published {shown!r} is not a date (use YYYY-MM-DD); the publication date is kept as unknown, so "
                  "relative dates ('on Sunday') stay unresolved"]


def _numeric(first: int, second: int, year: str) -> str | None:
    if first > 12 >= second:
        return _build(year, second, first)
    if second > 12 >= first:
        return _build(year, first, second)
    if first == second:
        return _build(year, first, second)
    return None  # 05/06/2024 could be May or June


def _build(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date.isoformat() if _MIN_YEAR <= date.year <= _MAX_YEAR else None
