"""Settings: the shipped ``defaults.toml`` merged with a user's overrides into a frozen object."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class NlpSettings:
    model: str
    learned_model: str
    learned_roles: str
    encoder: str
    threads: int
    batch_size: int
    max_chars: int


@dataclass(frozen=True)
class InputSettings:
    max_bytes: int


@dataclass(frozen=True)
class StoreSettings:
    url: str
    batch_size: int


@dataclass(frozen=True)
class ResolveSettings:
    max_days_apart: int
    similarity_threshold: float


@dataclass(frozen=True)
class ServerSettings:
    host: str
    port: int
    max_body_bytes: int


@dataclass(frozen=True)
class FetchSettings:
    """How incidex fetches URLs (feeds, linked pages, web pages): see ``[fetch]`` in ``defaults.toml``."""

    user_agent: str
    timeout: float
    max_bytes: int
    max_redirects: int
    host_interval: float
    retries: int
    backoff: float
    max_retry_after: float


@dataclass(frozen=True)
class WatchSettings:
    interval: float


@dataclass(frozen=True)
class LanguageSettings:
    detect: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    nlp: NlpSettings
    input: InputSettings
    store: StoreSettings
    resolve: ResolveSettings
    server: ServerSettings
    fetch: FetchSettings
    watch: WatchSettings
    language: LanguageSettings

    def with_overrides(self, **sections: dict[str, Any]) -> Settings:
        """A copy with some keys replaced: ``settings.with_overrides(nlp={"model": "x"})``."""
        return _build(_merge(_as_dict(self), sections))


_SECTIONS = {
    "nlp": NlpSettings,
    "input": InputSettings,
    "store": StoreSettings,
    "resolve": ResolveSettings,
    "server": ServerSettings,
    "fetch": FetchSettings,
    "watch": WatchSettings,
    "language": LanguageSettings,
}


# Settings that take one of a few words, checked when the settings are built.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {("nlp", "learned_roles"): ("fill", "decide")}


def _as_dict(settings: Settings) -> dict[str, dict[str, Any]]:
    return {
        name: {f.name: getattr(getattr(settings, name), f.name) for f in fields(cls)}
        for name, cls in _SECTIONS.items()
    }


def _merge(base: dict[str, dict[str, Any]], overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    merged = {name: dict(values) for name, values in base.items()}
    for section, values in overrides.items():
        if section not in merged:
            raise ConfigError(f"unknown settings section [{section}]; known: {', '.join(merged)}")
        if not isinstance(values, dict):
            raise ConfigError(f"settings section [{section}] must be a table")
        for key, value in values.items():
            if key not in merged[section]:
                raise ConfigError(f"unknown setting {section}.{key}; known: {', '.join(merged[section])}")
            merged[section][key] = value
    return merged


def _check_choices(values: dict[str, dict[str, Any]]) -> None:
    for (section, key), allowed in CHOICES.items():
        value = values[section][key]
        if value not in allowed:
            raise ConfigError(f"setting {section}.{key} is {value!r}; use one of: {', '.join(map(repr, allowed))}")


def _build(values: dict[str, dict[str, Any]]) -> Settings:
    _check_choices(values)
    language = values["language"]
    values = {**values, "language": {**language, "detect": tuple(language["detect"])}}  # frozen, hashable
    return Settings(**{name: cls(**values[name]) for name, cls in _SECTIONS.items()})


def _defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("incidex").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, then the file at ``path`` (or ``$INCIDEX_CONFIG``) if given."""
    values = _defaults()
    path = path or os.environ.get("INCIDEX_CONFIG")
    if path:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"settings file not found: {path}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from None
        values = _merge(values, user)
    return _build(values)


__all__ = ["Settings", "load_settings", "replace"]
