from datetime import date

from incidex.resolve.dates import conflict, date_range, parse_partial
from incidex.types import DateValue


def test_partial_dates_cover_their_whole_period():
    assert parse_partial("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert parse_partial("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert parse_partial("2024-06-16") == (date(2024, 6, 16), date(2024, 6, 16))
    assert parse_partial("2024-13") is None and parse_partial("June") is None


def test_month_precision_overlaps_every_day_of_the_month():
    month = date_range(DateValue("2024-03", "month", "in March"), published=None, role="main")
    day = date_range(DateValue("2024-03-31", "day", None), published=None, role="main")
    later = date_range(DateValue("2024-04-10", "day", None), published=None, role="main")
    assert not conflict(month, day, tolerance_days=0)
    assert conflict(month, later, tolerance_days=3)
    assert not conflict(month, later, tolerance_days=10)


def test_undated_main_record_falls_back_on_publication():
    undated = date_range(DateValue(None, "unknown", None), published="2024-06-17", role="main")
    assert (undated.start, undated.end, undated.explicit) == (date(2024, 3, 19), date(2024, 6, 17), False)
    background = date_range(DateValue(None, "unknown", None), published="2024-06-17", role="background")
    assert background.start is None and background.end == date(2024, 6, 17)


def test_unresolved_relative_date_counts_as_undated():
    value = DateValue("2024-06-16", "day", "on Sunday", resolved=False)
    assert not date_range(value, published=None, role="main").explicit


def test_open_ranges_never_conflict():
    nothing = date_range(DateValue(None, "unknown", None), published=None, role="main")
    dated = date_range(DateValue("1999-01-01", "day", None), published=None, role="main")
    assert not conflict(nothing, dated, tolerance_days=0)
