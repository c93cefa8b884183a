"""RSS and Atom feeds, as files and as URLs served by a real local HTTP server; linked pages fetched from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from local_http import LocalServer, Reply, article, rss

from incidex.config import FetchSettings
from incidex.errors import FormatError
from incidex.ingest import ReadFailure, read_paths
from incidex.ingest.feeds import feed_items, looks_like_feed
from incidex.ingest.fetch import Fetcher
from incidex.types import Document

FULL = ("Gunmen attacked a police post in Mandera on Sunday, killing three officers. The county commissioner said "
        "the attackers crossed from Somalia.")
PAGE = ["Two soldiers were wounded when a roadside bomb hit their convoy near Kherson on Monday, the regional governor "
        "said.", "The convoy was carrying supplies to a frontline village, officials added."]
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><id>tag:atom,2024:1</id><title>Clashes in Tripoli</title><updated>2024-06-16T09:30:00+03:00</updated>
<link href="https://atom.invalid/tripoli"/>
<content type="html">&lt;p&gt;Armed groups clashed in Tripoli overnight.&lt;/p&gt;
&lt;p&gt;Four people were killed.&lt;/p&gt;</content></entry></feed>"""


@pytest.fixture
def fetcher() -> Fetcher:
    settings = FetchSettings(user_agent="incidex-test", timeout=2.0, max_bytes=100_000, max_redirects=3,
                             host_interval=0.0, retries=0, backoff=0.01, max_retry_after=1.0)
    with Fetcher(settings) as opened:
        yield opened


def read(data: bytes, fetcher: Fetcher, **options: object) -> list[Document | ReadFailure]:
    return [item.read() for item in feed_items(data, origin="feed.xml", fetcher=fetcher, max_bytes=100_000,
                                               **options)]


def test_rss_entry_with_full_content_is_a_document_with_its_metadata(fetcher: Fetcher) -> None:
    feed = rss("Kenya Daily", [{"guid": "k1", "title": "Police post attacked", "link": "https://kd.invalid/k1",
                                "pubDate": "Sun, 16 Jun 2024 21:30:00 +0300", "description": "Gunmen attacked.",
                                "content": f"<p>{FULL}</p>"}])
    [document] = read(feed, fetcher)
    assert isinstance(document, Document)
    assert document.text == FULL
    assert (document.title, document.url, document.published, document.source) == (
        "Police post attacked", "https://kd.invalid/k1", "2024-06-16", "Kenya Daily")
    assert document.origin == "feed.xml#k1"


def test_atom_entry_content_becomes_text_with_one_line_per_paragraph(fetcher: Fetcher) -> None:
    [document] = read(ATOM, fetcher)
    assert isinstance(document, Document)
    assert document.text == "Armed groups clashed in Tripoli overnight.\nFour people were killed."
    assert (document.published, document.source, document.url) == ("2024-06-16", "Atom Outlet",
                                                                    "https://atom.invalid/tripoli")


def test_an_entry_with_only_a_summary_and_a_link_is_read_from_the_linked_page(http_server: LocalServer,
                                                                               fetcher: Fetcher) -> None:
    http_server.routes["/news/kherson"] = Reply(body=article("Convoy hit near Kherson", PAGE),
                                                headers={"Content-Type": "text/html; charset=utf-8"})
    feed = rss("Wire", [{"guid": "w1", "title": "Convoy hit", "link": http_server.url("/news/kherson"),
                         "description": "Two soldiers wounded..."}])
    [document] = read(feed, fetcher)
    assert isinstance(document, Document)
    assert PAGE[0] in document.text and PAGE[1] in document.text
    assert "Home | World" not in document.text and "rights reserved" not in document.text
    assert (document.title, document.url, document.source) == ("Convoy hit", http_server.url("/news/kherson"), "Wire")


def test_a_linked_page_that_cannot_be_fetched_fails_the_entry_with_the_reason(http_server: LocalServer,
                                                                             fetcher: Fetcher) -> None:
    http_server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /members/\n")
    feed = rss("Wire", [
        {"guid": "w1", "title": "Locked", "link": http_server.url("/members/story"), "description": "Teaser."},
        {"guid": "w2", "title": "Gone", "link": http_server.url("/missing"), "description": "Teaser."},
        {"guid": "w3", "title": "Full", "content": f"<p>{FULL}</p>"},
    ])
    forbidden, missing, full = read(feed, fetcher)
    assert isinstance(forbidden, ReadFailure) and "robots.txt forbids" in forbidden.error.message
    assert forbidden.origin == "feed.xml#w1" and not forbidden.skipped
    assert isinstance(missing, ReadFailure) and "HTTP 404" in missing.error.message
    assert isinstance(full, Document) and full.text == FULL
    assert "/members/story" not in http_server.paths()


def test_an_entry_date_that_is_no_date_is_kept_unknown_with_a_warning(fetcher: Fetcher) -> None:
    feed = rss("Wire", [{"guid": "d1", "title": "Bad date", "pubDate": "notadate", "content": f"<p>{FULL}</p>"},
                        {"guid": "d2", "title": "Good date", "pubDate": "Sun, 16 Jun 2024 21:30:00 +0300",
                         "content": f"<p>{FULL} Again.</p>"}])
    bad, good = read(feed, fetcher)
    assert isinstance(bad, Document) and bad.published is None
    assert len(bad.warnings) == 1 and "published 'notadate' is not a date" in bad.warnings[0]
    assert isinstance(good, Document) and (good.published, good.warnings) == ("2024-06-16", [])


