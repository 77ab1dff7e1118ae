"""config.toml entries written loosely ("europe/berlin") across the upgrade that stores them
canonically: an unchanged entry is the same entry, however an older version recorded it,
so it never undoes a ``schedule set`` made since; a changed one still applies.

The real runtime and APScheduler clock (the ``Bot`` driver of ``test_schedule``), on SQLite
and on PostgreSQL (with ``BRIEFING_TEST_POSTGRES_URL``).
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import time_machine

from bot.replies import Caller
from summaries.config import Settings, StoreSettings, load_settings
from summaries.store import open_store
from tests.bot.helpers_digest import RecordingPoster, utc
from tests.bot.test_schedule import Bot, titles_of

ADMIN = Caller(platform="console", channel="console", user="ops", is_admin=True, tenant="console")
START = utc(2026, 3, 2, 5, 0)  # Monday 06:00 in Berlin (CET, UTC+1)

# (config.toml's [schedule] and [[channels]] lines, the entry an older version recorded)
LOOSE = [
    ('timezone = "UTC"', 'time = "08:00"\ntimezone = "europe/berlin"', "europe/berlin"),
    ('timezone = "EUROPE/BERLIN"', 'time = "08:00"', "EUROPE/BERLIN"),
]


def settings_of(tmp_path: Path, location: str, schedule: str, channel: str) -> Settings:
    path = tmp_path / "config.toml"
    path.write_text(
        '[digest]\nwhen_empty = "announce"\n'
        f"[schedule]\n{schedule}\n"
        f'[[channels]]\nid = "console"\n{channel}\n',
        encoding="utf-8",
    )
    return replace(load_settings(path), store=StoreSettings(path=location))


def left_by_an_older_version(location: str, zone: str, *, admin: bool = True) -> None:
    """The channel as a version that stored config.toml's spelling left it: its entry
    recorded as written, the zone unusable (no next run); then, with ``admin``, an admin's
    ``schedule set 09:00 Europe/Berlin`` (the command always stored the canonical name)."""
    entry = {"paused": False, "time": "08:00", "timezone": zone, "topics": []}
    with open_store(location) as store:
        store.execute(
            "INSERT INTO channels (id, platform, digest_time, timezone, configured) "
            "VALUES ('console', 'console', '08:00', ?, ?)",
            (zone, json.dumps(entry, sort_keys=True)),
        )
        if admin:
            store.set_schedule("console", "09:00", "Europe/Berlin", now=START)


def daily_at(local: str) -> str:
    """What ``schedule show`` says of a digest due at ``local`` Berlin time on START's day."""
    return (
        f"The digest is posted every day at {local} (Europe/Berlin); "
        f"the next one is due Monday 2 March at {local} CET."
    )


async def shown(bot: Bot) -> str:
    return (await bot.runtime.commands.run(ADMIN, "schedule show")).text


def run_from(start: datetime, scenario) -> list[str]:
    poster = RecordingPoster()
    with time_machine.travel(start, tick=False) as traveller:
        asyncio.run(scenario(traveller, poster))
    return titles_of(poster)


