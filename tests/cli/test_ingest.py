from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from incidex.cli.ingest import command
from incidex.errors import StoreError
from incidex.store import Store

SEED = Path(__file__).resolve().parents[2] / "../shared/data/seed"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def corpus_folder(tmp_path: Path, count: int) -> Path:
    """A folder holding copies of the first ``count`` reports of our corpus."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for report in sorted(CORPUS.glob("*.txt"))[:count]:
        shutil.copy(report, folder / report.name)
    return folder


def ingest(*args: str, status: int = 0) -> str:
    result = CliRunner().invoke(command, list(args))
    assert result.exit_code == status, result.output
    return result.stdout


@pytest.mark.slow
def test_ingest_stores_documents_records_and_incidents_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    folder = corpus_folder(tmp_path, 3)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    db = f"sqlite:///{tmp_path}/store.db"
    first = ingest(str(folder), "--db", db, status=7)  # 7: some documents failed
    assert "read 4 · new 3 · duplicate 0 · failed 1" in first
    with Store(db) as store, store.engine.connect() as connection:
        statuses = dict(connection.execute(sa.text("SELECT status, count(*) FROM documents GROUP BY status")).all())
        assert statuses == {"ok": 3, "unreadable": 1}
        assert store.count("records") >= 3 and store.count("incidents") >= 1
        spans = connection.execute(
            sa.text("SELECT d.text, e.text, e.start_char, e.end_char FROM evidence e "
                    "JOIN records r ON r.record_id = e.record_id JOIN documents d ON d.document_id = r.document_id")
        ).all()
        assert spans and all(text[start:end] == span for text, span, start, end in spans)
        before = store.dump()
    second = ingest(str(folder), "--db", db)
    assert "new 0 · duplicate 4 · failed 0" in second
    with Store(db) as store:
        assert store.dump() == before


@pytest.mark.slow
def test_ingest_stores_the_seed_article_with_its_incidents(tmp_path: Path) -> None:
    if not SEED.is_dir():
        pytest.skip(f"needs the shared seed data at {SEED.resolve()}")
    db = f"sqlite:///{tmp_path}/seed.db"
    assert "new 1 · duplicate 0 · failed 0" in ingest(str(SEED / "rostov_hostage_article.txt"), "--db", db)
    with Store(db) as store:
        assert store.count("incidents") >= 1
        assert all(row.document_ids and row.record_ids for row in store.incidents())


def test_ingest_with_a_bad_database_url_fails_with_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    result = CliRunner().invoke(command, [str(tmp_path / "a.txt"), "--db", "nosuchdb://nowhere"])
    assert isinstance(result.exception, StoreError) and result.exception.exit_code == 5


def test_ingest_refuses_zero_workers(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, [str(tmp_path), "--workers", "0"])
    assert result.exit_code == 2


def stored_documents(path: Path) -> int:
    try:
        with closing(sqlite3.connect(path)) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_incidex_ingest_killed_mid_run_and_rerun_ends_like_an_uninterrupted_run(tmp_path: Path) -> None:
    """The real command (readers, spaCy extraction, resolver, store) under SIGKILL, in batches of two documents."""
    folder = corpus_folder(tmp_path, 12)
    config = tmp_path / "small-batches.toml"
    config.write_text("[store]\nbatch_size = 2\n[nlp]\nbatch_size = 2\n", encoding="utf-8")

    def command_line(db: Path) -> list[str]:
        return [sys.executable, "-m", "incidex", "ingest", str(folder), "--db", str(db), "--config", str(config)]

    reference, db = tmp_path / "reference.db", tmp_path / "killed.db"
    subprocess.run(command_line(reference), check=True, capture_output=True, timeout=600)
    chooser = random.Random(4)
    counts = []
    for target in (2, 6, 10):
        process = subprocess.Popen(command_line(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None and stored_documents(db) < target:
            time.sleep(0.02)
        time.sleep(chooser.uniform(0.0, 0.3))  # after a commit, often inside the next batch
        process.send_signal(signal.SIGKILL)
        process.wait()
        counts.append(stored_documents(db))
    assert any(0 < count < 12 for count in counts), counts
    subprocess.run(command_line(db), check=True, capture_output=True, timeout=600)
    with Store(str(reference)) as expected, Store(str(db)) as store:
        assert expected.count("documents") == 12
        assert store.dump() == expected.dump()


@pytest.mark.slow
def test_ingest_reads_a_feed_url_and_a_telegram_export_and_keeps_other_languages_unextracted(
    http_server, tmp_path: Path
) -> None:
    from local_http import Reply, rss
    from watch.watch_helpers import telegram_export

    report = (CORPUS / "mandera_police_post_attack.txt").read_text(encoding="utf-8")
    http_server.routes["/feed.xml"] = Reply(body=rss("Kenya Wire", [
        {"guid": "k1", "title": "Police post attacked", "content": report},
        {"guid": "k2", "title": "По-русски",
         "content": "Боевики напали на полицейский пост в воскресенье, убив трех офицеров, сообщили власти."}]))
    export = telegram_export(tmp_path / "export", [])
    db = f"sqlite:///{tmp_path}/store.db"
    result = CliRunner().invoke(command, [http_server.url("/feed.xml"), str(export), "--db", db])
    assert result.exit_code == 0, result.output
    assert "read 4 · new 2 · duplicate 0 · failed 0 · skipped 2 · records " in result.stdout
    assert result.stdout.rstrip().endswith("· not English 1 (ru 1)")
    assert "a service message (create_channel)" in result.stderr and "media (photo) without text" in result.stderr
    with Store(db) as store, store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT source, status, language FROM documents ORDER BY status")).all()
        assert [tuple(row) for row in rows] == [("Kenya Wire", "ok", "en"), ("Kenya Wire", "skipped", "ru")]
        assert store.count("records") >= 1
