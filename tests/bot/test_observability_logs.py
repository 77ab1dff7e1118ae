"""Logging: one structured line per event, level from the config, secrets never written."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest

from bot.observability.logs import REDACTED, Redactor, configure_logging, remove_logging
from summaries.config import DiscordSettings, LoggingSettings, Settings, SlackSettings

DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
SLACK_BOT = "xoxb-111111111111-222222222222-AbCdEfGhIjKlMnOpQrStUvWx"
LOGFMT_PAIR = re.compile(r'([A-Za-z0-9_.-]+)=("(?:[^"\\]|\\.)*"|\S*)')


@pytest.fixture
def root_logger():
    """Restores the root logger's handlers and level after the test."""
    root = logging.getLogger()
    handlers, level, factory = list(root.handlers), root.level, logging.getLogRecordFactory()
    yield root
    for handler in list(root.handlers):
        if handler not in handlers:
            remove_logging(handler)
    root.setLevel(level)
    assert logging.getLogRecordFactory() is factory


def parse_logfmt(line):
    """key=value pairs of one logfmt line, with quoted values unescaped."""
    fields = {}
    for key, raw in LOGFMT_PAIR.findall(line):
        if raw.startswith('"'):
            raw = json.loads(raw)  # the escapes used are a subset of JSON's
        fields[key] = raw
    rebuilt = " ".join(f"{k}={v}" for k, v in LOGFMT_PAIR.findall(line))
    assert rebuilt == line, "every part of the line is a key=value pair"
    return fields


def settings_with(level="INFO", style="logfmt", **sections):
    return Settings(logging=LoggingSettings(level=level, format=style), **sections)


def test_a_token_in_a_message_an_argument_an_extra_and_an_exception_is_redacted(
    root_logger, monkeypatch, caplog
):
    monkeypatch.setenv("DISCORD_TOKEN", DISCORD)
    out = io.StringIO()
    configure_logging(settings_with(), stream=out)
    log = logging.getLogger("bot.discord")

    log.info("logging in with %s", DISCORD, extra={"token": DISCORD, "shard": 0})
    try:
        raise RuntimeError(f"401 Unauthorized for Bot {DISCORD}")
    except RuntimeError:
        log.exception("login failed")
    log.warning("slack said invalid_auth for %s", SLACK_BOT)  # token-shaped, not configured

    text = out.getvalue()
    assert DISCORD not in text and SLACK_BOT not in text
    assert DISCORD[:20] not in text  # not even a recognizable piece
    lines = text.splitlines()
    assert len(lines) == 3  # one line per event, the traceback included
    first, second, third = (parse_logfmt(line) for line in lines)
    assert first["msg"] == f"logging in with {REDACTED}"
    assert first["token"] == REDACTED and first["shard"] == "0"
    assert (first["level"], first["logger"]) == ("info", "bot.discord")
    assert second["msg"] == "login failed" and second["level"] == "error"
    assert second["exc"].startswith("Traceback (most recent call last):\n")
    assert second["exc"].endswith(f"RuntimeError: 401 Unauthorized for Bot {REDACTED}")
    assert third["msg"] == f"slack said invalid_auth for {REDACTED}"
    # records are born redacted: another handler (here pytest's capture) sees no token either
    assert DISCORD not in caplog.text and REDACTED in caplog.text


def test_secrets_in_the_variables_the_config_names_are_redacted_whatever_their_shape(
    root_logger, monkeypatch
):
    monkeypatch.setenv("MY_BOT_TOKEN", "correct horse battery staple")
    monkeypatch.setenv("MY_SIGNING", "8f742231b10e8888abcd99yyyzzz")
    settings = settings_with(
        discord=DiscordSettings(token_env="MY_BOT_TOKEN"),
        slack=SlackSettings(signing_secret_env="MY_SIGNING"),
    )
    out = io.StringIO()
    configure_logging(settings, stream=out)

    logging.getLogger("bot").error(
        "posting to https://hooks.example/x?secret=%s failed: %s",
        "8f742231b10e8888abcd99yyyzzz",
        "token was correct horse battery staple",
    )

    text = out.getvalue()
    assert "battery" not in text and "8f742231" not in text
    assert parse_logfmt(text.strip())["msg"] == (
        f"posting to https://hooks.example/x?secret={REDACTED} failed: token was {REDACTED}"
    )


def test_json_format_writes_one_object_per_line(root_logger, monkeypatch):
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-A0123-4567-deadbeefcafe")
    out = io.StringIO()
    configure_logging(settings_with(style="json"), stream=out)
    log = logging.getLogger("bot.delivery")

    log.info('digest "morning"\nposted', extra={"channel": "discord:1", "stories": 5})
    log.info("socket mode url wss://x/?ticket=xapp-1-A0123-4567-deadbeefcafe")

    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["msg"] == 'digest "morning"\nposted'
    assert (first["channel"], first["stories"], first["level"]) == ("discord:1", 5, "info")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", first["time"])
    assert second["msg"] == f"socket mode url wss://x/?ticket={REDACTED}"


