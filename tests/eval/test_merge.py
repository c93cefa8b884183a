"""``incidex eval merge`` on a small hand-made ECB+-style file.

The extractor here builds one record per document from its text (a stand-in for the NLP pipeline, which has its own
tests); resolving, storing and scoring are the real ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from incidex.batch import Outcome
from incidex.config import load_settings
from incidex.errors import EvalError
from incidex.eval.merge import MISSED, evaluate_merge, load_ecbplus, score_merge
from incidex.types import DateValue, Document, DocumentInfo, Evidence, Incident, Location, Report

DOCS = [
    ("18_1ecb", 18, "18_ecb", "Eric Kirkpatrick shot TallGrass chief Benjamin Banky at a Vancouver Christmas party."),
    ("18_2ecb", 18, "18_ecb", "Police charged Eric Kirkpatrick after the TallGrass party shooting in Vancouver."),
    ("18_1ecbplus", 18, "18_ecbplus", "Anthony LaCalamita shot three Gordon Advisors staff at an office in Troy."),
    ("18_2ecbplus", 18, "18_ecbplus", "Gordon Advisors mourned after LaCalamita opened fire in Troy, Michigan."),
    ("41_1ecb", 41, "41_ecb", "Israeli jets bombed Jabaliya camp in Gaza, killing dozens at a UNRWA school."),
    ("41_2ecb", 41, "41_ecb", "Survivors buried the dead after the UNRWA school in Jabaliya camp, Gaza was bombed."),
    ("41_1ecbplus", 41, "41_ecbplus", "No incident text here."),
]


def write_corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc_id, topic, subtopic, text in DOCS:
            item = {"doc_id": doc_id, "topic": topic, "subtopic": subtopic, "violent_incident_topic": True,
                    "date_hint": None, "headline_guess": None, "url": None, "text": text}
            handle.write(json.dumps(item) + "\n")
        other = {"doc_id": "1_1ecb", "topic": 1, "subtopic": "1_ecb", "violent_incident_topic": False, "text": "x"}
        handle.write(json.dumps(other) + "\n")
    return path


def extract(documents: Iterable[Document]) -> Iterator[Outcome]:
    for document in documents:
        info = DocumentInfo(document.published, None, len(document.text), id=document.id)
        incidents = []
        if "No incident" not in document.text:
            evidence = [Evidence("summary", document.text, 0, len(document.text), "test")]
            incidents.append(Incident("i1", "main", "other", DateValue(None, "unknown", None), Location(),
                                      evidence=evidence))
        yield Outcome(document, Report(info, incidents))


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "ecb.jsonl")


def test_loader_keeps_only_violent_topics(corpus):
    gold = load_ecbplus(corpus)
    assert [g.document.id for g in gold] == [d[0] for d in DOCS]
    assert gold[0].subtopic == "18_ecb" and gold[0].topic == 18


@pytest.mark.parametrize("mode", ["store", "memory"])
def test_merging_separates_the_two_events_of_a_topic(corpus, mode):
    evaluation = evaluate_merge(corpus, settings=load_settings(), extract=extract, in_memory=mode == "memory")
    predicted = evaluation.predicted
    assert predicted["18_1ecb"] == predicted["18_2ecb"] != predicted["18_1ecbplus"] == predicted["18_2ecbplus"]
    assert predicted["41_1ecb"] == predicted["41_2ecb"] != predicted["18_1ecb"]
    assert predicted["41_1ecbplus"] == MISSED + "41_1ecbplus" and evaluation.missed == 1
    assert evaluation.scores.f1 == 1.0 and evaluation.predicted_incidents == evaluation.gold_incidents == 4
    assert [t.topic for t in evaluation.per_topic] == [18, 41]


def test_missed_documents_are_singletons_and_cost_recall(corpus):
    gold = load_ecbplus(corpus)
    evaluation = score_merge(gold, {"18_1ecb": "x", "18_2ecb": "x"})
    assert evaluation.scores.precision == 1.0 and evaluation.scores.recall < 1.0
    assert evaluation.missed == len(DOCS) - 2


def test_missing_data_file_says_what_to_pass(tmp_path):
    with pytest.raises(EvalError, match="pass --data"):
        load_ecbplus(tmp_path / "nope.jsonl")


ECB = Path(__file__).resolve().parents[2] / "../shared/data/news/ecbplus_docs.jsonl"


@pytest.mark.shared
def test_real_ecbplus_file_has_259_violent_documents_in_24_events():
    if not ECB.is_file():
        pytest.skip(f"ECB+ data not found at {ECB}; it lives in shared/data beside the checkout")
    gold = load_ecbplus(ECB)
    assert len(gold) == 259 and len({g.subtopic for g in gold}) == 24


@pytest.mark.slow
@pytest.mark.shared
def test_real_pipeline_on_one_ecbplus_topic_beats_no_merging(tmp_path):
    if not ECB.is_file():
        pytest.skip(f"ECB+ data not found at {ECB}; it lives in shared/data beside the checkout")
    subset = tmp_path / "topic18.jsonl"
    with ECB.open(encoding="utf-8") as source:
        subset.write_text("".join(line for line in source if json.loads(line)["topic"] == 18), encoding="utf-8")
    gold = load_ecbplus(subset)
    evaluation = evaluate_merge(subset, settings=load_settings())
    singletons = score_merge(gold, {}).scores
    assert evaluation.scores.items == 27
    assert evaluation.scores.f1 > singletons.f1 + 0.1
    assert evaluation.scores.precision > 0.8  # the Vancouver and Michigan shootings are not merged wholesale


SHOOTING = "Timmons shot a ten-year-old girl with a stray bullet on Second Avenue in Albany."
UNRELATED = "Pirates seized a tanker and its crew off the Somali coast."


def _record(number: int, role: str, kind: str, text: str, evidence: int) -> Incident:
    """A record dated by its text (a background record needs a matching date, place or actor to merge)."""
    spans = [Evidence("summary", text, 0, len(text), "test")] * evidence
    day = "2008-06-01" if text == SHOOTING else "2011-02-09"
    return Incident(f"i{number}", role, kind, DateValue(day, "day", day), Location(), evidence=spans)


def roles_extract(documents: Iterable[Document]) -> Iterator[Outcome]:
    """33_1: a shooting report; 33_2: a trial report (background records only, the tried shooting most
    prominent); 33_3: a main shooting record beside a more prominent unrelated background one."""
    plans = {
        "33_1ecb": [_record(1, "main", "armed_assault", SHOOTING, 1)],
        "33_2ecb": [_record(1, "background", "kidnapping", UNRELATED, 1),
                    _record(2, "background", "armed_assault", SHOOTING, 3)],
        "33_3ecb": [_record(1, "background", "kidnapping", UNRELATED, 4),
                    _record(2, "main", "armed_assault", SHOOTING, 1)],
    }
    for document in documents:
        info = DocumentInfo(document.published, None, len(document.text), id=document.id)
        yield Outcome(document, Report(info, plans[document.id]))


@pytest.mark.parametrize("mode", ["store", "memory"])
def test_document_without_main_record_is_placed_by_its_most_prominent_background_record(tmp_path, mode):
    path = tmp_path / "trial.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for doc_id in ("33_1ecb", "33_2ecb", "33_3ecb"):
            item = {"doc_id": doc_id, "topic": 33, "subtopic": "33_ecb", "violent_incident_topic": True,
                    "text": SHOOTING}
            handle.write(json.dumps(item) + "\n")
    evaluation = evaluate_merge(path, settings=load_settings(), extract=roles_extract, in_memory=mode == "memory")
    predicted = evaluation.predicted
    assert predicted["33_1ecb"] == predicted["33_2ecb"] == predicted["33_3ecb"]  # not the kidnapping records
    assert evaluation.missed == 0 and evaluation.scores.f1 == 1.0
