"""``incidex extract FILE.jsonl|FILE.csv|DIR --format jsonl`` through the real entry point in a subprocess: one line
per document in input order, a failing document reported in its place with its code, documented exit codes."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from incidex.errors import EXIT_SOME_FAILED, InputError
from incidex.schema import validate_report

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"
REPORTS = {
    "r1": ("Gunmen stormed a hotel in Mogadishu on Sunday, killing eight people before security forces ended the "
           "siege, police said.", "2024-06-17"),
    "r2": ("A roadside bomb struck a police patrol near Quetta on Friday, wounding three officers.", "2024-05-04"),
    "r3": ("Kidnappers seized 12 students from a school in Kaduna state on Monday, officials said.", None),
}


def run_extract(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "incidex", "extract", *args], capture_output=True, text=True,
                          env=env, timeout=600)


def lines(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def jsonl_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "reports.jsonl"
    rows = [json.dumps({"id": "r1", "text": REPORTS["r1"][0], "published": REPORTS["r1"][1], "source": "Wire"}),
            json.dumps({"id": "empty", "text": "   "}),
            "{not json",
            json.dumps({"id": "r2", "text": REPORTS["r2"][0], "published": REPORTS["r2"][1]}),
            json.dumps({"id": "r3", "text": REPORTS["r3"][0]})]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_worker(jsonl_file: Path) -> subprocess.CompletedProcess[str]:
    return run_extract(str(jsonl_file), "--format", "jsonl")


def test_jsonl_gives_one_line_per_document_in_input_order(one_worker) -> None:
    out = lines(one_worker)
    assert [line["id"] for line in out] == ["r1", "empty", None, "r2", "r3"]
    assert [line["origin"].rsplit(":", 1)[1] for line in out] == [f"line {n}" for n in range(1, 6)]
    for line in (out[0], out[3], out[4]):
        validate_report(line["report"])
        assert line["report"]["document"]["id"] == line["id"]
    assert out[0]["report"]["document"]["published"] == "2024-06-17"
    assert out[0]["report"]["document"]["source"] == "Wire"
    assert out[0]["report"]["incidents"][0]["date"]["value"] == "2024-06-16"


def test_a_failing_document_is_a_line_with_its_code_and_the_batch_goes_on(one_worker) -> None:
    out = lines(one_worker)
    assert out[1]["error"]["code"] == "E201" and "report" not in out[1]
    assert out[2]["error"]["code"] == "E205" and "not valid JSON" in out[2]["error"]["message"]
    assert all("report" in out[i] for i in (0, 3, 4))
    assert one_worker.returncode == EXIT_SOME_FAILED == 7
    assert "3 documents extracted, 0 not extracted (not English), 2 failed" in one_worker.stderr


def test_two_workers_give_the_same_lines_as_one(jsonl_file: Path, one_worker) -> None:
    two = run_extract(str(jsonl_file), "--workers", "2")
    assert two.returncode == EXIT_SOME_FAILED
    assert lines(two) == lines(one_worker)


def test_csv_rows_are_documents_with_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "published", "text", "source"])
        for doc_id, (text, published) in REPORTS.items():
            writer.writerow([doc_id, published or "", text, "Desk"])
    result = run_extract(str(path), "--published", "2024-01-10")
    assert result.returncode == 0, result.stderr
    out = lines(result)
    assert [line["id"] for line in out] == ["r1", "r2", "r3"]
    published = [line["report"]["document"]["published"] for line in out]
    assert published == ["2024-06-17", "2024-05-04", "2024-01-10"]  # --published fills only the row without one
    assert {line["report"]["document"]["source"] for line in out} == {"Desk"}
    for line in out:
        validate_report(line["report"])
        assert line["report"]["incidents"], line["id"]


def test_a_directory_is_read_file_by_file_in_sorted_order(tmp_path: Path) -> None:
    for name, doc_id in (("b.txt", "r2"), ("a.txt", "r1"), ("c/d.txt", "r3")):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(REPORTS[doc_id][0], encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run_extract(str(tmp_path))
    assert result.returncode == 0, result.stderr
    out = lines(result)
    assert [Path(line["origin"]).relative_to(tmp_path).as_posix() for line in out] == ["a.txt", "b.txt", "c/d.txt"]
    assert [line["report"]["document"]["chars"] for line in out] == [len(REPORTS[k][0]) for k in ("r1", "r2", "r3")]
    assert "unknown extension '.pdf'" in result.stderr


def test_nothing_readable_exits_4(tmp_path: Path) -> None:
    result = run_extract(str(tmp_path / "missing.jsonl"))
    assert result.returncode == InputError.exit_code == 4
    assert lines(result)[0]["error"]["code"] == "E200"


def test_a_batch_is_never_read_as_one_prose_report(jsonl_file: Path) -> None:
    result = run_extract(str(jsonl_file), "--format", "json")
    assert result.returncode == 2  # usage
    assert "--format jsonl" in result.stderr and not result.stdout


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Invented Outlet</title>
<entry><id>tag:invented,2024:1</id><title>Siege in Mogadishu</title><updated>2024-06-17T08:00:00+03:00</updated>
<link href="https://invented.invalid/1"/><content type="text">{r1}</content></entry>
<entry><id>tag:invented,2024:2</id><title>Bomb near Quetta</title><updated>2024-05-04T08:00:00+05:00</updated>
<link href="https://invented.invalid/2"/><content type="text">{r2}</content></entry></feed>"""


def test_a_feed_file_is_a_batch_of_its_entries(tmp_path: Path) -> None:
    path = tmp_path / "outlet.atom"
    path.write_text(ATOM.format(r1=REPORTS["r1"][0], r2=REPORTS["r2"][0]), encoding="utf-8")
    result = run_extract(str(path))
    assert result.returncode == 0, result.stderr
    out = lines(result)
    assert len(out) == 2  # two entries, not the feed's XML read as one report
    assert [line["report"]["document"]["published"] for line in out] == ["2024-06-17", "2024-05-04"]
    assert all(line["report"]["incidents"] for line in out)
