"""A readable summary of a report for a person at a terminal (rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..nlp.learned import LEARNED_COMPONENTS
from ..types import Incident, Report

LEARNED_MARK = " · learned"
QUOTE_CHARS = 90  # a source's claim in the table, at most


def _location(incident: Incident) -> str:
    loc = incident.location
    parts = [p for p in (loc.facility, loc.name, loc.admin1, loc.country_code) if p]
    where = ", ".join(parts) or "—"
    if loc.lat is not None and loc.lon is not None:
        where += f" ({loc.lat:.2f}, {loc.lon:.2f}; {loc.precision})"
    return where + (" [uncertain]" if loc.uncertain else "")


def _casualties(incident: Incident) -> str:
    cas = incident.casualties
    lines = []
    for kind in ("killed", "injured"):
        count = getattr(cas, kind)
        if count.total is not None:
            parties = [f"{p} {getattr(count, p)}" for p in ("perpetrators", "victims", "responders")
                       if getattr(count, p) is not None]
            lines.append(f"{kind} {count.total}" + (f" ({', '.join(parties)})" if parties else ""))
    for field in ("hostages_taken", "hostages_released", "arrested"):
        if getattr(cas, field) is not None:
            lines.append(f"{field.replace('_', ' ')} {getattr(cas, field)}")
    return "\n".join(lines) or "—"


def print_table(report: Report, text: str, *, console: Console | None = None) -> None:
    console = console or Console()
    doc = report.document
    console.print(f"[bold]{len(report.incidents)} incident(s)[/bold] · published {escape(doc.published or 'unknown')}"
                  f" · source {escape(doc.source or 'unknown')} · {doc.chars} chars")
    for incident in report.incidents:
        table = Table(title=escape(f"{incident.id} · {incident.role} · {incident.type}"), show_header=False,
                      title_justify="left")
        table.add_column("field", style="bold")
        table.add_column("value")
        date = incident.date
        quoted = f" — “{date.text}”" if date.text else ""
        _row(table, "date", f"{date.value or 'unresolved'} ({date.precision}){quoted}")
        _row(table, "location", _location(incident))
        learned = _learned_fields(incident)
        _row(table, "perpetrators", "\n".join(
            f"{p.name or p.text}" + (f" ×{p.count}" if p.count else "") + (f" [{p.relation}]" if p.relation else "")
            + learned.get(f"perpetrators[{i}]", "") for i, p in enumerate(incident.perpetrators)) or "—")
        _row(table, "victims", "\n".join(
            f"{v.text}" + (f" ×{v.count}" if v.count else "") + (f" ({v.status})" if v.status else "")
            + learned.get(f"victims[{i}]", "") for i, v in enumerate(incident.victims)) or "—")
        for name in ("targets", "responders", "weapons"):
            _row(table, name, ", ".join(m.text + learned.get(f"{name}[{i}]", "")
                                        for i, m in enumerate(getattr(incident, name))) or "—")
        _row(table, "casualties", _casualties(incident))
        disagreements = [r for r in incident.reconciliation if r.low != r.high]
        if disagreements:
            _row(table, "figures", "\n".join(f"{r.field}: {r.value} ({r.rule}; range {r.low}–{r.high})"
                                               for r in disagreements))
        _row(table, "sources", "\n".join(f"{s.name} [{s.kind}]: " + " | ".join(
            ("(hedged) " if c.hedged else "") + shorten(c.text) for c in s.claims) for s in incident.sources) or "—")
        console.print(table)


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` cut at the last word that fits in ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-—") + "…"


def _learned_fields(incident: Incident) -> dict[str, str]:
    """A mark for each filler the learned role tagger found (``perpetrators[0]`` -> " · learned")."""
    return {e.field: LEARNED_MARK for e in incident.evidence if e.component in LEARNED_COMPONENTS}


def _row(table: Table, name: str, value: str) -> None:
    """Report text is untrusted: escape it so "[bold]" in a report is shown, not interpreted."""
    table.add_row(name, escape(value))
