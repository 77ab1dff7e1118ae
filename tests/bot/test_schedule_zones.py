"""Digest times at the edges of time zones, through config.toml, the store and the real
APScheduler clock: spellings the check accepts, a skipped time, a half-hour DST change.

Uses the ``Bot`` driver of ``test_schedule`` (frozen clock, scheduler woken by hand).
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from summaries.config import ChannelSettings, DigestSettings, Settings, StoreSettings, load_settings
from summaries.errors import ConfigError
from tests.bot.helpers_digest import RecordingPoster, utc
from tests.bot.test_schedule import Bot, settings_for, titles_of


def config_file(tmp_path: Path, schedule: str, channel: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[store]\npath = "{tmp_path / "bot.db"}"\n'
        '[digest]\nwhen_empty = "announce"\n'
        f"[schedule]\n{schedule}\n"
        f'[[channels]]\nid = "console"\n{channel}\n',
        encoding="utf-8",
    )
    return path


def posted_at(settings: Settings, start: datetime, dues: list[datetime]) -> list[str]:
    """Start the bot at ``start``; at each due time in turn, check it is the next run, that a
    minute before it nothing is posted, and that at it the digest is sent. The titles posted.
    """
    poster = RecordingPoster()

    async def main(traveller) -> None:
        bot = await Bot.start(settings, poster)
        try:
            for count, due in enumerate(dues):
                assert bot.next_run() == due
                await bot.at(traveller, due - timedelta(minutes=1))
                assert len(poster.posts) == count and bot.outcomes.empty()
                await bot.at(traveller, due)
                assert await bot.outcome() == "sent"
            await bot.at(traveller, dues[-1] + timedelta(hours=23, minutes=59))
            assert bot.outcomes.empty()  # and nothing more the same day
        finally:
            await bot.close()

    with time_machine.travel(start, tick=False) as traveller:
        asyncio.run(main(traveller))
    return titles_of(poster)


@pytest.mark.parametrize(
    ("schedule", "channel"),
    [
        ('timezone = "europe/berlin"', 'time = "08:00"'),  # the default zone, odd case
        ("", 'time = "08:00"\ntimezone = "EUROPE/BERLIN"'),
        ('timezone = "Europe/Berlin"', 'time = "8.00"'),
        ('time = "08h00"\ntimezone = "Europe/Berlin"', ""),
    ],
)
def test_a_time_and_zone_the_config_check_accepts_are_the_ones_the_digest_runs_at(
    tmp_path, schedule, channel
):
    """What config.toml may spell loosely (zone case, 8.00, 08h00) is stored as the canonical
    name and HH:MM, so the channel gets its digest at 08:00 Berlin (07:00Z in March)."""
    settings = load_settings(config_file(tmp_path, schedule, channel))
    titles = posted_at(settings, utc(2026, 3, 1, 12, 0), [utc(2026, 3, 2, 7, 0)])
    assert titles == ["Your briefing for Monday 2 March"]
    assert (settings.schedule.timezone, settings.channels[0].timezone) in (
        ("Europe/Berlin", ""),
        ("UTC", "Europe/Berlin"),
    )


def test_an_unknown_zone_in_config_toml_stops_start_up_naming_the_entry(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file(tmp_path, "", 'timezone = "Europe/Berlinn"'))
    message = str(caught.value)
    assert "[[channels]] entry 1" in message
    assert "'Europe/Berlinn' is not a time zone I know" in message
    assert "Did you mean Europe/Berlin" in message


@pytest.mark.parametrize(
    ("time", "zone", "start", "dues", "titles"),
    [
        # 02:30 does not exist in Berlin on 29 March 2026: 03:30 CEST (01:30Z), then the
        # next day 02:30 CEST (00:30Z)
        (
            "02:30",
            "Europe/Berlin",
            utc(2026, 3, 28, 12, 0),
            [utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 0, 30)],
            ["Sunday 29 March", "Monday 30 March"],
        ),
        # Lord Howe Island skips 02:00-02:30 on 4 October 2026 (+10:30 to +11): 02:15 comes
        # at 02:45 (15:45Z the day before), then the next day 02:15 (15:15Z)
        (
            "02:15",
            "Australia/Lord_Howe",
            utc(2026, 10, 3, 12, 0),
            [utc(2026, 10, 3, 15, 45), utc(2026, 10, 4, 15, 15)],
            ["Sunday 4 October", "Monday 5 October"],
        ),
    ],
)
def test_a_skipped_time_posts_once_later_on_the_spring_change(
    tmp_path, time, zone, start, dues, titles
):
    """A time the change skips runs once, as much later as the clocks went forward."""
    posted = posted_at(settings_for(tmp_path, time=time, zone=zone), start, dues)
    assert posted == [f"Your briefing for {day}" for day in titles]


def test_lord_howe_half_hour_changes_keep_the_local_time(tmp_path):
    """Lord Howe Island moves 30 minutes: +10:30 until 02:00 on 4 October 2026, then +11.
    08:00 there is 21:30Z the day before in winter and 21:00Z in summer."""
    settings = Settings(
        store=StoreSettings(path=str(tmp_path / "bot.db")),
        digest=DigestSettings(when_empty="announce"),
        channels=(ChannelSettings(id="console", time="08:00", timezone="Australia/Lord_Howe"),),
    )
    dues = [utc(2026, 10, 2, 21, 30), utc(2026, 10, 3, 21, 0)]
    titles = posted_at(settings, utc(2026, 10, 2, 12, 0), dues)
    assert titles == ["Your briefing for Saturday 3 October", "Your briefing for Sunday 4 October"]


def test_a_bot_down_across_the_first_of_a_twice_happening_time_posts_once(tmp_path):
    """02:30 Berlin happens at 00:30Z and again at 01:30Z on 25 October 2026. Down across
    the first and back at 01:00Z, the bot catches the digest up once; the second 02:30
    posts nothing, and the next one is 02:30 CET on the 26th (01:30Z)."""
    poster = RecordingPoster()
    settings = settings_for(tmp_path, time="02:30")

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        await bot.close()
        traveller.move_to(utc(2026, 10, 25, 1, 0))
        bot = await Bot.start(settings, poster)
        try:
            assert await bot.outcome() == "sent"
            assert bot.next_run() == utc(2026, 10, 26, 1, 30)
            await bot.at(traveller, utc(2026, 10, 25, 1, 30))
            assert bot.outcomes.empty()
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 10, 25, 0, 29), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert titles_of(poster) == ["Your briefing for Sunday 25 October"]
