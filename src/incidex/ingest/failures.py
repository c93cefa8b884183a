"""What a reader yields instead of a :class:`~incidex.types.Document` when an input cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError


@dataclass(frozen=True)
class ReadFailure:
    """An input that gave no document: where it came from and why.

    ``origin`` is a path, ``path:line N`` (JSONL), ``path:row N`` (CSV) or ``<stdin>``; ``error`` is the
    :class:`~incidex.errors.InputError` that stopped it (its ``code`` and ``message``). ``skipped`` marks inputs that
    were not tried at all (an :class:`~incidex.errors.UnsupportedInputError`: an unknown extension), as opposed to
    files that were tried and failed; ``missing`` a path that does not exist (a typo is reported, never stored as a
    document). ``id`` is the document id a JSONL object or CSV row gave, when it gave one.
    """

    origin: str
    error: InputError
    skipped: bool = False
    missing: bool = False
    id: str | None = None
