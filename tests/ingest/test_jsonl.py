import io
import json

from incidex.ingest.failures import ReadFailure
from incidex.ingest.jsonl import read_jsonl_lines
from incidex.types import Document


def _read(lines: list[bytes], *, max_bytes: int = 10_000):
    return list(read_jsonl_lines(io.BytesIO(b"".join(lines)), source="c.jsonl", max_bytes=max_bytes))


def _line(**fields) -> bytes:
    return json.dumps(fields).encode() + b"\n"


def test_read_jsonl_maps_fields_and_normalizes_the_date():
    line = _line(text="Gunmen attacked a bus.", id=7, published="June 16, 2024", source="AP", url="u", title="T")
    [doc] = _read([line])
    assert doc == Document(
        text="Gunmen attacked a bus.", id="7", published="2024-06-16", source="AP", title="T", url="u",
        origin="c.jsonl:line 1",
    )


def test_read_jsonl_accepts_date_and_doc_id_keys_of_news_dumps():
    [doc] = _read([_line(text="A raid.", doc_id="wn-1", date="2019-01-04")])
    assert (doc.id, doc.published) == ("wn-1", "2019-01-04")


def test_read_jsonl_fails_bad_lines_alone_with_their_line_numbers():
    results = _read(
        [
            _line(text="First report."),
            b"{not json\n",
            _line(title="no text"),
            b"\n",
            _line(text="   "),
            b'{"text": "caf\xe9"}\n',
            _line(text=["a list"]),
            b"[1, 2]\n",
            _line(text="x" * 50),
            _line(text="nul \u0000 inside"),
            b'{"text": "broken \\ud800 escape"}\n',
            _line(text="Last report."),
        ],
        max_bytes=40,
    )
    docs = [r for r in results if isinstance(r, Document)]
    failures = {r.origin: r.error.message for r in results if isinstance(r, ReadFailure)}
    assert [d.text for d in docs] == ["First report.", "Last report."]
    assert [d.origin for d in docs] == ["c.jsonl:line 1", "c.jsonl:line 12"]
    assert set(failures) == {f"c.jsonl:line {n}" for n in (2, 3, 5, 6, 7, 8, 9, 10, 11)}
    assert "not valid JSON" in failures["c.jsonl:line 2"]
    assert 'no "text" field' in failures["c.jsonl:line 3"]
    assert "empty document" in failures["c.jsonl:line 5"]
    assert "not valid UTF-8" in failures["c.jsonl:line 6"]
    assert "must be a string" in failures["c.jsonl:line 7"]
    assert "expected an object" in failures["c.jsonl:line 8"]
    assert "50 bytes, over the limit of 40" in failures["c.jsonl:line 9"]
    assert "NUL characters" in failures["c.jsonl:line 10"]
    assert "lone UTF-16 surrogates" in failures["c.jsonl:line 11"]
