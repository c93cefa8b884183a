"""Casualty figures split by party, hostages and arrests, and zero statements (real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def main_incident(report):
    mains = [i for i in report.incidents if i.role == "main"]
    assert mains, "no main incident found"
    return mains[0]


def killed_total(report):
    """The killed total of the report's first main incident."""
    return main_incident(report).casualties.killed.total


def test_a_range_after_between_is_counted_with_its_bounds(extract) -> None:
    text = "Gunmen attacked a bus station in Kaduna on Monday, killing between 11 and 20 people, police said."
    incident = main_incident(extract(text, published="2024-06-19"))
    assert incident.casualties.killed.victims == 11  # the lower bound, as for "11 to 20"
    ranged = [f for f in incident.figures if f.field.startswith("killed")]
    assert [(f.text, f.value, f.low, f.high) for f in ranged] == [("between 11 and 20 people", None, 11, 20)]


def test_killed_split_between_attackers_and_victims(extract) -> None:
    text = ("Three gunmen attacked a hotel in Mogadishu on Sunday, killing 12 civilians before all three attackers "
            "were shot dead by police.")
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.killed.victims == 12
    assert cas.killed.perpetrators == 3
    assert cas.killed.total == 15


def test_injured_and_vague_amounts(extract) -> None:
    text = "A bomb exploded at a market in Kabul on Monday, killing seven people and wounding dozens, police said."
    incident = main_incident(extract(text, published="2024-06-18"))
    assert incident.casualties.killed.total == 7
    vague = [f for f in incident.figures if f.field.startswith("injured")]
    assert vague and vague[0].value is None and vague[0].low == 24 and vague[0].high == 99


def test_hostages_taken_and_released(extract) -> None:
    text = ("Armed men took 15 passengers hostage on a bus near Tripoli on Friday. Security forces freed ten of the "
            "hostages on Saturday, officials said.")
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.hostages_taken == 15
    assert cas.hostages_released == 10


def test_unknown_casualties_are_null_not_zero(extract) -> None:
    text = "Gunmen attacked a police post in Mandera on Tuesday, officials said."
    cas = main_incident(extract(text, published="2024-06-19")).casualties
    assert cas.killed.total is None and cas.injured.total is None and cas.arrested is None


def test_no_one_was_hurt_gives_zero(extract) -> None:
    text = "A bomb exploded outside a bank in Athens early on Sunday, but no one was hurt, police said."
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.injured.total == 0


def test_disagreeing_sources_keep_every_figure_and_reconcile_by_rule(extract) -> None:
    text = ("Militants attacked a military base in Borno on Sunday. A spokesman for the governor said 12 soldiers "
            "were killed. The Islamic State West Africa Province claimed in a statement that its fighters killed "
            "190 soldiers.")
    incident = main_incident(extract(text, published="2024-06-17"))
    values = sorted(f.value for f in incident.figures if f.field.startswith("killed"))
    assert 12 in values and 190 in values
    assert incident.casualties.killed.total == 12
    total = next(r for r in incident.reconciliation if r.field == "killed.total")
    assert (total.low, total.high) == (12, 190)
    chosen = next(r for r in incident.reconciliation if r.field != "killed.total" and r.field.startswith("killed"))
    assert chosen.value == 12 and "official" in chosen.rule


def test_one_person_named_by_a_singular_noun_counts_one(extract) -> None:
    cas = main_incident(extract("Gunmen shot and killed a shopkeeper outside his home in Garissa on Monday.")).casualties
    assert cas.killed.total == 1
    figure = next(f for f in main_incident(extract("Militants killed the village chief in Arbinda.")).figures
                  if f.field.startswith("killed"))
    assert figure.value == 1 and figure.text == "the village chief"


