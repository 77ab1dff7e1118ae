"""A token pasted into config.toml is never echoed: not by `python -m bot`, `briefing` or
`briefing doctor`; a token given where a variable's name belongs stops start-up."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.processes import run_module

DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
SLACK = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"

# (config text, the key the message must name, the token it must not show)
PASTED = [
    pytest.param(f'[discord]\napi_base = "{DISCORD}"\n', "discord.api_base", DISCORD, id="api"),
    pytest.param(f'[slack]\napi_base = "{SLACK}"\n', "slack.api_base", SLACK, id="slack-api"),
    pytest.param(
        f'[discord]\ngateway_url = "{DISCORD}"\n', "discord.gateway_url", DISCORD, id="gateway"
    ),
    pytest.param(f'[slack]\nmode = "{SLACK}"\n', "slack.mode", SLACK, id="slack-mode"),
    pytest.param(f'[discord]\ntoken_env = ["{DISCORD}"]\n', "discord.token_env", DISCORD, id="t"),
    pytest.param(f'[discord]\n"{DISCORD}" = 1\n', "A key in [discord] is named", DISCORD, id="key"),
    pytest.param(
        f'[[channels]]\nid = "console"\ntimezone = "{SLACK}"\n', "[[channels]]", SLACK, id="zone"
    ),
]
# a token where the NAME of its variable belongs: the platform would quietly stay off
IN_TOKEN_ENV = [
    pytest.param(f'[discord]\ntoken_env = "{DISCORD}"\n', "discord.token_env", DISCORD, id="d"),
    pytest.param(f'[slack]\nbot_token_env = "{SLACK}"\n', "slack.bot_token_env", SLACK, id="s"),
]


def run(tmp_path: Path, text: str, module: str, *argv: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    return run_module(module, *argv, "--config", str(config), cwd=tmp_path)


@pytest.mark.parametrize(("text", "key", "token"), PASTED + IN_TOKEN_ENV)
def test_the_bot_names_the_key_and_never_shows_the_token(tmp_path, text, key, token):
    result = run(tmp_path, text, "bot")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("bot: configuration problem: ")
    assert key in result.stderr
    assert token not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("text", "key", "token"), PASTED[:2] + IN_TOKEN_ENV[:1])
def test_briefing_and_doctor_name_the_key_and_never_show_the_token(tmp_path, text, key, token):
    methods = run(tmp_path, text, "summaries.cli", "methods")
    assert methods.returncode == 2 and key in methods.stderr, methods.stderr
    doctor = run(tmp_path, text, "summaries.cli", "doctor")
    assert doctor.returncode == 1 and f"PROBLEM  config       {key}" in doctor.stdout
    for output in (methods.stdout, methods.stderr, doctor.stdout, doctor.stderr):
        assert token not in output


@pytest.mark.parametrize(("text", "key", "token"), IN_TOKEN_ENV)
def test_a_token_in_a_token_env_key_is_said_not_run_as_the_console(tmp_path, text, key, token):
    result = run(tmp_path, text, "bot")
    assert result.returncode == 2, result.stdout
    assert f"{key} holds what looks like a token" in result.stderr
    assert "name of the environment variable" in result.stderr
    assert "Briefing bot console" not in result.stdout


@pytest.mark.parametrize(
    ("text", "key", "variable", "token"),
    [
        (f'[discord]\ntoken = "{DISCORD}"\n', "discord.token", "DISCORD_TOKEN", DISCORD),
        (f'[slack]\nbot_token = "{SLACK}"\n', "slack.bot_token", "SLACK_BOT_TOKEN", SLACK),
        ('[slack]\nsigning_secret = "0123abcd"\n', "slack.signing_secret", "SLACK_SIGNING_SECRET",
         "0123abcd"),
    ],
)  # fmt: skip
def test_a_token_key_in_the_config_says_where_tokens_go(tmp_path, text, key, variable, token):
    result = run(tmp_path, text, "bot")
    assert result.returncode == 2, result.stderr
    assert f"{key} cannot be set in the config file" in result.stderr
    assert variable in result.stderr and "environment" in result.stderr
    assert token not in result.stdout + result.stderr


def test_a_token_env_key_must_name_a_variable(tmp_path):
    result = run(tmp_path, '[slack]\napp_token_env = "my app token"\n', "bot")
    assert result.returncode == 2
    assert "slack.app_token_env must be the name of an environment variable" in result.stderr
    assert "SLACK_APP_TOKEN" in result.stderr


# a proxy's user name and password in a platform's address: the chat clients refuse them
# on every call, so the bot would start and fail at its first request
CREDENTIALS = "https://briefing-proxy:hunter2-pass@127.0.0.1:9/"
TOKENS = {
    "slack": {"SLACK_BOT_TOKEN": SLACK, "SLACK_APP_TOKEN": "xapp-1-A111-222-abcdef0123"},
    "discord": {"DISCORD_TOKEN": DISCORD},
}


@pytest.mark.parametrize("key", ["slack.api_base", "discord.api_base", "discord.gateway_url"])
def test_credentials_in_a_platform_address_stop_start_up_unshown(tmp_path, key):
    section, name = key.split(".")
    config = tmp_path / "config.toml"
    config.write_text(f'[{section}]\n{name} = "{CREDENTIALS}"\n', encoding="utf-8")

    result = run_module("bot", "--config", str(config), cwd=tmp_path, env=TOKENS[section])

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"bot: configuration problem: {key} holds a user name")
    assert "hunter2-pass" not in result.stdout + result.stderr
    assert "briefing-proxy" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


# Slack's signing secret is 32 hex digits: when it starts with a letter it is also a valid
# variable name, and "set <that name> to the app's signing secret" would show it
SIGNING_SECRET = "e3b0c44298fc1c149afbf4c8996fb924"


@pytest.mark.parametrize("mode", ["http", "socket"])
def test_a_signing_secret_in_its_env_key_is_refused_unshown(tmp_path, mode):
    config = tmp_path / "config.toml"
    config.write_text(
        f'[slack]\nmode = "{mode}"\nsigning_secret_env = "{SIGNING_SECRET}"\n', encoding="utf-8"
    )

    result = run_module("bot", "--config", str(config), cwd=tmp_path, env=TOKENS["slack"])

    assert result.returncode == 2, result.stderr
    assert "slack.signing_secret_env holds what looks like a token or secret" in result.stderr
    assert "SLACK_SIGNING_SECRET" in result.stderr  # the kind of name it wants
    assert SIGNING_SECRET not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_variable_names_with_words_and_numbers_are_still_names(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        '[slack]\nbot_token_env = "TEAM2_SLACK_BOT_TOKEN_V2"\n'
        'app_token_env = "SlackAppTokenForProduction2024"\n',
        encoding="utf-8",
    )
    result = run_module("bot", "--config", str(config), cwd=tmp_path, stdin="help\n")
    assert result.returncode == 0, result.stderr
    assert "Briefing bot console" in result.stdout
