"""Casualty figures on hand-built Docs (no model): counts, statements of none, what did not happen."""

from __future__ import annotations

from incidex.nlp.casualties import casualty_figures

from .handmade import number, parsed


def figures(sentence: str, counts: dict[int, int]) -> list[tuple[str, int | None]]:
    doc = parsed(sentence)
    numbers = [number(doc, index, value) for index, value in counts.items()]
    return [(figure.field, figure.value) for figure, _ in casualty_figures(doc, numbers)]


def test_casualties_count_killed_villagers_as_victims() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 killed/kill/VERB/VBD/ROOT/1 six/six/NUM/CD/nummod/3 "
                "villagers/villager/NOUN/NNS/dobj/1 ././PUNCT/./punct/1")
    assert figures(sentence, {2: 6}) == [("killed.victims", 6)]


def test_casualties_read_no_one_hurt_as_zero_injured() -> None:
    sentence = ("No/no/DET/DT/det/1 one/one/PRON/NN/nsubjpass/3 was/be/AUX/VBD/auxpass/3 hurt/hurt/VERB/VBN/ROOT/3 "
                "././PUNCT/./punct/3")
    assert figures(sentence, {}) == [("injured.total", 0)]


def test_casualties_give_no_figure_for_a_threatened_killing() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 threatened/threaten/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                "kill/kill/VERB/VB/xcomp/1 10/10/NUM/CD/nummod/5 hostages/hostage/NOUN/NNS/dobj/3 ././PUNCT/./punct/1")
    assert figures(sentence, {4: 10}) == []


def test_casualties_read_a_count_the_parse_lost_by_the_words_after_it() -> None:
    # "12 suspected rebels were killed", the count parsed as a modifier of "suspected"
    sentence = ("12/12/NUM/CD/npadvmod/1 suspected/suspect/VERB/VBN/ROOT/1 rebels/rebel/NOUN/NNS/nsubjpass/4 "
                "were/be/AUX/VBD/auxpass/4 killed/kill/VERB/VBN/ccomp/1 ././PUNCT/./punct/1")
    assert figures(sentence, {0: 12}) == [("killed.total", 12)]


def test_casualties_read_a_headline_count_followed_by_dead() -> None:
    # "Five dead due to land fighting", the count parsed as a modifier of "fighting"
    sentence = ("Five/five/NUM/CD/nummod/5 dead/dead/ADJ/JJ/amod/0 due/due/ADP/IN/amod/0 to/to/ADP/IN/pcomp/2 "
                "land/land/NOUN/NN/compound/5 fighting/fighting/NOUN/NN/ROOT/5 ././PUNCT/./punct/5")
    doc = parsed(sentence)
    assert [(f.field, f.value, f.text) for f, _ in casualty_figures(doc, [number(doc, 0, 5)])] == [
        ("killed.total", 5, "Five")]


def test_casualties_read_no_outcome_after_a_count_that_does_not_open_its_clause() -> None:
    # "took 100 cattle and killed a herder", "killed" tagged a participle: the count is the verb's object
    sentence = ("Raiders/raider/NOUN/NNS/nsubj/1 took/take/VERB/VBD/ROOT/1 100/100/NUM/CD/nummod/3 "
                "cattle/cattle/NOUN/NNS/dobj/1 and/and/CCONJ/CC/cc/1 killed/kill/VERB/VBN/conj/1 a/a/DET/DT/det/7 "
                "herder/herder/NOUN/NN/dobj/5 ././PUNCT/./punct/1")
    assert figures(sentence, {2: 100}) == [("killed.total", 1)]  # the herder, not the cattle


def test_casualties_read_no_outcome_after_a_count_of_either_killed_or_wounded() -> None:
    sentence = ("Two/two/NUM/CD/nummod/1 people/people/NOUN/NNS/ROOT/1 were/be/AUX/VBD/auxpass/1 "
                "killed/kill/VERB/VBN/dep/1 or/or/CCONJ/CC/cc/3 wounded/wound/VERB/VBN/conj/3 ././PUNCT/./punct/1")
    assert figures(sentence, {0: 2}) == []


def test_casualties_count_people_abducted_and_killed_as_dead() -> None:
    sentence = ("Four/four/NUM/CD/nummod/1 guards/guard/NOUN/NNS/nsubjpass/3 were/be/AUX/VBD/auxpass/3 "
                "abducted/abduct/VERB/VBN/ROOT/3 and/and/CCONJ/CC/cc/3 killed/kill/VERB/VBN/conj/3 ././PUNCT/./punct/3")
    assert figures(sentence, {0: 4}) == [("killed.victims", 4)]


def test_casualties_read_dead_after_the_people_a_fight_leaves() -> None:
    # "Clashes leave nine villagers dead total", "dead" parsed as a modifier of "total"
    sentence = ("Clashes/clash/NOUN/NNS/nsubj/1 leave/leave/VERB/VBP/ROOT/1 nine/nine/NUM/CD/nummod/3 "
                "villagers/villager/NOUN/NNS/dobj/1 dead/dead/ADJ/JJ/amod/5 total/total/NOUN/NN/oprd/1 "
                "././PUNCT/./punct/1")
    assert [value for _, value in figures(sentence, {2: 9})] == [9]


