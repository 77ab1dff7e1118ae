"""Rendering replies for Discord: every message within every limit, hostile text inert.

Each rendered message is checked by the fake Discord's own rules (tests/fakes/discord/
limits.py), the ones that make it answer 400 Invalid Form Body.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import discord
import pytest

from bot.discord.render import (
    clip,
    render,
    render_pages,
    safe_url,
    split_text,
    units,
)
from bot.replies import ErrorKind, Reply, ReplyItem, error_reply
from tests.fakes.discord import limits

WHEN = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
HOSTILE = (
    "@everyone @here <@123456789012345678> <@!123456789012345678> <@&223456789012345678> "
    "**bold** __under__ ||spoiler|| `code` ```block``` [click me](https://evil.example/x) "
    "> quote\n# Heading\n- list"
)


def body(message) -> dict:
    """The JSON discord.py sends for this message."""
    kwargs = message.send_kwargs()
    data = {"embeds": [e.to_dict() for e in kwargs["embeds"]]}
    if kwargs["content"] is not None:
        data["content"] = kwargs["content"]
    data["allowed_mentions"] = kwargs["allowed_mentions"].to_dict()
    return data


def assert_accepted(messages) -> None:
    assert messages, "nothing rendered"
    for message in messages:
        data = body(message)
        assert limits.message_errors(data) == [], data
        assert not limits.is_empty(data)
        assert limits.pings(data) == []
        # even if allowed_mentions were lost on the way, the text itself mentions no one
        assert limits.pings({"content": data.get("content", "")}) == []


def story(n: int, *, title: str = "", sources: int = 1, sentences: int = 3, size: int = 1):
    return ReplyItem(
        title=title or f"Story number {n} about the harbour walls",
        url=f"https://news.example/{n}",
        sources=tuple(f"Outlet {k}" for k in range(sources)),
        published=WHEN,
        briefing=tuple(
            f"Sentence {s} of story {n} " + "word " * size + "ends." for s in range(sentences)
        ),
        story_id=n,
    )


def test_a_briefing_is_an_embed_with_linked_title_outlets_time_and_sentences():
    [message] = render(
        Reply(title="Briefing: port", items=(story(1, sources=2),), footer="1 match")
    )
    assert message.content == "**Briefing: port**\n-# 1 match"
    [embed] = message.embeds
    assert embed.title == "Story number 1 about the harbour walls"
    assert embed.url == "https://news.example/1"
    assert embed.footer.text == "Outlet 0 · Outlet 1"
    assert embed.timestamp == WHEN
    assert (
        embed.description.startswith("Sentence 0 of story 1") and "Sentence 2" in embed.description
    )
    assert_accepted([message])


def test_a_long_digest_is_split_over_messages_within_every_limit_in_order():
    items = tuple(story(n, sources=40, sentences=60, size=30) for n in range(40))
    messages = render(Reply(title="Your briefing for Monday 2 March", items=items, footer="40"))
    assert_accepted(messages)
    assert len(messages) > 1
    assert [m.content for m in messages][1:] == [""] * (len(messages) - 1)
    shown = [e.url for m in messages for e in m.embeds]
    assert shown == [item.url for item in items]  # every story once, in order
    for message in messages:
        assert len(message.embeds) <= 10
        assert sum(limits.embed_length(e.to_dict()) for e in message.embeds) <= 6000
    for embed in (e for m in messages for e in m.embeds):
        assert embed.description.endswith(" …")  # whole sentences, then a mark of the cut
        assert "+" in embed.footer.text and units(embed.footer.text) <= 200


def test_ten_short_stories_share_one_message():
    messages = render(Reply(title="Digest", items=tuple(story(n) for n in range(10))))
    assert len(messages) == 1 and len(messages[0].embeds) == 10
    assert_accepted(messages)
    eleven = render(Reply(title="Digest", items=tuple(story(n) for n in range(11))))
    assert [len(m.embeds) for m in eleven] == [10, 1]


def test_hostile_article_text_is_shown_as_typed_and_pings_no_one():
    item = ReplyItem(
        title=HOSTILE,
        url="https://news.example/x",
        sources=(HOSTILE,),
        briefing=(HOSTILE, HOSTILE),
    )
    reply = Reply(title=HOSTILE, text=HOSTILE, items=(item,), footer=HOSTILE, lines=(HOSTILE,))
    messages = render(reply)
    assert_accepted(messages)
    content = messages[0].content
    assert "@\u200beveryone" in content and "@everyone" not in content
    assert "<@123456789012345678>" not in content
    embed = [e for m in messages for e in m.embeds if e.url][0]
    # no masked link: the bracket is escaped, and the address is a link to itself
    assert "\\[click me](<https://evil.example/x>)" in embed.description
    assert "\\*\\*bold\\*\\*" in embed.description
    assert "@everyone" not in embed.title
    text_only = render(Reply(title=HOSTILE, text=HOSTILE, lines=(HOSTILE,), footer=HOSTILE))
    assert_accepted(text_only)
    assert all(m.content == "" for m in text_only)  # prose goes in embeds, never content


def test_counts_are_utf16_as_discord_counts_them():
    rocket = "\U0001f680"  # two UTF-16 units
    item = ReplyItem(title=rocket * 300, briefing=(rocket * 3000,), sources=(rocket * 500,))
    messages = render(Reply(title=rocket * 300, text=rocket * 3000, items=(item,)))
    assert_accepted(messages)
    [embed] = messages[0].embeds
    assert units(embed.title) <= 256 and units(embed.description) <= 4096
    assert units(messages[0].content) <= 2000
    assert clip(rocket * 10, 5) == rocket * 2 + "…"


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://news.example/a?b=c#d", True),
        ("http://news.example/", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("ftp://news.example/a", False),
        ("https://news example/a", False),
        ("https://", False),
        ("https://news.example/" + "a" * 3000, False),
        ("", False),
        (None, False),
    ],
)
def test_only_web_addresses_become_links(url, kept):
    assert (safe_url(url) is not None) is kept
    [message] = render(Reply(title="t", items=(ReplyItem(title="A story", url=url),)))
    assert (message.embeds[0].url is not None) is kept
    assert_accepted([message])


def test_long_lists_and_prose_are_split_over_embeds_and_messages():
    lines = tuple(f"https://feeds.example/{n}/rss.xml — source number {n}" for n in range(2000))
    messages = render(Reply(title="Sources", text="The bot reads these. " * 400, lines=lines))
    assert_accepted(messages)
    description = "\n".join(e.description for m in messages for e in m.embeds if e.description)
    positions = [
        description.index(f"source number {n}\n" if n < 1999 else "source number 1999")
        for n in range(0, 2000, 97)
    ]
    assert positions == sorted(positions)  # every line kept, in order
    assert messages[0].embeds[0].title == "Sources"
    assert all(e.title is None for m in messages for e in m.embeds[1:])


def test_an_error_is_one_red_embed():
    [message] = render(error_reply(ErrorKind.FORBIDDEN, "Only people with Manage Server can."))
    [embed] = message.embeds
    assert embed.title == "Admins only" and embed.colour.value == 0xC53030
    assert embed.description == "Only people with Manage Server can."
    assert_accepted([message])


def test_pages_hold_at_most_three_stories_and_repeat_the_title():
    reply = Reply(title="Briefing: harbour", items=tuple(story(n) for n in range(5)), footer="5")
    pages = render_pages(reply)
    assert [len(p.embeds) for p in pages] == [3, 2]
    assert all(p.content == "**Briefing: harbour**\n-# 5" for p in pages)
    assert_accepted(pages)
    long_items = tuple(story(n, sentences=40, size=20) for n in range(3))
    assert all(len(p.embeds) == 1 for p in render_pages(Reply(title="t", items=long_items)))
    assert len(render_pages(Reply(title="Help", lines=("one", "two")))) == 1


def test_an_empty_reply_still_makes_a_valid_message():
    assert_accepted(render(Reply(title="")))
    assert_accepted(render(Reply(title="", items=(ReplyItem(title=""),))))


def test_cutting_text_keeps_words_and_never_leaves_an_escape_dangling():
    assert clip("one two three four five six", 12) == "one two…"
    assert clip("short", 10) == "short"
    assert not clip("abc\\" + "x" * 20, 5).endswith("\\…")
    pieces = split_text("First sentence here. " * 500, 1000)
    assert all(units(p) <= 1000 for p in pieces)
    assert all(p.endswith("here.") for p in pieces[:-1])
    assert "".join(pieces).replace("here.First", "here. First").count("First") == 500


def test_discord_py_builds_the_same_payload_the_limits_were_checked_on():
    """The embeds are discord.py's own objects, so what is checked is what is sent."""
    [message] = render(Reply(title="Briefing", items=(story(1),)))
    assert all(isinstance(e, discord.Embed) for e in message.embeds)
    assert message.send_kwargs()["allowed_mentions"].to_dict() == {"parse": []}


