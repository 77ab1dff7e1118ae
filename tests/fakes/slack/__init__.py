"""A fake Slack on loopback: the Web API, response URLs and a Socket Mode websocket.

    async with FakeSlack() as slack:
        client = AsyncWebClient(token="xoxb-test", base_url=slack.api_url)
        ...
        call = await slack.wait_for("chat.postMessage")
        assert call.args["channel"] == "C1"

Signed request bodies for the app's own HTTP endpoint come from ``signing``.
"""

from tests.fakes.slack.payloads import (
    TEAM_ID,
    app_mention,
    app_uninstalled,
    slash_command,
    tokens_revoked,
    url_verification,
)
from tests.fakes.slack.signing import sign, signed_headers
from tests.fakes.slack.web_api import BOT_USER_ID, Call, FakeSlack

__all__ = [
    "BOT_USER_ID",
    "Call",
    "FakeSlack",
    "TEAM_ID",
    "app_mention",
    "app_uninstalled",
    "sign",
    "signed_headers",
    "slash_command",
    "tokens_revoked",
    "url_verification",
]
