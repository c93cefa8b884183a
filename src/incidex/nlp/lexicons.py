"""Word lists the role and casualty components share: who is a perpetrator, a victim, a responder; weapons; targets."""

from __future__ import annotations

PERPETRATOR_NOUNS = frozenset({
    "attacker", "assailant", "gunman", "gunmen", "militant", "insurgent", "rebel", "guerrilla", "terrorist",
    "bomber", "kidnapper", "abductor", "hostage-taker", "taker", "robber", "rioter", "arsonist", "assassin", "hijacker",
    "jihadist", "fighter", "extremist", "suspect", "perpetrator", "criminal", "bandit", "pirate", "shooter", "killer",
    "murderer", "raider", "mob", "separatist", "subversive", "commando", "squad", "cell", "man", "men",
    "youth", "inmate", "prisoner", "individual", "stabber",
})
# Nouns that name perpetrators only when the text makes them the agent (an inmate who took hostages).
AMBIGUOUS_PERSON_NOUNS = frozenset({"man", "men", "youth", "inmate", "prisoner", "individual", "commando", "squad",
                                    "cell", "mob", "fighter"})
VICTIM_NOUNS = frozenset({
    "people", "person", "civilian", "man", "men", "woman", "women", "child", "children", "student", "passenger",
    "worshipper", "resident", "villager", "guard", "employee", "worker", "hostage", "tourist", "peasant", "farmer",
    "journalist", "official", "teacher", "doctor", "nurse", "patient", "customer", "pedestrian", "bystander",
    "family", "girl", "boy", "teenager", "mayor", "judge", "priest", "politician", "candidate", "leader", "minister",
    "diplomat", "staff", "member", "victim", "driver", "crew", "sailor", "shopper", "spectator", "protester",
    "demonstrator", "voter", "citizen", "national", "aid worker", "engineer", "businessman", "inmate", "prisoner",
    "detainee", "pilgrim", "mourner", "fisherman", "miner", "schoolgirl", "schoolboy", "pupil", "traveller",
    "traveler", "co-worker", "wife", "husband", "son", "daughter", "mother", "father", "sister", "brother",
})
RESPONDER_NOUNS = frozenset({
    "police", "policeman", "policemen", "officer", "soldier", "troop", "force", "army", "military", "serviceman",
    "servicemen", "commando", "firefighter", "rescuer", "swat", "guardsman", "marine", "paramilitary", "patrol",
    "gendarme", "gendarmerie", "agent", "fsb", "unit", "navy", "militia", "authorities", "personnel",
})
# Who does a passive killing when an incident is reported ("by gunmen", "by police", "by the army"); not rescuers.
ARMED_DOERS = PERPETRATOR_NOUNS | (RESPONDER_NOUNS - {"firefighter", "rescuer"}) | frozenset({"sniper", "jihadi"})
RESPONDER_VERBS = frozenset({"storm", "intervene", "free", "rescue", "raid", "arrest", "detain", "negotiate",
                             "surround", "evacuate", "repel", "neutralize", "eliminate", "kill", "respond", "clash",
                             "cordon", "capture", "apprehend", "liberate", "release", "decide", "fire", "shoot"})
PERPETRATION_VERBS = frozenset({"attack", "take", "hold", "kidnap", "abduct", "bomb", "detonate", "kill", "shoot",
                                "stab", "storm", "set", "burn", "torch", "assassinate", "murder", "open", "fire",
                                "seize", "rob", "hijack", "massacre", "ambush", "explode", "plant", "throw", "hurl",
                                "launch", "carry", "stage", "behead", "loot", "raid", "strike", "shell", "target"})
KILL_VERBS = frozenset({"kill", "murder", "execute", "eliminate", "slay", "behead", "massacre", "assassinate",
                        "claim", "gun", "shoot"})
