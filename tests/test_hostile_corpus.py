"""A sample of the hostile corpus (``bench/hostile_corpus.py``; the full run of 5,000 lines is the script) through
``incidex ingest`` and ``incidex serve``: every failure has its reason, nothing crashes, no 5xx, the stores pass
``PRAGMA integrity_check``, and every usable report is stored (issue 14)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "hostile_corpus.py"


@pytest.fixture(scope="module")
def hostile():
    spec = importlib.util.spec_from_file_location("hostile_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(hostile, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("hostile")
    settings = folder / "settings.toml"  # 1 MB reports are read to 20,000 characters (and say so) to keep this short
    settings.write_text("[nlp]\nmax_chars = 20000\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INCIDEX_CONFIG", str(settings))
        yield hostile.generate(folder, lines=45, seed=3, huge=1)


def test_the_sample_covers_every_kind_of_hostile_input(hostile, corpus) -> None:
    kinds = {item.kind for item in corpus.items}
    assert set(hostile.LINE_KINDS) <= kinds
    assert {"one_megabyte_line", "over_size_limit", "file_nested_html", "file_unknown_extension"} <= kinds
    assert {item.expect for item in corpus.items} == {"stored", "refused", "either", "skipped"}


def test_ingest_records_every_failure_with_its_reason_and_stores_every_good_document(hostile, corpus) -> None:
    check = hostile.run_ingest(corpus, corpus.folder / "ingest.db")
    assert check.problems == []
    assert check.counts["exit 7"] == 1 and check.counts["integrity_check ok"] == 1
    assert check.counts["stored/ok"] == sum(item.expect == "stored" for item in corpus.items)


def test_the_api_answers_every_line_without_a_5xx_and_stores_every_good_document(hostile, corpus) -> None:
    check = hostile.run_api(corpus, corpus.folder / "api.db")
    assert check.problems == []
    assert not any(key.split("/")[1].startswith("5") for key in check.counts if "/" in key)
    stored = sum(count for key, count in check.counts.items() if key in ("stored/201", "stored/200"))
    assert stored == sum(item.expect == "stored" for item in corpus.items)
    assert check.counts["integrity_check ok"] == 1
