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
class Settings:
    summary: SummarySettings = field(default_factory=SummarySettings)
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
    known = {f.name for f in fields(cls)} - {"path"}
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
