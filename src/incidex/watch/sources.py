"""The sources file of ``incidex watch``: one ``[[source]]`` table per feed, page or Telegram export.

    [[source]]
    name = "112"                                  # unique; the outlet name documents carry
    url = "https://example.org/feeds/112.xml"     # feed or page URL, or a local path (feed file, Telegram export)
    kind = "social_media"                         # state_media | news_media | official | social_media | other
    interval = 900                                # seconds between polls; optional
    username = "ru112"                            # Telegram exports only, optional: for https://t.me/<username>/<id>

A relative local path is taken from the sources file's folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..ingest.fetch import is_url
from ..types import SourceKind

KINDS: tuple[str, ...] = ("state_media", "news_media", "official", "social_media", "other")
_KEYS = frozenset({"name", "url", "kind", "interval", "username"})


@dataclass(frozen=True)
class SourceConfig:
    """One watched source as the sources file gives it (``interval`` None: the default interval)."""

    name: str
    url: str
    kind: SourceKind | None = None
    interval: float | None = None
    username: str | None = None

    @property
    def is_url(self) -> bool:
        return is_url(self.url)


def load_sources(path: str | Path) -> list[SourceConfig]:
    """The sources of the file at ``path``, in file order; raises :class:`ConfigError` saying what is wrong."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the sources file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"the sources file {path} is not valid TOML: {exc}") from None
    tables = data.get("source")
    if set(data) - {"source"} or not isinstance(tables, list) or not tables:
        raise ConfigError(f"{path}: give one [[source]] table per source (name, url, kind, interval); see the README")
    sources = [_source(table, number=n, folder=path.parent, file=path) for n, table in enumerate(tables, start=1)]
    names = [source.name for source in sources]
    if duplicates := sorted({name for name in names if names.count(name) > 1}):
        raise ConfigError(f"{path}: source names must be unique; repeated: {', '.join(duplicates)}")
    return sources


def _source(table: object, *, number: int, folder: Path, file: Path) -> SourceConfig:
    where = f"{file}: source {number}"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} is not a table")
    if unknown := sorted(set(table) - _KEYS):
        raise ConfigError(f"{where}: unknown key {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}")
    name, url, kind = table.get("name"), table.get("url"), table.get("kind")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: a source needs a name")
    if not isinstance(url, str) or not url.strip():
        raise ConfigError(f"{where} ({name}): a source needs a url (a feed or page URL, or a local path)")
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"{where} ({name}): kind {kind!r} is not one of {', '.join(KINDS)}")
    interval = table.get("interval")
    if interval is not None and (isinstance(interval, bool) or not isinstance(interval, int | float) or interval <= 0):
        raise ConfigError(f"{where} ({name}): interval must be a positive number of seconds")
    username = table.get("username")
    if username is not None and not isinstance(username, str):
        raise ConfigError(f"{where} ({name}): username must be a string")
    url = url.strip()
    if not is_url(url):
        url = str((folder / Path(url).expanduser()).resolve())
    return SourceConfig(name.strip(), url, kind, float(interval) if interval is not None else None, username)
