"""``briefing doctor``: is this installation ready to run, and if not, what to do.

Checks, in order, each giving findings that are ok, a note (worth knowing, not wrong)
or a problem (the bot will not work as configured), with how to fix it:

- config: config.toml loads (the one message ``load_settings`` gives on a bad key).
- time zones: every zone in [schedule] and [[channels]] is known (read from the raw
  file too, so all bad zones are named even when the config does not load).
- environment: the tokens of the platforms in use are set (a platform is in use when a
  [[channels]] entry names it or one of its variables is set), and look like tokens.
- database: the folder of ``store.path`` exists and takes new files (SQLite's -wal and
  -shm files), and an existing database is not empty, is the bot's (not another
  program's), passes SQLite's ``PRAGMA quick_check`` (it reads every page, so this takes
  a while on a large database) and takes a write: a table is created inside a
  transaction that is rolled back, so nothing changes.
- sources: every feed and page (config.toml's and those added by command) answers
  through the same safe fetcher as ingest, with a short time-out, all at once; feeds
  must parse as feeds; folders must exist.
  Two sources of one address, kept as they were when the store first wrote every
  address in one spelling (schema 17), are named with how to keep one.
- channels: which channels get a digest.

Nothing here prints a secret: only the names of the variables that hold them.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from summaries import interrupts
from summaries.config import Settings, config_path, load_settings
from summaries.errors import BriefingError, ConfigError, InputError
from summaries.listing import some_of
from summaries.models import Channel
from summaries.reading import shown
from summaries.redaction import redact_tokens
from summaries.sources import (
    BlockedAddressError,
    Fetcher,
    FetchTimeoutError,
    HTTPStatusError,
    SourceError,
    UnreachableError,
    folder_at,
    parse_feed,
)
from summaries.sources.http import ARTICLE, FEED
from summaries.store import SourceRecord, StoreError, open_store
from summaries.store.files import place_problem, probe
from summaries.store.location import SQLITE, parse_location
from summaries.timeofday import parse_timezone

OK, NOTE, PROBLEM = "ok", "note", "problem"
DEFAULT_TIMEOUT = 5.0
LOCK_WAIT_SECONDS = 2.0
DISCORD_PORTAL = "https://discord.com/developers/applications"
SLACK_PORTAL = "https://api.slack.com/apps"
ZONE_LIST = (
    "Use a name from the 'TZ identifier' column of "
    "https://en.wikipedia.org/wiki/List_of_tz_database_time_zones."
)


@dataclass(frozen=True, slots=True)
class Finding:
    check: str  # "config", "time zones", "environment", "database", "sources", "channels"
    status: str  # OK, NOTE or PROBLEM
    message: str
    fix: str = ""


def _ok(check: str, message: str) -> Finding:
    return Finding(check, OK, message)


def _note(check: str, message: str, fix: str = "") -> Finding:
    return Finding(check, NOTE, message, fix)


def _problem(check: str, message: str, fix: str) -> Finding:
    return Finding(check, PROBLEM, message, fix)


def diagnose(
    config: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[Finding]:
    """Every check's findings for the configuration ``briefing --config`` would read."""
    environ = os.environ if environ is None else environ
    path, _required = config_path(config)
    try:
        settings = load_settings(config)
    except ConfigError as error:
        said = str(error).split(": ", 1)[-1]  # the zone the config stopped at: said already
        zones = [f for f in check_raw_time_zones(path) if f.message.split(": ", 1)[1] != said]
        return [
            _problem(
                "config",
                str(error),
                f"Edit {path}; the shipped config.toml describes every key and its default.",
            ),
            *zones,
            _note(
                "other checks",
                "Environment, database, sources and channels are checked once the config loads.",
            ),
        ]
    findings = [_config_found(settings, path)]
    findings += check_time_zones(settings)
    findings += check_environment(settings, environ)
    database = check_database(settings)
    findings += database
    stored = _read_store(settings) if all(f.status != PROBLEM for f in database) else None
    findings += interrupts.run(check_sources(settings, stored, timeout=timeout))
    findings += check_channels(settings, stored)
    return findings


