"""The Slack adapter's settings: ``[slack]`` from config.toml, tokens from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from summaries.config import SlackSettings
from summaries.errors import ConfigError

SLACK_API = "https://slack.com/api/"


@dataclass(frozen=True, slots=True)
class SlackCredentials:
    """The secrets, kept out of ``repr`` so they never reach a log line."""

    bot_token: str = field(repr=False)
    app_token: str = field(default="", repr=False)  # Socket Mode
    signing_secret: str = field(default="", repr=False)  # HTTP mode


def slack_configured(settings: SlackSettings, environ: Mapping[str, str]) -> bool:
    """Slack runs when its bot token variable is set."""
    return bool(environ.get(settings.bot_token_env, "").strip())


def read_credentials(settings: SlackSettings, environ: Mapping[str, str]) -> SlackCredentials:
    """The tokens ``settings.mode`` needs, or a ConfigError naming the variable to set."""
    bot_token = _variable(environ, settings.bot_token_env)
    if not bot_token:
        raise ConfigError(f"Set {settings.bot_token_env} to the Slack bot token (xoxb-...).")
    if not bot_token.startswith("xoxb-"):
        raise ConfigError(
            f"{settings.bot_token_env} does not hold a Slack bot token: those start with xoxb- "
            "(OAuth & Permissions > Bot User OAuth Token)."
        )
    if settings.mode == "socket":
        app_token = _variable(environ, settings.app_token_env)
        if not app_token.startswith("xapp-"):
            raise ConfigError(
                f'slack.mode is "socket": set {settings.app_token_env} to an app-level token '
                "(xapp-..., Basic Information > App-Level Tokens, scope connections:write), "
                'or set slack.mode = "http".'
            )
        return SlackCredentials(bot_token, app_token=app_token)
    secret = _variable(environ, settings.signing_secret_env)
    if not secret:
        raise ConfigError(
            f'slack.mode is "http": set {settings.signing_secret_env} to the app\'s signing '
            "secret (Basic Information > App Credentials)."
        )
    return SlackCredentials(bot_token, signing_secret=secret)


def api_base_url(settings: SlackSettings) -> str:
    """The Web API base URL, ending in a slash as slack_sdk expects."""
    base = settings.api_base.strip() or SLACK_API
    return base if base.endswith("/") else base + "/"


def _variable(environ: Mapping[str, str], name: str) -> str:
    return environ.get(name, "").strip()
