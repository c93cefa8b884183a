"""Datelines: where and when a wire report was filed, and the bracketed header tags that follow it.

Read at the start of a report, or of the first paragraph after a headline:

    SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT] THE ARCE BATTALION ...
    MANAGUA (NICARAGUA), 10 DEC 89 (DOMESTIC SERVICE) -- [STATEMENT] [NICARAGUAN FOREIGN MINISTER ...] [TEXT] I ...
    KABUL, Afghanistan (AP) — Gunmen ...
    MOGADISHU, June 5 (Reuters) - Gunmen ...
    NEW DELHI: Police ...

A dateline is a place written in capitals ("SAN SALVADOR", "NO CITY"), then, in any combination and order the
wires use, a country or state (in parentheses or after a comma), a date, and the outlet in parentheses, closed by a
dash or a colon. Its date is the **report's** date, never an incident's: "3 JAN 90" is 1990-01-03 (a year of two
digits is 19YY from 50 on, else 20YY); a date without a year ("June 5") has no value unless a publication date
places it, and "NO DATE" none at all. Header tags are the bracketed labels after the dash: those that say what the
text is ("[TEXT]", "[REPORT]", "[COMMUNIQUE]") and those that name who speaks or wrote it ("[ARMED FORCES PRESS
COMMITTEE, COPREFA]", "[STATEMENT BY ... MINISTER ...]"): the cited source.

:class:`DatelineReader` (spaCy component ``incidex_datelines_v1``, first of ours) writes ``doc._.incidex_dateline``
and, when the document has no publication date, makes the dateline's date its publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..types import Location
from .annotations import PlaceMention, doc_text
from .dates import MONTH_NUMBERS, normalize_date
from .gazetteer import Gazetteer, default_gazetteer
from .lexicons import words

SEARCH_CHARS = 400  # a dateline starts within this many characters of the text (after a headline)
YEAR_PIVOT = 50  # a two-digit year from this on is 19YY, below it 20YY
# Places of MUC-style datelines that are no place: the station broadcast from hiding, or the wire gave none.
NOT_PLACES = words("not_dateline_places")
# Header tags that say what kind of text follows, not who speaks ("[TEXT]", "[EDITORIAL REPORT]").
TEXT_KINDS = words("text_kinds")
# "[STATEMENT BY X]", "[INTERVIEW WITH X BY Y]", "[NEWS CONFERENCE WITH X BY Y]": X speaks.
_SPEAKER = re.compile(r"(?:statement|interview|news conference|press conference|speech|message|letter|report|"
                      r"communique|commentary|address|remarks|declaration|talk)\b.*?\b(?:by|with|from)\s+"
                      r"(?P<who>.+?)(?:\s+by\s+.+)?$", re.IGNORECASE | re.DOTALL)

_CAPS_WORD = r"[A-Z][A-Z'.\-]*[A-Z.]|[A-Z]"
_CAPS_PLACE = rf"(?:{_CAPS_WORD})(?:[ \-](?:{_CAPS_WORD}))*"
_NAME_WORD = r"[A-Z][A-Za-z'.\-]*"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}"
_MONTH_NAMES = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH = rf"(?:{_MONTH_NAMES})\.?"
_DATE = (rf"(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{_MONTH})(?:,?\s+(?P<year1>\d{{4}}|\d{{2}}))?"
         rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:,?\s+(?P<year2>\d{{4}}|\d{{2}}))?"
         rf"|NO DATE)")
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE})"
    rf"(?:\s*\((?P<country1>{_NAME})\))?"
    rf"(?:,\s*(?!NO DATE)(?P<country2>{_NAME})(?=\s*(?:,|\(|--|[\u2014\u2013]|-\s)))?"
    rf"(?:,\s*(?P<date>{_DATE}))?"
    rf"(?:\s*\((?P<outlet>[^()\n]{{1,60}})\))?"
    rf"\s*(?P<dash>--|[\u2014\u2013]|-(?=\s)|:(?=\s))\s*",
    re.IGNORECASE,
)
_TAG = re.compile(r"\[(?P<inside>[^\[\]]{1,300})\]\s*")
_HEADLINE_END = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Dateline:
    """A dateline and its header tags; offsets are character offsets into the text.

    ``end`` is where the report's own words begin (after the dash and the tags). ``place`` spans the filing place
    (None for "CLANDESTINE", "NO CITY"), ``country`` a country or state written with it, ``date`` the date as
    written and ``date_value`` its ISO day (None without a year, or "NO DATE"), ``outlet`` the outlet in
    parentheses ("EFE", "Reuters"), ``tags`` every bracketed tag and ``speaker`` the span of the one naming who
    speaks or wrote the text ("ARMED FORCES PRESS COMMITTEE, COPREFA").
    """

    start: int
    end: int
    place: tuple[int, int] | None = None
    country: tuple[int, int] | None = None
    date: tuple[int, int] | None = None
    date_value: str | None = None
    outlet: tuple[int, int] | None = None
    tags: tuple[tuple[int, int], ...] = ()
    speaker: tuple[int, int] | None = None

    @property
    def header(self) -> tuple[int, int]:
        """The whole header: dateline and tags."""
        return self.start, self.end

    def in_tags(self, start: int, end: int) -> bool:
        """Whether ``start``-``end`` lies inside one of the bracketed tags."""
        return any(s <= start and end <= e for s, e in self.tags)


def read_dateline(text: str, published: str | None = None) -> Dateline | None:
    """The dateline at the start of ``text`` (or of its first paragraph after a headline), or None.

    ``published`` places a date written without a year ("June 5"); a dateline's own year always wins.
    """
    gazetteer = default_gazetteer()
    for start in _candidate_starts(text):
        match = _DATELINE.match(text, start)
        if match is None or not _plausible(match, gazetteer):
            continue
        place = match.span("place")
        if text[place[0] : place[1]].lower() in NOT_PLACES:
            place = None
        country, outlet = match.span("country2") if match.group("country2") else None, _span(match, "outlet")
        if match.group("country1"):  # "MANAGUA (NICARAGUA)" names a country, "BEIRUT (Reuters)" the outlet
            if _names_a_region(match.group("country1"), gazetteer):
                country = match.span("country1")
            elif outlet is None:
                outlet = match.span("country1")
        tags, end = _tags(text, match.end())
        return Dateline(start=match.start(), end=end, place=place, country=country, date=_span(match, "date"),
                        date_value=_date_value(match, published), outlet=outlet, tags=tuple(tags),
                        speaker=_speaker(text, tags))
    return None


def _span(match: re.Match, group: str) -> tuple[int, int] | None:
    return match.span(group) if match.group(group) else None


def _names_a_region(name: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows ``name`` as a country or a first-level subdivision ("NICARAGUA", "Texas")."""
    return any(c.place.kind in ("country", "admin1") for c in gazetteer.lookup(name))


