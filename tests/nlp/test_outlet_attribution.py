"""The declared kind of a report's outlet feeds attribution: figures in the report's own voice are the outlet's."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.batch import extract_documents
from incidex.config import Settings
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.schema import validate_report
from incidex.store import Store
from incidex.types import Document

OWN_VOICE = ("Gunmen attacked a police post in Mandera on Sunday, killing five officers. Two more were wounded, "
             "police said.")
OTHER = ("Gunmen attacked a police post in Mandera, Kenya, on Sunday, killing three police officers. The attackers "
         "escaped.")


@pytest.mark.slow
def test_a_state_media_outlet_is_the_source_of_the_figures_it_states_itself(settings: Settings) -> None:
    declared, undeclared = (o.report for o in extract_documents(
        [Document(text=OWN_VOICE, source="RIA Novosti", source_kind="state_media", published="2024-06-17"),
         Document(text=OWN_VOICE, source="RIA Novosti", published="2024-06-17")], settings=settings))
    validate_report(declared.to_dict())
    [incident] = declared.incidents
    outlet = incident.sources[-1]
    assert (outlet.name, outlet.kind, outlet.start, outlet.end) == ("RIA Novosti", "state_media", None, None)
    killed = next(f for f in incident.figures if f.field.startswith("killed"))
    wounded = next(f for f in incident.figures if f.field.startswith("injured"))
    assert killed.source == "RIA Novosti" and wounded.source == "police"  # the police keep what they said
    assert [(c.start, c.end) for c in outlet.claims] == [(killed.start, killed.end)]
    assert all(OWN_VOICE[c.start:c.end] == c.text for c in outlet.claims)
    [plain] = undeclared.incidents
    assert "RIA Novosti" not in [s.name for s in plain.sources]
    assert next(f for f in plain.figures if f.field.startswith("killed")).source is None


@pytest.mark.slow
@pytest.mark.parametrize(("kinds", "killed"), [(("social_media", "state_media"), 3),
                                               (("state_media", "social_media"), 5)])
def test_merged_reports_prefer_the_figure_of_the_more_authoritative_outlet_kind(
    settings: Settings, tmp_path: Path, kinds: tuple[str, str], killed: int
) -> None:
    documents = [Document(text=OWN_VOICE.split(" Two")[0], source="Mandera Live", source_kind=kinds[0],
                          published="2024-06-17"),
                 Document(text=OTHER, source="RIA Novosti", source_kind=kinds[1], published="2024-06-17")]
    with Store(str(tmp_path / "store.db")) as store:
        ingest(documents, store=store, extract=lambda docs: extract_documents(docs, settings=settings),
               resolver=Resolver(settings), batch_size=10)
        [incident] = store.incidents()
    assert incident.killed == killed
    rule = next(r for r in incident.merged["reconciliation"] if r["field"] == "killed.victims")["rule"]
    assert rule.startswith("state media figure")
