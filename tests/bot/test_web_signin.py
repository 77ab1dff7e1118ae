"""Signing in without Discord: with Slack (OpenID Connect, against the fake Slack Web API),
and with a one-time link from ``briefing web-link``; and ``python -m bot`` serving the
dashboard."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta

import httpx

from bot.runtime import BotRuntime
from bot.web import Dashboard
from summaries.cli import main as briefing
from summaries.config import Settings, SlackSettings, StoreSettings, WebSettings, load_settings
from summaries.store import open_store
from tests.fakes.slack.oidc import CLIENT_ID, CLIENT_SECRET
from tests.fakes.slack.payloads import TEAM_ID
from tests.fakes.slack.web_api import FakeSlack

WORKSPACE = f"slack:{TEAM_ID}"


def slack_settings(slack: FakeSlack, tmp_path) -> Settings:
    return Settings(
        store=StoreSettings(path=str(tmp_path / "bot.db")),
        slack=SlackSettings(api_base=slack.api_url),
        web=WebSettings(enabled=True, port=0, slack_client_id=CLIENT_ID),
    )


SLACK_ENVIRON = {
    "SLACK_CLIENT_SECRET": CLIENT_SECRET,
    "SLACK_BOT_TOKEN": "xoxb-bot-token-for-tests",
    "BRIEFING_WEB_SECRET": "a-session-key-for-tests-only-0123456789",
}


def test_sign_in_with_slack_lists_the_workspace_to_its_admins_only(tmp_path):
    async def run() -> None:
        async with FakeSlack() as slack:
            slack.add_user("U1", admin=True)
            slack.add_user("U2")
            settings = slack_settings(slack, tmp_path)
            async with await BotRuntime.open(settings) as runtime:
                runtime.store.ensure_tenant(WORKSPACE, now=runtime.clock(), name="Test")
                dashboard = Dashboard(runtime, settings, SLACK_ENVIRON)
                await dashboard.start()
                try:
                    for user, manages in (("U1", True), ("U2", False)):
                        slack.signed_in = user
                        async with httpx.AsyncClient(base_url=dashboard.url) as http:
                            home = await http.get("/login/slack", follow_redirects=True)
                            assert home.status_code == 200, home.text
                            page = await http.get(f"/t/{WORKSPACE}/sources")
                            assert (page.status_code == 200) is manages, user
                            assert ("Test Workspace" in home.text) is manages
                finally:
                    await dashboard.close()
            exchanges = slack.calls_to("openid.connect.token")
            assert len(exchanges) == 2 and all(call.error is None for call in exchanges)
            assert [c.args["user"] for c in slack.calls_to("users.info")] == ["U1", "U2"]
            assert all(
                c.token == SLACK_ENVIRON["SLACK_BOT_TOKEN"] for c in slack.calls_to("users.info")
            )

    asyncio.run(run())


def test_a_slack_answer_for_another_sign_in_is_refused(tmp_path):
    """The ID token's nonce must be this sign-in's: a code from another one is not taken."""
    from bot.web.signin import SignInError, SlackSignIn

    async def run() -> None:
        async with FakeSlack() as slack:
            slack.signed_in = "U1"
            signing = SlackSignIn(CLIENT_ID, CLIENT_SECRET, slack.api_url, "xoxb-x")
            redirect = "http://127.0.0.1:9/auth/slack"
            async with httpx.AsyncClient() as http:
                sent = await http.get(signing.authorize_url(redirect, "state", "", "nonce-1"))
            code = httpx.URL(sent.headers["location"]).params["code"]
            try:
                await signing.finish(code, redirect, "", "nonce-2")
            except SignInError as error:
                assert "did not match" in str(error)
            else:
                raise AssertionError("a foreign nonce was accepted")

    asyncio.run(run())


def test_the_one_time_link_works_once_and_only_while_it_is_fresh(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{tmp_path / "bot.db"}"\n\n[web]\nenabled = true\nport = 8799\n',
        encoding="utf-8",
    )
    printed = io.StringIO()
    assert briefing(["web-link", "--config", str(config)], stdout=printed) == 0
    link = printed.getvalue().strip()
    assert link.startswith("http://127.0.0.1:8799/link/")
    secret = link.rsplit("/", 1)[1]
    with open_store(tmp_path / "bot.db") as store:
        kept = store.execute("SELECT token_hash FROM web_links")
    assert len(kept) == 1 and secret not in str(kept)  # only its hash is stored
    settings = load_settings(config)
    settings = Settings(store=settings.store, web=WebSettings(enabled=True, port=0))

    async def run() -> None:
        async with await BotRuntime.open(settings) as runtime:
            dashboard = Dashboard(runtime, settings, {})
            await dashboard.start()
            try:
                async with httpx.AsyncClient(base_url=dashboard.url) as http:
                    shown = await http.get(f"/link/{secret}")
                    assert shown.status_code == 200 and "Sign in as the operator" in shown.text
                    used = await http.post("/link", data={"secret": secret}, follow_redirects=True)
                    assert used.status_code == 200 and 'href="/t/console/sources"' in used.text
                    assert (await http.get("/t/console/channels")).status_code == 200
                async with httpx.AsyncClient(base_url=dashboard.url) as http:
                    again = await http.post("/link", data={"secret": secret})
                    assert again.status_code == 403 and "used already" in again.text
                    now = runtime.clock()
                    runtime.store.add_web_link("late", now=now - timedelta(hours=1), expires=now)
                    late = await http.post("/link", data={"secret": "late"})
                    assert late.status_code == 403
                    assert (await http.get("/t/console/sources")).status_code == 403
            finally:
                await dashboard.close()

    asyncio.run(run())


def test_python_m_bot_serves_the_dashboard_and_signs_in_with_discord(tmp_path):
    """The real process, with [web] enabled, against the fake Discord: signing in lists the
    server, and the log never shows the client secret or the session key."""
    from tests.fakes.discord import FakeDiscord
    from tests.fakes.discord.process import BotProcess, free_port, write_config

    port = free_port()

    async def run() -> None:
        async with FakeDiscord() as fake:
            write_config(
                tmp_path,
                fake,
                f'[web]\nenabled = true\nport = {port}\ndiscord_client_id = "{fake.client_id}"\n',
            )
            secrets = {
                "DISCORD_CLIENT_SECRET": fake.client_secret,
                "BRIEFING_WEB_SECRET": SLACK_ENVIRON["BRIEFING_WEB_SECRET"],
            }
            bot = await BotProcess.start(tmp_path, fake, env=secrets)
            try:
                await bot.logged("dashboard listening on")
                await fake.wait_for(lambda: fake.gateway.count("identify"), timeout=30)
                async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                    fake.signed_in = fake.alice
                    home = await http.get("/login/discord", follow_redirects=True)
                    for _ in range(100):  # until the bot has recorded its server
                        if "Newsroom" in home.text:
                            break
                        await asyncio.sleep(0.1)
                        home = await http.get("/")
                    assert "Newsroom" in home.text, home.text
                code, _ = await bot.stop()
                assert code == 0
            finally:
                await bot.kill()
            assert fake.client_secret not in bot.log()
            assert SLACK_ENVIRON["BRIEFING_WEB_SECRET"] not in bot.log()

    asyncio.run(run())