@pytest.mark.parametrize(("schedule", "channel", "zone"), LOOSE)
def test_an_unchanged_loose_entry_leaves_the_admins_schedule_set_after_the_upgrade(
    tmp_path, location, schedule, channel, zone
):
    """Restarted (twice) with the same config.toml, the digest stays at the admin's 09:00
    Berlin (08:00Z): nothing at the file's 08:00 (07:00Z)."""
    settings = settings_of(tmp_path, location, schedule, channel)
    left_by_an_older_version(location, zone)
    said: list[str] = []

    async def scenario(traveller, poster) -> None:
        for _restart in range(2):
            bot = await Bot.start(settings, poster)
            try:
                assert bot.next_run() == utc(2026, 3, 2, 8, 0)
                said.append(await shown(bot))
            finally:
                await bot.close()
        bot = await Bot.start(settings, poster)
        try:
            await bot.at(traveller, utc(2026, 3, 2, 7, 0))
            assert bot.outcomes.empty() and poster.posts == []
            await bot.at(traveller, utc(2026, 3, 2, 8, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()

    assert run_from(START, scenario) == ["Your briefing for Monday 2 March"]
    assert said == [daily_at("09:00")] * 2


@pytest.mark.parametrize(("schedule", "channel", "zone"), LOOSE)
def test_a_changed_entry_still_applies_over_the_admins_schedule_set(
    tmp_path, location, schedule, channel, zone
):
    """The file's entry changed (08:00 to 10h00, still loosely written): it applies, as the
    latest change, over the admin's 09:00."""
    left_by_an_older_version(location, zone)
    changed = settings_of(tmp_path, location, schedule, channel.replace('"08:00"', '"10h00"'))
    said: list[str] = []

    async def scenario(traveller, poster) -> None:
        bot = await Bot.start(changed, poster)
        try:
            assert bot.next_run() == utc(2026, 3, 2, 9, 0)
            said.append(await shown(bot))
            await bot.at(traveller, utc(2026, 3, 2, 8, 0))
            assert bot.outcomes.empty()
            await bot.at(traveller, utc(2026, 3, 2, 9, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()

    assert run_from(START, scenario) == ["Your briefing for Monday 2 March"]
    assert said[0].startswith("The digest is posted every day at 10:00 (Europe/Berlin);")


@pytest.mark.parametrize(
    ("kept", "respelt", "due"),
    [
        (None, False, utc(2026, 3, 2, 7, 0)),
        ("09:00", False, utc(2026, 3, 2, 8, 0)),
        ("09:00", True, utc(2026, 3, 2, 8, 0)),
    ],
    ids=["no schedule set", "schedule set 09:00", "schedule set 09:00, entry respelt since"],
)
@pytest.mark.parametrize(("schedule", "channel", "zone"), LOOSE)
def test_a_loose_zone_the_channel_kept_is_spelt_canonically_after_the_upgrade(
    tmp_path, location, schedule, channel, zone, kept, respelt, due
):
    """The channel still holds the file's old spelling of its zone, which gave it no
    digest: left as the file set it, or kept by an admin's ``schedule set 09:00`` (no zone
    named: the command kept the channel's), with ``respelt`` after a version that
    recorded the entry canonically and left that zone as it was. It takes the canonical
    spelling (the same zone), and is posted at its own time, 08:00 or the admin's 09:00
    Berlin."""
    left_by_an_older_version(location, zone, admin=False)
    with open_store(location) as store:
        if kept is not None:
            store.set_schedule("console", kept, zone, now=START)
        if respelt:
            entry = {"paused": False, "time": "08:00", "timezone": "Europe/Berlin", "topics": []}
            recorded = json.dumps(entry, sort_keys=True)
            store.execute("UPDATE channels SET configured = ?", (recorded,))
    settings = settings_of(tmp_path, location, schedule, channel)
    said: list[str] = []

    async def scenario(traveller, poster) -> None:
        bot = await Bot.start(settings, poster)
        try:
            assert bot.next_run() == due
            said.append(await shown(bot))
            await bot.at(traveller, due)
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()

    assert run_from(START, scenario) == ["Your briefing for Monday 2 March"]
    assert said == [daily_at(kept or "08:00")]
    with open_store(location) as store:
        [(recorded,)] = store.execute("SELECT configured FROM channels WHERE id = 'console'")
    assert json.loads(recorded)["timezone"] == "Europe/Berlin"


def test_schedule_set_without_a_zone_spells_a_zone_left_by_an_older_version_canonically(
    tmp_path, location
):
    """A channel config.toml no longer lists keeps the zone an older version stored as the
    file spelt it ("europe/berlin"); ``schedule set 09:00`` there starts a digest that is
    due, in that zone's IANA name."""
    left_by_an_older_version(location, "europe/berlin", admin=False)
    settings = settings_of(tmp_path, location, 'timezone = "UTC"', 'time = "08:00"')
    settings = replace(settings, channels=())  # the entry was removed from config.toml
    said: list[str] = []

    async def scenario(traveller, poster) -> None:
        bot = await Bot.start(settings, poster)
        try:
            assert bot.next_run() is None  # config.toml's schedule is gone
            said.append((await bot.runtime.commands.run(ADMIN, "schedule set 09:00")).text)
            assert bot.next_run() == utc(2026, 3, 2, 8, 0)
            await bot.at(traveller, utc(2026, 3, 2, 8, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()

    assert run_from(START, scenario) == ["Your briefing for Monday 2 March"]
    assert said == [daily_at("09:00")]
