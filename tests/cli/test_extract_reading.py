"""``incidex extract`` reads a report as ``ingest`` does and says what it could not read (issue 14, items 2, 6, 11):
an HTML page's own date and site name, the same date resolution as ingest, a warning for a text cut at
``nlp.max_chars``, help for every option, and table quotes cut at a word with an ellipsis."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from incidex.cli.render import shorten

from .cli_helpers import run_incidex

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "mandera_page.html"  # written for these tests


@pytest.mark.slow
def test_extract_and_ingest_read_an_html_page_the_same_way(tmp_path: Path) -> None:
    extracted = run_incidex("extract", PAGE, "--rules-only")
    assert extracted.returncode == 0, extracted.stderr
    report = json.loads(extracted.stdout)
    assert report["document"]["published"] == "2024-06-19"
    assert report["document"]["source"] == "Northern Frontier Daily"
    assert report["document"]["title"] == "Gunmen kill two officers in Mandera attack"
    main = next(i for i in report["incidents"] if i["role"] == "main")
    assert main["date"]["value"] == "2024-06-18"  # "on Tuesday" before the page's Wednesday
    db = tmp_path / "store.db"
    ingested = run_incidex("ingest", PAGE, "--db", db, "--rules-only")
    assert ingested.returncode == 0, ingested.stderr
    with closing(sqlite3.connect(db)) as connection:
        stored = [json.loads(row[0]) for row in connection.execute("SELECT incident FROM records")]
    assert [i["date"]["value"] for i in stored] == [i["date"]["value"] for i in report["incidents"]]
    overridden = json.loads(run_incidex("extract", PAGE, "--rules-only", "--published", "2024-06-26",
                                        "--source", "Wire").stdout)
    assert overridden["document"]["published"] == "2024-06-26" and overridden["document"]["source"] == "Wire"


@pytest.mark.slow
def test_a_text_cut_at_max_chars_says_so(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[nlp]\nmax_chars = 200\n", encoding="utf-8")
    report = tmp_path / "long.txt"
    text = "Gunmen attacked a police post in Mandera on Tuesday, killing two officers, police said. " * 6
    report.write_text(text, encoding="utf-8")
    result = run_incidex("extract", report, "--config", config, "--rules-only")
    assert result.returncode == 0, result.stderr
    warning = f"the text is {len(text):,} characters long and only the first 200 were read (nlp.max_chars)"
    assert f"incidex: warning: {warning}" in result.stderr
    document = json.loads(result.stdout)["document"]
    assert document["chars"] == len(text) and any(w.startswith(warning) for w in document["warnings"])


def test_every_extract_option_has_help() -> None:
    result = run_incidex("extract", "--help")
    assert result.returncode == 0
    shown = " ".join(result.stdout.split())  # click wraps help to the terminal's width
    assert "json: the report as one JSON object" in shown and "table: a summary for a person" in shown


def test_table_quotes_are_cut_at_a_word_with_an_ellipsis() -> None:
    claim = ("The special forces stormed the building and freed both hostages after a standoff that lasted nine "
             "hours, the regional security service said")
    short = shorten(claim)
    assert short.endswith("…") and len(short) <= 90
    assert claim.startswith(short[:-1]) and claim[len(short) - 1] == " "  # ends where a word ends
    assert shorten("Police said.") == "Police said."


@pytest.mark.slow
def test_the_table_shows_a_long_claim_cut_at_a_word(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Gunmen attacked a police post in Mandera on Tuesday, killing two officers and wounding three "
                      "others before fleeing towards the Somali border in a white pickup truck, police said.",
                      encoding="utf-8")
    result = run_incidex("extract", report, "--format", "table", "--published", "2024-06-19", "--rules-only")
    assert result.returncode == 0, result.stderr
    shown = " ".join(line.strip("│ ") for line in result.stdout.splitlines() if "│" in line)
    assert "killing two officers and wounding…" in " ".join(shown.split())
