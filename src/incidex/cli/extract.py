"""``incidex extract``: one report in, its incident records out (JSON or a table); or a batch of documents (a JSONL
or CSV file, a directory) in, one JSON line per document out, with no store."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import click

from ..batch import Outcome, extract_document
from ..config import Settings, load_settings
from ..errors import EXIT_SOME_FAILED, EmptyInputError, ExtractionError, IncidexError
from ..ingest import ReadFailure, read_document
from ..ingest.dates import normalize_published
from ..ingest.paths import holds_many
from ..types import Document
from .options import learned_model_options, with_learned_model
from .problems import problem_line
from .progress import ProgressLine
from .render import print_table

@click.command("extract")
@click.argument("path")
@click.option("--published", help="Publication date YYYY-MM-DD; relative dates ('on Sunday') resolve against it. "
              "In a batch: the date of documents that carry none.")
@click.option("--source", help="Outlet or source name of the report (in a batch: of documents that name none); a "
                                "national outlet's home country places incidents whose text states no country.")
@click.option("--format", "fmt", type=click.Choice(["json", "table", "jsonl"]), default=None,
              help="json: the report as one JSON object (the record contract; default for one report); table: a "
              "summary for a person; jsonl: one line per document, {\"id\", \"origin\", \"report\"} or {\"id\", "
              "\"origin\", \"error\"}, in input order (default, and the only format, for a directory, a URL "
              "or a JSONL, CSV, feed or Telegram export file).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Local extraction processes (--format jsonl).")
@learned_model_options
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(path: str, published: str | None, source: str | None, fmt: str | None, workers: int,
            model_dir: str | None, rules_only: bool, config_path: str | None) -> None:
    """Extract incident records from the report at PATH ('-' reads standard input), or from every document of a
    directory, a URL or a JSONL, CSV, feed or Telegram export file (one JSON line each; exit 7 when some failed, 4
    when none could be read). A report is read as `ingest` reads it: an HTML page's main text, with its own
    publication date and site name unless --published / --source are given."""
    settings = with_learned_model(load_settings(config_path), model_dir, rules_only)
    if published is not None and normalize_published(published) is None:
        raise click.BadParameter(f"{published!r} is not a date; use YYYY-MM-DD", param_hint="--published")
    published = normalize_published(published) if published else None
    batch = holds_many(path)
    fmt = fmt or ("jsonl" if batch else "json")
    if batch and fmt != "jsonl":
        raise click.UsageError(f"{path} holds many documents; extract them with --format jsonl")
    if fmt == "jsonl":
        _extract_batch(path, settings=settings, workers=workers, published=published, source=source)
        return
    document = read_document(path, max_bytes=settings.input.max_bytes)  # an HTML page's date and site name, as ingest
    document = replace(document, published=published or document.published, source=source or document.source)
    report = extract_document(document, settings=settings)
    for warning in report.document.warnings:
        click.echo(f"incidex: warning: {warning}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_table(report, document.text)


def _extract_batch(path: str, *, settings: Settings, workers: int, published: str | None,
                   source: str | None) -> None:
    """Print one JSON line per document of ``path`` in input order; exit 4 when no document could be read and 7
    when some failed."""
    from ..ingest import read_paths
    from ..parallel import run_items

    items = _with_defaults(read_paths([path], max_bytes=settings.input.max_bytes), published, source)
    read = extracted = not_extracted = failed = 0
    with ProgressLine("extracting") as bar:
        for item in run_items(items, settings=settings, workers=workers):
            if isinstance(item, ReadFailure) and item.skipped:
                click.echo(problem_line("skipped", item.origin, item.error), err=True)
                continue
            line = batch_line(item)
            read += isinstance(item, Outcome)
            not_extracted += "skipped" in line
            extracted += "report" in line and "skipped" not in line
            failed += "error" in line
            click.echo(json.dumps(line, ensure_ascii=False))
            bar.update(read)
    click.echo(f"incidex: {extracted} documents extracted, {not_extracted} not extracted (not English), "
               f"{failed} failed", err=True)
    if read == 0:
        raise EmptyInputError(f"no document could be read from {path}; the lines above say why")
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _with_defaults(items: Iterable[Document | ReadFailure], published: str | None,
                   source: str | None) -> Iterator[Document | ReadFailure]:
    """Documents that carry no publication date or source take the command's."""
    for item in items:
        if isinstance(item, Document) and ((published and not item.published) or (source and not item.source)):
            item = replace(item, published=item.published or published, source=item.source or source)
        yield item


def batch_line(item: Outcome | ReadFailure) -> dict[str, Any]:
    """The JSON line of one document: its id, where it was read, and its report or its error (code and message);
    a document not in English has its report (document info, no incidents) and ``skipped`` saying why."""
    if isinstance(item, ReadFailure):
        return {"id": item.id, "origin": item.origin, "error": error_fields(item.error)}
    document = item.document
    line: dict[str, Any] = {"id": document.id, "origin": document.origin}
    if item.report is None:
        line["error"] = error_fields(item.error or ExtractionError("extraction gave no report"))
    else:
        line["report"] = item.report.to_dict()
        if item.skipped:
            line["skipped"] = item.skipped
    return line


def error_fields(error: IncidexError) -> dict[str, str]:
    """An error as ``{"code": "E201", "message": "the document is empty"}``."""
    return {"code": error.code, "message": error.message}