DIE_VERBS = frozenset({"die", "perish", "succumb"})
INJURE_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
RELEASE_VERBS = frozenset({"free", "release", "rescue", "liberate", "evacuate"})
ARREST_VERBS = frozenset({"arrest", "detain", "apprehend", "capture", "round"})
DEAD_WORDS = frozenset({"dead", "death", "body", "fatality", "corpse", "killed"})
INJURED_WORDS = frozenset({"injured", "wounded", "injury", "hurt", "casualty"})
# Singular nouns that stand for one person: "a shopkeeper was shot dead" is one killed.
PERSON_NOUNS = frozenset((VICTIM_NOUNS | PERPETRATOR_NOUNS) - AMBIGUOUS_PERSON_NOUNS - {
    "people", "men", "women", "children", "family", "staff", "crew", "gunmen", "mob", "cell", "squad"} | {
    "man", "youth", "inmate", "prisoner", "individual", "fighter", "policeman", "officer", "soldier",
    "serviceman", "gendarme", "guardsman", "marine", "firefighter", "rescuer", "constable", "jawan", "trooper",
    "ranger", "shopkeeper", "trader", "merchant", "vendor", "herder", "herdsman", "pastoralist", "chief",
    "headman", "elder", "cleric", "imam", "pastor", "monk", "councillor", "councilor", "activist", "blogger",
    "informer", "informant", "supporter", "relative", "local", "infant", "baby", "lawyer", "businesswoman",
    "contractor", "administrator", "commander", "cadre", "labourer", "laborer", "watchman", "operator", "rider",
    "motorist", "cyclist", "conductor", "tout", "headmaster", "principal", "director", "secretary", "chairman",
    "president", "legislator", "governor", "reporter", "photographer", "refugee", "migrant", "hunter",
    "militiaman", "thief", "foreigner", "colonel", "captain", "lieutenant", "sergeant", "corporal", "inspector",
    "nephew", "niece", "uncle", "aunt", "cousin", "grandson", "granddaughter", "body", "corpse", "herdboy",
    "volunteer", "vigilante", "chieftain", "student", "girl", "boy", "villager", "lecturer", "professor",
})
COLLECTIVE_NOUNS = frozenset({"family", "crew", "staff", "people", "police", "personnel", "mob", "crowd"})
UNHARMED_WORDS = frozenset({"uninjured", "unharmed", "unhurt", "safe", "unscathed"})

WEAPONS: tuple[str, ...] = (
    "knife", "knives", "fire axe", "axe", "machete", "sword", "gun", "guns", "rifle", "rifles", "assault rifle",
    "assault rifles", "automatic rifle", "automatic weapons", "firearm", "firearms", "pistol", "pistols", "handgun",
    "shotgun", "submachine gun", "machine gun", "machine guns", "ak-47", "ak-47s", "kalashnikov", "kalashnikovs",
    "m-16", "grenade", "grenades", "hand grenade", "rocket-propelled grenade", "rpg", "explosives", "explosive",
    "dynamite", "car bomb", "truck bomb", "bomb", "bombs", "improvised explosive device", "ied", "ieds",
    "suicide vest", "explosive belt", "suicide belt", "mortar", "mortars", "mortar shells", "rocket", "rockets",
    "missile", "missiles", "drone", "drones", "artillery", "tank", "molotov cocktail", "molotov cocktails",
    "firebomb", "petrol bomb", "gasoline", "petrol", "acid", "bat", "club", "stones", "vehicle",
    "landmine", "land mine", "mine", "shells", "bullets", "sniper rifle", "crossbow", "hammer",
)
# Weapons that name an instrument only in violent context (a rope to climb down is not a weapon).
NON_WEAPON_CONTEXT = frozenset({"vehicle", "gasoline", "petrol", "bat", "club", "tank", "mine", "drone"})

TARGET_NOUNS = frozenset({
    "building", "vehicle", "bus", "car", "truck", "train", "embassy", "consulate", "office", "headquarters",
    "pipeline", "tower", "station", "substation", "house", "home", "farm", "bridge", "school", "hospital", "church",
    "mosque", "synagogue", "temple", "market", "hotel", "restaurant", "bank", "court", "courthouse", "prison",
    "jail", "checkpoint", "base", "barracks", "post", "convoy", "airport", "plane", "aircraft", "helicopter",
    "ship", "vessel", "tanker", "port", "hall", "concert", "stadium", "mall", "shop", "store", "factory", "plant",
    "mine", "camp", "village", "town", "compound", "residence", "facility", "installation", "line", "network",
    "power", "dam", "road", "highway", "ministry", "parliament", "palace", "club", "nightclub", "cafe", "theater",
    "theatre", "venue", "cinema", "university", "college", "clinic", "warehouse", "depot", "refinery", "well",
    "antenna", "transmitter", "pylon", "dealership", "agency", "branch", "farmhouse", "estate", "party",
})
TARGETING_VERBS = frozenset({"attack", "bomb", "storm", "burn", "torch", "set", "hit", "destroy", "damage", "target",
                             "raid", "strike", "shell", "blow", "dynamite", "rob", "loot", "seize", "assault",
                             "ambush", "fire"})
# What robbers "make off with": money and valuables ("made off with $2 million of jewels"), not a ball or a title.
VALUABLES = frozenset({
    "cash", "money", "jewel", "jewellery", "jewelry", "diamond", "gem", "gold", "silver", "watch", "valuables",
    "loot", "banknote", "note", "dollar", "euro", "pound", "ransom", "painting", "artwork", "safe", "wallet",
    "handbag", "purse", "phone", "car", "vehicle", "truck", "weapon", "gun", "ammunition", "bullion", "necklace",
    "ring", "bracelet", "goods", "merchandise", "takings", "haul",
})
# Words that put an escape in custody ("escaped from prison", "an inmate escaped"), not "escaped unhurt".
CUSTODY_WORDS = frozenset({
    "prison", "jail", "gaol", "custody", "inmate", "prisoner", "convict", "detainee", "penitentiary", "courthouse",
    "cell", "lockup", "escapee", "jailbreak", "fugitive", "detention", "correctional", "warden",
})
