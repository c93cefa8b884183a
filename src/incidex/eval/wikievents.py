"""WikiEvents (KAIROS annotations with coreference) read into :class:`~.event_args.EventDocument` objects.

The data's ``text`` glues sentences together ("…in SyriaThe desert…"), so the text we extract is rebuilt from
``sentences``: each sentence string as given, joined by one space where the original article had at most one
character between them and the sentence ends in a full stop (or ? ! or a closing quote), else by a newline (a
paragraph break, or a headline or caption with no full stop). Token offsets are
mapped into the rebuilt text sentence by sentence. An argument's mentions are all mentions of its coreference
cluster (a mention in no cluster is its own entity).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import load_records
from .event_args import EventDocument, GoldArgument, GoldEvent, event_kind, head_word

_SENTENCE_ENDS = (".", "!", "?", '"', "'", "”", "’", ")")
# KAIROS event type prefix -> the incident kind incidex reports.
KIND_PREFIXES: dict[str, str] = {
    "Conflict.Attack.": "attack",
    "Life.Die.": "die",
    "Life.Injure.": "injure",
    "Justice.ArrestJailDetain.": "arrest",
}
# KAIROS role -> argument group of our record.
ROLE_GROUPS: dict[str, str] = {
    "Attacker": "perpetrators",
    "Killer": "perpetrators",
    "Injurer": "perpetrators",
    "Victim": "victims",
    "Target": "victims",
    "Instrument": "weapons",
    "ExplosiveDevice": "weapons",
    "Place": "location",
}


def load_wikievents(path: str | Path, coref_path: str | Path | None = None) -> list[EventDocument]:
    """Documents of a WikiEvents ``dev.jsonl``; coreference from ``coref_path`` (default: ``coref_dev.jsonlines``
    beside it, if it is there)."""
    path = Path(path)
    if coref_path is None and (path.parent / "coref_dev.jsonlines").is_file():
        coref_path = path.parent / "coref_dev.jsonlines"
    clusters: dict[str, list[list[str]]] = {}
    if coref_path is not None:
        for doc_key, doc_clusters in load_records(coref_path, lambda d: (d["doc_key"], d["clusters"]),
                                                  what="WikiEvents coreference",
                                                  expects="each line needs doc_key and clusters"):
            clusters[doc_key] = doc_clusters
    return load_records(path, lambda data: wikievents_document(data, clusters.get(data["doc_id"], [])),
                        what="WikiEvents", expects="each line needs doc_id, sentences, entity_mentions and "
                        "event_mentions")


def rebuild_text(sentences: list[Any]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The text, each sentence's (start, end) in it, and each token's (start, end) in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    token_spans: list[tuple[int, int]] = []
    position = 0
    previous_end: int | None = None
    for tokens, string in sentences:
        if parts:
            gap = tokens[0][1] - previous_end if tokens and previous_end is not None else 1
            separator = " " if gap <= 1 and parts[-1].rstrip().endswith(_SENTENCE_ENDS) else "\n"
            parts.append(separator)
            position += len(separator)
        first = tokens[0][1] if tokens else 0
        token_spans.extend((position + start - first, position + end - first) for _, start, end in tokens)
        spans.append((position, position + len(string)))
        parts.append(string)
        position += len(string)
        previous_end = tokens[-1][2] if tokens else previous_end
    return "".join(parts), spans, token_spans


def wikievents_document(data: dict[str, Any], clusters: list[list[str]]) -> EventDocument:
    text, spans, token_spans = rebuild_text(data["sentences"])
    mentions = {m["id"]: m for m in data["entity_mentions"]}
    cluster_of = {mention: tuple(cluster) for cluster in clusters for mention in cluster}

    def argument(entity_id: str, group: str) -> GoldArgument:
        members = cluster_of.get(entity_id, (entity_id,))
        texts = [mentions[m]["text"] for m in members if m in mentions]
        heads = frozenset(h for h in (head_word(t) for t in texts) if h)
        return GoldArgument(group, heads, mentions[entity_id]["text"])

    events = []
    for event in data["event_mentions"]:
        trigger = event["trigger"]
        arguments = tuple(argument(a["entity_id"], ROLE_GROUPS[a["role"]]) for a in event["arguments"]
                          if a["role"] in ROLE_GROUPS)
        start, end = token_spans[trigger["start"]][0], token_spans[trigger["end"] - 1][1]
        events.append(GoldEvent(event["id"], event["event_type"], event_kind(event["event_type"], KIND_PREFIXES),
                                trigger["sent_idx"], text[start:end], arguments))
    return EventDocument(data["doc_id"], text, tuple(spans), tuple(events))
