"""Where a MUC-4 system loses its score: a breakdown of errors for choosing what to improve next.

Documents are split by whether gold and prediction report an incident at all; the items (one per template for
``incident_type`` plus one per entity) that documents without gold templates add to the precision denominator,
and those that documents predicted empty add to the recall denominator, show what relevance gating costs.
Role fillers are then compared per document, across all of its templates, as normalized mention strings: a
predicted string is *found* (a gold mention of that role), *wrong role* (a gold mention of another role),
*boundary* (a gold mention of the role contains it or it contains one) or *spurious*; a gold entity none of whose
mentions was predicted for its role is *missed*.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .muc4 import ROLES, MucDocument, Template, normalize_mention, score_document


@dataclass
class RoleErrors:
    """Filler strings of one role in documents with gold templates, counted as described in the module doc."""

    found: int = 0
    wrong_role: int = 0
    boundary: int = 0
    spurious: int = 0
    missed: int = 0


@dataclass
class ErrorBreakdown:
    """Counts over a corpus; ``relevance`` maps (gold reports an incident, prediction does) to documents."""

    relevance: dict[tuple[bool, bool], int] = field(
        default_factory=lambda: {(g, p): 0 for g in (True, False) for p in (True, False)}
    )
    spurious_document_items: int = 0
    missed_document_items: int = 0
    predicted_templates: int = 0
    gold_templates: int = 0
    roles: dict[str, RoleErrors] = field(default_factory=lambda: {role: RoleErrors() for role in ROLES})

    def table(self) -> str:
        """The breakdown as plain text."""
        r = self.relevance
        lines = [
            f"documents: both report an incident {r[True, True]}, missed {r[True, False]}, "
            f"spurious {r[False, True]}, both empty {r[False, False]}",
            f"templates predicted {self.predicted_templates}, gold {self.gold_templates}",
            f"items from spurious documents (precision denominator) {self.spurious_document_items}",
            f"items of missed documents (recall denominator) {self.missed_document_items}",
            f"{'role':<8} {'found':>6} {'wrong':>6} {'bound':>6} {'spur':>6} {'missed':>6}",
        ]
        for role, e in self.roles.items():
            lines.append(
                f"{role:<8} {e.found:6d} {e.wrong_role:6d} {e.boundary:6d} {e.spurious:6d} {e.missed:6d}"
            )
        return "\n".join(lines)


def _mentions(templates: Iterable[Template], role: str) -> list[set[str]]:
    return [{normalize_mention(m) for m in entity} for t in templates for entity in t.entities(role)]


def _role_errors(predicted: Sequence[Template], gold: Sequence[Template], role: str, into: RoleErrors) -> None:
    gold_entities = _mentions(gold, role)
    gold_strings = set().union(*gold_entities)
    other_strings = set().union(*(s for other in ROLES if other != role for s in _mentions(gold, other)))
    strings = set().union(*_mentions(predicted, role))
    for text in strings:
        if text in gold_strings:
            into.found += 1
        elif text in other_strings:
            into.wrong_role += 1
        elif any(text in g or g in text for g in gold_strings):
            into.boundary += 1
        else:
            into.spurious += 1
    into.missed += sum(1 for entity in gold_entities if not entity & strings)


def error_breakdown(predictions: dict[str, Sequence[Template]], documents: Iterable[MucDocument]) -> ErrorBreakdown:
    """The error breakdown of ``predictions`` (keyed by docid) against the gold of ``documents``."""
    result = ErrorBreakdown()
    for document in documents:
        predicted, gold = predictions.get(document.docid, ()), document.templates
        result.relevance[bool(gold), bool(predicted)] += 1
        result.predicted_templates += len(predicted)
        result.gold_templates += len(gold)
        if not gold:
            result.spurious_document_items += score_document(predicted, gold).micro.p_den
            continue
        if not predicted:
            result.missed_document_items += score_document(predicted, gold).micro.r_den
        for role in ROLES:
            _role_errors(predicted, gold, role, result.roles[role])
    return result
