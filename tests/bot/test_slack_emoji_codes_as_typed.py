"""Article text holding Slack's emoji codes (":fire:") and whole-channel mentions, through
the real slack-bolt app and command layer over a real store, answered to the fake Web API.

Slack shows ":name:" in mrkdwn, in a message's fallback text and in a header's plain_text
with ``"emoji": true`` as the emoji of that name: an article's ":fire:" would show as a
picture, not as the article wrote it."""

from __future__ import annotations

import re

import pytest

from summaries.store import open_store
from tests.bot.test_slack_http import put
from tests.bot.test_slack_marks_and_mentions import as_seen, brief
from tests.bot.test_slack_quotes_as_typed import mrkdwn_texts

TITLE = "Harbour :fire: drill at 10:30:45 goes :thumbsup::skin-tone-2: well"
BODY = (
    "The harbour crew shouted :rotating_light: and :a:b:c: at 08:00 (see "
    "https://bücher.example/a/:fire:/b today). Work starts."
)
OUTLET = ":newspaper: Wire"
MENTIONS = "Pilots wrote <!channel> and <!here|here> and @channel and @here to all. Done."
# An emoji code as Slack reads it: a colon, a name, a colon (not the digits of a time).
EMOJI_CODE = re.compile(r"(?<![0-9]):[a-z0-9_+'-]+:")
COLON_LOOK_ALIKE = "\ua789"
# A link's address, which Slack does not show: <address|label> or <address>.
LINK_TARGET = re.compile(r"<[^<>|]*\||<[^<>|]*>")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        put(opened, 1, TITLE, BODY, source=OUTLET)
        put(opened, 2, "Harbour pilots letter", MENTIONS)
        yield opened


def seen(text: str) -> str:
    return as_seen(text).replace(COLON_LOOK_ALIKE, ":")


def test_emoji_codes_in_article_text_show_as_typed(store, tmp_path):
    answer = brief(store, tmp_path, "harbour")
    texts = mrkdwn_texts(answer)
    shown = [*texts, answer["text"]]
    assert [text for text in shown if EMOJI_CODE.search(LINK_TARGET.sub("", text))] == []
    headers = [b["text"] for b in answer["blocks"] if b["type"] == "header"]
    assert all(not header["emoji"] or not EMOJI_CODE.search(header["text"]) for header in headers)
    joined = "\n".join(seen(text) for text in texts)
    assert TITLE in joined and OUTLET in joined
    assert "shouted :rotating_light: and :a:b:c: at 08:00 (see " in joined
    assert "|https://bücher.example/a/:fire:/b> today)." in joined  # the label as written
    assert "10:30:45" in joined and "08:00" in joined  # times are left as typed


def test_an_article_title_as_a_header_shows_its_emoji_codes_as_typed():
    """A header's plain_text reads ":name:" as an emoji unless told not to."""
    from bot.replies import Reply
    from bot.slack.render import render

    [message] = render(Reply(title=TITLE, text="Body."))
    [header] = [b["text"] for b in message.blocks if b["type"] == "header"]
    assert header["text"] == TITLE and header["emoji"] is False


def test_whole_channel_mentions_in_article_text_never_ping(store, tmp_path):
    answer = brief(store, tmp_path, "pilots")
    texts = mrkdwn_texts(answer)
    for text in [*texts, answer["text"]]:
        assert not re.search(r"<!(?!date\^)", text)  # only the bot's own dates open so
    assert all(
        block["text"].get("verbatim") for block in answer["blocks"] if block["type"] == "section"
    )  # Slack links no "@channel" typed in a verbatim text
    joined = "\n".join(seen(text) for text in texts)
    assert "<!channel> and <!here|here> and @channel and @here" in joined


@pytest.mark.parametrize(
    "text",
    [
        "The ferry runs 9:00-10:00 daily.",
        "Talks from 12:30-13:45 at the pier.",
        "At 10:30am: the crew met.",
        "09:15h: the ferry left.",
    ],
)
def test_a_time_followed_by_a_word_and_a_colon_is_left_as_typed(text):
    """A colon between two digits is a time's (10:30), whatever follows it: only a colon
    before a letter or outside digits may open a code (":fire:", "Top 10:fire:")."""
    from bot.replies import Reply
    from bot.slack.render import render

    [message] = render(Reply(title="Harbour", text=f"{text} Top 10:fire: picks."))
    [section] = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    for shown in (section, message.text):
        assert text in shown
        assert f"Top 10{COLON_LOOK_ALIKE}fire: picks." in shown
