"""Options shared by the commands that extract: which learned model joins the rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from ..config import Settings

F = TypeVar("F", bound=Callable[..., object])


def learned_model_options(func: F) -> F:
    """``--model DIR`` and ``--rules-only``, passed to the command as ``model_dir`` and ``rules_only``."""
    func = click.option(
        "--rules-only", "--fast", "rules_only", is_flag=True,
        help="Run the rules alone, without the learned component (the fast profile).",
    )(func)
    return click.option(
        "--model", "model_dir", type=click.Path(exists=True, file_okay=False),
        help="Learned model directory (`incidex train encoder` or `incidex train muc4`); default: nlp.learned_model "
             "(the shipped MUC-4 tagger unless set).",
    )(func)


def with_learned_model(settings: Settings, model_dir: str | None, rules_only: bool) -> Settings:
    """``settings`` with ``nlp.learned_model`` set from the options (unchanged when neither is given)."""
    if model_dir is not None and rules_only:
        raise click.UsageError("--model and --rules-only exclude each other")
    from ..nlp.learned import using_learned_model  # spaCy loads when a command runs, not for --help

    return using_learned_model(settings, "" if rules_only else model_dir)
