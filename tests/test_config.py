"""config.toml is checked against its schema at load time."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries.config import Settings, load_settings
from summaries.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_is_valid_and_matches_the_defaults():
    settings = load_settings(REPO / "config.toml")
    assert settings.summary == Settings().summary
    defaults = Settings()
    for section in ("store", "fetch", "ingest", "digest", "schedule", "channels", "bot"):
        assert getattr(settings, section) == getattr(defaults, section), section
    assert (settings.discord, settings.slack) == (defaults.discord, defaults.slack)


def test_missing_default_file_means_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    assert load_settings().summary == Settings().summary


def test_values_are_read(tmp_path):
    path = write(tmp_path, '[summary]\nmethod = "textrank"\nsentences = 5\nmax_chars = 2000\n')
    summary = load_settings(path).summary
    assert (summary.method, summary.sentences, summary.max_chars) == ("textrank", 5, 2000)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[summary]\nsentnces = 3\n", "Unknown setting summary.sentnces"),
        ("[sumary]\n", "Unknown section [sumary]"),
        # a key above every [section] (the file's own path is no setting: never taken in silence)
        ('path = "other.db"\n[store]\n', "Unknown setting path: it goes under [store]"),
        ("sentences = 2\n", "Unknown setting sentences: it goes under [summary]"),
        ("colour = 2\n", "Unknown setting colour: every setting goes under its [section]"),
        ('feeds = ["https://example.org/rss"]\n', "Unknown setting feeds: it goes under [sources]"),
        ("[[feed]]\nurl = 1\n", "Unknown section [feed]"),
        ('[summary]\nsentences = "3"\n', "summary.sentences must be a whole number"),
        ("[summary]\nsentences = true\n", "summary.sentences must be a whole number"),
        ("[summary]\nsentences = 0\n", "sentences must be between 1 and 50"),
        ("[summary]\nmax_chars = 10\n", "max_chars must be between"),
        ('[summary]\nmethod = "magic"\n', "Unknown summary method 'magic'"),
        ('[summary]\nlanguage = "klingon"\n', "Language 'klingon' is not one the bot can"),
        ("summary = 3\n", "[summary] must be a table"),
        ("[summary\n", "not valid TOML"),
        ("[fetch]\ntimeout = 0\n", "fetch.timeout must be between"),
        ('[fetch]\nper_host = "2"\n', "fetch.per_host must be a whole number"),
        ("[fetch]\nmax_in_flight = 0\n", "fetch.max_in_flight must be between 1 and 256"),
        ("[sources]\nfeeds = [1]\n", "sources.feeds must be a list of strings"),
        ('[sources]\nfeeds = ["ftp://x"]\n', "not an http(s) address"),
        ("[ingest]\nworkers = 0\n", "ingest.workers must be between"),
        ("[ingest]\nmax_entries_per_feed = 0\n", "ingest.max_entries_per_feed must be between"),
        ('[store]\npath = ""\n', "store.path must be a file name"),
    ],
)
def test_bad_settings_stop_with_the_key_named(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[sources]\nfeeds = "https://example.org/rss"\n',
            "sources.feeds must be a list of strings, not a string ('https://example.org/rss').",
        ),
        ("[discord]\nshard_ids = 0\n", "discord.shard_ids must be a list of whole numbers, not a"),
        ('channels = "console"\n', "channels must be a list of tables, not a string"),
        ("summary = 3\n", "[summary] must be a table (a section), not a whole number."),
        ("[summary]\nsentences = 2.5\n", "must be a whole number, not a decimal number (2.5)."),
        (
            "[fetch]\nmax_bytes = 1000\n",
            "fetch.max_bytes must be between 10,000 and 100,000,000, not 1,000.",
        ),
        ("[fetch]\ntimeout = 0.1\n", "fetch.timeout must be between 0.5 and 300, not 0.1."),
    ],
)
def test_bad_settings_are_told_in_the_file_s_words(tmp_path, text, message):
    """A list was "tuple", a string "str" and 100,000,000 "1e+08": Python's words, which
    the person editing config.toml never wrote."""
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text))
    assert message in str(caught.value)


def test_lists_and_floats_are_read(tmp_path):
    text = '[sources]\nfeeds = ["https://example.org/rss"]\n[fetch]\ntimeout = 3\n'
    settings = load_settings(write(tmp_path, text))
    assert settings.sources.feeds == ("https://example.org/rss",)
    assert settings.fetch.timeout == 3.0 and isinstance(settings.fetch.timeout, float)


def test_a_named_file_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


def test_a_folder_or_a_device_given_as_the_config_file_is_named_as_such(tmp_path, monkeypatch):
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert str(caught.value) == f"Config file {tmp_path} is a folder: give a TOML file."
    with pytest.raises(ConfigError, match="^Config file /dev/null is not a regular file: give"):
        load_settings("/dev/null")
    (tmp_path / "config.toml").mkdir()  # the default name, not asked for: not passed over
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    with pytest.raises(ConfigError, match="^Config file config.toml is a folder"):
        load_settings()


def test_a_config_file_not_in_utf8_names_the_line_and_not_the_codec(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes('[summary]\nmethod = "default"\n# Zürich office\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value) == (
        f"{path} is not UTF-8 text (line 3 is not): save it as UTF-8, as TOML files are."
    )
