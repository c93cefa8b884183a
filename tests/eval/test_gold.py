"""Reading gold records: accepted values, not-assessed keys and clear errors for malformed files."""

from __future__ import annotations

import json

import pytest

from incidex.errors import EvalError
from incidex.eval.gold import load_corpus, load_gold, parse_gold


def parse(incident: dict, **extra) -> object:
    return parse_gold({"incidents": [incident], **extra}, name="case", text="")


def test_absent_null_scalar_and_list_values_map_to_accepted_tuples():
    gold = parse(
        {
            "role": "main",
            "type": ["armed_assault", "raid"],
            "location": {"name": "Elwak", "country_code": None},
            "casualties": {"killed": {"total": [2, 5]}, "arrested": [0, None]},
        }
    ).incidents[0]
    assert gold.type == ("armed_assault", "raid")
    assert gold.date is None and gold.weapons is None  # absent: not assessed
    assert gold.location.name == ("Elwak",) and gold.location.country_code == (None,)
    assert gold.location.admin1 is None
    assert gold.casualties["killed.total"] == (2, 5)
    assert gold.casualties["arrested"] == (0, None)
    assert gold.casualties["injured.total"] == (None,)  # unlisted casualty fields assert "not stated"


def test_unknown_date_precision_asserts_no_date():
    gold = parse({"role": "main", "type": "riot", "date": {"value": None, "precision": "unknown"}}).incidents[0]
    assert gold.date.value == (None,) and gold.date.precision == (None,)


@pytest.mark.parametrize(
    ("incident", "message"),
    [
        ({"role": "main", "type": "massacre"}, "'massacre' is not one of"),
        ({"role": "main", "type": "riot", "wepons": []}, "unknown keys ['wepons']"),
        ({"role": "main", "type": "riot", "casualties": {"killed": {"total": -1}}}, "not a count"),
        ({"role": "main", "type": "riot", "casualties": {"dead": 3}}, "unknown casualty fields"),
        ({"role": "main", "type": "riot", "location": {"lat": 1.0}}, "both lat and lon"),
        ({"type": "riot"}, "missing keys ['role']"),
        ({"role": "main", "type": "riot", "sources": [{"name": "", "kind": "official"}]}, "non-empty strings"),
    ],
)
def test_malformed_incident_raises_eval_error_naming_the_place(incident, message):
    with pytest.raises(EvalError, match="case: incidents\\[0\\]") as info:
        parse(incident)
    assert message in str(info.value)


def test_must_not_rules_are_validated():
    incident = {"role": "main", "type": "riot"}
    with pytest.raises(EvalError, match="index into incidents"):
        parse(incident, must_not=[{"incident": 3, "field": "type", "equals": "arson", "why": "x"}])
    with pytest.raises(EvalError, match="not checkable"):
        parse(incident, must_not=[{"incident": 0, "field": "summary", "equals": "x", "why": "x"}])
    with pytest.raises(EvalError, match="exactly one"):
        parse(incident, must_not=[{"incident": "any", "why": "x"}])
    rule = parse(incident, must_not=[{"incident": "any", "field": "casualties.*", "in": [7, 8], "why": "x"}]).must_not[
        0
    ]
    assert rule.incident is None and rule.values == (7, 8)


def test_load_gold_reads_the_text_beside_the_json(tmp_path):
    (tmp_path / "r.json").write_text(json.dumps({"published": "2024-01-02", "source": "Wire", "incidents": []}))
    (tmp_path / "r.txt").write_text("Nothing happened.", encoding="utf-8")
    gold = load_gold(tmp_path / "r.json")
    assert (gold.name, gold.text, gold.published, gold.incidents) == ("r", "Nothing happened.", "2024-01-02", ())
    assert [case.name for case in load_corpus(tmp_path)] == ["r"]


def test_missing_text_or_empty_corpus_is_an_eval_error(tmp_path):
    with pytest.raises(EvalError, match="no gold files"):
        load_corpus(tmp_path)
    (tmp_path / "r.json").write_text(json.dumps({"incidents": []}))
    with pytest.raises(EvalError, match=r"NAME\.txt"):
        load_corpus(tmp_path)
