"""Reconciliation of disagreeing figures (pure logic, no model)."""

from __future__ import annotations

from incidex.figures import SourcedFigure, reconcile, reconcile_field
from incidex.types import Figure


def fig(field: str, value: int | None, kind: str | None = None, *, low: int | None = None, reported: str | None = None):
    return SourcedFigure(Figure(field, value, kind, f"{value}", 0, 1, low=low), kind, reported)


def test_single_figure_is_taken_as_stated() -> None:
    decision = reconcile_field("killed.total", [fig("killed.total", 6, "official")])
    assert (decision.value, decision.rule, decision.low, decision.high) == (6, "single figure", 6, 6)


def test_official_figure_beats_group_claim() -> None:
    decision = reconcile_field(
        "killed.total", [fig("killed.total", 190, "group_claim"), fig("killed.total", 12, "official")]
    )
    assert decision.value == 12
    assert "official" in decision.rule
    assert (decision.low, decision.high) == (12, 190)


def test_equal_authority_takes_latest_report_when_dated() -> None:
    items = [fig("killed.total", 10, "news_media", reported="2024-06-16"),
             fig("killed.total", 14, "news_media", reported="2024-06-18")]
    decision = reconcile_field("killed.total", items)
    assert decision.value == 14 and "latest" in decision.rule


def test_equal_authority_undated_takes_lowest() -> None:
    decision = reconcile_field("injured.total", [fig("injured.total", 40, None), fig("injured.total", 35, None)])
    assert decision.value == 35 and "lowest" in decision.rule


def test_vague_amount_reconciles_to_its_lower_bound() -> None:
    decision = reconcile_field("injured.total", [fig("injured.total", None, None, low=24)])
    assert decision.value == 24 and "vague" in decision.rule


def test_total_is_the_sum_of_parties_when_no_total_is_stated() -> None:
    casualties, decisions = reconcile([fig("killed.perpetrators", 4, "official"), fig("killed.victims", 2, "official")])
    assert casualties.killed.total == 6
    assert casualties.injured.total is None
    assert any(d.field == "killed.total" and "sum" in d.rule for d in decisions)


def test_less_authoritative_total_gives_way_to_official_party_figures() -> None:
    casualties, _ = reconcile([fig("killed.total", 31, "group_claim"), fig("killed.perpetrators", 4, "official")])
    assert casualties.killed.total == 4


def test_authoritative_larger_total_is_kept() -> None:
    casualties, _ = reconcile([fig("killed.total", 20, "official"), fig("killed.victims", 12, "official")])
    assert casualties.killed.total == 20 and casualties.killed.victims == 12
