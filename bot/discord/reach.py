"""Whether Discord answers: at start-up, before the gateway loop, and in the log lines
written while it does not.

At start, discord.py would retry an unreachable gateway forever (sharded) or fail on its
first retry (unsharded), so ``check_gateway`` opens and closes one websocket first: the
adapter stops start-up with a plain message when nothing answers. Once running, a lost
gateway is discord.py's to reconnect, with a growing wait; ``ReconnectLines`` turns each
of its "Attempting a reconnect" lines (an error with a traceback) into a warning that
names the gateway's address and says why, in words. A REST call that fails for want of
an answer (a command's reply, a digest post) is logged with ``rest_unavailable``'s words;
a digest is posted again later by the delivery.
"""

from __future__ import annotations

import logging

import aiohttp
import yarl
from discord import http as discord_http
from discord.gateway import DiscordWebSocket

from bot.reach import endpoint, reason

CONNECTION_ERRORS = (aiohttp.ClientError, OSError, TimeoutError)
RECONNECT_LOGGERS = ("discord.client", "discord.shard")
GATEWAY_SETTING = "[discord] gateway_url"
REST_SETTING = "[discord] api_base"


def gateway_url() -> str:
    """The gateway discord.py connects to first (``[discord] gateway_url`` or Discord's)."""
    return str(DiscordWebSocket.DEFAULT_GATEWAY)


def rest_unavailable(error: BaseException) -> str:
    """ "Discord at <api address> ([discord] api_base) is not available: <why>"."""
    where = endpoint(discord_http.Route.BASE)
    return f"Discord at {where} ({REST_SETTING}) is not available: {reason(error)}"


async def check_gateway(client: discord_http.HTTPClient) -> None:
    """Open a websocket to the gateway as discord.py would, and close it at once (before
    IDENTIFY, so no session starts). Raises one of CONNECTION_ERRORS when nothing answers."""
    url = yarl.URL(gateway_url()).with_query(v=discord_http.INTERNAL_API_VERSION, encoding="json")
    socket = await client.ws_connect(str(url))
    await socket.close()


class ReconnectLines(logging.Filter):
    """discord.py's "Attempting a reconnect in 1.23s" after a connection error: a warning
    naming the gateway and the reason, without the traceback. Other records pass as they are."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, CONNECTION_ERRORS):
            return True
        if not record.getMessage().startswith("Attempting a reconnect"):
            return True
        record.msg = (
            f"Discord's gateway at {endpoint(gateway_url())} ({GATEWAY_SETTING}) is not "
            f"available: {reason(error)}. {record.getMessage()}"
        )
        record.args = None
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def quiet_reconnects() -> None:
    """Install ReconnectLines on discord.py's loggers (once)."""
    for name in RECONNECT_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(known, ReconnectLines) for known in logger.filters):
            logger.addFilter(ReconnectLines())
