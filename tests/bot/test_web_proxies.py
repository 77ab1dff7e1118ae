"""The dashboard behind a reverse proxy: the sign-in limit counts each client, not the
proxy, and only the proxies named in ``[web] trusted_proxies`` are believed. The real
dashboard on loopback; the "proxy" is an HTTP client whose connections come from
127.0.0.2 (the whole of 127.0.0.0/8 is this machine's)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot.runtime import BotRuntime
from bot.web import Dashboard
from bot.web.proxies import forwarded_for
from summaries.config import Settings, StoreSettings, WebSettings, load_settings
from summaries.errors import ConfigError

PROXY = "127.0.0.2"
LIMIT = 10  # sign-in attempts per address in the window (bot.web.server)


@contextlib.asynccontextmanager
async def dashboard(tmp_path, **web: Any) -> AsyncIterator[Dashboard]:
    settings = Settings(
        store=StoreSettings(path=str(tmp_path / "bot.db")),
        web=WebSettings(enabled=True, port=0, **web),
    )
    async with await BotRuntime.open(settings) as runtime:
        served = Dashboard(runtime, settings, {})
        await served.start()
        try:
            yield served
        finally:
            await served.close()


def client(served: Dashboard, source: str) -> httpx.AsyncClient:
    """An HTTP client whose connections come from ``source``."""
    transport = httpx.AsyncHTTPTransport(local_address=source)
    return httpx.AsyncClient(base_url=served.url, transport=transport)


async def attempt(http: httpx.AsyncClient, **headers: str) -> int:
    """One sign-in attempt (the page of a one-time link, which is limited per address)."""
    return (await http.get("/link/not-a-link", headers=headers)).status_code


@pytest.mark.parametrize(
    "trusted",
    [
        (PROXY, "10.0.0.0/8"),
        # as a dual-stack socket shows IPv4 peers, which an operator may copy
        ("::ffff:127.0.0.2", "::ffff:10.0.0.0/104"),
    ],
)
def test_behind_a_trusted_proxy_each_client_has_its_own_sign_in_limit(tmp_path, trusted):
    async def run() -> None:
        async with dashboard(tmp_path, trusted_proxies=trusted) as served:
            async with client(served, PROXY) as proxy:
                first = {"x-forwarded-for": "203.0.113.7"}
                answers = [await attempt(proxy, **first) for _ in range(LIMIT + 1)]
                assert answers == [200] * LIMIT + [429]
                # another person behind the same proxy is not locked out
                assert await attempt(proxy, **{"x-forwarded-for": "203.0.113.8"}) == 200
                assert await attempt(proxy, **{"x-forwarded-for": "2001:db8::8"}) == 200
                # the first one cannot get round it by sending an address of its own: the
                # proxy appends the one it saw, and the right-most untrusted address counts
                spoofed = {"x-forwarded-for": "198.51.100.1, 203.0.113.7"}
                assert await attempt(proxy, **spoofed) == 429
                # nor when it came through a second trusted proxy (10.1.2.3) on the way
                chained = {"x-forwarded-for": "198.51.100.2, 203.0.113.7, 10.1.2.3"}
                assert await attempt(proxy, **chained) == 429
                # a request from the proxy without the header is the proxy's own
                assert await attempt(proxy) == 200

    asyncio.run(run())


def test_forwarded_headers_from_an_address_not_trusted_are_ignored(tmp_path):
    async def run() -> None:
        async with dashboard(tmp_path, trusted_proxies=(PROXY,)) as served:
            async with client(served, "127.0.0.1") as direct:
                answers = [
                    await attempt(
                        direct,
                        **{"x-forwarded-for": f"198.51.100.{n}", "forwarded": f"for=192.0.2.{n}"},
                    )
                    for n in range(LIMIT + 2)
                ]
                assert answers == [200] * LIMIT + [429, 429]

    asyncio.run(run())


def test_without_trusted_proxies_no_forwarded_header_is_read(tmp_path):
    async def run() -> None:
        async with dashboard(tmp_path) as served, client(served, PROXY) as proxy:
            answers = [
                await attempt(proxy, **{"x-forwarded-for": f"198.51.100.{n}"})
                for n in range(LIMIT + 1)
            ]
            assert answers == [200] * LIMIT + [429]

    asyncio.run(run())


def test_a_proxy_that_sets_forwarded_is_read_from_that_header_only(tmp_path):
    async def run() -> None:
        options = {"trusted_proxies": (f"{PROXY}/32",), "proxy_header": "Forwarded"}
        async with dashboard(tmp_path, **options) as served, client(served, PROXY) as proxy:
            for n in range(LIMIT):  # an X-Forwarded-For a client sent passes the proxy as is
                seen = {"forwarded": "for=203.0.113.7;proto=https"}
                assert await attempt(proxy, **seen, **{"x-forwarded-for": f"10.0.0.{n}"}) == 200
            assert await attempt(proxy, forwarded="for=203.0.113.7") == 429
            assert await attempt(proxy, forwarded='for="[2001:db8::1]:4711"') == 200
            spoofed = 'for=198.51.100.1, for="203.0.113.7:5000"'
            assert await attempt(proxy, forwarded=spoofed) == 429
            assert await attempt(proxy, forwarded="for=unknown") == 200  # the proxy's own

    asyncio.run(run())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('["proxy.example"]', "web.trusted_proxies: 'proxy.example' is not an IP address"),
        (
            '["10.0.0.1/8"]',
            "web.trusted_proxies: '10.0.0.1/8' has bits set past its prefix: write 10.0.0.0/8",
        ),
        ('["0.0.0.0/0"]', "web.trusted_proxies: '0.0.0.0/0' covers every address"),
        ('["::/0"]', "web.trusted_proxies: '::/0' covers every address"),
        ('["::ffff:0:0/96"]', "web.trusted_proxies: '::ffff:0:0/96' covers every address"),
        ('"10.0.0.1"', "web.trusted_proxies must be a list of strings, not a string"),
    ],
)
def test_a_bad_trusted_proxy_stops_start_up_naming_the_key(tmp_path, value, message):
    path = tmp_path / "config.toml"
    path.write_text(f"[web]\ntrusted_proxies = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert message in str(caught.value)


def test_proxy_settings_are_read_and_the_header_must_be_one_a_proxy_sets(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[web]\ntrusted_proxies = ["10.0.0.5", "fd00::/8"]\nproxy_header = "forwarded"\n',
        encoding="utf-8",
    )
    web = load_settings(path).web
    assert (web.trusted_proxies, web.proxy_header) == (("10.0.0.5", "fd00::/8"), "forwarded")
    path.write_text('[web]\nproxy_header = "x-real-ip"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="web.proxy_header must be one of"):
        load_settings(path)


def test_a_client_cannot_swallow_the_element_its_proxy_appends_to_forwarded(tmp_path):
    """A proxy that appends its element to the client's own Forwarded header: a client
    that leaves a quoted string open there must not make the proxy's quoted element
    (an IPv6 address is quoted) part of its own, and so name any address it likes."""

    async def run() -> None:
        options = {"trusted_proxies": (PROXY,), "proxy_header": "forwarded"}
        async with dashboard(tmp_path, **options) as served, client(served, PROXY) as proxy:
            answers = []
            for n in range(LIMIT + 1):
                sent = f'for=198.51.100.{n};by="'  # what the client wrote, left open
                joined = f'{sent}, for="[2001:db8::9]"'  # the proxy appended its element
                answers.append(await attempt(proxy, forwarded=joined))
            assert answers == [200] * LIMIT + [429]
            # the same as two header lines (a proxy that adds its own line)
            lines = [("forwarded", 'for=192.0.2.1;by="'), ("forwarded", 'for="[2001:db8::9]"')]
            assert (await proxy.get("/link/not-a-link", headers=lines)).status_code == 429

    asyncio.run(run())


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("for=192.0.2.1", ["192.0.2.1"]),
        ("for=192.0.2.1:4711;proto=https", ["192.0.2.1:4711"]),  # not quoted, as some write
        ('For="[2001:db8::1]:4711";proto=https, by=x', ["[2001:db8::1]:4711", ""]),
        ("for=192.0.2.1 ; proto=https ,for=_hidden,,", ["192.0.2.1", "_hidden", "", ""]),
        ('for="a\\"b"', ['a"b']),  # a quoted-pair
        ('for=192.0.2.1;by=", for="[2001:db8::9]"', None),  # a quote left open
        ('for="192.0.2.1', None),
        ("for=192.0.2.1 for=192.0.2.2", None),
        ("192.0.2.1", None),
        ("for=192.0.2.1, garbage", None),
        ("; , " * 2000 + "x", None),  # long, and wrong only at the end: read in one pass
    ],
)
def test_forwarded_is_read_only_in_rfc_7239_syntax(line, read):
    assert forwarded_for(line) == read


def test_an_ipv6_client_cannot_get_round_the_limit_by_changing_addresses_in_its_network(
    tmp_path,
):
    """An IPv6 client is given a whole /64 (2^64 addresses, and privacy extensions change
    them by themselves): the limit counts the /64, or a client gets a fresh count per
    attempt."""

    async def run() -> None:
        async with dashboard(tmp_path, trusted_proxies=(PROXY,)) as served:
            async with client(served, PROXY) as proxy:
                answers = [
                    await attempt(proxy, **{"x-forwarded-for": f"2001:db8:0:1::{n + 1:x}"})
                    for n in range(LIMIT + 1)
                ]
                assert answers == [200] * LIMIT + [429]
                assert await attempt(proxy, **{"x-forwarded-for": "2001:db8:0:2::1"}) == 200

    asyncio.run(run())