def test_casualties_read_the_outcome_joined_to_a_headline_participle() -> None:
    sentence = ("1/1/NUM/CD/nummod/1 teacher/teacher/NOUN/NN/nsubj/2 pulled/pull/VERB/VBD/ROOT/2 "
                "from/from/ADP/IN/prep/2 his/his/PRON/PRP$/poss/5 shop/shop/NOUN/NN/pobj/3 and/and/CCONJ/CC/cc/2 "
                "killed/kill/VERB/VBN/conj/2 ././PUNCT/./punct/2")
    assert figures(sentence, {0: 1}) == [("killed.victims", 1)]


def test_casualties_count_one_person_a_headline_says_was_killed() -> None:
    sentence = ("Ward/ward/NOUN/NN/compound/1 delegate/delegate/NOUN/NN/nsubj/2 "
                "killed/kill/VERB/VBD/ROOT/2 outside/outside/ADP/IN/prep/2 his/his/PRON/PRP$/poss/5 "
                "shop/shop/NOUN/NN/pobj/3")
    assert [value for _, value in figures(sentence, {})] == [1]


def test_casualties_count_no_one_a_headline_says_fighting_killed() -> None:
    sentence = ("Fighting/fighting/NOUN/NN/nsubj/1 killed/kill/VERB/VBD/ROOT/1 in/in/ADP/IN/prep/1 "
                "town/town/NOUN/NN/pobj/2")
    assert figures(sentence, {}) == []


def test_casualties_read_a_count_over_a_split_the_parse_made_at_a_bracket() -> None:
    # "Three ALF (East) [Arakan] fighters were killed", split into two sentences before "["
    doc = parsed("Three/three/NUM/CD/nummod/1 ALF/ALF/PROPN/NNP/ROOT/1 (/(/PUNCT/-LRB-/punct/1 "
                 "East/East/PROPN/NNP/appos/1 )/)/PUNCT/-RRB-/punct/1",
                 "[/[/PUNCT/-LRB-/punct/3 Arakan/Arakan/PROPN/NNP/compound/3 ]/]/PUNCT/-RRB-/punct/1 "
                 "fighters/fighter/NOUN/NNS/nsubjpass/5 were/be/AUX/VBD/auxpass/5 killed/kill/VERB/VBN/ROOT/5 "
                 "././PUNCT/./punct/5")
    assert [(f.field, f.value, token.text) for f, token in casualty_figures(doc, [number(doc, 0, 3)])] == [
        ("killed.total", 3, "killed")]


def test_casualties_read_shot_dead_after_the_time_between_a_count_and_it() -> None:
    # "Three guards were Monday evening shot dead", "shot" read as a noun
    sentence = ("Three/three/NUM/CD/nummod/1 guards/guard/NOUN/NNS/nsubj/2 were/be/AUX/VBD/ROOT/2 "
                "Monday/Monday/PROPN/NNP/compound/4/DATE evening/evening/NOUN/NN/compound/5/TIME "
                "shot/shot/NOUN/NN/attr/2 dead/dead/ADJ/JJ/amod/5 ././PUNCT/./punct/2")
    assert [value for _, value in figures(sentence, {0: 3})] == [3]


def test_casualties_join_counted_subjects_the_parse_split_at_and() -> None:
    # "3 guards and 2 raiders were killed": two subjects of one verb, "and" hung on the first
    sentence = ("3/3/NUM/CD/nummod/1 guards/guard/NOUN/NNS/nsubjpass/6 and/and/CCONJ/CC/cc/1 "
                "2/2/NUM/CD/nummod/4 raiders/raider/NOUN/NNS/nsubjpass/6 were/be/AUX/VBD/auxpass/6 "
                "killed/kill/VERB/VBN/ROOT/6 ././PUNCT/./punct/6")
    doc = parsed(sentence)
    parts = [f.part_of for f, _ in casualty_figures(doc, [number(doc, 0, 3), number(doc, 3, 2)])]
    assert parts == [1, 1]


def test_casualties_count_no_doers_who_shot_someone_dead() -> None:
    # "Three militants shot dead a driver", "shot" read as a noun: the three are the doers
    sentence = ("Three/three/NUM/CD/nummod/1 militants/militant/NOUN/NNS/nsubj/2 shot/shot/NOUN/NN/ROOT/2 "
                "dead/dead/ADJ/JJ/amod/5 a/a/DET/DT/det/5 driver/driver/NOUN/NN/appos/2")
    assert ("killed.total", 3) not in figures(sentence, {0: 3})


def test_a_count_with_its_own_outcome_word_is_not_counted_with_the_next_count() -> None:
    # "23 dead, 12 wounded" parsed with the first count hung on the second
    sentence = ("23/23/NUM/CD/nummod/3 dead/dead/ADJ/JJ/amod/0 ,/,/PUNCT/,/punct/3 12/12/NUM/CD/ROOT/3 "
                "wounded/wound/VERB/VBN/acl/3 ././PUNCT/./punct/3")
    assert figures(sentence, {0: 23, 3: 12}) == [("killed.total", 23), ("injured.total", 12)]


