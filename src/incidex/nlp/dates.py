"""DateFinder: date expressions normalized against the publication date, as :class:`DateMention`.

How relative expressions resolve (``published`` is the report's publication day):

* weekdays ("on Sunday", "Tuesday night", "in the early hours of Tuesday", "late Friday"): the most recent such day
  not after publication, so "on Monday" in a Monday paper is the publication day; "last Monday" in a Monday paper is
  a week earlier; "next Monday" is never resolved (a weekday never resolves to after publication);
* "today", "tonight", "this morning" -> the publication day; "yesterday", "last night" -> the day before;
  "N days ago" -> day; "a few minutes ago", "two hours ago", "in the past few hours", "over the last 24 hours" ->
  the publication day (a stretch of more than 24 hours is not matched);
* a month without a year ("in March") -> the most recent such month not after publication, precision month (a day
  is never invented for a month);
* a day and month without a year ("3 february") -> the latest such day that is at most 31 days after publication,
  as reports also name days just ahead: "sentencing is scheduled for February 4" in a February 1 paper is that
  February 4, "on 27 january" in a 31 December paper is next January;
* "last month" / "this month" / "N months ago" -> month; "last year" / "earlier this year" / "N years ago" -> year;
* weeks ("last week", "this week", "over the weekend", and "N weeks ago", read as 7N days back give or take 3) have no
  precision of their own: when the whole stretch (up to publication) lies in one month the value is that month,
  otherwise value None, precision unknown.

Without a publication date only absolute texts ("June 16, 2024", "in 2022", "March 2024") get a value; relative ones
keep their text with value None, precision "unknown" and ``resolved`` False. ``resolved`` is False exactly when the
value is None. Future references ("next week") are never resolved.

Mentions come from our own patterns (weekday and month names, years, relative phrases: they work on lowercase text,
where NER misses most dates) plus NER ``DATE`` entities that the patterns did not cover and that normalize to a value.
dateparser is not used: it turns durations ("three years") and decades ("the 1990s") into wrong dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..types import DateValue
from .annotations import DateMention, doc_text

MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NUMBERS["sept"] = 9
WEEKDAY_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
FUTURE_DAYS = 31  # how far after publication a day-month without a year may lie
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip

_FULL_MONTH = "january|february|march|april|may|june|july|august|september|october|november|december"
_ABBR_MONTH = r"jan\.?|feb\.?|mar\.|apr\.?|jun\.|jul\.|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?"
MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
PREP = r"(?:(?:on|in|since|during|until|till|by|from|before|after|as\s+of|through)\s+)?"
ORD = r"(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
PART = r"(?:morning|afternoon|evening|night|overnight)"
COUNT = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# hours or minutes back, read as the publication day: a few, some, up to 24 (hours) or any count (minutes)
_FEW = r"(?:a\s+few|several|a\s+couple\s+of|couple\s+of|few)"
_HOURS = rf"(?:{_FEW}|[1-9]|1\d|2[0-4]|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+hours?"
_MINUTES = rf"(?:{_FEW}|{COUNT})\s+minutes?"
_HOURS_AGO = (rf"\b(?:{_HOURS}|{_MINUTES})\s+ago\b|\b(?:in|during|over|within)\s+the\s+(?:past|last)\s+"
              rf"(?:(?:few|several|couple\s+of)\s+(?:hours|minutes)|{_HOURS}|{_MINUTES})\b")

_EVENT_NOUNS = (
    r"attacks?|bombings?|blasts?|explosions?|massacres?|killings?|raids?|assaults?|shootings?|strikes?|offensive"
)

# Words that make a weekday part of a name: "the Sunday Times", "Good Friday"
_TITLE_WORDS = ("times", "telegraph", "express", "mirror", "post", "herald", "tribune", "independent", "observer",
                "mail", "star", "agreement")  # fmt: skip
_TITLES = rf"(?:{'|'.join(_TITLE_WORDS)})\b"

# Search patterns for the finder, most specific first; overlaps are settled by keeping the longest.
_PATTERNS = [
    rf"\b{PREP}{YEAR}-\d\d-\d\d\b",
    rf"\b{PREP}(?:{WEEKDAY},?\s+)?(?:the\s+)?\d{{1,2}}{ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?(?![\w])",
    rf"\b{PREP}(?:{WEEKDAY},?\s+)?{MONTH}\s+\d{{1,2}}{ORD}(?:,?\s+{YEAR})?\b",
    rf"\b{PREP}(?:(?:early|mid|late)[-\s]+)?{MONTH}(?:\s+of)?,?\s+{YEAR}\b",
    rf"\b(?:in|since|during|until|till|by|from|before|after|of|through|early|mid|late)(?:\s+|-)"
    rf"(?:(?:early|mid|late)[-\s]+)?(?:{_FULL_MONTH})\b",
    rf"\b(?:last|this)\s+(?:{_FULL_MONTH.replace('may|', '')})\b",
    rf"\b(?:in\s+|on\s+|during\s+)?the\s+(?:early\s+|small\s+|wee\s+)?(?:hours|morning|afternoon|evening|night)\s+of\s+"
    rf"(?:last\s+)?{WEEKDAY}\b",
    rf"\b(?:(?:on|since|by|until|from|before|after|as\s+of)\s+)?(?:(?:early|late)\s+(?:on\s+)?)?"
    rf"(?:(?:last|this|past|next)\s+)?(?<!good\s)(?<!black\s)(?<!holy\s){WEEKDAY}(?:\s+{PART})?\b(?!\s+{_TITLES})",
    rf"\b(?:(?:in|since|during|until|by|from|before|after|of|the\s+year|early|mid|late)[-\s]+){YEAR}\b(?![-'’])",
    r"\b(?:(?:on|since|until|by)\s+)?(?:the\s+day\s+before\s+yesterday|(?:(?:early|late)\s+)?yesterday"
    rf"(?:\s+{PART})?|(?:(?:early|late)\s+)?today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
    rf"\b{COUNT}\s+(?:days?|weeks?|months?|years?)\s+ago\b",
    _HOURS_AGO,
    r"\b(?:(?:earlier|later)\s+)?(?:last|this|past|next)\s+(?:week|weekend|month|year)\b",
    r"\b(?:over|at|during)\s+the\s+weekend\b",
    rf"(?<=\bthe\s)(?:{_FULL_MONTH})(?=\s+(?:{_EVENT_NOUNS})\b)",
]
_FINDERS = [re.compile(p) for p in _PATTERNS]  # run on lowercased text
# Every pattern contains one of these words; patterns run only in a window around each of them.
_ANCHOR = re.compile(rf"(?:{_FULL_MONTH}|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|day|night|week|month|year"
                     rf"|morning|afternoon|evening|hour|minute|{YEAR})")
_WINDOW_BEFORE, _WINDOW_AFTER = 48, 40
_WEEKDAY_END = re.compile(rf"{WEEKDAY}(?:\s+{PART})?$")
_GLUE = re.compile(rf",?\s+(?:(?:the\s+)?\d{{1,2}}{ORD}\s+(?:of\s+)?)?")
_DATE_START = re.compile(rf"\d|{MONTH}")

_ISO = re.compile(rf"\b({YEAR})-(\d\d)-(\d\d)\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){ORD}\s+(?:of\s+)?({MONTH})(?:,?\s+({YEAR}))?(?!\w)")
_MONTH_DAY = re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){ORD}(?:,?\s+({YEAR}))?\b")
_MONTH_YEAR = re.compile(rf"\b({MONTH})(?:\s+of)?,?\s+({YEAR})\b")
_WEEKDAY = re.compile(rf"\b(?:(last|this|past|next)\s+)?({WEEKDAY})\b")
_AGO = re.compile(rf"\b({COUNT})\s+(day|week|month|year)s?\s+ago\b")
_HOURS_BACK = re.compile(_HOURS_AGO)
_PERIOD = re.compile(r"\b(?:(earlier|later)\s+)?(last|this|past|next)\s+(week|weekend|month|year)\b")
_WEEKEND = re.compile(r"\bthe\s+weekend\b")
_MONTH_ALONE = re.compile(rf"\b({_FULL_MONTH}|{_ABBR_MONTH})(?!\w)")
_YEAR_ALONE = re.compile(rf"(?<!\d)({YEAR})(?!\d|s\b|['’]s\b)")  # not a decade: "1970s", "1970's"


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        value = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return value if value.year >= 1000 else None  # leaves room to count back without leaving the calendar


def _unknown(text: str) -> DateValue:
    return DateValue(None, "unknown", text, False)


def _day(value: date, text: str) -> DateValue:
    return DateValue(value.isoformat(), "day", text, True)


def _month(year: int, month: int, text: str) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month", text, True)


def _year(year: int, text: str) -> DateValue:
    return DateValue(f"{year:04d}", "year", text, True)


def _month_number(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _week_value(first: date, last: date, text: str) -> DateValue:
    """A week has no precision of its own: its month when it lies in one month, else unknown."""
    if (first.year, first.month) == (last.year, last.month):
        return _month(first.year, first.month, text)
    return _unknown(text)


def _months_back(pub: date, months: int) -> tuple[int, int]:
    index = pub.year * 12 + pub.month - 1 - months
    return index // 12, index % 12 + 1


def _day_in_year(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _explicit(low: str, text: str, pub: date | None) -> DateValue | None:
    """Dates spelled with a month name or in ISO form."""
    if m := _ISO.search(low):
        found = _day_in_year(int(m[1]), int(m[2]), int(m[3]))
        return _day(found, text) if found else _unknown(text)
    day_month = _DAY_MONTH.search(low)
    month_day = _MONTH_DAY.search(low)
    if day_month or month_day:
        if day_month:
            day, month, year = int(day_month[1]), _month_number(day_month[2]), day_month[3]
        else:
            month, day, year = _month_number(month_day[1]), int(month_day[2]), month_day[3]
        if year:
            found = _day_in_year(int(year), month, day)
            return _day(found, text) if found else _unknown(text)
        if pub is None:
            return _unknown(text)
        latest = pub + timedelta(days=FUTURE_DAYS)
        years = (pub.year + 1, pub.year, pub.year - 1)
        found = next((d for y in years if (d := _day_in_year(y, month, day)) is not None and d <= latest), None)
        return _day(found, text) if found else _unknown(text)
    if m := _MONTH_YEAR.search(low):
        return _month(int(m[2]), _month_number(m[1]), text)
    return None


def _relative(low: str, text: str, pub: date) -> DateValue | None:
    """Expressions that need the publication date."""
    if "day before yesterday" in low:
        return _day(pub - timedelta(days=2), text)
    if "yesterday" in low or "last night" in low:
        return _day(pub - timedelta(days=1), text)
    if re.search(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", low) or _HOURS_BACK.search(low):
        return _day(pub, text)
    if m := _AGO.search(low):
        n, unit = _count(m[1]), m[2]
        if unit == "day":
            return _day(pub - timedelta(days=n), text)
        if unit == "week":
            middle = pub - timedelta(days=7 * n)
            return _week_value(middle - timedelta(days=3), min(middle + timedelta(days=3), pub), text)
        if unit == "month":
            return _month(*_months_back(pub, n), text)
        return _year(pub.year - n, text)
    if m := _PERIOD.search(low):
        which, unit = m[2], m[3]
        if which == "next":
            return _unknown(text)
        back = 0 if which == "this" or (which == "past" and unit in ("month", "year")) else 1
        if unit == "year":
            return _year(pub.year - back, text)
        if unit == "month":
            return _month(*_months_back(pub, back), text)
        if unit == "week" and which == "past":
            return _week_value(pub - timedelta(days=7), pub, text)
        if unit == "week":
            start = pub - timedelta(days=pub.weekday() + 7 * back)
            return _week_value(start, min(start + timedelta(days=6), pub), text)
        return _weekend(pub, text, previous=which == "last")
    if _WEEKEND.search(low):
        return _weekend(pub, text, previous=False)
    if m := _WEEKDAY.search(low):
        if m[1] == "next":
            return _unknown(text)
        back = (pub.weekday() - WEEKDAY_NUMBERS[m[2]]) % 7
        if back == 0 and m[1] == "last":
            back = 7
        return _day(pub - timedelta(days=back), text)
    if m := _MONTH_ALONE.search(low):
        month = _month_number(m[1])
        year = pub.year if month <= pub.month else pub.year - 1
        return _month(year, month, text)
    return None


def _weekend(pub: date, text: str, *, previous: bool) -> DateValue:
    """The most recent Saturday-Sunday not after publication (the one before it for "last weekend")."""
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if previous and pub.weekday() >= 5:
        saturday -= timedelta(days=7)
    return _week_value(saturday, min(saturday + timedelta(days=1), pub), text)


def normalize_date(text: str, published: str | None) -> DateValue:
    """Normalize a date expression against the publication date ``YYYY-MM-DD`` (see the module docstring).

    >>> normalize_date("on Sunday", "2024-06-17")
    DateValue(value='2024-06-16', precision='day', text='on Sunday', resolved=True)
    """
    return replace(_normalize(text, published))  # a copy: callers may change it, the cache must not


@lru_cache(maxsize=16384)
def _normalize(text: str, published: str | None) -> DateValue:
    low = " ".join(text.lower().split())
    pub = _parse_published(published)
    value = _explicit(low, text, pub)
    if value is None and pub is not None:
        value = _relative(low, text, pub)
    if value is not None:
        return value
    if m := _YEAR_ALONE.search(low):
        year = int(m[1])
        if pub is None or year <= pub.year:
            return _year(year, text)
    return _unknown(text)


_CLOCK_WORDS = {"utc", "gmt", "hours", "hrs", "local", "h"}
_NER_PREPOSITIONS = {"on", "in", "since", "during", "until", "by", "from", "before", "after", "of"}


def find_dates(doc: Doc) -> list[DateMention]:
    """Date mentions of ``doc`` (patterns first, then uncovered NER DATE entities that normalize), in text order."""
    text = doc_text(doc)
    published = doc._.incidex_published
    spans = _pattern_spans(text)
    found = list(spans)
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(ent.start_char < e and s < ent.end_char for s, e in found):
            continue
        if ent.end < len(doc) and (doc[ent.end].lower_ in _CLOCK_WORDS or doc[ent.end].lower_ in _TITLE_WORDS):
            continue  # "(1800 UTC)" is a time, "Sunday Times" a name
        start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ in _NER_PREPOSITIONS:
            start = doc[ent.start - 1].idx
        if normalize_date(text[start : ent.end_char], published).value is not None:
            spans.append((start, ent.end_char))
    header = doc._.incidex_dateline  # the dateline's date is the report's, not an incident's (nlp/datelines.py)
    if header is not None:
        spans = [(s, e) for s, e in spans if not (header.start <= s < header.end)]
    spans.sort()
    return [DateMention(s, e, text[s:e], normalize_date(text[s:e], published)) for s, e in spans]


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _windows(low: str) -> list[tuple[int, int]]:
    """Merged text windows around anchor words, widened to whitespace so that ``\\b`` means the same."""
    windows: list[tuple[int, int]] = []
    n = len(low)
    for m in _ANCHOR.finditer(low):
        start, end = max(0, m.start() - _WINDOW_BEFORE), min(n, m.end() + _WINDOW_AFTER)
        while start > 0 and not low[start - 1].isspace():
            start -= 1
        while end < n and not low[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _pattern_spans(text: str) -> list[tuple[int, int]]:
    """Non-overlapping pattern matches, longest first."""
    low = _lower_same_length(text)
    candidates = sorted(
        (
            (m.start(), m.end())
            for start, end in _windows(low)
            for finder in _FINDERS
            for m in finder.finditer(low, start, end)
        ),
        key=lambda span: (span[0] - span[1], span[0]),
    )
    chosen: list[tuple[int, int]] = []
    for start, end in candidates:
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return _join_weekday_and_date(sorted(chosen), low)


def _join_weekday_and_date(spans: list[tuple[int, int]], low: str) -> list[tuple[int, int]]:
    """One mention for "in the early hours of Tuesday, 11 June 2024", found as two."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            prev_start, prev_end = joined[-1]
            if _WEEKDAY_END.search(low, prev_start, prev_end) and _GLUE.fullmatch(low, prev_end, start):
                if _DATE_START.match(low, start):
                    joined[-1] = (prev_start, end)
                    continue
        joined.append((start, end))
    return joined


class DateFinder:
    """spaCy component writing ``doc._.incidex_dates``; reads ``doc._.incidex_published``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.incidex_dates = find_dates(doc)
        return doc


__all__ = ["DateFinder", "find_dates", "normalize_date"]