def test_headline_without_auxiliary_and_counted_deaths(extract) -> None:
    assert killed_total(extract("Four police officers killed in an ambush near Lamu.")) == 4
    cas = main_incident(extract("Rival clans clashed in Marsabit on Friday. The clash resulted in two deaths and 13 "
                                "injuries.")).casualties
    assert (cas.killed.total, cas.injured.total) == (2, 13)


def test_killed_or_wounded_is_neither_figure(extract) -> None:
    cas = main_incident(extract("Seven people were killed or wounded when a grenade exploded in a bar in "
                                "Bujumbura.")).casualties
    assert cas.killed.total is None and cas.injured.total is None


def test_counts_of_one_conjunction_add_up(extract) -> None:
    incident = main_incident(extract("Militants ambushed an army patrol near Djibo, killing 2 soldiers and 3 "
                                     "civilians."))
    assert incident.casualties.killed.total == 5
    assert any(f.value == 5 and f.text == "2 soldiers and 3 civilians" for f in incident.figures)


def test_people_beyond_those_counted_before_are_added(extract) -> None:
    text = ("Militants attacked an army camp in Kelbo. Soldiers killed 7 militants. One soldier was also killed and "
            "five others were wounded. Five more militants were found dead three days later.")
    cas = main_incident(extract(text)).casualties
    assert cas.killed.perpetrators == 12
    assert cas.killed.total == 13
    assert killed_total(extract("Gunmen killed a farmer in Tawila. Another civilian was killed in a nearby "
                                 "village.")) == 2


def test_a_statement_of_no_casualties_does_not_zero_people_the_text_says_were_hurt(extract) -> None:
    text = ("A blast injured several people at a bakery in Lyon on Friday. \"It appears there are no casualties,\" "
            "the president said.")
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.injured.total is None and cas.killed.total == 0


def test_people_detained_in_hospital_are_injured_not_arrested(extract) -> None:
    text = ("A bomb exploded at the bus station on Friday. Ninety six people were detained in hospital and 24 "
            "others were allowed home after treatment.")
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.arrested is None and cas.injured.total is not None and cas.injured.total >= 96


def test_arrested_people_beside_a_fatality_are_not_killed(extract) -> None:
    cas = main_incident(extract("Police clashed with armed herders in Banikoara. There was 1 fatality and 7 people "
                                "arrested.")).casualties
    assert cas.killed.total == 1
    assert cas.arrested == 7


@pytest.mark.parametrize("text", [
    "A night guard at a petrol station in Ruiru was shot and killed by two robbers.",
    "A goat trader was shot to death by unknown men outside Marsabit.",
    "Gunmen shot the headmaster to death outside the school.",
    "A crowd beat a suspected pickpocket to death at a matatu stage in Nyeri.",
    "A shopkeeper was hacked to death by attackers with machetes.",
    "A crowd in Embu stoned a suspected thief to death.",
])
def test_a_shooting_or_beating_that_kills_counts_one_killed(extract, text) -> None:
    cas = main_incident(extract(text)).casualties
    assert (cas.killed.total, cas.injured.total) == (1, None)


def test_shot_and_wounded_stays_injured_and_sentenced_to_death_is_nobody_killed(extract) -> None:
    report = extract("A night guard at a petrol station in Ruiru was shot and wounded by two robbers.")
    cas = main_incident(report).casualties
    assert (cas.killed.total, cas.injured.total) == (None, 1)
    report = extract("Gunmen shot a trader in Kano on Monday. A court later sentenced the leader of the gang to death.")
    assert main_incident(report).casualties.killed.total is None


def test_people_confirmed_or_declared_dead_are_killed(extract) -> None:
    assert main_incident(extract("Five villagers were confirmed dead after gunmen raided Kauru on Sunday.")
                         ).casualties.killed.total == 5
    assert killed_total(extract("Bandits attacked a bus near Funtua. The driver was pronounced dead at the "
                                 "hospital.")) == 1


