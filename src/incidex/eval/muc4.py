"""MUC-4 evaluation: load the GTT-processed data, map incidex records to templates, score, write predictions.

The scorer is our own implementation of the GTT-style metric as described in prose in
``shared/data/muc4/README.md`` (MUC-4, 1992; Du, Rush and Cardie, NAACL 2021):

* gold entities become lists of mention strings, empty entities and exact-duplicate templates are dropped;
* every mention is normalized (lowercase, ASCII punctuation removed, the words a/an/the removed, whitespace collapsed);
* per document, predicted templates are aligned one-to-one to gold templates (or left unaligned) so that the
  document-level micro-F1 is highest; a pair may align only if the predicted incident type is a substring of the
  gold one;
* a predicted entity is correct when all its mentions are among the mentions of one gold entity of the same role;
  a gold entity is recalled when some predicted entity of its role fits it that way;
* counts are summed over documents per key; the micro average sums all six keys, ``incident_type`` included.

The alignment search is an exact branch-and-bound over partial one-to-one assignments, so it returns the same
best score as exhaustive enumeration without its exponential cost on documents with many templates.
"""

from __future__ import annotations

import json
import re
import string
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings, load_settings
from ..errors import ConfigError, EvalError
from ..nlp.learned import LearnedModel, learned_model, torch_threads
from ..nlp.muc_roles import MUC_ROLES, LearnedRoles, MucModel
from ..types import Document, Incident, Report
from .data import load_records
from .prf import Counts

ROLES: tuple[str, ...] = MUC_ROLES
KEYS: tuple[str, ...] = ("incident_type", *ROLES)
MUC_TYPES: tuple[str, ...] = ("attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage")
MAX_TEMPLATES = 5

# incidex incident type -> MUC-4 incident type; types absent here (riot, arrest, plot) are not MUC incidents.
TYPE_TO_MUC: dict[str, str] = {
    "armed_assault": "attack",
    "assassination": "attack",
    "air_or_drone_strike": "attack",
    "shelling": "attack",
    "raid": "attack",
    "clash": "attack",
    "other": "attack",
    "bombing": "bombing",
    "kidnapping": "kidnapping",
    "hostage_taking": "kidnapping",
    "arson": "arson",
    "robbery": "robbery",
}

# The other name a group's mention gives in parentheses ("the ELN (Army of National Liberation)"): a template names
# the group by the words before it, as a key's strings do.
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)$")

Entity = tuple[str, ...]
"""One entity: the mention strings that name it."""

_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


@dataclass(frozen=True)
class Template:
    """One MUC-4 incident template: an incident type and, per role, a tuple of entities."""

    incident_type: str
    PerpInd: tuple[Entity, ...] = ()
    PerpOrg: tuple[Entity, ...] = ()
    Target: tuple[Entity, ...] = ()
    Victim: tuple[Entity, ...] = ()
    Weapon: tuple[Entity, ...] = ()

    def entities(self, role: str) -> tuple[Entity, ...]:
        return getattr(self, role)

    def to_json(self) -> dict[str, Any]:
        """The template in the prediction-file format: every role present, entities as lists of strings."""
        return {"incident_type": self.incident_type, **{role: [list(e) for e in self.entities(role)] for role in ROLES}}


@dataclass(frozen=True)
class MucDocument:
    """A MUC-4 document with its gold templates (offsets dropped)."""

    docid: str
    text: str
    templates: tuple[Template, ...]


@dataclass
class Score:
    """Counts per key (``incident_type`` and the five roles) and their micro average."""

    keys: dict[str, Counts] = field(default_factory=lambda: {key: Counts() for key in KEYS})

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.keys.values():
            total.add(counts)
        return total

    def add(self, other: Score) -> None:
        for key in KEYS:
            self.keys[key].add(other.keys[key])

    def table(self) -> str:
        """A plain-text P/R/F1 table in percent, one row per key and the micro average last."""
        rows = [f"{'key':<14} {'P':>6} {'R':>6} {'F1':>6}"]
        for name, counts in [*self.keys.items(), ("micro_avg", self.micro)]:
            rows.append(
                f"{name:<14} {100 * counts.precision:6.2f} {100 * counts.recall:6.2f} {100 * counts.f1:6.2f}"
            )
        return "\n".join(rows)


