"""config.toml: read once, checked against a schema, frozen.

Each section is a frozen dataclass; its fields are the keys it accepts, with
their types and defaults. An unknown section or key, a value of the wrong type
or out of range stops start-up with one message that names the key. Secrets are
never read from here: only from the environment.
"""

from __future__ import annotations

import os
import tomllib
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from summaries.errors import BriefingError, ConfigError
from summaries.language import language_tools
from summaries.models import SummaryOptions
from summaries.summarize.methods import get_method
from summaries.summarize.options import check_options

CONFIG_ENV = "BRIEFING_CONFIG"
DEFAULT_PATH = Path("config.toml")


@dataclass(frozen=True, slots=True)
class SummarySettings:
    method: str = "default"
    sentences: int = 3
    max_chars: int = 1000
    language: str = "english"

    def options(self) -> SummaryOptions:
        return SummaryOptions(self.method, self.sentences, self.max_chars, self.language)


@dataclass(frozen=True, slots=True)
class StoreSettings:
    path: str = "briefing.db"  # relative to the working directory


@dataclass(frozen=True, slots=True)
class SourcesSettings:
    feeds: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()  # internal hosts that may be fetched despite the guard


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 10.0
    max_bytes: int = 8_000_000
    per_host: int = 2
    politeness: float = 1.0


@dataclass(frozen=True, slots=True)
class IngestSettings:
    workers: int = 2
    article_seconds: float = 10.0
    story_window_hours: int = 72


@dataclass(frozen=True, slots=True)
class Settings:
    summary: SummarySettings = field(default_factory=SummarySettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    sources: SourcesSettings = field(default_factory=SourcesSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    path: Path | None = None  # where they were read from; None = built-in defaults


def config_path(explicit: str | os.PathLike[str] | None) -> tuple[Path, bool]:
    """The file to read and whether it must exist (named by flag or environment)."""
    if explicit:
        return Path(explicit), True
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env), True
    return DEFAULT_PATH, False


def load_settings(explicit: str | os.PathLike[str] | None = None) -> Settings:
    """Read and check the configuration; raise ConfigError naming what is wrong."""
    path, required = config_path(explicit)
    if not path.is_file():
        if required:
            raise ConfigError(f"Config file {path} does not exist.")
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    settings = _build(Settings, {**data, "path": path}, prefix="")
    _check(settings)
    return settings


def _build(cls: type, data: dict[str, Any], prefix: str) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)} - ({"path"} if not prefix else set())
    for key in data:
        if key in known or (key == "path" and not prefix):
            continue
        if prefix:
            listed = ", ".join(sorted(known))
            raise ConfigError(f"Unknown setting {prefix}{key}. [{prefix[:-1]}] accepts: {listed}.")
        raise ConfigError(f"Unknown section [{key}]. Sections: {', '.join(sorted(known))}.")
    values: dict[str, Any] = {}
    for spec in fields(cls):
        if spec.name not in data:
            continue
        value, hint, name = data[spec.name], hints[spec.name], f"{prefix}{spec.name}"
        if is_dataclass(hint):
            if not isinstance(value, dict):
                raise ConfigError(
                    f"[{name}] must be a table (a section), not {type(value).__name__}."
                )
            values[spec.name] = _build(hint, value, prefix=f"{name}.")
        else:
            values[spec.name] = _coerce(value, hint, name)
    return cls(**values)


def _coerce(value: Any, hint: Any, name: str) -> Any:
    if hint is Path or hint == (Path | None):
        return value
    allowed = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for kind in allowed:
        if kind is type(None) and value is None:
            return None
        if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if kind is int and isinstance(value, bool):
            continue
        origin = typing.get_origin(kind)
        if origin is tuple and isinstance(value, list):
            if all(isinstance(item, str) for item in value):
                return tuple(value)
            raise ConfigError(f"{name} must be a list of strings.")
        if isinstance(kind, type) and isinstance(value, kind):
            return value
    expected = " or ".join(_type_name(k) for k in allowed)
    raise ConfigError(f"{name} must be {expected}, not {type(value).__name__} ({value!r}).")


def _type_name(kind: Any) -> str:
    return {int: "a whole number", str: "a string", bool: "true or false", float: "a number"}.get(
        kind, getattr(kind, "__name__", str(kind))
    )


def _check(settings: Settings) -> None:
    """Range and name checks that types alone cannot express."""
    summary = settings.summary
    try:
        get_method(summary.method)
        language_tools(summary.language)
        check_options(summary.options())
    except BriefingError as error:
        raise ConfigError(f"In [summary]: {error}") from None
    _at_least("store.path", len(settings.store.path.strip()), 1, "a file name")
    _between("fetch.timeout", settings.fetch.timeout, 0.5, 300)
    _between("fetch.max_bytes", settings.fetch.max_bytes, 10_000, 100_000_000)
    _between("fetch.per_host", settings.fetch.per_host, 1, 32)
    _between("fetch.politeness", settings.fetch.politeness, 0, 60)
    _between("ingest.workers", settings.ingest.workers, 1, 64)
    _between("ingest.article_seconds", settings.ingest.article_seconds, 0.5, 600)
    _between("ingest.story_window_hours", settings.ingest.story_window_hours, 1, 24 * 30)
    for key in ("feeds", "pages"):
        for url in getattr(settings.sources, key):
            if not url.lower().startswith(("http://", "https://")):
                raise ConfigError(f"sources.{key}: {url!r} is not an http(s) address.")


def _between(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}, not {value:g}.")


def _at_least(name: str, value: float, low: float, what: str) -> None:
    if value < low:
        raise ConfigError(f"{name} must be {what}.")
