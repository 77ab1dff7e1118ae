"""A message is tried again after a connection that never opened (nothing reached Slack),
once, as slack_sdk does for any dropped connection; after one cut once it went out it is
not (see ``test_slack_digest_once``). With the real AsyncWebClient against the fake Web
API on loopback, behind a forwarder that refuses the first connection."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from bot.slack.client import web_client
from bot.slack.poster import SlackPoster
from tests.bot.test_slack_poster import DIGEST, TOKEN
from tests.fakes.slack import FakeSlack
from tests.fakes.tcp_proxy import TcpProxy


def test_a_digest_message_whose_connection_never_opened_is_tried_once_more():
    async def scenario():
        async with FakeSlack() as slack:
            api = urlsplit(slack.api_url)
            proxy = TcpProxy(api.hostname or "127.0.0.1", api.port or 80).start()
            proxy.cut()  # the port refuses connections: nothing is sent
            client = web_client(TOKEN, f"http://127.0.0.1:{proxy.port}{api.path}")
            post = asyncio.create_task(SlackPoster(client).post("slack:C1", DIGEST))
            await asyncio.sleep(0.1)  # the first try is refused; the next comes after 0.5 s+
            proxy.restore()
            try:
                await asyncio.wait_for(post, 10)
            finally:
                proxy.cut()
            return slack.posted()

    posted = asyncio.run(scenario())
    assert [message["channel"] for message in posted] == ["C1"]  # posted, once
