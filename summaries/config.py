"""config.toml: read once, checked against a schema, frozen.

Each section is a frozen dataclass; its fields are the keys it accepts, with
their types and defaults. An unknown section or key, a value of the wrong type
or out of range stops start-up with one message that names the key. Secrets are
never read from here: only from the environment.

The message never shows a secret pasted into the wrong place: the value of a key
that may hold one (``metadata=SECRET``: the names of the token variables, where a
token lands by mistake, and the platforms' addresses, which may carry a proxy's
credentials) is not shown at all, and anything shaped like a token is written as
``[redacted]`` (``summaries.redaction``).
"""

from __future__ import annotations

import codecs
import os
import re
import tomllib
import types
import typing
import unicodedata
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from summaries.config_checks import canonical_times, check_settings
from summaries.errors import ConfigError
from summaries.models import SummaryOptions
from summaries.near_names import did_you_mean
from summaries.reading import path_problem, shown, utf8_if_wide
from summaries.redaction import is_pasted_secret, redact_tokens

CONFIG_ENV = "BRIEFING_CONFIG"
DEFAULT_PATH = Path("config.toml")
CONFIG_HELP = f"settings file (default ./{DEFAULT_PATH} or ${CONFIG_ENV})"  # every --config
SECRET = {"secret": True}  # field metadata: a message about this key never shows its value


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
    url: str = ""  # sqlite:///path or postgresql://user@host/db; wins over ``path`` when set

    @property
    def location(self) -> str:
        """What :func:`summaries.store.open_store` opens: the URL, else the SQLite path."""
        return self.url.strip() or self.path


@dataclass(frozen=True, slots=True)
class QueueSettings:
    """The job queue of ``briefing worker`` (PostgreSQL only; see ``summaries.jobs``)."""

    retry_attempts: int = 5  # runs of a failing fetch or digest job before it is given up
    retry_seconds: int = 5  # the first retry's wait; each next one waits this many times longer
    stalled_seconds: float = 60.0  # a job whose worker is silent this long is run again
    keep_hours: int = 24  # a finished job (and its events) is deleted this long after it ended


@dataclass(frozen=True, slots=True)
class SourcesSettings:
    feeds: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()  # internal hosts that may be fetched despite the guard
    shared: bool = True  # the operator's sources are seen by every tenant


@dataclass(frozen=True, slots=True)
class TenantSettings:
    """What one Discord server or Slack workspace may ask of the bot."""

    max_sources: int = 50
    max_digest_channels: int = 10
    sources_add_per_hour: int = 10
    leave_grace_days: int = 30


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 10.0
    max_bytes: int = 8_000_000
    per_host: int = 2
    politeness: float = 1.0
    max_in_flight: int = 8


@dataclass(frozen=True, slots=True)
class IngestSettings:
    workers: int = 2
    article_seconds: float = 10.0
    story_window_hours: int = 72
    max_entries_per_feed: int = 100


@dataclass(frozen=True, slots=True)
class DigestSettings:
    max_stories: int = 10  # stories in one digest
    when_empty: str = "skip"  # "skip" posts nothing; "announce" posts a one-line note
    first_hours: int = 24  # a channel's first digest covers this many hours back
    grace_hours: float = 12.0  # a digest missed while the bot was down is posted this late
    max_age_hours: int = 72  # older articles (by published time) stay out of digests; 0 = any


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    ingest_minutes: int = 30  # how often every source is read
    time: str = "08:00"  # a channel's digest time until it sets its own (HH:MM)
    timezone: str = "UTC"  # IANA name, e.g. Europe/Berlin


@dataclass(frozen=True, slots=True)
class ChannelSettings:
    """One ``[[channels]]`` entry: a channel that gets digests from the start."""

    id: str = ""  # "discord:<channel id>", "slack:<channel id>" or "console"
    time: str = ""  # HH:MM; empty = [schedule] time
    timezone: str = ""  # IANA name; empty = [schedule] timezone
    topics: tuple[str, ...] = ()  # keywords or "quoted phrases"; none = every story
    paused: bool = False


@dataclass(frozen=True, slots=True)
class BotSettings:
    admins: tuple[str, ...] = ()  # user ids ("discord:123", "slack:U123") allowed admin commands


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    # the environment variable holding the token
    token_env: str = field(default="DISCORD_TOKEN", metadata=SECRET)
    api_base: str = field(default="", metadata=SECRET)  # REST base URL; empty = Discord's own
    # gateway websocket URL; empty = Discord's own
    gateway_url: str = field(default="", metadata=SECRET)
    prefix: str = "!"  # prefix commands (!brief cyber); empty turns them off
    shards: str = ""  # "" = one connection, "auto" = AutoShardedBot
    shard_ids: tuple[int, ...] = ()  # this process's shards (with shard_count)
    shard_count: int = 0
    digest_rate: float = 40.0  # digest posts a second, all channels together (Discord: 50)


