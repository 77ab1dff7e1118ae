"""``summarize <url or text>``: the real fetcher against a loopback site, the real process pool."""

from __future__ import annotations

import asyncio
import json
import re

import pytest

from bot.commands import Commands
from bot.discord.render import render as discord_render
from bot.replies import Caller, ErrorKind
from bot.slack.render import render as slack_render
from summaries.config import FetchSettings, IngestSettings, Settings, SourcesSettings, StoreSettings
from summaries.ingest import SummaryPool
from summaries.library import fetcher_for
from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FEEDS, FeedServer

USER = Caller(platform="slack", channel="slack:C1", user="slack:U1", tenant="slack:T1")


@pytest.fixture
def server():
    with FeedServer() as running:
        running.route(
            "/factory", (FEEDS / "battery-factory.html").read_text(encoding="utf-8"), "text/html"
        )
        running.route("/image", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        yield running


def settings_for(tmp_path, *, allow=True):
    return Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        sources=SourcesSettings(allow_hosts=("127.0.0.1",) if allow else ()),
        fetch=FetchSettings(politeness=0, timeout=5),
        ingest=IngestSettings(workers=1),
    )


def summarize_all(tmp_path, texts, *, allow=True):
    """Each text through one Commands with a real pool and fetcher factory, in one loop."""
    settings = settings_for(tmp_path, allow=allow)

    async def main():
        pool = SummaryPool(settings.summary.options(), workers=1, seconds=30)
        with open_store(settings.store.path) as store:
            async with pool:
                commands = Commands(
                    store, settings, pool=pool, fetcher=lambda: fetcher_for(settings)
                )
                return [await commands.run(USER, text) for text in texts]

    return asyncio.run(main())


def words(text):
    return re.sub(r"\s+", " ", text)


def test_a_page_and_a_pasted_article_are_briefed(server, tmp_path):
    heat = sample_articles()[3]
    page, pasted, wrapped = summarize_all(
        tmp_path,
        [
            f"summarize {server.url('/factory')}",
            f"summarize {heat.text}",
            f"summarize <{server.url('/factory')}|the factory story>",  # a Slack link
        ],
    )
    assert page.ok, page
    item = page.items[0]
    assert "Voltara" in item.title and "battery" in item.title.lower()
    assert item.url and item.url.startswith("http")
    assert 1 <= len(item.briefing) <= 3
    html = words((FEEDS / "battery-factory.html").read_text(encoding="utf-8"))
    for sentence in item.briefing:
        assert sentence[:40] in html  # extractive: the page's own sentences
    assert pasted.ok, pasted
    assert pasted.items[0].title == "Your text" and pasted.items[0].url is None
    assert all(sentence[:40] in words(heat.text) for sentence in pasted.items[0].briefing)
    assert wrapped.ok and wrapped.items[0].briefing == item.briefing
    assert server.paths() == ["/factory", "/factory"]


def test_an_address_that_ends_a_sentence_is_read_without_its_full_stop(server, tmp_path):
    """A pasted "...: https://x/story." or "(https://x/story)" asked the site for
    "/story." (404) or was refused as no http(s) address; a chat client links the address
    alone (GitHub's autolink rule), and so does the bot now."""
    url = server.url("/factory")
    texts = [f"summarize {url}.", f"summarize ({url})", f"summarize ({url}).", f"summarize {url}?"]
    replies = summarize_all(tmp_path, texts)
    assert [reply.ok for reply in replies] == [True] * 4, replies
    assert server.paths() == ["/factory"] * 4


def test_a_linked_address_that_ends_a_sentence_is_read_without_its_full_stop(server, tmp_path):
    """Slack sends "summarize https://x/story." as "summarize <https://x/story>.", its link
    ending where the address does; Discord's no-preview "<https://x/story>" is typed in a
    sentence too. The sentence's punctuation and brackets around the link are not the
    address's; a bracket inside the address (Wikipedia's) is."""
    url = server.url("/factory")
    texts = [
        f"summarize <{url}>.",
        f"summarize <{url}|{url}>.",
        f"summarize (<{url}>)",
        f"summarize {server.url('/wiki/Harbour_(town)')}.",
    ]
    replies = summarize_all(tmp_path, texts)
    assert [reply.ok for reply in replies[:3]] == [True] * 3, replies
    assert server.paths() == ["/factory"] * 3 + ["/wiki/Harbour_(town)"]


