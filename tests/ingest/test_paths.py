import io
import sys
from pathlib import Path

import pytest

import incidex.ingest
from incidex.config import load_settings
from incidex.errors import BinaryInputError, EmptyInputError, InputError, InputTooLargeError
from incidex.ingest import ReadFailure, read_document, read_paths
from incidex.types import Document

ARTICLE = "Militants attacked a checkpoint near Kidal on Friday, killing two soldiers, the army said.\n"
PAGE = (
    f"<html><head><title>Kidal attack</title></head>"
    f"<body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second report about a raid.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.HTML").write_text(PAGE, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    (tmp_path / "e.csv").write_text("text\nThree.\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("objects", encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    return tmp_path


def test_read_paths_walks_directories_sorted_and_skips_hidden_entries(corpus):
    results = list(read_paths([corpus]))
    rel = [Path(r.origin.split(":")[0]).relative_to(corpus).as_posix() for r in results]
    assert rel == ["a.txt", "b/2.txt", "blob.txt", "c.HTML", "d.jsonl", "d.jsonl", "e.csv", "empty.txt", "notes.pdf"]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.text for d in docs[:2]] == [ARTICLE, "Second report about a raid."]
    assert "killing two soldiers" in docs[2].text and docs[2].title == "Kidal attack"
    assert [d.text for d in docs[3:]] == ["One.", "Two.", "Three."]


def test_read_paths_reports_failures_and_skips_with_reasons(corpus):
    failures = {Path(r.origin).name: r for r in read_paths([corpus]) if isinstance(r, ReadFailure)}
    assert set(failures) == {"blob.txt", "empty.txt", "notes.pdf"}
    assert isinstance(failures["blob.txt"].error, BinaryInputError) and not failures["blob.txt"].skipped
    assert failures["empty.txt"].error.code == "E201" and "empty document" in failures["empty.txt"].error.message
    assert failures["notes.pdf"].skipped and "unknown extension '.pdf'" in failures["notes.pdf"].error.message
    assert failures["notes.pdf"].error.code == "E209"


def test_read_paths_goes_on_after_a_missing_path(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    missing, doc = read_paths([tmp_path / "nope.txt", tmp_path / "a.txt"])
    assert isinstance(missing, ReadFailure) and "does not exist" in missing.error.message
    assert isinstance(doc, Document) and doc.origin == str(tmp_path / "a.txt")


def test_read_paths_refuses_files_over_max_bytes_with_their_size(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 101, encoding="utf-8")
    [failure] = read_paths([tmp_path / "big.txt"], max_bytes=100)
    assert isinstance(failure, ReadFailure) and "101 bytes, over the limit of 100 bytes" in failure.error.message


def test_read_paths_reads_stdin_for_a_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    [doc] = read_paths(["-"])
    assert doc == Document(text=ARTICLE, origin="<stdin>")


def test_read_paths_refuses_oversized_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 500)))
    [failure] = read_paths(["-"], max_bytes=100)
    assert isinstance(failure, ReadFailure) and failure.origin == "<stdin>"
    assert "over the limit" in failure.error.message


def test_read_document_returns_the_document_or_raises_the_reason(corpus):
    assert read_document(corpus / "a.txt").text == ARTICLE
    assert "killing two soldiers" in read_document(corpus / "c.HTML").text
    with pytest.raises(EmptyInputError):
        read_document(corpus / "empty.txt")
    with pytest.raises(BinaryInputError):
        read_document(corpus / "blob.txt")
    with pytest.raises(InputTooLargeError):
        read_document(corpus / "a.txt", max_bytes=10)
    with pytest.raises(InputError, match="cannot read"):
        read_document(corpus / "missing.txt")


def test_the_default_size_limit_is_the_setting(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_text("Gunmen attacked a bank. " * 10, encoding="utf-8")
    (tmp_path / "small.toml").write_text("[input]\nmax_bytes = 100\n", encoding="utf-8")
    monkeypatch.setenv("INCIDEX_CONFIG", str(tmp_path / "small.toml"))
    assert load_settings().input.max_bytes == 100
    with pytest.raises(InputTooLargeError, match="over the limit of 100 bytes"):
        read_document(tmp_path / "big.txt")
    [failure] = read_paths([tmp_path / "big.txt"])
    assert isinstance(failure, ReadFailure) and isinstance(failure.error, InputTooLargeError)


def test_public_api_is_exact():
    assert sorted(incidex.ingest.__all__) == [
        "EXTENSIONS", "ReadFailure", "content_hash", "normalize_published", "normalize_text",
        "read_document", "read_paths",
    ]


@pytest.mark.shared
def test_read_paths_reads_the_shared_news_corpora(shared_file):
    wikinews = shared_file("news", "wikinews_incidents.jsonl")
    lines = sum(1 for line in wikinews.read_text(encoding="utf-8").splitlines() if line.strip())
    results = list(read_paths([wikinews, shared_file("seed")]))
    docs = [r for r in results if isinstance(r, Document)]
    assert len(docs) == lines + 1  # every article and the seed's .txt; the seed's .json is skipped
    assert all(d.published and d.id and d.url for d in docs[:lines])
    assert [r.skipped for r in results if isinstance(r, ReadFailure)] == [True]
