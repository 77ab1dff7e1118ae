"""``briefing doctor``: every time zone the settings name is known; read from the raw file too,
so every bad zone is named even when the config does not load."""

from __future__ import annotations

import tomllib
from pathlib import Path

from summaries.config import Settings
from summaries.doctor.findings import Finding, ok, problem
from summaries.errors import InputError
from summaries.redaction import is_pasted_secret, redact_tokens
from summaries.timeofday import parse_timezone

ZONE_LIST = (
    "Use a name from the 'TZ identifier' column of "
    "https://en.wikipedia.org/wiki/List_of_tz_database_time_zones."
)


def check_time_zones(settings: Settings) -> list[Finding]:
    zones = {settings.schedule.timezone} | {c.timezone for c in settings.channels if c.timezone}
    return [ok("time zones", "Known: " + ", ".join(sorted(zones)) + ".")]


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
        if is_pasted_secret(str(zone)):  # said by the config's own check, never quoted
            continue
        try:
            parse_timezone(str(zone))
        except InputError as error:
            findings.append(problem("time zones", redact_tokens(f"{where}: {error}"), ZONE_LIST))
    return findings
