"""The payloads Slack sends to an app, shaped like the real ones (trimmed to what matters)."""

from __future__ import annotations

import itertools
import time
from typing import Any

TEAM_ID = "T0TEST"
APP_ID = "A0TEST"
_ids = itertools.count(1)


def slash_command(
    command: str,
    text: str,
    *,
    response_url: str,
    channel: str = "C1",
    channel_name: str = "news",
    user: str = "U1",
    team: str = TEAM_ID,
) -> dict[str, str]:
    """A slash command invocation: form fields over HTTP, the payload over Socket Mode.
    ``team`` is the workspace Slack names; in a channel shared with another organisation
    (Slack Connect) it need not be the one that installed the app."""
    return {
        "token": "legacy-verification-token",
        "team_id": team,
        "team_domain": "test",
        "channel_id": channel,
        "channel_name": channel_name,
        "user_id": user,
        "user_name": "someone",
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{next(_ids)}.trigger",
    }


def app_mention(
    text: str,
    *,
    channel: str = "C1",
    user: str = "U1",
    thread_ts: str | None = None,
    team: str = TEAM_ID,
) -> dict[str, Any]:
    """An Events API ``event_callback`` carrying an ``app_mention``; ``text`` as Slack sends
    it (mentions as ``<@U…>``, ``&``, ``<``, ``>`` escaped). ``team``: the person's
    workspace (in a channel shared with another organisation Slack adds ``user_team``)."""
    ts = f"{time.time():.6f}"
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": team,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event)


def app_uninstalled() -> dict[str, Any]:
    """What Slack sends once the app was removed from the workspace."""
    return event_callback({"type": "app_uninstalled", "event_ts": f"{time.time():.6f}"})


def tokens_revoked(*, bot: list[str] = (), oauth: list[str] = ()) -> dict[str, Any]:
    """What Slack sends when tokens of the workspace were revoked: ``bot`` holds the bot
    users whose bot tokens went, ``oauth`` the people whose user tokens went."""
    tokens = {"oauth": list(oauth), "bot": list(bot)}
    return event_callback({"type": "tokens_revoked", "tokens": tokens})


def event_callback(event: dict[str, Any]) -> dict[str, Any]:
    """An Events API ``event_callback`` envelope around ``event``, from the test workspace."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": f"Ev{next(_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [
            {"team_id": TEAM_ID, "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}
        ],
    }


def url_verification(challenge: str) -> dict[str, str]:
    """What Slack sends once to check an Events API request URL."""
    return {
        "token": "legacy-verification-token",
        "challenge": challenge,
        "type": "url_verification",
    }