def test_a_count_before_a_nationality_counts_the_people_after_it() -> None:
    # "Seven Kenyan fishermen have been killed", the count parsed as a compound of the nationality
    sentence = ("Seven/seven/NUM/CD/compound/1 Kenyan/Kenyan/PROPN/NNP/amod/2 fishermen/fisherman/NOUN/NNS/nsubjpass/5 "
                "have/have/AUX/VBP/aux/5 been/be/AUX/VBN/auxpass/5 killed/kill/VERB/VBN/ROOT/5 ././PUNCT/./punct/5")
    assert figures(sentence, {0: 7}) == [("killed.victims", 7)]


def test_an_object_of_killing_with_a_name_beside_it_is_one_dead() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 killed/kill/VERB/VBD/ROOT/1 county/county/NOUN/NN/compound/3 "
                "executive/executive/NOUN/NN/dobj/1 ,/,/PUNCT/,/punct/3 Jane/Jane/PROPN/NNP/compound/6/PERSON "
                "Doe/Doe/PROPN/NNP/appos/3/PERSON ././PUNCT/./punct/1")
    assert figures(sentence, {}) == [("killed.total", 1)]


def test_a_name_tagged_an_interjection_is_one_person() -> None:
    sentence = ("Rahim/Rahim/INTJ/UH/nsubjpass/2/PERSON was/be/AUX/VBD/auxpass/2 killed/kill/VERB/VBN/ROOT/2 "
                "././PUNCT/./punct/2")
    assert figures(sentence, {}) == [("killed.total", 1)]


def test_animals_killed_are_no_casualties() -> None:
    sentence = ("They/they/PRON/PRP/nsubj/2 also/also/ADV/RB/advmod/2 killed/kill/VERB/VBD/ROOT/2 "
                "two/two/NUM/CD/nummod/4 goats/goat/NOUN/NNS/dobj/2 ././PUNCT/./punct/2")
    assert figures(sentence, {3: 2}) == []


def test_vehicles_shot_at_are_no_casualties() -> None:
    # "Bandits on two motorcycles shot at a checkpoint.": the parse makes the motorcycles what was shot
    sentence = ("Bandits/bandit/NOUN/NNS/ROOT/0 on/on/ADP/IN/prep/0 two/two/NUM/CD/nummod/3 "
                "motorcycles/motorcycle/NOUN/NNS/pobj/1 shot/shoot/VERB/VBN/acl/3 at/at/ADP/IN/prep/4 "
                "a/a/DET/DT/det/7 checkpoint/checkpoint/NOUN/NN/pobj/5 ././PUNCT/./punct/0")
    assert figures(sentence, {2: 2}) == []


def test_a_count_the_parse_hung_on_animals_further_on_keeps_its_outcome() -> None:
    # "4 killed during a raid/ some 90 animals stolen": the first count parsed as a count of the animals
    sentence = ("4/4/NUM/CD/nummod/6 killed/kill/VERB/VBN/acl/0 during/during/ADP/IN/prep/1 raid/raid/NOUN/NN/pobj/2 "
                "some/some/ADV/RB/quantmod/5 90/90/NUM/CD/nummod/6 animals/animal/NOUN/NNS/ROOT/6 "
                "stolen/steal/VERB/VBN/acl/6 ././PUNCT/./punct/6")
    assert figures(sentence, {0: 4, 5: 90}) == [("killed.total", 4)]


def test_throats_slit_count_the_dead() -> None:
    throats = ("Raiders/raider/NOUN/NNS/nsubj/1 slit/slit/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
               "throats/throat/NOUN/NNS/dobj/1 of/of/ADP/IN/prep/3 two/two/NUM/CD/nummod/6 "
               "traders/trader/NOUN/NNS/pobj/4 ././PUNCT/./punct/1")
    assert figures(throats, {5: 2}) == [("killed.total", 2)]
    assert figures(throats.replace("slit/slit", "washed/wash"), {5: 2}) == []


def test_the_killing_of_people_told_as_what_led_to_the_story_is_no_toll() -> None:
    killing = ("They/they/PRON/PRP/nsubj/1 marched/march/VERB/VBD/ROOT/1 after/after/ADP/IN/prep/1 the/the/DET/DT/det/4 "
               "killing/killing/NOUN/NN/pobj/2 of/of/ADP/IN/prep/4 3/3/NUM/CD/nummod/7 herders/herder/NOUN/NNS/pobj/5 "
               "././PUNCT/./punct/1")
    assert figures(killing, {6: 3}) == []


def test_people_reported_to_have_died_are_dead() -> None:
    sentence = ("Two/two/NUM/CD/nummod/1 people/people/NOUN/NNS/nsubjpass/3 are/be/AUX/VBP/auxpass/3 "
                "reported/report/VERB/VBN/ROOT/3 to/to/PART/TO/aux/6 have/have/AUX/VB/aux/6 died/die/VERB/VBN/xcomp/3 "
                "././PUNCT/./punct/3")
    assert figures(sentence, {0: 2}) == [("killed.victims", 2)]
