"""``briefing doctor``: which channels get a digest."""

from __future__ import annotations

from summaries.config import Settings
from summaries.doctor.database import NOT_READ, Stored
from summaries.doctor.findings import Finding, note, ok
from summaries.listing import some_of


def check_channels(settings: Settings, stored: Stored | None) -> list[Finding]:
    schedule = settings.schedule
    findings = []
    for entry in settings.channels:
        when = f"{entry.time or schedule.time} {entry.timezone or schedule.timezone}"
        topics = ", ".join(entry.topics) if entry.topics else "every story"
        paused = " (paused)" if entry.paused else ""
        findings.append(ok("channels", f"{entry.id}: digest at {when}, {topics}{paused}."))
    configured = {entry.id for entry in settings.channels}
    by_command = [
        c for c in (stored.channels if stored else []) if c.id not in configured and c.time
    ]
    if by_command:
        shown = some_of([f"{c.id} at {c.time} {c.timezone}" for c in by_command])
        findings.append(ok("channels", f"Set up by command: {shown}."))
    if not findings and stored and stored.upgrade_pending:
        findings.append(note("channels", f"No channel in config.toml gets a digest; {NOT_READ}."))
    if not findings:
        findings.append(
            note(
                "channels",
                "No channel gets a digest yet.",
                "Add a [[channels]] entry to config.toml, or type "
                "`schedule set 08:00 Europe/Berlin` in a channel.",
            )
        )
    return findings
