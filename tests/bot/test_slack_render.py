"""Replies as Block Kit: within Slack's limits however long the content, and article text
that can never become a mention or a link however hostile it is."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from bot.replies import ErrorKind, Reply, ReplyItem, error_reply
from bot.slack.render import render, safe_url
from bot.slack.text import chunks, command_text, escape, fit
from tests.fakes.slack.web_api import message_error

WHEN = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
HOSTILE = "<!channel> <@U0BOSS> <#C0SECRET|secret> <https://evil.example|click me> AT&T &amp;"
OUR_LINK = re.compile(r"<https?://[^<>|\s]+(?:\|[^<>]*)?>")
OUR_DATE = re.compile(r"<!date\^\d+\^\{date_short_pretty\} \{time\}\|[^<>]*>")


def story(n: int, *, sentences: int = 2, length: int = 80, **fields) -> ReplyItem:
    base = {
        "title": f"Story {n}: harbour walls",
        "url": f"https://news.example/{n}",
        "sources": ("Harwick Herald", "Gulf Courier"),
        "published": WHEN,
        "briefing": tuple(
            f"Sentence {s} of story {n} " + "x" * max(0, length - 25) + "."
            for s in range(sentences)
        ),
    }
    base.update(fields)
    return ReplyItem(**base)


def texts(block: dict) -> list[str]:
    if "text" in block:
        return [block["text"]["text"]]
    return [element["text"] for element in block.get("elements", [])]


def mrkdwn_texts(messages) -> list[str]:
    return [
        text
        for message in messages
        for block in message.blocks
        if block["type"] != "header"
        for text in texts(block)
    ]


def as_shown(mrkdwn: str) -> str:
    """What Slack shows of our links: the label, or the address of one without."""
    return re.sub(r"<([^<>|]*)(?:\|([^<>]*))?>", lambda m: m.group(2) or m.group(1), mrkdwn)


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_a_digest_is_a_header_then_a_linked_section_and_a_context_line_per_story():
    reply = Reply(title="Your digest", items=(story(1), story(2)), footer="Next digest 08:00")

    [message] = render(reply)

    kinds = [block["type"] for block in message.blocks]
    assert kinds == ["header", "section", "context", "section", "context", "context"]
    header = {"type": "plain_text", "text": "Your digest", "emoji": False}
    assert message.blocks[0]["text"] == header
    first = message.blocks[1]["text"]
    assert first["type"] == "mrkdwn" and first["verbatim"] is True
    assert first["text"].startswith("*<https://news.example/1|Story 1: harbour walls>*\n")
    assert "Sentence 0 of story 1" in first["text"] and "Sentence 1 of story 1" in first["text"]
    details = texts(message.blocks[2])
    assert details[0] == "Harwick Herald, Gulf Courier"
    assert OUR_DATE.fullmatch(details[1]) and details[1].endswith("|2026-03-04 08:00 UTC>")
    assert str(int(WHEN.timestamp())) in details[1]
    assert texts(message.blocks[-1]) == ["Next digest 08:00"]
    assert message.text.startswith("Your digest: Story 1: harbour walls; Story 2")
    assert message_error(message.as_arguments()) is None


def test_hostile_article_text_never_forms_a_mention_or_a_link():
    item = ReplyItem(
        title=HOSTILE,
        url="https://news.example/a?b=1&c=2|<x>",
        sources=(HOSTILE,),
        published=WHEN,
        briefing=(HOSTILE, "<<<>>>&&&"),
    )
    reply = Reply(title=HOSTILE, text=HOSTILE, lines=(HOSTILE,), items=(item,), footer=HOSTILE)

    messages = render(reply)

    for text in mrkdwn_texts(messages) + [message.text for message in messages]:
        ours_removed = OUR_DATE.sub("", OUR_LINK.sub("", text))
        assert "<" not in ours_removed and ">" not in ours_removed, text
    [section] = [t for t in mrkdwn_texts(messages) if t.startswith("*<https://news.")]
    links = [m.group(0) for m in OUR_LINK.finditer(section.split("\n")[0])]
    # the headline's link, its address with the link-ending characters encoded, and the
    # web address in the title shown as its own link (to what it shows, and only that)
    assert links == [
        "<https://news.example/a?b=1&amp;c=2%7C%3Cx%3E|&lt;!channel&gt; &lt;@U0BOSS&gt; "
        "&lt;#C0SECRET|secret&gt; &lt;>",
        "<https://evil.example>",
    ]
    # and what a reader sees is the text as it was
    assert unescape(as_shown(section.split("\n")[0])) == f"*{HOSTILE}*"


def test_only_web_addresses_become_links():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("mailto:someone@example.org") is None
    assert safe_url("https://") is None
    assert safe_url("https://x.example/" + "a" * 3000) is None
    assert safe_url("https://x.example/a b|c") == "https://x.example/a%20b%7Cc"
    [message] = render(Reply(title="t", items=(story(1, url="javascript:alert(1)"),)))
    assert message.blocks[1]["text"]["text"].startswith("*Story 1: harbour walls*")


def test_sixty_long_stories_split_over_messages_within_every_limit_and_in_order():
    items = tuple(story(n, sentences=12, length=400) for n in range(60))
    reply = Reply(title="A very long digest " * 20, text="intro " * 2000, items=items, footer="end")

    messages = render(reply)

    assert len(messages) > 1
    headlines = []
    for message in messages:
        assert message_error(message.as_arguments()) is None  # what Slack would refuse
        assert len(message.blocks) <= 50
        assert len(message.text) <= 3000
        for index, block in enumerate(message.blocks):
            for text in texts(block):
                assert 0 < len(text) <= (150 if block["type"] == "header" else 3000)
            if block["type"] == "section" and block["text"]["text"].startswith("*<"):
                headlines.append(block["text"]["text"].split("|")[1].split(">")[0])
                # a story's context line stays in the same message as its section
                assert message.blocks[index + 1]["type"] == "context"
    assert headlines == [f"Story {n}: harbour walls" for n in range(60)]
    assert messages[0].blocks[0]["type"] == "header"
    assert len(messages[0].blocks[0]["text"]["text"]) <= 150
    assert messages[1].text.endswith("(continued)")


def test_a_story_whose_briefing_is_longer_than_a_section_is_cut_at_a_sentence():
    item = story(1, sentences=3, length=2000)

    [message] = render(Reply(title="One", items=(item,)))

    text = message.blocks[1]["text"]["text"]
    assert len(text) <= 3000
    assert "Sentence 0 of story 1" in text
    assert text.endswith("…")
    assert "Sentence 2" not in text


def test_long_prose_and_lists_are_split_between_words_without_losing_any():
    words = [f"word{n}&" for n in range(3000)]
    reply = Reply(title="Sources", text=" ".join(words), lines=tuple(words[:900]))

    messages = render(reply)

    sections = [b["text"]["text"] for m in messages for b in m.blocks if b["type"] == "section"]
    assert all(len(text) <= 3000 for text in sections)
    prose = " ".join(unescape(text) for text in sections if not text.startswith("•"))
    assert prose.split() == words
    bullets = [line for text in sections if text.startswith("•") for line in text.split("\n")]
    assert [unescape(line) for line in bullets] == [f"• {word}" for word in words[:900]]


def test_an_error_is_one_private_section_with_its_title_in_bold():
    reply = error_reply(ErrorKind.FORBIDDEN, "Only admins can change topics <here>.")

    [message] = render(reply)

    assert [block["type"] for block in message.blocks] == ["section"]
    assert (
        message.blocks[0]["text"]["text"]
        == "*Admins only*\nOnly admins can change topics &lt;here&gt;."
    )


def test_escaping_and_fitting_never_cut_an_entity():
    assert escape("a<b>&c") == "a&lt;b&gt;&amp;c"
    for limit in range(2, 30):
        fitted = fit("&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&", limit)
        assert len(fitted) <= limit
        assert re.fullmatch(r"(&amp;)*…?", fitted), fitted
        for piece in chunks("<<<<<<<<<< >>>>>>>>>>", limit if limit >= 5 else 5):
            assert re.fullmatch(r"(&lt;|&gt;| )*", piece), piece


def test_command_text_is_what_the_person_typed():
    assert command_text("<@UBOT> brief AT&amp;T &lt;3", bot_user_id="UBOT") == "brief AT&T <3"
    assert command_text("summarize <https://x.example/a?b=1&amp;c=2|x.example/a>") == (
        "summarize https://x.example/a?b=1&c=2"
    )
    assert command_text("topics add <#C1|general> <@U2|ann>", bot_user_id="UBOT") == (
        "topics add #general @ann"
    )
    assert command_text("  <@UBOT>  ", bot_user_id="UBOT") == ""
    typed = "<@UBOT> summarize  Head\r\n\n\n\n  First  one.\nstill first.\n\nSecond. "
    assert command_text(typed, bot_user_id="UBOT") == (
        "summarize Head\n\nFirst one.\nstill first.\n\nSecond."
    )


def test_emoji_in_command_text_are_not_keywords_but_times_stay():
    """Slack sends an emoji as its name between colons: a picture, not a word to search."""
    assert command_text("brief :lock: port :wave::skin-tone-3:") == "brief port"
    assert command_text("schedule set 08:00 Europe/Berlin") == "schedule set 08:00 Europe/Berlin"
    assert command_text("topics add :100: grid") == "topics add grid"
    assert command_text("summarize at 10:30: the council met") == (
        "summarize at 10:30: the council met"
    )


def json_text(message) -> str:
    return json.dumps(message.as_arguments())


def test_an_empty_reply_is_still_one_message_so_a_command_is_always_answered():
    for reply in (Reply(title=""), Reply(title="", footer=" "), error_reply(ErrorKind.USAGE, "")):
        [message] = render(reply)
        assert message_error(message.as_arguments()) is None
        assert texts(message.blocks[-1]) and "**" not in json_text(message)


def test_an_error_with_no_title_shows_no_empty_bold_marks():
    [message] = render(Reply(title="", text="Try brief cyber.", error=ErrorKind.USAGE))
    assert [texts(block) for block in message.blocks] == [["Try brief cyber."]]


def test_an_address_with_a_non_ascii_host_is_linked_by_its_idna_name():
    assert safe_url("https://bücher.example/ä") == "https://xn--bcher-kva.example/%C3%A4"
    assert safe_url("https://x.example/a%20b") == "https://x.example/a%20b"  # not twice
    assert safe_url("https://bad host.example/") is None


def test_messages_carry_the_ids_of_their_stories_in_order():
    items = tuple(story(n, sentences=12, length=400, story_id=n) for n in range(20))
    messages = render(Reply(title="Digest", items=items))
    assert len(messages) > 1 and all(message.story_ids for message in messages)
    assert [i for message in messages for i in message.story_ids] == list(range(20))


@pytest.mark.parametrize(
    ("sources", "named"),
    [
        ((), None),
        (("Harwick Herald",), "Harwick Herald"),
        (("Harwick Herald", "Gulf Courier"), "Harwick Herald, Gulf Courier"),
    ],
)
def test_a_story_names_its_outlets_and_one_without_any_names_none(sources, named):
    """A summary of pasted text has no source: its context line holds only the time, never
    "and -1 more"."""
    [message] = render(Reply(title="Summary", items=(story(1, sources=sources),)))
    details = texts(message.blocks[2])
    assert details[:-1] == ([named] if named else [])
    assert OUR_DATE.fullmatch(details[-1])
    assert "more" not in json.dumps(message.blocks)
    assert message_error(message.as_arguments()) is None


def test_many_outlets_end_with_how_many_more_were_left_out():
    outlets = tuple(f"Outlet {n}" for n in range(60))
    [message] = render(Reply(title="Summary", items=(story(1, sources=outlets),)))
    named = texts(message.blocks[2])[0]
    shown = named.split(" and ")[0].split(", ")
    assert shown[:2] == ["Outlet 0", "Outlet 1"]
    assert named.endswith(f" and {60 - len(shown)} more") and 60 - len(shown) > 0


def test_a_story_briefing_names_the_outlet_after_each_sentence():
    item = story(
        1,
        briefing=("The council approved the plan.", "It will cost 48 million euros."),
        attributions=("Harwick Herald", "Gulf Courier"),
    )
    joined = " ".join(mrkdwn_texts(render(Reply(title="Brief", items=(item,)))))
    assert "The council approved the plan. (Harwick Herald)" in joined
    assert "It will cost 48 million euros. (Gulf Courier)" in joined
