"""What ``incidex ingest`` tells a script and a person (issue 14, items 2, 4, 7 and 11): exit 0 when every document
read is stored, 7 when some failed, 4 when none could be stored; skipped files and failures named once with their
reason; a mistyped path reported, never stored; a report cut at ``nlp.max_chars``, a publication date that is not a
date and a report not extracted because it is not in English recorded as warnings, printed as ``extract`` prints
them."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from .cli_helpers import run_incidex

pytestmark = pytest.mark.slow

GOOD = "Gunmen attacked a police post in Mandera on Tuesday, killing two officers, police said."
LONG = ("Gunmen attacked a police post in Mandera on Tuesday, killing two officers, police said. "
        + "The county commissioner said security would be increased across the region. " * 8)
SPANISH = ("Hombres armados atacaron una comisaría en la ciudad durante la noche del martes y mataron a dos "
           "policías, según informó la policía local en un comunicado publicado el miércoles por la mañana.")


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder = tmp_path_factory.mktemp("mixed")
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "long.txt").write_text(LONG, encoding="utf-8")
    (inputs / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    (inputs / "report.pdf").write_bytes(b"%PDF-1.4 not a report incidex reads")
    lines = [json.dumps({"id": "dated", "text": GOOD.replace("Mandera", "Wajir"), "published": "notadate"}),
             '{"text": "a control \x01 character"}',  # json says "Invalid control character at"
             json.dumps({"text": "   "})]
    (inputs / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = folder / "settings.toml"
    config.write_text("[nlp]\nmax_chars = 300\n", encoding="utf-8")
    db = folder / "store.db"
    typo = folder / "no-such-report.txt"
    result = run_incidex("ingest", inputs, typo, "--db", db, "--config", config, "--rules-only")
    return result, inputs, typo, db


def test_some_failed_exits_7_and_the_summary_counts_them(mixed_run) -> None:
    result, *_ = mixed_run
    assert result.returncode == 7, result.stderr
    assert "new 4 · duplicate 0 · failed 3 · skipped 1" in result.stdout and "not English 1 (es 1)" in result.stdout


def test_each_failure_and_skip_is_named_once_with_its_reason(mixed_run) -> None:
    result, inputs, typo, _ = mixed_run
    lines = result.stderr.splitlines()
    skipped = f"incidex: skipped: {inputs / 'report.pdf'}: [E209] unknown extension '.pdf'; incidex reads "
    assert skipped in result.stderr
    failures = [line for line in lines if line.startswith("incidex: failed: ")]
    assert len(failures) == 3, lines
    assert all(re.search(r": \[E\d{3}\] ", line) for line in failures), failures  # every reason with its code
    for line in failures:
        origin = line.removeprefix("incidex: failed: ").split(": ")[0]
        assert line.count(origin) == 1, line
    assert any(str(typo) in line and "does not exist" in line for line in failures)
    assert any("mixed.jsonl:line 2" in line and "Invalid control character at column" in line for line in failures)
    assert " at at " not in result.stderr
    assert all(line.startswith("incidex: ") for line in lines if line.strip())


def test_a_mistyped_path_is_reported_but_never_stored(mixed_run) -> None:
    _, _, typo, db = mixed_run
    with closing(sqlite3.connect(db)) as connection:
        origins = [row[0] for row in connection.execute("SELECT origin FROM documents")]
        statuses = sorted(row[0] for row in connection.execute("SELECT status FROM documents"))
    assert str(typo) not in origins and not any("no-such-report" in (o or "") for o in origins)
    assert statuses == ["ok", "ok", "ok", "skipped", "unreadable", "unreadable"]  # Spanish; the two bad JSONL lines


def test_truncation_bad_dates_and_language_are_recorded_and_printed(mixed_run) -> None:
    result, inputs, _, db = mixed_run
    with closing(sqlite3.connect(db)) as connection:
        rows = {origin: (published, chars, json.loads(warnings) if warnings else [])
                for origin, published, chars, warnings in
                connection.execute("SELECT origin, published, chars, warnings FROM documents "
                                   "WHERE status IN ('ok', 'skipped')")}
    _, chars, warnings = rows[str(inputs / "long.txt")]
    assert chars == len(LONG) and any(f"only the first 300 were read" in w for w in warnings)
    published, _, warnings = rows[f"{inputs / 'mixed.jsonl'}:line 1"]
    assert published is None and any("'notadate' is not a date" in w for w in warnings)
    assert any("not extracted: the text is in Spanish (es)" in w for w in rows[str(inputs / "spanish.txt")][2])
    assert rows[str(inputs / "good.txt")][2] == []
    assert f"incidex: warning: {inputs / 'long.txt'}: the text is {len(LONG):,} characters" in result.stderr
    assert f"incidex: warning: {inputs / 'spanish.txt'}: not extracted: the text is in Spanish (es)" in result.stderr


def test_no_input_at_all_exits_4_and_creates_no_store(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    result = run_incidex("ingest", tmp_path / "typo.txt", tmp_path / "typo2.jsonl", "--db", db)
    assert result.returncode == 4, result.stderr
    assert result.stderr.startswith("incidex: [E200] nothing to ingest: ") and "typo2.jsonl" in result.stderr
    assert not db.exists()


def test_nothing_stored_exits_4_naming_each_reason(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF")
    result = run_incidex("ingest", tmp_path / "in", "--db", tmp_path / "store.db", "--rules-only")
    assert result.returncode == 4, result.stderr
    assert "empty.txt: [E201] empty document" in result.stderr and "unknown extension '.pdf'" in result.stderr
    assert "no document could be stored (1 failed, 1 skipped" in result.stderr
