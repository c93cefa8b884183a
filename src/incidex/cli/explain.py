"""``incidex explain INCIDENT_ID``: why the records of a stored incident were merged, and how it was reconciled."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import click

from ..config import load_settings
from ..errors import IncidexError

if TYPE_CHECKING:
    from ..store import Explanation


@click.command("explain")
@click.argument("incident_id")
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON instead of text.")
def command(incident_id: str, db_url: str | None, as_json: bool) -> None:
    """Show why the records of INCIDENT_ID were merged: each record's score and reasons, and the rule that chose
    each reconciled figure."""
    from ..store import Store

    try:
        with Store(db_url or load_settings().store.url, create=False, read_only=True) as store:
            explanation = store.explain(incident_id)
    except IncidexError as exc:
        click.echo(f"incidex: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    if as_json:
        click.echo(json.dumps(asdict(explanation), ensure_ascii=False, indent=2))
    else:
        click.echo(render(explanation))


def render(explanation: Explanation) -> str:
    """The explanation as plain text lines for a terminal."""
    merged = explanation.merged
    date = merged.get("date") or {}
    location = merged.get("location") or {}
    lines = [
        f"incident {explanation.incident_id}: {merged.get('type')}, {date.get('value') or 'date unknown'}, "
        f"{location.get('name') or location.get('country_code') or 'place unknown'}",
        f"  from {len(merged.get('document_ids') or [])} document(s): {', '.join(merged.get('document_ids') or [])}",
    ]
    lines += [f"  chosen: {note}" for note in merged.get("notes") or []]
    for rec in merged.get("reconciliation") or []:
        spread = f" (reports range {rec['low']}-{rec['high']})" if rec.get("low") != rec.get("high") else ""
        lines.append(f"  {rec['field']} = {rec['value']}: {rec['rule']}{spread}")
    lines.append("records:")
    for decision in explanation.decisions:
        how = "started the incident" if decision.new_cluster else f"joined with score {decision.score:.2f}"
        lines.append(
            f"- {decision.record_id} ({decision.role} {decision.type}, {decision.date or 'undated'}, "
            f"{decision.location or 'no place'}; published {decision.published or 'unknown'}): {how}"
        )
        lines += [f"    {reason}" for reason in decision.reasons]
    return "\n".join(lines)
