"""Screenshots of the web UI for ``docs/``: the list page and a merged incident, from a store of real reports.

    python tools/ui_screenshots.py                       # store in a temporary folder
    python tools/ui_screenshots.py --db /tmp/news.db     # keeps (and on later runs reuses) the store

Ingests, with the default pipeline, the 259 documents of ECB+'s violent-incident topics and the 31 Wikinews incident
reports of ``../shared/data/news`` (see its README for their licences: CC BY 3.0 annotations, texts not copyrighted;
CC BY 2.5), serves the store, and saves ``docs/screenshot-list.png`` (the list page as it opens: main incidents,
newest first) and ``docs/screenshot-incident.png`` (the incident with the most reports, its summary and the first
report's text opened) from Debian's headless chromium. ECB+ documents keep the host of their URL as outlet, or
"ECB+ (ecb)" when the corpus has none, as the ECB+ evaluation does not: it needs no outlet.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
WIDTH = 1440


def ecbplus_documents(path: Path) -> Iterator[Any]:
    """The violent-topic documents of ``ecbplus_docs.jsonl`` with title, publication date and outlet."""
    from incidex.ingest.dates import normalize_published
    from incidex.types import Document

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if not item["violent_incident_topic"]:
                continue
            url = item.get("url")
            yield Document(text=item["text"], id=item["doc_id"], title=item.get("headline_guess"), url=url,
                           published=normalize_published(item.get("date_hint")),
                           source=urlparse(url).hostname if url else f"ECB+ ({item['component']})",
                           origin=f"{path.name}:{item['doc_id']}")


def build(db: Path) -> None:
    from incidex.config import load_settings
    from incidex.ingest import read_paths
    from incidex.parallel import run_local
    from incidex.resolve import Resolver
    from incidex.store import Store, ingest

    settings = load_settings()
    documents = [*ecbplus_documents(NEWS / "ecbplus_docs.jsonl"),
                 *read_paths([str(NEWS / "wikinews_incidents.jsonl")], max_bytes=settings.input.max_bytes)]
    began = time.perf_counter()
    with Store(str(db)) as store:
        summary = ingest(documents, store=store, resolver=Resolver(settings), batch_size=settings.store.batch_size,
                         extract=lambda docs: run_local(docs, settings=settings, workers=2))
    print(f"ingested {summary.new} reports ({summary.failed} failed) in {time.perf_counter() - began:.0f} s into {db}")


def shoot(db: Path, out: Path) -> None:
    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from incidex.api.app import create_app
    from incidex.config import load_settings

    server = uvicorn.Server(uvicorn.Config(create_app(db_url=str(db), settings=load_settings()), host="127.0.0.1",
                                           port=0, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", f"--window-size={WIDTH},1000",
                     f"--user-data-dir={profile}", "--hide-scrollbars"):
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            browser.get(url + "/")
            _wait(lambda: browser.execute_script("return document.body.dataset.drawn"))
            _full_page(browser, out / "screenshot-list.png", most=1500)
            page = json.loads(browser.execute_script(
                "return fetch('/api/incidents?role=main&sort=-reports&limit=1').then(r => r.text())"))
            browser.get(f"{url}/incidents/{page['items'][0]['id']}")
            _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "details.document"))
            browser.execute_script("document.querySelector('details.document').open = true")
            _full_page(browser, out / "screenshot-incident.png", most=2200)
        finally:
            browser.quit()
            server.should_exit = True


def _wait(condition: Any) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the page did not finish drawing within 60 s")
        time.sleep(0.1)
    time.sleep(0.5)


def _full_page(browser: Any, path: Path, *, most: int) -> None:
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(WIDTH, min(height, most))
    time.sleep(0.5)
    browser.save_screenshot(str(path))
    print(f"saved {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="store to build (when missing) and show; default: a temporary file")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    if not NEWS.is_dir():
        raise SystemExit(f"the news reports are not at {NEWS}; see the README's Data section")
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "news.db"
        if not db.exists():
            build(db)
        shoot(db, args.out)


if __name__ == "__main__":
    main()
