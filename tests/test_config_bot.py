"""The chat-side sections of config.toml: digest, schedule, channels, bot, discord, slack."""

from __future__ import annotations

import pytest

from summaries.config import ChannelSettings, load_settings
from summaries.errors import ConfigError, InputError
from summaries.timeofday import parse_time_of_day, parse_timezone


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_channels_are_read_as_a_list_of_tables(tmp_path):
    path = write(
        tmp_path,
        '[schedule]\ntime = "07:30"\n'
        '[[channels]]\nid = "discord:1"\ntime = "08:00"\ntimezone = "Europe/Berlin"\n'
        'topics = ["cyber", "\\"central bank\\""]\n'
        '[[channels]]\nid = "slack:C9"\n',
    )
    settings = load_settings(path)
    assert settings.channels == (
        ChannelSettings("discord:1", "08:00", "Europe/Berlin", ("cyber", '"central bank"')),
        ChannelSettings("slack:C9"),
    )
    assert settings.schedule.time == "07:30"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[channels]]\nid = "irc:1"\n', "id must be discord:<channel id>"),
        ('[[channels]]\nid = "discord"\n', "id must be discord:<channel id>"),
        ('[[channels]]\nid = "discord:#general"\n', "a Discord channel id is a number"),
        ('[[channels]]\nid = "discord: 123"\n', "a Discord channel id is a number"),
        ('[[channels]]\nid = "slack:#general"\n', "a Slack channel id is capital letters"),
        ('[[channels]]\nid = "slack:c0123abcd"\n', "a Slack channel id is capital letters"),
        ('[[channels]]\nid = "console"\n[[channels]]\nid = "console"\n', "listed twice"),
        ('[[channels]]\nid = "console"\ntime = "25:00"\n', "not a time of day"),
        ('[[channels]]\nid = "console"\ntimezone = "Europe/Berlim"\n', "Europe/Berlin"),
        ('[[channels]]\nid = "console"\ncolour = 1\n', "Unknown setting channels.colour"),
        ("channels = [1]\n", "entries must be tables"),
        ('[digest]\nwhen_empty = "shout"\n', "digest.when_empty must be one of"),
        ("[digest]\nmax_stories = 0\n", "digest.max_stories must be between"),
        ('[schedule]\ntimezone = "Mars/Olympus"\n', "not a time zone"),
        ('[slack]\nmode = "webhook"\n', "slack.mode must be one of"),
        ('[discord]\nshards = "many"\n', "discord.shards must be one of"),
        ("[discord]\nshard_ids = [0, 1]\n", "needs discord.shard_count"),
        ("[discord]\nshard_ids = [3]\nshard_count = 2\n", "discord.shard_ids must be between"),
        ('[discord]\nshard_ids = ["0"]\nshard_count = 2\n', "list of whole numbers"),
        ('[discord]\napi_base = "localhost:80"\n', "is not a URL"),
    ],
)
def test_bad_chat_settings_are_named(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace("*", r"\*")):
        load_settings(write(tmp_path, text))


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [("8:00", "08:00"), ("08.30", "08:30"), ("17h45", "17:45"), ("23:59", "23:59")],
)
def test_times_of_day_are_read_as_people_type_them(typed, wanted):
    assert parse_time_of_day(typed) == wanted


@pytest.mark.parametrize("typed", ["24:00", "8", "noon", "", "08:60", "8:5"])
def test_other_times_get_a_message_with_an_example(typed):
    with pytest.raises(InputError, match="HH:MM"):
        parse_time_of_day(typed)


def test_time_zones_are_case_insensitive_and_near_misses_are_suggested():
    assert str(parse_timezone("europe/berlin")) == "Europe/Berlin"
    with pytest.raises(InputError, match="Did you mean America/New_York"):
        parse_timezone("America/NewYork")


@pytest.mark.parametrize("name", ["localtime", "Factory", "posix/Europe/Berlin", "right/UTC"])
def test_zone_names_that_are_not_places_are_refused(name):
    with pytest.raises(InputError, match="not a time zone"):
        parse_timezone(name)


def test_a_long_paste_is_not_echoed_back_whole():
    with pytest.raises(InputError) as caught:
        parse_time_of_day("8" * 50_000)
    with pytest.raises(InputError) as zone:
        parse_timezone("Europe/" + "x" * 50_000)
    assert len(str(caught.value)) < 200 and len(str(zone.value)) < 300
