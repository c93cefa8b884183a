"""Datelines in MUC and modern wire styles: place, country, date, outlet, header tags and who speaks."""

from __future__ import annotations

import pytest

from incidex.nlp.datelines import read_dateline

MUC = ("   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,\nCOPREFA] [TEXT] THE ARCE BATTALION "
       "COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS WERE KIDNAPPED.")


def spans(text: str, dateline) -> dict[str, str | None]:
    def cut(span):
        return None if span is None else text[span[0] : span[1]]

    return {"place": cut(dateline.place), "country": cut(dateline.country), "date": cut(dateline.date),
            "outlet": cut(dateline.outlet), "speaker": cut(dateline.speaker), "body": text[dateline.end :][:12]}


def test_muc_dateline_with_header_tags():
    dateline = read_dateline(MUC)
    assert spans(MUC, dateline) == {"place": "SAN SALVADOR", "country": None, "date": "3 JAN 90", "outlet": None,
                                    "speaker": "ARMED FORCES PRESS COMMITTEE,\nCOPREFA", "body": "THE ARCE BAT"}
    assert dateline.date_value == "1990-01-03"  # the report's date: a two-digit year from 50 on is 19YY
    assert [MUC[s:e] for s, e in dateline.tags] == ["REPORT", "ARMED FORCES PRESS COMMITTEE,\nCOPREFA", "TEXT"]
    assert dateline.in_tags(MUC.index("COPREFA"), MUC.index("COPREFA") + 7)
    assert not dateline.in_tags(MUC.index("ARCE"), MUC.index("ARCE") + 4)


@pytest.mark.parametrize(("text", "expected", "value"), [
    ("MANAGUA (NICARAGUA), 10 DEC 89 (DOMESTIC SERVICE) -- [STATEMENT] [NICARAGUAN FOREIGN MINISTER MIGUEL "
     "D'ESCOTO] [TEXT] I CAME BECAUSE",
     {"place": "MANAGUA", "country": "NICARAGUA", "date": "10 DEC 89", "outlet": "DOMESTIC SERVICE",
      "speaker": "NICARAGUAN FOREIGN MINISTER MIGUEL D'ESCOTO", "body": "I CAME BECAU"}, "1989-12-10"),
    ("CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [COMMUNIQUE] [FARABUNDO MARTI NATIONAL LIBERATION FRONT] "
     "[TEXT] WE INFORM",
     {"place": None, "country": None, "date": "NO DATE", "outlet": "RADIO VENCEREMOS",
      "speaker": "FARABUNDO MARTI NATIONAL LIBERATION FRONT", "body": "WE INFORM"}, None),
    ("SAN SALVADOR, 12 NOV 89 (DOMESTIC SERVICE) -- [STATEMENT BY\nSALVADORAN DEFENSE MINISTER GENERAL RAFAEL "
     "LARIOS]\n[TEXT] BRAVE SALVADORAN PEOPLE",
     {"place": "SAN SALVADOR", "country": None, "date": "12 NOV 89", "outlet": "DOMESTIC SERVICE",
      "speaker": "SALVADORAN DEFENSE MINISTER GENERAL RAFAEL LARIOS", "body": "BRAVE SALVAD"}, "1989-11-12"),
    ("KABUL, Afghanistan (AP) \u2014 Gunmen stormed a wedding hall on Sunday.",
     {"place": "KABUL", "country": "Afghanistan", "date": None, "outlet": "AP", "speaker": None,
      "body": "Gunmen storm"}, None),
    ("BEIRUT (Reuters) - Israeli strikes hit a village in south Lebanon.",
     {"place": "BEIRUT", "country": None, "date": None, "outlet": "Reuters", "speaker": None,
      "body": "Israeli stri"}, None),
    ("NAIROBI, Kenya, June 5, 2024 (Xinhua) -- Ten people were killed.",
     {"place": "NAIROBI", "country": "Kenya", "date": "June 5, 2024", "outlet": "Xinhua", "speaker": None,
      "body": "Ten people w"}, "2024-06-05"),
    ("Gunmen storm Mogadishu hotel\n\nMOGADISHU, June 5 (Reuters) - Gunmen stormed a hotel.",
     {"place": "MOGADISHU", "country": None, "date": "June 5", "outlet": "Reuters", "speaker": None,
      "body": "Gunmen storm"}, None),  # no year and no publication date: no value is invented
    ("NEW DELHI: Police arrested three men on Monday.",
     {"place": "NEW DELHI", "country": None, "date": None, "outlet": None, "speaker": None, "body": "Police arres"},
     None),
])
def test_dateline_styles(text, expected, value):
    dateline = read_dateline(text)
    assert dateline is not None
    assert spans(text, dateline) == expected
    assert dateline.date_value == value


def test_a_date_without_year_is_placed_by_the_publication_date():
    text = "MOGADISHU, Dec. 30 (Reuters) - Gunmen stormed a hotel."
    assert read_dateline(text, "2024-01-02").date_value == "2023-12-30"
    assert read_dateline(text).date_value is None


@pytest.mark.parametrize("text", [
    "THE ARMY SAID - NOTHING HAPPENED IN THE NIGHT.",  # a sentence in capitals, not a place
    "Gunmen stormed a hotel in Mogadishu on Sunday - police said.",
    "US troops said - on Monday - that they left.",
    "",
])
def test_no_dateline(text):
    assert read_dateline(text) is None
