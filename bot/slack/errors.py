"""A failed Slack call, read one way whatever came back.

slack_sdk raises ``SlackApiError`` for an error answer, but what it holds depends on the
answer: Slack's JSON (``{"ok": false, "error": "not_in_channel"}``), the text of an answer
that is not JSON (a proxy in front of ``[slack] api_base`` saying ``503 Service
Unavailable`` in text/plain), or aiohttp's raw response; and aiohttp raises its own errors
when nothing answers. ``slack_call`` turns all of them into one ``SlackCallError``, so a
caller decides on Slack's error code, the HTTP status, or "no answer", and never reads a
response itself.

    try:
        answer = await slack_call(client.users_info(user=user_id))
    except SlackCallError as error:
        log.warning("users.info failed: %s", error)   # "user_not_found", "HTTP 503, not JSON"
"""

from __future__ import annotations

import re
from collections.abc import Awaitable
from typing import TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.reach import answered, may_have_arrived, reason

T = TypeVar("T")

_CODE = re.compile(r"[a-z][a-z_]{0,60}")
# Error codes with which Slack says "it's possible some aspect of the operation succeeded
# before the error was raised" (its words, of every Web API method).
MAYBE_CARRIED_OUT = frozenset({"internal_error", "fatal_error"})


class SlackCallError(Exception):
    """A Web API call or a response_url answer that failed.

    ``code`` is Slack's error code when the answer carried one ("" otherwise), ``status``
    the HTTP status when there was an answer (None when nothing answered).
    """

    def __init__(
        self, code: str = "", *, status: int | None = None, cause: str = "", sent: bool = True
    ) -> None:
        self.code = code
        self.status = status
        self.cause = cause  # why there was no answer, in words: "the connection was refused"
        self.sent = sent  # False: the connection never opened, nothing reached Slack
        super().__init__(self.describe())

    @property
    def answered(self) -> bool:
        """Whether anything answered (Slack or a proxy before it)."""
        return self.status is not None

    @property
    def refused(self) -> bool:
        """Slack itself said no (an error code, not a 5xx or a rate limit): sending the
        same request again will not help unless something changes on Slack's side."""
        status = self.status
        return bool(self.code) and status is not None and status < 500 and status != 429

    @property
    def maybe_taken(self) -> bool:
        """Whether Slack may have carried the request out although it failed: a 5xx (Slack's
        own, or a proxy's that may have passed it on), an error Slack says may come after
        part of it was done (``MAYBE_CARRIED_OUT``), or a connection cut or timed out after
        the request went out. A message posted then may be there: sending it again could
        show it twice."""
        if self.status is None:
            return self.sent
        return self.status >= 500 or self.code in MAYBE_CARRIED_OUT

    def describe(self) -> str:
        """For a log line: the code, the status of an answer that was not Slack's, or why
        there was no answer."""
        if self.code:
            return self.code
        if self.status is not None:
            return f"Slack answered HTTP {self.status}, not JSON"
        return f"no answer: {self.cause or 'the connection failed'}"

    def why(self) -> str:
        """Why Slack is not available, for "Slack at ... is not available: <why>"."""
        if self.status is None:
            return self.cause or "the connection failed"
        return answered(self.status) + (f" ({self.code})" if self.code else "")


async def slack_call(call: Awaitable[T]) -> T:
    """Await ``call`` (an AsyncWebClient method or ``respond(...)``); any way it fails
    becomes a SlackCallError."""
    try:
        return await call
    except SlackApiError as error:
        raise api_error(error) from None
    except (TimeoutError, aiohttp.ClientError, OSError) as error:
        raise SlackCallError(cause=reason(error), sent=may_have_arrived(error)) from None


def error_code(body: object) -> str:
    """Slack's error code in a response_url's answer (``invalid_blocks``), or "" when the
    body is anything else: a proxy's page may echo the address, whose path is a secret."""
    text = str(body or "").strip()
    return text if _CODE.fullmatch(text) else ""


def api_error(error: SlackApiError) -> SlackCallError:
    """The SlackCallError for slack_sdk's SlackApiError, whatever its ``response`` holds."""
    response = error.response
    data = getattr(response, "data", None)
    code = data.get("error") if isinstance(data, dict) else None
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    return SlackCallError(
        str(code) if code else "", status=int(status) if isinstance(status, int) else 0
    )
