import io

from incidex.ingest.csvfile import read_csv_lines
from incidex.ingest.failures import ReadFailure
from incidex.types import Document


def _read(data: bytes, *, max_bytes: int = 10_000):
    return list(read_csv_lines(io.BytesIO(data), source="r.csv", max_bytes=max_bytes))


def test_read_csv_maps_columns_and_keeps_quoted_newlines():
    data = b'\xef\xbb\xbfid,published,text,source\r\n1,16/06/2024,"Gunmen, masked,\r\nattacked a bus.",AP\r\n'
    [doc] = _read(data)
    assert doc == Document(
        text="Gunmen, masked,\nattacked a bus.", id="1", published="2024-06-16", source="AP", origin="r.csv:row 1"
    )


def test_read_csv_fails_bad_rows_alone():
    data = (
        b"text,title\n"
        b"first report,a\n"
        b"  ,empty\n"
        b"too,many,fields\n"
        b"caf\xe9 bombing,latin-1\n"
        + b"x" * 60 + b",long\n"
        b"last report,z\n"
    )
    results = _read(data, max_bytes=50)
    assert [(r.origin, r.text) for r in results if isinstance(r, Document)] == [
        ("r.csv:row 1", "first report"),
        ("r.csv:row 6", "last report"),
    ]
    failures = {r.origin: r.error.message for r in results if isinstance(r, ReadFailure)}
    assert "empty document" in failures["r.csv:row 2"]
    assert "more fields than the header" in failures["r.csv:row 3"]
    assert "not valid UTF-8" in failures["r.csv:row 4"]
    assert "60 bytes, over the limit of 50" in failures["r.csv:row 5"]


def test_read_csv_without_a_text_column_is_one_failure():
    [failure] = _read(b"body,title\nsome report,x\n")
    assert isinstance(failure, ReadFailure)
    assert failure.origin == "r.csv" and 'no "text" column' in failure.error.message


def test_read_csv_of_an_empty_file_is_one_failure():
    [failure] = _read(b"")
    assert isinstance(failure, ReadFailure) and 'no "text" column' in failure.error.message