def normalize_mention(text: str) -> str:
    """Lowercase, drop ASCII punctuation, drop the words a/an/the, collapse whitespace."""
    text = _PUNCT.sub("", text.lower())
    return " ".join(_ARTICLES.sub(" ", text).split())


def gtt_key(docid: str) -> str:
    """The numeric key GTT's scorer uses (``TST1-MUC3-0001`` -> ``10001``); other ids are kept as they are."""
    parts = docid.split("-")
    if len(parts) >= 2 and parts[0][-1:].isdigit() and parts[-1].isdigit():
        return str(int(parts[0][-1]) * 10000 + int(parts[-1]))
    return docid


# --- loading -------------------------------------------------------------------------------------------------------


def load_muc4(path: str | Path) -> list[MucDocument]:
    """Read a GTT-format MUC-4 JSONL file (``docid``, ``doctext``, ``templates``)."""
    return load_records(path, _parse_document, what="GTT-format MUC-4",
                        expects="each line needs docid, doctext and templates")


def _parse_document(data: dict[str, Any]) -> MucDocument:
    return MucDocument(docid=str(data["docid"]), text=data["doctext"], templates=_gold_templates(data["templates"]))


def _gold_templates(raw: Sequence[dict[str, Any]]) -> tuple[Template, ...]:
    templates: list[Template] = []
    for item in raw:
        roles = {
            role: tuple(entity for entity in (tuple(m[0] for m in ent) for ent in item.get(role, [])) if entity)
            for role in ROLES
        }
        template = Template(incident_type=_type_string(item.get("incident_type")), **roles)
        if template not in templates:
            templates.append(template)
    return tuple(templates)


def _type_string(value: Any) -> str:
    return value if isinstance(value, str) else "attack"


def templates_from_json(raw: Sequence[dict[str, Any]]) -> tuple[Template, ...]:
    """Predicted templates from the prediction-file format (entities are lists of mention strings)."""
    return tuple(
        Template(
            incident_type=_type_string(item.get("incident_type")),
            **{role: tuple(tuple(str(m) for m in entity) for entity in item.get(role, [])) for role in ROLES},
        )
        for item in raw
    )


# --- mapping incidex records ---------------------------------------------------------------------------------------


def incident_to_template(incident: Incident) -> Template | None:
    """The MUC-4 template for one incidex incident, or None when its type is not a MUC-4 incident."""
    muc_type = TYPE_TO_MUC.get(incident.type)
    if muc_type is None:
        return None
    return Template(
        incident_type=muc_type,
        PerpInd=_entities(p.text for p in incident.perpetrators if p.kind == "individual"),
        PerpOrg=_entities(_TRAILING_PARENTHESIS.sub("", p.text) or p.text for p in incident.perpetrators
                          if p.kind == "organization"),
        Target=_entities(t.text for t in incident.targets),
        Victim=_entities(v.text for v in incident.victims),
        Weapon=_entities(w.text for w in incident.weapons),
    )


def report_to_templates(report: Report, *, limit: int = MAX_TEMPLATES) -> list[Template]:
    """Templates for a report's incidents, main incidents first, at most ``limit``."""
    ordered = sorted(report.incidents, key=lambda incident: incident.role != "main")
    templates = [t for t in (incident_to_template(incident) for incident in ordered) if t is not None]
    return templates[:limit]


def _entities(texts: Iterable[str]) -> tuple[Entity, ...]:
    """One single-mention entity per distinct non-empty mention (duplicates by normalized form dropped)."""
    seen: set[str] = set()
    entities: list[Entity] = []
    for text in texts:
        text = " ".join(text.split())
        key = normalize_mention(text)
        if key and key not in seen:
            seen.add(key)
            entities.append((text,))
    return tuple(entities)


# --- scoring -------------------------------------------------------------------------------------------------------


