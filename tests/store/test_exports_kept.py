"""The exports of a fixed corpus stay byte-for-byte what the store wrote before its rework (commit 619c84e).

The golden files in ``tests/store/golden`` come from ``golden_exports.py --regenerate`` run on that commit; the JSONL
file was written again when the merged view gained role, targets and responders (migration 0013), after checking
that every line was otherwise identical. Nothing is normalized: no exported value depends on the run (ingest and
correction times are stored but not exported). When extraction or merging changes on purpose, regenerate them with
that command and say why in the commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from store.golden_exports import FORMATS, exports, golden_file
from store.store_helpers import store_url_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                ids=["sqlite-file", "postgres"])
def written(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("golden")
    with store_url_for(request.param, folder) as url:
        return exports(url, Path(folder))


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_the_corpus_is_byte_identical_to_the_golden_file(written: dict[str, str], fmt: str) -> None:
    expected = golden_file(fmt).read_text(encoding="utf-8")
    assert written[fmt] == expected, f"{fmt} export differs; see tests/store/golden_exports.py to regenerate"
