"""``incidex explain`` run as a command against a real SQLite store."""

from __future__ import annotations

import json

from click.testing import CliRunner

from incidex.cli.explain import command
from incidex.config import load_settings
from incidex.errors import NotFoundError
from incidex.resolve import Resolver
from incidex.store import DocumentEntry, Store
from incidex.types import DateValue, Document, DocumentInfo, Incident, Location, Report

from .cli_helpers import run_incidex


def fill(url: str) -> str:
    text = "A bomb exploded at a bank in Woodburn, Oregon, killing two officers."
    incident = Incident("i1", "main", "bombing", DateValue("2008-12-12", "day", None),
                        Location("Woodburn", "US", "Oregon", 45.14, -122.86, "city"))
    entry = DocumentEntry("d1", "ok", "d1", Document(text=text, id="d1"),
                          Report(DocumentInfo(None, None, len(text), id="d1"), [incident]))
    with Store(url) as store:
        store.write([entry], resolver=Resolver(load_settings()))
        (row,) = list(store.incidents())
    return row.incident_id


def test_explain_prints_the_incident_and_its_records(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    incident_id = fill(url)
    result = CliRunner().invoke(command, [incident_id, "--db", url])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"incident {incident_id}: bombing, 2008-12-12, Woodburn")
    assert "- d1:i1 (main bombing, 2008-12-12, Woodburn" in result.output
    as_json = CliRunner().invoke(command, [incident_id, "--db", url, "--json"])
    assert json.loads(as_json.output)["decisions"][0]["record_id"] == "d1:i1"


def test_explain_unknown_id_fails_with_the_not_found_exit_code(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    Store(url).close()
    result = run_incidex("explain", "inc-missing", "--db", url)
    assert result.returncode == NotFoundError.exit_code == 9  # not 5: the store is fine, the id is not in it
    assert result.stderr.startswith("incidex: [E500] no incident 'inc-missing'"), result.stderr
