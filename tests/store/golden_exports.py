"""Build a store from our own reports through the public surfaces and export it; ``--regenerate`` rewrites the golden
files that ``test_exports_kept.py`` compares against.

    PYTHONPATH=src python tests/store/golden_exports.py --regenerate

The corpus is ``tests/corpus`` (reports we wrote) plus, for every third report, a second outlet's copy a day later,
so that records merge across reports and across ingest runs. The store is filled by two ``incidex ingest`` runs
(the second re-resolves incidents the first stored), corrected through the HTTP API (a field override, a date
override that is undone, a merge, a split) and written with ``incidex export`` in every format. Regenerate only when
extraction or merging changes on purpose, and say so in the commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from fastapi.testclient import TestClient

from incidex.api.app import create_app
from incidex.cli.main import cli
from incidex.config import load_settings

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("csv", "geojson", "jsonl")
WHO = "golden-test"


def reports() -> list[dict[str, Any]]:
    """The reports to ingest, in order: each corpus report, and after every third one a copy by another outlet."""
    found = []
    for number, text_file in enumerate(sorted(CORPUS.glob("*.txt"))):
        meta = json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))
        text = text_file.read_text(encoding="utf-8")
        report = {"id": text_file.stem, "text": text, "source": meta.get("source"), "published": meta.get("published")}
        found.append(report)
        if number % 3 == 0:
            later = date.fromisoformat(report["published"]) + timedelta(days=1) if report["published"] else None
            found.append({"id": f"{text_file.stem}-copy", "text": text + "\nOfficials confirmed the account.",
                          "source": "Echo Wire", "published": later.isoformat() if later else None})
    return found


def _ingest(url: str, documents: list[dict[str, Any]], folder: Path, name: str) -> None:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", url])
    if result.exit_code != 0:
        raise RuntimeError(f"incidex ingest exited {result.exit_code}: {result.output}")


def _correct(url: str) -> None:
    """A field override, a date override undone again, a merge of two incidents and a split of a merged one."""
    with TestClient(create_app(db_url=url, settings=load_settings())) as client:
        listed = client.get("/api/incidents", params={"limit": 500, "sort": "date"}).json()["items"]
        ids = sorted(item["id"] for item in listed)
        several = sorted(item["id"] for item in listed if item["report_count"] > 1)

        def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
            response = client.post(path, json=body)
            if response.status_code not in (200, 201):
                raise RuntimeError(f"POST {path} answered {response.status_code}: {response.text}")
            return response.json()

        post(f"/api/incidents/{ids[0]}/corrections",
             {"field": "casualties.killed.total", "value": 7, "who": WHO, "why": "hospital count"})
        dated = post(f"/api/incidents/{ids[1]}/corrections", {"field": "date", "value": "2024-02", "who": WHO})
        post(f"/api/corrections/{dated['id']}/undo", {"who": WHO, "why": "wrong incident"})
        post(f"/api/incidents/{ids[1]}/corrections", {"field": "location.country_code", "value": "ke", "who": WHO})
        post("/api/incidents/merge", {"ids": [ids[2], ids[3]], "who": WHO, "why": "same attack"})
        records = client.get(f"/api/incidents/{several[-1]}").json()["records"]
        post(f"/api/incidents/{several[-1]}/split", {"record_ids": [records[-1]["record_id"]], "who": WHO})


def exports(url: str, folder: Path) -> dict[str, str]:
    """Fill the (empty) store at ``url`` as the module docstring says and return its export in each format."""
    documents = reports()
    half = len(documents) // 2
    _ingest(url, documents[:half], folder, "first")
    _ingest(url, documents[half:], folder, "second")
    _correct(url)
    written = {}
    for fmt in FORMATS:
        result = CliRunner().invoke(cli, ["export", "--db", url, "--format", fmt])
        if result.exit_code != 0:
            raise RuntimeError(f"incidex export exited {result.exit_code}: {result.output}")
        written[fmt] = result.stdout
    return written


def golden_file(fmt: str) -> Path:
    return GOLDEN / f"incidents.{fmt}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regenerate", action="store_true", help="rewrite the golden files in tests/store/golden")
    args = parser.parse_args()
    if not args.regenerate:
        parser.error("nothing to do: give --regenerate to rewrite the golden files")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="incidex-golden-") as folder:
        written = exports(f"sqlite:///{folder}/store.db", Path(folder))
    GOLDEN.mkdir(exist_ok=True)
    for fmt, text in written.items():
        golden_file(fmt).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {golden_file(fmt)} ({text.count(chr(10))} lines)", file=sys.stderr)


if __name__ == "__main__":
    main()
