"""``incidex eval muc4-keys``: score incidex on the full MUC-4 answer keys (date, place, type, stage, perpetrator
organization and its confidence, effect on human targets)."""

from __future__ import annotations

from pathlib import Path

import click

from ..eval.muc4_keys import evaluate_muc4_keys, key_documents, load_muc4_keys
from ..eval.split import select
from .evaluation import eval_options, eval_settings, run_and_report


@click.command("muc4-keys")
@eval_options("MUC-4 answer keys, keys_dev.jsonl (or keys_train.jsonl).")
@click.option("--raw", "raw_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Raw message texts (default: raw_train_dev.jsonl next to --data).")
@click.option("--lowercase", is_flag=True, help="Feed the messages lowercased instead of in their upper case.")
def command(data_path: Path, out_path: Path | None, workers: int, limit: int | None, split: str,
            model_dir: str | None, rules_only: bool, config_path: str | None, raw_path: Path | None,
            lowercase: bool) -> None:
    """Extract each MUC-4 message (upper case as in the corpus, its dateline's date as the publication date) and
    score our incidents against the templates of its answer key."""
    settings = eval_settings(config_path, model_dir, rules_only)
    messages = select(load_muc4_keys(data_path, raw_path), split=split, key=lambda m: m.docid, limit=limit)
    run_and_report(key_documents(messages, lowercase=lowercase), lambda run: evaluate_muc4_keys(messages, run),
                   settings=settings, workers=workers, out_path=out_path)