def _norm_template(template: Template) -> Template:
    return Template(
        incident_type=template.incident_type,
        **{
            role: tuple(tuple(normalize_mention(m) for m in entity) for entity in template.entities(role))
            for role in ROLES
        },
    )


def _pair_counts(pred: Template, gold: Template) -> Score:
    """Counts for an aligned pair (both templates already normalized)."""
    score = Score()
    score.keys["incident_type"] = Counts(1, 1, 1, 1)
    for role in ROLES:
        pred_entities = [set(e) for e in pred.entities(role)]
        gold_entities = [set(e) for e in gold.entities(role)]
        fits = [[p <= g for g in gold_entities] for p in pred_entities]
        score.keys[role] = Counts(
            p_num=sum(any(row) for row in fits),
            p_den=len(pred_entities),
            r_num=sum(any(row[j] for row in fits) for j in range(len(gold_entities))),
            r_den=len(gold_entities),
        )
    return score


def _unaligned(template: Template, *, predicted: bool) -> Score:
    score = Score()
    for key in KEYS:
        size = 1 if key == "incident_type" else len(template.entities(key))
        score.keys[key] = Counts(p_den=size) if predicted else Counts(r_den=size)
    return score


def _f1(p_num: int, p_den: int, r_num: int, r_den: int) -> float:
    return Counts(p_num, p_den, r_num, r_den).f1


def best_alignment(predicted: Sequence[Template], gold: Sequence[Template]) -> list[int | None]:
    """For each predicted template, the index of its gold template or None, maximizing document micro-F1.

    Ties go to the first assignment in the order that tries, for each prediction, gold 0, 1, ... then
    "unaligned". Templates must already be normalized.
    """
    pairs: dict[tuple[int, int], tuple[int, int]] = {}
    for i, pred in enumerate(predicted):
        for j, gold_t in enumerate(gold):
            if pred.incident_type in gold_t.incident_type:
                micro = _pair_counts(pred, gold_t).micro
                pairs[i, j] = (micro.p_num, micro.r_num)
    p_den = sum(_unaligned(t, predicted=True).micro.p_den for t in predicted)
    r_den = sum(_unaligned(t, predicted=False).micro.r_den for t in gold)
    # Upper bounds of what predictions i.. can still add, for pruning.
    best_p = [max((pairs[key][0] for key in pairs if key[0] == i), default=0) for i in range(len(predicted))]
    best_r = [max((pairs[key][1] for key in pairs if key[0] == i), default=0) for i in range(len(predicted))]
    rest_p = [sum(best_p[i:]) for i in range(len(predicted) + 1)]
    rest_r = [sum(best_r[i:]) for i in range(len(predicted) + 1)]

    best: tuple[float, list[int | None]] = (-1.0, [None] * len(predicted))
    chosen: list[int | None] = []
    used: set[int] = set()

    def search(i: int, p_num: int, r_num: int) -> None:
        nonlocal best
        if i == len(predicted):
            value = _f1(p_num, p_den, r_num, r_den)
            if value > best[0]:
                best = (value, list(chosen))
            return
        if _f1(p_num + rest_p[i], p_den, r_num + rest_r[i], r_den) <= best[0]:
            return
        for j in range(len(gold)):
            if j not in used and (i, j) in pairs:
                used.add(j)
                chosen.append(j)
                search(i + 1, p_num + pairs[i, j][0], r_num + pairs[i, j][1])
                chosen.pop()
                used.discard(j)
        chosen.append(None)
        search(i + 1, p_num, r_num)
        chosen.pop()

    search(0, 0, 0)
    return best[1]


def score_document(predicted: Sequence[Template], gold: Sequence[Template]) -> Score:
    """The counts of one document under its best alignment."""
    predicted = [_norm_template(t) for t in predicted]
    gold = [_norm_template(t) for t in gold]
    alignment = best_alignment(predicted, gold)
    score = Score()
    for i, j in enumerate(alignment):
        score.add(_pair_counts(predicted[i], gold[j]) if j is not None else _unaligned(predicted[i], predicted=True))
    aligned = set(alignment)
    for j, template in enumerate(gold):
        if j not in aligned:
            score.add(_unaligned(template, predicted=False))
    return score


