"""Event detection and argument head-word F1 against gold event annotations (WikiEvents, RAMS).

Both data sets are read into :class:`EventDocument` objects: the text we extract (rebuilt from the data's
sentences), the character span of each sentence in it, and the gold events of the kinds incidex reports (attack,
die, injure, kidnap, arrest) with their arguments mapped to four groups of our record.

* **Detected**: a gold event is detected when one of our incidents (main or background) has an evidence span in the
  sentence of its trigger. One incident told over several sentences detects every event it touches.
* **Precision of events**: an incident of ours is right when one of its evidence spans lies in a sentence holding
  the trigger of a gold event of those kinds. Where only one event per document is annotated (RAMS), this is
  measured per document instead: of the documents where an incident of ours lies in the trigger's sentence, the
  share whose annotated event is one of those kinds.
* **Arguments**, by head word: a predicted filler is right when its head word (:func:`head_word`) is the head
  word of a mention of a gold argument of its group (any coreferent mention, where the data has coreference);
  a gold argument is found when a filler of its group has its head word. Predicted fillers are distinct head words
  per document and group. Groups: perpetrators (Attacker, Killer, Injurer); victims (Victim, Target), predicted by
  our victims, targets and the spans our killed and injured figures count; weapons (Instrument, ExplosiveDevice);
  location (Place), predicted by the span of our location and facility. Fillers come from every incident of the
  document, or, where one event per document is annotated, from the incidents that detect it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..types import Incident, Report
from .prf import Counts
from .runner import Evaluation, Run, Section
from .split import split_of
from .tally import Tally

KINDS: tuple[str, ...] = ("attack", "die", "injure", "kidnap", "arrest")
GROUPS: tuple[str, ...] = ("perpetrators", "victims", "weapons", "location")
ALL_GROUPS = "all four groups"

# Our evidence fields whose spans fill each group (a prefix before "[" for list fields).
_EVIDENCE_GROUPS: dict[str, str] = {
    "perpetrators": "perpetrators",
    "victims": "victims",
    "targets": "victims",
    "casualties.killed": "victims",
    "casualties.injured": "victims",
    "weapons": "weapons",
    "location.name": "location",
    "location.facility": "location",
}
# Words after which a noun phrase's head has already come: "leader of the group", "people in Kabul".
_HEAD_STOPS = frozenset({"of", "in", "at", "on", "from", "who", "which", "that", "near", "with", "for", "by", "to",
                         "after", "during", "including", "and", "or", ","})
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|,")


@dataclass(frozen=True)
class GoldArgument:
    """One argument entity: its group, the head words of all its (coreferent) mentions, and a text to show."""

    group: str
    heads: frozenset[str]
    text: str


@dataclass(frozen=True)
class GoldEvent:
    """A gold event of one of :data:`KINDS` (``kind`` None for other event types)."""

    id: str
    event_type: str
    kind: str | None
    sentence: int
    trigger: str
    arguments: tuple[GoldArgument, ...]


@dataclass(frozen=True)
class EventDocument:
    """Text to extract, the (start, end) of each of its sentences, the gold events; ``one_event`` when the data
    annotates one event per document (RAMS) rather than all of them."""

    id: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    events: tuple[GoldEvent, ...]
    one_event: bool = False

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right([start for start, _ in self.sentences], offset) - 1)


def head_word(text: str) -> str | None:
    """The head of a noun phrase, roughly: the last word before a preposition or relative word, lowercased,
    without a possessive ("the leader of the group" -> "leader", "Taliban's" -> "taliban")."""
    words = [w.lower() for w in _WORD.findall(text)]
    for i, word in enumerate(words):
        if word in _HEAD_STOPS and i > 0:
            words = words[:i]
            break
    words = [w for w in words if w not in _HEAD_STOPS]
    if not words:
        return None
    return re.sub(r"['’]s?$", "", words[-1]) or None


def event_kind(event_type: str, prefixes: dict[str, str]) -> str | None:
    """The incident kind of a gold event type by the longest matching prefix in ``prefixes``, else None."""
    matches = [prefix for prefix in prefixes if event_type.startswith(prefix)]
    return prefixes[max(matches, key=len)] if matches else None


def incident_sentences(incident: Incident, document: EventDocument) -> set[int]:
    """The sentences an incident's evidence spans start in (evidence from the metadata has none)."""
    return {document.sentence_at(e.start) for e in incident.evidence if e.start is not None}


def predicted_fillers(incident: Incident, text: str) -> dict[str, dict[str, str]]:
    """Per group: head word -> the filler's text (from our evidence spans)."""
    found: dict[str, dict[str, str]] = {group: {} for group in GROUPS}
    for evidence in incident.evidence:
        key, _, item = evidence.field.partition("[")
        if "]." in item:
            continue  # a part of a list item ("victims[0].status": the word "died"), not the item's mention
        group = _EVIDENCE_GROUPS.get(key) or _EVIDENCE_GROUPS.get(key.rsplit(".", 1)[0])
        if group is None or evidence.start is None:
            continue
        span = text[evidence.start:evidence.end]
        if (head := head_word(span)) is not None:
            found[group].setdefault(head, span)
    return found


