"""Date ranges of records, precision-aware: "2024-03" covers every day of March 2024.

A record without a usable date falls back on its document's publication date: a main incident happened in the
:data:`UNDATED_DAYS` days before publication (generous, since follow-up reports of arrests and trials come weeks or
months later), a background incident at any time before it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ..types import DateValue

UNDATED_DAYS = 90


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds (None = open); ``explicit`` when the record states its own date."""

    start: date | None
    end: date | None
    explicit: bool
    label: str


def parse_partial(value: str) -> tuple[date, date] | None:
    """First and last day of ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None when malformed."""
    parts = value.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
        if len(numbers) == 2:
            year, month = numbers
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except ValueError:
        return None
    return None


def date_range(value: DateValue, *, published: str | None, role: str) -> DateRange:
    """The range of days ``value`` may mean, with the publication-date fallback for undated records."""
    if value.value and value.resolved and value.precision != "unknown":
        bounds = parse_partial(value.value)
        if bounds:
            return DateRange(bounds[0], bounds[1], explicit=True, label=value.value)
    pub = parse_partial(published[:10]) if published else None
    if pub is None:
        return DateRange(None, None, explicit=False, label="undated")
    end = pub[1]
    start = end - timedelta(days=UNDATED_DAYS) if role == "main" else None
    return DateRange(start, end, explicit=False, label=f"published {published[:10]}")


def conflict(a: DateRange, b: DateRange, *, tolerance_days: int) -> bool:
    """Whether the ranges are more than ``tolerance_days`` apart."""
    gap = timedelta(days=tolerance_days)
    return bool(
        (a.end and b.start and a.end + gap < b.start) or (b.end and a.start and b.end + gap < a.start)
    )
