"""Settings: the shipped ``defaults.toml`` merged with a user's overrides into a frozen object."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any, get_type_hints

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
    casing: bool


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


# The smallest (and largest) value each numeric setting may take; those in _ABOVE_ZERO must also be more than 0.
# Text settings in _MAY_BE_EMPTY may be empty.
_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "nlp.threads": (0, None),
    "nlp.batch_size": (1, None),
    "nlp.max_chars": (1, None),
    "input.max_bytes": (1, None),
    "store.batch_size": (1, None),
    "resolve.max_days_apart": (0, None),
    "resolve.similarity_threshold": (0, 1),
    "server.port": (1, 65535),
    "server.max_body_bytes": (1, None),
    "fetch.timeout": (0, None),
    "fetch.max_bytes": (1, None),
    "fetch.max_redirects": (0, None),
    "fetch.host_interval": (0, None),
    "fetch.retries": (0, None),
    "fetch.backoff": (0, None),
    "fetch.max_retry_after": (0, None),
    "watch.interval": (0, None),
}
_ABOVE_ZERO = frozenset({"fetch.timeout", "watch.interval"})
_MAY_BE_EMPTY = frozenset({"nlp.learned_model"})
_CHOICES: dict[str, tuple[str, ...]] = {"nlp.learned_roles": ("fill", "decide")}  # text settings of a few words
_TEXT_LIST = tuple[str, ...]
_TYPE_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}


def _check(key: str, kind: type, value: Any) -> Any:
    """``value`` if it suits setting ``key`` of type ``kind`` (ints allowed for floats, a list for a tuple of text);
    else a ConfigError."""
    if kind == _TEXT_LIST:
        if not isinstance(value, list | tuple) or not all(isinstance(item, str) and item.strip() for item in value):
            raise ConfigError(f"setting {key} must be a list of text, got {value!r}; fix it in your settings file")
        return tuple(value)  # frozen and hashable
    wanted = _TYPE_NAMES[kind]
    ok = isinstance(value, kind) or (kind is float and isinstance(value, int))
    if not ok or (isinstance(value, bool) and kind is not bool):
        raise ConfigError(f"setting {key} must be {wanted}, got {value!r}; fix it in your settings file")
    if kind is str and not value.strip() and key not in _MAY_BE_EMPTY:
        raise ConfigError(f"setting {key} must not be empty; fix it in your settings file")
    if key in _CHOICES and value not in _CHOICES[key]:
        choices = ", ".join(map(repr, _CHOICES[key]))
        raise ConfigError(f"setting {key} must be one of {choices}, got {value!r}; fix it in your settings file")
    low, high = _BOUNDS.get(key, (None, None))
    if key in _ABOVE_ZERO and value <= 0:
        raise ConfigError(f"setting {key} must be more than 0, got {value!r}; fix it in your settings file")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"at least {low}" if high is None else f"between {low} and {high}"
        raise ConfigError(f"setting {key} must be {bounds}, got {value!r}; fix it in your settings file")
    return float(value) if kind is float else value


def _build(values: dict[str, dict[str, Any]]) -> Settings:
    """The frozen settings; raises :class:`ConfigError` naming the first key of a wrong type or out of range."""
    sections = {}
    for name, cls in _SECTIONS.items():
        kinds = get_type_hints(cls)
        checked = {key: _check(f"{name}.{key}", kinds[key], value) for key, value in values[name].items()}
        sections[name] = cls(**checked)
    return Settings(**sections)


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
