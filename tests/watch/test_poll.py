"""Polling sources served by a real HTTP server on 127.0.0.1 and written to disk, into a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from local_http import LocalServer, Reply, article, rss

from incidex.ingest.fetch import Fetcher
from incidex.store import Store
from incidex.watch import SourceConfig, Watcher, poll, poll_line

from .watch_helpers import context, feed, fetch_settings, report, telegram_export

INTERVAL = 900.0


@pytest.fixture
def fetcher() -> Fetcher:
    with Fetcher(fetch_settings()) as opened:
        yield opened


def source_items(store: Store) -> list[tuple[str, str, str | None]]:
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(
            sa.text("SELECT source, item_id, document_id FROM source_items ORDER BY source, item_id"))]


def test_a_feed_that_changes_between_polls_gives_only_its_new_items(http_server: LocalServer, store: Store,
                                                                     fetcher: Fetcher) -> None:
    http_server.routes["/feed"] = Reply(body=feed("Wire", [1, 2]), headers={"ETag": '"v1"'})
    source = SourceConfig("wire", http_server.url("/feed"), "news_media")
    first = poll(source, interval=INTERVAL, context=context(store, fetcher))
    assert (first.summary.new, first.seen, first.not_modified) == (2, 0, False)
    unchanged = poll(source, interval=INTERVAL, context=context(store, fetcher))
    assert unchanged.not_modified and unchanged.summary.new == 0
    http_server.routes["/feed"] = Reply(body=feed("Wire", [3, 1, 2]), headers={"ETag": '"v2"'})
    changed = poll(source, interval=INTERVAL, context=context(store, fetcher))
    assert (changed.summary.new, changed.seen) == (1, 2)
    feed_requests = [seen.headers.get("if-none-match") for seen in http_server.requests if seen.path == "/feed"]
    assert feed_requests == [None, '"v1"', '"v1"']
    state = store.source("wire")
    assert state is not None and (state.etag, state.seen, state.kind, state.last_error) == ('"v2"', 3, "news_media",
                                                                                           None)
    with store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT source, source_kind FROM documents")).all()
    assert sorted(rows) == [("wire", "news_media")] * 3  # the source's name and kind, not the feed's title


def test_a_source_that_fails_is_recorded_with_its_error_and_keeps_its_validators(
    http_server: LocalServer, store: Store, fetcher: Fetcher
) -> None:
    http_server.routes["/feed"] = Reply(body=feed("Wire", [1]), headers={"ETag": '"v1"'})
    source = SourceConfig("wire", http_server.url("/feed"), None)
    poll(source, interval=INTERVAL, context=context(store, fetcher))
    http_server.routes["/feed"] = Reply(500)
    failed = poll(source, interval=INTERVAL, context=context(store, fetcher))
    assert failed.error is not None and "HTTP 500" in failed.error.message and "after 1 retry" in failed.error.message
    state = store.source("wire")
    assert state is not None and state.etag == '"v1"' and state.last_error == str(failed.error)
    assert state.last_error_at is not None and state.last_success is not None
    http_server.routes["/feed"] = Reply(body=feed("Wire", [1, 2]), headers={"ETag": '"v2"'})
    recovered = poll(source, interval=INTERVAL, context=context(store, fetcher))
    assert (recovered.error, recovered.summary.new, recovered.seen) == (None, 1, 1)


@pytest.mark.parametrize(("route", "reason"), [
    (Reply(body=b"<rss><channel><item><title>cut off"), "malformed feed"),
    (Reply(body=b"x" * 60_000), "over the limit"),
    (Reply(body=feed("Slow", [1]), delay=2.0), "within 1 s"),
    (Reply(302, headers={"Location": "/feed"}), "redirect loop"),
    (Reply(body=b"<html><body></body></html>"), "no main text"),
], ids=["malformed", "oversized", "slow", "redirect-loop", "empty-page"])
def test_every_way_a_source_can_fail_is_recorded_and_the_next_source_is_still_polled(
    http_server: LocalServer, store: Store, fetcher: Fetcher, route: Reply, reason: str
) -> None:
    http_server.routes["/feed"] = route
    http_server.routes["/good"] = Reply(body=feed("Good", [5]))
    watcher = Watcher([SourceConfig("bad", http_server.url("/feed")), SourceConfig("good", http_server.url("/good"))],
                      context=context(store, fetcher), default_interval=INTERVAL, log=lambda line: None,
                      wait=lambda seconds: True)
    bad, good = watcher.run_once()
    assert bad.error is not None and reason in bad.error.message
    assert good.error is None and good.summary.new == 1
    assert store.count("documents") == 1
    state = store.source("bad")
    assert state is not None and reason in (state.last_error or "") and state.last_success is None


def test_entries_read_from_their_pages_and_a_page_robots_txt_forbids(http_server: LocalServer, store: Store,
                                                                     fetcher: Fetcher) -> None:
    http_server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /paid/\n")
    http_server.routes["/story/1"] = Reply(body=article("One", [report(1)]), headers={"Content-Type": "text/html"})
    http_server.routes["/feed"] = Reply(body=rss("Wire", [
        {"guid": "s1", "title": "One", "link": http_server.url("/story/1"), "description": "Teaser one."},
        {"guid": "s2", "title": "Two", "link": http_server.url("/paid/2"), "description": "Teaser two."},
    ]))
    result = poll(SourceConfig("wire", http_server.url("/feed")), interval=INTERVAL, context=context(store, fetcher))
    assert (result.summary.new, result.summary.failed) == (1, 1)
    [failure] = result.failures
    assert failure.origin.endswith("#s2") and "robots.txt forbids" in failure.error.message
    assert "/paid/2" not in http_server.paths()
    assert [item for _, item, _ in source_items(store)] == ["s1", "s2"]  # the failure is recorded, not retried
    again = poll(SourceConfig("wire", http_server.url("/feed")), interval=INTERVAL, context=context(store, fetcher))
    assert (again.summary.new, again.summary.failed, again.seen) == (0, 0, 2)


def test_the_same_item_in_two_feeds_is_stored_once_and_seen_in_both(http_server: LocalServer, store: Store,
                                                                    fetcher: Fetcher) -> None:
    http_server.routes["/a"] = Reply(body=feed("A", [1, 2], prefix="a"))
    http_server.routes["/b"] = Reply(body=feed("B", [2, 3], prefix="b"))  # report 2 is syndicated to both
    watcher = Watcher([SourceConfig("A", http_server.url("/a")), SourceConfig("B", http_server.url("/b"))],
                      context=context(store, fetcher), default_interval=INTERVAL, log=lambda line: None,
                      wait=lambda seconds: True)
    a, b = watcher.run_once()
    assert (a.summary.new, b.summary.new, b.summary.duplicate) == (2, 1, 1)
    assert store.count("documents") == 3
    rows = dict(((source, item), document) for source, item, document in source_items(store))
    assert rows[("A", "a2")] == rows[("B", "b2")] is not None


def test_a_telegram_export_source_skips_service_and_media_messages_and_reads_new_posts(tmp_path: Path, store: Store,
                                                                                       fetcher: Fetcher) -> None:
    folder = telegram_export(tmp_path / "export", [1, 2])
    source = SourceConfig("112", str(folder), "social_media", username="ru112")
    first = poll(source, interval=INTERVAL, context=context(store, fetcher))
    assert (first.summary.new, first.summary.skipped) == (2, 2)
    assert sorted(skip.error.message for skip in first.summary.skips) == [
        "a service message (create_channel), not a post", "media (photo) without text"]
    telegram_export(folder, [1, 2, 3])
    second = poll(source, interval=INTERVAL, context=context(store, fetcher))
    assert (second.summary.new, second.summary.skipped, second.seen) == (1, 0, 4)
    with store.engine.connect() as connection:
        urls = connection.execute(sa.text("SELECT url FROM documents ORDER BY url")).scalars().all()
    assert urls == ["https://t.me/ru112/101", "https://t.me/ru112/102", "https://t.me/ru112/103"]


def test_a_restarted_watcher_waits_for_the_next_poll_the_store_holds(http_server: LocalServer, store: Store,
                                                                    fetcher: Fetcher) -> None:
    http_server.routes["/feed"] = Reply(body=feed("Wire", [1]))
    sources = [SourceConfig("wire", http_server.url("/feed"), interval=60.0)]
    pauses: list[float] = []

    def wait(seconds: float) -> bool:
        pauses.append(seconds)
        return True  # stop at the first pause

    lines: list[str] = []
    Watcher(sources, context=context(store, fetcher), default_interval=INTERVAL, log=lines.append, wait=wait).run()
    assert len(lines) == 1 and " wire: new 1 · seen 0 " in lines[0]
    polls = http_server.paths().count("/feed")
    Watcher(sources, context=context(store, fetcher), default_interval=INTERVAL, log=lines.append, wait=wait).run()
    assert http_server.paths().count("/feed") == polls and len(lines) == 1  # the restart did not poll early
    assert 55 < pauses[0] <= 60 and 50 < pauses[1] <= 60


def test_a_poll_line_says_new_seen_failed_and_next_poll(http_server: LocalServer, store: Store,
                                                        fetcher: Fetcher) -> None:
    http_server.routes["/feed"] = Reply(body=feed("Wire", [1]))
    result = poll(SourceConfig("wire", http_server.url("/feed")), interval=INTERVAL, context=context(store, fetcher))
    line = poll_line(result, at=result.next_poll)
    stamp = result.next_poll.strftime("%H:%M:%S")
    assert line.endswith(f"wire: new 1 · seen 0 · duplicate 0 · failed 0 · skipped 0 · next poll "
                         f"{result.next_poll:%Y-%m-%d}T{stamp}Z")
