import datetime as dt

import pytest

from incidex.ingest import normalize_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-16", "2024-06-16"),
        ("2024-6-3", "2024-06-03"),
        ("2024-06-16T23:30:00-05:00", "2024-06-16"),
        ("2024-06-16 08:00:00Z", "2024-06-16"),
        ("2024/06/16", "2024-06-16"),
        ("20240616", "2024-06-16"),
        ("16 June 2024", "2024-06-16"),
        ("16th of June, 2024", "2024-06-16"),
        ("Sunday, 16 Jun 2024", "2024-06-16"),
        ("June 16, 2024", "2024-06-16"),
        ("Sept. 3 2019", "2019-09-03"),
        ("Sun, 16 Jun 2024 09:30:00 +0000", "2024-06-16"),
        ("16/06/2024", "2024-06-16"),
        ("06/16/2024", "2024-06-16"),
        ("07.07.2021", "2021-07-07"),
        (dt.date(2024, 6, 16), "2024-06-16"),
        (dt.datetime(2024, 6, 16, 22, 15), "2024-06-16"),
    ],
)
def test_normalize_published_reads_common_forms(value, expected):
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "yesterday", "June 2024", "2024", "05/06/2024", "2024-02-30", "31 April 2024", "0001-01-01", 20240616,
     "2024-06-1622"],
)
def test_normalize_published_gives_none_for_unknown_ambiguous_or_impossible_dates(value):
    assert normalize_published(value) is None