@dataclass(frozen=True, slots=True)
class SlackSettings:
    bot_token_env: str = field(default="SLACK_BOT_TOKEN", metadata=SECRET)
    app_token_env: str = field(default="SLACK_APP_TOKEN", metadata=SECRET)  # Socket Mode
    signing_secret_env: str = field(default="SLACK_SIGNING_SECRET", metadata=SECRET)  # HTTP
    mode: str = "socket"  # "socket" (no public URL needed) or "http"
    host: str = "127.0.0.1"  # HTTP mode: where the app listens
    port: int = 3000
    api_base: str = field(default="", metadata=SECRET)  # Web API base URL; empty = Slack's own


@dataclass(frozen=True, slots=True)
class LoggingSettings:
    level: str = "INFO"  # DEBUG, INFO, WARNING, ERROR or CRITICAL
    format: str = "logfmt"  # "logfmt" (key=value, one line per event) or "json" (one object)


@dataclass(frozen=True, slots=True)
class HealthSettings:
    """The optional HTTP endpoint with /healthz and /metrics."""

    enabled: bool = False
    host: str = "127.0.0.1"  # "0.0.0.0" to be reached from outside (a container)
    port: int = 8080


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The admin dashboard that ``python -m bot`` serves (see ``bot.web``)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8090
    public_url: str = field(default="", metadata=SECRET)  # the address people open
    session_secret_env: str = field(default="BRIEFING_WEB_SECRET", metadata=SECRET)
    session_hours: int = 12
    link_minutes: int = 15  # how long a one-time admin link (briefing web-link) works
    discord_client_id: str = ""  # Sign in with Discord: the application's OAuth2 client id
    discord_client_secret_env: str = field(default="DISCORD_CLIENT_SECRET", metadata=SECRET)
    slack_client_id: str = ""  # Sign in with Slack: the app's client id
    slack_client_secret_env: str = field(default="SLACK_CLIENT_SECRET", metadata=SECRET)
    # the reverse proxies (addresses or networks) whose forwarded header names the client
    trusted_proxies: tuple[str, ...] = ()
    proxy_header: str = "x-forwarded-for"  # the header they set: or "forwarded" (RFC 7239)

    def base_url(self) -> str:
        """Where the dashboard is reached: ``public_url``, else its own host and port."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "127.0.0.1" if self.host in ("0.0.0.0", "", "::") else self.host
        return f"http://{host}:{self.port}"


@dataclass(frozen=True, slots=True)
class Settings:
    summary: SummarySettings = field(default_factory=SummarySettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    sources: SourcesSettings = field(default_factory=SourcesSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    queue: QueueSettings = field(default_factory=QueueSettings)
    channels: tuple[ChannelSettings, ...] = ()
    bot: BotSettings = field(default_factory=BotSettings)
    tenants: TenantSettings = field(default_factory=TenantSettings)
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    slack: SlackSettings = field(default_factory=SlackSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)
    health: HealthSettings = field(default_factory=HealthSettings)
    web: WebSettings = field(default_factory=WebSettings)
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
    try:
        raw = path.read_bytes() if path.is_file() else None
        kind = "a folder" if path.is_dir() else "not a regular file" if path.exists() else ""
    except OSError as error:  # a name too long, a file that cannot be read: said plainly
        raise ConfigError(path_problem(path, error, noun="config file")) from None
    if raw is None:
        if kind:  # (a folder named config.toml is no file of settings, named or not)
            raise ConfigError(f"Config file {shown(path)} is {kind}: give a TOML file.")
        if required:
            raise ConfigError(f"Config file {shown(path)} does not exist.")
        return Settings()
    raw = utf8_if_wide(raw).removeprefix(codecs.BOM_UTF8)  # a byte order mark says it all
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        settings = replace(_build(Settings, data, prefix=""), path=path)
        check_settings(settings)
        settings = canonical_times(settings)
    except UnicodeDecodeError as error:  # the codec's words name a byte offset: a line here
        line = raw[: error.start].count(b"\n") + 1
        raise ConfigError(
            f"{shown(path)} is not UTF-8 text (line {line} is not): save it as UTF-8, "
            "as TOML files are."
        ) from None
    except tomllib.TOMLDecodeError as error:
        said = _invalid_toml(str(error), raw.decode("utf-8").splitlines())
        raise ConfigError(redact_tokens(f"{path} is not valid TOML: {said}")) from None
    except ConfigError as error:  # it may quote a key or value: never a token
        raise ConfigError(redact_tokens(str(error))) from None
    return settings


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)$")
_NAME_WRITTEN = re.compile(r"\s*(\[\[?[^\]]*\]\]?|[^=]*?)\s*(?:=|$)")


def _invalid_toml(said: str, lines: list[str]) -> str:
    """What tomllib ``said`` of the file's ``lines``, with what to do when its words are a
    parser's: a key or table given twice is named (never its value: it may be a secret),
    and a bare word where a value belongs is said to want quotes."""
    at = _AT_LINE.search(said)
    number = int(at.group(1)) if at else 0
    if said.startswith(("Cannot overwrite a value", "Cannot declare")) and 0 < number <= len(lines):
        written = _NAME_WRITTEN.match(lines[number - 1])
        name = written.group(1) if written and written.group(1) else "a key"
        return (
            f"{name[:80]} at line {number} repeats a key or table that an earlier line "
            f"set: keep one of them ({said})."
        )
    if said.startswith("Illegal character '\\n'"):  # the end of a line inside "..."
        return f"{said}: a quoted value is not closed on its line (its closing \" is missing)."
    if said.startswith("Invalid value"):
        return (
            f'{said}. A text value goes in double quotes, as in method = "lexrank"; '
            "numbers, true and false, lists [...] do not."
        )
    return said


def _build(cls: type, data: dict[str, Any], prefix: str) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)} - ({"path"} if not prefix else set())
    for key in data:
        if key in known:
            continue
        if key.upper() in _secret_variables():  # DISCORD_TOKEN = "..." pasted into the file
            raise ConfigError(
                f"{prefix}{key} cannot be set in the config file: {key.upper()} is an "
                "environment variable, and a token or secret is read from the environment "
                "only. Put it there, and reset it if this file has been shared."
            )
        if is_pasted_secret(key):  # a secret pasted where a key's name belongs
            raise ConfigError(
                f"A key{f' in [{prefix[:-1]}]' if prefix else ''} is named with what looks "
                f"like a chat token or secret (not shown here). {_SECRETS_LIVE_IN_ENV}"
            )
        value = data[key]
        tables = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
        if not prefix and not (isinstance(value, dict) or tables):  # above every [section]
            raise ConfigError(_outside_sections(key))
        if prefix and f"{key}_env" in known:  # "token = ..." where "token_env" belongs
            default = next(f.default for f in fields(cls) if f.name == f"{key}_env")
            raise ConfigError(
                f"{prefix}{key} cannot be set in the config file: a token or secret is read "
                f"from the environment, from the variable that {prefix}{key}_env names "
                f"({default} unless set). Put it there, and reset it if this file has been "
                "shared."
            )
        if prefix:
            raise ConfigError(_unknown_setting(prefix, key, known))
        near = did_you_mean(key, [f"[{name}]" for name in known])
        raise ConfigError(f"Unknown section [{key}]{near}. Sections: {', '.join(sorted(known))}.")
    values: dict[str, Any] = {}
    for spec in fields(cls):
        if spec.name not in data:
            continue
        value, hint, name = data[spec.name], hints[spec.name], f"{prefix}{spec.name}"
        if is_dataclass(hint):
            if not isinstance(value, dict):
                raise ConfigError(f"[{name}] must be a table (a section), not {_toml_kind(value)}.")
            values[spec.name] = _build(hint, value, prefix=f"{name}.")
        else:
            values[spec.name] = _coerce(value, hint, name, secret=bool(spec.metadata.get("secret")))
    return cls(**values)


def _secret_variables() -> frozenset[str]:
    """The environment variables that hold secrets by default (what each ``*_env`` key
    names unless set), and PostgreSQL's password."""
    sections = (DiscordSettings, SlackSettings, WebSettings)
    named = {spec.default for cls in sections for spec in fields(cls) if spec.name.endswith("_env")}
    return frozenset({*named, "PGPASSWORD"})


