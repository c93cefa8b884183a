"""The MUC-4 error breakdown on hand-made documents."""

from __future__ import annotations

from incidex.eval.muc4 import MucDocument, Template
from incidex.eval.muc4_errors import error_breakdown

GOLD = Template(
    "attack",
    PerpInd=(("urban guerrillas", "guerrillas"),),
    PerpOrg=(("fmln",),),
    Victim=(("antonio roldan betancur",),),
)
DOCUMENTS = [
    MucDocument("d1", "urban guerrillas of the fmln killed antonio roldan betancur.", (GOLD,)),
    MucDocument("d2", "the army denied it.", ()),
    MucDocument("d3", "a bomb exploded.", (Template("bombing", Weapon=(("bomb",),)),)),
]


def test_breakdown_sorts_fillers_into_found_wrong_role_boundary_spurious_and_missed() -> None:
    predicted = Template(
        "attack",
        PerpInd=(("The guerrillas",), ("fmln",)),
        Victim=(("antonio roldan",), ("army",)),
    )
    breakdown = error_breakdown({"d1": [predicted]}, DOCUMENTS)
    perp_ind, victim, perp_org = (breakdown.roles[r] for r in ("PerpInd", "Victim", "PerpOrg"))
    assert (perp_ind.found, perp_ind.wrong_role, perp_ind.missed) == (1, 1, 0)
    assert (victim.boundary, victim.spurious, victim.missed) == (1, 1, 1)
    assert perp_org.missed == 1


def test_breakdown_counts_what_relevance_errors_cost() -> None:
    spurious = Template("attack", PerpOrg=(("army",),))
    breakdown = error_breakdown({"d1": [GOLD], "d2": [spurious]}, DOCUMENTS)
    assert breakdown.relevance == {(True, True): 1, (True, False): 1, (False, True): 1, (False, False): 0}
    assert breakdown.spurious_document_items == 2  # incident_type and one entity
    assert breakdown.missed_document_items == 2  # incident_type and the weapon
    assert (breakdown.predicted_templates, breakdown.gold_templates) == (2, 2)
    assert "spurious 1" in breakdown.table()
