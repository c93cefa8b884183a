"""Per-field counts (n, correct, %) and the error classes behind the misses, for the evaluations on annotated data.

A :class:`Tally` is filled one judgement at a time: ``tally.judge("country", ok, error="country: wrong",
example="doc-1: ours KE, gold SO")``; a miss judged without an error class counts in the table only (a row whose
miss is already filed under another class). It prints a table of every field with its counts and a list of the most frequent
error classes with a few examples each.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

EXAMPLES_PER_CLASS = 3


@dataclass
class FieldTally:
    """How many items a field was judged on and how many were right."""

    n: int = 0
    correct: int = 0

    @property
    def percent(self) -> float | None:
        return 100 * self.correct / self.n if self.n else None


@dataclass
class Tally:
    """Counts per field, in the order fields were first judged, and the classes of the misses."""

    fields: dict[str, FieldTally] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def judge(self, name: str, ok: bool, *, error: str | None = None, example: str | None = None) -> None:
        """Count one judgement of field ``name``; a miss is filed under the class ``error`` when one is given."""
        counts = self.fields.setdefault(name, FieldTally())
        counts.n += 1
        counts.correct += bool(ok)
        if not ok and error:
            self.note(error, example)

    def note(self, error: str, example: str | None = None) -> None:
        """File an error class without counting a field (e.g. a document that failed)."""
        self.errors[error] += 1
        shown = self.examples.setdefault(error, [])
        if example is not None and len(shown) < EXAMPLES_PER_CLASS:
            shown.append(example)

    @classmethod
    def of(cls, names: tuple[str, ...]) -> Tally:
        """A tally whose table lists ``names`` in this order (fields judged later follow them)."""
        return cls(fields={name: FieldTally() for name in names})

    def percent(self, name: str) -> float | None:
        counts = self.fields.get(name)
        return counts.percent if counts else None

    def table(self, title: str) -> str:
        """A plain-text table: one row per field with n, correct and the percentage."""
        width = max([34, *(len(name) + 2 for name in self.fields)])
        header = f"{'field':<{width}}{'n':>8}{'correct':>9}{'%':>8}"
        lines = [title, header, "-" * len(header)]
        for name, counts in self.fields.items():
            if not counts.n:
                continue
            percent = "—" if counts.percent is None else f"{counts.percent:.1f}"
            lines.append(f"{name:<{width}}{counts.n:>8}{counts.correct:>9}{percent:>8}")
        return "\n".join(lines)

    def error_list(self, *, top: int = 12) -> str:
        """The ``top`` most frequent error classes, each with its count and up to three examples."""
        lines = []
        for error, count in self.errors.most_common(top):
            lines.append(f"{count:>6}  {error}")
            lines.extend(f"          e.g. {example}" for example in self.examples.get(error, []))
        return "\n".join(lines) or "(no errors)"
