"""``incidex watch`` and ``incidex sources`` end to end: sources served on 127.0.0.1 and written to disk."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from local_http import LocalServer, Reply, rss
from watch.watch_helpers import masked_dump, sources_file, telegram_export

from incidex.cli.main import cli
from incidex.store import Store

STORY_FEED = ("Gunmen attacked a police post in Mandera on Sunday, killing three police officers. The attackers "
              "fled towards the border, the county commissioner said.")
STORY_TELEGRAM = ("Three police officers were killed on Sunday when gunmen stormed a police post in Mandera, "
                  "Kenya. The attackers escaped towards Somalia.")
OTHER_STORY = ("A car bomb exploded near a market in Mogadishu on Monday, killing seven people and wounding "
               "twelve others, police said.")
RUSSIAN = "Боевики напали на полицейский пост в воскресенье, убив трех офицеров, сообщили власти."


def watch(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["watch", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def fast_config(tmp_path: Path) -> Path:
    """Settings for tests: no pause between requests to the local server, short timeouts."""
    path = tmp_path / "settings.toml"
    path.write_text("[fetch]\nhost_interval = 0.0\ntimeout = 2.0\nretries = 1\nbackoff = 0.01\n", encoding="utf-8")
    return path


def test_once_exits_8_when_a_source_cannot_be_read_and_sources_shows_the_error(http_server: LocalServer,
                                                                               tmp_path: Path) -> None:
    http_server.routes["/down"] = Reply(503)
    path = sources_file(tmp_path / "sources.toml", [{"name": "down", "url": http_server.url("/down"),
                                                     "kind": "news_media"}])
    db = str(tmp_path / "store.db")
    code, out, _ = watch(str(path), "--db", db, "--once", "--config", str(fast_config(tmp_path)))
    assert code == 8
    assert "down: failed to read: [E208]" in out and "HTTP 503 Service Unavailable after 1 retry" in out
    listed = CliRunner().invoke(cli, ["sources", "--db", db])
    assert listed.exit_code == 0
    assert listed.stdout.startswith("down (news_media): seen 0 · last success - · next poll ")
    assert f"    {http_server.url('/down')}\n" in listed.stdout
    assert "last error at " in listed.stdout and "HTTP 503" in listed.stdout


def test_once_exits_7_when_items_failed_and_lists_them(http_server: LocalServer, tmp_path: Path) -> None:
    http_server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /paid/\n")
    http_server.routes["/feed"] = Reply(body=rss("Wire", [
        {"guid": "p1", "title": "Paid", "link": http_server.url("/paid/1"), "description": "Teaser."}]))
    path = sources_file(tmp_path / "sources.toml", [{"name": "wire", "url": http_server.url("/feed")}])
    code, out, err = watch(str(path), "--db", str(tmp_path / "s.db"), "--once", "--config",
                           str(fast_config(tmp_path)))
    assert code == 7
    assert "wire: new 0 · seen 0 · duplicate 0 · failed 1 · skipped 0 · next poll" in out
    assert f"failed: {http_server.url('/feed')}#p1: [E208] {http_server.url('/paid/1')}: " in err
    assert "robots.txt forbids this path" in err


def test_a_bad_sources_file_or_interval_is_refused(tmp_path: Path) -> None:
    path = sources_file(tmp_path / "sources.toml", [{"name": "a", "url": "x", "kind": "blog"}])
    result = subprocess.run([sys.executable, "-m", "incidex", "watch", str(path), "--once", "--db",
                             str(tmp_path / "s.db")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 3 and "kind 'blog' is not one of" in result.stderr
    code, _, err = watch(str(path), "--interval", "0")
    assert code == 2 and "--interval" in err


def test_sources_on_an_empty_store_says_how_to_fill_it(tmp_path: Path) -> None:
    Store(str(tmp_path / "s.db")).close()  # only ingest and watch create a store
    result = CliRunner().invoke(cli, ["sources", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0 and "incidex watch SOURCES.toml" in result.stdout


def test_sources_on_a_missing_store_exits_5_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = subprocess.run([sys.executable, "-m", "incidex", "sources", "--db", str(missing)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 5 and str(missing) in result.stderr and not missing.exists()


@pytest.mark.slow
def test_watching_two_feeds_and_a_telegram_export(http_server: LocalServer, tmp_path: Path) -> None:
    """The README's quick start: the same story in a feed and a Telegram post merge into one incident, the state
    media feed is attributed as state media, a post in Russian is kept with its language, a second run adds
    nothing."""
    http_server.routes["/state.xml"] = Reply(body=rss("State wire", [
        {"guid": "s1", "title": "Police post attacked", "pubDate": "Mon, 17 Jun 2024 08:00:00 +0000",
         "content": f"<p>{STORY_FEED}</p>"}]), headers={"ETag": '"s-1"'})
    http_server.routes["/news.xml"] = Reply(body=rss("News", [
        {"guid": "n1", "title": "Car bomb", "pubDate": "Mon, 17 Jun 2024 10:00:00 +0000",
         "content": f"<p>{OTHER_STORY}</p>"},
        {"guid": "n2", "title": "Syndicated", "content": f"<p>{STORY_FEED}</p>"}]))  # the state wire's text again
    export = telegram_export(tmp_path / "112", [])
    data = json.loads((export / "result.json").read_text(encoding="utf-8"))
    data["messages"][1:1] = [
        {"id": 7, "type": "message", "date_unixtime": "1718600000", "text": STORY_TELEGRAM,
         "text_entities": [{"type": "plain", "text": STORY_TELEGRAM}]},
        {"id": 8, "type": "message", "date_unixtime": "1718600100", "text": RUSSIAN,
         "text_entities": [{"type": "bold", "text": RUSSIAN}]}]
    (export / "result.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    path = sources_file(tmp_path / "sources.toml", [
        {"name": "State wire", "url": http_server.url("/state.xml"), "kind": "state_media"},
        {"name": "News", "url": http_server.url("/news.xml"), "kind": "news_media", "interval": 600},
        {"name": "112", "url": "112", "kind": "social_media", "username": "ru112"}])
    db = str(tmp_path / "store.db")
    options = ["--db", db, "--once", "--config", str(fast_config(tmp_path))]
    code, out, err = watch(str(path), *options)
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split(" ", 1)[1].split(" · next poll")[0] for line in lines] == [
        "State wire: new 1 · seen 0 · duplicate 0 · failed 0 · skipped 0",
        "News: new 1 · seen 0 · duplicate 1 · failed 0 · skipped 0",
        "112: new 2 · seen 0 · duplicate 0 · failed 0 · skipped 2 · not English 1",
    ]
    with Store(db) as store, store.engine.connect() as connection:
        documents = {row.source: row for row in connection.execute(sa.text(
            "SELECT document_id, source, source_kind, status, language, url FROM documents WHERE language IS NOT NULL "
            "AND status = 'ok'"))}
        assert set(documents) == {"State wire", "News", "112"}
        skipped = connection.execute(sa.text("SELECT source, language, error FROM documents WHERE status = 'skipped'"))
        assert [(s, lang) for s, lang, _ in skipped] == [("112", "ru")]
        merged = [row for row in store.incidents() if documents["112"].document_id in row.document_ids]
        assert len(merged) == 1 and documents["State wire"].document_id in merged[0].document_ids
        assert merged[0].sources[:2] == ["State wire", "112"] or merged[0].sources[:2] == ["112", "State wire"]
        record = connection.execute(sa.text("SELECT incident FROM records WHERE document_id = :d"),
                                    {"d": documents["State wire"].document_id}).scalar_one()
        outlet = (json.loads(record) if isinstance(record, str) else record)["sources"][-1]
        assert (outlet["name"], outlet["kind"], outlet["start"]) == ("State wire", "state_media", None)
        assert documents["112"].url == "https://t.me/ru112/7"
        before = masked_dump(store)
    code, again, _ = watch(str(path), *options)
    assert code == 0
    assert [line.split(" ", 1)[1].split(" · next poll")[0] for line in again.splitlines()] == [
        "State wire: not modified · new 0 · seen 0 · duplicate 0 · failed 0 · skipped 0",
        "News: new 0 · seen 2 · duplicate 0 · failed 0 · skipped 0",
        "112: new 0 · seen 4 · duplicate 0 · failed 0 · skipped 0",
    ]
    with Store(db) as store:
        assert masked_dump(store) == before


def stored_documents(db: Path) -> int:
    try:
        with Store(str(db)) as store:
            return store.count("documents")
    except Exception:  # not created yet
        return 0


def command_line(sources: Path, db: Path, config: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "incidex", "watch", str(sources), "--db", str(db), "--config", str(config), *extra]


def many_reports_feed(http_server: LocalServer, tmp_path: Path, count: int) -> tuple[Path, Path]:
    """A feed of ``count`` distinct short reports; settings with small extraction batches."""
    reports = [f"Gunmen killed {n + 2} villagers in an attack on Damboa in Borno state on Sunday, officials said. "
               f"Report number {n}." for n in range(count)]
    http_server.routes["/feed"] = Reply(body=rss("Borno", [{"guid": f"b{n}", "title": f"Attack {n}",
                                                            "content": f"<p>{text}</p>"}
                                                           for n, text in enumerate(reports)]))
    config = tmp_path / "settings.toml"
    config.write_text("[fetch]\nhost_interval = 0.0\n[nlp]\nbatch_size = 2\n", encoding="utf-8")
    return sources_file(tmp_path / "sources.toml", [{"name": "borno", "url": http_server.url("/feed"),
                                                     "kind": "news_media"}]), config


@pytest.mark.slow
def test_sigterm_finishes_the_item_in_hand_and_a_rerun_completes_the_poll(http_server: LocalServer,
                                                                         tmp_path: Path) -> None:
    sources, config = many_reports_feed(http_server, tmp_path, 12)
    reference, db = tmp_path / "reference.db", tmp_path / "stopped.db"
    subprocess.run(command_line(sources, reference, config, "--once"), check=True, capture_output=True, timeout=600)
    process = subprocess.Popen(command_line(sources, db, config), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    while process.poll() is None and stored_documents(db) < 2:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    stopped_at = time.monotonic()
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    assert time.monotonic() - stopped_at < 30  # one extraction batch of two, not the twelve
    assert "borno: new " in out and "stopped before the end; the next run goes on" in out
    assert 2 <= stored_documents(db) < 12
    subprocess.run(command_line(sources, db, config, "--once"), check=True, capture_output=True, timeout=600)
    with Store(str(reference)) as expected, Store(str(db)) as store:
        assert expected.count("documents") == 12
        assert masked_dump(store) == masked_dump(expected)


@pytest.mark.slow
def test_incidex_watch_killed_mid_poll_and_restarted_ends_like_an_uninterrupted_run(http_server: LocalServer,
                                                                                  tmp_path: Path) -> None:
    """The real command (fetcher, feed reader, spaCy extraction, resolver, store) under SIGKILL."""
    # 30 reports: enough that the rest cannot all be stored in the moment between reaching a target and the kill,
    # however fast the machine (with 10, a quiet machine finished them all before the first kill)
    sources, config = many_reports_feed(http_server, tmp_path, 30)
    reference, db = tmp_path / "reference.db", tmp_path / "killed.db"
    subprocess.run(command_line(sources, reference, config, "--once"), check=True, capture_output=True, timeout=600)
    counts = []
    chooser = random.Random(16)
    for target in (2, 5, 8):
        process = subprocess.Popen(command_line(sources, db, config, "--once"), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        while process.poll() is None and stored_documents(db) < target:
            time.sleep(0.02)
        time.sleep(chooser.uniform(0.0, 0.3))  # after a commit, often inside the next item
        process.send_signal(signal.SIGKILL)
        process.wait()
        counts.append(stored_documents(db))
    assert any(0 < count < 30 for count in counts), counts
    subprocess.run(command_line(sources, db, config, "--once"), check=True, capture_output=True, timeout=600)
    with Store(str(reference)) as expected, Store(str(db)) as store:
        assert expected.count("documents") == 30
        assert masked_dump(store) == masked_dump(expected)