@pytest.mark.parametrize("mark", ["\u2014", "-", "\u2192", ":"])
def test_an_address_after_a_dash_or_an_arrow_is_summarized_not_called_too_short(
    server, tmp_path, mark
):
    """"summarize — https://x/story" (or → or :) holds no text but the address: the
    marks around it are punctuation, so the page is read rather than the line refused
    as "too short to summarize"."""
    url = server.url("/factory")
    (reply,) = summarize_all(tmp_path, [f"summarize {mark} {url}"])
    assert reply.ok, reply
    assert server.paths() == ["/factory"]


def test_a_private_address_is_refused_before_any_request(server, tmp_path):
    (reply,) = summarize_all(tmp_path, [f"summarize {server.url('/factory')}"], allow=False)
    assert reply.error is ErrorKind.BAD_INPUT
    assert reply.text == "That address points inside a private network, so it will not be fetched."
    assert server.paths() == []


def test_addresses_that_cannot_be_briefed_are_explained(server, tmp_path):
    missing, image, scheme, local = summarize_all(
        tmp_path,
        [
            f"summarize {server.url('/gone')}",
            f"summarize {server.url('/image')}",
            "summarize file:///etc/passwd",
            "summarize http://169.254.169.254/latest/meta-data/",
        ],
    )
    assert missing.error is ErrorKind.BAD_INPUT and "404 Not Found" in missing.text
    assert image.error is ErrorKind.BAD_INPUT and "image/png" in image.text
    assert scheme.error is ErrorKind.BAD_INPUT
    assert local.error is ErrorKind.BAD_INPUT and "private network" in local.text


@pytest.mark.parametrize("given", ["www.", "www.x", "WWW..org", "<www.>"])
def test_a_bare_www_is_not_an_address(tmp_path, given):
    (reply,) = summarize_all(tmp_path, [f"summarize {given}"])
    assert reply.error is ErrorKind.USAGE, reply
    assert "not a whole web address" in reply.text and "https://www.example.org" in reply.text
    assert "Could not reach" not in reply.text  # refused before any lookup


def test_text_that_cannot_be_briefed_is_explained(tmp_path):
    short, empty, junk = summarize_all(
        tmp_path,
        [
            "summarize hello there",
            "summarize",
            "summarize " + "\x00\x01\x02\x03 \ufffd\ufffd " * 200,
        ],
    )
    assert short.error is ErrorKind.USAGE and "too short" in short.text
    assert empty.error is ErrorKind.USAGE and "web address" in empty.text
    assert junk.error in (ErrorKind.BAD_INPUT, ErrorKind.USAGE), junk
    for reply in (short, empty, junk):
        assert "Traceback" not in reply.text and reply.private


@pytest.mark.parametrize("word", ["\U0001f600", "-", "1234"], ids=["emoji", "dash", "number"])
def test_a_row_of_emoji_dashes_or_numbers_is_no_article(tmp_path, word):
    (reply,) = summarize_all(tmp_path, ["summarize " + " ".join([word] * 30)])
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert reply.text == (
        "There is no article text to summarize (nothing in it reads like article text)."
    )
    assert not reply.items


def test_without_a_pool_summarize_is_unavailable(tmp_path):
    settings = settings_for(tmp_path)
    with open_store(settings.store.path) as store:
        text = "summarize " + sample_articles()[0].text
        reply = asyncio.run(Commands(store, settings).run(USER, text))
    assert reply.error is ErrorKind.UNAVAILABLE


