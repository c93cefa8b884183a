"""The loaders read every document of the shared dev files (skipped when ../shared/data is absent): every ACLED
category is mapped, WikiEvents offsets land on the annotated strings, RAMS and the MUC-4 keys parse."""

from __future__ import annotations

import json

import pytest

from incidex.eval.acled import load_acled
from incidex.eval.acled_types import acled_category
from incidex.eval.muc4_keys import load_muc4_keys
from incidex.eval.rams import load_rams
from incidex.eval.wikievents import load_wikievents, rebuild_text

pytestmark = pytest.mark.shared


def test_every_acled_dev_row_has_a_mapped_category(shared_file) -> None:
    rows = load_acled(shared_file("acled", "acled_dev.jsonl"))
    assert len(rows) > 20_000
    for row in rows:
        acled_category(row.event_type, row.sub_event_type)


def test_wikievents_offsets_map_every_mention_and_trigger(shared_file) -> None:
    path = shared_file("wikievents", "dev.jsonl")
    documents = load_wikievents(path)
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(documents) == len(raw) == 20
    for document, data in zip(documents, raw, strict=True):
        text, _, tokens = rebuild_text(data["sentences"])
        assert text == document.text and len(tokens) == len(data["tokens"])
        for mention in data["entity_mentions"]:
            assert text[tokens[mention["start"]][0]:tokens[mention["end"] - 1][1]] == mention["text"]
        assert [e.trigger for e in document.events] == [e["trigger"]["text"] for e in data["event_mentions"]]


def test_rams_and_muc4_keys_dev_files_load(shared_file) -> None:
    rams = load_rams(shared_file("rams", "dev.jsonlines"))
    assert len(rams) == 924 and sum(d.events[0].kind is not None for d in rams) > 200
    messages = load_muc4_keys(shared_file("muc4", "keys_dev.jsonl"))
    assert len(messages) == 200 and sum(m.published is not None for m in messages) > 150