def _unknown_setting(prefix: str, key: str, known: set[str]) -> str:
    """What to say of ``key`` in a section that has no such key: the section's key nearest
    to it, else the other sections that have it, and every key the section accepts."""
    section = prefix[:-1]
    near = did_you_mean(key, known)
    homes = [] if near else [home for home in _homes(key) if home != f"[{section}]"]
    if homes:
        near = f" (it goes under {_either(homes)})"
    listed = ", ".join(sorted(known))
    return f"Unknown setting {prefix}{key}{near}. [{section}] accepts: {listed}."


def _homes(key: str) -> list[str]:
    """The sections, as ``[name]``, that have a key named ``key``."""
    hints = typing.get_type_hints(Settings)
    return [
        f"[{section.name}]"
        for section in fields(Settings)
        if is_dataclass(hints[section.name])
        and key in {spec.name for spec in fields(hints[section.name])}
    ]


def _either(homes: list[str]) -> str:
    return homes[0] if len(homes) == 1 else f"{', '.join(homes[:-1])} or {homes[-1]}"


def _outside_sections(key: str) -> str:
    """What to say of ``key = ...`` written before the file's first [section]."""
    homes = _homes(key)
    if not homes:
        return f"Unknown setting {key}: every setting goes under its [section] (see config.toml)."
    return f"Unknown setting {key}: it goes under {_either(homes)}, not above every section."