def test_the_level_comes_from_the_config(root_logger):
    out = io.StringIO()
    configure_logging(settings_with(level="warning"), stream=out)
    log = logging.getLogger("bot.schedule")
    log.info("not shown")
    log.warning("shown")
    assert [parse_logfmt(line)["msg"] for line in out.getvalue().splitlines()] == ["shown"]


def test_configuring_again_replaces_the_handler(root_logger):
    first, second = io.StringIO(), io.StringIO()
    configure_logging(settings_with(), stream=first)
    configure_logging(settings_with(), stream=second)
    logging.getLogger("bot").warning("once")
    assert first.getvalue() == ""
    assert len(second.getvalue().splitlines()) == 1


def test_values_that_need_quoting_stay_on_one_line(root_logger):
    out = io.StringIO()
    configure_logging(settings_with(), stream=out)
    logging.getLogger("bot").warning(
        "a=b c", extra={"path": 'C:\\x "y"', "bell": "ring\x07", "empty": ""}
    )
    (line,) = out.getvalue().splitlines()
    fields = parse_logfmt(line)
    assert fields["msg"] == "a=b c"
    assert fields["path"] == 'C:\\x "y"'
    assert fields["empty"] == ""
    assert "\x07" not in line and fields["bell"] == "ring\x07"


def test_short_values_are_not_treated_as_secrets():
    redact = Redactor(["", "abc", "long-enough-secret"])
    assert redact("abc long-enough-secret") == f"abc {REDACTED}"


def test_badly_formatted_calls_are_still_logged_and_redacted(root_logger, monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", DISCORD)
    out = io.StringIO()
    configure_logging(settings_with(), stream=out)
    logging.getLogger("bot").warning("two %s %s", DISCORD)  # one argument short
    text = out.getvalue()
    assert DISCORD not in text and REDACTED in text
    assert len(text.splitlines()) == 1


def test_a_fetched_address_with_a_key_in_its_query_is_not_logged(root_logger):
    """httpx logs every request's whole address at INFO; a feed's query may carry a key."""
    import httpx

    from tests.fakes.feed_server import FeedServer

    out = io.StringIO()
    configure_logging(settings_with(level="INFO"), stream=out)
    with FeedServer() as server:
        server.route("/feed.xml", "<rss/>", "application/rss+xml")
        address = server.url("/feed.xml") + "?key=s3cr3t-feed-key"
        assert httpx.get(address).status_code == 200
    logging.getLogger("briefing.fetch").info("fetched a feed")  # INFO lines still go out
    assert "fetched a feed" in out.getvalue()
    assert "s3cr3t-feed-key" not in out.getvalue()


def test_the_dashboard_keys_and_the_database_password_are_never_logged(root_logger):
    """Keys in hex or base64 are not token-shaped: only their values can find them (a
    client library's debug line shows the form that carried the client secret)."""
    environ = {
        "SLACK_CLIENT_SECRET": "0123456789abcdef0123456789abcdef",
        "DISCORD_CLIENT_SECRET": "Zk3_pQ9sLm2VxYt7RbN4cW8eHj1uAo6G",
        "BRIEFING_WEB_SECRET": "5f2b9c0e7a41d8c36e9b0f1a2d4c6e8f" * 2,
        "PGPASSWORD": "correct-horse-battery",
    }
    out = io.StringIO()
    configure_logging(settings_with("DEBUG"), stream=out, environ=environ)
    for name, value in environ.items():
        logging.getLogger("slack_sdk").debug("Sending a request - data: {'%s': '%s'}", name, value)
    text = out.getvalue()
    assert len(text.splitlines()) == len(environ)
    for value in environ.values():
        assert value not in text
    assert text.count(REDACTED) == len(environ)


def test_a_response_url_is_not_logged_even_at_debug(root_logger):
    """slack_sdk logs at DEBUG the address of each answer sent through a response_url, and
    each Socket Mode payload, which carries it: the address lets anyone answer as the app."""
    hook = "https://hooks.slack.com/commands/T0TEAM/1234567890123/AbCdEfGhIjKlMnOpQrStUvWx"
    out = io.StringIO()
    configure_logging(settings_with("DEBUG"), stream=out)
    logging.getLogger("slack_sdk.webhook.async_client").debug(
        "Sending a request - url: %s, body: {'text': 'An answer'}", hook
    )
    escaped = hook.replace("/", "\\/")  # as in Slack's JSON
    frame = '{"command": "\\/brief", "response_url": "' + escaped + '"}'
    logging.getLogger("slack_sdk.socket_mode.aiohttp").debug("Received message (data: %r)", frame)
    text = out.getvalue()
    assert len(text.splitlines()) == 2 and "AbCdEfGh" not in text
    assert "hooks.slack.com/[redacted]" in text
