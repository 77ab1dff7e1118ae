"""The dashboard over HTTP: signing in with Discord against the fake's OAuth2, who sees what,
and the guards on every change (the platform asked again, the CSRF token, the address
check); the real bot and dashboard on loopback, a plain HTTP client (the browser tests are
in test_web_browser.py)."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx

from bot.web.sessions import Grant, Identity, Sessions
from summaries.config import SourcesSettings
from tests.bot.helpers_web import browsing, csrf_of, dashboard_over, sign_in
from tests.fakes.discord import FakeDiscord
from tests.fakes.feed_server import FeedServer


def test_sign_in_with_discord_lists_only_the_servers_you_manage_where_the_bot_is(tmp_path):
    others = {}

    def setup(fake):
        others["harbour"] = fake.add_guild("Harbour Town")  # the bot is there; alice no admin
        others["elsewhere"] = fake.guild_without_bot("Elsewhere", admins=(fake.alice,))

    async def run() -> None:
        async with browsing(tmp_path, setup=setup) as (fake, _, _, http):
            home = await http.get("/")
            assert "Newsroom" in home.text
            assert "Harbour Town" not in home.text and "Elsewhere" not in home.text
            asked = fake.authorizations[0]
            assert asked["scope"] == "identify guilds"
            assert asked["code_challenge_method"] == "S256" and len(asked["state"]) >= 32
            mine = await http.get(f"/t/discord:{fake.guild.id}/sources")
            assert mine.status_code == 200
            for guild in others.values():
                for page in ("sources", "channels", "deliveries", "search?q=x"):
                    answer = await http.get(f"/t/discord:{guild.id}/{page}")
                    assert answer.status_code == 403, (guild.name, page)

    asyncio.run(run())


def test_a_sign_in_not_started_here_or_refused_by_discord_opens_no_session(tmp_path):
    async def run() -> None:
        async with browsing(tmp_path, as_alice=False) as (fake, _, dashboard, http):
            fake.signed_in = fake.alice
            start = await http.get("/login/discord")
            query = parse_qs(urlsplit(start.headers["location"]).query)
            forged = await http.get("/auth/discord", params={"code": "x", "state": "forged"})
            assert forged.status_code == 400 and "Start it again" in forged.text
            fake.signed_in = None  # cancelled at Discord: access_denied
            denied = await http.get(start.headers["location"], follow_redirects=True)
            assert denied.status_code == 403 and "did not sign you in" in denied.text
            assert query["redirect_uri"] == [f"{dashboard.url}/auth/discord"]
            home = await http.get("/")
            assert "Sign in with Discord" in home.text and "Newsroom" not in home.text
            assert (await http.get(f"/t/discord:{fake.guild.id}/sources")).status_code == 403

    asyncio.run(run())


def test_every_change_asks_discord_again(tmp_path):
    """Alice loses Manage Server after signing in: her next change is refused, unmade."""

    async def run() -> None:
        async with browsing(tmp_path) as (fake, runtime, _, http):
            tenant = f"discord:{fake.guild.id}"
            page = await http.get(f"/t/{tenant}/sources")
            form = {"csrf": csrf_of(page.text), "command": "sources", "action": "add"}
            form.update(url="https://news.example/rss", kind="feed")
            fake.guild.admins.discard(fake.alice.id)
            refused = await http.post(f"/t/{tenant}/run", data=form)
            assert refused.status_code == 403
            assert runtime.store.tenant_sources(tenant, operator=False) == []
            guilds = fake.requests_to("GET", "/users/@me/guilds")
            assert len(guilds) == 2  # at the page, and again before the change

    asyncio.run(run())


def test_a_form_without_its_token_is_refused_and_changes_nothing(tmp_path):
    async def run() -> None:
        async with FakeDiscord() as fake:
            async with (
                dashboard_over(fake, tmp_path) as (runtime, dashboard),
                httpx.AsyncClient(base_url=dashboard.url) as http,
                httpx.AsyncClient(base_url=dashboard.url) as other,
            ):
                await sign_in(http, fake, fake.alice)
                await sign_in(other, fake, fake.alice)  # another session's token
                tenant = f"discord:{fake.guild.id}"
                theirs = csrf_of((await other.get(f"/t/{tenant}/sources")).text)
                form = {"command": "sources", "action": "add", "url": "https://x.example/rss"}
                for token in ("", theirs, "x" * 32):
                    answer = await http.post(f"/t/{tenant}/run", data={**form, "csrf": token})
                    assert (
                        answer.status_code == 403 and "not sent from this dashboard" in answer.text
                    )
                signed_out = await httpx.AsyncClient(base_url=dashboard.url).post(
                    f"/t/{tenant}/run", data={**form, "csrf": theirs}
                )
                assert signed_out.status_code == 403
                assert runtime.store.tenant_sources(tenant, operator=False) == []
                assert not fake.requests_to("GET", "/users/@me/guilds")[2:]  # never got that far

    asyncio.run(run())


def test_a_source_added_here_gets_the_same_address_check_as_in_chat(tmp_path):
    """Loopback is a private address: refused without being fetched, in the same words."""

    async def run() -> None:
        async with FakeDiscord() as fake:
            with FeedServer() as feeds:
                feeds.feed("/rss", "rss2.xml")
                async with (
                    dashboard_over(fake, tmp_path, sources=SourcesSettings()) as (runtime, dash),
                    httpx.AsyncClient(base_url=dash.url) as http,
                ):
                    await sign_in(http, fake, fake.alice)
                    tenant = f"discord:{fake.guild.id}"
                    page = await http.get(f"/t/{tenant}/sources")
                    form = {"csrf": csrf_of(page.text), "command": "sources", "action": "add"}
                    form.update(url=feeds.url("/rss"), page="sources")
                    answer = await http.post(f"/t/{tenant}/run", data=form, follow_redirects=True)
                    assert "private" in answer.text.lower(), answer.text
                    assert feeds.requests == []
                    assert runtime.store.tenant_sources(tenant, operator=False) == []

    asyncio.run(run())


def test_every_answer_has_a_strict_policy_and_the_session_cookie_its_flags(tmp_path):
    async def run() -> None:
        async with browsing(tmp_path, as_alice=False) as (fake, _, _, http):
            fake.signed_in = fake.alice
            start = await http.get("/login/discord")
            back = await http.get(start.headers["location"], follow_redirects=False)
            landed = await http.get(back.headers["location"])
            cookie = landed.headers["set-cookie"]
            assert "briefing_session=" in cookie and "HttpOnly" in cookie
            assert "SameSite=Lax" in cookie and "Secure" not in cookie  # plain http here
            pages = ("/", "/nope", f"/t/discord:{fake.guild.id}/sources", "/static/dashboard.css")
            for path in pages:
                answer = await http.get(path)
                policy = answer.headers["content-security-policy"]
                assert "default-src 'self'" in policy and "script-src 'self'" in policy
                assert "unsafe-inline" not in policy
                assert answer.headers["x-frame-options"] == "DENY"
                assert answer.headers["referrer-policy"] == "no-referrer"

    asyncio.run(run())


def test_behind_https_the_cookies_are_secure_and_sign_in_comes_back_there(tmp_path):
    async def run() -> None:
        options = {"as_alice": False, "public_url": "https://dash.example"}
        async with browsing(tmp_path, **options) as (_, runtime, _, http):
            start = await http.get("/login/discord")
            back = "redirect_uri=https%3A%2F%2Fdash.example%2Fauth%2Fdiscord"
            assert back in start.headers["location"]
            assert "Secure" in start.headers["set-cookie"]
            now = runtime.clock()
            runtime.store.add_web_link("link", now=now, expires=now + timedelta(minutes=1))
            session = (await http.post("/link", data={"secret": "link"})).headers["set-cookie"]
            assert session.startswith("__Host-briefing_session=")
            assert "Secure" in session and "HttpOnly" in session and "Path=/" in session

    asyncio.run(run())


def test_sign_in_attempts_are_limited_per_address(tmp_path):
    async def run() -> None:
        async with browsing(tmp_path, as_alice=False) as (fake, _, _, http):
            answers = [(await http.get("/login/discord")).status_code for _ in range(12)]
            assert answers[:10] == [303] * 10 and answers[10:] == [429, 429]
            assert (await http.post("/link", data={"secret": "x"})).status_code == 429
            assert len(fake.authorizations) == 0  # nothing reached Discord but redirects

    asyncio.run(run())


def test_pages_show_the_servers_sources_channels_and_archive(tmp_path):
    async def run() -> None:
        async with browsing(tmp_path) as (fake, _, _, http):
            await fake.say(fake.news, fake.alice, "!schedule set 07:30 Europe/Berlin")
            await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="the answer")
            tenant = f"discord:{fake.guild.id}"
            channels = await http.get(f"/t/{tenant}/channels")
            assert "#news" in channels.text and "07:30" in channels.text
            assert re.search(r'class="next-run">Next digest', channels.text)
            log = await http.get(f"/t/{tenant}/deliveries")
            assert log.status_code == 200 and "No digest has been posted" in log.text

    asyncio.run(run())


def test_the_delivery_log_counts_the_stories_a_digest_posted_not_those_it_named(tmp_path):
    """A digest posts only the stories still read in the channel when it goes out (one
    whose source was removed since its record is left out, and not counted as posted): its
    row counts the stories that went out, and one that posted none says so."""

    async def run() -> None:
        async with browsing(tmp_path) as (fake, runtime, _, http):
            await fake.say(fake.news, fake.alice, "!schedule set 07:30 Europe/Berlin")
            await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="the answer")
            channel, now = f"discord:{fake.news.id}", runtime.clock()
            for period, named, posted in (("2026-03-03", [1, 2], [1]), ("2026-03-04", [3], [])):
                record = runtime.store.record_digest(channel, period, named, now)
                runtime.store.mark_digest_sent(record.id, now, posted=posted)
            log = await http.get(f"/t/discord:{fake.guild.id}/deliveries")
            rows = {
                period: (stories, outcome)
                for period, stories, outcome in re.findall(
                    r"<td>(2026-03-0\d)</td>\s*<td>(\d+)</td>\s*<td>[^<]*</td>\s*<td>(.*?)</td>",
                    log.text,
                    re.S,
                )
            }
            assert rows["2026-03-03"][0] == "1" and "nothing" not in rows["2026-03-03"][1]
            assert rows["2026-03-04"][0] == "0"
            assert "no longer read here" in rows["2026-03-04"][1]

    asyncio.run(run())


def test_signing_out_ends_the_session_even_where_a_copy_of_its_cookie_is_kept(tmp_path):
    """The operator's session has no grant to drop: signing out must still end it, and
    behind HTTPS the deletion of the __Host- cookie must be Secure or browsers ignore it."""

    async def run() -> None:
        options = {"as_alice": False, "public_url": "https://dash.example"}
        async with browsing(tmp_path, **options) as (_, runtime, dashboard, http):
            now = runtime.clock()
            runtime.store.add_web_link("link", now=now, expires=now + timedelta(minutes=1))
            signed = await http.post("/link", data={"secret": "link"})
            cookie = signed.headers["set-cookie"].split(";")[0]
            kept = {"cookie": cookie}  # the https-only cookie, sent by hand over http
            page = await http.get("/t/console/sources", headers=kept)
            assert page.status_code == 200
            out = await http.post("/logout", data={"csrf": csrf_of(page.text)}, headers=kept)
            deleted = out.headers["set-cookie"]
            assert deleted.startswith(f"{dashboard.cookie_name}=") and "Max-Age=0" in deleted
            assert "Secure" in deleted and "Path=/" in deleted
            again = await http.get("/t/console/sources", headers=kept)
            assert again.status_code == 403 and "Sign in first" in again.text

    asyncio.run(run())


def test_a_form_body_that_cannot_be_read_is_refused_with_a_message_not_an_incident(tmp_path):
    async def run() -> None:
        async with browsing(tmp_path) as (fake, runtime, _, http):
            tenant = f"discord:{fake.guild.id}"
            urlencoded = {"content-type": "application/x-www-form-urlencoded"}
            multipart = {"content-type": "multipart/form-data; boundary=x"}
            sent = [
                (f"/t/{tenant}/run", b"csrf=\xff&command=sources&action=add", urlencoded),
                (f"/t/{tenant}/run", b"--x\r\nbroken", multipart),
                ("/logout", b"csrf=\xff", urlencoded),
                ("/link", b"secret=\xff", urlencoded),
            ]
            for path, body, headers in sent:
                answer = await http.post(path, content=body, headers=headers)
                assert answer.status_code == 400, (path, body)
                assert "form could not be read" in answer.text and "incident" not in answer.text
            assert runtime.store.tenant_sources(tenant, operator=False) == []

    asyncio.run(run())


def test_signing_in_again_ends_the_session_this_browser_had_before(tmp_path):
    async def run() -> None:
        async with browsing(tmp_path) as (fake, runtime, dashboard, http):
            tenant = f"discord:{fake.guild.id}"
            before = {"cookie": f"{dashboard.cookie_name}={http.cookies[dashboard.cookie_name]}"}
            assert (await http.get(f"/t/{tenant}/sources", headers=before)).status_code == 200
            now = runtime.clock()
            runtime.store.add_web_link("link", now=now, expires=now + timedelta(minutes=1))
            await http.post("/link", data={"secret": "link"})  # the operator, same browser
            assert (await http.get("/t/console/sources")).status_code == 200
            kept = await http.get(f"/t/{tenant}/sources", headers=before)
            assert kept.status_code == 403 and "Sign in first" in kept.text

    asyncio.run(run())


def test_a_required_field_sent_empty_is_named_and_nothing_changes(tmp_path):
    """No time but a zone: the zone must not be read as the time."""

    async def run() -> None:
        async with browsing(tmp_path) as (fake, runtime, _, http):
            tenant, channel = f"discord:{fake.guild.id}", f"discord:{fake.news.id}"
            runtime.store.ensure_channel(channel, name="news", tenant=tenant)
            page = await http.get(f"/t/{tenant}/channels")
            form = {"csrf": csrf_of(page.text), "command": "schedule", "action": "set"}
            form.update(time=" ", timezone="Europe/Berlin", channel=channel, page="channels")
            answer = await http.post(f"/t/{tenant}/run", data=form, follow_redirects=True)
            note = re.search(r'class="flash problem"[^>]*>(.*?)</div>', answer.text, re.S)
            assert note, answer.text
            assert "Fill in: 24-hour time of day" in note.group(1)
            assert "is not a time of day" not in note.group(1)
            assert runtime.store.get_channel(channel).time is None

    asyncio.run(run())


def test_the_grants_of_sessions_past_their_end_are_forgotten():
    """A session nobody comes back to must not keep its access token in memory for good."""
    now = [1_000_000.0]
    sessions = Sessions(b"key", hours=1, clock=lambda: now[0])
    who = Identity("discord", "1", "alice")
    for _ in range(3):
        sessions.open(who, Grant("token"))
    now[0] += 2 * 3600
    fresh, cookie = sessions.open(who, Grant("token"))
    assert list(sessions.grants) == [fresh.sid]
    assert sessions.read(cookie) == fresh