def _coerce(value: Any, hint: Any, name: str, *, secret: bool = False) -> Any:
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
            return _coerce_list(value, typing.get_args(kind)[0], name)
        if isinstance(kind, type) and isinstance(value, kind):
            return _plain_string(value, name) if isinstance(value, str) else value
    expected = " or ".join(_type_name(k) for k in allowed)
    written = str(value).lower() if isinstance(value, bool) else repr(value)  # TOML's true
    shown = "" if secret else f" ({written})"
    raise ConfigError(f"{name} must be {expected}, not {_toml_kind(value)}{shown}.")


def _coerce_list(value: list[Any], item: Any, name: str) -> tuple[Any, ...]:
    if is_dataclass(item):
        if not all(isinstance(entry, dict) for entry in value):
            raise ConfigError(f"[[{name}]] entries must be tables.")
        built = []
        for number, entry in enumerate(value, start=1):  # the message says which entry
            try:
                built.append(_build(item, entry, prefix=f"{name}."))
            except ConfigError as error:
                raise ConfigError(f"[[{name}]] entry {number}: {error}") from None
        return tuple(built)
    if all(isinstance(entry, item) and not isinstance(entry, bool) for entry in value):
        if item is str:  # (a list of feeds is long: the message says which entry)
            for place, entry in enumerate(value, start=1):
                _plain_string(entry, f"{name} (entry {place} of the list)", part="entry")
        return tuple(value)
    raise ConfigError(f"{name} must be {_type_name(tuple[item, ...])}.")


_SECRETS_LIVE_IN_ENV = (
    "Tokens are read from the environment only (DISCORD_TOKEN, SLACK_BOT_TOKEN, "
    "SLACK_APP_TOKEN, SLACK_SIGNING_SECRET): put it there, never in the config file, and "
    "reset it if the file has been shared."
)


def _plain_string(value: str, name: str, *, part: str = "value") -> str:
    """``value`` as a setting takes it: no control character, and no chat token. A token
    pasted into a key where a name or a time belongs is refused whole, never quoted: a
    message that quotes a value cut short would show the token's start, past what the
    redaction recognises. A ``*_env`` key is told what it takes instead, by its own check."""
    if is_pasted_secret(value) and not name.endswith("_env"):
        raise ConfigError(
            f"{name} holds what looks like a chat token or secret. {_SECRETS_LIVE_IN_ENV}"
        )
    return _without_controls(value, name, part=part)


def _without_controls(value: str, name: str, *, part: str = "value") -> str:
    """``value``, refused when it holds a control character (a NUL, an escape, a tab): no
    setting is written with one, and later it fails far from the key (a driver's "embedded
    null byte"). The value is never shown: a store URL may hold a password."""
    for place, char in enumerate(value, start=1):
        if unicodedata.category(char) == "Cc":
            raise ConfigError(
                f"{name} holds a control character (U+{ord(char):04X}, character {place} of "
                f"the {part}), which no setting takes: write the {part} again without it (a "
                "\\u escape or a paste can bring one in)."
            )
    return value


def _toml_kind(value: object) -> str:
    """What a value read from the file is, in TOML's words."""
    kinds = (
        (bool, "true or false"),
        (int, "a whole number"),
        (float, "a decimal number"),
        (str, "a string"),
        (list, "a list"),
        (dict, "a table"),
    )
    return next((name for kind, name in kinds if isinstance(value, kind)), "a date or time")


def _type_name(kind: Any) -> str:
    """What a setting of type ``kind`` is, in the file's words (TOML's, not Python's)."""
    if typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        if is_dataclass(item):
            return "a list of tables"
        return f"a list of {({str: 'strings', int: 'whole numbers'})[item]}"
    return {int: "a whole number", str: "a string", bool: "true or false", float: "a number"}.get(
        kind, getattr(kind, "__name__", str(kind))
    )
