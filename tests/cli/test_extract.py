"""``incidex extract`` on good and bad input: JSON or table out, one clear line and a documented exit code on error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from incidex.cli.main import main
from incidex.nlp.encoder_roles import default_heads_dir
from incidex.schema import validate_report

pytestmark = pytest.mark.slow

REPORT = ("Gunmen stormed a hotel in Mogadishu on Sunday, killing eight people before security forces ended the siege, "
          "police said.")


def run(argv: list[str], capsys, monkeypatch, stdin: bytes | None = None) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["incidex", *argv])
    if stdin is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_is_one_valid_report(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--published", "2024-06-17", "--format", "json"], capsys, monkeypatch)
    assert code == 0
    data = json.loads(out)
    validate_report(data)
    assert data["document"]["published"] == "2024-06-17"
    assert data["incidents"][0]["date"]["value"] == "2024-06-16"


def test_table_output_reads_for_a_person(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--format", "table"], capsys, monkeypatch)
    assert code == 0
    assert "1 incident(s)" in out and "Mogadishu" in out


def test_stdin_is_read_with_dash(capsys, monkeypatch) -> None:
    code, out, _ = run(["extract", "-"], capsys, monkeypatch, stdin=REPORT.encode())
    assert code == 0 and json.loads(out)["incidents"]


def test_without_publication_date_relative_dates_stay_unresolved(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    _, out, _ = run(["extract", str(path)], capsys, monkeypatch)
    date = json.loads(out)["incidents"][0]["date"]
    assert date["value"] is None and date["resolved"] is False and date["text"] == "on Sunday"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t  \n", "empty"),
        ("binary.bin", bytes(range(256)) * 40, "binary"),
        ("bad.txt", b"\xff\xfe\xfa\x80\x81 killed \xc3\x28 in \xa0\xa1", "UTF-8"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code_4(tmp_path: Path, capsys, monkeypatch, name, content, message) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(["extract", str(path)], capsys, monkeypatch)
    assert code == 4
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message.lower() in err.lower()
    assert "Traceback" not in err


def test_huge_file_is_refused_before_reading(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Police said nothing happened. " * (10_000_000 // 30))
    code, _, err = run(["extract", str(path)], capsys, monkeypatch)
    assert code == 4 and "over the limit" in err and len(err.strip().splitlines()) == 1


def test_missing_file_and_bad_date_are_clear(tmp_path: Path, capsys, monkeypatch) -> None:
    code, _, err = run(["extract", str(tmp_path / "nope.txt")], capsys, monkeypatch)
    assert code == 4 and "cannot read" in err
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    code, _, err = run(["extract", str(path), "--published", "last tuesday"], capsys, monkeypatch)
    assert code == 2 and "YYYY-MM-DD" in err


def test_html_report_is_reduced_to_its_text(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>News</title><script>var x = 'bomb';</script></head><body><nav>Home | World"
                    f"</nav><article><p>{REPORT}</p><p>{REPORT}</p></article></body></html>", encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--published", "2024-06-17"], capsys, monkeypatch)
    assert code == 0
    data = json.loads(out)
    assert data["incidents"] and "<" not in data["incidents"][0]["summary"]


def test_non_english_text_gives_its_language_a_warning_and_no_incidents(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "ru.txt"
    path.write_text("Спецназ штурмовал следственный изолятор в Ростове-на-Дону в воскресенье, освободив двух "
                    "сотрудников и ликвидировав шестерых заключенных, которые захватили их в заложники. " * 3,
                    encoding="utf-8")
    code, out, err = run(["extract", str(path)], capsys, monkeypatch)
    assert code == 0
    assert "the text is in Russian (ru)" in err
    report = json.loads(out)
    validate_report(report)
    assert report["document"]["language"] == "ru" and report["incidents"] == []
    assert report["document"]["warnings"] == [err.strip().removeprefix("incidex: warning: ")]


def test_installed_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "incidex", "extract", str(path)], capture_output=True, text=True)
    assert result.returncode == 4 and "Traceback" not in result.stderr


def test_fast_leaves_out_the_learned_components(capsys, monkeypatch) -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpus"

    def components(report: str, *options: str) -> set[str]:
        code, out, _ = run(["extract", str(corpus / report), *options], capsys, monkeypatch)
        assert code == 0
        return {e["component"] for i in json.loads(out)["incidents"] for e in i["evidence"]}

    arson = "buenos_aires_san_isidro_arson.txt"
    assert "incidex_muc_roles_v1" in components(arson)
    assert "incidex_muc_roles_v1" not in components(arson, "--fast")
    assert components(arson, "--fast") == components(arson, "--rules-only")
    shelling = "kherson_shelling.txt"
    assert "incidex_encoder_roles_v1" in components(shelling, "--model", str(default_heads_dir()))
    assert "incidex_encoder_roles_v1" not in components(shelling, "--fast")
    tables = [run(["extract", str(corpus / arson), "--format", "table", *options], capsys, monkeypatch)[1]
              for options in ([], ["--fast"])]
    assert "Two men · learned" in tables[0] and "· learned" not in tables[1]