def print_report(findings: Sequence[Finding], out: TextIO) -> int:
    """Print the findings; 0 when there is no problem, 1 when there is one."""
    for finding in findings:
        label = "PROBLEM" if finding.status == PROBLEM else finding.status
        print(f"{label:<8} {finding.check:<12} {finding.message}", file=out)
        if finding.fix:
            print(f"{'':<8} {'':<12} fix: {finding.fix}", file=out)
    problems = sum(f.status == PROBLEM for f in findings)
    if problems:
        counted = _counted(problems, "problem", "problems")
        print(f"\n{counted}. Fix and run `briefing doctor` again.", file=out)
        return 1
    print("\nNo problems found.", file=out)
    return 0


# --- config and time zones ---------------------------------------------------------------


def _config_found(settings: Settings, path: Path) -> Finding:
    if settings.path is None:
        return _note(
            "config",
            f"No {path} here: the built-in defaults are used.",
            "Copy the project's config.toml here and edit it, or pass --config PATH "
            "(or set BRIEFING_CONFIG).",
        )
    return _ok("config", f"{settings.path} is valid.")


def check_time_zones(settings: Settings) -> list[Finding]:
    zones = {settings.schedule.timezone} | {c.timezone for c in settings.channels if c.timezone}
    return [_ok("time zones", "Known: " + ", ".join(sorted(zones)) + ".")]