def score_corpus(predictions: dict[str, Sequence[Template]], documents: Iterable[MucDocument]) -> Score:
    """Summed counts over ``documents``; a document missing from ``predictions`` counts as predicting nothing."""
    total = Score()
    for document in documents:
        total.add(score_document(predictions.get(document.docid, ()), document.templates))
    return total


# --- prediction files ----------------------------------------------------------------------------------------------


def prediction_entries(
    predictions: dict[str, Sequence[Template]], documents: Iterable[MucDocument]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, entry) pairs of the prediction file, one per document, keyed as GTT's scorer expects."""
    for document in documents:
        templates = predictions.get(document.docid, ())[:MAX_TEMPLATES]
        yield gtt_key(document.docid), {
            "docid": document.docid,
            "pred_templates": [t.to_json() for t in templates],
        }


def write_predictions(
    path: str | Path, predictions: dict[str, Sequence[Template]], documents: Iterable[MucDocument]
) -> None:
    """Write a prediction file GTT's ``eval.py`` reads: every document present, at most 5 templates each."""
    data = dict(prediction_entries(predictions, documents))
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def read_predictions(path: str | Path, documents: Iterable[MucDocument]) -> dict[str, tuple[Template, ...]]:
    """Read a prediction file back, keyed by docid."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"prediction file not found: {path}") from None
    except json.JSONDecodeError as exc:
        raise EvalError(f"prediction file {path} is not JSON ({exc}); write it with write_predictions") from None
    result = {}
    for document in documents:
        entry = data.get(gtt_key(document.docid))
        if entry is None:
            raise EvalError(f"prediction file {path} has no entry for {document.docid}; every document needs one")
        result[document.docid] = templates_from_json(entry.get("pred_templates", []))
    return result


# --- templates from the learned model ------------------------------------------------------------------------------

# Decision thresholds on the classifier's type scores, chosen on MUC-4 dev with the shipped model.
RELEVANCE_THRESHOLD = 0.2
TYPE_THRESHOLD = 0.5

# Words that signal each MUC-4 type; used to give role fillers to the nearest incident of several in one document.
TRIGGERS: dict[str, re.Pattern[str]] = {
    "attack": re.compile(
        r"\b(attack|assault|kill|murder|assassinat|shot|shoot|ambush|massacre|machinegun|fired)", re.I
    ),
    "bombing": re.compile(r"\b(bomb|explo|dynamite|blast|detonat|car.bomb|device)", re.I),
    "kidnapping": re.compile(r"\b(kidnap|abduct|hostage|captor|releas)", re.I),
    "arson": re.compile(r"\b(arson|burn|set fire|set on fire|torch|blaze)", re.I),
    "robbery": re.compile(r"\b(rob|stole|steal|loot|theft|hold-?up)", re.I),
    "forced work stoppage": re.compile(r"\b(strike|stoppage|paro|shutdown|halt)", re.I),
}


def learned_templates(
    learned: LearnedRoles,
    text: str,
    *,
    relevance: float = RELEVANCE_THRESHOLD,
    threshold: float = TYPE_THRESHOLD,
    limit: int = MAX_TEMPLATES,
) -> list[Template]:
    """Templates from the learned model's output, one per likely incident type.

    The document reports an incident when its best type scores at least ``relevance``; other types join when
    they score at least ``threshold``. Each role filler goes to the template whose type trigger is nearest.
    """
    relevant = learned.relevance if learned.relevance is not None else (learned.types[0].score if learned.types else 0)
    if not learned.types or relevant < relevance:
        return []
    types = [learned.types[0].type, *(t.type for t in learned.types[1:] if t.score >= threshold)][:limit]
    triggers = {t: [m.start() for m in TRIGGERS[t].finditer(text)] for t in types if t in TRIGGERS}
    fillers: dict[str, dict[str, list[str]]] = {t: {role: [] for role in ROLES} for t in types}
    for span in learned.spans:
        owner = _nearest_type(span.start, types, triggers)
        fillers[owner][span.role].append(span.text)
    return [Template(incident_type=t, **{role: _entities(fillers[t][role]) for role in ROLES}) for t in types]


def _nearest_type(position: int, types: Sequence[str], triggers: dict[str, list[int]]) -> str:
    """The type whose trigger is closest to ``position``; the most likely type when no trigger is found."""
    best, distance = types[0], None
    for incident_type in types:
        for start in triggers.get(incident_type, ()):
            if distance is None or abs(start - position) < distance:
                best, distance = incident_type, abs(start - position)
    return best


# --- running a system over MUC-4 documents -------------------------------------------------------------------------

SYSTEMS: tuple[str, ...] = ("pipeline", "learned")


@dataclass
class EvalResult:
    """Predictions, their score, the documents that failed (docid, reason) and the time taken.

    ``seconds`` is wall-clock time, ``cpu_seconds`` the CPU time of this process (a fairer speed figure on a
    shared machine).
    """

    predictions: dict[str, list[Template]]
    score: Score
    failures: list[tuple[str, str]]
    seconds: float
    cpu_seconds: float
    documents: int

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def docs_per_cpu_second(self) -> float:
        return self.documents / self.cpu_seconds if self.cpu_seconds else 0.0


def learned_predictions(documents: Sequence[MucDocument], *, model: LearnedModel,
                        settings: Settings) -> dict[str, list[Template]]:
    """Templates from a learned model alone; encoder heads read every sentence of every document."""
    texts = [document.text for document in documents]
    if model.kind == "encoder":
        from ..nlp.encoder_roles import EncoderModel

        encoder = EncoderModel(model.path, encoder=settings.nlp.encoder, threads=torch_threads(settings))
        learned = [item for first in range(0, len(texts), 16)
                   for item in encoder.predict(texts[first:first + 16], [None] * len(texts[first:first + 16]))]
        thresholds = {"relevance": encoder.heads.relevance, "threshold": encoder.heads.type_threshold}
    else:
        learned = list(MucModel(model.path).predict(texts))
        thresholds = {}
    return {
        document.docid: learned_templates(item, document.text, **thresholds)
        for document, item in zip(documents, learned, strict=True)
    }


def pipeline_predictions(
    documents: Sequence[MucDocument], *, settings: Settings
) -> tuple[dict[str, list[Template]], list[tuple[str, str]]]:
    """Templates from the full incidex pipeline (rules, and the learned model ``settings`` names).

    A document that fails is recorded with its reason and predicts nothing.
    """
    from ..batch import extract_documents

    inputs = [Document(text=document.text, id=document.docid) for document in documents]
    predictions: dict[str, list[Template]] = {}
    failures: list[tuple[str, str]] = []
    for document, outcome in zip(documents, extract_documents(inputs, settings=settings), strict=True):
        if outcome.report is None:
            failures.append((document.docid, str(outcome.error) if outcome.error else "no report"))
            predictions[document.docid] = []
        else:
            predictions[document.docid] = report_to_templates(outcome.report)
    return predictions, failures


def evaluate(
    documents: Sequence[MucDocument], *, system: str = "pipeline", settings: Settings | None = None
) -> EvalResult:
    """Run ``system`` (``pipeline`` or ``learned``) on ``documents`` and score it.

    Both use the learned model of ``settings.nlp.learned_model`` (the shipped one by default); ``learned`` needs one.
    """
    if system not in SYSTEMS:
        raise ConfigError(f"unknown MUC-4 system {system!r}; use one of: {', '.join(SYSTEMS)}")
    settings = settings or load_settings()
    model = learned_model(settings)
    if system == "learned" and model is None:
        raise ConfigError("the learned system needs a learned model; set nlp.learned_model or pass --model DIR")
    started, cpu_started = time.perf_counter(), time.process_time()
    failures: list[tuple[str, str]] = []
    if system == "learned":
        predictions = learned_predictions(documents, model=model, settings=settings)
    else:
        predictions, failures = pipeline_predictions(documents, settings=settings)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return EvalResult(
        predictions=predictions,
        score=score_corpus(predictions, documents),
        failures=failures,
        seconds=seconds,
        cpu_seconds=cpu_seconds,
        documents=len(documents),
    )
