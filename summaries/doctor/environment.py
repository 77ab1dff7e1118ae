"""``briefing doctor``: the tokens of the chat platforms in use are set and look like tokens
(never shown)."""

from __future__ import annotations

from collections.abc import Mapping

from summaries.config import Settings
from summaries.doctor.findings import Finding, note, ok, problem

DISCORD_PORTAL = "https://discord.com/developers/applications"
SLACK_PORTAL = "https://api.slack.com/apps"


def check_environment(settings: Settings, environ: Mapping[str, str]) -> list[Finding]:
    platforms: dict[str, list[str]] = {}
    for channel in settings.channels:
        platforms.setdefault(channel.id.split(":", 1)[0], []).append(channel.id)
    findings = _discord_token(settings, environ, platforms.get("discord", []))
    findings += _slack_tokens(settings, environ, platforms.get("slack", []))
    if not findings:
        findings.append(
            note(
                "environment",
                "No chat platform is configured: `python -m bot` runs in the terminal.",
                f"To connect, set {chat_token_variables(settings)}.",
            )
        )
    return findings


def chat_token_variables(settings: Settings) -> str:
    """The variables that connect the bot to a chat platform, as config.toml names them:
    Discord's token, or Slack's bot token and the second one its mode needs."""
    return (
        f"{settings.discord.token_env} (Discord) or "
        f"{settings.slack.bot_token_env} and {_slack_second(settings)} (Slack)"
    )


def _discord_token(
    settings: Settings, environ: Mapping[str, str], channels: list[str]
) -> list[Finding]:
    name = settings.discord.token_env
    token = environ.get(name, "").strip()
    where = f"{DISCORD_PORTAL} > your application > Bot > Reset Token"
    if not token:
        if not channels:
            return []
        return [
            problem(
                "environment",
                f"Discord: {name} is not set, but config.toml has Discord channels "
                f"({', '.join(channels)}).",
                f"Set {name} to the bot token ({where}), e.g. in the container's environment.",
            )
        ]
    if token.count(".") != 2 or " " in token:
        return [
            problem(
                "environment",
                f"Discord: {name} is set but does not look like a bot token "
                "(three parts separated by dots).",
                f"Copy the token again from {where}; give it without 'Bot ' in front.",
            )
        ]
    return [ok("environment", f"Discord: {name} is set.")]


def _slack_second(settings: Settings) -> str:
    slack = settings.slack
    return slack.app_token_env if slack.mode == "socket" else slack.signing_secret_env


def _slack_tokens(
    settings: Settings, environ: Mapping[str, str], channels: list[str]
) -> list[Finding]:
    slack = settings.slack
    wanted = {
        slack.bot_token_env: ("xoxb-", "the Bot User OAuth Token (OAuth & Permissions)"),
        _slack_second(settings): (
            ("xapp-", "an App-Level Token with connections:write (Basic Information)")
            if slack.mode == "socket"
            else ("", "the Signing Secret (Basic Information > App Credentials)")
        ),
    }
    values = {name: environ.get(name, "").strip() for name in wanted}
    if not channels and not any(values.values()):
        return []
    findings = []
    for name, (prefix, what) in wanted.items():
        value = values[name]
        if not value:
            need = (
                f"config.toml has Slack channels ({', '.join(channels)})"
                if channels
                else "the other Slack variable is set"
            )
            findings.append(
                problem(
                    "environment",
                    f"Slack ({slack.mode} mode): {name} is not set, but {need}.",
                    f"Set {name} to {what} from {SLACK_PORTAL}.",
                )
            )
        elif prefix and not value.startswith(prefix):
            findings.append(
                problem(
                    "environment",
                    f"Slack: {name} does not start with {prefix}, so it is not {what}.",
                    f"Copy {what} from {SLACK_PORTAL} into {name}.",
                )
            )
    if not findings:
        findings.append(
            ok("environment", f"Slack ({slack.mode} mode): {', '.join(wanted)} are set.")
        )
    return findings