def check_raw_time_zones(path: Path) -> list[Finding]:
    """Every zone named in the file, checked even when another setting is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    named: list[tuple[str, object]] = []
    schedule = data.get("schedule")
    if isinstance(schedule, dict) and "timezone" in schedule:
        named.append(("schedule.timezone", schedule["timezone"]))
    channels = data.get("channels")
    for number, entry in enumerate(channels if isinstance(channels, list) else [], start=1):
        if isinstance(entry, dict) and entry.get("timezone"):
            named.append(
                (f"[[channels]] entry {number} ({entry.get('id', '?')})", entry["timezone"])
            )
    findings = []
    for where, zone in named:
        try:
            parse_timezone(str(zone))
        except InputError as error:
            findings.append(_problem("time zones", redact_tokens(f"{where}: {error}"), ZONE_LIST))
    return findings


# --- environment ---------------------------------------------------------------------------


def check_environment(settings: Settings, environ: Mapping[str, str]) -> list[Finding]:
    platforms: dict[str, list[str]] = {}
    for channel in settings.channels:
        platforms.setdefault(channel.id.split(":", 1)[0], []).append(channel.id)
    findings = _discord_token(settings, environ, platforms.get("discord", []))
    findings += _slack_tokens(settings, environ, platforms.get("slack", []))
    if not findings:
        findings.append(
            _note(
                "environment",
                "No chat platform is configured: `python -m bot` runs in the terminal.",
                f"To connect, set {settings.discord.token_env} (Discord) or "
                f"{settings.slack.bot_token_env} and {_slack_second(settings)} (Slack).",
            )
        )
    return findings


def _discord_token(
    settings: Settings, environ: Mapping[str, str], channels: list[str]
) -> list[Finding]:
    name = settings.discord.token_env
    token = environ.get(name, "").strip()
    where = f"{DISCORD_PORTAL} > your application > Bot > Reset Token"
    if not token:
        if not channels:
            return []
        return [
            _problem(
                "environment",
                f"Discord: {name} is not set, but config.toml has Discord channels "
                f"({', '.join(channels)}).",
                f"Set {name} to the bot token ({where}), e.g. in the container's environment.",
            )
        ]
    if token.count(".") != 2 or " " in token:
        return [
            _problem(
                "environment",
                f"Discord: {name} is set but does not look like a bot token "
                "(three parts separated by dots).",
                f"Copy the token again from {where}; give it without 'Bot ' in front.",
            )
        ]
    return [_ok("environment", f"Discord: {name} is set.")]


def _slack_second(settings: Settings) -> str:
    slack = settings.slack
    return slack.app_token_env if slack.mode == "socket" else slack.signing_secret_env


def _slack_tokens(
    settings: Settings, environ: Mapping[str, str], channels: list[str]
) -> list[Finding]:
    slack = settings.slack
    wanted = {
        slack.bot_token_env: ("xoxb-", "the Bot User OAuth Token (OAuth & Permissions)"),
        _slack_second(settings): (
            ("xapp-", "an App-Level Token with connections:write (Basic Information)")
            if slack.mode == "socket"
            else ("", "the Signing Secret (Basic Information > App Credentials)")
        ),
    }
    values = {name: environ.get(name, "").strip() for name in wanted}
    if not channels and not any(values.values()):
        return []
    findings = []
    for name, (prefix, what) in wanted.items():
        value = values[name]
        if not value:
            need = (
                f"config.toml has Slack channels ({', '.join(channels)})"
                if channels
                else "the other Slack variable is set"
            )
            findings.append(
                _problem(
                    "environment",
                    f"Slack ({slack.mode} mode): {name} is not set, but {need}.",
                    f"Set {name} to {what} from {SLACK_PORTAL}.",
                )
            )
        elif prefix and not value.startswith(prefix):
            findings.append(
                _problem(
                    "environment",
                    f"Slack: {name} does not start with {prefix}, so it is not {what}.",
                    f"Copy {what} from {SLACK_PORTAL} into {name}.",
                )
            )
    if not findings:
        findings.append(
            _ok("environment", f"Slack ({slack.mode} mode): {', '.join(wanted)} are set.")
        )
    return findings


# --- database ------------------------------------------------------------------------------


def check_database(settings: Settings) -> list[Finding]:
    where = parse_location(settings.store.location)
    if where.engine != SQLITE:
        return [_check_server(where.target)]
    name = where.target
    if name == ":memory:":
        return [_note("database", "store.path is :memory:: nothing is kept on exit.")]
    path = Path(name).absolute()  # as open_store reads it: relative to the working folder
    folder = path.parent
    unusable = place_problem(path)
    if unusable:
        return [
            _problem(
                "database",
                f"Cannot use store.path ({shown(name)!r}). {unusable}",
                f"Create the folder (mkdir -p {shown(folder)}) or point store.path at a "
                "writable folder; in Docker, mount a volume at /data.",
            )
        ]
    problem = _folder_refuses_files(folder)
    if problem:
        return [
            _problem(
                "database",
                f"Cannot create files in {folder} ({problem}); SQLite needs to, for its "
                "journal files.",
                f"Give the user running the bot (uid {os.getuid()}) write access to {folder}, "
                "or point store.path elsewhere.",
            )
        ]
    if not path.exists():
        return [_ok("database", f"{path} will be created at the first start.")]
    return [_check_existing_database(path)]


def _folder_refuses_files(folder: Path) -> str:
    """Why a new file cannot be made in ``folder`` ("" when one can)."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".briefing-doctor-"):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return ""


def _check_existing_database(path: Path) -> Finding:
    """Not empty, the bot's, undamaged; then open without creating, take the write lock,
    create a table, roll back."""
    if path.is_file() and path.stat().st_size == 0:
        return _problem(
            "database",
            f"{path} is empty (0 bytes), so the bot refuses it: it may have been cut short "
            "by a full disk or a failed copy.",
            f"Restore {path} from a backup, or delete it so the bot makes a new, empty one.",
        )
    found = probe(path, LOCK_WAIT_SECONDS)
    if found.state == "damaged":
        return _problem(
            "database",
            f"{path} is damaged: SQLite's integrity check says {'; '.join(found.detail)}.",
            f"Stop the bot and restore {path} from a backup (the database is the only "
            "thing to back up); without one, move it away so the bot starts a new one.",
        )
    if found.state == "foreign":
        return _problem(
            "database",
            f"{path} is another program's database (it holds {', '.join(found.detail[:5])}), "
            "so the bot refuses it.",
            "Point store.path at a new file or at the bot's own database.",
        )
    if found.state == "busy":
        return _note(
            "database", f"{path} is busy (the bot is running?); the write test was skipped."
        )
    if found.state == "failed":
        return _database_problem(path, found.detail[0])
    return _ok("database", f"{path} is writable.")


