"""``python -m bot``: the console without a chat token, one clear message for a bad config,
and the choice of chat backends from the environment."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from bot.__main__ import chat_backends
from summaries.config import DiscordSettings, Settings, SlackSettings
from tests.processes import UNSET, run_module


def bot(tmp_path, *argv, stdin="", env=None):
    return run_module("bot", *argv, cwd=tmp_path, stdin=stdin, env=env)


def test_bot_without_token_runs_the_console_on_the_samples(tmp_path):
    result = bot(tmp_path, stdin="brief central bank\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Briefing bot console: 9 sample articles")
    assert "Aldmere central bank cuts interest rate to 3.5 percent" in result.stdout
    assert not (tmp_path / "briefing.db").exists()


def test_without_token_and_without_commands_the_bot_says_what_is_missing(tmp_path):
    """A container started without its token has no terminal: its input ends at once. Its
    log must say why it did nothing; `make run` with empty input still succeeds."""
    result = bot(tmp_path, stdin="")
    assert result.returncode == 0, result.stderr
    assert "no chat token is set" in result.stderr and "DISCORD_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_note_without_a_token_names_the_variables_config_toml_reads(tmp_path):
    """A config.toml that renames the Discord token's variable and runs Slack over HTTP:
    the note names those variables, the signing secret and not the Socket Mode token."""
    (tmp_path / "config.toml").write_text(
        '[discord]\ntoken_env = "NEWSROOM_DISCORD"\n\n[slack]\nmode = "http"\n',
        encoding="utf-8",
    )
    result = bot(tmp_path, stdin="")
    assert result.returncode == 0, result.stderr
    assert "no chat token is set" in result.stderr
    assert "set NEWSROOM_DISCORD (Discord) or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (Slack)" in (
        result.stderr
    )
    assert "DISCORD_TOKEN" not in result.stderr and "SLACK_APP_TOKEN" not in result.stderr


def test_asked_for_console_or_given_commands_no_token_note(tmp_path):
    for result in (bot(tmp_path, "--console", stdin=""), bot(tmp_path, stdin="help\n")):
        assert result.returncode == 0, result.stderr
        assert "no chat token" not in result.stderr


def test_bot_bad_config_is_one_clear_message(tmp_path):
    (tmp_path / "config.toml").write_text("[summary]\nmethod = 'magic'\n", encoding="utf-8")
    result = bot(tmp_path)
    assert result.returncode == 2
    assert "magic" in result.stderr and "Traceback" not in result.stderr


def test_the_config_file_named_by_the_environment_is_read_as_help_says(tmp_path):
    """The Docker image names its settings with BRIEFING_CONFIG only."""
    assert "$BRIEFING_CONFIG" in bot(tmp_path, "--help").stdout
    (tmp_path / "elsewhere.toml").write_text("[summary]\nmethod = 'magic'\n", encoding="utf-8")
    result = bot(tmp_path, env={"BRIEFING_CONFIG": str(tmp_path / "elsewhere.toml")})
    assert result.returncode == 2 and "magic" in result.stderr


def test_an_unusable_database_is_one_clear_message(tmp_path):
    (tmp_path / "briefing.db").write_text("not a database " * 100, encoding="utf-8")
    result = bot(tmp_path, "--console")
    assert result.returncode == 1, result.stderr
    assert "is not a briefing bot database" in result.stderr
    assert "Traceback" not in result.stderr


def test_chat_backends_are_the_platforms_whose_token_is_set():
    settings = Settings(
        discord=DiscordSettings(token_env="MY_DISCORD"),
        slack=SlackSettings(bot_token_env="MY_SLACK"),
    )
    assert chat_backends(settings, {}) == []
    assert chat_backends(settings, {"DISCORD_TOKEN": "x"}) == []  # the names come from settings
    assert chat_backends(settings, {"MY_DISCORD": "x", "MY_SLACK": " "}) == ["discord"]
    assert chat_backends(settings, {"MY_SLACK": "x", "MY_DISCORD": "y"}) == ["discord", "slack"]


def test_a_chat_token_starts_that_platforms_adapter(tmp_path):
    """SLACK_BOT_TOKEN set: python -m bot builds the Slack adapter, which needs its app token
    in Socket Mode and says so before connecting anywhere."""
    env_token = {"SLACK_BOT_TOKEN": "xoxb-not-a-real-token"}
    result = bot(tmp_path, env=env_token)
    assert result.returncode == 2, result.stderr
    assert "SLACK_APP_TOKEN" in result.stderr and "Traceback" not in result.stderr
    assert "xoxb-not-a-real-token" not in result.stderr + result.stdout
    assert "Briefing bot console" not in result.stdout


@pytest.mark.parametrize("section", ["health", "web"])
def test_a_port_in_use_is_one_clear_message(tmp_path, section):
    """[health] or [web] enabled on a port another program holds: exit 2 naming the
    setting, before connecting to Discord (whose address here leads nowhere)."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        (tmp_path / "config.toml").write_text(
            f'[store]\npath = "{tmp_path / "bot.db"}"\n\n'
            '[discord]\napi_base = "http://127.0.0.1:9/api"\n'
            'gateway_url = "ws://127.0.0.1:9/gateway"\n\n'
            f"[{section}]\nenabled = true\nport = {port}\n",
            encoding="utf-8",
        )
        result = bot(tmp_path, env={"DISCORD_TOKEN": "not-a-real-discord-token"})
    assert result.returncode == 2, result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and f"[{section}] port" in result.stderr
    assert "Traceback" not in result.stderr
    assert "not-a-real-discord-token" not in result.stderr


def test_the_log_is_one_structured_line_per_event_at_the_configured_level(tmp_path):
    """[logging] format = "json": every stderr line of a failing start is a JSON object."""
    (tmp_path / "briefing.db").write_text("not a database " * 100, encoding="utf-8")
    (tmp_path / "config.toml").write_text(
        '[logging]\nlevel = "DEBUG"\nformat = "json"\n', encoding="utf-8"
    )
    result = bot(tmp_path, env={"DISCORD_TOKEN": "not-a-real-discord-token"})
    assert result.returncode == 1, result.stderr
    *lines, message = result.stderr.strip().splitlines()
    assert message.startswith("bot: ") and "is not a briefing bot database" in message
    events = [json.loads(line) for line in lines]
    assert events and all({"time", "level", "logger", "msg"} <= set(e) for e in events)


def test_a_console_whose_reader_goes_away_ends_quietly(tmp_path):
    """`python -m bot < commands | head -1`: once the reader has gone, the bot stops without
    an incident or a traceback, as `briefing search x | head` does."""
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert bot.stdout is not None and bot.stdin is not None
    assert bot.stdout.readline().startswith(b"Briefing bot console:")
    bot.stdout.close()  # the reader goes away; the replies still to come have nowhere to go
    _, err = bot.communicate(b"brief cyber\ndigest\nhelp\n" * 20, timeout=120)
    assert bot.returncode == 0, err
    assert b"incident" not in err and b"Traceback" not in err, err