@pytest.mark.parametrize(
    ("count", "footer"),
    [(0, None), (1, "Outlet 0"), (2, "Outlet 0 · Outlet 1")],
)
def test_a_story_names_its_outlets_and_one_without_any_has_no_outlet_line(count, footer):
    """A summary of pasted text has no source: no footer, never "+-1 more"."""
    [message] = render(Reply(title="Summary", items=(story(1, sources=count),)))
    [embed] = message.embeds
    assert embed.footer.text == footer
    assert "more" not in json.dumps(body(message))
    assert_accepted([message])


def test_many_outlets_end_with_how_many_more_were_left_out():
    [message] = render(Reply(title="Summary", items=(story(1, sources=60),)))
    footer = message.embeds[0].footer.text
    shown = footer.split(" · +")[0].split(" · ")
    assert shown[:2] == ["Outlet 0", "Outlet 1"]
    assert footer.endswith(f" · +{60 - len(shown)} more") and 60 - len(shown) > 0
    assert_accepted([message])


def test_a_story_briefing_names_the_outlet_after_each_sentence():
    item = ReplyItem(
        title="Flood plan approved",
        url="https://news.example/1",
        sources=("Harwick Herald", "Gulf Courier"),
        briefing=("The council approved the plan.", "It will cost 48 million euros."),
        attributions=("Harwick Herald", "Gulf Courier"),
    )
    (message,) = render(Reply(title="Brief", items=(item,)))
    assert_accepted([message])
    description = body(message)["embeds"][0]["description"]
    assert description == (
        "The council approved the plan. (Harwick Herald) "
        "It will cost 48 million euros. (Gulf Courier)"
    )