def _database_problem(path: Path, text: str) -> Finding:
    if "not a database" in text:
        fix = f"Move {path} away (the bot makes a new one) or point store.path at the right file."
    elif "readonly" in text or "read-only" in text:
        fix = f"Give the user running the bot (uid {os.getuid()}) write access to {path}."
    else:
        fix = f"Check that {path} is a briefing database and the disk has room."
    return _problem("database", f"{path} cannot be written: {text}.", fix)


@dataclass(frozen=True, slots=True)
class _Stored:
    sources: list[SourceRecord]
    channels: list[Channel]
    duplicates: list[tuple[SourceRecord, SourceRecord]]  # see Store.duplicate_sources


def _check_server(url: str) -> Finding:
    """A database server: it answers, and the bot's schema is there or can be made."""
    try:
        with open_store(url) as store:
            count = store.count_articles()
    except StoreError as error:
        return _problem(
            "database",
            str(error),
            "Start the database server, or check [store] url (and PGPASSWORD if it needs one).",
        )
    return _ok("database", f"{url} answers and holds {_counted(count, 'article', 'articles')}.")


def _counted(count: int, one: str, many: str) -> str:
    """``1 entry``, ``2 entries``."""
    return f"{count} {one if count == 1 else many}"


def _read_store(settings: Settings) -> _Stored | None:
    """The sources and channels set up by command, when there is a database yet."""
    where = parse_location(settings.store.location)
    name = where.target
    if where.engine == SQLITE and (name == ":memory:" or not Path(name).is_file()):
        return None
    try:
        with open_store(settings.store.location) as store:
            return _Stored(store.list_sources(), store.list_channels(), store.duplicate_sources())
    except BriefingError:
        return None


# --- sources -------------------------------------------------------------------------------


async def check_sources(
    settings: Settings, stored: _Stored | None, *, timeout: float = DEFAULT_TIMEOUT
) -> list[Finding]:
    listed = settings.sources
    wanted: dict[str, str] = {}  # location -> kind, config.toml's first
    for kind, locations in (("feed", listed.feeds), ("page", listed.pages)):
        wanted |= {url: kind for url in locations}
    folders = list(listed.folders)
    for source in stored.sources if stored else []:
        if source.enabled and source.kind in ("feed", "page"):
            wanted.setdefault(source.url, source.kind)
        elif source.enabled and source.kind == "folder":
            folders.append(source.url)
    duplicates = [_duplicate_finding(*pair) for pair in stored.duplicates] if stored else []
    if not wanted and not folders:
        return duplicates + [
            _note(
                "sources",
                "No sources: digests stay empty (the console shows the sample articles).",
                "Add feeds to [sources] in config.toml, or run `briefing sources add URL`.",
            )
        ]
    findings = list(dict.fromkeys(_folder_finding(folder) for folder in folders))
    if wanted:
        fetcher = Fetcher(
            allow_hosts=listed.allow_hosts,
            max_bytes=settings.fetch.max_bytes,
            timeout=min(timeout, settings.fetch.timeout),
            per_host=settings.fetch.per_host,
            politeness=0.0,
        )
        async with fetcher:
            findings += await asyncio.gather(
                *(_source_finding(fetcher, url, kind) for url, kind in wanted.items())
            )
    return findings + duplicates


