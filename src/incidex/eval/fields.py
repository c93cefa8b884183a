"""Field-by-field scoring of predicted incident records against our gold records.

Per report, predicted incidents are aligned one-to-one with gold incidents so that the summed pair score is
highest (type, role, date and place agreement; see :func:`pair_score`). Then every field is counted as
``correct`` / ``predicted`` / ``expected``:

* an aligned pair counts the predicted value (if filled), the gold value (if one is required) and a match;
* a gold incident left unaligned counts only its expected values (not at all when it is optional);
* a predicted incident left unaligned counts every filled value as predicted, so a spurious incident costs
  precision on each field it fills.

List fields (perpetrator names, weapons, sources) match items by normalized token overlap; counts
(``perpetrators.count``, ``victims.count``) match one-to-one against accepted values. ``must_not`` conditions
are checked on the predicted incident aligned to the gold index they name, or on every predicted incident.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ..geodesy import distance_km
from ..types import CASUALTY_FIELDS, Incident, Location, Perpetrator, Report
from .gold import Accepted, GoldIncident, GoldLocation, GoldPerpetrator, GoldReport, MustNot
from .prf import EMPTY_IS_PERFECT, f1, ratio

FIELDS: tuple[str, ...] = (
    "incidents",
    "type",
    "role",
    "date.value",
    "date.precision",
    "location.name",
    "location.country_code",
    "location.admin1",
    "location.precision",
    "location.distance",
    "perpetrators.name",
    "perpetrators.kind",
    "perpetrators.relation",
    "perpetrators.count",
    "victims.count",
    "weapons",
    *(f"casualties.{name}" for name in CASUALTY_FIELDS),
    "sources.name",
    "sources.kind",
    "must_not",
)

# Types an analyst could reasonably confuse: a pair of them still aligns, though "type" is scored wrong.
_RELATED_TYPES = (
    {"hostage_taking", "kidnapping"},
    {"armed_assault", "assassination", "raid", "clash"},
    {"bombing", "air_or_drone_strike", "shelling"},
    {"arrest", "plot", "raid"},
    {"riot", "clash", "arson"},
)
MIN_PAIR_SCORE = 2.0
_EXACT_SEARCH_LIMIT = 12  # gold incidents per report up to which the alignment search is exhaustive

_STOPWORDS = frozenset(
    {"the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "by", "s", "group", "de", "del", "la", "du", "des"}
)
_ADMIN_WORDS = frozenset(
    {
        "province",
        "state",
        "region",
        "oblast",
        "governorate",
        "department",
        "county",
        "district",
        "prefecture",
        "municipality",
        "territory",
        "capital",
        "autonomous",
        "republic",
        "krai",
        "division",
        "city",
        "distrito",
        "municipalidad",
        "metropolitana",
        "metropolitan",
        "area",
        "comunidad",
    }
)
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass
class FieldCount:
    """Counts for one field; P/R are 1.0 when there was nothing to predict or find (:data:`EMPTY_IS_PERFECT`)."""

    correct: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, *, correct: int = 0, predicted: int = 0, expected: int = 0) -> None:
        self.correct += correct
        self.predicted += predicted
        self.expected += expected

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted, if_empty=EMPTY_IS_PERFECT)

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.expected, if_empty=EMPTY_IS_PERFECT)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass
class Score:
    """Per-field counts over one or more reports, and the ``must_not`` conditions that were violated."""

    counts: dict[str, FieldCount] = field(default_factory=lambda: {name: FieldCount() for name in FIELDS})
    violations: list[str] = field(default_factory=list)
    reports: int = 0

    def __add__(self, other: Score) -> Score:
        total = Score(violations=[*self.violations, *other.violations], reports=self.reports + other.reports)
        for name in FIELDS:
            for part in (self.counts[name], other.counts[name]):
                total.counts[name].add(correct=part.correct, predicted=part.predicted, expected=part.expected)
        return total

    def f1(self) -> dict[str, float]:
        """F1 of every field that had something to predict or to find."""
        return {name: count.f1 for name, count in self.counts.items() if count.predicted or count.expected}

    def table(self) -> str:
        """A plain-text table: one row per field with its counts and P/R/F1."""
        header = f"{'field':<34}{'correct':>8}{'pred':>6}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}"
        lines = [f"{self.reports} reports", header, "-" * len(header)]
        for name in FIELDS:
            c = self.counts[name]
            if not (c.predicted or c.expected):
                continue
            lines.append(
                f"{name:<34}{c.correct:>8}{c.predicted:>6}{c.expected:>6}"
                f"{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}"
            )
        return "\n".join(lines)


def score_report(predicted: Report, gold: GoldReport) -> Score:
    """Score one predicted report against its gold record."""
    score = Score(reports=1)
    incidents = predicted.incidents
    pairs = align(incidents, gold.incidents)
    paired_pred = {p for p, _ in pairs}
    paired_gold = {g for _, g in pairs}
    detection = score.counts["incidents"]
    detection.add(predicted=len(incidents), correct=len(pairs))
    detection.add(expected=sum(1 for i, g in enumerate(gold.incidents) if not g.optional or i in paired_gold))
    for p, g in pairs:
        _score_pair(score, incidents[p], gold.incidents[g])
    for index, item in enumerate(gold.incidents):
        if index not in paired_gold and not item.optional:
            _score_pair(score, None, item)
    for index, incident in enumerate(incidents):
        if index not in paired_pred:
            _score_spurious(score, incident)
    aligned_to = {g: incidents[p] for p, g in pairs}
    checks = score.counts["must_not"]
    for rule in gold.must_not:
        if rule.incident is None:
            targets = incidents
        else:  # nothing to check when no prediction is aligned to that gold incident
            targets = [aligned_to[rule.incident]] if rule.incident in aligned_to else []
        broken = [incident for incident in targets if violates(incident, rule)]
        checks.add(expected=1, predicted=1, correct=0 if broken else 1)
        if broken:
            score.violations.append(f"{gold.name}: {rule.why}")
    return score


def score_reports(pairs: Iterable[tuple[Report, GoldReport]]) -> Score:
    """Sum of :func:`score_report` over (predicted, gold) pairs."""
    total = Score()
    for predicted, gold in pairs:
        total = total + score_report(predicted, gold)
    return total


# --- alignment -------------------------------------------------------------------------------------------------


def pair_score(predicted: Incident, gold: GoldIncident) -> float:
    """How well a predicted incident fits a gold one; pairs below :data:`MIN_PAIR_SCORE` never align."""
    score = 0.0
    if predicted.type in gold.type:
        score += 2
    elif any(predicted.type in group and any(t in group for t in gold.type) for group in _RELATED_TYPES):
        score += 1
    if predicted.role in gold.role:
        score += 1
    if gold.date is not None and gold.date.value is not None and predicted.date.value:
        wanted = [value for value in gold.date.value if value]
        if any(_dates_compatible(predicted.date.value, value) for value in wanted):
            score += 1
        elif wanted:
            score -= 1
    if gold.location is not None and predicted.location.country_code:
        score += _place_agreement(predicted, gold.location)
    if gold.casualties is not None:
        for name in CASUALTY_FIELDS:
            value = predicted.casualties.get(name)
            if value and value in gold.casualties[name]:
                score += 0.5
                break
    return score


def align(predicted: Sequence[Incident], gold: Sequence[GoldIncident]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs with the highest summed :func:`pair_score`."""
    scores = [[pair_score(p, g) for g in gold] for p in predicted]
    if len(gold) > _EXACT_SEARCH_LIMIT:
        return _greedy(scores)

    @cache
    def best(i: int, used: int) -> tuple[float, tuple[tuple[int, int], ...]]:
        if i == len(predicted):
            return 0.0, ()
        result = best(i + 1, used)
        for j, value in enumerate(scores[i]):
            if value >= MIN_PAIR_SCORE and not used & (1 << j):
                rest, pairs = best(i + 1, used | (1 << j))
                if value + rest > result[0]:
                    result = (value + rest, ((i, j), *pairs))
        return result

    return sorted(best(0, 0)[1])