def test_a_conjunction_of_known_and_unknown_parties_adds_up(extract) -> None:
    incident = main_incident(extract("Gunmen killed the village chief and his son near Wukari."))
    assert incident.casualties.killed.total == 2
    assert any(f.value == 2 and f.text == "the village chief and his son" for f in incident.figures
               if f.field == "killed.total")
    assert main_incident(extract("Gunmen killed the headmaster and two teachers at a school in Mandera.")
                         ).casualties.killed.total == 3


def test_a_conjunct_with_its_own_verb_or_inside_an_including_list_is_not_added(extract) -> None:
    cas = main_incident(extract("A rocket killed five herders and two were wounded in a camp outside "
                                "Dilling.")).casualties
    assert (cas.killed.total, cas.injured.total) == (5, 2)
    assert killed_total(extract("Gunmen killed seven worshippers including an imam and his son, and a guard, at a "
                                 "mosque in Zamfara.")) == 7


@pytest.mark.parametrize(("text", "killed"), [
    ("A street vendor was fatally assaulted by council guards in Thika.", 1),
    ("A trader was fatally shot by robbers in Kano.", 1),
    ("Three men accused of stealing a cow were lynched by residents of Kapsabet.", 3),
    ("1 hacked to death in land row in Bungoma.", 1),
    ("A shootout between rival gangs in a Lagos market left six dead.", 6),
    ("Troops beat back a raid on the barracks, at least four dead, 21 arrested.", 4),
    ("Gunmen assassinated a preacher outside his mosque in Maiduguri.", 1),
])
def test_fatally_lynched_and_counts_of_the_dead_are_killed(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


def test_people_named_among_a_count_are_not_a_second_figure(extract) -> None:
    incident = main_incident(extract("At least six passengers including a teacher and his wife were killed when "
                                     "gunmen ambushed their bus near Jos."))
    assert incident.casualties.killed.total == 6
    assert [f.value for f in incident.figures if f.field.startswith("killed")] == [6]


def test_counts_the_parser_reads_as_adjectives_or_hangs_on_the_last_conjunct(extract) -> None:
    assert killed_total(extract("The army said its troops ambushed a rebel column, killing fifteen fighters and one "
                                 "officer.")) == 16
    assert main_incident(extract("1 policeman and 1 robber killed in a shootout at a bank in Eldoret.")
                         ).casualties.killed.total == 2


@pytest.mark.parametrize("text", [
    "A furious crowd chased and nearly lynched a bus conductor in Nakuru.",
    "Residents besieged a police post in a bid to lynch a detained suspect.",
])
def test_nearly_lynched_or_a_bid_to_lynch_kills_nobody(extract, text) -> None:
    assert killed_total(extract(text)) is None


def test_what_befell_things_or_others_in_the_list_is_not_the_first_conjuncts_fate(extract) -> None:
    cas = main_incident(extract("Gunmen attacked a farm near Naivasha. Two workers were killed and 40 sheep were "
                                "taken.")).casualties
    assert cas.killed.total == 2
    cas = main_incident(extract("Rebels attacked the outpost in Beni, one rebel killed, and two rebels and a soldier "
                                "wounded.")).casualties
    assert cas.killed.total == 1
    incident = main_incident(extract("Rival gangs fought in Mathare leaving one dead and several with stab wounds."))
    assert incident.casualties.killed.total == 1
    assert [f.text for f in incident.figures if f.field.startswith("injured")] == ["several"]


@pytest.mark.parametrize("text", [
    "A night watchman was attacked and killed by burglars at a warehouse in Thika.",
    "A shopkeeper was stabbed and killed by robbers in Kisumu.",
    "One policeman was martyred and another injured in a blast in Quetta.",
])
def test_attacked_and_killed_or_martyred_is_a_death(extract, text) -> None:
    assert killed_total(extract(text)) == 1


@pytest.mark.parametrize(("text", "killed"), [
    # an outcome adjective with its own subject
    ("Troops raided the camp at dawn. Four insurgents dead, two captured.", 4),
    # a headline passive with its predicate of death, and one after a fronted clause
    ("Six herders shot dead near the dam at Kapedo.", 6),
    ("Near the market gunmen opened fire on a patrol, one soldier killed.", 1),
    # an outcome under a verb of report or belief, and a count the parser reads as a compound
    ("Nine guards were said to have been killed when the convoy was ambushed.", 9),
    ("Twenty people are believed to have been killed in the fighting for the ridge.", 20),
])
def test_outcomes_the_parse_hangs_on_adjectives_reports_and_headlines(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


@pytest.mark.parametrize("text", [
    "The mob lynched an alleged cattle rustler in the square.",
    "A night-shift machinist was killed when gunmen stormed the mill.",
    "A Tanzanian was killed when bandits ambushed the bus at the border.",
    "A Deputy Inspector was killed in the ambush on the convoy.",
])
def test_one_person_the_lexicons_do_not_list_is_counted_when_killed(extract, text) -> None:
    assert killed_total(extract(text)) == 1


@pytest.mark.parametrize("text", [
    "Gunmen shot at a fuel tanker on the highway and damaged a generator.",
    "A trader was wounded when robbers shot at his car.",
])
def test_an_unlisted_noun_is_no_count_when_nothing_says_it_died(extract, text) -> None:
    assert killed_total(extract(text)) is None


def test_a_toll_after_the_incident_goes_to_it_and_not_to_what_it_avenged(extract) -> None:
    report = extract("On 4 June 2023, raiders attacked a hamlet near Kerio in revenge for the cattle raid of 2 June. "
                     "Seven villagers were killed.")
    assert main_incident(report).casualties.killed.total == 7
    assert [i.casualties.killed.total for i in report.incidents if i.role == "background"] in ([], [None])


@pytest.mark.parametrize("text", [
    "Traders rioted in the town centre over the death of a fellow vendor.",
    "Youths rioted and burned tyres over the deaths of two students in police custody.",
    "An angry mob torched a police post over the death of three pupils.",
    "Protesters marched in solidarity with men accused of killing a police colonel.",
])
def test_deaths_told_as_the_cause_of_the_incident_are_not_its_toll(extract, text) -> None:
    assert killed_total(extract(text)) is None



@pytest.mark.parametrize(("text", "killed"), [
    ("A tax inspector along with his driver died in the ambush on the highway.", 2),
    ("Two nurses along with a patient were killed when the clinic was shelled.", 3),
    ("Two border police personnel were killed along with four smugglers in the gunfight near the river.", 6),
])
def test_people_joined_by_along_with_share_the_outcome_and_add_up(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("Four border security force personnel were killed in the ambush.", 4),
    ("A guard was targeted by robbers and killed at the warehouse on Sunday.", 1),
    ("On Monday, gunmen killed and mutilated a cattle trader near the market.", 1),
    ("Herders and farmers clashed over a borehole near the river. 5 killed.", 5),
    ("Two herders were found dead with stab wounds near the river.", 2),
    ("A gang leader and his companion died in a police raid on the hideout.", 2),
])
def test_counts_the_parse_hangs_elsewhere_still_count_the_dead(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


def test_found_with_wounds_without_dead_is_an_injury(extract) -> None:
    incident = main_incident(extract("Two watchmen were found with stab wounds after robbers raided the depot."))
    assert (incident.casualties.killed.total, incident.casualties.injured.total) == (None, 2)


@pytest.mark.parametrize(("text", "killed"), [
    ("Masked attackers shot dead a bicycle mechanic in his workshop on Friday.", 1),
    ("On Sunday, raiders killed a forest guide near the park gate.", 1),
])
def test_the_one_person_a_killing_takes_as_its_object_counts_one(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


@pytest.mark.parametrize("text", [
    "Raiders killed a cow and stole goats near the river on Sunday.",
    "Gunmen shot dead a guard dog at the farm gate on Sunday.",
])
def test_an_animal_or_a_thing_is_no_count_of_the_dead(extract, text) -> None:
    assert killed_total(extract(text)) is None


@pytest.mark.parametrize(("text", "killed"), [
    ("Raiders attacked the village of Lomut and killed five herders on Sunday.", 5),
    ("Raiders attacked and killed a herder near Lomut and stole two hundred goats.", 1),
    ("Two raiders were killed in the clash, and police are holding another four men.", 2),
    ("A guard was shot dead at the gate. The victim was taken to hospital and later declared dead.", 1),
])
def test_places_animals_and_other_clauses_add_no_dead(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


def test_a_no_break_space_inside_a_name_hides_no_toll(extract) -> None:
    text = "Two NLF [National\xa0Liberation Front] fighters were killed when soldiers raided a farmhouse near the river."
    incident = main_incident(extract(text))
    assert incident.casualties.killed.total == 2
    spans = [e for e in incident.evidence if e.field.startswith("casualties.killed")]
    assert spans and all(text[e.start:e.end] == e.text for e in spans)


@pytest.mark.parametrize(("text", "killed"), [
    ("Soldiers arrested twelve villagers and executed them near the river.", 12),
    ("Militiamen captured two bandits and killed them after questioning.", 2),
    ("Youths caught two thieves and beat them to death.", 2),
])
def test_people_counted_and_then_killed_as_them_are_the_dead(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


@pytest.mark.parametrize("text", [
    "Gunmen abducted three teachers and released them a week later.",
    "Police arrested five suspects and questioned them.",
    "The rebels seized two soldiers and threatened to kill them.",
])
def test_people_counted_and_then_spared_are_not_dead(extract, text) -> None:
    report = extract(text)
    assert all(i.casualties.killed.total is None for i in report.incidents)


@pytest.mark.parametrize("text", [
    "An MP was killed by masked men outside his office on Monday.",
    "A newly elected Sarpanch was killed by rebels in the district.",
])
def test_a_name_the_recognizer_missed_killed_counts_one(extract, text) -> None:
    assert killed_total(extract(text)) == 1


def test_a_group_killed_is_no_one_dead_by_name(extract) -> None:
    incident = main_incident(extract("Soldiers killed Al-Shabaab in the forest on Sunday."))
    assert incident.casualties.killed.total is None


@pytest.mark.parametrize(("text", "killed"), [
    ("Raiders struck the camp, killing five herders and wounding four; two of the injured died at a clinic.", 7),
    ("Eight tea pickers died when gunmen attacked a bus. Two of the attackers were also killed.", 10),
])
def test_the_wounded_who_died_and_a_party_also_killed_add_to_the_toll(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


def test_people_also_hurt_add_to_the_count_told_before_whoever_tells_them(extract) -> None:
    report = extract("A car bomb exploded outside the central market in Kirkuk on Monday, injuring 40 people. Another "
                     "three people were also wounded in the blast, police said.")
    injured = main_incident(report).casualties.injured
    assert injured.total == 43  # not the police's three alone, preferred as the more authoritative figure


def test_people_also_killed_sentences_away_are_no_part_of_the_toll(extract) -> None:
    report = extract("Militants set off at least 12 bombs across Quetta on Friday, killing seven people. Shops burned "
                     "for hours and the market was closed. Traders counted their losses on Saturday. Three more "
                     "people were also killed in the city, police said.")
    incident = main_incident(report)
    assert incident.casualties.killed.total == 7
    assert all(e.end - e.start < 40 for e in incident.evidence if e.field.startswith("casualties."))


def test_the_wounded_who_died_later_add_to_the_toll_however_far(extract) -> None:
    report = extract("Gunmen killed four villagers in an attack on a market near Kaduna. Nine people were wounded. "
                     "Police said the attackers fled on motorbikes. Residents buried the dead on Sunday. Another trader "
                     "died in hospital on Wednesday.")
    assert main_incident(report).casualties.killed.total == 5


def test_a_toll_holds_the_deaths_told_before_it_and_in_its_sentence(extract) -> None:
    report = extract("Militants threw a grenade into a crowded market in Rajshahi on Friday, killing four people. "
                     "Three more of the wounded died in hospital that night. The death toll rose to eight on Sunday "
                     "as one more of them died, officials said.")
    assert main_incident(report).casualties.killed.total == 8


def test_the_dead_of_corpses_found_are_counted(extract) -> None:
    report = extract("Rangers found the corpses of three porters, strangled with wire, in a ravine.")
    assert main_incident(report).casualties.killed.total == 3


@pytest.mark.parametrize(("text", "killed"), [
    ("On Tuesday 14 villagers were killed by raiders near the river.", 14),
    ("Armed bandits kill 80.", 80),
    ("03 Jun. 9 people killed in a raid on a market that gunmen carried out at dawn.", 9),
    ("12 Feb. Four traders were shot dead by bandits on the highway.", 4),
    ("Gunmen stormed a bus depot in Zaria. Between 11 and 20 passengers were killed, the police said.", 11),
])
def test_a_count_the_recognizer_took_into_a_date_is_still_counted(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


def test_the_day_after_a_month_is_no_count(extract) -> None:
    cas = main_incident(extract("On March 9 gunmen killed three herders near the well.")).casualties
    assert cas.killed.total == 3


@pytest.mark.parametrize(("text", "killed"), [
    ("Nine herders are feared dead after raiders attacked their camp near the border.", 9),
    ("Thirty herders feared dead after two clans fought over a water point.", 30),
])
def test_people_feared_dead_are_killed(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("23 dead, 12 wounded in clashes between two clans near the river.", 23, 12),
    ("Two militias clashed near the market in Birao, resulting in 4 killed and 11 wounded.", 4, 11),
])
def test_counts_the_parse_hung_on_another_word_keep_their_outcome(extract, text, killed, injured) -> None:
    cas = main_incident(extract(text)).casualties
    assert (cas.killed.total, cas.injured.total) == (killed, injured)


@pytest.mark.parametrize(("text", "killed"), [
    ("Police said a pastor and a village head were shot dead by gunmen in Dori.", 2),
    ("Gunmen killed a farmer and his cow near Dori.", 1),
])
def test_a_noun_joined_to_one_killed_is_killed_too(extract, text, killed) -> None:
    assert killed_total(extract(text)) == killed


@pytest.mark.parametrize(("text", "killed"), [
    # no note sharing the toll: the toll told over days is whole
    ("Cattle herders and farmers fought for two days near a river crossing in Darfur in May, killing eleven.", 11),
    # the counted subjects of joined clauses with one outcome are other people
    ("Rebels attacked an army base near the lake on Sunday; 16 policemen died and over 30 wounded and four rebel "
     "fighters were killed in the battle, a spokesman said.", 20),
    # another account's figure gives way to the report's own
    ("Gunmen raided a police camp in the town at night; two constables died and a third was hurt. A "
     "conflicting report by a local paper holds five police deaths.", 2),
    # and stands when the report counts no one killed
    ("Militants raided a camp near the river on Friday. Other accounts claim that four raiders were killed.", 4),
    # a killing the incident resulted in counts its dead
    ("Gunmen raided a hamlet of herders on 5 May. The raid resulted in the killing of five traders.", 5),
    # the deaths people are suspected of are another incident's
    ("On 4 May, soldiers shot dead four youths suspected of murdering a trader in a hill village.", 4),
    # "one" before its outcome counts a person
    ("Bandits ambushed a lorry on the highway near the lake; one killed.", 1),
])
def test_tolls_across_clauses_and_accounts(extract, text: str, killed: int) -> None:
    assert killed_total(extract(text, published="2024-06-19")) == killed


def test_a_count_of_another_clause_and_outcome_is_not_added(extract) -> None:
    text = "Gunmen ambushed a patrol near the border on Monday. Six soldiers died and three others were hurt."
    cas = main_incident(extract(text, published="2024-06-19")).casualties
    assert (cas.killed.total, cas.injured.total) == (6, 3)


def test_a_killing_told_as_the_cause_gives_no_figure(extract) -> None:
    text = "Youths rioted in the market town following the killing of two herders by gunmen."
    assert killed_total(extract(text, published="2024-06-19")) is None


@pytest.mark.parametrize(("text", "killed"), [
    ("The bodies of three men with gunshot wounds were discovered outside the depot on Sunday, police said.", 3),
    ("Herders found four bodies in a shallow pit near the well. One body had bullet wounds.", 4),
    ("Around 4 May, a trader was found executed near the market. Nobody knows who did it.", 1),
])
def test_the_people_whose_bodies_are_found_are_killed(extract, text, killed) -> None:
    report = extract(text, published="2024-06-17")
    assert [i.casualties.killed.total for i in report.incidents if i.role == "main"] == [killed]


@pytest.mark.parametrize(("text", "killed"), [
    ("On 2 June, four farmers were abducted near Dori; their bodies were found on 9 June by a river.", 4),
    ("Soldiers detained seven traders at a checkpoint, their corpses were later discovered outside the town.", 7),
    ("Masked men kidnapped two nurses in Kaya. Their bodies were recovered a week later.", 2),
    ("A nurse, her driver and two guards were kidnapped near Zhob. A week later their bodies were found.", 4),
])
def test_the_bodies_of_people_taken_just_before_count_them_dead(extract, text, killed) -> None:
    report = extract(text, published="2024-06-17")
    assert [i.casualties.killed.total for i in report.incidents if i.role == "main"] == [killed]


def test_people_taken_whose_families_speak_are_not_counted_dead(extract) -> None:
    report = extract("Police detained three traders in Kaya on Monday. Their families said they were beaten.",
                     published="2024-06-17")
    assert all(i.casualties.killed.total is None for i in report.incidents)


@pytest.mark.parametrize(("text", "killed"), [
    ("Unknown gunmen slew a village elder in Garissa on Monday.", 1),
    ("A rebel commander lost his life during a gunfight with soldiers near Kaya.", 1),
    ("Five soldiers lost their lives when their patrol was ambushed near Kaya.", 5),
    ("Attackers burnt alive three children in a village near Kaya.", 3),
    ("A mob burned two suspected thieves alive in Tamale.", 2),
    ("A youth was shot down outside the barracks in Kaya when he ignored a warning.", 1),
    ("Six people were on Tuesday confirmed dead after gunmen raided a market in Kaya.", 6),
    ("A herder was on Sunday shot dead on the road between Garissa and Hola.", 1),
    ("Raiders slashed an old trader to death at the Garissa market.", 1),
    ("Man speared to death in fight between two clans near Garissa", 1),
])
def test_other_ways_of_telling_a_killing_count_the_dead(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed


def test_aircraft_shot_down_are_no_casualties(extract) -> None:
    report = extract("Rebels shot down two army helicopters near the border on Monday.", published="2024-06-17")
    assert all(i.casualties.killed.total is None and i.casualties.injured.total is None for i in report.incidents)


@pytest.mark.parametrize(("text", "killed"), [
    ("Militants assassinated a local chief and at least four of his guards near Dori on Monday.", 5),
    ("Near Wana, a guard was killed and two robbers too after a shootout at a toll post.", 3),
    ("A suicide bombing led to the death of a provincial minister and 12 other people in Attock.", 13),
    ("Police raided a hideout in Kulgam and killed a rebel commander. A constable was killed in the raid as well.", 2),
])
def test_people_the_parse_joins_to_the_verb_or_told_as_well_add_up(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("Three villagers were killed and nine others, including a boy, injured in a fight between two families at a "
     "farm.", 3),
    ("Herders and farmers fought with machetes near Gamia, leaving 1 herder dead and 2 farmers badly wounded.", 1),
    ("A party worker was hurt in an attack in Kannur, a district of feuds where hundreds have lost lives over the "
     "years.", None),
])
def test_a_count_with_an_outcome_of_its_own_or_a_history_of_deaths_adds_nothing(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("1 trader was shot dead by robbers in Kisumu town, 2 others were killed in Kondele area.", 3),
    ("Near Bannu on Friday a police sergeant was killed; Another 2 constables were killed in the gunfight.", 3),
    ("Rebels ambushed a convoy near Kidal, killing one driver, while two other drivers were later killed.", 3),
    ("1 killed by a gang during raids on homes near Molo. (2 others feared dead in a first report, not confirmed.)", 1),
    ("Gunmen attacked three herders at Garbatulla. One of them died and the other two were wounded.", 1),
])
def test_others_beyond_a_count_add_to_it_unless_they_are_the_rest_or_feared(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("A police major, and 3 bandits were killed when bandits attacked a checkpoint in Zamfara.", 4),
    ("Police raided a den in Lyari. A gun battle followed and 3 robbers were killed.", 3),
    ("Unknown raiders hacked to death six at a roadside bar in Likoni.", 6),
    ("Gunmen on a motorbike shot and killed a couple travelling home from the market in Pattani.", 2),
    ("Gunmen shot and killed a couple of traders travelling home from the market in Pattani.", None),
    ("On May 3, suspected militants executed an elderly herder abducted in the past 48 hours in Tongomayel.", 1),
])
def test_counts_the_parse_hangs_apart_or_words_that_count_two(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed


def test_a_name_the_recognizer_takes_for_a_group_is_a_person_murdered(extract) -> None:
    report = extract("Blogger Tutul Neel was murdered by a gang in his home on Friday.",
                     published="2024-06-17")
    incident = main_incident(report)
    assert incident.type in {"armed_assault", "assassination"}
    assert incident.casualties.killed.total == 1


@pytest.mark.parametrize(("text", "killed"), [
    ("A bomb hit a market in Mardan, killing four people. Two people died in hospital on Sunday.", 6),
    ("A grenade killed five people at a bus stop in Mardan; two of them died in hospital.", 5),
    ("Police stormed a den in Lyari and two robbers were shot dead there, while another died in hospital.", 3),
    ("Bandits waylaid two herders near Garissa, killing them with machetes.", 2),
])
def test_people_who_die_in_hospital_or_are_killed_as_them_are_counted_once(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("A total of nine fighters died in two days of clashes near Gao, the army said.", 9),
    ("Police said a total of 12 herders lost their lives in the fighting over grazing land.", 12),
    ("Army troops killed a group of herders near the river on Friday.", None),
    ("Gunmen shot dead a relative of the district chief near his farm.", 1),
])
def test_a_total_or_a_group_of_people_is_not_one_person(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("1 militant, and 4 villagers died when a mortar round hit a market outside Kidal", 5),  # "militant" the root
    ("Armed men raided an army camp near Kaya, four soldiers and a gendarme were killed and many others wounded.", 5),
    ("1 militant, and 3 porters were killed when bandits raided a supply column near Menaka.", 4),
    ("Masked men raided a checkpoint at Djibo, two guards and a civilian were killed while others fled.", 3),
    ("Bandits attacked a gold mine in Dori, two miners and a policeman were shot dead.", 3),
    ("Troops killed three raiders, and two soldiers were wounded near Kaya.", 3),  # the raiders are the object
])
def test_subjects_the_parse_hangs_on_a_noun_before_them_keep_their_verb(extract, text, killed) -> None:
    assert killed_total(extract(text, published="2024-06-17")) == killed
