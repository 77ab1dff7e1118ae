"""The dashboard in a real browser: headless Chromium (Debian's package) driven by
Playwright, against the real bot and dashboard on loopback, signing in through the fake
Discord's OAuth2. One browser for the module; each test its own bot and fake Discord."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from summaries.config import FetchSettings, IngestSettings, SourcesSettings
from tests.bot.helpers_browser import World, launched_browser
from tests.bot.helpers_web import web_settings
from tests.fakes.discord.harness import digests_in, store_story
from tests.fakes.feed_server import FeedServer

# What survives the store's plain text (which drops whole tags): & < " of markup, an unclosed
# tag, a template's braces, Discord markdown and a mass mention.
HOSTILE = 'Tom & Jerry <3 "quoted" {{ 7*7 }} **Bold** @everyone <svg onload=alert(1)'


@pytest.fixture(scope="module")
def browser():
    yield from launched_browser()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def signed_in(page, world: World, user=None) -> None:
    world.fake.signed_in = user or world.fake.alice
    page.goto(world.url + "/")
    page.get_by_role("link", name="Sign in with Discord").click()
    page.wait_for_url(world.url + "/")


def tenant_url(world: World, page_name: str) -> str:
    return f"{world.url}/t/discord:{world.fake.guild.id}/{page_name}"


def test_sign_in_lists_only_the_servers_you_manage(tmp_path, page):
    harbour = {}
    with World(
        tmp_path, setup=lambda fake: harbour.update(guild=fake.add_guild("Harbour Town"))
    ) as world:
        signed_in(page, world)
        assert page.get_by_role("link", name="Newsroom").is_visible()
        assert page.get_by_text("Harbour Town").count() == 0
        page.get_by_role("link", name="Newsroom").click()
        assert page.get_by_role("heading", name="Sources").is_visible()
        other = f"{world.url}/t/discord:{harbour['guild'].id}/channels"
        answer = page.goto(other)
        assert answer.status == 403
        assert page.get_by_role("heading", name="Not allowed").is_visible()


def test_a_source_added_on_the_dashboard_is_in_chat_sources_list(tmp_path, page):
    def settings(fake):
        return web_settings(
            fake,
            tmp_path,
            sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
            fetch=FetchSettings(politeness=0, timeout=5),
            ingest=IngestSettings(workers=1),
        )

    with FeedServer() as feeds, World(tmp_path, settings=settings) as world:
        feeds.feed("/rss", "rss2.xml")
        signed_in(page, world)
        page.goto(tenant_url(world, "sources"))
        form = page.locator("form.action.wide")
        form.get_by_label("Read it as a feed").select_option("feed")
        form.get_by_label("The address of a feed").fill(feeds.url("/rss"))
        form.get_by_role("button", name="Add source").click()
        assert page.locator(".flash.ok").get_by_text("Source added").is_visible()
        assert page.locator("td.source").get_by_text(feeds.url("/rss")).is_visible()
        answer = world.say("!sources list")
        assert feeds.url("/rss") in str(answer["embeds"])


def test_a_schedule_changed_on_the_dashboard_moves_the_digest_job(tmp_path, page):
    with World(tmp_path) as world:
        world.say("!schedule set 08:00 UTC")
        channel = f"discord:{world.fake.news.id}"
        before = world.run(lambda: world.runtime.schedule.next_run(channel))
        signed_in(page, world)
        page.goto(tenant_url(world, "channels"))
        card = page.locator("section.channel")
        card.get_by_label("24-hour time of day").fill("21:15")
        card.get_by_label("IANA time zone").fill("Asia/Tokyo")
        card.get_by_role("button", name="Save schedule").click()
        assert page.locator(".flash.ok").get_by_text("Schedule changed").is_visible()
        after = world.run(lambda: world.runtime.schedule.next_run(channel))
        local = after.astimezone(ZoneInfo("Asia/Tokyo"))
        assert (local.hour, local.minute) == (21, 15) and after != before
        assert after > datetime.now(UTC)
        shown = page.locator(".next-run time").get_attribute("datetime")
        assert datetime.fromisoformat(shown) == after


def test_the_preview_matches_the_posted_digest(tmp_path, page):
    with World(tmp_path) as world:
        for n, title in enumerate(("Harbour cranes stop", "Rates cut again", "Dam opens"), 1):
            world.run(
                lambda n=n, title=title: store_story(
                    world.runtime.store, n, title, f"{title} today. More words here."
                )
            )
        world.say("!schedule set 08:00 UTC")
        signed_in(page, world)
        page.goto(tenant_url(world, "channels"))
        page.get_by_role("link", name="as on Discord").click()
        previewed = page.locator(".embed-title").all_inner_texts()
        assert previewed == ["Harbour cranes stop", "Rates cut again", "Dam opens"]
        page.get_by_role("button", name="Post now").click()
        assert page.locator(".outcome-posted").count() == 1
        posted = world.run(lambda: digests_in(world.fake, world.fake.news))
        titles = [re.sub(r"\\(.)", r"\1", embed["title"]) for embed in posted[-1]["embeds"]]
        assert titles == previewed


def test_a_forged_form_without_its_csrf_token_is_refused(tmp_path, page, browser):
    with World(tmp_path) as world:
        signed_in(page, world)
        target = f"{world.url}/t/discord:{world.fake.guild.id}/run"
        fields = {"command": "sources", "action": "add", "url": "https://evil.example/rss"}
        same_site = page.request.post(target, form=fields)
        assert same_site.status == 403
        inputs = "".join(f'<input name="{k}" value="{v}">' for k, v in fields.items())
        page.set_content(
            f'<form method="post" action="{target}">{inputs}<button>Go</button></form>'
        )
        with page.expect_navigation():
            page.get_by_role("button", name="Go").click()
        assert page.get_by_role("heading", name="Not allowed").is_visible()
        tenant = f"discord:{world.fake.guild.id}"
        assert world.run(lambda: world.runtime.store.tenant_sources(tenant, operator=False)) == []


READ_AS_MARKS = str.maketrans({"\u2217": "*", "\u02cd": "_", "\u223c": "~", "\u02cb": "`"})


def test_a_hostile_article_title_renders_as_text(tmp_path, page):
    with World(tmp_path) as world:
        world.run(
            lambda: store_story(world.runtime.store, 1, HOSTILE, "Hostile markup everywhere. Yes.")
        )
        world.say("!schedule set 08:00 UTC")
        signed_in(page, world)
        channel = f"discord:{world.fake.news.id}"
        for shown in ("discord", "slack", "console"):
            page.goto(tenant_url(world, f"channels/{channel}/preview?as={shown}"))
            text = page.locator(".preview").inner_text().replace("\u200b", "")  # Discord's
            # escaped mention: @<zero-width space>everyone; on Slack a formatting mark that
            # could end the bold around the headline shows as its look-alike (∗ for *)
            text = text.translate(READ_AS_MARKS) if shown == "slack" else text
            assert HOSTILE in text, (shown, text)
            assert page.locator(".preview svg, .preview script").count() == 0
        page.goto(tenant_url(world, "search?q=hostile"))
        assert page.get_by_role("heading", name=HOSTILE).is_visible()
        assert page.locator("main svg, main script").count() == 0
        assert page.dialogs == []
