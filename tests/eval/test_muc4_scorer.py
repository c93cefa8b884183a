"""The MUC-4 GTT-style scorer, the incidex-to-template mapping and the prediction file, on hand-made cases."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incidex.errors import ConfigError, EvalError
from incidex.eval.muc4 import (
    KEYS,
    MAX_TEMPLATES,
    ROLES,
    Template,
    best_alignment,
    evaluate,
    gtt_key,
    incident_to_template,
    learned_templates,
    load_muc4,
    normalize_mention,
    read_predictions,
    report_to_templates,
    score_corpus,
    score_document,
    write_predictions,
)
from incidex.nlp.muc_roles import LearnedRoles, RoleSpan, TypeScore
from incidex.types import DateValue, DocumentInfo, Incident, Location, Mention, Perpetrator, Report, Victim

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "muc4_mini.jsonl"

BOMBING = Template(
    "bombing",
    PerpInd=(("urban guerrillas",),),
    PerpOrg=(("fmln", "farabundo marti national liberation front"),),
    Target=(("police station",), ("patrol cars",)),
    Victim=(("guard",),),
    Weapon=(("car bomb", "bomb"),),
)
KIDNAP = Template("kidnapping", PerpInd=(("armed men",),), Victim=(("julio mendez",),))


def percent(value: float) -> float:
    return round(100 * value, 2)


# --- normalization and keys ----------------------------------------------------------------------------------------


def test_normalize_mention_drops_case_punctuation_and_articles() -> None:
    assert normalize_mention('The  "Santo Tomas" farm.') == "santo tomas farm"
    assert normalize_mention("an army of a thousand") == "army of thousand"
    assert normalize_mention("theater") == "theater"


def test_gtt_key_maps_test_ids_and_keeps_others() -> None:
    assert gtt_key("TST1-MUC3-0001") == "10001"
    assert gtt_key("TST2-MUC4-0042") == "20042"
    assert gtt_key("DEV-MUC3-0007") == "DEV-MUC3-0007"


# --- document scores with known answers ----------------------------------------------------------------------------


def test_perfect_prediction_scores_one() -> None:
    score = score_document([BOMBING, KIDNAP], [BOMBING, KIDNAP])
    micro = score.micro
    assert (micro.precision, micro.recall, micro.f1) == (1.0, 1.0, 1.0)
    # 2 types + 6 bombing entities + 2 kidnapping entities
    assert micro.p_den == micro.r_den == 10


def test_empty_prediction_scores_zero_with_full_recall_denominator() -> None:
    score = score_document([], [BOMBING])
    assert score.micro.f1 == 0.0
    assert score.micro.p_den == 0
    assert score.micro.r_den == 1 + 6
    assert score.keys["Target"].r_den == 2


def test_spurious_template_costs_precision_only() -> None:
    score = score_document([KIDNAP], [])
    assert score.micro.p_den == 3 and score.micro.p_num == 0
    assert score.micro.r_den == 0


def test_missing_template_costs_recall_only() -> None:
    score = score_document([BOMBING], [BOMBING, KIDNAP])
    assert percent(score.micro.precision) == 100.0
    assert score.micro.r_num == 7 and score.micro.r_den == 10


def test_two_templates_align_whatever_their_order() -> None:
    score = score_document([KIDNAP, BOMBING], [BOMBING, KIDNAP])
    assert score.micro.f1 == 1.0
    assert best_alignment([KIDNAP, BOMBING], [BOMBING, KIDNAP]) == [1, 0]


def test_type_must_be_substring_of_gold_type() -> None:
    gold = [Template("bombing / attack", Target=(("bus",),))]
    assert score_document([Template("attack", Target=(("bus",),))], gold).micro.f1 == 1.0
    assert score_document([Template("bombing", Target=(("bus",),))], gold).micro.f1 == 1.0
    wrong_type = score_document([Template("kidnapping", Target=(("bus",),))], gold)
    assert wrong_type.micro.p_num == 0 and wrong_type.micro.r_num == 0


def test_entity_is_correct_only_if_all_its_mentions_name_one_gold_entity() -> None:
    gold = [Template("attack", PerpOrg=(("fmln", "farabundo marti national liberation front"),))]
    both = score_document([Template("attack", PerpOrg=(("FMLN", "Farabundo Marti National Liberation Front"),))], gold)
    assert both.keys["PerpOrg"].p_num == 1
    mixed = score_document([Template("attack", PerpOrg=(("fmln", "army"),))], gold)
    assert mixed.keys["PerpOrg"].p_num == 0 and mixed.keys["PerpOrg"].r_num == 0


def test_entities_are_not_matched_one_to_one() -> None:
    gold = [Template("attack", PerpInd=(("guerrillas", "guerrilla column"),))]
    pred = [Template("attack", PerpInd=(("guerrillas",), ("guerrilla column",)))]
    counts = score_document(pred, gold).keys["PerpInd"]
    assert (counts.p_num, counts.p_den, counts.r_num, counts.r_den) == (2, 2, 1, 1)


def test_role_must_match() -> None:
    gold = [Template("attack", Victim=(("peasant",),))]
    counts = score_document([Template("attack", Target=(("peasant",),))], gold)
    assert counts.keys["Target"].p_num == 0 and counts.keys["Victim"].r_num == 0


def test_alignment_prefers_best_document_f1_over_greedy_pairing() -> None:
    # The first prediction fits gold 0 a little and gold 1 well; the second fits only gold 0.
    gold = [
        Template("attack", Victim=(("a1",),)),
        Template("attack", Victim=(("b1",),), Target=(("b2",),)),
    ]
    pred = [
        Template("attack", Victim=(("a1",), ("b1",)), Target=(("b2",),)),
        Template("attack", Victim=(("a1",),)),
    ]
    assert best_alignment(pred, gold) == [1, 0]  # mentions here are already normalized


# --- exactness against exhaustive enumeration -----------------------------------------------------------------------

MENTIONS = st.sampled_from(["x", "y", "z", "w"])
TEMPLATES = st.builds(
    lambda t, ents: Template(t, **{role: e for role, e in zip(ROLES, ents, strict=True)}),
    st.sampled_from(["attack", "bombing", "bombing / attack"]),
    st.tuples(*[st.lists(st.lists(MENTIONS, min_size=1, max_size=2).map(tuple), max_size=2).map(tuple)] * 5),
)


def exhaustive_best_f1(pred: list[Template], gold: list[Template]) -> float:
    best = 0.0
    for assignment in itertools.product([*range(len(gold)), None], repeat=len(pred)):
        used = [j for j in assignment if j is not None]
        if len(used) != len(set(used)):
            continue
        if any(j is not None and pred[i].incident_type not in gold[j].incident_type for i, j in enumerate(assignment)):
            continue
        best = max(best, score_with(pred, gold, list(assignment)))
    return best


def score_with(pred: list[Template], gold: list[Template], assignment: list[int | None]) -> float:
    from incidex.eval.muc4 import Score, _pair_counts, _unaligned

    total = Score()
    for i, j in enumerate(assignment):
        total.add(_pair_counts(pred[i], gold[j]) if j is not None else _unaligned(pred[i], predicted=True))
    for j, template in enumerate(gold):
        if j not in assignment:
            total.add(_unaligned(template, predicted=False))
    return total.micro.f1


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(TEMPLATES, max_size=4), st.lists(TEMPLATES, max_size=4))
def test_alignment_search_equals_exhaustive_enumeration(pred: list[Template], gold: list[Template]) -> None:
    assert score_document(pred, gold).micro.f1 == pytest.approx(exhaustive_best_f1(pred, gold))


# --- corpus, loading, prediction files -----------------------------------------------------------------------------


def test_fixture_gold_scores_perfectly_and_duplicates_are_removed() -> None:
    documents = load_muc4(FIXTURE)
    by_id = {d.docid: d for d in documents}
    assert len(by_id["MINI-0005"].templates) == 2  # the repeated robbery template is dropped
    score = score_corpus({d.docid: d.templates for d in documents}, documents)
    assert score.micro.f1 == 1.0
    assert set(score.keys) == set(KEYS)
    assert score_corpus({}, documents).micro.f1 == 0.0


def test_table_lists_every_key_and_the_micro_average() -> None:
    documents = load_muc4(FIXTURE)
    table = score_corpus({d.docid: d.templates for d in documents}, documents).table()
    for key in (*KEYS, "micro_avg"):
        assert key in table
    assert "100.00" in table.splitlines()[-1]


def test_load_refuses_missing_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not found"):
        load_muc4(tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"docid": "A-1", "doctext": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.jsonl:1"):
        load_muc4(bad)


def test_prediction_file_round_trips_and_follows_the_gtt_format(tmp_path: Path) -> None:
    documents = load_muc4(FIXTURE)
    too_many = [KIDNAP] * (MAX_TEMPLATES + 2)
    predictions = {"MINI-0001": [BOMBING], "MINI-0003": too_many}
    path = tmp_path / "preds.json"
    write_predictions(path, predictions, documents)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {d.docid for d in documents}
    assert data["MINI-0002"]["pred_templates"] == []
    assert len(data["MINI-0003"]["pred_templates"]) == MAX_TEMPLATES
    first = data["MINI-0001"]["pred_templates"][0]
    assert set(first) == {"incident_type", *ROLES}
    assert all(isinstance(m, str) for role in ROLES for entity in first[role] for m in entity)
    back = read_predictions(path, documents)
    assert back["MINI-0001"] == (BOMBING,)


def test_read_predictions_requires_every_document(tmp_path: Path) -> None:
    documents = load_muc4(FIXTURE)
    path = tmp_path / "preds.json"
    path.write_text(json.dumps({"MINI-0001": {"pred_templates": []}}), encoding="utf-8")
    with pytest.raises(EvalError, match="MINI-0002"):
        read_predictions(path, documents)


# --- mapping incidex records -----------------------------------------------------------------------------------------


def make_incident(kind: str, *, role: str = "main") -> Incident:
    return Incident(
        id=f"i-{kind}",
        role=role,  # type: ignore[arg-type]
        type=kind,  # type: ignore[arg-type]
        date=DateValue(value=None, precision="unknown", text=None),
        location=Location(),
        perpetrators=[
            Perpetrator(text="six inmates", name=None, kind="individual"),
            Perpetrator(text="Islamic State", name="Islamic State", kind="organization"),
        ],
        victims=[Victim(text="two prison guards"), Victim(text="  "), Victim(text="Two prison guards.")],
        targets=[Mention(text="detention center")],
        weapons=[Mention(text="knife"), Mention(text="fire axe")],
    )


def test_incident_maps_roles_to_muc_slots_without_empty_or_duplicate_entities() -> None:
    template = incident_to_template(make_incident("hostage_taking"))
    assert template is not None
    assert template.incident_type == "kidnapping"
    assert template.PerpInd == (("six inmates",),)
    assert template.PerpOrg == (("Islamic State",),)
    assert template.Victim == (("two prison guards",),)
    assert template.Target == (("detention center",),)
    assert template.Weapon == (("knife",), ("fire axe",))


def test_a_group_is_named_by_the_words_before_the_other_name_it_gives_in_parentheses() -> None:
    incident = make_incident("bombing")
    incident.perpetrators = [
        Perpetrator(text="the ARN (Andean Revolutionary Network)", name=None, kind="organization"),
        Perpetrator(text="ARN", name=None, kind="organization"),
        Perpetrator(text="(Andean Front)", name=None, kind="organization"),
    ]
    template = incident_to_template(incident)
    assert template is not None and template.PerpOrg == (("the ARN",), ("(Andean Front)",))


def test_non_muc_incident_types_are_dropped_and_main_incidents_come_first() -> None:
    assert incident_to_template(make_incident("arrest")) is None
    report = Report(
        document=DocumentInfo(published=None, source=None, chars=10),
        incidents=[make_incident("bombing", role="background"), make_incident("riot"), make_incident("armed_assault")],
    )
    assert [t.incident_type for t in report_to_templates(report)] == ["attack", "bombing"]
    many = Report(document=report.document, incidents=[make_incident("arson")] * 8)
    assert len(report_to_templates(many)) == MAX_TEMPLATES


# --- templates from learned output ---------------------------------------------------------------------------------


def test_learned_templates_give_fillers_to_the_nearest_incident_trigger() -> None:
    text = "rebels kidnapped the mayor. later a bomb destroyed the bridge."
    spans = (
        RoleSpan(0, 6, "rebels", "PerpInd"),
        RoleSpan(21, 26, "mayor", "Victim"),
        RoleSpan(55, 61, "bridge", "Target"),
    )
    learned = LearnedRoles(
        types=(TypeScore("bombing", 0.9), TypeScore("kidnapping", 0.8), TypeScore("attack", 0.1)), spans=spans
    )
    templates = {t.incident_type: t for t in learned_templates(learned, text, relevance=0.5, threshold=0.5)}
    assert set(templates) == {"bombing", "kidnapping"}
    assert templates["kidnapping"].Victim == (("mayor",),)
    assert templates["kidnapping"].PerpInd == (("rebels",),)
    assert templates["bombing"].Target == (("bridge",),)


def test_learned_templates_are_empty_when_no_type_is_likely() -> None:
    learned = LearnedRoles(types=(TypeScore("attack", 0.15),), spans=(RoleSpan(0, 4, "army", "PerpOrg"),))
    assert learned_templates(learned, "army units", relevance=0.2) == []
    kept = learned_templates(learned, "army units", relevance=0.1)
    assert [(t.incident_type, t.PerpOrg) for t in kept] == [("attack", (("army",),))]


def test_evaluate_refuses_an_unknown_system() -> None:
    with pytest.raises(ConfigError, match="learned"):
        evaluate(load_muc4(FIXTURE), system="oracle")