def test_a_plain_text_answer_keeps_whole_lines_within_2000_characters_and_ends_with_the_note():
    """Many long stories: whole lines while they fit, a last briefing cut at a word, never
    a headline or a link cut; the note that the bot needs Embed Links always ends it."""
    from bot.discord.plain import NEEDS_EMBED_LINKS, plain_text

    items = tuple(
        ReplyItem(
            title=f"Story {n} about *markdown* and @here",
            url=f"https://news.example/{n}",
            sources=("Harwick Herald", "Coastal Times"),
            briefing=tuple(f"Sentence {k} of story {n} tells 🌊 what happened." for k in range(6)),
        )
        for n in range(1, 20)
    )
    text = plain_text(Reply(title="Your briefing", text="Prose.", items=items, footer="19 stories"))

    assert units(text) <= 2000
    assert text.endswith("\n" + NEEDS_EMBED_LINKS)
    lines = text.splitlines()
    assert lines[:2] == ["**Your briefing**", "Prose."]
    headlines = [line for line in lines if line.startswith("**") and line != lines[0]]
    assert headlines[0] == (
        "**1. Story 1 about \\*markdown\\* and @\u200bhere** <https://news.example/1>"
    )
    assert all(line.endswith(">") for line in headlines)  # no headline or link cut
    assert "@here" not in text
    assert "19 stories" not in text  # the footer did not fit: left out, not cut
    assert not lines[-2].startswith("**")  # no headline without its briefing
    assert units(text) > 1700  # the room was used

    long = ReplyItem(title="Long", briefing=tuple(f"Sentence {k} is long." for k in range(200)))
    [_, headline, briefing, note] = plain_text(Reply(title="T", items=(long,))).splitlines()
    assert headline == "**1. Long**" and note == NEEDS_EMBED_LINKS
    assert briefing.startswith("Sentence 0 is long.") and briefing.endswith("…")