def _greedy(scores: list[list[float]]) -> list[tuple[int, int]]:
    ranked = [(value, i, j) for i, row in enumerate(scores) for j, value in enumerate(row) if value >= MIN_PAIR_SCORE]
    return sorted(_one_to_one(ranked))


def _one_to_one(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs from (score, predicted, gold) candidates, best score first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _dates_compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _place_agreement(predicted: Incident, gold: GoldLocation) -> float:
    loc = predicted.location
    if gold.country_code is not None and None not in gold.country_code and loc.country_code not in gold.country_code:
        return -1.5
    if gold.name is not None and loc.name and any(place_match(loc.name, name) for name in _strings(gold.name)):
        return 1.5
    if gold.lat is not None and gold.lon is not None and loc.lat is not None and loc.lon is not None:
        if distance_km(loc.lat, loc.lon, gold.lat, gold.lon) <= gold.tolerance_km:
            return 1.5
    return 0.5


# --- per-field counting ----------------------------------------------------------------------------------------


def _score_pair(score: Score, predicted: Incident | None, gold: GoldIncident) -> None:
    """Count every assessed field of ``gold`` against ``predicted`` (``None``: the incident was missed)."""
    counts = score.counts
    _scalar(counts["type"], predicted.type if predicted else None, gold.type)
    _scalar(counts["role"], predicted.role if predicted else None, gold.role)
    if gold.date is not None:
        date = predicted.date if predicted else None
        _scalar(counts["date.value"], date.value if date else None, gold.date.value)
        precision = date.precision if date and date.precision != "unknown" else None
        _scalar(counts["date.precision"], precision, gold.date.precision)
    if gold.location is not None:
        _score_location(counts, predicted.location if predicted else None, gold.location)
    if gold.perpetrators is not None:
        _score_perpetrators(counts, predicted.perpetrators if predicted else [], gold.perpetrators)
    if gold.victims is not None:
        _match_counts(counts["victims.count"], [v.count for v in predicted.victims] if predicted else [], gold.victims)
    if gold.weapons is not None:
        weapons = [w.text for w in predicted.weapons] if predicted else []
        _match_names(counts["weapons"], weapons, list(gold.weapons), match=_weapon_match)
    if gold.casualties is not None:
        for name in CASUALTY_FIELDS:
            value = predicted.casualties.get(name) if predicted else None
            _scalar(counts[f"casualties.{name}"], value, gold.casualties[name])
    if gold.sources is not None:
        sources = predicted.sources if predicted else []
        pairs = _match_names(
            counts["sources.name"], [s.name for s in sources], [s.names for s in gold.sources], match=_source_match
        )
        _paired_attribute(
            counts["sources.kind"],
            [(sources[p].kind, gold.sources[g].kind) for p, g in pairs],
            predicted=len(sources),
            expected=len(gold.sources),
        )


def _score_location(counts: dict[str, FieldCount], loc: Location | None, gold: GoldLocation) -> None:
    name = loc.name if loc else None
    if gold.name is not None:
        _text_scalar(counts["location.name"], name, gold.name, place_match)
    if gold.country_code is not None:
        code = loc.country_code.upper() if loc and loc.country_code else None
        _scalar(counts["location.country_code"], code, gold.country_code)
    if gold.admin1 is not None:
        _text_scalar(counts["location.admin1"], loc.admin1 if loc else None, gold.admin1, place_match)
    if gold.precision is not None:
        _scalar(counts["location.precision"], loc.precision if loc else None, gold.precision)
    if gold.lat is not None and gold.lon is not None:
        point = (loc.lat, loc.lon) if loc is not None and loc.lat is not None and loc.lon is not None else None
        has_point = point is not None
        near = point is not None and distance_km(*point, gold.lat, gold.lon) <= gold.tolerance_km
        counts["location.distance"].add(correct=int(near), predicted=int(has_point), expected=1)


def _score_perpetrators(
    counts: dict[str, FieldCount], perps: Sequence[Perpetrator], gold: Sequence[GoldPerpetrator]
) -> None:
    named = [p for p in perps if p.name]
    gold_named = [g for g in gold if g.names]
    pairs = _match_names(
        counts["perpetrators.name"], [p.name for p in named], [g.names for g in gold_named], match=_actor_match
    )
    _paired_attribute(
        counts["perpetrators.kind"],
        [(named[p].kind, gold_named[g].kind) for p, g in pairs],
        predicted=len(named),
        expected=len(gold_named),
    )
    _paired_attribute(
        counts["perpetrators.relation"],
        [(named[p].relation, gold_named[g].relation) for p, g in pairs],
        predicted=sum(1 for p in named if p.relation),
        expected=sum(1 for g in gold_named if g.relation and any(g.relation)),
    )
    _match_counts(counts["perpetrators.count"], [p.count for p in perps], [g.count for g in gold if g.count])


def _score_spurious(score: Score, incident: Incident) -> None:
    """Every value a spurious incident fills is a false positive."""
    counts = score.counts
    filled = {
        "type": incident.type,
        "role": incident.role,
        "date.value": incident.date.value,
        "date.precision": incident.date.precision if incident.date.precision != "unknown" else None,
        "location.name": incident.location.name,
        "location.country_code": incident.location.country_code,
        "location.admin1": incident.location.admin1,
        "location.precision": incident.location.precision,
        "location.distance": incident.location.lat,
        **{f"casualties.{name}": incident.casualties.get(name) for name in CASUALTY_FIELDS},
    }
    for name, value in filled.items():
        if value is not None:
            counts[name].add(predicted=1)
    named = [p for p in incident.perpetrators if p.name]
    counts["perpetrators.name"].add(predicted=len(named))
    counts["perpetrators.kind"].add(predicted=len(named))
    counts["perpetrators.relation"].add(predicted=sum(1 for p in named if p.relation))
    counts["perpetrators.count"].add(predicted=sum(1 for p in incident.perpetrators if p.count is not None))
    counts["victims.count"].add(predicted=sum(1 for v in incident.victims if v.count is not None))
    counts["weapons"].add(predicted=len(incident.weapons))
    counts["sources.name"].add(predicted=len(incident.sources))
    counts["sources.kind"].add(predicted=len(incident.sources))


def _scalar(count: FieldCount, value: Any, accepted: Accepted) -> None:
    _text_scalar(count, value, accepted, lambda a, b: a == b)


def _text_scalar(count: FieldCount, value: Any, accepted: Accepted, same: Callable[[Any, Any], bool]) -> None:
    """Count one value: a hit when it equals an accepted value; ``None`` among them makes the field optional."""
    if accepted is None:
        return
    wanted = [item for item in accepted if item is not None]
    hit = value is not None and any(same(value, item) for item in wanted)
    count.add(
        correct=int(hit),
        predicted=int(value is not None),
        expected=int(bool(wanted) and (hit or None not in accepted)),
    )


def _match_counts(count: FieldCount, values: Iterable[int | None], gold: Sequence[tuple[int, ...]]) -> None:
    """Pair each predicted count with an unused gold group that accepts it, narrowest groups first."""
    predicted = [value for value in values if value is not None]
    free = sorted(gold, key=len)
    correct = 0
    for value in predicted:
        group = next((group for group in free if value in group), None)
        if group is not None:
            free.remove(group)
            correct += 1
    count.add(correct=correct, predicted=len(predicted), expected=len(gold))


def _paired_attribute(
    count: FieldCount, pairs: Sequence[tuple[Any, Accepted]], *, predicted: int, expected: int
) -> None:
    correct = sum(1 for value, accepted in pairs if value is not None and accepted is not None and value in accepted)
    count.add(correct=correct, predicted=predicted, expected=expected)


def _match_names(
    count: FieldCount,
    predicted: Sequence[str],
    gold: Sequence[tuple[str, ...]],
    *,
    match: Callable[[str, Sequence[str]], float],
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by similarity; returns the (predicted, gold) index pairs."""
    pairs = _one_to_one(
        (sim, i, j) for i, name in enumerate(predicted) for j, names in enumerate(gold) if (sim := match(name, names))
    )
    count.add(correct=len(pairs), predicted=len(predicted), expected=len(gold))
    return pairs


# --- must_not --------------------------------------------------------------------------------------------------


def violates(incident: Incident, rule: MustNot) -> bool:
    """Whether ``incident`` meets a forbidden condition."""
    if rule.perpetrator is not None:
        return any(
            p.name
            and names_match(p.name, [rule.perpetrator], threshold=0.85)
            and (rule.relation is None or p.relation == rule.relation)
            for p in incident.perpetrators
        )
    if rule.field == "*":
        return True
    if rule.field == "casualties.*":
        values = [incident.casualties.get(name) for name in CASUALTY_FIELDS]
    else:
        values = [_field_value(incident, rule.field or "")]
    return any(value is not None and value in rule.values for value in values)


def _field_value(incident: Incident, path: str) -> Any:
    head, _, tail = path.partition(".")
    if head == "casualties":
        return incident.casualties.get(tail)
    value = getattr(incident, head)
    return getattr(value, tail) if tail else value


# --- name matching ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def tokens(text: str, *, drop: frozenset[str] = _STOPWORDS) -> frozenset[str]:
    """Lowercased, accent-free word set without stop words; a plural ``-s`` is dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("'s", " ")
    words = (_singular(word) for word in _NON_WORD.split(folded) if word)
    return frozenset(word for word in words if word not in drop)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def names_match(name: str, accepted: Sequence[str], *, threshold: float) -> float:
    """Best Dice token overlap of ``name`` with an accepted name, or 0.0 when below ``threshold``."""
    best = max((dice(tokens(name), tokens(item)) for item in accepted), default=0.0)
    return best if best >= threshold else 0.0


def _actor_match(name: str, accepted: Sequence[str]) -> float:
    return names_match(name, accepted, threshold=0.85)


def _source_match(name: str, accepted: Sequence[str]) -> float:
    """Sources match on overlap above one half, or when a name of two or more words is contained in the other."""
    best = 0.0
    a = tokens(name)
    for item in accepted:
        b = tokens(item)
        shorter, longer = sorted((a, b), key=len)
        contained = len(shorter) >= 2 and shorter <= longer
        best = max(best, 1.0 if contained else dice(a, b))
    return best if best > 0.5 else 0.0


def _weapon_match(name: str, accepted: Sequence[str]) -> float:
    """Weapons match on half the words, or when one name is inside the other ("rifles" in "assault rifles")."""
    best = 0.0
    a = tokens(name)
    for item in accepted:
        b = tokens(item)
        shorter, longer = sorted((a, b), key=len)
        best = max(best, 1.0 if shorter and shorter <= longer else dice(a, b))
    return best if best >= 0.5 else 0.0


def place_match(value: str, accepted: str) -> bool:
    """Place names match on most of their words, ignoring generic ones ("Diyala Governorate" is "Diyala")."""
    drop = _STOPWORDS | _ADMIN_WORDS
    return dice(tokens(value, drop=drop), tokens(accepted, drop=drop)) >= 0.8


def _strings(accepted: Accepted) -> list[str]:
    return [item for item in accepted or () if isinstance(item, str)]