def test_an_entry_with_only_a_summary_is_read_from_the_summary(fetcher: Fetcher) -> None:
    feed = rss("Wire", [{"guid": "tag:w1", "title": "Brief", "description": "Three people were hurt in a blast."}])
    [document] = read(feed, fetcher)
    assert isinstance(document, Document) and document.text == "Three people were hurt in a blast."
    assert document.url is None  # an RSS guid is no link to follow


def test_an_entry_with_no_text_at_all_fails(fetcher: Fetcher) -> None:
    [failure] = read(rss("Wire", [{"guid": "e1", "title": "Only a title"}]), fetcher)
    assert isinstance(failure, ReadFailure) and "no text" in failure.error.message


def test_entries_repeated_in_one_feed_are_one_item_and_outlet_and_kind_can_be_declared(fetcher: Fetcher) -> None:
    entry = {"guid": "same", "title": "T", "content": f"<p>{FULL}</p>"}
    items = feed_items(rss("Feed title", [entry, entry]), origin="f", fetcher=fetcher, max_bytes=100_000,
                       outlet="RIA Novosti", kind="state_media")
    assert [item.item_id for item in items] == ["same"]
    document = items[0].read()
    assert isinstance(document, Document)
    assert (document.source, document.source_kind) == ("RIA Novosti", "state_media")


def test_entries_without_id_or_link_get_a_stable_id_from_their_content(fetcher: Fetcher) -> None:
    feed = rss("F", [{"title": "One", "description": "First text."}, {"title": "Two", "description": "Second."}])
    first = [item.item_id for item in feed_items(feed, origin="f", fetcher=fetcher, max_bytes=100_000)]
    again = [item.item_id for item in feed_items(feed, origin="f", fetcher=fetcher, max_bytes=100_000)]
    assert first == again and len(set(first)) == 2 and all(item.startswith("sha256:") for item in first)


@pytest.mark.parametrize("data", [b"<rss><channel><item><title>broken", b"not xml at all {", b"<html><p>hi</p>"],
                         ids=["truncated", "garbage", "html"])
def test_malformed_xml_and_non_feeds_are_format_errors(data: bytes, fetcher: Fetcher) -> None:
    with pytest.raises(FormatError, match="feed"):
        feed_items(data, origin="bad.xml", fetcher=fetcher, max_bytes=100_000)


def test_a_feed_recovered_by_the_lenient_parser_keeps_its_entries(fetcher: Fetcher) -> None:
    data = rss("F", [{"guid": "a", "title": "T", "description": "Kept text."}]).replace(b"Kept text.",
                                                                                         b"Kept &nbsp; text.")
    [document] = read(data, fetcher)
    assert isinstance(document, Document) and document.text.startswith("Kept")


def test_feed_sniffing_reads_the_opening_element_only() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed(b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert not looks_like_feed(b"<html><body>rss feed here</body></html>")


def test_read_paths_reads_feed_files_by_extension_and_by_content(tmp_path: Path) -> None:
    feed = rss("Files", [{"guid": "f1", "title": "T", "content": f"<p>{FULL}</p>"}])
    (tmp_path / "a.rss").write_bytes(feed)
    (tmp_path / "feed").write_bytes(feed.replace(b"f1", b"f2"))  # no extension: read because it opens a feed
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01 not a feed")
    results = list(read_paths([tmp_path]))
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.origin for d in documents] == [f"{tmp_path}/a.rss#f1", f"{tmp_path}/feed#f2"]
    assert [r.skipped for r in results if isinstance(r, ReadFailure)] == [True]


def test_read_paths_reads_feed_and_page_urls(http_server: LocalServer) -> None:
    http_server.routes["/feed.xml"] = Reply(body=rss("Served", [{"guid": "s1", "title": "T",
                                                                  "content": f"<p>{FULL}</p>"}]),
                                            headers={"Content-Type": "application/rss+xml"})
    http_server.routes["/story"] = Reply(body=article("Convoy hit", PAGE), headers={"Content-Type": "text/html"})
    results = list(read_paths([http_server.url("/feed.xml"), http_server.url("/story"), http_server.url("/nope")]))
    feed_doc, page_doc, failure = results
    assert isinstance(feed_doc, Document) and feed_doc.text == FULL and feed_doc.source == "Served"
    assert isinstance(page_doc, Document) and PAGE[0] in page_doc.text
    assert page_doc.url == http_server.url("/story") and page_doc.title == "Convoy hit"
    assert isinstance(failure, ReadFailure) and "HTTP 404" in failure.error.message


def test_a_relative_link_is_resolved_against_the_feed_url_and_a_guid_is_no_link(http_server: LocalServer) -> None:
    http_server.routes["/feeds/wire.xml"] = Reply(body=rss("Wire", [
        {"guid": "w1", "title": "Convoy hit", "link": "../story", "description": "Teaser."},
        {"guid": "w2", "title": "Brief", "description": "Three people were hurt in a blast."},
    ]))
    http_server.routes["/story"] = Reply(body=article("Convoy hit", PAGE), headers={"Content-Type": "text/html"})
    page, brief = read_paths([http_server.url("/feeds/wire.xml")])
    assert isinstance(page, Document) and page.url == http_server.url("/story") and PAGE[0] in page.text
    assert isinstance(brief, Document) and brief.url is None and brief.text.startswith("Three people")
    assert http_server.paths() == ["/robots.txt", "/feeds/wire.xml", "/story"]