def _candidate_starts(text: str) -> list[int]:
    """The text's first non-blank character, and the starts of the lines after it within the search window."""
    starts = []
    at = len(text) - len(text.lstrip())
    while at < min(len(text), SEARCH_CHARS):
        starts.append(at)
        newline = text.find("\n", at)
        if newline < 0:
            break
        at = _HEADLINE_END.match(text, newline).end()  # type: ignore[union-attr]
    return starts


def _plausible(match: re.Match, gazetteer: Gazetteer) -> bool:
    """A dateline, not a sentence that opens with words in capitals ("THE ARMY SAID - ..."): the place is in
    capitals, at least three letters and four words at most, and the gazetteer knows it unless a country, date or
    outlet comes with it."""
    place = match.group("place")
    if len(place.replace(" ", "")) < 3 or not place.isupper() or len(place.split()) > 4:
        return False
    if any(match.group(g) for g in ("country1", "country2", "date", "outlet")):
        return True
    return place.lower() in NOT_PLACES or place in gazetteer


def _date_value(match: re.Match, published: str | None) -> str | None:
    """The ISO day of the dateline's date: its own year (two digits: :data:`YEAR_PIVOT`), else placed by
    ``published``; None for "NO DATE" or a date that does not exist."""
    day, month, year = match.group("day1") or match.group("day2"), match.group("month1") or match.group("month2"), \
        match.group("year1") or match.group("year2")
    if not day or not month:
        return None
    if year is None:
        value = normalize_date(f"{int(day)} {month.rstrip('.')}", published)
        return value.value if value.precision == "day" else None
    number = int(year)
    if len(year) == 2:
        number += 1900 if number >= YEAR_PIVOT else 2000
    try:
        return date(number, MONTH_NUMBERS[month.lower().rstrip(".")], int(day)).isoformat()
    except ValueError:
        return None


def _tags(text: str, at: int) -> tuple[list[tuple[int, int]], int]:
    """The spans of the bracketed tags from ``at`` (inside the brackets) and where the text after them starts."""
    tags = []
    while (match := _TAG.match(text, at)) is not None:
        tags.append(match.span("inside"))
        at = match.end()
    return tags, at


def _speaker(text: str, tags: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of who speaks or wrote the text, named by a tag: "[ARMED FORCES PRESS COMMITTEE, COPREFA]",
    the X of "[STATEMENT BY X]" or "[INTERVIEW WITH X BY Y]"; None when the tags only say what the text is."""
    for start, end in tags:
        if " ".join(text[start:end].split()).lower() in TEXT_KINDS:
            continue
        match = _SPEAKER.match(text, start, end)
        return match.span("who") if match is not None else (start, end)
    return None


class DatelineReader:
    """spaCy component ``incidex_datelines_v1``: writes ``doc._.incidex_dateline`` (a :class:`Dateline` or None)
    and fills ``doc._.incidex_published`` from the dateline's date when the document has none."""

    def __init__(self, nlp: Language, name: str = "incidex_datelines") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.incidex_original or doc_text(doc)
        dateline = read_dateline(text, doc._.incidex_published)
        doc._.incidex_dateline = dateline
        if doc._.incidex_published is None and dateline is not None and dateline.date_value is not None:
            doc._.incidex_published = dateline.date_value
        return doc


def filing_country(filed_at: list[PlaceMention]) -> PlaceMention | None:
    """The country a report was filed from, as a place of kind "country": the country code of the first place of
    its dateline ("SAN SALVADOR" -> SV), uncertain, its span the dateline's place; no name, point or precision.
    Where a wire report was filed says in which country its incidents most likely are, not where in it."""
    gazetteer = default_gazetteer()
    for mention in filed_at:
        code = mention.location.country_code if mention.location is not None else None
        if mention.kind != "facility" and code and gazetteer.country(code) is not None:
            location = Location(country_code=code, uncertain=True)
            return PlaceMention(mention.start, mention.end, mention.text, location, kind="country")
    return None


def dateline_of(doc: Doc) -> Dateline | None:
    """The dateline of ``doc``: the reader's, or read now when the reader has not run on it."""
    found = doc._.incidex_dateline
    return found if found is not None else read_dateline(doc._.incidex_original or doc_text(doc), doc._.incidex_published)


__all__ = ["Dateline", "DatelineReader", "dateline_of", "filing_country", "read_dateline"]
