"""A real ``kill -9`` at random points of watch runs, then a restart: the store must equal an uninterrupted run's.

The sources mix everything a poll handles: a feed with an ETag, a feed whose entries are read from linked pages
(one page missing, one forbidden by robots.txt, one entry the same story as in the first feed), a feed file, a
Telegram export with service and media-only messages, and a source that answers 500.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from crash_runs import kill_after, run_to_end
from local_http import LocalServer, Reply, article, rss
from store.store_helpers import store_url_for

from incidex.store import Store

from .watch_helpers import feed, masked_dump, report, sources_file, telegram_export

SCRIPT = Path(__file__).with_name("crash_watch.py")
DELAY = 0.02


def serve_sources(server: LocalServer, folder: Path) -> Path:
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /paid/\n")
    server.routes["/wire.xml"] = Reply(body=feed("Wire", range(20), prefix="w"), headers={"ETag": '"wire-1"'})
    entries = [{"guid": f"p{n}", "title": f"Page {n}", "link": server.url(f"/story/{n}"), "description": "Teaser."}
               for n in range(20, 30)]
    for n in range(20, 30):
        server.routes[f"/story/{n}"] = Reply(body=article(f"Story {n}", [report(n)]), delay=0.03,
                                             headers={"Content-Type": "text/html"})
    del server.routes["/story/25"]  # 404
    entries += [{"guid": "paid", "title": "Paid", "link": server.url("/paid/1"), "description": "Teaser."},
                {"guid": "copy", "title": "Copy", "content": f"<p>{report(3)}</p>"}]  # the wire's report 3 again
    server.routes["/pages.xml"] = Reply(body=rss("Pages", entries))
    server.routes["/broken.xml"] = Reply(500)
    (folder / "local.xml").write_bytes(feed("Local", range(30, 37), prefix="l").replace(
        b"Report 33.", b"Report 33. EXTRACTION-FAILS"))
    telegram_export(folder / "channel", range(37, 45))
    return sources_file(folder / "sources.toml", [
        {"name": "wire", "url": server.url("/wire.xml"), "kind": "state_media"},
        {"name": "pages", "url": server.url("/pages.xml"), "kind": "news_media"},
        {"name": "broken", "url": server.url("/broken.xml")},
        {"name": "local", "url": "local.xml"},
        {"name": "channel", "url": "channel", "kind": "social_media", "username": "chan"},
    ])


def start(url: str, sources: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, str(SCRIPT), url, str(sources), str(DELAY)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "started"
    return process


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_watch_runs_killed_at_random_points_end_like_an_uninterrupted_run(backend: str, tmp_path: Path,
                                                                         http_server: LocalServer) -> None:
    sources = serve_sources(http_server, tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with store_url_for(backend, tmp_path / "a") as reference_url, store_url_for(backend, tmp_path / "b") as url:
        assert run_to_end(start(reference_url, sources)) == "done wire=20/0 pages=9/0 broken=0/0 local=6/0 channel=8/0"
        with Store(reference_url) as reference:
            expected = masked_dump(reference)
        assert len(expected["documents"]) == 20 + 11 + 7 + 8  # pages: 9 new, 2 failures, a duplicate; local: a failure
        assert len(expected["source_items"]) == 20 + 12 + 7 + 10

        chooser = random.Random(20241206)
        stored = [0]
        for _ in range(7):
            kill_after(start(url, sources), chooser.randint(1, 45), chooser.uniform(0.0, 0.1))
            with Store(url) as store:
                stored.append(store.count("documents"))
        assert sum(0 < size < 46 for size in stored) >= 2, stored
        assert stored == sorted(stored), stored
        run_to_end(start(url, sources))
        with Store(url) as store:
            assert masked_dump(store) == expected
