"""Precision, recall and F1 from their numerators and denominators: the one helper every P/R/F1 scorer uses.

Precision and recall keep separate numerators because a match can count differently on each side (a predicted
entity that fits one gold entity, a gold entity that several predictions fit).

What a ratio with nothing under it is worth is a convention, and each scorer names its own: :data:`EMPTY_IS_ZERO`
(MUC-4, the annotated-data scorers: no prediction earns no credit) or :data:`EMPTY_IS_PERFECT` (our corpus's
per-field scores: nothing predicted where nothing was to find is right).
"""

from __future__ import annotations

from dataclasses import dataclass

EMPTY_IS_ZERO = 0.0
EMPTY_IS_PERFECT = 1.0


def ratio(numerator: int, denominator: int, *, if_empty: float) -> float:
    """``numerator / denominator``, or ``if_empty`` (a named convention) when the denominator is 0."""
    return numerator / denominator if denominator else if_empty


@dataclass
class Counts:
    """Precision and recall numerators and denominators for one key; an empty side scores 0 (:data:`EMPTY_IS_ZERO`)."""

    p_num: int = 0
    p_den: int = 0
    r_num: int = 0
    r_den: int = 0

    def add(self, other: Counts) -> None:
        self.p_num += other.p_num
        self.p_den += other.p_den
        self.r_num += other.r_num
        self.r_den += other.r_den

    @property
    def precision(self) -> float:
        return ratio(self.p_num, self.p_den, if_empty=EMPTY_IS_ZERO)

    @property
    def recall(self) -> float:
        return ratio(self.r_num, self.r_den, if_empty=EMPTY_IS_ZERO)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf_table(rows: dict[str, Counts], *, title: str = "") -> str:
    """A plain-text table in percent: one row per key with its counts, P, R and F1."""
    header = f"{'key':<28}{'p_num':>7}{'p_den':>7}{'r_num':>7}{'r_den':>7}{'P':>8}{'R':>8}{'F1':>8}"
    lines = [title, header, "-" * len(header)] if title else [header, "-" * len(header)]
    for name, c in rows.items():
        lines.append(f"{name:<28}{c.p_num:>7}{c.p_den:>7}{c.r_num:>7}{c.r_den:>7}"
                     f"{100 * c.precision:>8.1f}{100 * c.recall:>8.1f}{100 * c.f1:>8.1f}")
    return "\n".join(lines)