def test_a_summary_of_pasted_text_names_no_outlets_on_discord_or_slack(tmp_path):
    """Pasted text has no source: neither platform shows an outlet line ("+-1 more")."""
    (reply,) = summarize_all(tmp_path, ["summarize " + sample_articles()[3].text])
    assert reply.ok and reply.items[0].sources == ()
    [discord_message] = discord_render(reply)
    [embed] = discord_message.embeds
    assert embed.footer.text is None and embed.description
    [slack_message] = slack_render(reply)
    shown = json.dumps(slack_message.blocks) + slack_message.text
    assert "more" not in shown and "Your text" in shown
    contexts = [block for block in slack_message.blocks if block["type"] == "context"]
    assert [[e["text"] for e in block["elements"]] for block in contexts] == [[reply.footer]]


def test_an_address_with_credentials_is_refused_without_echoing_them(server, tmp_path):
    """Even to a host the operator allows: the bot never sends a user name or password on."""
    address = server.url("/factory").replace("http://", "http://editor:hunter2@")
    (reply,) = summarize_all(tmp_path, [f"summarize {address}"])
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert "user name or password" in reply.text
    assert "hunter2" not in reply.text and "editor" not in reply.text
    assert server.paths() == []


JAPANESE = (
    "港湾局は月曜日、サイバー攻撃でコンテナ端末のシステムが停止したと発表した。"
    "十四隻の船が沖で待機している。"
    "当局によると、攻撃は午前三時ごろに始まり、職員が手作業で貨物を確認している。"
    "市長は、復旧には数日かかる見通しだと述べた。"
)


def test_pasted_japanese_without_spaces_is_long_enough_to_brief(tmp_path):
    """Japanese puts no spaces between words: four sentences are one piece between spaces,
    yet far more than a few words."""
    texts = ["summarize 港湾局は発表した。", f"summarize {JAPANESE}"]
    short, whole = summarize_all(tmp_path, texts)
    assert short.error is ErrorKind.USAGE and "too short" in short.text
    assert whole.ok, whole
    assert whole.items[0].briefing[0].startswith("港湾局は月曜日")


THAI = (  # Thai puts no spaces between words, only between sentences
    "รัฐบาลประกาศแผนการใหม่ในวันนี้เพื่อช่วยเหลือเกษตรกรหลายล้านคนทั่วประเทศ "
    "โครงการนี้จะเริ่มต้นในเดือนหน้าและจะใช้เวลาสามปี "
    "นายกรัฐมนตรีกล่าวว่ารัฐบาลจะจัดสรรงบประมาณเพิ่มเติมสำหรับระบบชลประทานในภาคตะวันออกเฉียงเหนือ"
)


def test_pasted_thai_is_long_enough_to_brief_and_is_briefed(tmp_path):
    """Three Thai sentences are three pieces between spaces, yet far more than a few words:
    the paste is taken, and the summarizer reads it as the prose it is, its sentences told
    apart by the spaces that end them."""
    short, whole = summarize_all(tmp_path, ["summarize โครงการใหม่", f"summarize {THAI}"])
    assert short.error is ErrorKind.USAGE and "too short" in short.text
    assert whole.ok, whole
    assert whole.items[0].briefing[0] == THAI.split(" ")[0]


_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"stream\n\x00\x01\x02" * 50


@pytest.mark.parametrize(
    ("body", "label", "kind"),
    [
        (_PDF, "text/html", "a PDF file"),
        (_PDF, "text/plain", "a PDF file"),
        (_PDF, "", "a PDF file"),
        (b"\r\n" + _PDF, "text/html", "a PDF file"),  # a script's blank line before it
        (b"\xef\xbb\xbf" + _PDF, "", "a PDF file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(300), "text/html", "an image"),
        (b"\x01\x02\x03\x00" * 200, "text/plain", "a binary file"),
    ],
)
def test_a_link_to_a_binary_file_is_explained_as_a_link_not_a_file(
    server, tmp_path, body, label, kind
):
    server.route("/report", body, label)
    (reply,) = summarize_all(tmp_path, [f"summarize {server.url('/report')}"])
    assert reply.error is ErrorKind.BAD_INPUT
    assert reply.text.startswith(f"That address gives {kind}, not an article page")
    assert "Markdown" not in reply.text and "file:" not in reply.text
