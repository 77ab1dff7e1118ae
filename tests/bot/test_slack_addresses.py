"""Web addresses in what the bot shows on Slack stay exactly as written: mrkdwn's marks
inside one (``merge_requests``, ``/~ann/``, ``*draft*``) are never made look-alikes, and
each is Slack's own link ``<address>``, inside which Slack formats nothing. Through the
real slack-bolt app and command layer over a real store, and through the renderer."""

from __future__ import annotations

import re

import pytest

from bot.replies import Reply, ReplyItem
from bot.slack.render import render
from bot.slack.text import chunks, escape, escape_within, fit
from summaries.store import open_store
from tests.bot.test_slack_http import put, run, running_app
from tests.fakes.slack.web_api import message_error

LOOK_ALIKES = "\u2217\u02cd\u223c\u02cb"
TITLE_ADDRESS = "https://git.example/group/-/merge_requests/12"
TITLE = f"Harbour fix in {TITLE_ADDRESS} and https://git.example/~ann/*draft*"
BODY_ADDRESSES = (
    "https://files.example/_private_/plan_v2_.pdf",
    "https://files.example/~ops/~night~",
    "https://wiki.example/Self_(concept)_x?a=1&b=*2*",
)
BODY = (
    f"Harbour files are at {BODY_ADDRESSES[0]}, {BODY_ADDRESSES[1]} and "
    f"({BODY_ADDRESSES[2]}) for _everyone_. Second sentence."
)
LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def as_shown(mrkdwn: str) -> str:
    """What a reader sees: each link as its label (or its address), entities decoded."""
    shown = LINK.sub(lambda m: m.group(2) or m.group(1), mrkdwn)
    return shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def links(mrkdwn: str) -> list[str]:
    return [m.group(1).replace("&amp;", "&") for m in LINK.finditer(mrkdwn)]


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        put(opened, 1, TITLE, BODY)
        yield opened


def brief_section(store, tmp_path, words: str) -> str:
    """The one story section of the answer to ``/brief words``, as Slack got it."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            await app.command("/brief", words)
            [answer] = await app.slack.wait_for_responses(1)
            return answer

    answer = run(scenario)
    [section] = [b["text"]["text"] for b in answer["blocks"] if b["type"] == "section"]
    return section


def test_addresses_in_a_headline_and_a_briefing_reach_slack_exactly_as_written(store, tmp_path):
    section = brief_section(store, tmp_path, "harbour")
    headline, briefing = section.split("\n")
    # the title's words link to the article; each address in it is its own link
    assert headline == (
        f"*<https://news.example/1|Harbour fix in> <{TITLE_ADDRESS}> and "
        "<https://git.example/~ann/*draft*>*"
    )
    assert links(briefing) == list(BODY_ADDRESSES)
    for address in links(section):
        assert not set(address) & set(LOOK_ALIKES), address
    # the marks outside the addresses that could pair still show as look-alikes
    assert "ˍeveryoneˍ" in briefing
    assert as_shown(headline) == f"*{TITLE}*"
    assert (
        as_shown(briefing).translate(str.maketrans(LOOK_ALIKES, "*_~`"))
        == BODY.split(". ")[0] + "."
    )


def test_a_story_without_a_title_shows_its_own_address_as_written():
    url = "https://news.example/live_blog_/2026/*"
    item = ReplyItem(title="", url=url, sources=("Herald",), briefing=("A _b_ c.",))
    [message] = render(Reply(title="t", items=(item,)))
    assert message.blocks[1]["text"]["text"].startswith(f"*<{url}>*\n")
    assert message_error(message.as_arguments()) is None


def test_a_title_of_an_address_alone_is_followed_by_the_article_link():
    item = ReplyItem(title="https://other.example/a_b_", url="https://news.example/1")
    [message] = render(Reply(title="t", items=(item,)))
    assert message.blocks[1]["text"]["text"] == (
        "*<https://other.example/a_b_> <https://news.example/1>*"
    )


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("See https://x.example/a_b_/c_ now.", "https://x.example/a_b_/c_"),
        ("*https://x.example/bold*", "https://x.example/bold"),  # marks around it
        ("(https://x.example/a_(b)_)", "https://x.example/a_(b)_"),
        ("Go to https://x.example/~a/~b~.", "https://x.example/~a/~b~"),
        ("Q: https://x.example/?q=a&r=_b_!", "https://x.example/?q=a&r=_b_"),
    ],
)
def test_an_address_is_linked_without_what_ends_the_sentence_around_it(text, address):
    for shown in (escape(text), escape_within(text), *chunks(text, 3000)):
        assert links(shown) == [address]
        assert as_shown(shown).translate(str.maketrans(LOOK_ALIKES, "*_~`")) == text


def test_an_address_cut_short_is_not_linked_and_pieces_stay_within_the_limit():
    address = "https://x.example/" + "a_b_" * 30
    clipped = fit(f"Read {address} today", 60)
    assert len(clipped) <= 60 and clipped.endswith("…") and "<" not in clipped
    text = " ".join([address] * 40)  # brackets would take each piece past the limit
    pieces = chunks(text, 500)
    assert all(len(piece) <= 500 for piece in pieces)
    assert [link for piece in pieces for link in links(piece)] == [address] * 40


def test_an_address_made_ascii_to_link_keeps_its_spelling_as_the_label():
    assert escape("at https://bücher.example/a_b_ now") == (
        "at <https://xn--bcher-kva.example/a_b_|https://bücher.example/a_bˍ> now"
    )


def test_an_address_too_long_to_link_or_not_on_the_web_is_text():
    long = "https://x.example/" + "a" * 2000
    assert links(escape(f"{long} _x_")) == []
    assert escape("ftp://x.example/_a_ and _b_") == "ftp://x.example/ˍaˍ and ˍbˍ"
