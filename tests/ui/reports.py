"""Hand-written reports for the UI tests: two reports of one bombing with different figures, two other incidents,
and hostile text (a script tag and attribute-breaking quotes) that the UI must show literally."""

from __future__ import annotations

from incidex.types import Document

HOSTILE = '<script>alert(1)</script> " onmouseover="x'

REPORTS = [
    Document(
        id="kabul-a",
        source="Pajhwok",
        title="Suicide bomber kills 12 at Kabul ministry gate",
        published="2024-05-11",
        url="https://example.org/kabul-a",
        text=(
            "KABUL, May 11 — A suicide bomber detonated explosives at the gate of the Ministry of Education in Kabul"
            " on Saturday, killing 12 people and wounding 25 others, the Interior Ministry said.\n"
            "Police spokesman Khalid Zadran said the attacker was on foot and was stopped by guards at the"
            " checkpoint. Islamic State Khorasan claimed responsibility for the bombing in a statement.\n"
            "Witnesses said ambulances took the wounded to the Emergency hospital."
        ),
    ),
    Document(
        id="kabul-b",
        source="Tolo News",
        title=f"Kabul blast toll rises {HOSTILE}",
        published="2024-05-12",
        text=(
            "KABUL, May 12 — The death toll from Saturday's suicide bombing at the Ministry of Education in Kabul"
            " rose to 15, hospital officials said, while 31 people were wounded.\n"
            f"A post circulating online read {HOSTILE} before it was removed.\n"
            "The Taliban-led government condemned the attack, which Islamic State Khorasan claimed."
        ),
    ),
    Document(
        id="maiduguri",
        source="Reuters",
        title="Gunmen kill 9 villagers near Maiduguri",
        published="2024-03-04",
        text=(
            "MAIDUGURI, Nigeria, March 4 — Gunmen suspected to be Boko Haram fighters attacked the village of"
            " Mafa near Maiduguri on Sunday, killing nine villagers and burning dozens of homes, a local"
            " official said.\n"
            "The army said soldiers repelled the attackers after a gun battle."
        ),
    ),
    Document(
        id="rostov",
        source="Associated Press",
        title="Russian forces storm Rostov jail after inmates seize guards",
        published="2024-06-16",
        text=(
            "Russian special forces stormed a detention center in the southern city of Rostov-on-Don on Sunday,"
            " freeing two prison guards and killing six inmates who had taken the guards hostage, state media"
            " reported.\n"
            "The Federal Penitentiary Service said the employees who were held hostage were released unharmed."
        ),
    ),
    Document(
        id="san-isidro",
        source="Clarin",
        title="Two held over San Isidro warehouse fire",
        published="2024-07-10",
        text=(
            "SAN ISIDRO, Argentina, July 8 — A fire deliberately set at a furniture warehouse in San Isidro destroyed"
            " the building early Monday, investigators said.\n"
            "A security camera recorded two men carrying jerrycans into the loading yard at about 2 a.m.\n"
            "Two men were arrested on Tuesday in the nearby town of Boulogne in connection with the fire, the"
            " province security ministry said."
        ),
    ),
]
