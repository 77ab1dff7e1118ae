"""A control character in a setting (a NUL pasted into a channel id, an escape into the
store's URL) stops the config check with the key's name, not later with an unclear error,
and the value is never shown (a store URL may hold a password)."""

from __future__ import annotations

import pytest

from summaries.cli import main
from summaries.config import load_settings
from summaries.errors import ConfigError


@pytest.mark.parametrize(
    ("toml", "key", "code"),
    [
        ('[[channels]]\nid = "discord:1\\u0000"\n', "channels.id", "U+0000"),
        ('[[channels]]\nid = "discord:1\\u001b[31m"\n', "channels.id", "U+001B"),
        ('[store]\nurl = "postgresql://u@127.0.0.1/x\\u0000y"\n', "store.url", "U+0000"),
        ('[store]\npath = "b\\u0000.db"\n', "store.path", "U+0000"),
        (
            '[sources]\nfeeds = ["https://x.example/\\u0007feed"]\n',
            "sources.feeds (entry 1 of the list)",
            "U+0007",
        ),
        ('[schedule]\ntimezone = "UTC\\t"\n', "schedule.timezone", "U+0009"),
        ('[store]\nurl = "postgresql://u@127.0.0.1/s3cr3tdb\\u0085"\n', "store.url", "U+0085"),
    ],
)
def test_a_control_character_names_the_key_and_never_the_value(tmp_path, toml, key, code):
    path = tmp_path / "config.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    said = str(caught.value).removeprefix("[[channels]] entry 1: ")  # which channel, if one
    assert said.startswith(f"{key} holds a control character ({code},"), said
    assert "127.0.0.1" not in said and "discord:1" not in said and "x.example" not in said


def test_the_cli_stops_with_a_usage_exit_code_before_opening_anything(tmp_path, capsys):
    path = tmp_path / "config.toml"
    path.write_text('[store]\nurl = "postgresql://u@127.0.0.1/x\\u0000y"\n', encoding="utf-8")
    assert main(["search", "harbour", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing: configuration problem: store.url holds a control character")
    assert "127.0.0.1" not in err and err.count("\n") == 1


def test_a_control_character_in_a_list_names_which_entry_holds_it(tmp_path):
    path = tmp_path / "config.toml"
    feeds = '["https://x.example/a", "https://x.example/b", "https://x.example/\\u0007c"]'
    path.write_text(f"[sources]\nfeeds = {feeds}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    said = str(caught.value)
    assert said.startswith("sources.feeds (entry 3 of the list) holds a control character"), said
    assert "(U+0007, character 19 of the entry)" in said and "x.example" not in said, said


def test_format_characters_and_emoji_are_no_controls(tmp_path):
    """A right-to-left mark, a joiner and an emoji are text (Unicode's format characters
    and symbols), written in the topics of a channel named in Hebrew or Persian: they load
    as written; only the C0 and C1 controls and DEL are refused."""
    topics = '["\u200fחדשות\u200f", "می\u200cخواهم", "👩\u200d💻 code", "\u2066x\u2069"]'
    path = tmp_path / "config.toml"
    path.write_text(f'[[channels]]\nid = "console"\ntopics = {topics}\n', encoding="utf-8")
    assert load_settings(path).channels[0].topics == (
        "\u200fחדשות\u200f",
        "می\u200cخواهم",
        "👩\u200d💻 code",
        "\u2066x\u2069",
    )
    for code in ("\\u007f", "\\u0080", "\\u009f"):
        path.write_text(f'[[channels]]\nid = "console{code}"\n', encoding="utf-8")
        with pytest.raises(ConfigError, match="channels.id holds a control character"):
            load_settings(path)
