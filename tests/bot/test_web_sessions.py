"""Signing out of the dashboard holds across a restart: the bot and its dashboard are
stopped and started again on the same database (SQLite and PostgreSQL), with the same
session key, and a kept copy of a signed-out cookie is still refused."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx

from bot.runtime import BotRuntime
from bot.web import Dashboard
from summaries.config import Settings, StoreSettings, WebSettings
from summaries.store import open_store
from tests.bot.helpers_web import SESSION_SECRET, browsing, csrf_of

ENVIRON = {"BRIEFING_WEB_SECRET": SESSION_SECRET}


def settings_at(location: str) -> Settings:
    store = StoreSettings(url=location) if "://" in location else StoreSettings(path=location)
    return Settings(store=store, web=WebSettings(enabled=True, port=0))


@contextlib.asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[tuple[BotRuntime, httpx.AsyncClient]]:
    """The bot's runtime and its dashboard, started; an HTTP client on the dashboard."""
    async with await BotRuntime.open(settings) as runtime:
        dashboard = Dashboard(runtime, settings, ENVIRON)
        await dashboard.start()
        try:
            async with httpx.AsyncClient(base_url=dashboard.url) as http:
                yield runtime, http
        finally:
            await dashboard.close()


async def operator_cookie(runtime: BotRuntime, http: httpx.AsyncClient, secret: str) -> dict:
    """Sign in with a one-time link: the session cookie, as a header to send by hand."""
    now = runtime.clock()
    runtime.store.add_web_link(secret, now=now, expires=now + timedelta(minutes=5))
    signed = await http.post("/link", data={"secret": secret})
    assert signed.status_code == 303
    return {"cookie": signed.headers["set-cookie"].split(";")[0]}


async def opens(http: httpx.AsyncClient, cookie: dict) -> bool:
    page = await http.get("/t/console/sources", headers=cookie)
    assert page.status_code in (200, 403), page.status_code
    return page.status_code == 200


def test_a_signed_out_session_stays_signed_out_after_a_restart(location):
    settings = settings_at(location)

    async def run() -> None:
        async with running(settings) as (runtime, http):
            ended = await operator_cookie(runtime, http, "first")
            async with httpx.AsyncClient(base_url=http.base_url) as elsewhere:
                kept = await operator_cookie(runtime, elsewhere, "second")
            page = await http.get("/t/console/sources", headers=ended)
            out = await http.post("/logout", data={"csrf": csrf_of(page.text)}, headers=ended)
            assert out.status_code == 303
            assert not await opens(http, ended)
            assert await opens(http, kept)
        async with running(settings) as (runtime, http):  # the same database and key
            assert not await opens(http, ended)
            assert await opens(http, kept)  # a session not signed out lasts, as before

    asyncio.run(run())


def test_signing_in_again_in_the_same_browser_ends_the_earlier_session_for_good(location):
    settings = settings_at(location)

    async def run() -> None:
        async with running(settings) as (runtime, http):
            earlier = await operator_cookie(runtime, http, "first")
            http.cookies.clear()
            http.headers.update(earlier)
            later = await operator_cookie(runtime, http, "second")
            http.headers.pop("cookie")
            assert not await opens(http, earlier) and await opens(http, later)
        async with running(settings) as (runtime, http):
            assert not await opens(http, earlier) and await opens(http, later)

    asyncio.run(run())


def test_sign_outs_are_kept_only_until_their_cookies_would_have_expired(location):
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with open_store(location) as store:
        store.end_web_session("old", now=now, expires=now + timedelta(hours=1))
        store.end_web_session("new", now=now, expires=now + timedelta(hours=12))
        store.end_web_session("new", now=now, expires=now + timedelta(hours=12))  # twice: once
        later = now + timedelta(hours=2)
        assert store.web_sign_outs(now=later) == {"new": now + timedelta(hours=12)}
        store.end_web_session("newer", now=later, expires=later + timedelta(hours=12))
        kept = store.execute("SELECT session_id FROM web_sign_outs ORDER BY session_id")
        assert kept == [("new",), ("newer",)]  # the expired one is gone from the table


def test_a_sign_out_the_store_cannot_keep_still_signs_out_until_the_restart(tmp_path, caplog):
    settings = settings_at(str(tmp_path / "bot.db"))

    async def run() -> None:
        async with running(settings) as (runtime, http):
            cookie = await operator_cookie(runtime, http, "first")
            page = await http.get("/t/console/sources", headers=cookie)
            runtime.store.execute("DROP TABLE web_sign_outs")  # every write to it fails
            out = await http.post("/logout", data={"csrf": csrf_of(page.text)}, headers=cookie)
            assert out.status_code == 303 and "Max-Age=0" in out.headers["set-cookie"]
            assert not await opens(http, cookie)

    asyncio.run(run())
    assert "a sign-out is kept only until the bot restarts" in caplog.text


def test_a_platform_session_signed_out_leaves_no_row_behind(tmp_path):
    """A Discord or Slack session needs its grant, which is in memory only, so it ends
    with a restart anyway: keeping its sign-out would only let anyone who can sign in
    with Discord grow the table."""

    async def run() -> None:
        async with browsing(tmp_path) as (fake, runtime, dashboard, http):
            tenant = f"discord:{fake.guild.id}"
            kept = {"cookie": f"{dashboard.cookie_name}={http.cookies[dashboard.cookie_name]}"}
            page = await http.get(f"/t/{tenant}/sources")
            out = await http.post("/logout", data={"csrf": csrf_of(page.text)})
            assert out.status_code == 303
            assert (await http.get(f"/t/{tenant}/sources", headers=kept)).status_code == 403
            assert runtime.store.web_sign_outs(now=runtime.clock()) == {}

    asyncio.run(run())
