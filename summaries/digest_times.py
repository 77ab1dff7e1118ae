"""When a channel's daily digest is due: its "HH:MM" in its IANA zone, as UTC instants.

The schedule is data (``channels.next_run_at``), so the store computes these times itself
rather than asking a scheduler. The rules are APScheduler's ``CronTrigger(hour, minute,
timezone)``, the trigger the bot used before:

- a time that does not exist on a day (skipped by a spring DST change) runs at the
  same instant the wall clock would have shown it before the change (02:30 in Berlin
  on 29 March is 01:30Z, i.e. 03:30 CEST);
- a time that happens twice (repeated by an autumn change) runs at its first
  occurrence only: the cron trigger ran it twice, and the second run posted nothing.

A digest's period is the local date of the time it was due, so a catch-up at 09:30 of an
08:00 digest is the same day's period and a catch-up after midnight of a 23:00 digest is
the previous day's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def hour_minute(time_of_day: str) -> tuple[int, int]:
    """``"08:00"`` -> ``(8, 0)``; ValueError for anything else."""
    hour, minute = (int(part) for part in time_of_day.split(":"))
    time(hour, minute)  # ValueError when out of range
    return hour, minute


def due_on(day: date, time_of_day: str, zone: str) -> datetime:
    """The UTC instant of ``time_of_day`` on local ``day`` (see the module's DST rules)."""
    hour, minute = hour_minute(time_of_day)
    local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))  # fold=0: first
    return local.astimezone(UTC)


def next_due(time_of_day: str, zone: str, after: datetime) -> datetime:
    """The first due time strictly after ``after``. ValueError/KeyError for a bad time or
    zone (``ZoneInfoNotFoundError`` is a KeyError)."""
    today = after.astimezone(ZoneInfo(zone)).date()
    for offset in range(-1, 3):
        moment = due_on(today + timedelta(days=offset), time_of_day, zone)
        if moment > after:
            return moment
    raise AssertionError("a daily time is due within three days")  # pragma: no cover


def latest_due(time_of_day: str, zone: str, at: datetime) -> datetime:
    """The last due time at or before ``at``."""
    today = at.astimezone(ZoneInfo(zone)).date()
    for offset in range(1, -3, -1):
        moment = due_on(today + timedelta(days=offset), time_of_day, zone)
        if moment <= at:
            return moment
    raise AssertionError("a daily time was due within the last two days")  # pragma: no cover


def period_of(due: datetime, zone: str) -> str:
    """The period (local date, ISO) of a digest due at ``due``."""
    return due.astimezone(ZoneInfo(zone)).date().isoformat()