def test_a_plain_text_story_with_a_short_briefing_is_kept_when_it_fits_whole():
    """A headline waits for room for some of its briefing, but no more room than that
    briefing takes: a story that fits whole is not left out for want of a longer cut."""
    from bot.discord.plain import plain_text

    story = ReplyItem(title="Second", briefing=("Short one.",))
    reply = Reply(title="Brief", items=(story,))
    whole = plain_text(reply, limit=10_000)

    assert plain_text(reply, limit=units(whole)) == whole
    assert "**1. Second**\nShort one." in whole


def test_addresses_in_a_briefing_are_whole_links_and_the_text_around_them_escaped():
    """Discord's client ends an address before a ")" and discord.py's escaping leaves what
    it takes for one alone: in <…> the address opens as written, and marks beside it are
    escaped as everywhere else."""
    sentence = (
        "Read https://en.example/wiki/Harbour_(port) and *this* "
        "(see https://files.example/a_b*c*/d). Or https://social.example/@here now."
    )
    item = dataclasses.replace(story(1), briefing=(sentence,))
    [message] = render(Reply(title="Briefing: port", items=(item,)))
    assert_accepted([message])
    description = message.embeds[0].description
    assert "Read <https://en.example/wiki/Harbour_(port)> and \\*this\\*" in description
    assert "(see <https://files.example/a_b*c*/d>)." in description
    assert "Or <https://social.example/@here> now." in description  # no space in the link


def test_an_address_in_an_embed_title_is_escaped_like_the_rest_of_it():
    """A title shows no links, so marks inside an address there would format it."""
    item = dataclasses.replace(story(1), title="Leak at https://x.example/*draft*/_v2_")
    [message] = render(Reply(title="Briefing: leak", items=(item,)))
    title = message.embeds[-1].title
    assert title == "Leak at https://x.example/\\*draft\\*/\\_v2\\_"


def test_a_cut_never_leaves_half_a_link():
    """A line cut to its limit where an address runs past it drops the address rather than
    leave "<https://…" open (Discord would link what is left of it)."""
    line = "word " * 650 + "https://news.example/" + "a" * 200
    [message] = render(Reply(title="Sources", lines=(line,)))
    description = message.embeds[0].description
    assert description.endswith("word…") and "<https" not in description
    whole = render(Reply(title="Sources", lines=("word https://news.example/a_b",)))
    assert whole[0].embeds[0].description == "• word <https://news.example/a_b>"


@pytest.mark.parametrize("length", [1_000, 1_500, 2_000])
def test_a_line_holding_a_long_address_keeps_it_whole(length):
    """``sources list`` with a source address of up to 2,000 characters (what the bot
    accepts): the line shows the address as a whole link and what follows it, instead of
    "• feed …" with the address cut away."""
    address = "https://news.example/" + "a" * (length - 21)
    [message] = render(Reply(title="Sources", lines=(f"feed {address} — ok", "page b")))
    description = "".join(embed.description or "" for embed in message.embeds)
    assert f"• feed <{address}> — ok" in description
    assert description.endswith("• page b")
