"""Reconciling disagreeing figures: one value per casualty field, with the rule that chose it.

Used within one report (a governor's spokesman says 12 dead, the group claims 190) and across reports by the
resolver. The rule: prefer the most authoritative kind of source (official, then media, then witnesses, social media
and last the perpetrators' own claims); among equally authoritative figures take the latest report if dates are
known, else the lowest (the conservative coder's choice). Min and max of all figures are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .types import CASUALTY_FIELDS, Casualties, Figure, Reconciliation

SOURCE_KIND_RANK: dict[str | None, int] = {
    "official": 0,
    "state_media": 1,
    "news_media": 1,
    None: 2,  # the report's own voice
    "other": 2,
    "witness": 3,
    "social_media": 4,
    "group_claim": 5,
}
PARTIES = ("perpetrators", "victims", "responders")


@dataclass(frozen=True)
class SourcedFigure:
    """A figure with the kind of its source and the date of the report that carries it."""

    figure: Figure
    kind: str | None = None
    reported: str | None = None
    origin: str | None = None  # the document a figure comes from, when reports are merged


def _value(item: SourcedFigure) -> int:
    figure = item.figure
    return figure.value if figure.value is not None else (figure.low or 0)


def _label(item: SourcedFigure) -> str:
    """Who stated a figure: its source and, across reports, the report it came from."""
    who = item.figure.source or "unattributed"
    return f"{who}, {item.origin}" if item.origin else who


def reconcile_field(field: str, items: Sequence[SourcedFigure]) -> Reconciliation:
    """Choose one value for a field among stated figures and say why."""
    values = [_value(i) for i in items]
    low, high = min(values), max(values)
    if len(set(values)) == 1:
        rule = "single figure" if len(items) == 1 else f"all {len(items)} figures agree"
        vague = all(i.figure.value is None for i in items)
        return Reconciliation(field, values[0], rule + (" (lower bound of a vague amount)" if vague else ""), low, high)
    best_rank = min(SOURCE_KIND_RANK.get(i.kind, 2) for i in items)
    preferred = [i for i in items if SOURCE_KIND_RANK.get(i.kind, 2) == best_rank]
    kind = (preferred[0].kind or "unattributed").replace("_", " ")
    dated = [i for i in preferred if i.reported]
    if dated and len({i.reported for i in dated}) > 1:
        latest = max(dated, key=lambda i: i.reported or "")
        return Reconciliation(field, _value(latest), f"{kind} figure of the latest report ({_label(latest)}, "
                              f"published {latest.reported})", low, high)
    chosen = min(preferred, key=_value)
    others = len(items) - len(preferred)
    why = f"preferred over {others} less authoritative figure(s)" if others else f"lowest of {len(items)}"
    return Reconciliation(field, _value(chosen), f"{kind} figure ({_label(chosen)}), {why}", low, high)


def _rank(items: Sequence[SourcedFigure]) -> int:
    return min(SOURCE_KIND_RANK.get(i.kind, 2) for i in items)


def _total_from_parties(
    kind: str, by_field: dict[str, list[SourcedFigure]], casualties: Casualties, decisions: list[Reconciliation]
) -> Reconciliation | None:
    """The sum of party figures replaces a stated total that is smaller or comes from a less authoritative source."""
    party_items = [i for p in PARTIES for i in by_field.get(f"{kind}.{p}", [])]
    if not party_items:
        return None
    party_sum = sum(casualties.get(f"{kind}.{p}") or 0 for p in PARTIES)
    total = casualties.get(f"{kind}.total")
    stated = by_field.get(f"{kind}.total", [])
    if total is not None and total >= party_sum and (_rank(stated) <= _rank(party_items)):
        return None
    rule = "sum of the stated party figures"
    if total is not None and total >= party_sum:
        rule += f", preferred over a total of {total} from a less authoritative source"
    parties = [d for d in decisions if d.field in {f"{kind}.{p}" for p in PARTIES}]
    low = sum(d.low if d.low is not None else d.value or 0 for d in parties)
    high = sum(d.high if d.high is not None else d.value or 0 for d in parties)
    return Reconciliation(f"{kind}.total", party_sum, rule, min(low, total if total is not None else low),
                          max(high, total or 0))


def reconcile(items: Iterable[SourcedFigure]) -> tuple[Casualties, list[Reconciliation]]:
    """Casualties from stated figures: per field, then totals from party sums when no total is stated."""
    by_field: dict[str, list[SourcedFigure]] = {}
    for item in items:
        by_field.setdefault(item.figure.field, []).append(item)
    casualties = Casualties()
    decisions: list[Reconciliation] = []
    for field in CASUALTY_FIELDS:
        if field in by_field:
            decision = reconcile_field(field, by_field[field])
            casualties.set(field, decision.value)
            decisions.append(decision)
    for kind in ("killed", "injured"):
        decision = _total_from_parties(kind, by_field, casualties, decisions)
        if decision is not None:
            casualties.set(f"{kind}.total", decision.value)
            decisions = [d for d in decisions if d.field != f"{kind}.total"] + [decision]
    return casualties, decisions