def _duplicate_finding(kept: SourceRecord, other: SourceRecord) -> Finding:
    """Two sources of one feed, added under two spellings of its address before addresses
    were stored in one: which to keep, and who follows which, is the operator's call."""
    if other.operator:  # removed, it stays read for its followers (see remove_source)
        # the operator's feed is theirs still once the one kept is theirs (add_source)
        first = f"`briefing sources add {kept.url}`, which makes it yours too, then "
        fix = (
            f"Keep #{kept.id}: run {'' if kept.operator else first}"
            f"`briefing sources remove {other.id}`. A server or workspace that follows "
            f"#{other.id} keeps it read until it types `sources remove #{other.id}` and adds "
            f"the address again, which then follows #{kept.id}."
        )
    else:  # only tenants' own: removing it deletes it, and their subscriptions with it
        fix = (
            f"Keep #{kept.id}: only servers and workspaces follow #{other.id}, so `briefing "
            f"sources remove {other.id}` deletes it and ends their subscriptions to it (each "
            f"then adds the address again, which follows #{kept.id}); or leave it until each "
            f"types `sources remove #{other.id}`."
        )
    return _note(
        "sources",
        f"Sources #{kept.id} ({kept.url}) and #{other.id} ({other.url}) are one address "
        "written two ways, both added before addresses were stored in one spelling: "
        "it is fetched and summarised twice.",
        fix,
    )


def _folder_finding(location: str) -> Finding:
    """Whether ingest can read the folder: the same check (``folder_at``), which says why
    not in words even for a name too long, a path through a file or a loop of links."""
    fix = "Create it, or remove it from [sources] folders (or `briefing sources remove`)."
    try:
        folder = folder_at(location)
    except SourceError as error:
        return _problem("sources", str(error), fix)
    if not os.access(folder, os.R_OK | os.X_OK):
        return _problem("sources", f"Folder {folder} cannot be read.", fix)
    return _ok("sources", f"Folder {folder} is readable.")


async def _source_finding(fetcher: Fetcher, url: str, kind: str) -> Finding:
    try:
        result = await fetcher.get(url, accept=FEED if kind == "feed" else ARTICLE)
        if kind == "feed":
            feed = await asyncio.to_thread(
                parse_feed, result.body, result.url, result.content_type_header
            )
            entries = _counted(len(feed.entries), "entry", "entries")
            return _ok("sources", f"Feed {url} answers ({entries}).")
    except SourceError as error:
        return _problem(
            "sources",
            f"Feed {url} answers, but: {error}",
            "Use the address of the RSS, Atom or JSON feed itself (often linked as 'RSS' on "
            "the site), or list the address under pages.",
        )
    except BriefingError as error:
        return _problem("sources", f"{kind.capitalize()} {url}: {error}", _fix_for(error))
    return _ok("sources", f"Page {url} answers.")


def _fix_for(error: BriefingError) -> str:
    if isinstance(error, BlockedAddressError):
        host = "the host it redirects to" if error.redirected else "this host"
        return f"If {host} is on your own network and you trust it, add it to sources.allow_hosts."
    if isinstance(error, UnreachableError):
        return "Check the address, and that this machine can reach it (DNS, firewall)."
    if isinstance(error, FetchTimeoutError):
        return "The site may be down or slow: try again later, or raise fetch.timeout."
    if isinstance(error, HTTPStatusError):
        return "Open the address in a browser: the site may have moved or removed it."
    return "Check the address in a browser; remove the source if it is gone."


# --- channels ------------------------------------------------------------------------------


def check_channels(settings: Settings, stored: _Stored | None) -> list[Finding]:
    schedule = settings.schedule
    findings = []
    for entry in settings.channels:
        when = f"{entry.time or schedule.time} {entry.timezone or schedule.timezone}"
        topics = ", ".join(entry.topics) if entry.topics else "every story"
        paused = " (paused)" if entry.paused else ""
        findings.append(_ok("channels", f"{entry.id}: digest at {when}, {topics}{paused}."))
    configured = {entry.id for entry in settings.channels}
    by_command = [
        c for c in (stored.channels if stored else []) if c.id not in configured and c.time
    ]
    if by_command:
        shown = some_of([f"{c.id} at {c.time} {c.timezone}" for c in by_command])
        findings.append(_ok("channels", f"Set up by command: {shown}."))
    if not findings:
        findings.append(
            _note(
                "channels",
                "No channel gets a digest yet.",
                "Add a [[channels]] entry to config.toml, or type "
                "`schedule set 08:00 Europe/Berlin` in a channel.",
            )
        )
    return findings