def evaluate_events(dataset: str, documents: Sequence[EventDocument], run: Run) -> Evaluation:
    """Score every document against the report of its outcome (``run`` holds one per document, in order)."""
    events = Section(f"{dataset}: events of the kinds incidex reports ({', '.join(KINDS)})",
                     Tally.of(tuple(f"detected: {kind}" for kind in KINDS)))
    scope = ("per window, fillers of the incidents that detect its event" if any(d.one_event for d in documents)
             else "document level, any coreferent mention")
    arguments = Section(f"{dataset}: argument head words per group ({scope})",
                        prf={group: Counts() for group in (*GROUPS, ALL_GROUPS)})
    records = []
    for document, outcome in zip(documents, run.outcomes, strict=True):
        report = outcome.report
        if report is None:
            events.tally.note("document failed", f"{document.id}: {outcome.error}")
        errors = _score_document(events, arguments, document, report)
        if errors:
            records.append({"id": document.id, "split": split_of(document.id), "errors": errors})
    return Evaluation(dataset.lower(), [events, arguments], records, run)


def _score_document(events: Section, arguments: Section, document: EventDocument,
                    report: Report | None) -> list[dict[str, Any]]:
    incidents = report.incidents if report else []
    covered = [incident_sentences(incident, document) for incident in incidents]
    errors: list[dict[str, Any]] = []
    detecting: set[int] = set()
    for event in document.events:
        if event.kind is None:
            continue
        hits = {i for i, sentences in enumerate(covered) if event.sentence in sentences}
        detecting |= hits
        example = f"{document.id}: {event.event_type} “{event.trigger}” in “{_sentence(document, event.sentence)}”"
        events.tally.judge(f"detected: {event.kind}", bool(hits), error=f"event missed: {event.kind}",
                           example=example)
        events.tally.judge("detected: all kinds", bool(hits))
        if not hits:
            errors.append({"error": f"event missed: {event.kind}", "event": event.event_type,
                           "trigger": event.trigger, "sentence": event.sentence})
    _judge_precision(events.tally, document, incidents, covered, errors)
    gold = [argument for event in document.events if event.kind for argument in event.arguments]
    if document.one_event:
        incidents = [incident for i, incident in enumerate(incidents) if i in detecting]
    if not document.one_event or any(event.kind for event in document.events):
        errors.extend(_score_arguments(arguments, document, incidents, gold))
    return errors


def _judge_precision(tally: Tally, document: EventDocument, incidents: Sequence[Incident],
                     covered: list[set[int]], errors: list[dict[str, Any]]) -> None:
    event_sentences = {event.sentence for event in document.events if event.kind}
    if document.one_event:
        trigger = {event.sentence for event in document.events}
        if any(trigger & sentences for sentences in covered):
            ok = bool(event_sentences)
            kinds = ", ".join(event.event_type for event in document.events)
            tally.judge("right kind, of documents where we detect the annotated event", ok,
                        error="detected an event of another kind", example=f"{document.id}: {kinds}")
            if not ok:
                errors.append({"error": "detected an event of another kind", "event": kinds})
        return
    for incident, sentences in zip(incidents, covered, strict=True):
        ok = bool(sentences & event_sentences)
        first = min(sentences, default=0)
        tally.judge("our incidents in a sentence with such an event", ok, error=f"spurious incident: {incident.type}",
                    example=f"{document.id}: {incident.type} in “{_sentence(document, first)}”")
        if not ok:
            errors.append({"error": f"spurious incident: {incident.type}", "incident": incident.id})


def _score_arguments(section: Section, document: EventDocument, incidents: Iterable[Incident],
                     gold: Sequence[GoldArgument]) -> list[dict[str, Any]]:
    predicted: dict[str, dict[str, str]] = {group: {} for group in GROUPS}
    for incident in incidents:
        for group, fillers in predicted_fillers(incident, document.text).items():
            for head, text in fillers.items():
                predicted[group].setdefault(head, text)
    errors: list[dict[str, Any]] = []
    for group in GROUPS:
        entities = list({argument.heads: argument for argument in gold if argument.group == group}.values())
        counts = Counts(p_den=len(predicted[group]), r_den=len(entities))
        for head, text in predicted[group].items():
            if any(head in entity.heads for entity in entities):
                counts.p_num += 1
            else:
                section.tally.note(f"argument spurious: {group}", f"{document.id}: “{text}”")
                errors.append({"error": f"argument spurious: {group}", "text": text})
        for entity in entities:
            if entity.heads & predicted[group].keys():
                counts.r_num += 1
            else:
                section.tally.note(f"argument missed: {group}", f"{document.id}: “{entity.text}”")
                errors.append({"error": f"argument missed: {group}", "text": entity.text})
        section.prf[group].add(counts)
        section.prf[ALL_GROUPS].add(counts)
    return errors


def _sentence(document: EventDocument, index: int, limit: int = 120) -> str:
    start, end = document.sentences[index]
    text = " ".join(document.text[start:end].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
