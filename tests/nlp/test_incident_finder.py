"""Incident detection on hand-built Docs (no model): triggers, generic mentions, the trigger lexicon in config."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.errors import ConfigError
from incidex.nlp.incidents import IncidentFinder

from .handmade import NLP, parsed


def frames(sentence: str, **config: str) -> list[tuple[str, str, list[str]]]:
    doc = IncidentFinder(NLP, **config)(parsed(sentence))
    return [(f.id, f.role, [t.text for t in f.triggers]) for f in doc._.incidex_incidents]


def test_incidents_finds_one_main_frame_for_gunmen_who_killed() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 killed/kill/VERB/VBD/ROOT/1 two/two/NUM/CD/nummod/3 "
                "guards/guard/NOUN/NNS/dobj/1 ././PUNCT/./punct/1")
    assert frames(sentence) == [("i1", "main", ["Gunmen", "killed"])]


def test_incidents_ignores_attacks_that_are_only_prevented() -> None:
    sentence = ("Police/police/NOUN/NNS/nsubj/1 work/work/VERB/VBP/ROOT/1 to/to/PART/TO/aux/3 "
                "prevent/prevent/VERB/VB/xcomp/1 attacks/attack/NOUN/NNS/dobj/3 ././PUNCT/./punct/1")
    assert frames(sentence) == []


def test_incidents_reads_the_trigger_lexicon_its_config_names(tmp_path: Path) -> None:
    sentence = ("A/a/DET/DT/det/1 pickpocket/pickpocket/NOUN/NN/nsubj/2 struck/strike/VERB/VBD/ROOT/2 "
                "././PUNCT/./punct/2")
    lexicon = tmp_path / "triggers.tsv"
    lexicon.write_text("# incidex lexicon triggers, version 1\nrobbery\tstrong\tpickpocket\n", encoding="utf-8")
    assert frames(sentence) == []
    assert frames(sentence, triggers=str(lexicon)) == [("i1", "main", ["pickpocket"])]


def test_incidents_refuses_a_trigger_lexicon_with_an_unknown_type(tmp_path: Path) -> None:
    lexicon = tmp_path / "triggers.tsv"
    lexicon.write_text("# incidex lexicon triggers, version 1\npickpocketing\tstrong\tpickpocket\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="one of our incident types"):
        IncidentFinder(NLP, triggers=str(lexicon))


def test_incidents_takes_a_killing_with_people_as_object_whose_subject_the_parser_lost() -> None:
    sentence = ("Presumed/presume/VERB/VBN/ROOT/0 rebels/rebel/NOUN/NNS/dobj/0 killed/kill/VERB/VBN/acl/1 "
                "two/two/NUM/CD/nummod/4 herders/herder/NOUN/NNS/dobj/2 ././PUNCT/./punct/0")
    assert frames(sentence) == [("i1", "main", ["killed"])]


def test_incidents_finds_the_doer_the_parser_hung_on_a_participle_after_by() -> None:
    sentence = ("Two/two/NUM/CD/nummod/1 herders/herder/NOUN/NNS/ROOT/1 killed/kill/VERB/VBN/acl/1 "
                "by/by/ADP/IN/agent/2 marauding/maraud/VERB/VBG/pcomp/3 raiders/raider/NOUN/NNS/dobj/4")
    assert frames(sentence) == [("i1", "main", ["killed"])]


def test_incidents_reads_a_headline_battle_between_people_parsed_as_nouns() -> None:
    headline = ("Rangers/ranger/NOUN/NNS/compound/1 battle/battle/NOUN/NN/compound/2 "
                "poachers/poacher/NOUN/NNS/ROOT/2")
    assert frames(headline) == [("i1", "main", ["battle"])]
    assert frames("Budget/budget/NOUN/NN/compound/1 battle/battle/NOUN/NN/compound/2 "
                  "looms/loom/NOUN/NNS/ROOT/2") == []


def test_incidents_find_one_person_shot_dead_without_a_doer() -> None:
    sentence = ("A/a/DET/DT/det/1 physician/physician/NOUN/NN/nsubjpass/3 was/be/AUX/VBD/auxpass/3 "
                "shot/shoot/VERB/VBN/ROOT/3 dead/dead/ADJ/JJ/oprd/3 ././PUNCT/./punct/3")
    assert [role for _, role, _ in frames(sentence)] == ["main"]


def test_incidents_find_no_incident_in_a_film_shot_in_town() -> None:
    sentence = ("The/the/DET/DT/det/1 film/film/NOUN/NN/nsubjpass/3 was/be/AUX/VBD/auxpass/3 "
                "shot/shoot/VERB/VBN/ROOT/3 in/in/ADP/IN/prep/3 town/town/NOUN/NN/pobj/4 ././PUNCT/./punct/3")
    assert frames(sentence) == []


def test_a_headline_whose_doer_is_an_acronym_the_tagger_took_for_an_adjective_harms_people() -> None:
    sentence = ("ABF/ABF/ADJ/JJ/nsubj/1 attacks/attack/NOUN/NNS/ROOT/1 civilians/civilian/NOUN/NNS/dobj/1 "
                "././PUNCT/./punct/1")
    assert frames(sentence) == [("i1", "main", ["attacks"])]


def test_incidents_read_a_headline_passive_without_was_as_people_attacked() -> None:
    subject = "Bus/bus/NOUN/NN/compound/1 conductor/conductor/NOUN/NN/nsubj/2 attacked/attack/VERB/VBD/ROOT/2"
    participle = ("Elderly/elderly/ADJ/JJ/amod/1 trader/trader/NOUN/NN/ROOT/1 attacked/attack/VERB/VBN/acl/1 "
                  "at/at/ADP/IN/prep/2 home/home/NOUN/NN/pobj/3")
    assert frames(subject) == [("i1", "main", ["attacked"])]
    assert frames(participle) == [("i1", "main", ["attacked"])]


def test_incidents_take_people_attacked_by_no_one_named_but_not_a_public_figure() -> None:
    farmers = ("Three/three/NUM/CD/nummod/1 farmers/farmer/NOUN/NNS/nsubjpass/3 were/be/AUX/VBD/auxpass/3 "
               "attacked/attack/VERB/VBN/ROOT/3 ././PUNCT/./punct/3")
    minister = ("The/the/DET/DT/det/1 minister/minister/NOUN/NN/nsubjpass/3 was/be/AUX/VBD/auxpass/3 "
                "attacked/attack/VERB/VBN/ROOT/3 ././PUNCT/./punct/3")
    verbally = ("A/a/DET/DT/det/1 farmer/farmer/NOUN/NN/nsubjpass/4 was/be/AUX/VBD/auxpass/4 "
                "verbally/verbally/ADV/RB/advmod/4 assaulted/assault/VERB/VBN/ROOT/4 by/by/ADP/IN/prep/4 "
                "two/two/NUM/CD/nummod/7 guards/guard/NOUN/NNS/pobj/5 ././PUNCT/./punct/4")
    assert frames(farmers) == [("i1", "main", ["attacked"])]
    assert frames(minister) == []
    assert frames(verbally) == []


MISREAD = {
    # a participle's "by" that the parser took for a plain preposition
    "by as a preposition": ("Two/two/NUM/CD/nummod/1 guards/guard/NOUN/NNS/nsubjpass/3 were/be/AUX/VBD/auxpass/3 "
                            "wounded/wound/VERB/VBN/ROOT/3 by/by/ADP/IN/prep/3 bandits/bandit/NOUN/NNS/pobj/4 "
                            "././PUNCT/./punct/3", "wounded"),
    # "shot and wounded" with "shot" read as a noun after a doer with a weapon
    "shot as a noun": ("A/a/DET/DT/det/1 herder/herder/NOUN/NN/ROOT/1 with/with/ADP/IN/prep/1 a/a/DET/DT/det/5 "
                       "rifle/rifle/NOUN/NN/compound/5 shot/shot/NOUN/NN/pobj/2 and/and/CCONJ/CC/cc/5 "
                       "wounded/wound/VERB/VBD/conj/5 a/a/DET/DT/det/9 farmer/farmer/NOUN/NN/dobj/7 "
                       "././PUNCT/./punct/1", "shot and wounded"),
    # "shoots and kills" with "shoots" read as a noun of "shoot": the killing is the trigger
    "shoots as a noun": ("Border/border/NOUN/NN/compound/1 guard/guard/NOUN/NN/compound/2 "
                         "shoots/shoot/NOUN/NNS/ROOT/2 and/and/CCONJ/CC/cc/2 kills/kill/VERB/VBZ/conj/2 "
                         "a/a/DET/DT/det/6 student/student/NOUN/NN/dobj/4", "kills"),
    # a side the recognizer does not know, joined to an armed one
    "unknown side joined": ("The/the/DET/DT/det/1 XLF/XLF/PROPN/NNP/nsubj/5 and/and/CCONJ/CC/cc/1 "
                            "army/army/NOUN/NN/compound/4 troops/troop/NOUN/NNS/conj/1 "
                            "continued/continue/VERB/VBD/ROOT/5 fighting/fight/VERB/VBG/xcomp/5 ././PUNCT/./punct/5",
                            "fighting"),
    # "engaged bandits in a battle" with "in" hung on the object
    "in on the object": ("Soldiers/soldier/NOUN/NNS/nsubj/1 engaged/engage/VERB/VBD/ROOT/1 "
                         "bandits/bandit/NOUN/NNS/dobj/1 in/in/ADP/IN/prep/2 a/a/DET/DT/det/6 long/long/ADJ/JJ/amod/6 "
                         "battle/battle/NOUN/NN/pobj/3 ././PUNCT/./punct/1", "battle"),
}


@pytest.mark.parametrize("sentence, trigger", MISREAD.values(), ids=MISREAD.keys())
def test_incidents_find_an_incident_the_parser_misread(sentence: str, trigger: str) -> None:
    assert frames(sentence) == [("i1", "main", [trigger])]


def test_a_headline_whose_doer_is_a_listed_people_the_tagger_misread_harms_people() -> None:
    adjective = ("Luos/Luos/ADJ/JJ/amod/1 attack/attack/NOUN/NN/compound/2 "
                 "villagers/villager/NOUN/NNS/ROOT/2")
    adverb = ("Borana/Borana/ADV/RB/nsubj/1 attack/attack/VERB/VB/ROOT/1 "
              "villagers/villager/NOUN/NNS/dobj/1")
    assert frames(adjective) == [("i1", "main", ["attack"])]
    assert frames(adverb) == [("i1", "main", ["attack"])]


def test_a_headline_raid_harms_people_when_a_listed_people_does_it() -> None:
    people = ("Pokot/Pokot/NOUN/NN/nsubj/1 raid/raid/NOUN/NN/ROOT/1 a/a/DET/DT/det/3 "
              "village/village/NOUN/NN/dobj/1")
    officers = ("Inspectors/inspector/NOUN/NNS/nsubj/1 raid/raid/NOUN/NN/ROOT/1 a/a/DET/DT/det/3 "
                "village/village/NOUN/NN/dobj/1")
    assert frames(people) == [("i1", "main", ["raid"])]
    assert frames(officers) == []
