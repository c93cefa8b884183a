"""RAMS (one annotated event per 5-sentence window) read into :class:`~.event_args.EventDocument` objects.

RAMS gives tokens only. The text we extract joins a sentence's tokens with single spaces, except none before
closing punctuation and clitics ("," "." "n't" "'s") and none after opening brackets and quotes, and joins
sentences with one space. Token spans are kept, so the trigger and argument spans (inclusive token indices into the
flattened window) map into the text. There is no coreference: an argument is its one span.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .data import load_records
from .event_args import EventDocument, GoldArgument, GoldEvent, event_kind, head_word

KIND_PREFIXES: dict[str, str] = {
    "conflict.attack.": "attack",
    "life.die.deathcausedbyviolentevents": "die",
    "life.die.n/a": "die",
    "life.injure.injurycausedbyviolentevents": "injure",
    "life.injure.n/a": "injure",
    "justice.arrestjaildetain.": "arrest",
}
ROLE_GROUPS: dict[str, str] = {
    "attacker": "perpetrators",
    "killer": "perpetrators",
    "injurer": "perpetrators",
    "victim": "victims",
    "target": "victims",
    "instrument": "weapons",
    "place": "location",
}
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "’s", "n't", "'re", "'ve",
                              "'ll", "'d", "'m", "''", "'"})
_ROLE_PREFIX = re.compile(r"^evt\d+arg\d+")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})


def load_rams(path: str | Path) -> list[EventDocument]:
    """Documents of a RAMS ``.jsonlines`` file."""
    return load_records(path, rams_document, what="RAMS",
                        expects="each line needs doc_key, sentences, evt_triggers and gold_evt_links")


def detokenize(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The text, each sentence's (start, end) and each token's (start, end)."""
    text = ""
    spans: list[tuple[int, int]] = []
    token_spans: list[tuple[int, int]] = []
    previous: str | None = None
    for sentence in sentences:
        start = len(text) + (1 if text and sentence else 0)
        for i, token in enumerate(sentence):
            if previous is not None and (i == 0 or (token not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER)):
                text += " "
            token_spans.append((len(text), len(text) + len(token)))
            text += token
            previous = token
        spans.append((start, len(text)))
    return text, spans, token_spans


def role_name(label: str) -> str:
    """The role of a RAMS argument label: "evt089arg01victim" -> "victim"."""
    return _ROLE_PREFIX.sub("", label)


def rams_document(data: dict[str, Any]) -> EventDocument:
    text, spans, token_spans = detokenize(data["sentences"])
    sentence_of = [i for i, sentence in enumerate(data["sentences"]) for _ in sentence]
    (start, end, [[event_type, _]]), = data["evt_triggers"]
    arguments = []
    for _trigger, (arg_start, arg_end), role in data["gold_evt_links"]:
        group = ROLE_GROUPS.get(role_name(role))
        if group is None:
            continue
        mention = text[token_spans[arg_start][0]:token_spans[arg_end][1]]
        arguments.append(GoldArgument(group, frozenset(h for h in [head_word(mention)] if h), mention))
    trigger = text[token_spans[start][0]:token_spans[end][1]]
    event = GoldEvent(data["doc_key"], event_type, event_kind(event_type, KIND_PREFIXES), sentence_of[start], trigger,
                      tuple(arguments))
    return EventDocument(data["doc_key"], text, tuple(spans), (event,), one_event=True)
