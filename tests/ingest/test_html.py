import pytest

from incidex.errors import FormatError
from incidex.ingest.html import document_from_html

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Gunmen storm bank in Athens | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T10:00:00+02:00">
<meta property="og:url" content="https://news.example.org/athens-bank">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article><h1>Gunmen storm bank in Athens</h1>
<p>Three gunmen stormed a bank in central Athens on Tuesday and took four employees hostage, police said.</p>
<p>The standoff ended after six hours when special forces entered the building. Nobody was hurt, a police
spokesman told reporters outside the branch on Syntagma Square.</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def test_document_from_html_keeps_main_text_and_metadata():
    doc = document_from_html(PAGE.encode(), origin="a.html")
    assert "took four employees hostage" in doc.text and "special forces" in doc.text
    assert "Subscribe now" not in doc.text and "All rights reserved" not in doc.text
    assert doc.published == "2024-03-05"
    assert doc.source == "Example News"
    assert doc.title.startswith("Gunmen storm bank in Athens")
    assert doc.url == "https://news.example.org/athens-bank"
    assert doc.origin == "a.html"


def test_document_from_html_honours_a_declared_charset():
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace("Syntagma", "Синтагма")
    doc = document_from_html(page.encode("cp1251"), origin="a.html")  # a cp1252 guess would give "Ñèíòàãìà"
    assert "Синтагма Square" in doc.text


@pytest.mark.parametrize("markup", [b"", b"<<<>>>", b"<html><head><title>x</title></head><body></body></html>",
                                    b"<html><body><script>alert(1)</script><div><div><div>"])
def test_document_from_html_without_text_is_a_format_error(markup):
    with pytest.raises(FormatError, match="no main text found"):
        document_from_html(markup, origin="a.html")


def test_document_from_html_recovers_text_from_unclosed_tags():
    markup = b"<html><body><div><p>Rebels shelled the market in Goma on Monday, killing nine people, officials said."
    doc = document_from_html(markup * 3, origin="broken.html")
    assert "killing nine people" in doc.text
