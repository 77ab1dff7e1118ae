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
  transaction that is rolled back, so nothing changes. Its schema is read without
  upgrading it (the store opened read-only): one older than this version's is named
  with how it gets upgraded. A database server is asked the same, read-only.
- sources: every feed and page (config.toml's and those added by command) answers
  through the same safe fetcher as ingest, with a short time-out, all at once; feeds
  must parse as feeds; folders must exist.
  Two sources of one address, kept as they were when the store first wrote every
  address in one spelling (schema 17), are named with how to keep one, also once the
  one in the stored spelling has moved for good (the other still reads its old address).
- channels: which channels get a digest.

Nothing here prints a secret: only the names of the variables that hold them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from summaries import interrupts
from summaries.config import DEFAULT_PATH, Settings, config_path, load_settings
from summaries.doctor.channels import check_channels
from summaries.doctor.database import check_database, read_store, readable
from summaries.doctor.environment import check_environment
from summaries.doctor.findings import NOTE, OK, PROBLEM, Finding, counted, note, ok, problem
from summaries.doctor.sources import DEFAULT_TIMEOUT, check_sources
from summaries.doctor.zones import check_raw_time_zones, check_time_zones
from summaries.errors import ConfigError

__all__ = [
    "NOTE",
    "OK",
    "PROBLEM",
    "Finding",
    "Settings",
    "check_database",
    "check_environment",
    "diagnose",
    "load_settings",
    "print_report",
]


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
            problem("config", str(error), _config_fix(path)),
            *zones,
            note(
                "other checks",
                "Environment, database, sources and channels are checked once the config loads.",
            ),
        ]
    findings = [config_found(settings, path)]
    findings += check_time_zones(settings)
    findings += check_environment(settings, environ)
    database = check_database(settings)
    findings += database
    stored = read_store(settings) if readable(database) else None
    findings += interrupts.run(check_sources(settings, stored, timeout=timeout))
    findings += check_channels(settings, stored)
    return findings


def _config_fix(path: Path) -> str:
    """What to do about a config that does not load: edit the file, or, when it is no
    file, name one (os.path's tests: any path, even one too long, is only "not there")."""
    if os.path.isdir(path):
        return (
            "Name the file, not its folder: pass --config with the file in it, such as "
            f"--config {path / DEFAULT_PATH} (or set BRIEFING_CONFIG to it)."
        )
    if not os.path.lexists(path):
        return (
            f"Copy the project's config.toml to {path} and edit it, or pass --config (or set "
            "BRIEFING_CONFIG) with the path of the file you meant."
        )
    return f"Edit {path}; the shipped config.toml describes every key and its default."


def print_report(findings: Sequence[Finding], out: TextIO) -> int:
    """Print the findings; 0 when there is no problem, 1 when there is one."""
    for finding in findings:
        label = "PROBLEM" if finding.status == PROBLEM else finding.status
        print(f"{label:<8} {finding.check:<12} {finding.message}", file=out)
        if finding.fix:
            print(f"{'':<8} {'':<12} fix: {finding.fix}", file=out)
    problems = sum(f.status == PROBLEM for f in findings)
    if problems:
        told = counted(problems, "problem", "problems")
        print(f"\n{told}. Fix and run `briefing doctor` again.", file=out)
        return 1
    print("\nNo problems found.", file=out)
    return 0


def config_found(settings: Settings, path: Path) -> Finding:
    if settings.path is None:
        return note(
            "config",
            f"No {path} here: the built-in defaults are used.",
            "Copy the project's config.toml here and edit it, or pass --config PATH "
            "(or set BRIEFING_CONFIG).",
        )
    return ok("config", f"{settings.path} is valid.")
