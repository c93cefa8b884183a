"""Casing of text that shouts: the case of letters changes, nothing else, so offsets still point into the input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incidex.nlp.casing import shouting, shouting_spans, truecase, word_table

WIRE = ("   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,\nCOPREFA] [TEXT] THE ARCE BATTALION "
        "COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS WERE KIDNAPPED BY GUERRILLAS OF THE FARABUNDO MARTI NATIONAL "
        "LIBERATION FRONT [FMLN] IN THE TOWN OF APOPA.  PRESIDENT ALFREDO CRISTIANI SAID THE SHINING PATH IS NOT "
        "ACTIVE IN EL SALVADOR.")


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def test_shouting_texts_and_lines():
    assert shouting(WIRE)
    assert not shouting("Gunmen attacked a police post in Mandera on Sunday.")
    assert not shouting("UN")  # too short to say
    headline = "GUNMEN STORM HOTEL IN MOGADISHU, KILL TWELVE\n\nMOGADISHU, June 5 (Reuters) - Gunmen stormed a hotel."
    assert shouting_spans(headline) == [(0, headline.index("\n"))]


def test_wire_text_is_recased_letter_for_letter():
    cased = truecase(WIRE)
    assert len(cased) == len(WIRE)
    assert all(a == b or a.lower() == b.lower() for a, b in zip(WIRE, cased, strict=True))
    for expected in ("San Salvador", "3 Jan 90", "Farabundo Marti National Liberation Front", "[FMLN]",
                     "The Arce", "has reported that about 50 peasants were kidnapped by guerrillas",
                     "Apopa", "President Alfredo Cristiani said the Shining Path is not active in El Salvador",
                     "[TEXT]"):
        assert expected in cased, (expected, cased)


def test_text_that_does_not_shout_is_unchanged():
    text = "NAIROBI, Kenya — Militants attacked a police post in Mandera county early Sunday, killing two."
    assert truecase(text) is text


def test_words_already_in_mixed_case_keep_their_letters():
    text = "THE McDONALD'S OUTLET IN KABUL WAS HIT, POLICE SAID. CALL iPHONE HOTLINE."
    cased = truecase(text)
    assert "McDONALD'S" in cased and "iPHONE" in cased
    assert cased.startswith("The ") and "Kabul" in cased and "police said" in cased


def test_sentence_starts_possessives_and_initials():
    cased = truecase("SOLDIERS KILLED A REBEL. THE ARMY'S SPOKESMAN LUIS A. GARCIA SAID SO. \"WE WON,\" HE SAID.")
    assert cased.startswith("Soldiers killed a rebel. The army's spokesman")
    assert "A. Garcia" in cased and '"We won," he said.' in cased


def test_word_table_keeps_the_three_spellings_in_quarter_units():
    table = word_table({"army": -10.0, "Army": -11.5, "ARMY": -15.0, "Kabul": -12.0, "iPhone": -9.0, "x1": -3.0})
    assert len(table) == 2  # "iPhone" is mixed case, "x1" not a word
    rows = {int(row["key"]): (int(row["lower"]), int(row["title"]), int(row["upper"])) for row in table}
    from spacy.strings import hash_string

    assert rows[hash_string("army")] == (-40, -46, -60)
    assert rows[hash_string("kabul")] == (-128, -48, -128)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ ,.-'[]()\n0123456789ÉÑßİ")), max_size=300))
def test_recasing_never_moves_a_character(text):
    cased = truecase(text)
    assert len(cased) == len(text)
    assert all(a == b or a.lower() == b.lower() or a.upper() == b.upper() for a, b in zip(text, cased, strict=True))


@pytest.mark.parametrize(("text", "expected"), [
    ("REBELS OF THE SHINING PATH ATTACKED A POST NEAR AYACUCHO", "Shining Path"),
    ("FIGHTERS OF AL-SHABAAB ATTACKED A BASE IN SOMALIA ON SUNDAY", "of al-Shabaab attacked"),
    ("TROOPS KILLED THREE MEMBERS OF THE ELN IN ARAUCA, THE ARMY SAID", "ELN"),
    ("THE BLAST HIT A MARKET IN LA PAZ ON SUNDAY, POLICE SAID", "La Paz"),
    ("SALVADORAN SOLDIERS CLASHED WITH REBELS ON SUNDAY", "Salvadoran"),
    ("FIGHTING RAGED ON 3 MAY 90 IN THE NORTHERN PROVINCES", "3 May 90"),
])
def test_names_the_project_knows(text, expected):
    assert expected in truecase(text)


def test_common_words_stay_lowercase():
    cased = truecase("THE ATTACK ON THE VILLAGE LEFT FIVE PEOPLE DEAD AND THE HOUSES BURNED, THE MAYOR SAID")
    assert words(cased)[1:] == [w.lower() for w in words(cased)[1:]]
