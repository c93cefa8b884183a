import pytest

from incidex.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError
from incidex.ingest.text import check_size, check_text, content_hash, decode_bytes, is_binary, normalize_text


def test_decode_bytes_reads_utf8_and_normalizes_newlines():
    assert decode_bytes("Gunmen in Kyïv\r\nsaid\rx".encode(), origin="a.txt") == "Gunmen in Kyïv\nsaid\nx"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_decode_bytes_follows_byte_order_marks(encoding):
    assert decode_bytes("Raid in Mosul – 3 killed".encode(encoding), origin="a.txt") == "Raid in Mosul – 3 killed"


def test_decode_bytes_falls_back_to_cp1252_for_western_text():
    text = "Police said the suspects’ café was raided – “no one was hurt”."
    assert decode_bytes(text.encode("cp1252"), origin="a.txt") == text


def test_decode_bytes_uses_a_declared_encoding_when_it_fits():
    data = "Запорожье: обстрел".encode("cp1251")
    with pytest.raises(EncodingError):
        decode_bytes(data, origin="a.txt")  # mostly non-ASCII: cp1252 is no clear fit
    assert decode_bytes(data, origin="a.txt", declared="windows-1251") == "Запорожье: обстрел"


def test_decode_bytes_refuses_text_that_is_not_clearly_any_encoding():
    data = bytes(range(0x80, 0x100)) * 4
    with pytest.raises(EncodingError, match=r"not valid UTF-8.*re-save it as UTF-8"):
        decode_bytes(data, origin="bad.txt")


def test_decode_bytes_refuses_binary_content():
    with pytest.raises(BinaryInputError, match=r"x\.txt looks binary"):
        decode_bytes(b"%PDF-1.4\x00\x01\x02 stream", origin="x.txt")
    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(1, 32)) * 50 + b"some text", origin="x.txt")


def test_is_binary_accepts_text_with_tabs_and_form_feeds():
    assert not is_binary(b"col\tcol\nnext page\x0c\n")
    assert is_binary(b"abc\x00def")


def test_check_size_names_the_size_and_the_setting():
    check_size(10, origin="a.txt", max_bytes=10)
    with pytest.raises(InputTooLargeError, match=r"a.txt is 11 bytes, over the limit of 10 bytes.*input.max_bytes"):
        check_size(11, origin="a.txt", max_bytes=10)


def test_check_text_refuses_whitespace_only_text():
    assert check_text(" x ", origin="a") == " x "
    with pytest.raises(EmptyInputError, match="empty document"):
        check_text(" \n\t\u3000", origin="a")


def test_normalize_text_composes_unicode_and_collapses_whitespace():
    assert normalize_text("  Cafe\u0301 \n\n attack\t ") == "Café attack"


def test_content_hash_ignores_spacing_and_composition_but_not_words():
    base = content_hash("Six inmates were killed in Rostov.")
    assert base == content_hash("  Six inmates were\nkilled in  Rostov. ")
    assert content_hash("Caf\u00e9 bombed") == content_hash("Cafe\u0301 bombed")
    assert base != content_hash("Seven inmates were killed in Rostov.")
    assert len(base) == 64 and int(base, 16) >= 0


def test_content_hash_includes_the_document_id_when_given():
    text = "Six inmates were killed in Rostov."
    assert content_hash(text, "a") != content_hash(text, "b")
    assert content_hash(text, "a") != content_hash(text)
    assert content_hash(text, "a") == content_hash(f" {text}", "a")


def test_content_hash_refuses_empty_text():
    with pytest.raises(EmptyInputError):
        content_hash(" \n ", "doc-1")
